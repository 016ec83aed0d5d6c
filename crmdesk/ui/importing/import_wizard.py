"""The import wizard: file → sheet → columns → preview → import.

Reading, previewing and writing run on the worker connection; nothing is
written before the last page, and then in one transaction that Cancel rolls
back.  The user's column corrections are remembered in the file.
"""

from __future__ import annotations

import os
from datetime import date
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crmdesk.domain.import_mapping import TARGETS, TARGETS_BY_KEY, ImportKind
from crmdesk.domain.import_rows import SkipReason
from crmdesk.domain.money import format_money
from crmdesk.formats.reading import ReadError, Sheet, SheetInfo
from crmdesk.formats.writing import Column, Table, write_xlsx
from crmdesk.services import importing
from crmdesk.services.importing import ImportReport, Layout, Preview, PreviewRow, RowAction
from crmdesk.storage.customer_file import Cancelled, WriteError
from crmdesk.ui import texts
from crmdesk.ui.file_session import FileSession
from crmdesk.ui.tasks import Progress

PREVIEW_ROWS = 12  # rows of the sheet shown when choosing it
SAMPLES = 3  # example values shown beside each column


def target_label(key: str) -> str:
    """A target as the mapping's combo box names it."""
    extra = {
        "kind": QCoreApplication.translate("ImportWizard", "Customer type (personal / company)"),
        "contact_name": QCoreApplication.translate("ImportWizard", "Contact person"),
        "contact_title": QCoreApplication.translate("ImportWizard", "Contact person's title"),
        "contact_mobile": QCoreApplication.translate("ImportWizard", "Contact person's mobile"),
        "contact_email": QCoreApplication.translate("ImportWizard", "Contact person's e-mail"),
        "contact_wechat": QCoreApplication.translate("ImportWizard", "Contact person's WeChat"),
        "customer_code": QCoreApplication.translate("ImportWizard", "Customer code"),
        "customer_name": QCoreApplication.translate("ImportWizard", "Customer name"),
    }
    return extra.get(key) or texts.field_label(key)


def read_error_text(error: ReadError) -> str:
    problem = error.problem.value
    if problem == "unsupported_format":
        return QCoreApplication.translate("ImportWizard", "crmdesk cannot read {suffix} files. Save the sheet as .xlsx (Excel or WPS) or .csv "
                   "and import that.").format(suffix=error.params.get("suffix", ""))
    if problem == "no_sheets":
        return QCoreApplication.translate("ImportWizard", "The workbook has no sheets.")
    if problem == "undecodable":
        return QCoreApplication.translate("ImportWizard", "The text is neither UTF-8 nor GBK/GB18030. Save it again as CSV (UTF-8).")
    return QCoreApplication.translate("ImportWizard", "The file cannot be read as a spreadsheet: it may be damaged, protected by a password, "
               "or in another format.")


def skip_text(row: PreviewRow) -> str:
    if row.skip is SkipReason.TOTAL_ROW:
        return QCoreApplication.translate("ImportWizard", "Total line (合计/小计)")
    if row.skip is SkipReason.UNCHANGED:
        return QCoreApplication.translate("ImportWizard", "Already in the file, nothing new")
    if row.skip is SkipReason.ALREADY_IMPORTED:
        return QCoreApplication.translate("ImportWizard", "Already in the file")
    return QCoreApplication.translate("ImportWizard", "Repeats row {row}").format(row=row.same_as)


class PreviewColumn(IntEnum):
    ROW = 0
    ACTION = 1
    NAME = 2
    DETAILS = 3


_ACTION_COLOURS = {
    RowAction.CREATE: QColor("#1b7f3b"),
    RowAction.UPDATE: QColor("#1f5fa8"),
    RowAction.SKIP: QColor("#6b6b6b"),
    RowAction.ERROR: QColor("#b3261e"),
}


