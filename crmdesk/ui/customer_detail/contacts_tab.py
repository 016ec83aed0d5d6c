"""A company's contact persons: a small table, an edit dialog, Add/Edit/Remove/Primary.

The tab edits only its in-memory tuple; the panel saves it with the customer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer import CONTACT_FIELD_TYPES, ContactPerson, ContactRole, FieldType, mask_phone
from crmdesk.domain.validation import FieldError, FieldValueError, format_phone, parse_contact_field
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE, dialog_buttons


class ContactColumn(IntEnum):
    PRIMARY = 0
    NAME = 1
    TITLE = 2
    ROLE = 3
    MOBILE = 4
    EMAIL = 5


# Headers come from texts.FIELD_LABELS, so they are translated in one place.
_HEADER_FIELDS = {
    ContactColumn.PRIMARY: "is_primary",
    ContactColumn.NAME: "name",
    ContactColumn.TITLE: "title",
    ContactColumn.ROLE: "role",
    ContactColumn.MOBILE: "mobile",
    ContactColumn.EMAIL: "email",
}
_STAR = "★"


def with_one_primary(contacts: Iterable[ContactPerson]) -> tuple[ContactPerson, ...]:
    """Exactly one primary when there are any: the first marked one, else the first."""
    items = list(contacts)
    keep = next((i for i, c in enumerate(items) if c.is_primary), 0)
    return tuple(
        c if c.is_primary == (i == keep) else replace(c, is_primary=i == keep)
        for i, c in enumerate(items)
    )


class ContactTableModel(QAbstractTableModel):
    """ContactPerson tuples as rows; mobile numbers masked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[ContactPerson] = []

    def set_contacts(self, contacts: Sequence[ContactPerson]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def contacts(self) -> tuple[ContactPerson, ...]:
        return tuple(self._contacts)

    def contact(self, row: int) -> ContactPerson:
        return self._contacts[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(ContactColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        column = ContactColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(contact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is ContactColumn.PRIMARY and contact.is_primary:
                return texts.field_label("is_primary")
            if column is ContactColumn.NAME and contact.notes:
                return contact.notes
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is ContactColumn.PRIMARY:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and contact.is_primary and column is ContactColumn.NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _display(contact: ContactPerson, column: ContactColumn) -> str:
        if column is ContactColumn.PRIMARY:
            return _STAR if contact.is_primary else ""
        if column is ContactColumn.NAME:
            return contact.name
        if column is ContactColumn.TITLE:
            return contact.title or ""
        if column is ContactColumn.ROLE:
            return texts.enum_text(ContactRole(contact.role)) if contact.role else ""
        if column is ContactColumn.MOBILE:
            return mask_phone(contact.mobile)
        return contact.email or ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ContactColumn):
            return None
        column = ContactColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _STAR if column is ContactColumn.PRIMARY else texts.contact_field_label(_HEADER_FIELDS[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts.contact_field_label(_HEADER_FIELDS[column])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ContactColumn) - 1)
        if self._contacts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._contacts) - 1, len(ContactColumn) - 1))


