"""How to reach a customer: mobile and landline numbers, e-mail addresses, WeChat ids."""

from __future__ import annotations

from datetime import date
from random import Random

from crmdesk.demo_data.draws import _below, _range, _Weighted
from crmdesk.demo_data.names import _Name
from crmdesk.demo_data.places import _City

_MOBILE_PREFIX = _Weighted(
    [(str(p), 3.0) for p in range(130, 140)]
    + [(str(p), 3.0) for p in (150, 151, 152, 153, 155, 156, 157, 158, 159)]
    + [("166", 1.0)]
    + [(str(p), 0.6) for p in (172, 173, 175, 176, 177, 178)]
    + [(str(p), 3.0) for p in range(180, 190)]
    + [("198", 1.0), ("199", 1.0)]
)


def _mobile(rng: Random) -> str:
    return _MOBILE_PREFIX.pick(rng) + f"{_below(rng, 100_000_000):08d}"


def _landline(rng: Random, city: _City) -> str:
    """Trunk 0 + area code + a local number starting 2..8 (0/1/9 and 400/800 are
    not ordinary subscriber numbers)."""
    rest = city.local_len - 1
    while True:
        local = f"{_range(rng, 2, 9)}{_below(rng, 10 ** rest):0{rest}d}"
        if not local.startswith(("400", "800")):
            return city.area + local


_EMAIL_DOMAINS = _Weighted([
    ("qq.com", 35), ("163.com", 30), ("126.com", 12), ("foxmail.com", 8), ("sina.com", 5),
    ("139.com", 5), ("outlook.com", 5),
])


def _email_local(rng: Random, name: _Name, birthday: date | None) -> str:
    r = rng.random()
    if r < 0.35:
        return name.py_surname + name.py_given
    if r < 0.6:
        if birthday is not None and rng.random() < 0.6:
            suffix = birthday.year
        else:
            suffix = _range(rng, 1, 100)
        return f"{name.py_surname}{name.py_given}{suffix}"
    if r < 0.8:
        return f"{name.py_given}.{name.py_surname}"
    return f"{name.py_surname}_{name.py_given[:1]}{_range(rng, 100, 1000)}"


def _wechat(rng: Random, name: _Name, mobile: str | None) -> str:
    if mobile is not None and rng.random() < 0.5:
        return mobile
    base = (name.py_surname + name.py_given)[:14]
    sep = "_" if rng.random() < 0.4 else ""
    return f"{base}{sep}{_range(rng, 1, 10000)}".ljust(6, "0")
