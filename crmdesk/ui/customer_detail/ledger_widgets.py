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
from enum import IntEnum
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui.customer_detail.field_form import ERROR_STYLE

RED = "#b91c1c"  # as the ledger overview: over the credit limit, negative margins
AMBER = "#b45309"  # old unpaid money
GREEN = "#15803d"  # a sales plan on track

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

Row = TypeVar("Row")


# ---------------------------------------------------------------- formatting


def format_weight_kg(grams: int | None) -> str:
    """Grams as kilograms with up to three decimals, exactly: 1250 -> "1.25", 2000 -> "2"."""
    if grams is None:
        return ""
    kg, g = divmod(abs(grams), 1000)
    text = f"{kg:,}"
    if g:
        text += "." + f"{g:03d}".rstrip("0")
    return "-" + text if grams < 0 else text


def weight_edit_text(grams: int | None) -> str:
    """The weight as the editor shows it (no group separators)."""
    return format_weight_kg(grams).replace(",", "")


class WeightError(ValueError):
    pass


_KG_NUMBER = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.[0-9]+)?|\.[0-9]+")
_KG_SUFFIX = re.compile(r"\s*(?:kg|kgs|公斤|千克)$", re.IGNORECASE)
_MAX_KG_DIGITS = 12  # a trillion kilograms: far beyond any shipment, far inside int64 grams


def parse_weight_g(text: str) -> int | None:
    """Kilograms as typed ("1.25", "1,250", "3 kg", "１２公斤") to whole grams; blank is None.

    Exact: more than three decimals (finer than a gram) is refused, not rounded.
    """
    s = _KG_SUFFIX.sub("", unicodedata.normalize("NFKC", text).strip())
    if not s:
        return None
    if not _KG_NUMBER.fullmatch(s):
        raise WeightError(text)
    whole, _, frac = s.replace(",", "").partition(".")
    frac = frac.rstrip("0")
    if len(frac) > 3 or len(whole.lstrip("0")) > _MAX_KG_DIGITS:
        raise WeightError(text)
    return int(whole or "0") * 1000 + int(frac.ljust(3, "0"))


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


def digits_width(widget: QWidget, digits: int) -> int:
    return QFontMetrics(widget.font()).horizontalAdvance("0" * digits) + 16


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
        label = QLabel()
        label.setBuddy(editor)
        label.setFixedHeight(self._line_height)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        error = QLabel()
        error.setObjectName(f"{self.prefix}_error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        error.hide()

        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(8)
        line.addWidget(editor)
        if width_digits is not None:
            editor.setFixedWidth(digits_width(editor, width_digits))
        if beside is not None:
            line.addWidget(beside)
        if width_digits is not None or isinstance(editor, QComboBox):
            line.addStretch(1)
        column.addLayout(line)
        column.addWidget(error)
        self.layout.addRow(label, cell)
        self.editors[name] = editor
        self.labels[name] = label
        self.error_labels[name] = error

    def set_field_width(self, editor: QLineEdit, width: int) -> None:
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
