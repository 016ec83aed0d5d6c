"""Winning back a lost customer (客户的流失与挽回): the plan's steps, the lifecycle after an order, the rate.

A *win-back episode* starts when a customer is recorded as lost and a plan
is started (because of a churn alert, or by hand); it ends when the customer
buys again on or after the day it was lost.  The plan is a short, fixed
series of follow-ups counted in days from that day; each carries a key
made from the episode, so starting the plan again never adds them twice.

Purposes are stored text, in Chinese as the users write them (like the
cadence's "定期回访"), not user-interface strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpSource

GEN_KEY_PREFIX = "win_back"


class WinBackReason(StrEnum):
    """Why the customer counts as lost (win_backs.reason)."""

    CHURN = "churn"  # a churn alert: no recent purchase, frequency down, or the model's risk
    MANUAL = "manual"  # the user decided


@dataclass(frozen=True)
class WinBackStep:
    """One step of the plan: ``days`` after the loss, how, and what for."""

    days: int
    method: ContactMethod
    purpose: str


# Find out why (at once, by phone), make an offer or visit a week later, check after a month.
PLAN: tuple[WinBackStep, ...] = (
    WinBackStep(0, ContactMethod.PHONE, "挽回：电话了解流失原因"),
    WinBackStep(7, ContactMethod.VISIT, "挽回：提供优惠或上门拜访"),
    WinBackStep(30, ContactMethod.PHONE, "挽回：回访确认是否恢复合作"),
)


@dataclass(frozen=True)
class WinBackEpisode:
    """One time a customer was lost and a win-back plan started (a row of win_backs)."""

    customer_id: int
    lost_on: date
    reason: WinBackReason
    won_back_on: date | None = None  # the day of the first order on or after lost_on
    order_id: int | None = None  # that order
    id: int | None = None
    uid: str = ""
    row_version: int = 0

    @property
    def open(self) -> bool:
        return self.won_back_on is None


def step_key(episode_uid: str, step: WinBackStep) -> str:
    """The gen_key of a step's follow-up: unique within the customer, the same every time the plan starts."""
    return f"{GEN_KEY_PREFIX}:{episode_uid}:{step.days}"


def plan_follow_ups(
    episode: WinBackEpisode,
    *,
    owner: str | None = None,
    steps: Iterable[WinBackStep] = PLAN,
) -> list[FollowUp]:
    """The plan's follow-ups for a stored episode (it needs its uid), dated from the day it was lost."""
    if not episode.uid:
        raise ValueError("the episode must be stored first (no uid)")
    return [
        FollowUp(episode.customer_id, episode.lost_on + timedelta(days=step.days), step.method, step.purpose,
                 owner=owner, source=FollowUpSource.WIN_BACK, gen_key=step_key(episode.uid, step))
        for step in steps
    ]


# -- the lifecycle after an order ------------------------------------------------------------------


@dataclass(frozen=True)
class LifecycleChange:
    """What saving an order changes: the new status (None: unchanged) and whether the open episode ends."""

    status: LifecycleStatus | None
    wins_back: bool = False  # the open episode is closed by this order

    @property
    def changes(self) -> bool:
        return self.status is not None or self.wins_back


NO_CHANGE = LifecycleChange(None)


def after_order(status: LifecycleStatus, open_episode: WinBackEpisode | None, order_date: date) -> LifecycleChange:
    """The lifecycle step a new order makes (domain.md §2: prospect → active, lost → won back).

    - An open episode and an order on or after the day it was lost: the
      customer is won back (whatever the status says), and the episode ends.
    - An open episode and an order dated before the loss (entered late): it
      bought before it was lost, nothing changes.
    - Status lost without an open episode (set by hand): won back.
    - A prospect's first won order makes it active.
    """
    if open_episode is not None:
        if order_date >= open_episode.lost_on:
            return LifecycleChange(None if status is LifecycleStatus.WON_BACK else LifecycleStatus.WON_BACK, True)
        return NO_CHANGE
    if status is LifecycleStatus.LOST:
        return LifecycleChange(LifecycleStatus.WON_BACK)
    if status is LifecycleStatus.PROSPECT:
        return LifecycleChange(LifecycleStatus.ACTIVE)
    return NO_CHANGE


# -- the rate ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WinBackRate:
    """Episodes started and how many of them were won back (挽回率)."""

    started: int
    won_back: int

    @property
    def open(self) -> int:
        return self.started - self.won_back

    @property
    def rate(self) -> Fraction | None:
        """won back / started, exact; None when none was started."""
        return Fraction(self.won_back, self.started) if self.started else None


def win_back_rate(
    episodes: Iterable[WinBackEpisode],
    first: date | None = None,
    last: date | None = None,
) -> WinBackRate:
    """The rate over the episodes lost from ``first`` to ``last`` (both inclusive; None: unbounded).

    An episode counts in the period it was lost in, won back or not, even if
    it was won back after ``last``: the rate answers "of those we lost then,
    how many came back".
    """
    started = won = 0
    for e in episodes:
        if (first is not None and e.lost_on < first) or (last is not None and e.lost_on > last):
            continue
        started += 1
        won += e.won_back_on is not None
    return WinBackRate(started, won)
