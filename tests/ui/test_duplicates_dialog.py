"""Find duplicates and merge, used like a clerk: the list of likely pairs with their reasons, a pair
selected and merged with the other side's phone chosen, the pair gone from the list, the merge undone;
swapping sides, a record changed meanwhile, an undo refused after an edit, numbers masked until shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QRadioButton

from crmdesk.domain.orders import Order
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.duplicates.duplicates_access import DuplicatesAccess
from crmdesk.ui.duplicates.duplicates_dialog import DuplicatesDialog, PairColumn
from crmdesk.ui.duplicates.merge_dialog import MergeDialog
from tests.factories import make_company, make_person


@pytest.fixture
def book(customer_file):
    """张三 twice (the same mobile, different landlines; the second has two orders), a company twice
    (the same credit code), and a 李四 who is nobody's duplicate."""
    cf = customer_file
    zhang = customer_store.insert_customer(cf, make_person(name="张三", phone="01012345678", city="北京市"))
    company = customer_store.insert_customer(cf, make_company())
    customer_store.insert_customer(cf, make_person(name="李四", mobile="13911112222"))
    zhang_again = customer_store.insert_customer(cf, make_person(
        name="張三", phone="01087654321", city=None, email="zs@example.com"))
    company_again = customer_store.insert_customer(cf, make_company(name="顺达物流", phone="01099998888", contacts=()))
    for day in (3, 17):
        order_store.insert_order(cf, Order(zhang_again.id, date(2026, 10, day), "快递", 1, 2_000))
    return {"zhang": zhang, "zhang_again": zhang_again, "company": company, "company_again": company_again}


def make_dialog(qtbot, cf: CustomerFile) -> DuplicatesDialog:
    dialog = DuplicatesDialog(DuplicatesAccess(cf))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def cell(dialog: DuplicatesDialog, row: int, column: PairColumn) -> str:
    return dialog.model.index(row, column).data()


def all_text(dialog: DuplicatesDialog) -> str:
    model = dialog.model
    return "\n".join(model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount()))


