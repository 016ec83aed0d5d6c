"""Tiers and RFM for the whole file as of ``today`` (the rules are pure domain functions)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from crmdesk.domain.tiers import RfmInput, RfmScore, TierResult, TierRules, abc_tiers, rfm_scores, window_start
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.storage import tiers as tier_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.gc_pause import gc_paused
from crmdesk.storage.orders import ledger_customers


class CustomerTier(NamedTuple):
    """A tuple: made once per customer, 100,000 times on a big file."""

    customer_id: int
    code: str
    name: str
    tier: TierResult
    rfm: RfmScore | None  # None: no purchase in the window


def compute_tiers(cf: CustomerFile, today: date, rules: TierRules | None = None) -> list[CustomerTier]:
    """Every customer (recycle bin excepted), by code: tier, why, and RFM over the window.

    ``rules``: the file's own (File -> File settings) unless given.
    """
    if rules is None:
        rules = file_settings.tier_rules(cf)
    with gc_paused():  # several tuples per customer
        bought = order_store.purchases_between(cf, window_start(today, rules), today)
        customers = ledger_customers(cf)
        tiers = abc_tiers({cid: bought.get(cid, (0,))[0] for cid, *_ in customers}, rules)
        rfm = rfm_scores(
            {cid: RfmInput(last_purchase=last, purchase_days=days, total=total)
             for cid, (total, last, days) in bought.items() if total > 0},
            today,
        )
        return [CustomerTier(cid, code, name, tiers[cid], rfm.get(cid)) for cid, code, name, _limit in customers]


def recompute_tiers(cf: CustomerFile, today: date, rules: TierRules | None = None) -> int:
    """Compute and store every customer's tier (on open, and when the file's tier rules change).

    Returns how many changed; ``rules``: the file's own unless given.
    """
    return len(store_tiers(cf, compute_tiers(cf, today, rules), today))


def store_tiers(cf: CustomerFile, rows: list[CustomerTier], today: date) -> list[int]:
    """Store computed tiers (nothing in a read-only file); returns the customers whose tier changed."""
    if cf.read_only:
        return []
    return tier_store.save_tiers(cf, {r.customer_id: r.tier for r in rows}, today)
