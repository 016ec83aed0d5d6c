"""Sales targets typed into their dialog and shown on the dashboard, against a real file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from crmdesk.domain.orders import Order, Period, PeriodKind
from crmdesk.domain.statements import PeriodPreset
from crmdesk.domain.targets import SalesTarget
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import ledger
from crmdesk.services import targets as target_service
from crmdesk.services import win_back
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.ui import texts
from crmdesk.ui.analysis.analysis_view import AnalysisAccess, AnalysisView
from crmdesk.ui.sales.sales_access import SalesAccess
from crmdesk.ui.sales.targets_dialog import TargetsDialog
from tests.factories import make_company, make_person
from tests.ui.test_protection import when_shown

TODAY = date(2026, 11, 23)
P = Period.parse


@pytest.fixture
def shop(customer_file):
    cf = customer_file
    wang = customer_store.insert_customer(cf, make_company(owner="王强"))
    li = customer_store.insert_customer(cf, make_person(owner="李娜"))
    order_store.insert_order(cf, Order(wang.id, date(2026, 11, 5), "整车", 1, 1_040_00))
    order_store.insert_order(cf, Order(li.id, date(2026, 10, 5), "快递", 1, 80_00))
    return wang, li


@pytest.fixture
def dialog(qtbot, customer_file, shop):
    widget = TargetsDialog(SalesAccess(customer_file, TODAY))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def ok(dialog):
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)


def type_into(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_the_table_has_a_row_per_owner_and_a_column_per_month(dialog):
    assert dialog.windowTitle() == "Sales targets" and ok(dialog).text() == "Save"
    assert dialog.year.value() == 2026
    assert [dialog.table.verticalHeaderItem(r).text() for r in range(dialog.table.rowCount())] == ["李娜", "王强"]
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())] == [
        f"2026-{m:02d}" for m in range(1, 13)]
    dialog.kind.setCurrentIndex(dialog.kind.findData(PeriodKind.QUARTER))
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(4)] == [f"2026-Q{q}" for q in range(1, 5)]


def test_typed_amounts_are_saved_replaced_and_emptied_away(qtbot, dialog, customer_file):
    type_into(qtbot, dialog.editor("王强", "2026-11"), "2000")
    type_into(qtbot, dialog.editor("李娜", "2026-10"), "1,500.50")
    with qtbot.waitSignal(dialog.targets_changed):
        assert dialog.save()
    assert [(t.owner, str(t.period), t.amount) for t in target_service.targets(customer_file)] == [
        ("李娜", "2026-10", 1_500_50), ("王强", "2026-11", 2_000_00)]
    assert dialog.editor("王强", "2026-11").text() == "2,000.00"
    assert dialog.editor("王强", "2026-11").toolTip() == "Actual so far ¥1,040.00, gap ¥960.00"
    dialog.editor("李娜", "2026-10").clear()
    dialog.editor("李娜", "2026-10").textEdited.emit("")
    assert dialog.save()
    assert [(t.owner, str(t.period)) for t in target_service.targets(customer_file)] == [("王强", "2026-11")]


def test_a_bad_amount_is_marked_and_nothing_is_saved(qtbot, dialog, customer_file):
    type_into(qtbot, dialog.editor("王强", "2026-11"), "12,34")
    type_into(qtbot, dialog.editor("李娜", "2026-11"), "100")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.editor("王强", "2026-11").text() == "12,34"
    assert dialog.editor("李娜", "2026-11").text() == "100"  # kept as typed, not stored either
    assert dialog.editor("王强", "2026-11").toolTip().startswith(texts.error_text(ErrorCode.INVALID_AMOUNT))
    assert target_service.targets(customer_file) == []


def test_a_new_owner_gets_a_row_and_a_quarter_target(qtbot, dialog, customer_file):
    qtbot.keyClicks(dialog.new_owner, "Zhao Min")
    qtbot.mouseClick(dialog.add_owner_button, Qt.MouseButton.LeftButton)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PeriodKind.QUARTER))
    type_into(qtbot, dialog.editor("Zhao Min", "2026-Q4"), "30000")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert target_service.targets(customer_file) == [
        SalesTarget("Zhao Min", P("2026-Q4"), 30_000_00, id=1, uid=target_service.targets(customer_file)[0].uid,
                    row_version=1)]


def test_a_target_entered_from_the_dashboard_shows_on_its_tile(qtbot, customer_file, shop):
    view = AnalysisView(AnalysisAccess(customer_file, TODAY))
    qtbot.addWidget(view)
    view.show()
    assert "no target in this period" in view.dashboard.text_of("targets")

    def open_targets():  # what the window does with the signal
        dialog = TargetsDialog(SalesAccess(customer_file, TODAY), view)
        dialog.targets_changed.connect(lambda: view.set_access(AnalysisAccess(customer_file, TODAY)))
        dialog.exec()

    def enter(dialog: QDialog) -> None:
        type_into(qtbot, dialog.editor("王强", "2026-11"), "2000")
        type_into(qtbot, dialog.editor("李娜", "2026-10"), "50")
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)

    view.open_targets.connect(open_targets)
    when_shown("targets_dialog", enter)
    qtbot.mouseClick(view.dashboard.tiles["targets"], Qt.MouseButton.LeftButton)
    text = view.dashboard.text_of("targets")
    assert "王强: ¥1,040.00 of ¥2,000.00, gap ¥960.00" in text
    assert "李娜: ¥80.00 of ¥50.00, over by ¥30.00" in text
    assert "54%" in text  # 1,120 of 2,050, rounded down
    view.period.set_preset(PeriodPreset.THIS_MONTH)  # November so far: 王强's target only
    text = view.dashboard.text_of("targets")
    assert "王强: ¥1,040.00 of ¥2,000.00, gap ¥960.00" in text and "李娜" not in text
    view.owner_combo.setCurrentIndex(view.owner_combo.findData("李娜"))
    assert "no target in this period" in view.dashboard.text_of("targets")


def test_the_win_back_tile_counts_the_plans_of_the_period(qtbot, customer_file, shop):
    wang, li = shop
    win_back.start_win_back(customer_file, wang.id, date(2026, 3, 1))
    win_back.start_win_back(customer_file, li.id, date(2026, 4, 1))
    ledger.save_order(customer_file, Order(li.id, date(2026, 5, 1), "快递", 1, 10_00), TODAY)
    view = AnalysisView(AnalysisAccess(customer_file, TODAY))
    qtbot.addWidget(view)
    view.show()
    assert "50%" in view.dashboard.text_of("win_back")
    assert "1 of 2 lost customers won back" in view.dashboard.text_of("win_back")
    view.owner_combo.setCurrentIndex(view.owner_combo.findData("王强"))
    assert "0 of 1 lost customers won back" in view.dashboard.text_of("win_back")
