"""MergeDialog: two customer records side by side, one value chosen per differing field.

One row per field whose values differ (in the detail form's order): the
field's label, then the survivor's value and the other's, each with a radio
button; the defaults keep the survivor's value unless it is empty.  "Swap
sides" makes the other one the survivor.  A line says what moves with the
merge (orders, payments, complaints ...).  Phones and ID numbers are masked
until "Show numbers" is ticked, as in the detail form.

"Merge" merges through the access object; a record changed meanwhile is
refused with a message and the dialog closes (``conflict`` is then True).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer import FIELDS_BY_NAME, Customer, FieldType, mask_id_number, mask_phone
from crmdesk.domain.duplicates import Side, default_choices, differing_fields
from crmdesk.domain.money import format_money
from crmdesk.domain.validation import format_phone
from crmdesk.storage.customer_file import WriteError, WriteProblem
from crmdesk.ui import texts
from crmdesk.ui.duplicates.duplicates_access import DuplicatesAccess

EMPTY = "—"
_VALUE_CHARS = 48  # longer values are cut, the whole text in the tooltip
_HINT_STYLE = "color: #667085;"
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_MAX_ROWS_HEIGHT = 560  # pixels of rows before they scroll


def value_text(name: str, value: object, *, reveal: bool = False) -> str:
    """A field's value as the merge dialog shows it ("—" when empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    spec = FIELDS_BY_NAME[name]
    if spec.type is FieldType.CHOICE:
        return texts.enum_text(value)  # type: ignore[arg-type]
    if spec.type is FieldType.DATE:
        return value.isoformat()  # type: ignore[attr-defined]
    if spec.type is FieldType.MONEY:
        return format_money(value, symbol=True)  # type: ignore[arg-type]
    if spec.type is FieldType.LUNAR_DATE:
        return texts.lunar_text(str(value))
    if spec.type in (FieldType.MOBILE, FieldType.PHONE):
        return format_phone(str(value)) if reveal else mask_phone(str(value))
    if spec.type is FieldType.ID_NUMBER:
        return str(value) if reveal else mask_id_number(str(value))
    return texts.one_line(str(value))


