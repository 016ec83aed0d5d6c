"""Cross-selling suggestions from a real file: ranked, exported, turned into follow-ups."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.cross_sell import Reason, ReasonKind
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.followups import ContactMethod, FollowUpSource, FollowUpState
from crmdesk.domain.orders import Order
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.services import suggestions
from crmdesk.services.exporting import ExportError, ExportProblem
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import change_log
from tests.factories import make_company

TODAY = date(2026, 11, 23)
COLD, TRUCK, TEA = "冷链仓储", "整车运输", "茶叶"


def _company(cf, n: int, industry: str, province: str, products=(), **kw):
    c = customer_store.insert_customer(cf, make_company(
        name=f"测试{n}号公司", credit_code=None, industry=industry, province=province, contacts=(), **kw))
    for product in products:
        order_store.insert_order(cf, Order(c.id, date(2026, 10, n % 28 + 1), product, 1, 10_000))
    return c


@pytest.fixture
def shop(customer_file):
    """Three buyers of 冷链仓储 (two also bought 整车运输), and four others."""
    cf = customer_file
    made = {
        "b1": _company(cf, 1, "物流", "上海市", (COLD, TRUCK)),
        "b2": _company(cf, 2, "物流", "上海市", (COLD, TRUCK, COLD)),
        "b3": _company(cf, 3, "食品", "浙江省", (COLD,)),
        "alike": _company(cf, 4, "物流", "上海市", (TRUCK,), owner="王经理"),
        "region": _company(cf, 5, "教育", "浙江省", (TEA,)),
        "lost": _company(cf, 6, "物流", "上海市", (), status=LifecycleStatus.LOST),
        "stranger": _company(cf, 7, "教育", "北京市", (TEA,)),
    }
    return cf, made


def test_customers_for_a_product_from_the_file(shop):
    cf, made = shop
    found = suggestions.customers_for(cf, COLD)
    assert (found.buyers, found.candidates, found.matched) == (3, 3, 2)  # the lost one is no candidate
    alike, region = found.suggestions
    assert (alike.customer_id, alike.owner, region.customer_id) == (made["alike"].id, "王经理", made["region"].id)
    # N = 7 customers (the lost one too), n = 3 buyers: 物流 2 of 3 buyers, 4 of 7 in all: 2 * 7 - 3 * 4 = 2,
    # 20 * 2 / (7 * 8) / 100 = 40 / 5600; 上海市 the same; 整车运输: 2 of its 3 buyers bought 冷链仓储, which
    # 3 of the 7 bought: 2 * 7 - 3 * 3 = 5, 40 * 5 / (7 * 8) / 100 = 200 / 5600.  (40 + 40 + 200) / 5600 = 0.05
    assert alike.score == 0.05
    assert alike.reasons == (
        Reason(ReasonKind.INDUSTRY, "物流", 2, 3, 0.007143, 4),
        Reason(ReasonKind.REGION, "上海市", 2, 3, 0.007143, 4),
        Reason(ReasonKind.CO_PURCHASE, TRUCK, 2, 3, 0.035714, 3),
    )
    # 浙江省 1 of 3 buyers, 2 of 7: 1 * 7 - 3 * 2 = 1, 20 / 5600 = 0.00357142...
    assert region.reasons == (Reason(ReasonKind.REGION, "浙江省", 1, 3, 0.003571, 2),)


def test_a_suggestion_never_names_a_customer_who_already_bought_the_product(shop):
    cf, made = shop
    buyers = {made[k].id for k in ("b1", "b2", "b3")}
    for product in (COLD, TRUCK, TEA):
        named = {s.customer_id for s in suggestions.customers_for(cf, product).suggestions}
        bought = {o.customer_id for cid in {c.id for c in made.values()}
                  for o in order_store.orders_of(cf, cid) if o.product == product}
        assert not named & bought
    assert not {s.customer_id for s in suggestions.customers_for(cf, COLD).suggestions} & buyers


def test_products_for_a_customer_from_the_file(shop):
    cf, made = shop
    found = suggestions.products_for(cf, made["alike"].id)
    assert [(p.product, p.buyers, p.score) for p in found] == [(COLD, 3, 0.05)]
    assert suggestions.customer_id(cf, made["alike"].code) == made["alike"].id
    assert suggestions.customer_id(cf, "KH999999") is None


def test_reasons_worded_in_both_languages(shop):
    cf, _made = shop
    alike = suggestions.customers_for(cf, COLD).suggestions[0]
    assert suggestions.reasons_text(alike.reasons, COLD, chinese=False) == (
        "same industry (物流) as 2 of 3 buyers; same region (上海市) as 2 of 3 buyers; "
        "bought 整车运输: 2 of its 3 buyers also bought 冷链仓储"
    )
    assert suggestions.reasons_text(alike.reasons, COLD, chinese=True) == (
        "同行业（物流）：2/3 位买过的客户；同地区（上海市）：2/3 位买过的客户；"
        "买过「整车运输」：其 3 位客户中 2 位也买了「冷链仓储」"
    )
    tier = Reason(ReasonKind.TIER, "A", 1, 3, 0.025, 1)
    assert suggestions.reason_text(tier, COLD, chinese=False) == "same tier (A) as 1 of 3 buyers"
    assert suggestions.default_purpose(COLD, chinese=True) == "推荐 冷链仓储"


def test_export_to_csv_and_xlsx(shop, tmp_path: Path):
    cf, made = shop
    found = suggestions.customers_for(cf, COLD)
    out = tmp_path / "推荐.csv"
    steps = []
    assert suggestions.export_suggestions(out, found, chinese=True, progress=lambda d, t: steps.append((d, t))) == 2
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[0] == ["产品", "排名", "客户编号", "客户名称", "负责人", "得分", "推荐理由"]
    assert rows[1][:6] == [COLD, "1", made["alike"].code, "测试4号公司", "王经理", "0.0500"]
    assert rows[2][1:3] == ["2", made["region"].code] and steps[-1] == (2, 2)

    book_path = tmp_path / "suggestions.xlsx"
    assert suggestions.export_suggestions(book_path, found, chinese=False) == 2
    book = openpyxl.load_workbook(book_path, read_only=True)
    values = list(book.worksheets[0].values)
    book.close()
    assert values[0] == ("Product", "Rank", "Customer code", "Customer name", "Owner", "Score", "Why")
    assert values[2] == (COLD, 2, made["region"].code, "测试5号公司", None, "0.0036",
                         "same region (浙江省) as 1 of 3 buyers")


def test_export_refuses_other_formats_and_writes_nothing(shop, tmp_path: Path):
    cf, _made = shop
    with pytest.raises(ExportError) as caught:
        suggestions.export_suggestions(tmp_path / "x.pdf", suggestions.customers_for(cf, COLD), chinese=True)
    assert caught.value.problem is ExportProblem.UNSUPPORTED_FORMAT
    assert list(tmp_path.glob("x*")) == []


def test_plan_follow_ups_one_per_customer_with_its_owner_once(shop):
    cf, made = shop
    ids = [s.customer_id for s in suggestions.customers_for(cf, COLD).suggestions]
    purpose = suggestions.default_purpose(COLD, chinese=True)
    done = suggestions.plan_follow_ups(cf, ids, purpose, date(2026, 11, 25), method=ContactMethod.VISIT,
                                       due_time="10:00")
    assert done == suggestions.PlannedFollowUps(2)
    planned = follow_up_store.follow_ups_of(cf, made["alike"].id)
    assert [(f.due_date, f.due_time, f.method, f.purpose, f.owner, f.state, f.source) for f in planned] == [
        (date(2026, 11, 25), "10:00", ContactMethod.VISIT, "推荐 冷链仓储", "王经理", FollowUpState.PLANNED,
         FollowUpSource.MANUAL)]
    assert [e.action for e in change_log(cf, made["alike"].id) if e.entity == "follow_up"] == ["create"]

    customer_store.soft_delete_customer(cf, made["stranger"].id)
    again = suggestions.plan_follow_ups(cf, [*ids, made["stranger"].id], purpose, date(2026, 12, 1))
    assert again == suggestions.PlannedFollowUps(0, tuple(ids), (made["stranger"].id,))
    assert len(follow_up_store.follow_ups_of(cf, made["region"].id)) == 1


def test_plan_follow_ups_needs_a_purpose(shop):
    cf, made = shop
    assert suggestions.plan_follow_ups(cf, [made["alike"].id], "  ", TODAY) == [
        FieldError("purpose", ErrorCode.REQUIRED)]
    assert suggestions.plan_follow_ups(cf, [made["alike"].id], "x", TODAY, due_time="25:00") == [
        FieldError("due_time", ErrorCode.INVALID_TIME)]
    assert follow_up_store.follow_ups_of(cf, made["alike"].id) == []