class PreviewModel(QAbstractTableModel):
    """The preview's rows, filtered by action."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview: Preview | None = None
        self._rows: list[PreviewRow] = []
        self._only: RowAction | None = None

    def set_preview(self, preview: Preview | None, only: RowAction | None = None) -> None:
        self.beginResetModel()
        self._preview, self._only = preview, only
        rows = preview.rows if preview else []
        self._rows = [r for r in rows if only is None or r.action == only]
        self.endResetModel()

    def row_at(self, index: int) -> PreviewRow:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(PreviewColumn)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("Action"), self.tr("Name"), self.tr("What happens"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = PreviewColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is PreviewColumn.ROW:
                return str(row.number)
            if column is PreviewColumn.ACTION:
                return self.action_text(row.action)
            if column is PreviewColumn.NAME:
                return row.label
            return self.details(row)
        if role == Qt.ItemDataRole.ForegroundRole and column is PreviewColumn.ACTION:
            return QBrush(_ACTION_COLOURS[row.action])
        if role == Qt.ItemDataRole.ToolTipRole and column is PreviewColumn.DETAILS:
            return self.details(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is PreviewColumn.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def action_text(self, action: RowAction) -> str:
        return {
            RowAction.CREATE: self.tr("New"),
            RowAction.UPDATE: self.tr("Update"),
            RowAction.SKIP: self.tr("Skip"),
            RowAction.ERROR: self.tr("Error"),
        }[action]

    def details(self, row: PreviewRow) -> str:
        preview = self._preview
        if row.action is RowAction.ERROR and preview is not None:
            return "；".join(problem_text(preview, p) for p in row.errors)
        if row.action is RowAction.SKIP:
            return skip_text(row)
        if row.action is RowAction.UPDATE:
            fields = "、".join(target_label(f) if f != "contacts" else self.tr("contact person") for f in row.changes)
            if row.same_as is not None:
                return self.tr("Adds to row {row}: {fields}").format(row=row.same_as, fields=fields)
            return self.tr("Changes {fields}").format(fields=fields)
        record = row.record
        amount = getattr(record, "amount", None)
        if amount is not None:
            return self.tr("{date}: {amount}").format(
                date=(getattr(record, "order_date", None) or getattr(record, "paid_date")).isoformat(),
                amount=format_money(amount, symbol=True))
        return self.tr("New customer")


def problem_text(preview: Preview, problem) -> str:
    """"手机号码: 不是有效的手机号码" — the file's header, then what is wrong."""
    header = preview.headers[problem.column] if problem.column is not None else None
    name = str(header).strip() if header not in (None, "") else target_label(problem.field)
    return QCoreApplication.translate("ImportWizard", "{column}: {problem}").format(
        column=name, problem=texts.error_text(problem.code, problem.params))


