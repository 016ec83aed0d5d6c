"""Campaigns (市场活动): create one for chosen customers or by a filter, mark customers reached, and
what each campaign paid back (revenue, gross margin and ROI with every number behind them).

Each user action is checked first, then stored in one transaction.  A
campaign that fails its checks raises ``CampaignInvalid`` with the field
errors, and nothing is stored.

The definitions (domain.campaigns, computed in SQL by storage.campaigns):

- attributed orders: non-deleted orders of the campaign's reached customers
  with reached_on <= order_date <= end_date + window_days and order_date <= today;
- attributed revenue: sum(amount) of those; attributed margin: sum(amount - cost)
  over those that have a cost, the others counted as ``orders_without_cost``;
- ROI = (attributed margin - cost) / cost, an exact Fraction; None when the cost is 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from crmdesk.domain.campaigns import (
    Campaign,
    CampaignResult,
    TargetFilter,
    campaign_errors,
    reached_errors,
)
from crmdesk.domain.validation import ErrorCode, FieldError, clean_single_line, clean_text
from crmdesk.storage import campaigns as store
from crmdesk.storage.campaigns import TargetRow
from crmdesk.storage.customer_file import CustomerFile

__all__ = [
    "CampaignInvalid", "CampaignResult", "TargetRow", "campaign_results", "campaign_targets",
    "checked", "create_campaign", "create_from_filter", "delete_campaign", "mark_reached", "matching_count",
    "update_campaign",
]


class CampaignInvalid(ValueError):
    """A campaign, or a reached day, that cannot be stored; ``errors`` say what to fix (nothing was stored)."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = tuple(dict.fromkeys(errors))
        super().__init__(", ".join(f"{e.field}: {e.code.value}" for e in self.errors))


def _cleaned_filter(f: TargetFilter) -> TargetFilter:
    """Text values on one line, blanks dropped, each value once (in the order given)."""
    if not isinstance(f, TargetFilter):
        return f

    def texts(values: object) -> object:
        if not isinstance(values, tuple) or not all(isinstance(v, str) for v in values):
            return values  # filter_errors reports the wrong type
        return tuple(dict.fromkeys(v for v in (clean_single_line(v) for v in values) if v))

    def members(values: object) -> object:
        return tuple(dict.fromkeys(values)) if isinstance(values, tuple) else values

    return TargetFilter(
        tiers=members(f.tiers), segments=members(f.segments),  # type: ignore[arg-type]
        regions=texts(f.regions), tags=texts(f.tags),  # type: ignore[arg-type]
        bought=texts(f.bought), not_bought=texts(f.not_bought),  # type: ignore[arg-type]
    )


def _cleaned(c: Campaign) -> Campaign:
    """Text as stored (reliability.md #7): no control characters, NFC, the name on one line."""
    name = clean_single_line(c.name) if isinstance(c.name, str) else c.name
    note = c.note
    if isinstance(note, str):
        note = clean_text(note).strip() or None
    return replace(c, name=name, note=note, target_filter=_cleaned_filter(c.target_filter))


def checked(c: Campaign) -> Campaign:
    """The campaign as it would be stored (cleaned); raises CampaignInvalid with what is wrong."""
    c = _cleaned(c)
    errors = campaign_errors(c)
    if errors:
        raise CampaignInvalid(errors)
    return c


def create_campaign(cf: CustomerFile, campaign: Campaign, customer_ids: Iterable[int]) -> Campaign:
    """Store a new campaign with these customers as its targets (not reached yet), in one transaction.

    Also how a list of suggested customers (cross-selling, win-back ...)
    becomes a campaign.  Each id counts once; an id that is not a customer
    outside the recycle bin refuses the whole campaign (CampaignInvalid,
    ``customer_ids`` CUSTOMER_NOT_FOUND with the ``ids``).  The campaign's
    ``target_filter`` is stored as given (the empty filter when the customers
    were chosen by hand).  Raises WriteError when the file refuses.
    """
    if campaign.id is not None:
        raise ValueError("create_campaign stores new campaigns; update_campaign changes one")
    c = checked(campaign)
    ids = list(dict.fromkeys(customer_ids))
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise CampaignInvalid([FieldError("customer_ids", ErrorCode.INVALID_TYPE)])
    with cf.transaction():
        unknown = sorted(set(ids) - store.live_customer_ids(cf, ids))
        if unknown:
            raise CampaignInvalid([FieldError("customer_ids", ErrorCode.CUSTOMER_NOT_FOUND, {"ids": unknown})])
        stored = store.insert_campaign(cf, c)
        store.add_targets(cf, stored, ids)
    return stored


