"""Fields every demo customer has: status, source, owner from the sales team, last check, tags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from random import Random

from crmdesk.demo_data.draws import _one, _range, _Weighted
from crmdesk.domain.customer import LifecycleStatus, SourceChannel

#: Tags a demo customer may carry (0-2 each).
TAGS: tuple[str, ...] = ("VIP候选", "冷链", "月结大客户", "电商", "老客户", "需回访")
#: The sales team that owns the demo customers.
SALES_TEAM: tuple[str, ...] = ("李娜", "王强", "陈静", "刘洋", "赵敏")
# tags drawn without a specific reason ("冷链", "月结大客户" and, for companies,
# "老客户" and "电商" only come from the customer's data)
_PERSON_TAG_POOL = ("VIP候选", "老客户", "需回访", "电商")
_COMPANY_TAG_POOL = ("VIP候选", "需回访")
_OWNER = _Weighted([("李娜", 26), ("王强", 24), ("陈静", 20), ("刘洋", 18), ("赵敏", 12)])

_STATUS = _Weighted([
    (LifecycleStatus.ACTIVE, 70), (LifecycleStatus.PROSPECT, 15),
    (LifecycleStatus.LOST, 8), (LifecycleStatus.WON_BACK, 7),
])
_SOURCE = _Weighted([
    (SourceChannel.REFERRAL, 20), (SourceChannel.WEBSITE, 15), (SourceChannel.CALL_CENTRE, 8),
    (SourceChannel.TRADE_FAIR, 8), (SourceChannel.PARTNER, 7), (SourceChannel.MARKETING_EVENT, 6),
    (SourceChannel.STORE, 6), (SourceChannel.SERVICE, 5), (SourceChannel.MEDIA, 4),
    (SourceChannel.BUSINESS_REGISTRY, 4), (SourceChannel.TRADE_ASSOCIATION, 4),
    (SourceChannel.SURVEY, 3), (SourceChannel.PURCHASED_LIST, 3), (SourceChannel.BANK, 2),
    (SourceChannel.CONSULTANCY, 2), (SourceChannel.OTHER, 2), (SourceChannel.COMPLAINT, 1),
    (None, 4),
])


def _tags(rng: Random, hints: list[str], pool: Sequence[str]) -> tuple[str, ...]:
    """0-2 tags: the customer's fitting ones (hints) first, then from the kind's pool."""
    r = rng.random()
    count = 0 if r < 0.45 else 1 if r < 0.85 else 2
    if not count:
        return ()
    chosen: list[str] = []
    for tag in hints:
        if len(chosen) < count and tag not in chosen and rng.random() < 0.7:
            chosen.append(tag)
    while len(chosen) < count:
        tag = _one(rng, pool)
        if tag not in chosen:
            chosen.append(tag)
    return tuple(t for t in TAGS if t in chosen)  # canonical order


def _common(rng: Random, today_ord: int) -> dict:
    status = _STATUS.pick(rng)
    # last checked within two years; about a third over a year ago (stale)
    age_days = _range(rng, 0, 365) if rng.random() < 0.65 else _range(rng, 365, 731)
    return {
        "status": status,
        "source": _SOURCE.pick(rng),
        "owner": _OWNER.pick(rng) if rng.random() < 0.97 else None,
        "last_verified": date.fromordinal(today_ord - age_days),
    }