# ---------------------------------------------------------------- pages


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.path = QLineEdit()
        self.path.textChanged.connect(self.completeChanged)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[ImportKind | None, QRadioButton] = {}
        kinds_box = QVBoxLayout()
        for i, kind in enumerate((None, *ImportKind)):
            button = QRadioButton()
            self.kinds.addButton(button, i)
            self.kind_buttons[kind] = button
            kinds_box.addWidget(button)
        self.kind_buttons[None].setChecked(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.kind_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addSpacing(12)
        layout.addWidget(self.kind_label)
        layout.addLayout(kinds_box)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx, also as saved by WPS) or a CSV file (UTF-8 or GBK)."))
        self.browse.setText(self.tr("Browse…"))
        self.path.setPlaceholderText(self.tr("The ledger to import"))
        self.hint.setText(self.tr("Nothing is written until the last step, and an import can be reverted "
                                  "afterwards from File → Import history."))
        self.kind_label.setText(self.tr("The rows are:"))
        words = {
            None: self.tr("Work it out from the column headers"),
            ImportKind.CUSTOMERS: self.tr("Customers and their contact persons"),
            ImportKind.ORDERS: self.tr("Orders or shipments"),
            ImportKind.PAYMENTS: self.tr("Payments received"),
        }
        for kind, button in self.kind_buttons.items():
            button.setText(words[kind])

    def kind(self) -> ImportKind | None:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return None

    def _browse(self) -> None:
        start = self.path.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a ledger"), start, self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return os.path.isfile(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            self.w.sheets = importing.sheets_of(self.path.text().strip())
        except ReadError as e:
            QMessageBox.warning(self, self.tr("Import"), read_error_text(e))
            return False
        return True


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._read)
        self.status = QLabel()
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the sheet"))
        self.setSubTitle(self.tr("The first rows of the chosen sheet are shown below."))

    def initializePage(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for info in self.w.sheets:
            item = QListWidgetItem(info.name + (self.tr(" (hidden)") if info.hidden else ""))
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        first = next((i for i, s in enumerate(self.w.sheets) if not s.hidden), 0)
        self.list.setCurrentRow(first)
        self._read(first)

    def _read(self, index: int) -> None:
        if index < 0:
            return
        name = self.list.item(index).data(Qt.ItemDataRole.UserRole)
        self.w.sheet = None
        self.completeChanged.emit()
        self.status.setText(self.tr("Reading…"))
        path = self.w.path()
        self.w.session.run(lambda cf: importing.read_sheet(path, name), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ReadError):
            raise error
        self.status.setText(read_error_text(error))

    def _show(self, sheet: Sheet) -> None:
        self.w.sheet = sheet
        rows = sheet.rows[:PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(width)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem("" if cell is None else str(cell)))
        self.status.setText(self.tr("%n row(s)", "", len(sheet.rows)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.sheet is not None


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        self.header_row.setMaximumWidth(self.header_row.fontMetrics().horizontalAdvance("0000000") + 40)
        self.header_row.valueChanged.connect(self._header_moved)
        self.header_label = QLabel()
        self.kind_label = QLabel()
        form = QFormLayout()
        form.addRow(self.header_label, self.header_row)
        form.addRow(self.kind_label)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.missing = QLabel()
        self.missing.setStyleSheet("color: #b3261e")
        self.missing.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        self.combos: list[QComboBox] = []

    def retranslate(self) -> None:
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column of the sheet feeds one field. Corrections are remembered for "
                                 "the next file with the same headers."))
        self.header_label.setText(self.tr("Headers are in row:"))
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Examples"), self.tr("Imported as")])

    def initializePage(self) -> None:
        sheet = self.w.sheet
        self.w.layout_ = importing.guess_layout(self.w.session.gui, sheet, self.w.kind())
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(sheet.rows)))
        self.header_row.setValue(self.w.layout_.header_row + 1)
        self.header_row.blockSignals(False)
        self._fill()

    def _header_moved(self, value: int) -> None:
        layout = self.w.layout_
        self.w.layout_ = importing.guess_layout(self.w.session.gui, self.w.sheet, layout.kind, value - 1)
        self._fill()

    def _fill(self) -> None:
        layout, sheet = self.w.layout_, self.w.sheet
        kinds = {
            ImportKind.CUSTOMERS: self.tr("Importing customers."),
            ImportKind.ORDERS: self.tr("Importing orders."),
            ImportKind.PAYMENTS: self.tr("Importing payments."),
        }
        self.kind_label.setText(kinds[layout.kind])
        data = sheet.rows[layout.header_row + 1:]
        self.table.setRowCount(len(layout.headers))
        self.combos = []
        targets = TARGETS[layout.kind]
        for column, (header, target) in enumerate(zip(layout.headers, layout.mapping)):
            self.table.setItem(column, 0, QTableWidgetItem(_column_name(column, header)))
            samples = [r[column] for r in data if column < len(r) and r[column] not in (None, "")][:SAMPLES]
            self.table.setItem(column, 1, QTableWidgetItem("  |  ".join(str(s) for s in samples)))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for t in targets:
                combo.addItem(target_label(t.key), t.key)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 230)
        self._changed()

    def mapping(self) -> list[str | None]:
        return [c.currentData() for c in self.combos]

    def _changed(self) -> None:
        layout = self.w.layout_
        self.w.layout_ = Layout(layout.kind, layout.header_row, layout.headers, self.mapping())
        missing = self.w.layout_.missing
        targets = TARGETS_BY_KEY[layout.kind]
        self.missing.setText(
            self.tr("Still needed: {fields}").format(
                fields="、".join(" / ".join(target_label(targets[k].key) for k in sorted(need)) for need in missing))
            if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.layout_ is not None and not self.w.layout_.missing


def _column_name(index: int, header: object) -> str:
    letters, n = "", index + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return f"{letters}  {'' if header is None else str(header).strip()}"


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.currentIndexChanged.connect(self._filter)
        self.save_errors = QPushButton()
        self.save_errors.clicked.connect(self._save_errors)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.filter_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.save_errors)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.setCommitPage(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet. Rows with errors are left out; fix them in the "
                                 "sheet and import it again: rows already imported are skipped."))
        self.filter_label.setText(self.tr("Show:"))
        self.save_errors.setText(self.tr("Save the errors as .xlsx…"))
        current = self.filter.currentIndex()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All rows"), None)
        for action in RowAction:
            self.filter.addItem(self.model.action_text(action), action.value)
        self.filter.setCurrentIndex(max(0, current))
        self.filter.blockSignals(False)

    def initializePage(self) -> None:
        self.w.preview = None
        self.model.set_preview(None)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, len(self.w.sheet.rows) - self.w.layout_.header_row - 1))
        self.progress.setValue(0)
        self.summary.setText(self.tr("Checking every row…"))
        self.save_errors.setEnabled(False)
        importing.remember_layout(self.w.session.gui, self.w.layout_)
        sheet, layout, today, source = self.w.sheet, self.w.layout_, self.w.today, Path(self.w.path()).name
        progress = Progress(self)
        progress.step.connect(self.progress.setValue)
        self.w.session.run(
            lambda cf: importing.preview(cf, sheet, layout, today, source=source, progress=progress.report),
            self._show)
        self.completeChanged.emit()

    def _show(self, preview: Preview) -> None:
        self.w.preview = preview
        self.progress.setVisible(False)
        self._filter()
        c = {a: preview.count(a) for a in RowAction}
        error_rows = c[RowAction.ERROR]
        self.summary.setText(self.tr(
            "{rows} rows: {new} new, {updates} updates, {skipped} skipped, {errors} with errors."
        ).format(rows=len(preview.rows), new=c[RowAction.CREATE], updates=c[RowAction.UPDATE],
                 skipped=c[RowAction.SKIP], errors=error_rows))
        self.save_errors.setEnabled(error_rows > 0)
        if error_rows and self.filter.currentIndex() == 0:
            self.filter.setCurrentIndex(self.filter.findData(RowAction.ERROR.value))
        writes = c[RowAction.CREATE] + c[RowAction.UPDATE]
        self.w.setButtonText(QWizard.WizardButton.FinishButton,
                             self.tr("Import %n row(s)", "", writes) if writes else self.tr("Close"))
        self.completeChanged.emit()

    def _filter(self) -> None:
        self.model.set_preview(self.w.preview, self.filter.currentData())
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(PreviewColumn.NAME, min(self.view.columnWidth(PreviewColumn.NAME), 220))

    def isComplete(self) -> bool:
        return self.w.preview is not None and not self.w.busy

    def _save_errors(self) -> None:
        preview = self.w.preview
        default = str(Path(self.w.path()).with_name(Path(self.w.path()).stem + self.tr("-errors") + ".xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the errors"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        save_error_report(preview, Path(path))

    def validatePage(self) -> bool:
        if self.w.report is not None:
            return True  # written: QWizard.done() validates once more on the way out
        preview = self.w.preview
        if preview is None or self.w.busy:
            return False
        if not (preview.count(RowAction.CREATE) or preview.count(RowAction.UPDATE)):
            return True
        self.w.commit()
        return False  # the wizard closes itself once the rows are written


def save_error_report(preview: Preview, path: Path) -> int:
    """Row, column, value and problem of every error, as an .xlsx the user can fix the sheet from."""
    columns = (
        Column(QCoreApplication.translate("ImportWizard", "Row"), width=8),
        Column(QCoreApplication.translate("ImportWizard", "Column"), width=18),
        Column(QCoreApplication.translate("ImportWizard", "Problem"), width=70),
    )
    rows = []
    for row in preview.rows:
        for problem in row.errors:
            header = preview.headers[problem.column] if problem.column is not None else ""
            rows.append((str(row.number), "" if header is None else str(header),
                         texts.error_text(problem.code, problem.params)))
    return write_xlsx(path, [Table(QCoreApplication.translate("ImportWizard", "Errors"), columns, rows)])


# ---------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    imported = Signal(int)  # the import's operation id, once written

    def __init__(self, session: FileSession, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.today = session, today
        self.sheets: list[SheetInfo] = []
        self.sheet: Sheet | None = None
        self.layout_: Layout | None = None
        self.preview: Preview | None = None
        self.report: ImportReport | None = None
        self.busy = False
        self._cancel = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.resize(860, 620)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a ledger"))
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.preview_page):
            page.retranslate()

    def path(self) -> str:
        return self.file_page.path.text().strip()

    def kind(self) -> ImportKind | None:
        return self.file_page.kind()

    def commit(self) -> None:
        """Write the previewed rows on the worker; Cancel in the progress dialog rolls everything back."""
        from PySide6.QtWidgets import QProgressDialog

        preview = self.preview
        total = preview.count(RowAction.CREATE) + preview.count(RowAction.UPDATE)
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, max(total, 1), self)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self._cancel = False
        dialog.canceled.connect(self._cancelled)
        progress = Progress(self)
        progress.step.connect(lambda n: dialog.setValue(min(n, dialog.maximum())))

        def step(done: int) -> None:
            if self._cancel:
                raise Cancelled()
            progress.report(done)

        def done(report: ImportReport) -> None:
            self.busy = False
            dialog.reset()
            self.report = report
            QMessageBox.information(self, self.tr("Import"), self.tr(
                "Imported: {created} new, {updated} updated.\n\nIt can be reverted as a whole from "
                "File → Import history.").format(created=report.created, updated=report.updated))
            if report.operation_id is not None:
                self.imported.emit(report.operation_id)
            self.accept()

        def failed(error: BaseException) -> None:
            self.busy = False
            dialog.reset()
            self.preview_page.completeChanged.emit()
            if isinstance(error, Cancelled):
                QMessageBox.information(self, self.tr("Import"), self.tr("Cancelled: nothing was imported."))
            elif isinstance(error, WriteError):
                QMessageBox.warning(self, self.tr("Import"), self.tr(
                    "The import could not be written; nothing was changed.\n\n{detail}").format(
                        detail=texts.error_text(error.problem, {"detail": error.detail})))
            else:
                raise error

        self.busy = True
        self.preview_page.completeChanged.emit()
        self.session.run(lambda cf: importing.commit(cf, preview, step), done, failed)

    def _cancelled(self) -> None:
        self._cancel = True