class ContactDialog(QDialog):
    """Add or edit one ContactPerson; OK validates and stays open on errors."""

    _TEXT_FIELDS = ("name", "title", "mobile", "phone", "email", "wechat")

    def __init__(
        self,
        contact: ContactPerson | None = None,
        parent: QWidget | None = None,
        *,
        primary: bool = False,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_dialog")
        self._original = contact
        self._new = contact is None
        self._read_only = read_only
        self._result: ContactPerson | None = None
        self._errors: dict[str, FieldError] = {}
        self._labels: dict[str, QLabel] = {}
        self._error_labels: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        line_height = QLineEdit().sizeHint().height()
        for name in CONTACT_FIELD_TYPES:
            editor = self._make_editor(name)
            editor.setObjectName(f"contact_{name}")
            self.editors[name] = editor
            label = QLabel()
            label.setBuddy(editor)
            label.setFixedHeight(line_height)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            error = QLabel()
            error.setObjectName(f"contact_error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(3)
            column.addWidget(editor)
            column.addWidget(error)
            self._labels[name] = label
            self._error_labels[name] = error
            form.addRow(label, cell)
        self.primary_box = QCheckBox()
        self.primary_box.setObjectName("contact_is_primary")
        form.addRow("", self.primary_box)

        self.button_box = dialog_buttons(self, read_only)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.button_box)

        self._load(contact, primary)
        self.retranslate()
        self.setMinimumWidth(460)
        self.editors["name"].setFocus()

    def _make_editor(self, name: str) -> QWidget:
        ftype = CONTACT_FIELD_TYPES[name]
        if ftype is FieldType.LONG_TEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 2 * (edit.frameWidth() + 4) + 4)
            edit.setReadOnly(self._read_only)
            return edit
        if ftype is FieldType.CHOICE:
            combo = QComboBox()
            combo.addItem("", "")  # not None: see field_form._NO_CHOICE
            for role in ContactRole:
                combo.addItem("", role)
            combo.setEnabled(not self._read_only)
            return combo
        edit = QLineEdit()
        edit.setReadOnly(self._read_only)
        return edit

    def _load(self, contact: ContactPerson | None, primary: bool) -> None:
        c = contact or ContactPerson(name="", is_primary=primary)
        for name in self._TEXT_FIELDS:
            value = getattr(c, name)
            if CONTACT_FIELD_TYPES[name] in (FieldType.MOBILE, FieldType.PHONE):
                value = format_phone(value)
            self.editors[name].setText(value or "")  # type: ignore[attr-defined]
        combo = self.editors["role"]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(0, combo.findData(c.role)) if c.role else 0)
        notes = self.editors["notes"]
        assert isinstance(notes, QPlainTextEdit)
        notes.setPlainText(c.notes or "")
        self.primary_box.setChecked(c.is_primary)
        self.primary_box.setEnabled(not self._read_only)

    def texts(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = str(editor.currentData()) if editor.currentIndex() >= 0 else ""
            elif isinstance(editor, QPlainTextEdit):
                out[name] = editor.toPlainText()
            else:
                assert isinstance(editor, QLineEdit)
                out[name] = editor.text()
        return out

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        values: dict[str, object] = {}
        errors: list[FieldError] = []
        for name, text in self.texts().items():
            try:
                values[name] = parse_contact_field(name, text)
            except FieldValueError as e:
                errors.append(e.error)
        self._show_errors(errors)
        if errors:
            self.editors[errors[0].field].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        base = self._original or ContactPerson(name="")
        self._result = replace(base, **values, is_primary=self.primary_box.isChecked())
        super().accept()

    def contact(self) -> ContactPerson | None:
        """The edited contact once accepted, else None."""
        return self._result

    def _show_errors(self, errors: Iterable[FieldError]) -> None:
        self._errors = {}
        for error in errors:
            self._errors.setdefault(error.field, error)
        for name, label in self._error_labels.items():
            error = self._errors.get(name)
            label.setVisible(error is not None)
            label.setText(texts.error_text(error.code, error.params) if error else "")

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Contact person"))
        elif self._new:
            self.setWindowTitle(self.tr("Add contact person"))
        else:
            self.setWindowTitle(self.tr("Edit contact person"))
        for name, label in self._labels.items():
            label.setText(texts.contact_field_label(name))
        combo = self.editors["role"]
        assert isinstance(combo, QComboBox)
        for i in range(1, combo.count()):
            combo.setItemText(i, texts.enum_text(ContactRole(combo.itemData(i))))
        self.primary_box.setText(texts.field_label("is_primary"))
        self._show_errors(self._errors.values())


class ContactsTab(QWidget):
    """The contact-persons tab of a company; see the module docstring."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: tuple[ContactPerson, ...] = ()
        self._read_only = False
        self._dialog: ContactDialog | None = None
        self._dialog_row: int | None = None
        self._errors: list[FieldError] = []

        self.model = ContactTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("contacts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # A handful of rows: measuring the contents is cheap here (unlike the customer list).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ContactColumn.EMAIL, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.error_label = QLabel()
        self.error_label.setObjectName("contacts_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.empty_label = QLabel()
        self.empty_label.setObjectName("contacts_empty")
        self.empty_label.setWordWrap(True)
        palette = self.empty_label.palette()  # quiet grey, still readable
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self.empty_label.setPalette(palette)

        self.add_button = QPushButton()
        self.add_button.setObjectName("add_contact")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_contact")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_contact")
        self.primary_button = QPushButton()
        self.primary_button.setObjectName("primary_contact")
        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.primary_button.clicked.connect(self.mark_selected_primary)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.add_button, self.edit_button, self.remove_button, self.primary_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------ data

    def set_contacts(self, contacts: Sequence[ContactPerson]) -> None:
        self._close_dialog()
        self._original = with_one_primary(contacts)
        self.model.set_contacts(self._original)
        self.clear_errors()

    def contacts(self) -> tuple[ContactPerson, ...]:
        return with_one_primary(self.model.contacts())

    def is_dirty(self) -> bool:
        return self.contacts() != self._original

    def _replace_all(self, contacts: Sequence[ContactPerson], select: int | None) -> None:
        self.model.set_contacts(with_one_primary(contacts))
        if select is not None and 0 <= select < self.model.rowCount():
            self.table.selectRow(select)
        self._update_buttons()
        self.edited.emit()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # ------------------------------------------------------------ actions

    def add_contact(self) -> None:
        if self._read_only:
            return
        self._open_dialog(None, None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(row, self.model.contact(row))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_dialog(index.row(), self.model.contact(index.row()))

    def _open_dialog(self, row: int | None, contact: ContactPerson | None) -> None:
        self._close_dialog()
        dialog = ContactDialog(contact, self, primary=self.model.rowCount() == 0, read_only=self._read_only)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog, r=row: self._on_dialog_accepted(d, r))
        dialog.finished.connect(lambda _result, d=dialog: self._forget_dialog(d))
        self._dialog = dialog
        self._dialog_row = row
        dialog.open()  # window-modal and non-blocking

    def dialog(self) -> ContactDialog | None:
        """The contact dialog currently open, if any (tests and the panel use it)."""
        return self._dialog

    def _forget_dialog(self, dialog: ContactDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None
            self._dialog_row = None

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.reject()

    def _on_dialog_accepted(self, dialog: ContactDialog, row: int | None) -> None:
        contact = dialog.contact()
        if contact is None:
            return
        items = list(self.model.contacts())
        if contact.is_primary:
            items = [replace(c, is_primary=False) if c.is_primary else c for c in items]
        if row is None:
            items.append(contact)
            row = len(items) - 1
        else:
            items[row] = contact
        self._replace_all(items, row)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or self._read_only:
            return
        contact = self.model.contact(row)
        answer = QMessageBox.question(
            self,
            self.tr("Remove contact person"),
            self.tr("Remove {name} from the contact persons?\n"
                    "The change is stored when you save the customer.").format(name=contact.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        items = list(self.model.contacts())
        del items[row]
        self._replace_all(items, min(row, len(items) - 1) if items else None)

    def mark_selected_primary(self) -> None:
        row = self.selected_row()
        if row is None or self._read_only:
            return
        items = [replace(c, is_primary=i == row) for i, c in enumerate(self.model.contacts())]
        self._replace_all(items, row)

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        has = row is not None
        writable = not self._read_only
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has and writable)
        self.primary_button.setEnabled(
            has and writable and not self.model.contact(row).is_primary  # type: ignore[arg-type]
        )
        self.empty_label.setVisible(self.model.rowCount() == 0)

    # ------------------------------------------------------------ errors and state

    def show_errors(self, errors: Iterable[FieldError]) -> list[FieldError]:
        """Show errors of "contacts" and "contacts[i].field" above the table; return the rest."""
        ignored: list[FieldError] = []
        for error in errors:
            if error.field == "contacts" or error.field.startswith("contacts["):
                self._errors.append(error)
            else:
                ignored.append(error)
        self._render_errors()
        rows = [r for r in (self._error_row(e) for e in self._errors) if r is not None]
        if rows:
            self.table.selectRow(rows[0])
        return ignored

    def has_errors(self) -> bool:
        return bool(self._errors)

    def clear_errors(self) -> None:
        self._errors = []
        self._render_errors()

    @staticmethod
    def _error_row(error: FieldError) -> int | None:
        m = re.fullmatch(r"contacts\[(\d+)\](?:\.(\w+))?", error.field)
        return int(m.group(1)) if m else None

    def _render_errors(self) -> None:
        lines = []
        for error in self._errors:
            message = texts.error_text(error.code, error.params)
            m = re.fullmatch(r"contacts\[(\d+)\]\.(\w+)", error.field)
            row = int(m.group(1)) if m else -1
            if m and row < self.model.rowCount() and m.group(2) in texts.FIELD_LABELS:
                lines.append(self.tr("{name}, {field}: {message}").format(
                    name=self.model.contact(row).name or self.tr("Row {row}").format(row=row + 1),
                    field=texts.contact_field_label(m.group(2)),
                    message=message,
                ))
            else:
                lines.append(message)
        self.error_label.setText("\n".join(lines))
        self.error_label.setVisible(bool(lines))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.primary_button.setText(self.tr("Mark as primary"))
        self.empty_label.setText(self.tr("No contact persons yet. Click “Add…” to record one."))
        self.model.retranslate()
        self._render_errors()
        if self._dialog is not None:
            self._dialog.retranslate()
