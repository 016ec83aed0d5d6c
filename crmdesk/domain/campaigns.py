"""Marketing campaigns (市场活动): who was targeted, who was reached, and what it paid back.

A campaign has a name, a channel, its dates, a cost (int fen) and an
attribution window in days.  Its targets are chosen by a saved filter
(``TargetFilter``: tier, RFM segment, region, tag, product bought or not
bought); the chosen customers are kept, and each is marked reached on a day
(or stays targeted only).

Attribution, exactly (so that the SQL in storage and these functions agree):

- The attributed orders of a campaign are the non-deleted orders of its
  reached customers with ``reached_on <= order_date <= end_date + window_days``
  and ``order_date <= today``.  Customers merely targeted bring nothing.
- ``attributed_revenue`` = sum(amount) over those orders.
- ``attributed_margin`` = sum(amount - cost) over those of them that have a
  cost.  Orders without a cost are counted (``orders_without_cost``) and shown
  as a caveat; their margin is not guessed.
- ROI = (attributed_margin - cost) / cost as an exact ``fractions.Fraction``;
  None when the cost is 0 (no ratio to speak of).

Money is int fen end to end; no float touches an amount or the ratio.  No
clock: ``today`` is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any, NamedTuple

from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.domain.validation import ErrorCode, FieldError, text_errors

DEFAULT_WINDOW_DAYS = 30  # orders up to a month after the campaign ends count for it
MAX_WINDOW_DAYS = 3650
MAX_NAME = 200
MAX_NOTE = 2000
MAX_FILTER_VALUE = 200  # one region, tag or product in a filter


class CampaignChannel(StrEnum):
    """How the campaign reaches its customers."""

    SMS = "sms"  # 短信
    PHONE = "phone"  # 电话营销
    WECHAT = "wechat"  # 微信 / 朋友圈 / 公众号
    EMAIL = "email"  # 电子邮件
    DIRECT_MAIL = "direct_mail"  # 直邮 / 信函
    EVENT = "event"  # 活动、沙龙、客户答谢会
    TRADE_FAIR = "trade_fair"  # 展会
    ADVERTISING = "advertising"  # 广告
    OTHER = "other"


@dataclass(frozen=True)
class TargetFilter:
    """The saved filter a campaign's targets were chosen by.

    Within one criterion any listed value matches (OR); the criteria given
    must all hold (AND); an empty criterion does not filter.  An empty filter
    chooses every customer not in the recycle bin.

    - ``tiers``: the customer's current ABC tier (as last recomputed).
    - ``segments``: the customer's RFM segment (as last recomputed).
    - ``regions``: a province, city or company region equal to the value or
      starting with it ("北京" matches "北京市").
    - ``tags``: the customer has one of these tags.
    - ``bought``: the customer has a (non-deleted) order of one of these products.
    - ``not_bought``: the customer has no (non-deleted) order of any of these products.
    """

    tiers: tuple[Tier, ...] = ()
    segments: tuple[Segment, ...] = ()
    regions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    bought: tuple[str, ...] = ()
    not_bought: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def to_json(self) -> dict[str, list[str]]:
        """A JSON-ready dict holding only the criteria given (values as stored: enum values, text)."""
        out: dict[str, list[str]] = {}
        for f in fields(self):
            values = getattr(self, f.name)
            if values:
                out[f.name] = [str(v.value if isinstance(v, StrEnum) else v) for v in values]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> TargetFilter:
        """The filter saved by ``to_json``.  Keys it does not know are ignored (a later crmdesk may
        add criteria); a known key with a value that is not a list of text raises ValueError."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError("a target filter is a JSON object")
        values: dict[str, tuple[Any, ...]] = {}
        kinds: dict[str, type[StrEnum] | None] = {"tiers": Tier, "segments": Segment}
        for f in fields(cls):
            raw = data.get(f.name)
            if raw is None:
                continue
            if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
                raise ValueError(f"target filter {f.name}: a list of text")
            kind = kinds.get(f.name)
            values[f.name] = tuple(kind(v) for v in raw) if kind else tuple(raw)
        return cls(**values)


def filter_errors(target_filter: TargetFilter) -> list[FieldError]:
    """What is wrong with a filter: a criterion that is not a tuple of its kind, an empty or too long value."""
    errors = []
    kinds: dict[str, type] = {"tiers": Tier, "segments": Segment}
    for f in fields(target_filter):
        values = getattr(target_filter, f.name)
        kind = kinds.get(f.name, str)
        if not isinstance(values, tuple) or not all(isinstance(v, kind) for v in values):
            errors.append(FieldError(f.name, ErrorCode.INVALID_TYPE))
        elif kind is str and any(not v.strip() for v in values):
            errors.append(FieldError(f.name, ErrorCode.REQUIRED))
        elif kind is str and any(len(v) > MAX_FILTER_VALUE for v in values):
            errors.append(FieldError(f.name, ErrorCode.TOO_LONG, {"max": MAX_FILTER_VALUE}))
    return errors


@dataclass(frozen=True)
class Campaign:
    """One marketing campaign (市场活动)."""

    name: str
    channel: CampaignChannel
    start_date: date
    end_date: date
    cost: int = 0  # fen
    window_days: int = DEFAULT_WINDOW_DAYS  # orders this many days after end_date still count
    target_filter: TargetFilter = field(default_factory=TargetFilter)
    note: str | None = None
    id: int | None = None
    uid: str | None = None
    row_version: int = 0

    @property
    def attribution_end(self) -> date:
        """The last day an order can count for the campaign: end_date + window_days."""
        return self.end_date + timedelta(days=self.window_days)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not hasattr(value, "hour")


