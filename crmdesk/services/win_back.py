"""Win-back use-cases: start a plan for a lost customer, win it back on its next order, the rate.

Starting a plan: the customer's status becomes lost (if it is not yet), an
episode is recorded (lost today, because of churn or by hand) and the plan's
follow-ups are added, all in one transaction.  Starting it again while the
episode is open adds nothing twice: the episode is the same and the
follow-ups carry keys (a step deleted by the user is not brought back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.orders import Order
from crmdesk.domain.win_back import (
    NO_CHANGE,
    LifecycleChange,
    WinBackEpisode,
    WinBackRate,
    WinBackReason,
    after_order,
    plan_follow_ups,
    win_back_rate,
)
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import win_backs as store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem


@dataclass(frozen=True)
class WinBackStarted:
    episode: WinBackEpisode
    follow_ups_added: int  # 0 when the plan had been started already
    status_changed: bool  # the customer was not yet recorded as lost
    already_open: bool  # an episode was open: it was kept, not a new one started


def start_win_back(cf: CustomerFile, customer_id: int, today: date,
                   reason: WinBackReason = WinBackReason.MANUAL) -> WinBackStarted:
    """Record the customer as lost today and plan the win-back follow-ups (owner: the customer's).

    Raises WriteError (CONFLICT) for a customer that is gone or in the recycle bin.
    """
    with cf.transaction():
        customer = customer_store.get_customer(cf, customer_id)
        if customer is None or customer.deleted_at is not None:
            raise WriteError(WriteProblem.CONFLICT, f"customer {customer_id} is gone")
        episode = store.open_episode(cf, customer_id)
        already_open = episode is not None
        if episode is None:
            episode = store.insert_episode(cf, WinBackEpisode(customer_id, today, reason))
        changed = store.set_status(cf, customer_id, LifecycleStatus.LOST)
        added = follow_up_store.insert_follow_ups(cf, plan_follow_ups(episode, owner=customer.owner))
    return WinBackStarted(episode, added, changed, already_open)


def apply_order(cf: CustomerFile, order: Order) -> LifecycleChange:
    """The lifecycle step of a newly stored order (domain.win_back.after_order), written in the caller's transaction.

    Call it inside the transaction that stores the order, so the order and
    the status land together or not at all.
    """
    with cf.transaction():
        customer = customer_store.get_customer(cf, order.customer_id)
        if customer is None:
            return NO_CHANGE
        episodes = store.open_episodes(cf, order.customer_id)  # newest first
        change = after_order(customer.status, episodes[0] if episodes else None, order.order_date)
        if change.wins_back:  # every open episode this order is after (merged customers may have two)
            for episode in episodes:
                if episode.lost_on <= order.order_date:
                    store.close_episode(cf, episode, order.order_date, order.id)
        if change.status is not None:
            store.set_status(cf, order.customer_id, change.status)
    return change


def episodes_of(cf: CustomerFile, customer_id: int) -> list[WinBackEpisode]:
    """Newest first."""
    return store.episodes_of(cf, customer_id)


def rate(cf: CustomerFile, first: date | None = None, last: date | None = None,
         owner: str | None = None) -> WinBackRate:
    """Won back / started over the episodes lost first..last (None: all), of ``owner``'s customers (None: all)."""
    return win_back_rate(store.episodes_lost_between(cf, first, last, owner))
