"""The customer list model: ids plus a page cache, checked by qtmodeltester."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from crmdesk.domain.customer import CustomerKind, LifecycleStatus
from crmdesk.storage.customers import ListRow
from crmdesk.ui.customer_list.table_model import Column, CustomerTableModel

TODAY = date(2026, 11, 23)


def _rows(n: int) -> dict[int, ListRow]:
    return {
        i: ListRow(
            id=i, code=f"KH{i:06d}", name=f"客户{i}", kind=CustomerKind.PERSONAL,
            status=LifecycleStatus.ACTIVE, phone="13800138000", province="北京市", city=None,
            owner="李娜", last_verified=date(2026, 1, 1) if i % 2 else None, deleted_at=None,
        )
        for i in range(1, n + 1)
    }


class Source:
    def __init__(self, n: int) -> None:
        self.rows = _rows(n)
        self.calls = 0

    def __call__(self, ids):
        self.calls += 1
        return {i: self.rows[i] for i in ids}


def test_model_passes_qtmodeltester(qtmodeltester):
    model = CustomerTableModel(Source(600), today=TODAY)
    model.set_ids(list(range(1, 601)))
    qtmodeltester.check(model)


def test_cells_are_formatted_and_phones_masked():
    model = CustomerTableModel(Source(3), today=TODAY)
    model.set_ids([1, 2, 3])
    cell = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert cell(0, Column.CODE) == "KH000001"
    assert cell(0, Column.PHONE) == "138****8000"
    assert cell(0, Column.CITY) == "北京市"  # no city: the province stands in
    assert cell(0, Column.RECEIVABLE) == ""


def test_stale_records_are_marked():
    model = CustomerTableModel(Source(2), today=TODAY, stale_after_days=200)
    model.set_ids([1, 2])
    fresh_enough = model.data(model.index(0, Column.NAME), Qt.ItemDataRole.ToolTipRole)
    never = model.data(model.index(1, Column.NAME), Qt.ItemDataRole.ToolTipRole)
    assert fresh_enough == "Not verified since 2026-01-01"
    assert never == "Never verified"
    model2 = CustomerTableModel(Source(1), today=TODAY, stale_after_days=400)
    model2.set_ids([1])
    assert model2.data(model2.index(0, Column.NAME), Qt.ItemDataRole.ToolTipRole) is None


def test_scrolling_top_to_bottom_loads_each_page_once():
    source = Source(2000)
    model = CustomerTableModel(source, today=TODAY)
    model.set_ids(list(range(1, 2001)))
    for row in range(2000):
        for column in Column:
            model.data(model.index(row, column))
    assert source.calls == -(-2000 // CustomerTableModel.PAGE)


def test_cache_is_bounded():
    source = Source(CustomerTableModel.PAGE * (CustomerTableModel.MAX_PAGES + 5))
    model = CustomerTableModel(source, today=TODAY)
    model.set_ids(sorted(source.rows))
    for row in range(0, model.rowCount(), CustomerTableModel.PAGE):
        model.data(model.index(row, 0))
    assert len(model._pages) == CustomerTableModel.MAX_PAGES


def test_sort_is_reported_not_done_by_the_model(qtbot):
    model = CustomerTableModel(Source(3), today=TODAY)
    model.set_ids([3, 1, 2])
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert blocker.args == [Column.NAME, True]
    assert model.ids() == [3, 1, 2]


def test_receivable_is_shown_and_over_limit_marked():
    from dataclasses import replace

    from PySide6.QtGui import QBrush

    source = Source(2)
    source.rows[1] = replace(source.rows[1], receivable=5_500_000, credit_limit=5_000_000)
    source.rows[2] = replace(source.rows[2], receivable=0, credit_limit=None)
    model = CustomerTableModel(source, today=TODAY)
    model.set_ids([1, 2])
    assert model.data(model.index(0, Column.RECEIVABLE)) == "55,000.00"
    assert isinstance(model.data(model.index(0, Column.RECEIVABLE), Qt.ItemDataRole.ForegroundRole), QBrush)
    assert "50,000.00" in model.data(model.index(0, Column.RECEIVABLE), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, Column.RECEIVABLE)) == ""
    assert model.data(model.index(1, Column.RECEIVABLE), Qt.ItemDataRole.ForegroundRole) is None
