"""The customer's tier in the detail header: which tier, why, how to look after it, and its history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from crmdesk.domain.customer import CustomerKind
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier, TierRules
from crmdesk.services import customers as service
from crmdesk.services.tiering import recompute_tiers
from crmdesk.storage import customers as store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.detail_panel import CustomerDetailPanel
from crmdesk.ui.ledger_access import LedgerAccess
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)
# Five buyers and one customer who bought nothing; 20/40/60 % of 5 makes the cut-offs 1, 2, 3.
AMOUNTS = (12_345_600, 500_000, 400_000, 300_000, 200_000, None)
RULES = TierRules(window_months=12, a_percent=20, b_percent=40, c_percent=60)


@pytest.fixture
def ids(customer_file):
    ids = [store.insert_customer(customer_file, make_company(name=f"公司{i}", credit_code=None, contacts=()))
           .id for i in range(len(AMOUNTS))]
    order_store.insert_ledger_rows(customer_file, [
        Order(customer_id=cid, order_date=date(2026, 9, 1), product="整车", quantity=1, amount=amount)
        for cid, amount in zip(ids, AMOUNTS) if amount is not None
    ], [])
    assert file_settings.set_tier_rules(customer_file, RULES) == []
    return ids


@pytest.fixture
def panel(qtbot, customer_file):
    widget = CustomerDetailPanel(lambda c: service.save_customer(customer_file, c), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(760, 640)
    widget.show()
    widget.set_ledger(LedgerAccess(customer_file, TODAY))
    return widget


def show(panel, customer_file, cid):
    panel.show_customer(service.get_customer(customer_file, cid))
    return panel.tier_line


def test_the_tier_line_says_tier_amount_rank_and_cutoff(panel, customer_file, ids):
    recompute_tiers(customer_file, TODAY)
    line = show(panel, customer_file, ids[0])
    assert line.isVisible() and line.badge.isVisible()
    assert line.badge.text() == texts.enum_text(Tier.A)
    assert line.why.text() == "Bought ¥123,456.00 in the last 12 months · rank 1 of 5 (A: top 1)"
    assert line.method.text() == "Management: " + texts.tier_method(Tier.A)
    assert "top 20 % A" in line.why.toolTip() and TODAY.isoformat() in line.why.toolTip()

    line = show(panel, customer_file, ids[1])
    assert line.badge.text() == texts.enum_text(Tier.B)
    assert line.why.text() == "Bought ¥5,000.00 in the last 12 months · rank 2 of 5 (B: top 2)"
    assert texts.tier_method(Tier.B) in line.method.text()

    line = show(panel, customer_file, ids[2])
    assert (line.badge.text(), line.why.text()) == (
        texts.enum_text(Tier.C), "Bought ¥4,000.00 in the last 12 months · rank 3 of 5 (C: top 3)")


def test_a_d_customer_shows_why_with_or_without_purchases(panel, customer_file, ids):
    recompute_tiers(customer_file, TODAY)
    line = show(panel, customer_file, ids[4])
    assert line.badge.text() == texts.enum_text(Tier.D)
    assert line.why.text() == "Bought ¥2,000.00 in the last 12 months · rank 5 of 5 (C: top 3)"  # below C
    line = show(panel, customer_file, ids[5])
    assert line.badge.text() == texts.enum_text(Tier.D)
    assert line.why.text() == "No purchases in the last 12 months"
    assert line.method.text() == "Management: " + texts.tier_method(Tier.D)


def test_the_window_of_the_files_rules_is_named(panel, customer_file, ids):
    file_settings.set_tier_rules(customer_file, TierRules(window_months=1, a_percent=1, b_percent=5, c_percent=20))
    recompute_tiers(customer_file, TODAY)  # the September orders fall out of a one-month window
    assert show(panel, customer_file, ids[0]).why.text() == "No purchases in the last month"


def test_before_the_first_recompute_the_line_says_so(panel, customer_file, ids):
    line = show(panel, customer_file, ids[0])
    assert line.isVisible() and not line.badge.isVisible() and not line.method.isVisible()
    assert "not computed yet" in line.why.text()
    assert not line.history_button.isEnabled()
    recompute_tiers(customer_file, TODAY)
    panel.refresh_tier()  # what the window calls when a recompute is done
    assert line.badge.isVisible() and line.badge.text() == texts.enum_text(Tier.A)


def test_no_tier_line_for_a_new_customer_or_without_a_file(qtbot, panel, customer_file, ids):
    recompute_tiers(customer_file, TODAY)
    show(panel, customer_file, ids[0])
    assert panel.tier_line.isVisible()
    panel.start_new(CustomerKind.PERSONAL)
    assert not panel.tier_line.isVisible()
    show(panel, customer_file, ids[0])
    panel.set_ledger(None)
    assert not panel.tier_line.isVisible()


def test_history_lists_the_changes_newest_first(qtbot, panel, customer_file, ids):
    recompute_tiers(customer_file, TODAY)
    later = TODAY + timedelta(days=200)  # 2027-06-11: the September 2026 orders are still in the window
    cid = store.insert_customer(customer_file, make_person(name="新客户", mobile=None)).id
    order_store.insert_ledger_rows(customer_file, [
        Order(customer_id=cid, order_date=later, product="整车", quantity=1, amount=99_900_000)], [])
    file_settings.set_tier_rules(customer_file, TierRules(12, 1, 40, 60))  # cut-offs of 6: 1, 3, 4
    recompute_tiers(customer_file, later)  # the newcomer takes rank 1: the old A becomes B
    line = show(panel, customer_file, ids[0])
    assert line.why.text() == "Bought ¥123,456.00 in the last 12 months · rank 2 of 6 (B: top 3)"
    assert line.history_button.isEnabled()
    qtbot.mouseClick(line.history_button, Qt.MouseButton.LeftButton)
    dialog = line.history_dialog()
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle().endswith("公司0")
    assert dialog.rows() == [
        [later.isoformat(), "A → B", "¥123,456.00", "2/6"],
        [TODAY.isoformat(), "— → A", "¥123,456.00", "1/5"],
    ]
    # Showing another customer while the list is open shows that customer's history.
    show(panel, customer_file, ids[5])
    assert dialog.rows() == [[TODAY.isoformat(), "— → D", "¥0.00", "—/5"]]
    dialog.close()
