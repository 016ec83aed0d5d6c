"""CampaignsWindow: every campaign with what it paid back, and the customers it chose (issue 13, point 4).

Above, the campaigns (the latest start first): name, channel, dates, cost,
customers targeted and reached, attributed orders, revenue, gross margin and
ROI.  Under them, for the selected campaign, the ROI worked out with its
numbers ("ROI = (margin ¥900.00 − cost ¥1,000.00) ÷ cost ¥1,000.00 =
−10.00%"), what was counted, and the caveat when attributed orders have no
cost.  Below, its customers, reached ones first, with what each brought; the
selected ones are marked reached on a day (today unless changed) or not
reached.  Enter, a double-click or "Open customer" emits ``open_customer``.

The definitions (domain.campaigns): an order counts for a campaign when its
customer was reached and reached_on <= order_date <= end + window days, up
to today; revenue is the amounts, margin is amount − cost over the orders
that have a cost; ROI = (margin − cost) / cost, none when the cost is 0.

The widget reads and writes through a ``CampaignAccess`` (the file and today)
and holds no SQL.  "New campaign…" and "Edit…" open a CampaignDialog, one at
a time and without blocking.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.campaigns import CampaignResult, ratio_decimal
from crmdesk.domain.dates import DateError, parse_date
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.storage.campaigns import TargetRow
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.campaigns.campaign_access import CampaignAccess
from crmdesk.ui.campaigns.campaign_dialog import CampaignDialog
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE, digits_width
from crmdesk.ui.customer_detail.ledger_widgets import GREEN, LEFT, RED, RIGHT, fit_columns, money, setup_table

_HINT = "#667085"
_CAMPAIGN_CONTEXT = "CampaignTableModel"
_TARGET_CONTEXT = "TargetTableModel"


def roi_text(result: CampaignResult) -> str:
    """"-10.00%" (exact, rounded half away from zero to two decimals of a percent); "" without a cost."""
    return "" if result.roi is None else f"{ratio_decimal(result.roi, 4).scaleb(2)}%"


class CampaignColumn(IntEnum):
    NAME = 0
    CHANNEL = 1
    DATES = 2
    COST = 3
    TARGETED = 4
    REACHED = 5
    ORDERS = 6
    REVENUE = 7
    MARGIN = 8
    ROI = 9


CAMPAIGN_HEADERS = {
    CampaignColumn.NAME: QT_TRANSLATE_NOOP("CampaignTableModel", "Campaign"),
    CampaignColumn.CHANNEL: QT_TRANSLATE_NOOP("CampaignTableModel", "Channel"),
    CampaignColumn.DATES: QT_TRANSLATE_NOOP("CampaignTableModel", "Dates"),
    CampaignColumn.COST: QT_TRANSLATE_NOOP("CampaignTableModel", "Cost"),
    CampaignColumn.TARGETED: QT_TRANSLATE_NOOP("CampaignTableModel", "Targeted"),
    CampaignColumn.REACHED: QT_TRANSLATE_NOOP("CampaignTableModel", "Reached"),
    CampaignColumn.ORDERS: QT_TRANSLATE_NOOP("CampaignTableModel", "Orders"),
    CampaignColumn.REVENUE: QT_TRANSLATE_NOOP("CampaignTableModel", "Revenue"),
    CampaignColumn.MARGIN: QT_TRANSLATE_NOOP("CampaignTableModel", "Gross margin"),
    CampaignColumn.ROI: QT_TRANSLATE_NOOP("CampaignTableModel", "ROI"),
}
_NUMBERS = frozenset(CampaignColumn) - {CampaignColumn.NAME, CampaignColumn.CHANNEL, CampaignColumn.DATES}
_RED = QBrush(QColor(RED))
_GREEN = QBrush(QColor(GREEN))


class TargetColumn(IntEnum):
    CUSTOMER = 0
    REACHED_ON = 1
    ORDERS = 2
    REVENUE = 3
    MARGIN = 4


TARGET_HEADERS = {
    TargetColumn.CUSTOMER: QT_TRANSLATE_NOOP("TargetTableModel", "Customer"),
    TargetColumn.REACHED_ON: QT_TRANSLATE_NOOP("TargetTableModel", "Reached on"),
    TargetColumn.ORDERS: QT_TRANSLATE_NOOP("TargetTableModel", "Orders"),
    TargetColumn.REVENUE: QT_TRANSLATE_NOOP("TargetTableModel", "Revenue"),
    TargetColumn.MARGIN: QT_TRANSLATE_NOOP("TargetTableModel", "Gross margin"),
}
_NOT_REACHED = QT_TRANSLATE_NOOP("TargetTableModel", "not reached")


class CampaignTableModel(QAbstractTableModel):
    """CampaignResults in the service's order (the latest start first); cells formatted once."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._results: list[CampaignResult] = []
        self._cells: list[tuple[str, ...]] = []

    def set_results(self, results: list[CampaignResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self._cells = [self._format(r) for r in self._results]
        self.endResetModel()

    @staticmethod
    def _format(r: CampaignResult) -> tuple[str, ...]:
        c = r.campaign
        return (c.name, texts.enum_text(c.channel), f"{c.start_date.isoformat()} – {c.end_date.isoformat()}",
                money(r.cost), str(r.targeted), str(r.reached), str(r.orders), money(r.revenue), money(r.margin),
                roi_text(r) or "–")

    def result_at(self, row: int) -> CampaignResult | None:
        return self._results[row] if 0 <= row < len(self._results) else None

    def row_of(self, campaign_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self._results) if r.campaign.id == campaign_id), None)

    def retranslate(self) -> None:
        self._cells = [self._format(r) for r in self._results]
        if self._results:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._results) - 1, len(CampaignColumn) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CampaignColumn) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(CampaignColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in _NUMBERS else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column == CampaignColumn.ROI:
            roi = self._results[row].roi
            return None if roi is None else (_RED if roi < 0 else _GREEN)
        if role == Qt.ItemDataRole.ToolTipRole and column == CampaignColumn.NAME:
            return self._results[row].campaign.note or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(CampaignColumn):
            return QCoreApplication.translate(_CAMPAIGN_CONTEXT, CAMPAIGN_HEADERS[CampaignColumn(section)])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TargetTableModel(QAbstractTableModel):
    """A campaign's chosen customers, reached ones first; cells formatted once."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TargetRow] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[TargetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self._format(r) for r in self._rows]
        self.endResetModel()

    @staticmethod
    def _format(r: TargetRow) -> tuple[str, ...]:
        reached = r.reached_on.isoformat() if r.reached_on else QCoreApplication.translate(_TARGET_CONTEXT,
                                                                                             _NOT_REACHED)
        return (f"{r.code}  {r.name}", reached, str(r.orders) if r.reached_on else "",
                money(r.revenue) if r.reached_on else "", money(r.margin) if r.reached_on else "")

    def row_at(self, row: int) -> TargetRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, customer_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.customer_id == customer_id), None)

    def retranslate(self) -> None:
        self._cells = [self._format(r) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(TargetColumn) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TargetColumn) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(TargetColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if column == TargetColumn.CUSTOMER else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == TargetColumn.REACHED_ON \
                and self._rows[row].reached_on is None:
            return QBrush(QColor(_HINT))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(TargetColumn):
            return QCoreApplication.translate(_TARGET_CONTEXT, TARGET_HEADERS[TargetColumn(section)])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CampaignsWindow(QWidget):
    """The campaigns, the numbers behind the selected one's ROI, and its customers."""

    open_customer = Signal(int)  # the customer's id
    campaigns_changed = Signal()  # a campaign was added, edited or deleted, or customers marked

    def __init__(self, access: CampaignAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaigns_window")
        self._access = access
        self._dialog: CampaignDialog | None = None

        # -- the buttons
        self.add_button = self._button("campaign_add", self.add_campaign)
        self.edit_button = self._button("campaign_edit", self.edit_current)
        self.delete_button = self._button("campaign_delete", self.delete_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        # -- the campaigns
        self.model = CampaignTableModel(self)
        self.table = QTableView(self)
        setup_table(self.table, self.model, "campaign_table")
        self.table.setTabKeyNavigation(False)
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._on_campaign_changed())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("campaign_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {_HINT};")
        self.empty_label.setWordWrap(True)

        # -- the numbers behind the ROI
        self.roi_line = QLabel(self)
        self.roi_line.setObjectName("campaign_roi_line")
        self.roi_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counted_line = QLabel(self)
        self.counted_line.setObjectName("campaign_counted_line")
        self.counted_line.setWordWrap(True)
        self.counted_line.setStyleSheet(f"color: {_HINT};")
        self.caveat_line = QLabel(self)
        self.caveat_line.setObjectName("campaign_cost_caveat")
        self.caveat_line.setWordWrap(True)
        self.caveat_line.setStyleSheet(f"color: {RED};")

        # -- the customers
        self.targets_title = QLabel(self)
        self.target_model = TargetTableModel(self)
        self.target_table = QTableView(self)
        setup_table(self.target_table, self.target_model, "campaign_target_table")
        self.target_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.target_table.setTabKeyNavigation(False)
        self.target_table.activated.connect(self._on_target_activated)
        self.target_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reached_label = QLabel(self)
        self.reached_date = QLineEdit(self)
        self.reached_date.setObjectName("campaign_reached_date")
        self.reached_date.setMaxLength(40)
        self.reached_date.setFixedWidth(digits_width(self.reached_date, 12))
        self.reached_label.setBuddy(self.reached_date)
        self.reached_date.setText(access.today.isoformat())
        self.reached_date.returnPressed.connect(self.mark_selected_reached)
        self.mark_button = self._button("campaign_mark_reached", self.mark_selected_reached)
        self.unmark_button = self._button("campaign_mark_unreached", self.mark_selected_unreached)
        self.open_button = self._button("campaign_open_customer", self.open_current_customer)
        self.reached_error = QLabel(self)
        self.reached_error.setObjectName("campaign_reached_error")
        self.reached_error.setStyleSheet(ERROR_STYLE)
        self.reached_error.setWordWrap(True)
        self.reached_error.hide()
        marking = QHBoxLayout()
        marking.setContentsMargins(0, 0, 0, 0)
        marking.addWidget(self.reached_label)
        marking.addWidget(self.reached_date)
        marking.addWidget(self.mark_button)
        marking.addWidget(self.unmark_button)
        marking.addStretch(1)
        marking.addWidget(self.open_button)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_label, 1)
        top_layout.addWidget(self.roi_line)
        top_layout.addWidget(self.counted_line)
        top_layout.addWidget(self.caveat_line)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.targets_title)
        bottom_layout.addWidget(self.target_table, 1)
        bottom_layout.addLayout(marking)
        bottom_layout.addWidget(self.reached_error)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)

        self.retranslate()
        self.refresh()

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- what the window tells it ----------------------------------------------------------------

    def set_access(self, access: CampaignAccess) -> None:
        """Another file, or a new day: read again."""
        self._access = access
        self.reached_date.setText(access.today.isoformat())
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the campaigns again, keeping the selected one (or selecting ``select_id``)."""
        current = self.current_result()
        keep = select_id if select_id is not None else (current.campaign.id if current else None)
        self.model.set_results(self._access.results())
        has = self.model.rowCount() > 0
        self.table.setVisible(has)
        self.empty_label.setVisible(not has)
        if has:
            self._size_columns()
            row = self.model.row_of(keep)
            self.table.setCurrentIndex(self.model.index(row or 0, 0))
        self._on_campaign_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._size_columns()
        return super().eventFilter(watched, event)

    def _size_columns(self) -> None:
        """Every column as wide as its contents (a few rows), the channel capped; the name gets what is
        left, down to ten digits (the whole name shows in the customers' title), so that the numbers up
        to the ROI stay in view."""
        if not self.model.rowCount():
            return
        self.table.resizeColumnsToContents()
        digit = self.table.fontMetrics().horizontalAdvance("0")
        widths = {c: self.table.columnWidth(c) + digit for c in CampaignColumn}
        widths[CampaignColumn.CHANNEL] = min(widths[CampaignColumn.CHANNEL], digits_width(self.table, 16))
        name = widths.pop(CampaignColumn.NAME)
        room = self.table.viewport().width() - sum(widths.values())
        widths[CampaignColumn.NAME] = max(digit * 10, min(name, room))
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

    # -- the campaigns ---------------------------------------------------------------------------

    def current_result(self) -> CampaignResult | None:
        index = self.table.currentIndex()
        return self.model.result_at(index.row()) if index.isValid() else None

    def _on_campaign_changed(self) -> None:
        result = self.current_result()
        self.target_model.set_rows(self._access.targets(result.campaign.id) if result else [])
        if self.target_model.rowCount():
            fit_columns(self.target_table, {TargetColumn.CUSTOMER: digits_width(self.target_table, 30)})
        self._set_reached_error(None)
        self._update_numbers()
        self._update_buttons()

    def add_campaign(self) -> None:
        self._open_dialog(CampaignDialog(self._access, None, self))

    def edit_current(self) -> None:
        result = self.current_result()
        if result is not None:
            self._open_dialog(CampaignDialog(self._access, result.campaign, self))

    def dialog(self) -> CampaignDialog | None:
        """The campaign dialog open, if any."""
        return self._dialog

    def _open_dialog(self, dialog: CampaignDialog) -> None:
        if self._dialog is not None:
            self._dialog.reject()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()  # window-modal and non-blocking

    def _on_dialog_finished(self, _result: int) -> None:
        if self._dialog is self.sender():
            self._dialog = None

    def _on_saved(self, campaign) -> None:
        self.refresh(select_id=campaign.id)
        self.campaigns_changed.emit()

    def delete_current(self) -> None:
        result = self.current_result()
        if result is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete campaign"),
                          texts.fill(self.tr("Delete the campaign “{name}”? Its customers and orders stay."),
                                     {"name": result.campaign.name}),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("campaign_delete_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            self._access.delete(result.campaign)
        except WriteError as e:
            QMessageBox.critical(self, self.tr("Delete campaign"), texts.error_text(e.problem, {"detail": e.detail}))
        self.refresh()
        self.campaigns_changed.emit()

    # -- the customers ---------------------------------------------------------------------------

    def selected_customer_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.target_table.selectionModel().selectedRows()})
        return [r.customer_id for r in (self.target_model.row_at(row) for row in rows) if r is not None]

    def select_customers(self, customer_ids: list[int]) -> None:
        """Select these customers in the list (the others unselected)."""
        selection = self.target_table.selectionModel()
        selection.clearSelection()
        for customer_id in customer_ids:
            row = self.target_model.row_of(customer_id)
            if row is not None:
                selection.select(self.target_model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def mark_selected_reached(self) -> None:
        text = self.reached_date.text().strip()
        if not text:
            self._set_reached_error(texts.error_text(ErrorCode.REQUIRED))
            return
        try:
            day = parse_date(text)
        except DateError:
            self._set_reached_error(texts.error_text(ErrorCode.INVALID_DATE))
            return
        self._mark(day)

    def mark_selected_unreached(self) -> None:
        self._mark(None)

    def _mark(self, day) -> None:
        result = self.current_result()
        ids = self.selected_customer_ids()
        if result is None or not ids:
            return
        try:
            errors = self._access.mark_reached(result.campaign, ids, day)
        except WriteError as e:
            self._set_reached_error(texts.error_text(e.problem, {"detail": e.detail}))
            return
        if errors:
            self._set_reached_error(self._reached_error_text(errors[0], result))
            return
        self.refresh()
        self.select_customers(ids)
        self.campaigns_changed.emit()

    def _reached_error_text(self, error: FieldError, result: CampaignResult) -> str:
        if error.code is ErrorCode.TOO_FAR_AHEAD:
            return self.tr("A customer cannot be reached after today.")
        if error.params.get("reason") == "before_start":
            return texts.fill(self.tr("Not before the campaign starts ({date})."),
                              {"date": result.campaign.start_date.isoformat()})
        return texts.error_text(error.code, error.params)

    def _set_reached_error(self, text: str | None) -> None:
        self.reached_error.setText(text or "")
        self.reached_error.setVisible(bool(text))

    def current_customer_id(self) -> int | None:
        index = self.target_table.currentIndex()
        row = self.target_model.row_at(index.row()) if index.isValid() else None
        return row.customer_id if row else None

    def open_current_customer(self) -> None:
        customer_id = self.current_customer_id()
        if customer_id is not None:
            self.open_customer.emit(customer_id)

    def _on_target_activated(self, index: QModelIndex) -> None:
        row = self.target_model.row_at(index.row())
        if row is not None:
            self.open_customer.emit(row.customer_id)

    def _update_buttons(self) -> None:
        writable = not self._access.read_only
        has_campaign = self.current_result() is not None
        has_customers = bool(self.target_table.selectionModel().selectedRows())
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(has_campaign)  # read-only: the dialog shows it
        self.delete_button.setEnabled(writable and has_campaign)
        self.mark_button.setEnabled(writable and has_customers)
        self.unmark_button.setEnabled(writable and has_customers)
        self.reached_date.setEnabled(writable)
        self.open_button.setEnabled(self.current_customer_id() is not None)

    # -- texts -----------------------------------------------------------------------------------

    def _update_numbers(self) -> None:
        r = self.current_result()
        if r is None:
            for label in (self.roi_line, self.counted_line, self.caveat_line):
                label.clear()
            self.caveat_line.hide()
            self.targets_title.setText(self.tr("Customers"))
            return
        values = {"margin": r.margin, "cost": r.cost, "roi": roi_text(r)}
        if r.roi is None:
            self.roi_line.setText(texts.fill(self.tr("ROI: none, the campaign cost nothing (gross margin {margin})"),
                                             values, money=("margin", "cost")))
        else:
            self.roi_line.setText(texts.fill(
                self.tr("ROI = (gross margin {margin} − cost {cost}) ÷ cost {cost} = {roi}"),
                values, money=("margin", "cost")))
        counted = {"orders": r.orders, "reached": r.reached, "targeted": r.targeted, "revenue": r.revenue,
                   "last": r.campaign.attribution_end.isoformat(), "days": r.campaign.window_days,
                   "today": self._access.today.isoformat()}
        self.counted_line.setText(texts.fill(self.tr(
            "Counted: {orders} orders, revenue {revenue}, of the {reached} customers reached (of {targeted} "
            "targeted), from the day each was reached until {last} (end + {days} days), up to today {today}."),
            counted, money=("revenue",)))
        if r.orders_without_cost:
            self.caveat_line.setText(texts.fill(self.tr(
                "{count} of these orders have no cost: they are in the revenue but not in the gross margin, "
                "so the ROI leaves their margin out."), {"count": r.orders_without_cost}))
            self.caveat_line.show()
        else:
            self.caveat_line.clear()
            self.caveat_line.hide()
        self.targets_title.setText(texts.fill(self.tr("Customers of “{name}”: select them to mark them reached"),
                                              {"name": r.campaign.name}))

    def retranslate(self) -> None:
        """Re-word everything in the language now installed (nothing is read from the file)."""
        self.add_button.setText(self.tr("New campaign…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.empty_label.setText(self.tr("No campaigns yet. A campaign chooses customers by a filter; mark "
                                         "those you reached, and their orders show what it paid back."))
        self.reached_label.setText(self.tr("Reached on"))
        self.reached_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.mark_button.setText(self.tr("Mark reached"))
        self.mark_button.setToolTip(self.tr("Mark the selected customers reached on this day"))
        self.unmark_button.setText(self.tr("Not reached"))
        self.open_button.setText(self.tr("Open customer"))
        self.open_button.setToolTip(self.tr("Open the customer (Enter or double-click)"))
        self.model.retranslate()
        self.target_model.retranslate()
        self._update_numbers()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
