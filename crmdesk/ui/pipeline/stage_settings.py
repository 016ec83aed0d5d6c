"""The file's pipeline settings: its stages with their win probabilities, and when a deal is large or stuck."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import MAX_FEN, MoneyError, format_money, parse_money
from crmdesk.domain.pipeline import MAX_STAGES, PipelineRules, Stage, Stages, new_stage_key, stage_problems
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE
from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
from crmdesk.ui.pipeline.pipeline_texts import outcome_text, stage_problem_text, stage_text

NAME, PROBABILITY, OUTCOME = range(3)


class StageSettingsDialog(QDialog):
    """Rename, add, remove and reorder the open stages and set their probabilities; won and lost stay last."""

    def __init__(self, access: PipelineAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage_settings")
        self._access = access
        stages = access.stages()
        self._stages = list(stages.all)  # keys and outcomes; names and probabilities live in the table
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("stage_table")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(PROBABILITY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        for name, button in (("add", self.add_button), ("remove", self.remove_button), ("up", self.up_button),
                             ("down", self.down_button)):
            button.setObjectName(f"stage_{name}")
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button.clicked.connect(self.remove_stage)
        self.up_button.clicked.connect(lambda: self.shift(-1))
        self.down_button.clicked.connect(lambda: self.shift(+1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        rules = access.rules()
        self.large_deal = QLineEdit(format_money(rules.large_deal))
        self.large_deal.setObjectName("stage_large_deal")
        self.large_deal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.large_deal.setMaximumWidth(180)
        self.stuck_days = QSpinBox()
        self.stuck_days.setObjectName("stage_stuck_days")
        self.stuck_days.setRange(*PipelineRules.STUCK_RANGE)
        self.stuck_days.setValue(rules.stuck_days)
        self.form = QFormLayout()
        self.large_label, self.stuck_label = QLabel(), QLabel()
        self.form.addRow(self.large_label, self.large_deal)
        self.form.addRow(self.stuck_label, self.stuck_days)

        self.error = QLabel()
        self.error.setObjectName("stage_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not access.read_only)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.box)
        self._fill()
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())
        self.retranslate()
        self.resize(560, 480)

    # -- the table

    def _fill(self) -> None:
        self.table.setRowCount(len(self._stages))
        for row, stage in enumerate(self._stages):
            name = QTableWidgetItem(stage_text(stage))
            probability = QTableWidgetItem(str(stage.probability))
            outcome = QTableWidgetItem(outcome_text(stage.outcome))
            probability.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            outcome.setFlags(outcome.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if not stage.is_open:  # won is 100%, lost 0%: by definition
                probability.setFlags(probability.flags() & ~Qt.ItemFlag.ItemIsEditable)
            for col, item in enumerate((name, probability, outcome)):
                self.table.setItem(row, col, item)
        self._update_buttons()

    def stages_typed(self) -> tuple[list[Stage], list[str]]:
        """The stages as typed, and what is wrong with the table (words)."""
        result, problems = [], []
        for row, stage in enumerate(self._stages):
            name = self.table.item(row, NAME).text().strip()
            try:
                probability = int(self.table.item(row, PROBABILITY).text().strip().rstrip("%"))
            except ValueError:
                problems.append(self.tr("Row %1: the probability is a whole number from 0 to 100.")
                                .replace("%1", str(row + 1)))
                probability = -1
            # A default stage keeps no name of its own until it is renamed: it stays translated.
            own = "" if name == stage_text(Stage(stage.key, 0)) and not stage.name else name
            result.append(Stage(stage.key, probability, stage.outcome, own))
        if not problems:
            problems = [stage_problem_text(p) for p in stage_problems(result)]
        return result, problems

    def _open_rows(self) -> int:
        return sum(1 for s in self._stages if s.is_open)

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        is_open = 0 <= row < len(self._stages) and self._stages[row].is_open
        writable = not self._access.read_only
        self.add_button.setEnabled(writable and len(self._stages) < MAX_STAGES)
        self.remove_button.setEnabled(writable and is_open and self._open_rows() > 1)
        self.up_button.setEnabled(writable and is_open and row > 0)
        self.down_button.setEnabled(writable and is_open and row < self._open_rows() - 1)

    def _take_typed(self) -> None:
        typed, _problems = self.stages_typed()
        self._stages = [Stage(t.key, t.probability if t.probability >= 0 else s.probability, s.outcome, t.name)
                        for t, s in zip(typed, self._stages)]

    def add_stage(self) -> None:
        self._take_typed()
        key = new_stage_key("", (s.key for s in self._stages))
        at = self._open_rows()
        before = self._stages[at - 1].probability if at else 0
        self._stages.insert(at, Stage(key, min(95, before + 5), name=self.tr("New stage")))
        self._fill()
        self.table.setCurrentCell(at, NAME)
        self.table.editItem(self.table.item(at, NAME))

    def remove_stage(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self._stages)) or not self._stages[row].is_open:
            return
        held = self._access.count_in_stage(self._stages[row].key)
        if held:
            QMessageBox.information(self, self.tr("Stage in use"), self.tr(
                "%1 opportunities are in this stage. Move them to another stage first.").replace("%1", str(held)))
            return
        self._take_typed()
        del self._stages[row]
        self._fill()

    def shift(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if not (0 <= row < self._open_rows() and 0 <= target < self._open_rows()):
            return
        self._take_typed()
        self._stages[row], self._stages[target] = self._stages[target], self._stages[row]
        self._fill()
        self.table.setCurrentCell(target, NAME)

    # -- OK

    def accept(self) -> None:
        stages, problems = self.stages_typed()
        try:
            large = parse_money(self.large_deal.text())
            if not 0 < large <= MAX_FEN:
                raise MoneyError("amount_out_of_range")
        except MoneyError:
            problems.append(self.tr("The large-deal amount is an amount of money above zero, for example 50,000."))
            large = None
        if problems:
            self.error.setText("\n".join(problems))
            self.error.show()
            return
        try:
            self._access.set_settings(Stages(stages), PipelineRules(large, self.stuck_days.value()))
        except WriteError as e:
            self.error.setText(texts.error_text(e.problem, {"detail": e.detail}))
            self.error.show()
            return
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pipeline stages and reminders"))
        self.note.setText(self.tr("Open stages in the order deals go through them, each with its chance of "
                                  "winning; the weighted pipeline multiplies each deal by it. Won and lost "
                                  "always come last."))
        self.table.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Win probability (%)"), self.tr("Kind")])
        self.add_button.setText(self.tr("Add stage"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.large_label.setText(self.tr("Large deal from (yuan)"))
        self.stuck_label.setText(self.tr("Stuck after (days in one stage)"))