def click_row(qtbot, dialog: DuplicatesDialog, row: int, *, double: bool = False) -> None:
    rect = dialog.view.visualRect(dialog.model.index(row, PairColumn.NAME))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pick(qtbot, radio: QRadioButton) -> None:
    """Click a radio button on its circle, as a user does (the button is as wide as its column)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(radio.height() // 2, radio.height() // 2))


def open_merge(qtbot, dialog: DuplicatesDialog, row: int) -> MergeDialog:
    click_row(qtbot, dialog, row)
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    merge = dialog.merge_dialog
    assert merge is not None and merge.isVisible()
    qtbot.waitExposed(merge)
    return merge


def test_the_list_shows_pairs_with_their_reasons_in_words(qtbot, customer_file, book, qtmodeltester):
    dialog = make_dialog(qtbot, customer_file)
    qtmodeltester.check(dialog.model)
    assert dialog.status.text() == "2 likely pair(s)"
    assert cell(dialog, 0, PairColumn.REASONS) == "Same credit code"
    assert cell(dialog, 1, PairColumn.REASONS) == "Same phone number\nSame name in pinyin"
    assert cell(dialog, 1, PairColumn.CODE) == f"{book['zhang'].code}\n{book['zhang_again'].code}"
    assert cell(dialog, 1, PairColumn.NAME) == "张三\n張三"
    assert cell(dialog, 1, PairColumn.CITY) == "北京市\n—"
    assert cell(dialog, 1, PairColumn.PHONE) == "138****8000\n138****8000"
    assert cell(dialog, 1, PairColumn.ORDERS) == "0\n2"
    assert cell(dialog, 1, PairColumn.LAST_ORDER) == "—\n2026-10-17"
    assert "13800138000" not in all_text(dialog)  # numbers masked
    assert "李四" not in all_text(dialog)
    assert not dialog.merge_button.isEnabled()  # nothing selected yet
    assert dialog.undo_button.isHidden()  # nothing merged yet


def test_merge_a_pair_choosing_the_other_sides_phone_then_undo(qtbot, customer_file, book):
    cf = customer_file
    zhang, zhang_again = book["zhang"], book["zhang_again"]
    dialog = make_dialog(qtbot, cf)
    merge = open_merge(qtbot, dialog, 1)
    assert merge.findChild(QLabel, "side_1").text() == f"{zhang.code}  张三"
    assert merge.moves.text() == f"Moves to {zhang.code}: 2 order(s)."
    keep_phone = merge.findChild(QRadioButton, "keep_phone")
    take_phone = merge.findChild(QRadioButton, "take_phone")
    assert keep_phone.isChecked() and keep_phone.text() == "010****5678"
    assert take_phone.text() == "010****4321"
    assert merge.findChild(QRadioButton, "take_email").isChecked()  # the survivor had none

    pick(qtbot, take_phone)
    assert take_phone.isChecked() and not keep_phone.isChecked()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)

    kept = customer_store.get_customer(cf, zhang.id)
    assert (kept.phone, kept.email, kept.city, kept.name) == ("01087654321", "zs@example.com", "北京市", "张三")
    assert customer_store.get_customer(cf, zhang_again.id).deleted_at is not None
    assert dialog.status.text() == "1 likely pair(s)"
    assert zhang_again.code not in all_text(dialog)
    assert dialog.done_line.text() == f"Merged {zhang_again.code} into {zhang.code}."
    assert dialog.undo_button.isVisible() and dialog.undo_button.isEnabled()

    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert customer_store.get_customer(cf, zhang.id).phone == "01012345678"
    assert customer_store.get_customer(cf, zhang_again.id).deleted_at is None
    assert len(order_store.orders_of(cf, zhang_again.id)) == 2
    assert dialog.status.text() == "2 likely pair(s)"
    assert dialog.done_line.text() == f"Undone: {zhang_again.code} is back."
    assert dialog.undo_button.isHidden()


def test_a_double_click_opens_the_merge_and_swap_keeps_the_other(qtbot, customer_file, book):
    cf = customer_file
    company, company_again = book["company"], book["company_again"]
    dialog = make_dialog(qtbot, cf)
    click_row(qtbot, dialog, 0, double=True)
    merge = dialog.merge_dialog
    assert merge is not None and merge.isVisible()
    qtbot.waitExposed(merge)
    qtbot.mouseClick(merge.swap_button, Qt.MouseButton.LeftButton)
    assert merge.findChild(QLabel, "side_1").text() == f"{company_again.code}  顺达物流"
    assert merge.moves.text().startswith(f"Moves to {company_again.code}: 2 contact person(s)")
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    assert customer_store.get_customer(cf, company.id).deleted_at is not None
    kept = customer_store.get_customer(cf, company_again.id)
    assert kept.name == "顺达物流" and [c.name for c in kept.contacts] == ["李四", "单田芳"]


def test_a_record_changed_meanwhile_is_not_merged(qtbot, customer_file, book, monkeypatch):
    cf = customer_file
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    dialog = make_dialog(qtbot, cf)
    merge = open_merge(qtbot, dialog, 1)
    other = customer_store.get_customer(cf, book["zhang_again"].id)
    customer_store.update_customer(cf, other.with_changes(city="上海市"))  # someone else, meanwhile
    with qtbot.assertNotEmitted(dialog.changed):
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and "changed or deleted meanwhile" in warnings[0]
    assert not merge.isVisible() and dialog.merge_dialog is None
    assert customer_store.get_customer(cf, other.id).deleted_at is None
    assert cell(dialog, 1, PairColumn.CITY) == "北京市\n上海市"  # the list was read again
    assert dialog.undo_button.isHidden()


def test_undo_is_refused_once_the_survivor_was_edited(qtbot, customer_file, book, monkeypatch):
    cf = customer_file
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    dialog = make_dialog(qtbot, cf)
    merge = open_merge(qtbot, dialog, 1)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    survivor = customer_store.get_customer(cf, book["zhang"].id)
    customer_store.update_customer(cf, survivor.with_changes(notes="合并后又改了"))
    with qtbot.assertNotEmitted(dialog.changed):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert told == [f"{survivor.code} was changed after the merge, so the merge can no longer be undone."]
    assert customer_store.get_customer(cf, book["zhang_again"].id).deleted_at is not None
    assert dialog.undo_button.isHidden()


def test_numbers_are_masked_until_shown(qtbot, customer_file, book):
    dialog = make_dialog(qtbot, customer_file)
    merge = open_merge(qtbot, dialog, 1)
    take_phone = merge.findChild(QRadioButton, "take_phone")
    assert take_phone.text() == "010****4321"
    qtbot.mouseClick(merge.show_numbers, Qt.MouseButton.LeftButton)
    assert take_phone.text() == "010 8765 4321"
    merge.reject()


def test_nothing_to_merge_in_a_file_without_duplicates(qtbot, customer_file):
    customer_store.insert_customer(customer_file, make_person())
    dialog = make_dialog(qtbot, customer_file)
    assert dialog.status.text() == "No likely duplicates found."
    assert dialog.model.rowCount() == 0 and not dialog.merge_button.isEnabled()


def test_a_read_only_file_shows_pairs_but_cannot_merge(qtbot, customer_file, book):
    read_only = CustomerFile.open(customer_file.path, read_only=True)
    try:
        dialog = make_dialog(qtbot, read_only)
        click_row(qtbot, dialog, 0)
        assert dialog.model.rowCount() == 2
        assert not dialog.merge_button.isEnabled()
        click_row(qtbot, dialog, 0, double=True)
        assert dialog.merge_dialog is None
    finally:
        read_only.close()


def test_a_scan_made_beforehand_is_shown_without_scanning_again(qtbot, customer_file, book, monkeypatch):
    access = DuplicatesAccess(customer_file)
    rows = access.scan()[:1]
    monkeypatch.setattr(access, "scan", lambda: pytest.fail("scanned again"))
    dialog = DuplicatesDialog(access, rows=rows)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.status.text() == "1 likely pair(s)"
