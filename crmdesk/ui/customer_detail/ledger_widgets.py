"""Pieces shared by the orders and payments tabs.

- ``TotalsTableModel``: a small table of ledger rows with a bold totals row
  kept at the bottom, sortable by column (no proxy: the totals row must stay
  last), cells formatted once when the rows are set.
- ``TotalsFooter``: shows that totals row pinned under the table, so it is
  in view however long the list.
- ``EntryForm``: labelled editors with an error label under each, for the
  order and payment dialogs ("<prefix>_<field>", "<prefix>_error_<field>").
- ``setup_table`` and a few formatting helpers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.dates import DateError, parse_date
from crmdesk.domain.money import format_money
from crmdesk.domain.orders import format_weight_kg
from crmdesk.domain.validation import ErrorCode, FieldError, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import (  # digits_width: the tabs take it from here
    ERROR_STYLE,
    dialog_buttons,
    digits_width,  # noqa: F401
    field_cell,
)

if TYPE_CHECKING:
    from crmdesk.ui.ledger_access import LedgerAccess

RED = "#b91c1c"  # as the ledger overview: over the credit limit, negative margins
AMBER = "#b45309"  # old unpaid money
GREEN = "#15803d"  # a sales plan on track

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

Row = TypeVar("Row")
R = TypeVar("R")  # what a dialog's save returns


# ---------------------------------------------------------------- formatting


def money(fen: int) -> str:
    return format_money(fen, symbol=True)


def weight_edit_text(grams: int | None) -> str:
    """The weight as the editor shows it (no group separators)."""
    return format_weight_kg(grams).replace(",", "")


def parse_count(text: str) -> int | None:
    """A whole number as typed (full-width digits too); blank is None; ValueError otherwise.

    Zero is returned, not refused: the domain rule says "greater than zero"
    and words it next to the field.
    """
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    if not s:
        return None
    if not re.fullmatch(r"[0-9]{1,15}", s):
        raise ValueError(text)
    return int(s)


def margin_percent(amount: int, cost: int | None) -> str:
    """Gross margin as a percentage with one decimal, rounded half away from zero; "" without cost."""
    if cost is None or amount <= 0:
        return ""
    tenths_x2 = 2000 * (amount - cost)  # twice the margin in tenths of a percent, times amount
    sign = -1 if tenths_x2 < 0 else 1
    tenths = sign * ((abs(tenths_x2) // amount + 1) // 2)
    whole, rest = divmod(abs(tenths), 10)
    return f"{'-' if tenths < 0 else ''}{whole}.{rest}%"


def bold(font: QFont | None = None) -> QFont:
    font = QFont(font) if font is not None else QFont()
    font.setBold(True)
    return font


# ---------------------------------------------------------------- table model


class TotalsTableModel(QAbstractTableModel, Generic[Row]):
    """Rows plus one totals row at the bottom (only when there are rows).

    Subclasses set ``COLUMNS`` (an IntEnum), ``HEADERS`` (QT_TRANSLATE_NOOP
    texts in ``CONTEXT``), ``RIGHT_ALIGNED`` and implement ``cells``,
    ``total_cells`` and ``sort_key``.
    """

    COLUMNS: type[IntEnum]
    HEADERS: dict[int, str]
    CONTEXT: str
    RIGHT_ALIGNED: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._cells: list[tuple[str, ...]] = []
        self._totals: tuple[str, ...] = ()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- subclass hooks

    def cells(self, row: Row) -> tuple[str, ...]:
        raise NotImplementedError

    def total_cells(self, rows: Sequence[Row]) -> tuple[str, ...]:
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[Row], object] | None:
        raise NotImplementedError

    def foreground(self, row: Row, column: int) -> QBrush | None:
        return None

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    # -- contents

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self._format()
        self.endResetModel()

    def _format(self) -> None:
        self._cells = [self.cells(r) for r in self._rows]
        self._totals = self.total_cells(self._rows) if self._rows else ()

    def rows(self) -> list[Row]:
        """The rows in display order (without the totals row)."""
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        """The ledger row shown at ``row``; None for the totals row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, predicate: Callable[[Row], bool]) -> int | None:
        return next((i for i, r in enumerate(self._rows) if predicate(r)), None)

    def is_totals_row(self, row: int) -> bool:
        return bool(self._rows) and row == len(self._rows)

    def retranslate(self) -> None:
        if self._rows:
            self._format()
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows), len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    # -- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return 0
        return len(self._rows) + 1 if self._rows else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        totals = row == len(self._rows)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._totals[column] if totals else self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.RIGHT_ALIGNED else LEFT
        if totals:
            if role == Qt.ItemDataRole.FontRole:
                return bold()
            if role == Qt.ItemDataRole.BackgroundRole:
                return QApplication.palette().brush(QPalette.ColorRole.Button)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(self._rows[row], column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(self._rows[row], column)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in self.RIGHT_ALIGNED else LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_totals_row(index.row()):
            return Qt.ItemFlag.ItemIsEnabled  # not selectable: nothing to edit or delete
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS) or self.sort_key(column) is None:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._sort_rows()
        position = {id(r): i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [
            self.index(position[id(before[i.row()])], i.column()) if i.row() < len(before) else i
            for i in old
        ]
        self._cells = [self.cells(r) for r in self._rows]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        key = self.sort_key(column)
        if key is not None:
            # Stable: equal keys keep the storage order (newest first).
            self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def setup_table(table: QTableView, model: QAbstractTableModel, name: str) -> None:
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # A customer with years of waybills has thousands of rows: size columns
    # from a sample, never by measuring every row.
    header.setResizeContentsPrecision(200)


def fit_columns(table: QTableView, caps: dict[int, int]) -> None:
    """Size the columns to a sample of their contents plus some air, a few capped in pixels."""
    table.resizeColumnsToContents()
    air = table.fontMetrics().horizontalAdvance("00")
    for column in range(table.model().columnCount()):
        width = table.columnWidth(column) + air
        table.setColumnWidth(column, min(width, caps.get(column, width)))


class _TotalsOnly(QAbstractTableModel):
    """The last row of a TotalsTableModel, as a model of its own (for the footer)."""

    def __init__(self, source: TotalsTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self.endResetModel)
        source.dataChanged.connect(self._changed)
        source.layoutChanged.connect(self._changed)
        source.headerDataChanged.connect(self.headerDataChanged)

    def _changed(self, *_args: object) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(0, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or not self._source.rowCount() else 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._source.columnCount()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() != 0 or not self._source.rowCount():
            return None
        return self._source.data(self._source.index(self._source.rowCount() - 1, index.column()), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return self._source.headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags


class TotalsFooter(QTableView):
    """The totals row pinned under the table, so it shows however long the list is.

    The table itself hides the model's last row; the footer shows only that
    row with the table's column widths, and carries the horizontal scroll bar
    for both (so the scroll bar sits under the totals, not between them and
    the rows).
    """

    def __init__(self, table: QTableView, model: TotalsTableModel, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._table = table
        self._source = model
        self.totals_model = _TotalsOnly(model, self)
        self.setModel(self.totals_model)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        mine, theirs = self.horizontalScrollBar(), table.horizontalScrollBar()
        mine.valueChanged.connect(theirs.setValue)
        theirs.valueChanged.connect(mine.setValue)  # keyboard moves in the table scroll the footer
        mine.rangeChanged.connect(self._fit_height)
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        table.verticalScrollBar().rangeChanged.connect(self._sync)
        model.modelReset.connect(self._on_rows_changed)
        model.layoutChanged.connect(self._on_rows_changed)
        self._on_rows_changed()

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        self.setColumnWidth(column, new)

    def _on_rows_changed(self, *_args: object) -> None:
        rows = self._source.rowCount()
        if rows:
            self._table.setRowHidden(rows - 1, True)
        self.setVisible(rows > 0)
        # A short list keeps its totals right under its last row; a long one
        # scrolls above the pinned totals.
        table = self._table
        shown = max(rows - 1, 3)
        table.setMaximumHeight(
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        self._sync()

    def _sync(self, *_args: object) -> None:
        for column in range(self._source.columnCount()):
            self.setColumnWidth(column, self._table.columnWidth(column))
        bar = self._table.verticalScrollBar()
        # Room where the table has its vertical scroll bar, so the columns line up.
        self.setViewportMargins(0, 0, bar.sizeHint().width() if bar.maximum() > 0 else 0, 0)
        self._fit_height()

    def _fit_height(self, *_args: object) -> None:
        bar = self.horizontalScrollBar()
        height = self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        if bar.maximum() > 0:
            height += bar.sizeHint().height()
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._sync()


# ---------------------------------------------------------------- entry form


class EntryForm:
    """Rows of label, editor and an error label under the editor, in a QFormLayout."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.layout = QFormLayout()
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.layout.setHorizontalSpacing(14)
        self.layout.setVerticalSpacing(8)
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._line_height = QLineEdit().sizeHint().height()
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._errors: dict[str, Callable[[], str]] = {}

    def add(
        self,
        name: str,
        editor: QWidget,
        *,
        width_digits: int | None = None,
        beside: QWidget | None = None,
    ) -> None:
        editor.setObjectName(f"{self.prefix}_{name}")
        label, error = QLabel(), QLabel()
        error.setObjectName(f"{self.prefix}_error_{name}")
        cell = field_cell(label, editor, error, self._line_height, beside=beside, spacing=8,
                          width_digits=width_digits)
        self.layout.addRow(label, cell)
        self.editors[name] = editor
        self.labels[name] = label
        self.error_labels[name] = error

    def set_field_width(self, editor: QWidget, width: int) -> None:
        """The field column's minimum width, given by one wide editor.

        The error labels get it too: a wrapped label's minimum height is
        worked out at its minimum width, and a narrow one (the longest word)
        would make the dialog grow far more than the message needs.
        """
        editor.setMinimumWidth(width)
        for label in self.error_labels.values():
            label.setMinimumWidth(width)

    def add_section(self, title: QLabel) -> None:
        title.setFont(bold(title.font()))
        title.setContentsMargins(0, 6, 0, 0)
        self.layout.addRow(title)

    def line(self, name: str) -> QLineEdit:
        editor = self.editors[name]
        assert isinstance(editor, QLineEdit)
        return editor

    def text(self, name: str) -> str:
        return self.line(name).text()

    # -- errors

    def set_error(self, name: str, render: Callable[[], str]) -> None:
        """Show an error under a field; ``render`` words it (again after a language change)."""
        if name in self._errors:
            return  # the first problem of a field is the one to fix
        self._errors[name] = render
        label = self.error_labels[name]
        label.setText(render())
        label.show()

    def clear_errors(self) -> None:
        self._errors.clear()
        for label in self.error_labels.values():
            label.clear()
            label.hide()

    def error_fields(self) -> list[str]:
        return [name for name in self.editors if name in self._errors]

    def focus_first_error(self) -> None:
        names = self.error_fields()
        if names:
            editor = self.editors[names[0]]
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(editor, QLineEdit):
                editor.selectAll()

    def rerender_errors(self) -> None:
        for name, render in self._errors.items():
            self.error_labels[name].setText(render())


# ---------------------------------------------------------------- entry dialogs


class EntryDialog(QDialog):
    """The frame of the order, payment and plan dialogs around an ``EntryForm``.

    A general error on top (for what belongs to no field), the form, and
    OK/Cancel (Close when read-only); errors from the service go under their
    field, renamed through ``FIELD_OF`` where the dialog calls it otherwise.
    """

    FIELD_OF: dict[str, str] = {}

    def _build_frame(self, form: EntryForm, *, read_only: bool = False) -> None:
        self.general_error = QLabel()
        self.general_error.setObjectName(f"{form.prefix}_error_general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.button_box = dialog_buttons(self, read_only)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(self.general_error)
        layout.addLayout(form.layout)
        layout.addWidget(self.button_box)

    def _error(self, name: str, code: ErrorCode, params: dict | None = None) -> None:
        self.form.set_error(name, lambda: texts.error_text(code, params))

    def _read_date(self, name: str) -> date | None:
        """A required date field as a date, or None with the error shown under it."""
        text = self.form.text(name)
        if not clean_single_line(text):
            self._error(name, ErrorCode.REQUIRED)
            return None
        try:
            return parse_date(text)
        except DateError:
            self._error(name, ErrorCode.INVALID_DATE)
            return None

    def _show_field_errors(self, errors: Sequence[FieldError]) -> None:
        for error in errors:
            name = self.FIELD_OF.get(error.field, error.field)
            if name in self.form.editors:
                self._error(name, error.code, error.params)
            else:
                self._set_general_error(texts.error_text(error.code, error.params))

    def _store(self, call: Callable[[], R], errors_of: Callable[[R], Sequence[FieldError]]) -> R | None:
        """Run a save; a refused write (on top) or the field errors (under their fields) are shown
        and None is returned, else what was saved."""
        try:
            result = call()
        except WriteError as e:
            self._set_general_error(texts.error_text(e.problem, {"detail": e.detail}))
            return None
        errors = errors_of(result)
        if errors:
            self._show_field_errors(errors)
            self.form.focus_first_error()
            return None
        return result

    def _set_general_error(self, text: str | None) -> None:
        self.general_error.setText(text or "")
        self.general_error.setVisible(bool(text))

    def _retranslate_date_hints(self) -> None:
        date_line = self.form.line("date")
        # The customer form's hints, already translated there.
        date_line.setPlaceholderText(QCoreApplication.translate("FieldForm", "YYYY-MM-DD"))
        date_line.setToolTip(QCoreApplication.translate(
            "FieldForm", "Also accepted: 2024.1.5, 2024/1/5, 2024年1月5日, 20240105"))


def when_text(day: date, time: str | None) -> str:
    """A day with its optional wall-clock time: "2026-11-23 09:30" or "2026-11-23"."""
    return f"{day.isoformat()} {time}" if time else day.isoformat()


def text_box(lines: int = 3) -> QPlainTextEdit:
    """A few lines of text in an entry form; Tab moves on instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def read_when(dialog: EntryDialog, date_field: str, time_field: str) -> tuple[date | None, str | None]:
    """A required date and an optional "HH:MM" (9:30 is taken as 09:30); the domain checks the time."""
    time = clean_single_line(dialog.form.text(time_field)) or None
    if time is not None and len(time) == 4 and time[1] == ":":
        time = "0" + time
    return dialog._read_date(date_field), time


# ---------------------------------------------------------------- tabs with an entry dialog


class EntryHost(QWidget):
    """A widget that opens one entry dialog at a time and deletes rows on confirmation.

    Subclasses have ``model``, ``table``, ``refresh()``, a ``changed`` signal
    and ``_on_saved`` (for the dialog's ``saved``), and say where a row is
    (``_row_index``) and how many there are (``_row_count``).
    """

    _dialog: QDialog | None = None

    def _show_dialog(self, make_dialog: Callable[[], QDialog]) -> None:
        """Close the dialog open, if any, and open the one ``make_dialog`` makes."""
        self._close_dialog()
        dialog = make_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Bound methods, not lambdas holding the dialog: a lambda keeping the
        # wrapper of a WA_DeleteOnClose dialog alive crashes PySide when the
        # tab is deleted right after the dialog closed.
        dialog.saved.connect(self._on_saved)  # type: ignore[attr-defined]
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()  # window-modal and non-blocking

    def dialog(self):
        """The entry dialog currently open, if any."""
        return self._dialog

    def _on_dialog_finished(self, _result: int) -> None:
        if self._dialog is self.sender():
            self._dialog = None

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.reject()

    def _on_saved(self, saved: object) -> None:
        raise NotImplementedError

    def _row_index(self, item) -> int | None:
        raise NotImplementedError

    def _row_count(self) -> int:
        raise NotImplementedError

    def _confirm_delete(self, item, title: str, question: str, delete: Callable[[], object]) -> None:
        """Ask; delete; keep the cursor where it was, for deleting several in a row."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self._row_index(item) or 0
        try:
            delete()
        except WriteError as e:
            QMessageBox.critical(self, title, texts.error_text(e.problem, {"detail": e.detail}))
            self.refresh()  # type: ignore[attr-defined]
            return
        self.refresh()  # type: ignore[attr-defined]
        count = self._row_count()
        if count:
            self.table.selectRow(min(row, count - 1))  # type: ignore[attr-defined]
        self.changed.emit()  # type: ignore[attr-defined]


class LedgerRowsTab(EntryHost):
    """The orders and payments tabs: whatever sits on top, the table with its
    totals footer, and Add/Edit/Delete (Return, Delete and the context menu too).

    Subclasses set the names and the model, add what goes above the table
    (``_add_header``), open their dialog (``_make_dialog``), delete a row
    (``_delete``) and word it all in their own translation context
    (``texts``, ``_delete_texts``).
    """

    NAME: str  # "orders": the objectNames orders_table, orders_totals, orders_empty
    ITEM: str  # "order": the buttons add_order, edit_order, delete_order
    MODEL: type[TotalsTableModel]
    DATE_COLUMN: int = 0  # newest first
    COLUMN_CAPS: dict[int, int] = {}

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._customer_id: int | None = None
        self._credit_limit: int | None = None
        self._dialog = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        self._add_header(layout)

        self.model = self.MODEL(self)
        self.table = QTableView()
        setup_table(self.table, self.model, f"{self.NAME}_table")
        self.totals_view = TotalsFooter(self.table, self.model, f"{self.NAME}_totals")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{self.NAME}_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")

        self.add_button = QPushButton()
        self.add_button.setObjectName(f"add_{self.ITEM}")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName(f"edit_{self.ITEM}")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName(f"delete_{self.ITEM}")
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.edit_action = QAction(self.table)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action = QAction(self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(self.delete_selected)
        for action in (self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.button_row = buttons = QHBoxLayout()  # a subclass may add buttons of its own
        buttons.setSpacing(6)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        table_and_totals = QVBoxLayout()
        table_and_totals.setSpacing(0)
        table_and_totals.addWidget(self.table, 1)
        table_and_totals.addWidget(self.totals_view)
        table_and_totals.addStretch(0)  # what the table does not need when it is short
        layout.addLayout(table_and_totals, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.retranslate()
        self._update_buttons()

    # -- subclass hooks

    def _add_header(self, layout: QVBoxLayout) -> None:
        """Add what goes above the table."""

    def _ledger_rows(self, customer_id: int) -> list:
        raise NotImplementedError

    def _refresh_header(self) -> None:
        """Reload what goes above the table (the model holds the new rows)."""

    def _make_dialog(self, row) -> QDialog:
        raise NotImplementedError

    def _delete(self, row) -> None:
        raise NotImplementedError

    def texts(self) -> dict[str, str]:
        """The translated add, add_tip, view, edit, delete and empty texts."""
        raise NotImplementedError

    def _delete_texts(self, row) -> tuple[str, str]:
        """The translated title and question for deleting ``row``."""
        raise NotImplementedError

    def _retranslate_header(self) -> None:
        """Retranslate what goes above the table."""

    # -- data

    def set_ledger(self, ledger: LedgerAccess) -> None:
        """Another file (or another day) was opened."""
        self._ledger = ledger
        self.show_customer(None, None)

    def show_customer(self, customer_id: int | None, credit_limit: int | None) -> None:
        if customer_id != self._customer_id:
            self._close_dialog()
        self._customer_id = customer_id
        self._credit_limit = credit_limit
        self.refresh()

    def customer_id(self) -> int | None:
        return self._customer_id

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None:
            current = self.selected_row()
            select_id = current.id if current is not None else None
        self.model.set_rows([] if self._customer_id is None else self._ledger_rows(self._customer_id))
        self._refresh_header()
        fit_columns(self.table, self.COLUMN_CAPS)
        if select_id is not None:
            row = self.model.row_of(lambda r: r.id == select_id)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _row_index(self, item) -> int | None:
        return self.model.row_of(lambda r: r.id == item.id)

    def _row_count(self) -> int:
        return len(self.model.rows())

    # -- actions

    def add_entry(self) -> None:
        if self._customer_id is None or self._ledger.read_only:
            return
        self._open_dialog(None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(row)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self._open_dialog(row)

    def _open_dialog(self, row) -> None:
        assert self._customer_id is not None
        self._show_dialog(lambda: self._make_dialog(row))

    def _on_saved(self, saved) -> None:
        if saved is None:
            return
        self.refresh(select_id=saved.id)
        self.changed.emit()  # type: ignore[attr-defined]

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None or self._ledger.read_only:
            return
        title, question = self._delete_texts(row)
        self._confirm_delete(row, title, question, lambda: self._delete(row))

    def _update_buttons(self, *_args: object) -> None:
        has_customer = self._customer_id is not None
        writable = has_customer and not self._ledger.read_only
        selected = self.selected_row() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected and writable)
        self.edit_action.setEnabled(selected)
        self.delete_action.setEnabled(selected and writable)
        self.empty_label.setVisible(has_customer and not self.model.rows())

    def retranslate(self) -> None:
        t = self.texts()
        self.add_button.setText(t["add"])
        self.add_button.setToolTip(t["add_tip"])
        self.edit_button.setText(t["view"] if self._ledger.read_only else t["edit"])
        self.delete_button.setText(t["delete"])
        self.edit_action.setText(self.edit_button.text())
        self.delete_action.setText(self.delete_button.text())
        self.empty_label.setText(t["empty"])
        self._retranslate_header()
        self.model.retranslate()
        if self._dialog is not None:
            self._dialog.retranslate()  # type: ignore[attr-defined]
