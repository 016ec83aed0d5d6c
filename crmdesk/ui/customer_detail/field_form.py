"""FieldForm: the editors for a list of FieldSpec, one row each, errors underneath.

Generic over ``FIELDS``: the personal and company tabs (and the record tab)
are all FieldForms over different slices of the registry.  Values go in as a
Customer and come out as ``parse()`` results, through
``validation.parse_field``; the form never decides what is valid itself.

Sensitive fields (mobile, phone, ID number) show the masked value, read-only,
until the user clicks "Show" beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer import FieldSpec, FieldType, mask_id_number, mask_phone
from crmdesk.domain.money import format_money
from crmdesk.domain.validation import FieldError, FieldValueError, format_phone, parse_field
from crmdesk.ui import texts

ERROR_STYLE = "color: #c62828;"


def digits_width(widget: QWidget, digits: int) -> int:
    return QFontMetrics(widget.font()).horizontalAdvance("0" * digits) + 16


def dialog_buttons(dialog: QDialog, read_only: bool) -> QDialogButtonBox:
    """OK and Cancel for ``dialog``; only Close when it is read-only."""
    box = QDialogButtonBox()
    if read_only:
        box.setStandardButtons(QDialogButtonBox.StandardButton.Close)
    else:
        box.setStandardButtons(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def field_cell(
    label: QLabel,
    editor: QWidget,
    error: QLabel,
    line_height: int,
    *,
    beside: QWidget | None = None,
    spacing: int = 6,
    width_digits: int | None = None,
) -> QWidget:
    """The editor (and what goes ``beside`` it) with its error label under it, for a form row.

    The label is one editor line high and no taller, so QFormLayout keeps it
    level with the editor when an error label makes the row higher.
    """
    label.setBuddy(editor)
    label.setFixedHeight(line_height)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

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
    line.setSpacing(spacing)
    line.addWidget(editor)
    if width_digits is not None:
        editor.setFixedWidth(digits_width(editor, width_digits))
    if beside is not None:
        line.addWidget(beside)
    if width_digits is not None or isinstance(editor, QComboBox):
        line.addStretch(1)
    column.addLayout(line)
    column.addWidget(error)
    return cell

# Editors of short, fixed-shape values are not stretched across the form;
# widths are in digit widths, so they fit "2024-01-05" or "1,234,567.89".
_WIDTH_DIGITS: dict[FieldType, int] = {
    FieldType.DATE: 14,
    FieldType.LUNAR_DATE: 14,
    FieldType.MONEY: 20,
    FieldType.INTEGER: 12,
    FieldType.MOBILE: 17,
    FieldType.PHONE: 17,
    FieldType.ID_NUMBER: 24,
    FieldType.CREDIT_CODE: 24,
}
_SHORT_TEXT = 32  # one-line text up to this many characters gets a matching width
_NO_CHOICE = ""  # item data of a choice combo's empty first item
_SENSITIVE_TYPES = frozenset({FieldType.MOBILE, FieldType.PHONE, FieldType.ID_NUMBER})


def display_text(spec: FieldSpec, value: object) -> str:
    """A stored value as the editor shows it (revealed, for sensitive fields)."""
    if value is None:
        return ""
    if spec.type is FieldType.DATE:
        return value.isoformat()  # type: ignore[union-attr]
    if spec.type is FieldType.MONEY:
        return format_money(value)  # type: ignore[arg-type]
    if spec.type is FieldType.LUNAR_DATE:
        return texts.lunar_text(str(value))
    if spec.type in (FieldType.MOBILE, FieldType.PHONE):
        return format_phone(str(value))
    if spec.type is FieldType.CHOICE:
        return str(getattr(value, "value", value))
    return str(value)


def masked_text(spec: FieldSpec, text: str) -> str:
    digits = "".join(text.split())
    if spec.type is FieldType.ID_NUMBER:
        return mask_id_number(digits)
    return mask_phone(digits)


@dataclass(eq=False)
class _Row:
    spec: FieldSpec
    editor: QWidget  # QLineEdit | QPlainTextEdit | QComboBox
    label: QLabel
    error: QLabel
    reveal: QToolButton | None = None
    value: object = None  # as last set by set_values
    baseline: str = ""  # display_text(value)
    revealed: bool = True
    # Text typed into a revealed field and then hidden again, so it is not lost.
    pending: str | None = None
    field_error: FieldError | None = None

    @property
    def masked(self) -> bool:
        return self.reveal is not None and not self.revealed


class FieldForm(QWidget):
    """Editors for ``specs`` in a QFormLayout; see the module docstring."""

    edited = Signal()

    def __init__(self, specs: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _Row] = {}
        self._extra: dict[str, tuple[QLabel, QLabel, QWidget]] = {}
        self._extra_errors: dict[str, FieldError] = {}
        self._loading = False
        self._read_only = False

        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(16, 14, 16, 14)
        self._layout.setHorizontalSpacing(14)
        self._layout.setVerticalSpacing(8)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels line up with the first line of their editor, also when an
        # error label or a tall text box makes the row higher.
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._line_height = QLineEdit().sizeHint().height()

        for spec in specs:
            self._add_spec(spec)
        self.retranslate()

    # ------------------------------------------------------------ building

    def _add_spec(self, spec: FieldSpec) -> None:
        editor = self._make_editor(spec)
        editor.setObjectName(f"field_{spec.name}")
        reveal = None
        if spec.type in _SENSITIVE_TYPES or spec.sensitive:
            reveal = QToolButton()
            reveal.setObjectName(f"reveal_{spec.name}")
            reveal.setCursor(Qt.CursorShape.PointingHandCursor)
            reveal.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            reveal.setFixedHeight(self._line_height)  # CJK button text must not make the row taller
            reveal.hide()
        row = _Row(spec, editor, QLabel(), QLabel(), reveal)
        if reveal is not None:
            reveal.clicked.connect(lambda _=False, r=row: self._toggle_reveal(r))
        self._rows[spec.name] = row
        width = _WIDTH_DIGITS.get(spec.type)
        if spec.type is FieldType.TEXT and spec.max_length <= _SHORT_TEXT:
            width = max(spec.max_length, 14)  # codes, QQ numbers, ratings
        self._insert_row(spec.name, row.label, editor, row.error, reveal, width_digits=width)

    def _make_editor(self, spec: FieldSpec) -> QWidget:
        if spec.type is FieldType.LONG_TEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            lines = 3
            height = edit.fontMetrics().lineSpacing() * lines + 2 * (edit.frameWidth() + 4) + 4
            edit.setFixedHeight(height)
            edit.textChanged.connect(self._on_changed)
            return edit
        if spec.type is FieldType.CHOICE:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(8)
            if not spec.required:
                # "" rather than None: PySide6 6.12 returns a None item datum
                # without a reference, and enough of those crash the interpreter.
                combo.addItem("", _NO_CHOICE)
            assert spec.choices is not None
            for member in spec.choices:
                combo.addItem("", member)
            combo.currentIndexChanged.connect(self._on_changed)
            return combo
        edit = QLineEdit()
        if spec.max_length < 100_000:
            edit.setMaxLength(spec.max_length)
        if spec.type is FieldType.MONEY:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.textChanged.connect(self._on_changed)
        return edit

    def _insert_row(
        self,
        name: str,
        label: QLabel,
        editor: QWidget,
        error: QLabel,
        reveal: QToolButton | None = None,
        *,
        width_digits: int | None = None,
        index: int = -1,
    ) -> None:
        error.setObjectName(f"error_{name}")
        cell = field_cell(label, editor, error, self._line_height, beside=reveal, width_digits=width_digits)
        self._layout.insertRow(index, label, cell)

    def add_row(self, name: str, editor: QWidget, *, before: str | None = None) -> None:
        """Add an editor the form does not manage (the panel's tags line).

        It gets a label (``texts.field_label(name)``) and an error label
        "error_<name>" like the field rows; its value is the caller's business.
        """
        label, error = QLabel(), QLabel()
        index = -1
        if before is not None:
            target = self._rows[before].label if before in self._rows else self._extra[before][0]
            index, _ = self._layout.getWidgetPosition(target)
        self._extra[name] = (label, error, editor)
        self._insert_row(name, label, editor, error, index=index)
        label.setText(texts.field_label(name))

    # ------------------------------------------------------------ values

    def field_names(self) -> tuple[str, ...]:
        return tuple(self._rows)

    def has_field(self, name: str) -> bool:
        """A FieldSpec row or a row added with add_row."""
        return name in self._rows or name in self._extra

    def editor(self, name: str) -> QWidget:
        if name in self._rows:
            return self._rows[name].editor
        return self._extra[name][2]

    def set_values(self, customer: object) -> None:
        """Show the customer's values; clears errors and the dirty state."""
        self._loading = True
        try:
            for row in self._rows.values():
                row.value = getattr(customer, row.spec.name)
                row.baseline = display_text(row.spec, row.value)
                row.pending = None
                if row.reveal is not None:
                    row.revealed = row.value is None or row.value == ""
                self._show_value(row)
        finally:
            self._loading = False
        self.clear_errors()

    def rebase(self, customer: object) -> None:
        """The stored customer changed under the form (an order made it active): take its values,
        keeping what the user has typed.  A field the user left alone shows the new value; an edited
        one keeps the edit, now measured against the new value."""
        self._loading = True
        try:
            for row in self._rows.values():
                value = getattr(customer, row.spec.name)
                untouched = (row.pending is None) if row.masked else self._text(row) == row.baseline
                row.value = value
                row.baseline = display_text(row.spec, value)
                if untouched:
                    row.pending = None
                    self._show_value(row)
        finally:
            self._loading = False

    def _show_value(self, row: _Row) -> None:
        editor = row.editor
        if isinstance(editor, QComboBox):
            index = -1  # a required choice with no value shows blank
            for i in range(editor.count()):
                if editor.itemData(i) == row.baseline:
                    index = i
            editor.setCurrentIndex(index)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(row.baseline)
        else:
            assert isinstance(editor, QLineEdit)
            if row.masked:
                editor.setText(masked_text(row.spec, row.pending if row.pending is not None else row.baseline))
            else:
                editor.setText(row.baseline)
            editor.setCursorPosition(0)
        self._apply_read_only(row)

    def _toggle_reveal(self, row: _Row) -> None:
        editor = row.editor
        assert isinstance(editor, QLineEdit)
        self._loading = True
        try:
            if row.revealed:
                text = editor.text()
                row.pending = None if text == row.baseline else text
                row.revealed = False
                editor.setText(masked_text(row.spec, text))
            else:
                row.revealed = True
                editor.setText(row.pending if row.pending is not None else row.baseline)
                row.pending = None
            editor.setCursorPosition(0)
        finally:
            self._loading = False
        self._apply_read_only(row)
        self._retranslate_reveal(row)
        if row.revealed and not self._read_only:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal(self, name: str) -> None:
        """Show a sensitive field's real value (no-op when already shown)."""
        row = self._rows[name]
        if row.masked:
            self._toggle_reveal(row)

    def is_revealed(self, name: str) -> bool:
        return not self._rows[name].masked

    def _text(self, row: _Row) -> str:
        editor = row.editor
        if row.masked:
            if row.pending is not None:
                return row.pending
            return "" if row.value is None else str(row.value)
        if isinstance(editor, QComboBox):
            return str(editor.currentData()) if editor.currentIndex() >= 0 else ""
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def texts(self) -> dict[str, str]:
        """The raw text of each editor (the stored value for a masked field)."""
        return {name: self._text(row) for name, row in self._rows.items()}

    def parse(self) -> tuple[dict[str, object], list[FieldError]]:
        values: dict[str, object] = {}
        errors: list[FieldError] = []
        for name, row in self._rows.items():
            if row.masked and row.pending is None:
                values[name] = row.value  # untouched, and never shown: keep as stored
                continue
            try:
                values[name] = parse_field(row.spec, self._text(row))
            except FieldValueError as e:
                errors.append(e.error)
        return values, errors

    def is_dirty(self) -> bool:
        for row in self._rows.values():
            if row.masked:
                if row.pending is not None and row.pending != row.baseline:
                    return True
            elif self._text(row) != row.baseline:
                return True
        return False

    def _on_changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    # ------------------------------------------------------------ errors

    def show_errors(self, errors: Iterable[FieldError]) -> list[FieldError]:
        """Show each error under its field; returns those for fields not in this form."""
        ignored: list[FieldError] = []
        for error in errors:
            row = self._rows.get(error.field)
            if row is not None:
                if row.field_error is None:  # the first problem of a field is the one to fix
                    row.field_error = error
                    if row.masked:
                        self._toggle_reveal(row)
                    self._render_error(row.error, error)
            elif error.field in self._extra:
                self._extra_errors.setdefault(error.field, error)
                self._render_error(self._extra[error.field][1], error)
            else:
                ignored.append(error)
        return ignored

    def clear_errors(self) -> None:
        for row in self._rows.values():
            row.field_error = None
            row.error.clear()
            row.error.hide()
        self._extra_errors.clear()
        for _label, error, _editor in self._extra.values():
            error.clear()
            error.hide()

    def error_fields(self) -> list[str]:
        """Fields showing an error, in form order."""
        names = [name for name, row in self._rows.items() if row.field_error is not None]
        return names + [name for name in self._extra if name in self._extra_errors]

    def focus_field(self, name: str) -> None:
        editor = self.editor(name)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(editor, QLineEdit):
            editor.selectAll()

    @staticmethod
    def _render_error(label: QLabel, error: FieldError) -> None:
        label.setText(texts.error_text(error.code, error.params))
        label.show()

    # ------------------------------------------------------------ state

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self._rows.values():
            self._apply_read_only(row)

    def _apply_read_only(self, row: _Row) -> None:
        editor = row.editor
        if isinstance(editor, QComboBox):
            editor.setEnabled(not self._read_only)
        elif isinstance(editor, (QLineEdit, QPlainTextEdit)):
            editor.setReadOnly(self._read_only or row.masked)
        if row.reveal is not None:
            row.reveal.setVisible(row.value not in (None, ""))
            self._retranslate_reveal(row)

    def retranslate(self) -> None:
        for name, row in self._rows.items():
            row.label.setText(texts.field_label(name))
            editor = row.editor
            if isinstance(editor, QComboBox):
                for i in range(editor.count()):
                    data = editor.itemData(i)
                    if data != _NO_CHOICE:
                        assert row.spec.choices is not None
                        editor.setItemText(i, texts.enum_text(row.spec.choices(data)))
            elif row.spec.type is FieldType.DATE:
                assert isinstance(editor, QLineEdit)
                editor.setPlaceholderText(self.tr("YYYY-MM-DD"))
                editor.setToolTip(self.tr("Also accepted: 2024.1.5, 2024/1/5, 2024年1月5日, 20240105"))
            elif row.spec.type is FieldType.LUNAR_DATE:
                assert isinstance(editor, QLineEdit)
                editor.setPlaceholderText(self.tr("e.g. 八月十五"))
                editor.setToolTip(self.tr(
                    "The lunar month and day, e.g. 八月十五, 闰四月初八, 腊月三十 or 8-15.\n"
                    "In a year whose month is a day short (腊月三十) it falls on the month's last day;\n"
                    "a leap-month birthday is kept in the ordinary month of that number."))
            elif row.spec.type is FieldType.MONEY:
                editor.setToolTip(self.tr("In yuan, for example 1,234.50"))
            if row.reveal is not None:
                self._retranslate_reveal(row)
            if row.field_error is not None:
                self._render_error(row.error, row.field_error)
        for name, (label, error, _editor) in self._extra.items():
            label.setText(texts.field_label(name))
            if name in self._extra_errors:
                self._render_error(error, self._extra_errors[name])

    def _retranslate_reveal(self, row: _Row) -> None:
        assert row.reveal is not None
        if row.revealed:
            row.reveal.setText(self.tr("Hide"))
            row.reveal.setToolTip(self.tr("Mask this number again"))
        else:
            row.reveal.setText(self.tr("Show"))
            row.reveal.setToolTip(self.tr("Show the full number and edit it"))
