"""The follow-up calendar, used like a clerk: read a month's counts, click a day, open a customer,
move a follow-up (Move… or a drop on a day), page through months and weeks with the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from crmdesk.domain.followups import ContactMethod, FollowUp
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.calendar.calendar_access import CalendarAccess
from crmdesk.ui.calendar.calendar_items import ItemColumn
from crmdesk.ui.calendar.calendar_view import FollowUpCalendar, month_title
from tests.factories import make_company, make_person
from tests.ui.test_main_window import make_window  # noqa: F401 - fixture
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def english_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def people(customer_file):
    cf = customer_file
    zhang = customer_store.insert_customer(cf, make_person(name="张三", birthday=date(1990, 11, 25)))
    company = customer_store.insert_customer(cf, make_company())
    plans = {
        "late": FollowUp(customer_id=company.id, due_date=date(2026, 11, 20), method=ContactMethod.VISIT,
                         purpose="季度业务回顾"),
        "call": FollowUp(customer_id=company.id, due_date=date(2026, 11, 25), method=ContactMethod.PHONE,
                         purpose="确认十二月运价", due_time="09:30"),
        "wechat": FollowUp(customer_id=zhang.id, due_date=date(2026, 11, 25), method=ContactMethod.WECHAT,
                           purpose="生日祝福", due_time="10:00"),
    }
    stored = {name: store.insert_follow_up(cf, f) for name, f in plans.items()}
    return {"zhang": zhang, "company": company, **stored}


@pytest.fixture
def calendar(qtbot, customer_file, people):
    widget = FollowUpCalendar(CalendarAccess(customer_file, TODAY))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_day(qtbot, calendar, day: date, double: bool = False) -> None:
    center = calendar.grid.cell_rect(day).center()
    if double:
        qtbot.mouseDClick(calendar.grid, Qt.MouseButton.LeftButton, pos=center)
    else:
        qtbot.mouseClick(calendar.grid, Qt.MouseButton.LeftButton, pos=center)


def _rows(calendar) -> list[list[str]]:
    model = calendar.table.model()
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_month_shows_its_counts_and_today(calendar, people):
    assert calendar.title.text() == "November 2026"
    assert calendar.day_title.text() == "Monday, November 23, 2026 · Today"
    assert calendar.empty_label.isVisible() and calendar.empty_label.text() == "Nothing on this day."
    grid = calendar.grid
    assert grid.tooltip_for(date(2026, 11, 25)) == (
        "Wednesday, November 25, 2026\nFollow-ups: 2\nBirthdays and anniversaries: 1")
    assert grid.tooltip_for(date(2026, 11, 20)) == "Friday, November 20, 2026\nFollow-ups: 1, overdue"
    assert grid.tooltip_for(date(2026, 11, 24)) == "Tuesday, November 24, 2026"


def test_clicking_a_day_lists_its_birthdays_then_its_follow_ups(qtbot, calendar, people):
    _click_day(qtbot, calendar, date(2026, 11, 25))
    assert calendar.selected_day() == date(2026, 11, 25)
    assert calendar.day_title.text() == "Wednesday, November 25, 2026"
    company, zhang = people["company"], people["zhang"]
    assert _rows(calendar) == [
        ["", f"{zhang.code} 张三", "Birthday", "age 36"],
        ["09:30", f"{company.code} {company.name}", "Phone call", "确认十二月运价"],
        ["10:00", f"{zhang.code} 张三", "WeChat", "生日祝福"],
    ]
    assert calendar.open_button.isEnabled() and not calendar.move_button.isEnabled()  # a birthday cannot move
    calendar.table.selectRow(1)
    assert calendar.move_button.isEnabled()


def test_double_click_and_enter_on_an_item_open_the_customer(qtbot, calendar, people):
    _click_day(qtbot, calendar, date(2026, 11, 25))
    table = calendar.table
    rect = table.visualRect(table.model().index(1, ItemColumn.CUSTOMER))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert calendar.current_item().follow_up.id == people["call"].id
    with qtbot.waitSignal(calendar.open_customer) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [people["company"].id]
    table.setFocus()
    table.selectRow(0)
    with qtbot.waitSignal(calendar.open_customer) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [people["zhang"].id]


def test_enter_on_a_day_goes_to_its_items(qtbot, calendar, people):
    _click_day(qtbot, calendar, date(2026, 11, 20), double=True)
    assert calendar.table.hasFocus()
    assert calendar.current_item().follow_up.id == people["late"].id
    assert calendar.model.data(calendar.model.index(0, ItemColumn.TYPE), Qt.ItemDataRole.ForegroundRole) is not None


def test_move_a_follow_up_to_another_day_updates_the_counts(qtbot, calendar, customer_file, people):
    _click_day(qtbot, calendar, date(2026, 11, 20))
    calendar.table.selectRow(0)
    qtbot.mouseClick(calendar.move_button, Qt.MouseButton.LeftButton)
    dialog = calendar.dialog()
    assert dialog.windowTitle() == "Move or edit the follow-up"
    line = dialog.findChild(QLineEdit, "follow_up_date")
    line.clear()
    line.setFocus()
    type_text(qtbot, line, "2026-11-27")
    with qtbot.waitSignal(calendar.follow_up_saved) as moved:
        qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert moved.args[0].due_date == date(2026, 11, 27)
    view = calendar.month_view()
    assert (view.day(date(2026, 11, 20)).follow_ups, view.day(date(2026, 11, 20)).overdue) == (0, 0)
    assert (view.day(date(2026, 11, 27)).follow_ups, view.day(date(2026, 11, 27)).overdue) == (1, 0)
    assert calendar.empty_label.isVisible()  # the day it left is empty now
    assert ("due_date", "2026-11-20", "2026-11-27") in [
        (e.field, e.old, e.new) for e in change_log(customer_file, people["company"].id) if e.action == "update"]


def test_dropping_a_follow_up_on_a_day_moves_it_and_keeps_its_time(qtbot, calendar, customer_file, people):
    _click_day(qtbot, calendar, date(2026, 11, 25))
    model = calendar.model
    mime = model.mimeData([model.index(1, 0)])
    assert model.mimeData([model.index(0, 0)]) is None  # a birthday is not dragged
    target = calendar.grid.cell_rect(date(2026, 12, 1)).center()
    # What a drag delivers to the grid (QDrag.exec cannot run offscreen): enter, move, drop.
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(target, Qt.DropAction.MoveAction, mime, buttons, keys),
                  QDragMoveEvent(target, Qt.DropAction.MoveAction, mime, buttons, keys)):
        QApplication.sendEvent(calendar.grid, event)
        assert event.isAccepted()
    with qtbot.waitSignal(calendar.follow_up_saved) as moved:
        QApplication.sendEvent(calendar.grid, QDropEvent(QPointF(target), Qt.DropAction.MoveAction, mime, buttons,
                                                         keys))
    assert (moved.args[0].due_date, moved.args[0].due_time) == (date(2026, 12, 1), "09:30")
    assert store.get_follow_up(customer_file, people["call"].id).due_date == date(2026, 12, 1)
    assert calendar.month_view().day(date(2026, 12, 1)).follow_ups == 1
    assert [row[3] for row in _rows(calendar)] == ["age 36", "生日祝福"]


def test_keys_move_the_day_and_page_through_months(qtbot, calendar):
    grid = calendar.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert calendar.selected_day() == date(2026, 12, 1)
    assert calendar.title.text() == "December 2026"  # the arrow left the month
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert calendar.selected_day() == TODAY and calendar.title.text() == "November 2026"
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert calendar.selected_day() == date(2026, 12, 23) and calendar.title.text() == "December 2026"
    assert calendar.month_view().first == date(2026, 11, 30)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert calendar.title.text() == "October 2026"
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert calendar.selected_day() == TODAY


def test_the_week_view_lists_seven_days_under_headings(qtbot, calendar, people):
    qtbot.mouseClick(calendar.week_button, Qt.MouseButton.LeftButton)
    assert calendar.mode() == "week" and not calendar.grid.isVisible()
    headings = [r[0] for r in _rows(calendar) if r[1] == ""]
    assert headings == [
        "Monday, November 23, 2026 · today · nothing planned",
        "Tuesday, November 24, 2026 · nothing planned",
        "Wednesday, November 25, 2026",
        "Thursday, November 26, 2026 · nothing planned",
        "Friday, November 27, 2026 · nothing planned",
        "Saturday, November 28, 2026 · nothing planned",
        "Sunday, November 29, 2026 · nothing planned",
    ]
    assert calendar.current_item().occasion is not None  # the first item is selected
    calendar.table.setFocus()
    qtbot.keyClick(calendar.table, Qt.Key.Key_PageDown)
    assert _rows(calendar)[0][0] == "Monday, November 30, 2026 · nothing planned"
    assert calendar.title.text() == "November 2026 – December 2026"
    qtbot.mouseClick(calendar.month_button, Qt.MouseButton.LeftButton)
    assert calendar.grid.isVisible() and calendar.title.text() == "November 2026"


def test_days_off_and_swapped_working_days_are_named(qtbot, calendar):
    calendar.select_day(date(2026, 2, 16))  # 春节
    assert calendar.title.text() == "February 2026"
    assert calendar.day_note.isVisible() and calendar.day_note.text() == "Public holiday."
    assert calendar.grid.tooltip_for(date(2026, 2, 14)) == (
        "Saturday, February 14, 2026\nWorking day (weekend swapped for a holiday)")
    _click_day(qtbot, calendar, date(2026, 2, 14))
    assert calendar.day_note.text() == "A working day: this weekend day is swapped for a holiday."
    calendar.select_day(date(2030, 3, 5))  # beyond the holiday table
    assert "does not cover this year" in calendar.day_note.text()


def test_a_read_only_file_moves_nothing(qtbot, customer_file, people):
    with CustomerFile.open(customer_file.path, read_only=True) as cf:
        widget = FollowUpCalendar(CalendarAccess(cf, TODAY))
        qtbot.addWidget(widget)
        widget.select_day(date(2026, 11, 25))
        widget.table.selectRow(1)
        assert widget.current_item().follow_up is not None
        assert widget.open_button.isEnabled() and not widget.move_button.isEnabled()
        assert not widget.grid.accepts_drops
        assert not widget.model.flags(widget.model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled
        widget.close()


@pytest.mark.parametrize(("language", "country", "title"), [
    (QLocale.Language.English, QLocale.Country.UnitedStates, "November 2026"),
    (QLocale.Language.Chinese, QLocale.Country.China, "2026年11月"),
])
def test_the_month_title_speaks_the_locale(language, country, title):
    assert month_title(QLocale(language, country), 2026, 11) == title


def test_the_window_opens_the_calendar_and_a_double_click_opens_the_customer(qtbot, make_window, tmp_path):
    from crmdesk.domain.followups import ContactMethod, FollowUp
    from crmdesk.storage import customers as customer_store
    from crmdesk.storage import followups as follow_up_store
    from crmdesk.storage.customer_file import CustomerFile
    from tests.factories import make_person
    from tests.ui.test_main_window import open_and_wait

    path = tmp_path / "cal.crmdesk"
    with CustomerFile.create(path) as cf:
        who = customer_store.insert_customer(cf, make_person(name="日历"))
        follow_up_store.insert_follow_up(cf, FollowUp(customer_id=who.id, due_date=date(2026, 11, 23),
                                                      method=ContactMethod.PHONE, purpose="日历里的跟进"))
    window = make_window()
    open_and_wait(qtbot, window, path)
    window.act_calendar.trigger()
    calendar = window.calendar
    qtbot.waitExposed(calendar)
    assert calendar.isVisible() and calendar.title.text() == "November 2026"
    calendar.select_day(date(2026, 11, 23))
    items = calendar.table
    rect = items.visualRect(items.model().index(0, ItemColumn.CUSTOMER))
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.detail.current() is not None and window.detail.current().id == who.id)
