"""Writing a reproducible demo customer file (also the benchmarks' data)."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from crmdesk.demo_data import generate_customers, generate_ledger
from crmdesk.demo_data.campaigns import demo_campaigns, reached_days
from crmdesk.demo_data.complaints import DemoCustomer, generate_complaints
from crmdesk.demo_data.opportunities import COUNT as OPPORTUNITIES
from crmdesk.demo_data.opportunities import DemoCandidate, generate_opportunities
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.orders import Order, Period
from crmdesk.domain.win_back import WinBackReason
from crmdesk.domain.complaints import StepKind
from crmdesk.services import campaigns as campaign_service
from crmdesk.services import complaints as complaint_service
from crmdesk.services import pipeline
from crmdesk.services import ledger
from crmdesk.services import targets as target_service
from crmdesk.services import win_back
from crmdesk.services.cadence import generate_follow_ups
from crmdesk.services.files import new_file
from crmdesk.services.tiering import recompute_tiers
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.customers import CustomerQuery, SortKey
from crmdesk.storage.ids import uid_factory


def write_demo_file(
    out: str | os.PathLike,
    *,
    customers: int,
    seed: int,
    today: date,
    orders: int = 0,
    progress: Callable[[int], None] | None = None,
    follow_ups: bool = False,
) -> Path:
    """Same arguments give the same content, every time: customers, then about
    ``orders`` orders with their payments and sales plans, and with ``follow_ups``
    the follow-ups the default cadences plan as of ``today`` and a few dozen
    complaints in every state (the benchmarks' files leave both out)."""
    moment = datetime.combine(today, time(9, 0), tzinfo=timezone.utc)
    clock = lambda: moment  # noqa: E731 - a fixed instant keeps the file reproducible
    uids = uid_factory(clock, random.Random(f"uids-{seed}"))
    cf = new_file(out, clock=clock, new_uid=uids, actor="demo")
    try:
        people = list(generate_customers(customers, seed, today=today))
        customer_store.insert_customers(cf, people, progress=progress)
        if orders:
            ids = customer_store.customer_ids(cf, CustomerQuery(sort=SortKey.CODE))
            ledger = generate_ledger(list(zip(ids, people)), seed, today=today, orders=orders)
            order_store.insert_ledger_rows(cf, ledger.orders, ledger.payments, ledger.plans)
        if follow_ups:
            recompute_tiers(cf, today)  # call-backs go by tier
            generate_follow_ups(cf, today)
            _write_complaints(cf, seed, today)
            write_opportunities(cf, seed, today)
            _write_campaigns(cf, seed, today)
            _write_targets(cf, today)
            _write_win_backs(cf, today)
    finally:
        cf.close()
    return cf.path


def _write_complaints(cf: CustomerFile, seed: int, today: date) -> None:
    """Demo complaints replayed through the complaints service: recorded (priority from the tier),
    handled step by step, resolved, one reopened; one transaction."""
    customers = [DemoCustomer(c.id, c.owner, c.tier) for c in follow_up_store.cadence_customers(cf)]

    def orders_of(customer_id: int) -> list[tuple[date, int]]:
        return sorted((o.order_date, o.id) for o in order_store.orders_of(cf, customer_id) if o.id is not None)

    with cf.transaction():
        for demo in generate_complaints(customers, seed, today, orders_of=orders_of):
            done = complaint_service.record_complaint(cf, demo.complaint, today=today)
            for event in demo.events:
                current = done.complaint
                if event.kind is StepKind.RESOLVED:
                    done = complaint_service.resolve(cf, current, on=event.step_date, outcome=event.text,
                                                     satisfaction=event.satisfaction, retained=event.retained,
                                                     at=event.step_time)
                elif event.kind is StepKind.REOPENED:
                    done = complaint_service.reopen(cf, current, on=event.step_date, reason=event.text,
                                                    at=event.step_time)
                else:
                    done = complaint_service.add_step(cf, current, event)
                if done.errors:
                    raise ValueError(f"demo complaint refused: {done.errors}")


def write_opportunities(cf: CustomerFile, seed: int, today: date, count: int = OPPORTUNITIES) -> None:
    """Demo opportunities replayed through the pipeline service: every move kept, won ones with their
    order (and a prospect becoming active); one transaction.  The benchmarks ask for thousands."""
    prospects = set(customer_store.customer_ids(cf, CustomerQuery(status=LifecycleStatus.PROSPECT)))
    candidates = [DemoCandidate(c.id, c.owner, c.id in prospects) for c in follow_up_store.cadence_customers(cf)]
    with cf.transaction():
        for demo in generate_opportunities(candidates, seed, today, count):
            opp = pipeline.save_opportunity(cf, demo.opportunity).opportunity
            for move in demo.moves:
                order = pipeline.proposed_order(opp, move.day) if move.with_order else None
                done = pipeline.move(cf, opp, move.stage, move.day, lost_reason=move.lost_reason, order=order,
                                     over_limit_confirmed=True)
                if done.opportunity is None:
                    raise ValueError(f"demo opportunity refused: {done.errors}")
                opp = done.opportunity


def _write_campaigns(cf: CustomerFile, seed: int, today: date) -> None:
    """The demo campaigns through the campaigns service: targets by their filters, part of them reached."""
    with cf.transaction():
        for demo in demo_campaigns(today):
            campaign = campaign_service.create_from_filter(cf, demo.campaign, demo.campaign.target_filter)
            targets = [row.customer_id for row in campaign_service.campaign_targets(cf, campaign.id, today)]
            by_day: dict[date, list[int]] = {}
            for customer_id, day in reached_days(demo, targets, seed).items():
                by_day.setdefault(day, []).append(customer_id)
            for day, ids in sorted(by_day.items()):
                campaign_service.mark_all_reached(cf, campaign, ids, day, today)


def _write_targets(cf: CustomerFile, today: date) -> None:
    """业绩指标: every owner a monthly target for the quarter of ``today``, some met and some not."""
    quarter_start = (today.month - 1) // 3 * 3 + 1
    amounts = (80_000_00, 60_000_00, 100_000_00, 70_000_00, 90_000_00)  # fen, by owner in name order
    changes = [(owner, Period.parse(f"{today.year}-{month:02d}"), amounts[i % len(amounts)])
               for i, owner in enumerate(target_service.owners(cf))
               for month in range(quarter_start, quarter_start + 3)]
    errors = target_service.apply_targets(cf, changes)
    if errors:
        raise ValueError(f"demo targets refused: {errors}")


def _write_win_backs(cf: CustomerFile, today: date) -> None:
    """挽回: win-back plans started for the lost customers two months ago; every third bought again since."""
    lost = customer_store.customer_ids(cf, CustomerQuery(status=LifecycleStatus.LOST))[:9]
    started = today - timedelta(days=60)
    with cf.transaction():
        for n, customer_id in enumerate(lost):
            win_back.start_win_back(cf, customer_id, started, WinBackReason.CHURN if n % 2 else WinBackReason.MANUAL)
            if n % 3 == 0:
                order = Order(customer_id, started + timedelta(days=20 + n), "回头客试运", 1, 180_000 + 10_000 * n)
                if ledger.save_order(cf, order, today, over_limit_confirmed=True).order is None:
                    raise ValueError("demo win-back order refused")