class MergeDialog(QDialog):
    def __init__(self, access: DuplicatesAccess, first_id: int, second_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self._access = access
        first, second = access.customer(first_id), access.customer(second_id)
        if first is None or second is None:
            raise ValueError(f"customer {first_id} or {second_id} is not in the file")
        self.survivor: Customer = first
        self.other: Customer = second
        self.operation_id: int | None = None
        self.conflict = False
        self._groups: dict[str, QButtonGroup] = {}
        self._radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.show_numbers = QCheckBox(self)
        self.show_numbers.setObjectName("show_numbers")
        self.show_numbers.toggled.connect(lambda _on: self._fill_values())
        self.swap_button = QPushButton(self)
        self.swap_button.setObjectName("swap_button")
        self.swap_button.clicked.connect(self.swap)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setWidget(self.grid_host)

        self.moves = QLabel(self)
        self.moves.setObjectName("what_moves")
        self.moves.setWordWrap(True)
        self.after = QLabel(self)
        self.after.setWordWrap(True)
        self.after.setStyleSheet(_HINT_STYLE)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setObjectName("merge_button")
        self.merge_button.setEnabled(not access.read_only)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        tools = QHBoxLayout()
        tools.addWidget(self.swap_button)
        tools.addStretch(1)
        tools.addWidget(self.show_numbers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(tools)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.moves)
        layout.addWidget(self.after)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._fit_height()

    # -- contents

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge two customers"))
        self.intro.setText(self.tr(
            "Choose the value to keep for each detail that differs. The record on the left stays; "
            "the one on the right is merged into it."))
        self.show_numbers.setText(self.tr("Show numbers"))
        self.swap_button.setText(self.tr("Swap sides"))
        self.merge_button.setText(self.tr("Merge"))
        chosen = self.choices()  # a language change keeps what the user picked
        self._build()
        for name, side in chosen.items():
            self.choose(name, side)

    def _fit_height(self) -> None:
        """Tall enough for every row up to about twenty, then the rows scroll."""
        frame = 2 * self.scroll.frameWidth() + 4
        self.scroll.setMinimumHeight(min(self.grid_host.sizeHint().height() + frame, _MAX_ROWS_HEIGHT))
        self.adjustSize()
        self.resize(max(self.width(), 860), self.height())
        self.scroll.setMinimumHeight(120)

    def swap(self) -> None:
        """Keep the other record instead (the choices start again from the defaults)."""
        self.survivor, self.other = self.other, self.survivor
        self._build()

    def choices(self) -> dict[str, Side]:
        return {name: Side.OTHER if radios[1].isChecked() else Side.SURVIVOR
                for name, radios in self._radios.items()}

    def choose(self, name: str, side: Side) -> None:
        self._radios[name][1 if side is Side.OTHER else 0].setChecked(True)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from findChild and the layout now, freed later
                widget.deleteLater()
        for group in self._groups.values():
            group.deleteLater()
        self._groups.clear()
        self._radios.clear()

    def _build(self) -> None:
        self._clear_grid()
        survivor, other = self.survivor, self.other
        self.swap_button.setToolTip(self.tr("Keep %1 instead").replace("%1", f"{other.code} {other.name}"))
        heading = QFont(self.font())
        heading.setBold(True)
        for column, (customer, role) in enumerate(
            ((survivor, self.tr("Stays")), (other, self.tr("Merged in, then moved to the recycle bin"))), start=1
        ):
            title = QLabel(f"{customer.code}  {customer.name}")
            title.setFont(heading)
            title.setObjectName(f"side_{column}")
            title.setToolTip(texts.enum_text(customer.kind))
            note = QLabel(role)
            note.setStyleSheet(_HINT_STYLE)
            note.setWordWrap(True)
            self.grid.addWidget(title, 0, column)
            self.grid.addWidget(note, 1, column)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(rule, 2, 0, 1, 3)
        names = differing_fields(survivor, other)
        defaults = default_choices(survivor, other)
        row = 3
        for name in names:
            label = QLabel(texts.field_label(name))
            keep, take = QRadioButton(), QRadioButton()
            keep.setObjectName(f"keep_{name}")
            take.setObjectName(f"take_{name}")
            group = QButtonGroup(self)
            group.addButton(keep)
            group.addButton(take)
            (take if defaults[name] is Side.OTHER else keep).setChecked(True)
            self._groups[name] = group
            self._radios[name] = (keep, take)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(keep, row, 1, _LEFT)  # as wide as its text: a click beside it picks nothing
            self.grid.addWidget(take, row, 2, _LEFT)
            row += 1
        if not names:
            same = QLabel(self.tr("Both records hold the same details."))
            same.setStyleSheet(_HINT_STYLE)
            self.grid.addWidget(same, row, 0, 1, 3)
            row += 1
        self.grid.setRowStretch(row, 1)
        self._fill_values()
        self._fill_moves()

    def _fill_values(self) -> None:
        reveal = self.show_numbers.isChecked()
        for name, radios in self._radios.items():
            for radio, customer in zip(radios, (self.survivor, self.other)):
                value = getattr(customer, name)
                text = value_text(name, value, reveal=reveal)
                radio.setText(texts.one_line(text, _VALUE_CHARS))
                sensitive = FIELDS_BY_NAME[name].sensitive or FIELDS_BY_NAME[name].type in (
                    FieldType.MOBILE, FieldType.PHONE)
                long = isinstance(value, str) and len(value) > _VALUE_CHARS
                radio.setToolTip(value if long and not sensitive else "")

    def _fill_moves(self) -> None:
        survivor, other = self.survivor, self.other
        counts = self._access.what_moves(other.id, survivor.id)  # type: ignore[arg-type]
        parts = [self._count_text(table, n) for table, n in counts.items() if n and self._count_text(table, n)]
        if parts:
            self.moves.setText(self.tr("Moves to %1: %2.").replace("%1", survivor.code or "").replace(
                "%2", ", ".join(parts)))
        else:
            self.moves.setText(self.tr("%1 has no orders, payments, contacts or complaints to move.").replace(
                "%1", other.code or ""))
        tags = sorted(set(survivor.tags) | set(other.tags))
        after = self.tr("%1 then goes to the recycle bin. You can undo the merge.").replace("%1", other.code or "")
        if tags:
            after += " " + self.tr("Tags of both are kept: %1.").replace("%1", ", ".join(tags))
        self.after.setText(after)

    def _count_text(self, table: str, n: int) -> str:
        """"3 orders" (the complaints' steps go with their complaints, unnamed)."""
        if table == "orders":
            return self.tr("%n order(s)", "", n)
        if table == "payments":
            return self.tr("%n payment(s)", "", n)
        if table == "contacts":
            return self.tr("%n contact record(s)", "", n)
        if table == "follow_ups":
            return self.tr("%n follow-up(s)", "", n)
        if table == "complaints":
            return self.tr("%n complaint(s)", "", n)
        if table == "sales_plans":
            return self.tr("%n sales plan(s)", "", n)
        if table == "contact_persons":
            return self.tr("%n contact person(s)", "", n)
        return ""

    # -- merging

    def accept(self) -> None:
        try:
            self.operation_id = self._access.merge(self.survivor, self.other, self.choices())
        except WriteError as e:
            if e.problem is WriteProblem.CONFLICT:
                self.conflict = True
                message = self.tr("One of the two customers was changed or deleted meanwhile. Nothing was merged; "
                                  "look at the pair again.")
            else:
                message = texts.error_text(e.problem, {"detail": e.detail})
            QMessageBox.warning(self, self.tr("Merge two customers"), message)
            if self.conflict:
                self.reject()
            return
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
