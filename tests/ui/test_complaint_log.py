"""The whole file's complaint log, used like a clerk: open ones first with the VIP on top, escalated
ones marked, the filters (state, category, tier, owner, escalated only), sorting by a header,
Enter or a double-click to open the customer, the counts, and the empty states."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from crmdesk.domain.complaints import Complaint, ComplaintCategory, ComplaintChannel, ComplaintNature, ComplaintState
from crmdesk.domain.tiers import Tier, TierResult
from crmdesk.services import complaints as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.tiers import save_tiers
from crmdesk.ui import texts
from crmdesk.ui.complaints.complaint_log import ComplaintLog, LogColumn
from crmdesk.ui.customer_detail.ledger_widgets import RED
from crmdesk.ui.ledger_access import LedgerAccess
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def record(cf, customer_id: int, received: date, category: ComplaintCategory, *, responded: bool = False,
           **kw) -> Complaint:
    complaint = Complaint(customer_id=customer_id, received_date=received, channel=ComplaintChannel.PHONE,
                          category=category, description=kw.pop("description", "承诺次日达，实际延误三天才送到"), **kw)
    handled = service.record_complaint(cf, complaint, today=TODAY,
                                       first_response="电话致歉，说明会尽快核实处理" if responded else "")
    assert not handled.errors, handled.errors
    return handled.complaint


@pytest.fixture
def book(customer_file):
    """Five complaints on 2026-11-23 (deadlines by the default per-tier days):

    - vip: tier A, received 11-22, answered: resolution by 11-25;
    - late: tier C, received 11-10, answered: resolution by 11-17, escalated 6 days;
    - just_late: tier D, received 11-19, malicious, no answer: response by 11-22, escalated 1 day;
    - older: tier D, received 11-20, no answer: response by 11-23 (today: not escalated yet);
    - resolved: tier D, received 11-01, resolved 11-05.
    """
    cf = customer_file
    company = customer_store.insert_customer(cf, make_company())
    zhang = customer_store.insert_customer(cf, make_person(name="张三", mobile="13800138000"))
    li = customer_store.insert_customer(cf, make_person(name="李四", mobile="13800138001"))
    wang = customer_store.insert_customer(cf, make_person(name="王五", mobile="13800138002"))
    save_tiers(cf, {company.id: TierResult(Tier.A, 900_000, 1, 10, 1),
                    li.id: TierResult(Tier.C, 100_000, 5, 10, 6)}, TODAY)
    complaints = {
        "vip": record(cf, company.id, date(2026, 11, 22), ComplaintCategory.DELIVERY, responded=True,
                      owner="王强", received_time="09:15"),
        "late": record(cf, li.id, date(2026, 11, 10), ComplaintCategory.PRODUCT, responded=True, owner="李娜"),
        "just_late": record(cf, wang.id, date(2026, 11, 19), ComplaintCategory.USAGE,
                            nature=ComplaintNature.MALICIOUS, nature_reason="以曝光相威胁，索要高额赔偿"),
        "older": record(cf, zhang.id, date(2026, 11, 20), ComplaintCategory.SERVICE, owner="李娜"),
        "resolved": record(cf, zhang.id, date(2026, 11, 1), ComplaintCategory.PRICE, responded=True, owner="王强"),
    }
    done = service.resolve(cf, complaints["resolved"], on=date(2026, 11, 5), outcome="退还差价", satisfaction=4,
                           retained=True)
    assert not done.errors
    return {"company": company, "zhang": zhang, "li": li, "wang": wang, **complaints}


def make_log(qtbot, cf, today: date = TODAY) -> ComplaintLog:
    log = ComplaintLog(LedgerAccess(cf, today))
    qtbot.addWidget(log)
    log.resize(1100, 640)
    log.show()
    qtbot.waitExposed(log)
    return log


@pytest.fixture
def log(qtbot, customer_file, book):
    return make_log(qtbot, customer_file)


def shown(log: ComplaintLog) -> list[int]:
    return [line.complaint.id for line in log.model.lines()]


def ids(book, *names: str) -> list[int]:
    return [book[name].id for name in names]


def cell(log: ComplaintLog, row: int, column: LogColumn, role=Qt.ItemDataRole.DisplayRole):
    return log.model.index(row, column).data(role)


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- the default view -------------------------------------------------------------------------------


def test_open_ones_by_default_the_vip_before_an_older_ordinary_one(log, book):
    assert log.state_filter.currentData() == ComplaintState.OPEN.value
    assert log.state_filter.currentText() == "Open"
    # A first, then C, then the D ones by the nearest deadline; the resolved one is not listed.
    assert shown(log) == ids(book, "vip", "late", "just_late", "older")
    assert book["older"].received_date < book["vip"].received_date
    assert log.model.sort_column() == -1  # the service's order, no header sorted


def test_the_cells_of_a_row(log, book):
    assert [cell(log, 0, c) for c in LogColumn] == [
        "A · VIP", f"{book['company'].code}  {book['company'].name}", "2026-11-22 09:15", "Delivery", "", "王强",
        "Open", "2026-11-25 · Resolution", "",
    ]
    older = shown(log).index(book["older"].id)
    assert cell(log, older, LogColumn.PRIORITY) == texts.enum_text(Tier.D)
    assert cell(log, older, LogColumn.RECEIVED) == "2026-11-20"  # no time given
    assert cell(log, older, LogColumn.DEADLINE) == "2026-11-23 · Response"
    assert cell(log, older, LogColumn.ESCALATED) == ""  # the deadline day itself: not yet


def test_a_malicious_complaint_shows_it_with_the_reason_in_the_tooltip(log, book):
    row = shown(log).index(book["just_late"].id)
    assert cell(log, row, LogColumn.NATURE) == "Malicious"
    assert "以曝光相威胁，索要高额赔偿" in cell(log, row, LogColumn.NATURE, Qt.ItemDataRole.ToolTipRole)
    assert cell(log, 0, LogColumn.NATURE) == ""  # good faith: nothing to flag
    # Elsewhere the tooltip tells what the complaint is about.
    assert "承诺次日达" in cell(log, 0, LogColumn.CATEGORY, Qt.ItemDataRole.ToolTipRole)


# -- escalated ones ----------------------------------------------------------------------------------


def test_escalated_ones_are_marked_in_red_and_bold(log, book):
    late, just_late, vip = (shown(log).index(book[n].id) for n in ("late", "just_late", "vip"))
    assert cell(log, late, LogColumn.ESCALATED) == "▲ Escalated, 6 days"
    assert cell(log, just_late, LogColumn.ESCALATED) == "▲ Escalated, 1 day"
    assert cell(log, late, LogColumn.DEADLINE) == "2026-11-17 · Resolution"
    assert cell(log, just_late, LogColumn.DEADLINE) == "2026-11-22 · Response"
    for row in (late, just_late):
        for column in (LogColumn.DEADLINE, LogColumn.ESCALATED):
            assert cell(log, row, column, Qt.ItemDataRole.ForegroundRole).color().name() == RED
            font = cell(log, row, column, Qt.ItemDataRole.FontRole)
            assert isinstance(font, QFont) and font.bold()
    for column in LogColumn:
        assert cell(log, vip, column, Qt.ItemDataRole.ForegroundRole) is None
        assert cell(log, vip, column, Qt.ItemDataRole.FontRole) is None


def test_escalated_only_keeps_just_those(qtbot, log, book):
    log.overdue_filter.setChecked(True)
    assert shown(log) == ids(book, "late", "just_late")
    assert log.counts_label.text() == "2 shown · 4 open, 2 escalated"
    log.overdue_filter.setChecked(False)
    assert len(shown(log)) == 4


def test_a_new_day_escalates_what_passed_its_deadline(log, customer_file, book):
    log.set_access(LedgerAccess(customer_file, date(2026, 11, 26)))
    row = shown(log).index(book["vip"].id)
    assert row == 0
    assert cell(log, row, LogColumn.ESCALATED) == "▲ Escalated, 1 day"
    assert log.counts_label.text() == "4 shown · 4 open, 4 escalated"


# -- the filters -------------------------------------------------------------------------------------


def test_state_filter_a_resolved_one_only_under_all_or_resolved(log, book):
    assert [log.state_filter.itemText(i) for i in range(log.state_filter.count())] == [
        "All states", "Open", "Resolved"]
    assert book["resolved"].id not in shown(log)
    choose(log.state_filter, None)
    assert shown(log) == ids(book, "vip", "late", "just_late", "older", "resolved")  # open first
    last = len(shown(log)) - 1
    assert cell(log, last, LogColumn.STATE) == "Resolved"
    assert cell(log, last, LogColumn.DEADLINE) == "" and cell(log, last, LogColumn.ESCALATED) == ""
    assert "2026-11-05" in cell(log, last, LogColumn.STATE, Qt.ItemDataRole.ToolTipRole)
    choose(log.state_filter, ComplaintState.RESOLVED.value)
    assert shown(log) == ids(book, "resolved")


def test_category_filter(log, book):
    labels = [log.category_filter.itemText(i) for i in range(log.category_filter.count())]
    assert labels[0] == "All categories" and labels[1:] == [texts.enum_text(c) for c in ComplaintCategory]
    choose(log.category_filter, ComplaintCategory.PRODUCT.value)
    assert shown(log) == ids(book, "late")
    assert log.query().category is ComplaintCategory.PRODUCT
    choose(log.category_filter, ComplaintCategory.PRICE.value)  # only a resolved one
    assert shown(log) == []
    choose(log.state_filter, None)
    assert shown(log) == ids(book, "resolved")


def test_tier_filter(log, book):
    labels = [log.tier_filter.itemText(i) for i in range(log.tier_filter.count())]
    assert labels == ["All tiers", "A · VIP", "B · Major", "C · Ordinary", "D · Small"]
    choose(log.tier_filter, Tier.A.value)
    assert shown(log) == ids(book, "vip")
    assert log.query().priority is Tier.A
    choose(log.tier_filter, Tier.D.value)
    assert shown(log) == ids(book, "just_late", "older")


def test_owner_filter_lists_the_files_owners(log, customer_file, book):
    assert [log.owner_filter.itemText(i) for i in range(log.owner_filter.count())] == [
        "All owners", *sorted({"王强", "李娜"})]
    choose(log.owner_filter, "李娜")
    assert shown(log) == ids(book, "late", "older")
    # A new owner appears after a refresh; the choice stays.
    record(customer_file, book["wang"].id, TODAY, ComplaintCategory.OTHER, owner="赵敏")
    log.refresh()
    assert log.owner_filter.findData("赵敏") > 0
    assert log.owner_filter.currentData() == "李娜"
    assert shown(log) == ids(book, "late", "older")


def test_filters_combine(log, book):
    choose(log.owner_filter, "李娜")
    log.overdue_filter.setChecked(True)
    assert shown(log) == ids(book, "late")
    choose(log.tier_filter, Tier.D.value)
    assert shown(log) == []
    assert log.empty_label.text() == "No complaints match."


# -- sorting -----------------------------------------------------------------------------------------


def click_header(qtbot, log: ComplaintLog, column: LogColumn) -> None:
    header = log.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_deadline_puts_the_nearest_first_and_resolved_last(qtbot, log, book):
    choose(log.state_filter, None)
    click_header(qtbot, log, LogColumn.DEADLINE)
    assert log.table.horizontalHeader().sortIndicatorSection() == LogColumn.DEADLINE
    assert shown(log) == ids(book, "late", "just_late", "older", "vip", "resolved")
    # Another read (a filter, a refresh) keeps that order.
    log.refresh()
    assert shown(log) == ids(book, "late", "just_late", "older", "vip", "resolved")
    click_header(qtbot, log, LogColumn.DEADLINE)  # again: the other way
    assert shown(log) == ids(book, "vip", "older", "just_late", "late", "resolved")  # resolved still last


def test_clicking_escalated_puts_the_longest_overdue_first(qtbot, log, book):
    click_header(qtbot, log, LogColumn.ESCALATED)
    assert shown(log)[:2] == ids(book, "late", "just_late")


def test_sorting_keeps_the_selected_complaint(qtbot, log, book):
    log.table.setCurrentIndex(log.model.index(shown(log).index(book["older"].id), 0))
    click_header(qtbot, log, LogColumn.CUSTOMER)
    assert log.current_line().complaint.id == book["older"].id


# -- opening the customer ----------------------------------------------------------------------------


def test_enter_opens_the_customer_of_the_selected_complaint(qtbot, log, book):
    log.table.setFocus()
    log.table.setCurrentIndex(log.model.index(shown(log).index(book["late"].id), 0))
    with qtbot.waitSignal(log.open_customer, timeout=1000) as blocker:
        qtbot.keyClick(log.table, Qt.Key.Key_Return)
    assert blocker.args == [book["li"].id]


def test_double_click_and_the_button_open_the_customer(qtbot, log, book):
    row = shown(log).index(book["just_late"].id)
    rect = log.table.visualRect(log.model.index(row, LogColumn.CATEGORY))
    with qtbot.waitSignal(log.open_customer, timeout=1000) as blocker:
        qtbot.mouseClick(log.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(log.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [book["wang"].id]
    log.table.setCurrentIndex(log.model.index(0, 0))
    with qtbot.waitSignal(log.open_customer, timeout=1000) as blocker:
        qtbot.mouseClick(log.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [book["company"].id]


# -- counts and empty states -------------------------------------------------------------------------


def test_counts_label(log, book):
    assert log.counts_label.text() == "4 shown · 4 open, 2 escalated"
    choose(log.state_filter, None)
    assert log.counts_label.text() == "5 shown · 4 open, 2 escalated"  # open and escalated: the whole file
    choose(log.tier_filter, Tier.A.value)
    assert log.counts_label.text() == "1 shown · 4 open, 2 escalated"


def test_an_empty_file_says_no_complaints_recorded(qtbot, customer_file):
    log = make_log(qtbot, customer_file)
    assert log.model.rowCount() == 0
    assert log.empty_label.isVisible() and not log.table.isVisible()
    assert log.empty_label.text() == "No complaints recorded."
    assert log.counts_label.text() == "0 shown · 0 open, 0 escalated"
    assert not log.open_button.isEnabled()


def test_nothing_matching_says_so_and_the_list_comes_back(log, book):
    choose(log.tier_filter, Tier.B.value)
    assert log.empty_label.isVisible() and not log.table.isVisible()
    assert log.empty_label.text() == "No complaints match."
    assert not log.open_button.isEnabled()
    choose(log.tier_filter, None)
    assert log.table.isVisible() and not log.empty_label.isVisible()
    assert log.open_button.isEnabled()


def test_only_resolved_complaints_is_not_an_empty_file(qtbot, customer_file):
    person = customer_store.insert_customer(customer_file, make_person())
    done = record(customer_file, person.id, date(2026, 11, 1), ComplaintCategory.PRICE, responded=True)
    assert not service.resolve(customer_file, done, on=date(2026, 11, 2), outcome="退还差价").errors
    log = make_log(qtbot, customer_file)
    assert log.empty_label.text() == "No complaints match."


# -- another file, another language ------------------------------------------------------------------


def test_another_file_drops_an_owner_it_does_not_have(qtbot, log, tmp_path, clock, book):
    choose(log.owner_filter, "李娜")
    other = CustomerFile.create(tmp_path / "other.crmdesk", clock=clock)
    try:
        log.set_access(LedgerAccess(other, TODAY))
        assert log.owner_filter.currentIndex() == 0 and log.owner_filter.count() == 1
        assert log.empty_label.text() == "No complaints recorded."
    finally:
        other.close()


def test_retranslate_keeps_the_filters_and_the_rows(log, book):
    choose(log.category_filter, ComplaintCategory.PRODUCT.value)
    log.overdue_filter.setChecked(True)
    log.retranslate()
    assert log.category_filter.currentData() == ComplaintCategory.PRODUCT.value
    assert log.state_filter.currentData() == ComplaintState.OPEN.value
    assert shown(log) == ids(book, "late")
    assert log.model.headerData(LogColumn.DEADLINE, Qt.Orientation.Horizontal) == "Deadline"
    assert log.overdue_filter.text() == "Escalated only"
    assert log.open_button.text() == "Open customer"


def test_object_names(log):
    for name in ("complaint_state_filter", "complaint_category_filter", "complaint_tier_filter",
                 "complaint_owner_filter", "complaint_overdue_filter", "complaint_log_table",
                 "complaint_log_counts", "complaint_open_customer", "complaint_log_empty"):
        assert log.findChild(QWidget, name) is not None, name


def test_retranslate_reads_nothing_from_the_file(qtbot, tmp_path, clock):
    """The window re-words its windows on a language switch, also after the file was closed."""
    cf = CustomerFile.create(tmp_path / "closed.crmdesk", clock=clock)
    person = customer_store.insert_customer(cf, make_person())
    record(cf, person.id, TODAY, ComplaintCategory.SERVICE, owner="李娜")
    log = make_log(qtbot, cf)
    cf.close()
    log.retranslate()
    assert [log.owner_filter.itemText(i) for i in range(log.owner_filter.count())] == ["All owners", "李娜"]
    assert log.model.rowCount() == 1
