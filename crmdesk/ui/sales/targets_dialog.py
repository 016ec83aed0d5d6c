"""TargetsDialog: sales targets (业绩指标) per owner and month or quarter, typed into a table.

Rows are the owners (every customer's owner, anyone with a target, and
owners added here), columns the months or the quarters of a year; each cell
is a money editor.  Nothing is stored until Save: an emptied cell removes
that target, a bad amount is marked and keeps the dialog open.  Each cell's
tooltip gives the period's actual and gap so far.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.orders import Period, PeriodKind
from crmdesk.domain.targets import MAX_OWNER, YEARS
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE
from crmdesk.ui.customer_detail.ledger_widgets import RED, digits_width, money
from crmdesk.ui.sales.sales_access import SalesAccess

Key = tuple[str, Period]


def periods_of(year: int, kind: PeriodKind) -> list[Period]:
    return [Period(year, kind, n) for n in range(1, 13 if kind is PeriodKind.MONTH else 5)]


class TargetsDialog(QDialog):
    targets_changed = Signal()  # stored: the dashboard may read them again

    def __init__(self, access: SalesAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targets_dialog")
        self._access = access
        self._stored: dict[Key, int] = {}
        self._typed: dict[Key, str] = {}  # cells edited and not saved yet, by owner and period
        self._errors: dict[Key, str] = {}
        self._owners: list[str] = []
        self.editors: dict[Key, QLineEdit] = {}

        self.year = QSpinBox()
        self.year.setObjectName("targets_year")
        self.year.setRange(*YEARS)
        self.year.setValue(access.today.year)
        self.kind = QComboBox()
        self.kind.setObjectName("targets_kind")
        self.kind.addItem("", PeriodKind.MONTH)
        self.kind.addItem("", PeriodKind.QUARTER)
        self.new_owner = QLineEdit()
        self.new_owner.setObjectName("targets_new_owner")
        self.new_owner.setMaxLength(MAX_OWNER)
        self.new_owner.setMinimumWidth(digits_width(self.new_owner, 16))
        self.new_owner.returnPressed.connect(self.add_owner)
        self.add_owner_button = QPushButton()
        self.add_owner_button.setObjectName("targets_add_owner")
        self.add_owner_button.setAutoDefault(False)
        self.add_owner_button.clicked.connect(self.add_owner)
        self.year_label, self.kind_label, self.owner_label = QLabel(), QLabel(), QLabel()
        self.year_label.setBuddy(self.year)
        self.kind_label.setBuddy(self.kind)
        self.owner_label.setBuddy(self.new_owner)
        bar = QHBoxLayout()
        for widget in (self.year_label, self.year, self.kind_label, self.kind):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.owner_label, self.new_owner, self.add_owner_button):
            bar.addWidget(widget)

        self.table = QTableWidget()
        self.table.setObjectName("targets_table")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.note = QLabel()
        self.note.setObjectName("targets_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.message = QLabel()
        self.message.setObjectName("targets_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                           | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.accepted.connect(self.save_and_close)
        self.button_box.rejected.connect(self.reject)
        if access.read_only:
            self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.button_box)

        self.year.valueChanged.connect(lambda _v: self._fill())
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self.retranslate()
        self._read()
        self.resize(1000, 420)

    # ------------------------------------------------------------ reading and showing

    @property
    def periods(self) -> list[Period]:
        return periods_of(self.year.value(), PeriodKind(self.kind.currentData()))

    def _read(self) -> None:
        self._stored = {(t.owner, t.period): t.amount for t in self._access.targets()}
        known = set(self._owners)
        self._owners += [o for o in self._access.owners() if o not in known]
        self._fill()

    def _fill(self) -> None:
        periods = self.periods
        actual: dict[Key, int] = {}
        for period in periods:
            for p in self._access.target_progress(period):
                actual[p.owner, period] = p.actual
        self.editors = {}
        self.table.clear()
        self.table.setRowCount(len(self._owners))
        self.table.setColumnCount(len(periods))
        self.table.setVerticalHeaderLabels(self._owners)
        self.table.setHorizontalHeaderLabels([str(p) for p in periods])
        read_only = self._access.read_only
        for row, owner in enumerate(self._owners):
            for column, period in enumerate(periods):
                key = (owner, period)
                editor = QLineEdit()
                editor.setObjectName(f"target_{row}_{column}")
                editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                editor.setFrame(False)
                editor.setReadOnly(read_only)
                stored = self._stored.get(key)
                editor.setText(self._typed.get(key, format_money(stored) if stored is not None else ""))
                editor.textEdited.connect(lambda text, k=key: self._edited(k, text))
                self._decorate(editor, key, actual.get(key))
                self.table.setCellWidget(row, column, editor)
                self.editors[key] = editor
        for column in range(len(periods)):
            self.table.setColumnWidth(column, digits_width(self.table, 12))
        if not self._owners:
            self.table.setRowCount(1)
            self.table.setColumnCount(1)
            self.table.setItem(0, 0, QTableWidgetItem(self.tr("No owners yet: add one above.")))

    def _decorate(self, editor: QLineEdit, key: Key, actual: int | None) -> None:
        error = self._errors.get(key)
        editor.setStyleSheet(f"color: {RED};" if error else "")
        stored = self._stored.get(key)
        lines = [error] if error else []
        if stored is not None:
            done = actual or 0
            lines.append(self.tr("Actual so far {actual}, gap {gap}").format(
                actual=money(done), gap=money(stored - done)))
        elif actual:
            lines.append(self.tr("Actual so far {actual}, no target").format(actual=money(actual)))
        editor.setToolTip("\n".join(lines))

    def _edited(self, key: Key, text: str) -> None:
        self._typed[key] = text
        if key in self._errors:
            del self._errors[key]
            self._decorate(self.editors[key], key, None)

    def editor(self, owner: str, period: Period | str) -> QLineEdit:
        period = Period.parse(period) if isinstance(period, str) else period
        return self.editors[owner, period]

    def add_owner(self) -> None:
        """A row for an owner no customer names yet (a new salesperson)."""
        owner = clean_single_line(self.new_owner.text())
        if not owner:
            return
        if owner not in self._owners:
            self._owners.append(owner)
            self._fill()
        self.new_owner.clear()
        self.editor(owner, self.periods[0]).setFocus()

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Store every edited cell; False (and the cells marked) when any is wrong or the file refuses."""
        self._errors = {}
        changes: list[tuple[Key, int | None]] = []
        for key, text in self._typed.items():
            amount: int | None = None
            if text.strip():
                try:
                    amount = parse_money(text)
                except MoneyError as e:
                    self._errors[key] = texts.error_text(ErrorCode(e.code))
                    continue
            if amount != self._stored.get(key):
                changes.append((key, amount))
        saved_any = False
        if not self._errors and changes:
            try:
                refused = self._access.apply_targets([(o, p, amount) for (o, p), amount in changes])
            except WriteError as e:
                self._say(texts.error_text(e.problem, {"detail": e.detail}))
                return False
            for key, errors in refused.items():
                self._errors[key] = "\n".join(texts.error_text(e.code, e.params) for e in errors)
            saved_any = not refused
        if self._errors:  # nothing was stored: every typed cell stays as typed
            self._fill()
            self._say(self.tr("Not saved: please correct the amounts marked in red."))
            self._show_first_error()
            return False
        self._typed = {}
        self._read()
        self._say("")
        if saved_any:
            self.targets_changed.emit()
        return True

    def _show_first_error(self) -> None:
        for key in self._errors:
            owner, period = key
            if period.year != self.year.value() or period.kind is not PeriodKind(self.kind.currentData()):
                self.year.setValue(period.year)
                self.kind.setCurrentIndex(self.kind.findData(period.kind))
            self.editors[key].setFocus()
            return

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sales targets"))
        self.year_label.setText(self.tr("&Year:"))
        self.kind_label.setText(self.tr("&Targets per:"))
        self.kind.setItemText(0, self.tr("Month"))
        self.kind.setItemText(1, self.tr("Quarter"))
        self.owner_label.setText(self.tr("Add &owner:"))
        self.new_owner.setPlaceholderText(self.tr("a salesperson's name"))
        self.add_owner_button.setText(self.tr("Add"))
        self.note.setText(self.tr(
            "Amounts in yuan; empty a cell to remove its target. Sales count for the owner of the opportunity "
            "an order was won from, else for the customer's owner. Where an owner has a quarter's target, it "
            "replaces the targets of its months on the dashboard."))
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
