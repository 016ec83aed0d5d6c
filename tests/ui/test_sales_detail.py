"""Referrals and win-back in the customer detail panel, driven like a user against a real file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QTabWidget

from crmdesk.domain.customer import Group, LifecycleStatus
from crmdesk.domain.orders import Order
from crmdesk.domain.win_back import WinBackReason
from crmdesk.services import customers as service
from crmdesk.services import referrals as referral_service
from crmdesk.storage import orders as order_store
from crmdesk.storage import win_backs as win_back_store
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.detail_panel import CustomerDetailPanel
from crmdesk.ui.ledger_access import LedgerAccess
from crmdesk.ui.sales.sales_access import SalesAccess
from tests.factories import make_company, make_person
from tests.ui.test_ledger_tabs import fill, open_dialog, press_ok
from tests.ui.test_protection import when_shown
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)


@pytest.fixture
def panel(qtbot, customer_file):
    widget = CustomerDetailPanel(lambda c: service.save_customer(customer_file, c), today=TODAY)
    qtbot.addWidget(widget)
    widget.set_ledger(LedgerAccess(customer_file, TODAY))
    widget.set_sales(SalesAccess(customer_file, TODAY))
    widget.resize(900, 700)
    widget.show()
    return widget


@pytest.fixture
def people(customer_file):
    zhang = service.save_customer(customer_file, make_person(name="张三", owner="王强")).customer
    li = service.save_customer(customer_file, make_person(name="李四", mobile="13900139000")).customer
    return zhang, li


def open_group(qtbot, panel, group):
    tabs = panel.findChild(QTabWidget, "detail_tabs")
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == texts.enum_text(group))
    tabs.setCurrentIndex(index)
    return tabs.widget(index)


def follow_up_rows(panel):
    """The follow-ups shown, without the totals line under them."""
    model = panel.follow_ups_tab.table.model()
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    return [row for row in rows if not row[0].endswith("planned")]


def test_a_referrer_is_set_by_typing_pinyin_and_picking_it(qtbot, panel, customer_file, people):
    zhang, li = people
    panel.show_customer(zhang)
    page = open_group(qtbot, panel, Group.RELATIONSHIPS)
    box = panel.referral_box
    assert box.isVisible() and page.isAncestorOf(box)
    assert box.referrer_label.text() == "Nobody recorded"
    qtbot.keyClicks(box.search, "lisi")
    qtbot.waitUntil(lambda: box.results.count() == 1)
    assert box.results.item(0).text() == f"{li.code}  李四"
    qtbot.keyClicks(box.referred_on, "2026-05-01")
    item = box.results.item(0)
    qtbot.mouseClick(box.results.viewport(), Qt.MouseButton.LeftButton, pos=box.results.visualItemRect(item).center())
    assert box.referrer_label.text() == f"李四 ({li.code})  ·  since 2026-05-01"
    assert not box.results.isVisible() and box.search.text() == ""
    assert referral_service.referrals_of(customer_file, zhang.id).referrer.customer_id == li.id

    # 李四's page lists 张三 with the revenue since the referral, and opens him.
    order_store.insert_order(customer_file, Order(zhang.id, date(2026, 4, 1), "快递", 1, 50_00))
    order_store.insert_order(customer_file, Order(zhang.id, date(2026, 6, 1), "快递", 1, 1_234_50))
    panel.show_customer(service.get_customer(customer_file, li.id))
    assert box.referrer_label.text() == "Nobody recorded"
    assert box.referred.rowCount() == 1
    assert [box.referred.item(0, c).text() for c in range(4)] == [zhang.code, "张三", "2026-05-01", "¥1,234.50"]
    assert box.total_label.text() == "Referred revenue: ¥1,234.50 from 1 customer(s)"
    with qtbot.waitSignal(panel.open_customer) as opened:
        box.referred.itemActivated.emit(box.referred.item(0, 1))
    assert opened.args == [zhang.id]

    # A loop is refused with the reason, and nothing changes.
    qtbot.keyClicks(box.search, "zs")
    qtbot.waitUntil(lambda: box.results.count() == 1)
    qtbot.keyClick(box.search, Qt.Key.Key_Return)
    assert box.message.isVisible() and "circle" in box.message.text()
    assert referral_service.referrals_of(customer_file, li.id).referrer is None

    # Clearing on 张三's page forgets the referrer.
    panel.show_customer(service.get_customer(customer_file, zhang.id))
    qtbot.mouseClick(box.clear_button, Qt.MouseButton.LeftButton)
    assert box.referrer_label.text() == "Nobody recorded"
    assert referral_service.referrals_of(customer_file, zhang.id).referrer is None


def test_a_company_has_its_referrals_on_the_record_tab(qtbot, panel, customer_file):
    company = service.save_customer(customer_file, make_company()).customer
    panel.show_customer(company)
    page = open_group(qtbot, panel, Group.MANAGEMENT)
    assert page.isAncestorOf(panel.referral_box) and panel.referral_box.isVisible()


def test_a_new_customer_cannot_have_a_referrer_until_saved(panel):
    from crmdesk.domain.customer import CustomerKind

    panel.start_new(CustomerKind.PERSONAL)
    assert panel.referral_box.referrer_label.text() == "Save the customer first"
    assert not panel.referral_box.search.isEnabled()
    assert not panel.win_back_button.isEnabled()


def test_starting_a_win_back_plan_shows_its_follow_ups_and_the_lost_status(qtbot, panel, customer_file, people):
    zhang, _ = people
    panel.show_customer(zhang)
    assert panel.win_back_button.isVisible() and panel.win_back_button.text() == "Start win-back plan…"
    seen = {}

    def accept(dialog: QDialog) -> None:
        reason = dialog.findChild(QComboBox, "win_back_reason")
        seen["reason"] = reason.currentData()
        reason.setCurrentIndex(reason.findData(WinBackReason.MANUAL))
        steps = dialog.steps
        seen["steps"] = [steps.topLevelItem(i).text(0) for i in range(steps.topLevelItemCount())]
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_shown("win_back_dialog", accept)
    with qtbot.waitSignal(panel.follow_ups_changed):
        assert panel.start_win_back(WinBackReason.CHURN)
    assert seen == {"reason": WinBackReason.CHURN, "steps": ["2026-11-23", "2026-11-30", "2026-12-23"]}
    assert panel.sections.currentWidget() is panel.follow_ups_tab
    assert [row[0] for row in follow_up_rows(panel)] == ["2026-11-23", "2026-11-30", "2026-12-23"]
    assert follow_up_rows(panel)[0][2] == "挽回：电话了解流失原因" and follow_up_rows(panel)[0][3] == "王强"
    assert panel.current().status is LifecycleStatus.LOST
    meta = panel.findChild(QLabel, "header_meta").text()
    assert "Lost" in meta and "win-back plan since 2026-11-23" in meta
    (episode,) = win_back_store.episodes_of(customer_file, zhang.id)
    assert episode.reason is WinBackReason.MANUAL

    # The button again: the dialog says so and nothing is planned twice.
    def accept_again(dialog: QDialog) -> None:
        seen["again"] = dialog.findChild(QLabel, "win_back_intro").text()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_shown("win_back_dialog", accept_again)
    qtbot.mouseClick(panel.win_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "again" in seen)
    assert "since 2026-11-23" in seen["again"]
    assert len(follow_up_rows(panel)) == 3


def test_an_order_typed_for_a_lost_customer_shows_it_won_back(qtbot, panel, customer_file, people):
    zhang, _ = people
    from crmdesk.services import win_back

    win_back.start_win_back(customer_file, zhang.id, date(2026, 11, 1))
    panel.show_customer(service.get_customer(customer_file, zhang.id))
    panel.sections.setCurrentWidget(panel.orders_tab)
    dialog = open_dialog(qtbot, panel.orders_tab, panel.orders_tab.add_button)
    fill(qtbot, dialog, "order", amount="300")
    type_text(qtbot, dialog.findChild(QLineEdit, "order_product"), "快递")
    with qtbot.waitSignal(panel.ledger_changed):
        press_ok(qtbot, dialog)
    assert panel.current().status is LifecycleStatus.WON_BACK
    meta = panel.findChild(QLabel, "header_meta").text()
    assert "Won back" in meta and "win-back plan" not in meta
    assert panel.sections.currentWidget() is panel.orders_tab  # the user stays where they were


def test_edits_in_progress_survive_a_status_change_and_save_on_top_of_it(qtbot, panel, customer_file):
    prospect = service.save_customer(customer_file, make_person(status=LifecycleStatus.PROSPECT)).customer
    panel.show_customer(prospect)
    open_group(qtbot, panel, Group.LIFE)
    hobbies = panel.findChild(QTabWidget, "detail_tabs").currentWidget().findChild(object, "field_hobbies")
    type_text(qtbot, hobbies, "钓鱼")
    assert panel.is_dirty()
    LedgerAccess(customer_file, TODAY).save_order(Order(prospect.id, TODAY, "快递", 1, 10_00))
    panel.reload_customer()
    assert panel.is_dirty() and panel.current().status is LifecycleStatus.ACTIVE
    assert panel.save()
    saved = service.get_customer(customer_file, prospect.id)
    assert (saved.status, saved.hobbies) == (LifecycleStatus.ACTIVE, "钓鱼")


def test_a_churn_alert_asks_for_a_win_back_plan_started_for_churn(qtbot, panel, customer_file, people):
    from crmdesk.domain.alerts import Action, AlertGroup
    from crmdesk.services.alerts import compute_alerts
    from crmdesk.ui.alerts.alert_panel import AlertPanel

    zhang, _ = people
    order_store.insert_order(customer_file, Order(zhang.id, date(2026, 5, 1), "快递", 1, 50_00))  # quiet since May
    alerts = AlertPanel(TODAY)
    qtbot.addWidget(alerts)
    alerts.set_alerts(compute_alerts(customer_file, TODAY))
    view = alerts.views[AlertGroup.CHURN]
    alerts.tabs.setCurrentWidget(view)
    view.setCurrentIndex(view.model().index(1, 0))  # the first alert under its header
    assert alerts._current().alert.action is Action.WIN_BACK

    def start(customer_id: int) -> None:  # what the window does with the signal
        panel.show_customer(service.get_customer(customer_file, customer_id))
        panel.start_win_back(WinBackReason.CHURN)

    alerts.win_back_requested.connect(start)
    when_shown("win_back_dialog", lambda d: d.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok).click())
    with qtbot.waitSignal(panel.follow_ups_changed):
        alerts.win_back_current()
    (episode,) = win_back_store.episodes_of(customer_file, zhang.id)
    assert (episode.reason, episode.lost_on) == (WinBackReason.CHURN, TODAY)