def campaign_errors(c: Campaign) -> list[FieldError]:
    """What must be fixed before a campaign is stored.

    A name; a channel; a start and an end date, the end not before the start
    (INVALID_DATE, reason ``before_start``); a cost in fen from 0 to MAX_FEN;
    a window of 0 to 3650 days; a note of at most 2000 characters; a well-formed
    target filter.
    """
    errors = text_errors("name", c.name, MAX_NAME, required=True)
    if not isinstance(c.channel, CampaignChannel):
        errors.append(FieldError("channel", ErrorCode.INVALID_CHOICE))
    for name in ("start_date", "end_date"):
        value = getattr(c, name)
        if value is None:
            errors.append(FieldError(name, ErrorCode.REQUIRED))
        elif not _is_date(value):
            errors.append(FieldError(name, ErrorCode.INVALID_TYPE))
    if _is_date(c.start_date) and _is_date(c.end_date) and c.end_date < c.start_date:
        errors.append(FieldError("end_date", ErrorCode.INVALID_DATE,
                                 {"reason": "before_start", "min": c.start_date.isoformat()}))
    if not _is_int(c.cost):
        errors.append(FieldError("cost", ErrorCode.INVALID_TYPE))
    elif c.cost < 0:
        errors.append(FieldError("cost", ErrorCode.NEGATIVE_AMOUNT))
    elif c.cost > MAX_FEN:
        errors.append(FieldError("cost", ErrorCode.AMOUNT_OUT_OF_RANGE))
    if not _is_int(c.window_days):
        errors.append(FieldError("window_days", ErrorCode.INVALID_TYPE))
    elif not 0 <= c.window_days <= MAX_WINDOW_DAYS:
        errors.append(FieldError("window_days", ErrorCode.OUT_OF_RANGE, {"min": 0, "max": MAX_WINDOW_DAYS}))
    errors += text_errors("note", c.note, MAX_NOTE)
    if not isinstance(c.target_filter, TargetFilter):
        errors.append(FieldError("target_filter", ErrorCode.INVALID_TYPE))
    else:
        errors += filter_errors(c.target_filter)
    return errors


def reached_errors(c: Campaign, reached_on: date | None, today: date) -> list[FieldError]:
    """A customer is reached on a day from the campaign's start to today (None: not reached)."""
    if reached_on is None:
        return []
    if not _is_date(reached_on):
        return [FieldError("reached_on", ErrorCode.INVALID_TYPE)]
    if reached_on > today:
        return [FieldError("reached_on", ErrorCode.TOO_FAR_AHEAD, {"days": 0})]
    if reached_on < c.start_date:
        return [FieldError("reached_on", ErrorCode.INVALID_DATE,
                           {"reason": "before_start", "min": c.start_date.isoformat()})]
    return []


# -- attribution ---------------------------------------------------------------------------------------


class CampaignOrder(NamedTuple):
    """An order as attribution sees it (non-deleted orders only are given)."""

    customer_id: int
    order_date: date
    amount: int  # fen
    cost: int | None  # fen; None: unknown


def is_attributed(order_date: date, reached_on: date | None, campaign: Campaign, today: date) -> bool:
    """reached_on <= order_date <= end_date + window_days, and order_date <= today."""
    return reached_on is not None and reached_on <= order_date <= campaign.attribution_end and order_date <= today


def roi(margin: int, cost: int) -> Fraction | None:
    """(attributed margin - cost) / cost, exactly; None when the cost is 0."""
    if cost == 0:
        return None
    return Fraction(margin - cost, cost)


def ratio_decimal(ratio: Fraction, places: int = 4) -> Decimal:
    """A ratio as a Decimal with ``places`` decimals, rounded half away from zero (exact integers,
    no float): Fraction(1, 3) -> Decimal("0.3333"), Fraction(-1, 8) -> Decimal("-0.1250")."""
    scale = 10**places
    twice = abs(ratio.numerator) * scale * 2 // ratio.denominator
    units = (twice + 1) // 2
    if ratio < 0:
        units = -units
    return Decimal(units).scaleb(-places)


@dataclass(frozen=True)
class CampaignResult:
    """A campaign with every number behind its ROI, as of a day."""

    campaign: Campaign
    targeted: int = 0  # customers chosen
    reached: int = 0  # of them, reached on a day
    orders: int = 0  # attributed orders
    revenue: int = 0  # fen: their amounts
    margin: int = 0  # fen: amount - cost over the attributed orders that have a cost
    orders_without_cost: int = 0  # attributed orders with no cost: in revenue, not in margin

    @property
    def cost(self) -> int:
        return self.campaign.cost

    @property
    def roi(self) -> Fraction | None:
        """(margin - cost) / cost; None when the campaign cost nothing."""
        return roi(self.margin, self.cost)


def campaign_result(
    campaign: Campaign,
    targets: Mapping[int, date | None],
    orders: Iterable[CampaignOrder],
    today: date,
) -> CampaignResult:
    """The numbers of one campaign from its targets (customer id -> reached on, None: not reached)
    and the non-deleted orders of (at least) those customers."""
    count = revenue = margin = without_cost = 0
    for o in orders:
        if not is_attributed(o.order_date, targets.get(o.customer_id), campaign, today):
            continue
        count += 1
        revenue += o.amount
        if o.cost is None:
            without_cost += 1
        else:
            margin += o.amount - o.cost
    reached = sum(1 for day in targets.values() if day is not None)
    return CampaignResult(campaign, len(targets), reached, count, revenue, margin, without_cost)
