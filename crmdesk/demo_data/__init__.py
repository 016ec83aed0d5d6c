"""Realistic, reproducible demo customers.

``generate_customers(n, seed, today=...)`` yields ``n`` new customers (``id``
and ``code`` left ``None`` for storage to assign) that look like the file of a
Chinese small business or logistics sales clerk: about 60 % personal and 40 %
company customers, many of the companies logistics firms.

Everything is drawn from one ``random.Random(seed)`` in a fixed order over
tuples, never sets or dicts keyed by hash, and no clock is read (``today`` is
a parameter), so the same ``n``/``seed``/``today`` give identical output in
every process whatever ``PYTHONHASHSEED`` is.  The first ``k`` customers of a
run do not depend on ``n``.

Generated numbers are valid, not merely well-shaped:

* 身份证 numbers have a real region code of the customer's province (valid
  for the birth year, as ``stdnum.cn.ric`` checks), the birthday as birth
  date, a gender digit matching ``gender`` and the ISO 7064 check digit;
* 统一社会信用代码 are ``91`` + the company's district code + a GB 11714
  organisation code with its own check character + the GB 32100 check
  character;
* mobiles use allocated mobile prefixes and landlines the city's area code
  and local-number length, so ``phonenumbers`` accepts them.

Only the standard library and ``crmdesk.domain.customer`` are used.  Where
things live: ``draws`` (helpers over the one ``Random``), ``names``,
``places``, ``contact_details``, ``id_numbers``, ``common_fields``, then
``persons`` and ``companies`` build one customer of each kind.  Names with a
leading underscore are private to this package.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from random import Random

from crmdesk.demo_data.common_fields import SALES_TEAM, TAGS
from crmdesk.demo_data.companies import _company
from crmdesk.demo_data.ledger import generate_ledger
from crmdesk.demo_data.names import _POLY_SURNAME, PINYIN, POLYPHONIC_SURNAMES
from crmdesk.demo_data.persons import _person
from crmdesk.demo_data.places import CITIES
from crmdesk.domain.customer import Customer

__all__ = [
    "generate_customers", "generate_ledger", "TAGS", "SALES_TEAM", "CITIES", "POLYPHONIC_SURNAMES",
    "PINYIN",
]


def generate_customers(n: int, seed: int, *, today: date) -> Iterator[Customer]:
    """Yield ``n`` valid demo customers, the same ones for the same arguments.

    ``today`` anchors ages, founding dates and ``last_verified`` (within two
    years before it).  Customers come with ``id=None`` and ``code=None``.
    Within the first 20 customers at least one person has a polyphonic or
    compound surname (单, 曾, 欧阳…), so a pinyin search demo finds one.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    rng = Random(seed)
    showcase_done = False
    for i in range(n):
        if rng.random() < 0.6:
            surname = None
            if not showcase_done and 10 <= i < 20:
                surname = _POLY_SURNAME.pick(rng)  # nothing polyphonic yet: show one
            customer = _person(rng, today, surname)
            if customer.name.startswith(POLYPHONIC_SURNAMES):
                showcase_done = True
        else:
            customer = _company(rng, today)
        yield customer
