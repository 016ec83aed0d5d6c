"""The alert panel as the user meets it: counts in the tabs, a click opens the customer,
dismiss and snooze survive a reopen, the owner filter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from crmdesk.domain.alerts import AlertGroup
from crmdesk.domain.orders import Order
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.alerts.alert_model import AlertColumn
from tests.factories import make_company, make_person
from tests.ui.test_main_window import make_window, open_and_wait  # noqa: F401 - fixtures

TODAY = date(2026, 11, 23)


@pytest.fixture
def alert_file(tmp_path) -> Path:
    path = tmp_path / "alerts.crmdesk"
    with CustomerFile.create(path) as cf:
        over = store.insert_customer(cf, make_company(name="超限物流有限公司", credit_limit=100_000,
                                                      owner="王强", last_verified=TODAY)).id
        store.insert_customer(cf, make_person(name="张三", owner="李娜", last_verified=TODAY))
        quiet = store.insert_customer(cf, make_company(name="久未下单贸易公司", owner="李娜",
                                                       last_verified=TODAY)).id
        order_store.insert_ledger_rows(cf, [
            Order(customer_id=over, order_date=date(2026, 11, 1), product="整车运输", quantity=1, amount=150_000),
            Order(customer_id=quiet, order_date=date(2026, 5, 1), product="零担", quantity=1, amount=5_000),
        ], [])
    return path


def _tab_titles(window) -> dict[AlertGroup, str]:
    return {g: window.alert_panel.tabs.tabText(i) for i, g in enumerate(AlertGroup)}


def _opened(qtbot, window, path):
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.alert_panel.visible_count() > 0, timeout=10_000)


def _first_alert(window, group: AlertGroup) -> QModelIndex:
    view = window.alert_panel.views[group]
    window.alert_panel.tabs.setCurrentWidget(view)
    model = view.model()
    assert model.is_header(model.index(0, 0))
    index = model.index(1, AlertColumn.CUSTOMER)  # the first alert under the first header
    view.setCurrentIndex(index)
    return index


def test_counts_reasons_and_a_click_opens_the_customer(qtbot, make_window, alert_file):
    window = make_window()
    _opened(qtbot, window, alert_file)
    titles = _tab_titles(window)
    assert titles[AlertGroup.MONEY] == "Money (1)"
    assert titles[AlertGroup.CHURN] == "Churn risk (1)"  # no purchase since May
    index = _first_alert(window, AlertGroup.MONEY)
    model = index.model()
    assert "超限物流有限公司" in model.data(index)
    reason = model.data(index.siblingAtColumn(AlertColumn.REASON))
    assert reason == "Receivable ¥1,500.00 exceeds the credit limit ¥1,000.00 by ¥500.00"
    assert model.data(model.index(0, 0)) == "▾ Receivable over credit limit · Critical (1)"
    view = window.alert_panel.views[AlertGroup.MONEY]
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.detail.current() is not None
                    and window.detail.current().name == "超限物流有限公司")
    assert "Alerts (" in window.alert_dock.windowTitle()


def test_dismiss_and_snooze_survive_a_restart(qtbot, make_window, alert_file):
    window = make_window()
    _opened(qtbot, window, alert_file)
    _first_alert(window, AlertGroup.MONEY)
    view = window.alert_panel.views[AlertGroup.MONEY]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _tab_titles(window)[AlertGroup.MONEY] == "Money (0)"
    _first_alert(window, AlertGroup.CHURN)
    window.alert_panel._snooze_current(date(2026, 11, 30))
    assert _tab_titles(window)[AlertGroup.CHURN] == "Churn risk (0)"
    assert "2 hidden" in window.alert_panel.status.text()
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, alert_file)
    qtbot.waitUntil(lambda: "hidden" in again.alert_panel.status.text(), timeout=10_000)
    assert _tab_titles(again)[AlertGroup.MONEY] == "Money (0)"
    again.alert_panel.show_hidden.setChecked(True)
    assert _tab_titles(again)[AlertGroup.MONEY] == "Money (1)"
    index = _first_alert(again, AlertGroup.CHURN)
    assert index.model().data(index.siblingAtColumn(AlertColumn.STATE)) == "Snoozed until 2026-11-30"
    again.alert_panel.restore_button.click()
    again.alert_panel.show_hidden.setChecked(False)
    assert _tab_titles(again)[AlertGroup.CHURN] == "Churn risk (1)"


def test_owner_filter(qtbot, make_window, alert_file):
    window = make_window()
    _opened(qtbot, window, alert_file)
    combo = window.alert_panel.owner
    assert [combo.itemText(i) for i in range(combo.count())] == ["All owners", "李娜", "王强", "No owner"]
    combo.setCurrentIndex(combo.findText("李娜"))
    assert _tab_titles(window)[AlertGroup.MONEY] == "Money (0)"
    assert _tab_titles(window)[AlertGroup.CHURN] == "Churn risk (1)"
    combo.setCurrentIndex(combo.findText("王强"))
    assert _tab_titles(window)[AlertGroup.MONEY] == "Money (1)"


def test_a_payment_recomputes_that_customers_alerts(qtbot, make_window, alert_file):
    window = make_window()
    _opened(qtbot, window, alert_file)
    from crmdesk.domain.orders import Payment, PaymentMethod

    customer = next(c for c in (store.get_customer(window.session.gui, i) for i in (1, 2, 3))
                    if c.name == "超限物流有限公司")
    window.show_customer_id(customer.id)
    qtbot.waitUntil(lambda: window.detail.current() is not None and window.detail.current().id == customer.id)
    order_store.insert_payment(window.session.gui, Payment(
        customer_id=customer.id, paid_date=TODAY, amount=100_000, method=PaymentMethod.CASH))
    window.detail.ledger_changed.emit()
    qtbot.waitUntil(lambda: _tab_titles(window)[AlertGroup.MONEY] == "Money (0)", timeout=10_000)


def test_a_section_folds_on_a_click_and_with_the_keyboard(qtbot, make_window, alert_file):
    window = make_window()
    _opened(qtbot, window, alert_file)
    view = window.alert_panel.views[AlertGroup.MONEY]
    window.alert_panel.tabs.setCurrentWidget(view)
    model = view.model()
    assert model.rowCount() == 2  # the header and its alert
    header = model.index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(header).center())
    assert model.rowCount() == 1 and model.data(header).startswith("▸ ")
    assert window.alert_panel.tabs.tabText(0) == "Money (1)"  # folded, still counted
    view.setFocus()
    view.setCurrentIndex(header)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert model.rowCount() == 2 and model.data(header).startswith("▾ ")
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert model.rowCount() == 1
    assert view.columnSpan(0, 0) == len(AlertColumn)  # the header runs across the row


def test_a_read_only_file_offers_only_to_open_the_customer(qtbot):
    from crmdesk.domain.alerts import Alert, AlertKind, Severity
    from crmdesk.services.alerts import CustomerAlert
    from crmdesk.ui.alerts.alert_panel import AlertPanel

    panel = AlertPanel(TODAY)
    qtbot.addWidget(panel)
    panel.set_alerts([CustomerAlert(Alert(AlertKind.OVER_CREDIT_LIMIT, 1, Severity.CRITICAL,
                                          {"receivable": 2, "credit_limit": 1, "over_by": 1}), "KH000001", "甲", None,
                                    None)])
    panel.set_read_only(True)
    view = panel.views[AlertGroup.MONEY]
    view.setCurrentIndex(view.model().index(1, 0))
    assert panel.open_button.isEnabled()
    assert not panel.dismiss_button.isEnabled() and not panel.snooze_button.isEnabled()
    with qtbot.assertNotEmitted(panel.dismiss_requested):
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    panel.set_read_only(False)
    assert panel.dismiss_button.isEnabled()
