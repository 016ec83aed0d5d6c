"""`crmdesk campaigns FILE --today D [--json]`: per campaign its cost, attributed revenue and margin, ROI."""

from __future__ import annotations

import json
from datetime import date

import pytest

from crmdesk.cli import main
from crmdesk.domain.campaigns import Campaign, CampaignChannel
from crmdesk.domain.orders import Order
from crmdesk.services import campaigns as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_person

TODAY = date(2026, 11, 23)
KEYS = {"name", "channel", "start", "end", "cost", "targeted", "reached", "orders", "attributed_revenue",
        "attributed_margin", "orders_without_cost", "roi"}


def order(customer_id: int, day: date, amount: int, cost: int | None = None) -> Order:
    return Order(customer_id=customer_id, order_date=day, product="整车运输", quantity=1, amount=amount, cost=cost)


@pytest.fixture
def path(tmp_path):
    """秋季回馈 (cost ¥1,000.00): 甲 reached 10-05, 乙 reached 10-10, 丙 targeted only; 展会 cost nothing."""
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        a, b, c = (customer_store.insert_customer(cf, make_person(name=n, mobile=f"1380013800{i}")).id
                   for i, n in enumerate(("甲", "乙", "丙")))
        for o in (order(a, date(2026, 10, 3), 50_000, 30_000), order(a, date(2026, 10, 5), 120_000, 80_000),
                  order(a, date(2026, 11, 14), 60_000), order(a, date(2026, 11, 15), 70_000, 10_000),
                  order(b, date(2026, 10, 20), 200_000, 150_000), order(c, date(2026, 10, 20), 500_000, 1)):
            order_store.insert_order(cf, o)
        autumn = service.create_campaign(cf, Campaign("秋季回馈", CampaignChannel.SMS, date(2026, 10, 1),
                                                      date(2026, 10, 15), 100_000, 30), [a, b, c])
        service.mark_reached(cf, autumn, a, date(2026, 10, 5), TODAY)
        service.mark_reached(cf, autumn, b, date(2026, 10, 10), TODAY)
        fair = service.create_campaign(cf, Campaign("展会", CampaignChannel.TRADE_FAIR, date(2026, 9, 1),
                                                    date(2026, 9, 3), 0, 7), [b])
        service.mark_reached(cf, fair, b, date(2026, 9, 2), TODAY)
    return path


def test_json_gives_the_numbers_behind_each_roi(path, capsys):
    assert main(["campaigns", str(path), "--today", "2026-11-23", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["秋季回馈", "展会"]  # the latest start first
    autumn, fair = rows
    assert KEYS <= set(autumn)
    assert {k: autumn[k] for k in KEYS} == {
        "name": "秋季回馈", "channel": "sms", "start": "2026-10-01", "end": "2026-10-15", "cost": "1000.00",
        "targeted": 3, "reached": 2, "orders": 3, "attributed_revenue": "3800.00", "attributed_margin": "900.00",
        "orders_without_cost": 1, "roi": "-0.1000",
    }
    assert fair["roi"] is None and fair["cost"] == "0.00" and fair["orders"] == 0  # 乙's order came after 09-10


def test_today_limits_the_orders_counted(path, capsys):
    assert main(["campaigns", str(path), "--today", "2026-11-13", "--json"]) == 0
    autumn = json.loads(capsys.readouterr().out)[0]
    assert (autumn["orders"], autumn["attributed_revenue"], autumn["orders_without_cost"], autumn["roi"]) == (
        2, "3200.00", 0, "-0.1000")


def test_table_has_one_line_per_campaign_with_the_caveat(path, capsys, english):
    assert main(["campaigns", str(path), "--today", "2026-11-23"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t") for line in lines] == [
        ["秋季回馈", "sms", "2026-10-01", "2026-10-15", "1,000.00", "2/3", "3", "3,800.00", "900.00", "-10.00%",
         "(orders without a cost: 1; in revenue, not in margin)"],
        ["展会", "trade_fair", "2026-09-01", "2026-09-03", "0.00", "1/1", "0", "0.00", "0.00", "-"],
    ]


def test_no_campaigns(tmp_path, capsys, chinese):
    empty = tmp_path / "empty.crmdesk"
    CustomerFile.create(empty).close()
    assert main(["campaigns", str(empty), "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out.strip() == "还没有市场活动"
    assert main(["campaigns", str(empty), "--today", "2026-11-23", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