def create_from_filter(cf: CustomerFile, campaign: Campaign, target_filter: TargetFilter) -> Campaign:
    """Store a new campaign whose targets are the customers ``target_filter`` chooses now (saved with it)."""
    c = checked(replace(campaign, target_filter=target_filter))
    with cf.transaction():
        return create_campaign(cf, c, store.matching_customer_ids(cf, c.target_filter))


def update_campaign(cf: CustomerFile, campaign: Campaign, *, retarget: bool = False) -> Campaign:
    """Store an edited campaign (name, channel, dates, cost, window, note, filter).

    ``retarget``: choose the targets again by the campaign's filter: customers
    it now chooses are added, and those it no longer chooses are dropped
    unless they were reached (a reached customer is never dropped by a
    filter).  Without it the chosen customers stay as they are.  Raises
    CampaignInvalid, or WriteError (CONFLICT when it changed meanwhile).
    """
    c = checked(campaign)
    with cf.transaction():
        stored = store.update_campaign(cf, c)
        if retarget:
            chosen = store.stored_targets(cf, stored.id)
            wanted = store.matching_customer_ids(cf, stored.target_filter)
            store.add_targets(cf, stored, wanted)
            keep = set(wanted)
            store.remove_targets(cf, stored, [i for i, day in chosen.items() if day is None and i not in keep])
    return stored


def delete_campaign(cf: CustomerFile, campaign: Campaign) -> None:
    """Out of every list (kept in the file, as every deleted row)."""
    store.delete_campaign(cf, campaign)


def mark_reached(cf: CustomerFile, campaign: Campaign, customer_id: int, reached_on: date | None,
                 today: date) -> None:
    """Mark a chosen customer reached on a day (from the campaign's start to today), or not reached (None).

    Raises CampaignInvalid (``reached_on``) for a day out of range, WriteError
    (CONFLICT) when the customer is not among the campaign's.
    """
    mark_all_reached(cf, campaign, [customer_id], reached_on, today)


def mark_all_reached(cf: CustomerFile, campaign: Campaign, customer_ids: Iterable[int], reached_on: date | None,
                     today: date) -> None:
    """mark_reached for several chosen customers at once, in one transaction (all or none)."""
    errors = reached_errors(campaign, reached_on, today)
    if errors:
        raise CampaignInvalid(errors)
    with cf.transaction():
        for customer_id in customer_ids:
            store.set_reached(cf, campaign, customer_id, reached_on)


def matching_count(cf: CustomerFile, target_filter: TargetFilter) -> int:
    """How many customers the filter chooses now (the dialog's live count)."""
    return store.matching_count(cf, _cleaned_filter(target_filter))


def campaign_results(cf: CustomerFile, today: date) -> list[CampaignResult]:
    """Every campaign, the latest start first, with its targeted, reached, attributed orders, revenue,
    margin, orders without cost, cost and ROI as of ``today``."""
    totals = store.campaign_totals(cf, today)
    none = store.CampaignTotals(0, 0, 0, 0, 0, 0)
    return [CampaignResult(c, *totals.get(c.id, none)) for c in store.campaigns(cf)]


def campaign_result(cf: CustomerFile, campaign_id: int, today: date) -> CampaignResult | None:
    """One campaign's numbers (None: it is gone)."""
    campaign = store.get_campaign(cf, campaign_id)
    if campaign is None:
        return None
    totals = store.campaign_totals(cf, today).get(campaign_id, store.CampaignTotals(0, 0, 0, 0, 0, 0))
    return CampaignResult(campaign, *totals)


def campaign_targets(cf: CustomerFile, campaign_id: int, today: date) -> list[TargetRow]:
    """A campaign's chosen customers with what each brought as of ``today``; reached ones first."""
    return store.target_rows(cf, campaign_id, today)
