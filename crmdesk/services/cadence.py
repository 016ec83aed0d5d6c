"""Generating the cadence follow-ups of the whole file (domain.cadence): call-backs, reviews, feedback, touchpoints.

Everything is read in a few whole-file queries, the rules decide per
customer, and what is new is stored in one transaction.  Safe to run at every
open and as often as wanted: a follow-up already made (and since moved, done,
cancelled or binned) is never made again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from crmdesk.domain.cadence import Cadence, CadenceFacts, CadenceRules
from crmdesk.domain.followups import FollowUp
from crmdesk.storage import file_settings
from crmdesk.storage import followups as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.gc_pause import gc_paused

_CHUNK = 5000  # customers between progress reports
_NO_STATE = store.CadenceState(None, False, False)
_NO_KEYS: frozenset[str] = frozenset()


def plan_follow_ups(cf: CustomerFile, today: date, rules: CadenceRules | None = None,
                    progress: Callable[[int, int], None] | None = None) -> list[FollowUp]:
    """The follow-ups the cadences would add as of ``today`` (nothing is stored).

    ``rules``: the file's own (File -> File settings) unless given;
    ``progress(done, total)`` is called every few thousand customers.
    """
    if rules is None:
        rules = file_settings.cadence_rules(cf)
    cadence = Cadence(today, rules)
    with gc_paused():  # a few tuples per customer, none in a cycle
        customers = store.cadence_customers(cf)
        contacts = store.last_contacts(cf, today)
        states = store.cadence_states(cf)
        keys = store.generated_keys_from(cf, cadence.key_floors())
        purchases = (order_store.purchase_days_between(cf, cadence.purchases_from, today)
                     if rules.touchpoint_days else {})
        made: list[FollowUp] = []
        follow_ups_for = cadence.follow_ups_for
        for start in range(0, len(customers), _CHUNK):
            for cid, is_company, owner, tier in customers[start:start + _CHUNK]:
                state = states.get(cid, _NO_STATE)
                made += follow_ups_for(
                    CadenceFacts(cid, tier, is_company, owner, contacts.get(cid), state.last_call_back,
                                 state.open_call_back, state.open_feedback, purchases.get(cid, ())),
                    keys.get(cid, _NO_KEYS),
                )
            if progress is not None:
                progress(min(start + _CHUNK, len(customers)), len(customers))
    return made


def generate_follow_ups(cf: CustomerFile, today: date, rules: CadenceRules | None = None,
                        progress: Callable[[int, int], None] | None = None) -> int:
    """Add the cadence follow-ups due from today to the horizon; returns how many were added.

    A read-only file gets none (0).  Raises WriteError when the file refuses.
    """
    if cf.read_only:
        return 0
    made = plan_follow_ups(cf, today, rules, progress)
    if not made:
        return 0
    with gc_paused():  # a uid and a row of values per follow-up
        return store.insert_follow_ups(cf, made)
