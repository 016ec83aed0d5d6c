"""The pipeline window: opportunities as cards in a column per stage, and the funnel.

A card moves by dragging it to another column, or from the keyboard:
Ctrl+Right / Ctrl+Left to the next or previous stage, or "Move to…" (Ctrl+M)
for any.  Lost asks the reason; won offers to record the order, saved with
the move or not at all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import format_money
from crmdesk.domain.pipeline import Opportunity, Outcome, Stage
from crmdesk.storage.customer_file import WriteError
from crmdesk.storage.opportunities import BoardCard
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.orders_tab import OrderDialog
from crmdesk.ui.pipeline.opportunity_dialog import OpportunityDialog
from crmdesk.ui.pipeline.pipeline_access import PipelineAccess, WinningLedger
from crmdesk.ui.pipeline.pipeline_texts import stage_text
from crmdesk.ui.pipeline.stage_settings import StageSettingsDialog

ID_ROLE = Qt.ItemDataRole.UserRole
STUCK_BACKGROUND = QColor("#fdecea")
LARGE_BACKGROUND = QColor("#fff4de")
COLUMN_WIDTH = 230


def _money(fen: int) -> str:
    return format_money(fen, symbol=True)


class StageList(QListWidget):
    """One stage's cards; a card dropped here from another column asks to move there."""

    dropped = Signal(int, str)  # opportunity id, this stage's key

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"pipeline_stage_{key}")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if isinstance(event.source(), StageList):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if isinstance(event.source(), StageList) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        source = event.source()
        if not isinstance(source, StageList) or source is self or not source.selectedItems():
            event.ignore()
            return
        # The board is redrawn from the file after the move: Qt must not move the item itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.dropped.emit(int(source.selectedItems()[0].data(ID_ROLE)), self.key)


class StageColumn(QFrame):
    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"pipeline_column_{stage.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        self.title = QLabel()
        self.title.setObjectName(f"pipeline_title_{stage.key}")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QLabel()
        self.figures.setObjectName(f"pipeline_figures_{stage.key}")
        self.figures.setStyleSheet("color: palette(placeholder-text);")
        self.list = StageList(stage.key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.list, 1)
        colour = {Outcome.WON: "#4caf73", Outcome.LOST: "#8a8f98"}.get(stage.outcome, "#2f6db5")
        self.title.setStyleSheet(f"color: {colour};")


class PipelineWindow(QWidget):
    """The board and the funnel, with the owner filter and the open pipeline's figures on top."""

    open_customer = Signal(int)
    changed = Signal(int)  # a customer's opportunity was saved: its list row, alerts and ledger may change

    def __init__(self, access: PipelineAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipeline_window")
        self._access = access
        self._cards: dict[int, BoardCard] = {}
        self.columns: dict[str, StageColumn] = {}

        self.new_button = QPushButton()
        self.new_button.setObjectName("pipeline_new")
        self.new_button.clicked.connect(lambda: self.new_opportunity())
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("pipeline_owner_filter")
        self.owner_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.owner_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = QLineEdit()
        self.search.setObjectName("pipeline_search")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(lambda _t: self._fill_board())
        self.summary = QLabel()
        self.summary.setObjectName("pipeline_summary")
        self.owner_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addSpacing(12)
        top.addWidget(self.owner_label)
        top.addWidget(self.owner_filter)
        top.addWidget(self.search)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("pipeline_settings")
        self.settings_button.clicked.connect(self.edit_settings)
        top.addWidget(self.settings_button)

        self.board = QWidget()
        self.board.setObjectName("pipeline_board")
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.board_layout.setSpacing(8)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.board)
        self.hint = QLabel()
        self.hint.setObjectName("pipeline_hint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        board_page = QWidget()
        board_box = QVBoxLayout(board_page)
        board_box.setContentsMargins(0, 6, 0, 0)
        board_box.addWidget(self.scroll, 1)
        board_box.addWidget(self.hint)

        self.funnel_canvas = None  # matplotlib is imported when the funnel is first shown
        self.funnel_table = QTableWidget(0, 5)
        self.funnel_table.setObjectName("pipeline_funnel_table")
        self.funnel_table.verticalHeader().hide()
        self.funnel_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.funnel_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.funnel_table.horizontalHeader().setStretchLastSection(True)
        self.funnel_page = QWidget()
        self.funnel_box = QVBoxLayout(self.funnel_page)
        self.funnel_box.setContentsMargins(0, 6, 0, 0)
        self.funnel_box.addWidget(self.funnel_table)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("pipeline_tabs")
        self.tabs.addTab(board_page, "")
        self.tabs.addTab(self.funnel_page, "")
        self.tabs.currentChanged.connect(lambda _i: self._fill_funnel())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._actions()
        self.retranslate()
        self.set_access(access)

    # -- actions

    def _actions(self) -> None:
        def action(name: str, keys, slot) -> QAction:
            a = QAction(self)
            a.setObjectName(name)
            a.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.act_new = action("pipeline_act_new", QKeySequence.StandardKey.New, lambda: self.new_opportunity())
        self.act_edit = action("pipeline_act_edit", [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
                               self.edit_current)
        self.act_next = action("pipeline_act_next", "Ctrl+Right", lambda: self.move_current(+1))
        self.act_previous = action("pipeline_act_previous", "Ctrl+Left", lambda: self.move_current(-1))
        self.act_move = action("pipeline_act_move", "Ctrl+M", self.choose_stage)
        self.act_customer = action("pipeline_act_customer", "Ctrl+O", self.open_current_customer)
        self.act_delete = action("pipeline_act_delete", QKeySequence.StandardKey.Delete, self.delete_current)

    # -- contents

    def set_access(self, access: PipelineAccess) -> None:
        self._access = access
        owner = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("Everyone"), None)
        for name in access.owners():
            self.owner_filter.addItem(name, name)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(owner)))
        self.owner_filter.blockSignals(False)
        self.new_button.setEnabled(not access.read_only)
        self._build_columns()
        self.reload()

    def refresh(self) -> None:
        """Read the file again, the stages and owners too."""
        self.set_access(self._access)

    def _build_columns(self) -> None:
        for column in self.columns.values():
            column.setParent(None)
            column.deleteLater()
        self.columns = {}
        while self.board_layout.count():
            self.board_layout.takeAt(0)
        for stage in self._access.stages().all:
            column = StageColumn(stage, self.board)
            column.list.dropped.connect(self._dropped)
            column.list.itemDoubleClicked.connect(lambda _item: self.edit_current())
            column.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.list.customContextMenuRequested.connect(
                lambda pos, lst=column.list: self._context_menu(lst, pos))
            column.list.setDragEnabled(not self._access.read_only)
            self.board_layout.addWidget(column)
            self.columns[stage.key] = column
        self.board_layout.addStretch(1)

    def owner(self) -> str | None:
        return self.owner_filter.currentData()

    def reload(self) -> None:
        """Read the file again: the cards, the columns' figures, the summary (and the funnel if shown)."""
        self._cards = {card.opportunity.id: card for card in self._access.cards()}
        totals = self._access.totals(self.owner())
        for line in totals.lines:
            column = self.columns.get(line.stage.key)
            if column is None:
                continue
            column.title.setText(f"{stage_text(line.stage)} · {line.stage.probability}%")
            figures = self.tr("%1 · %2").replace("%1", str(line.count)).replace("%2", _money(line.amount))
            if line.stage.is_open:
                figures += "\n" + self.tr("Weighted %1").replace("%1", _money(line.weighted))
            column.figures.setText(figures)
        self.summary.setText(
            self.tr("Open: %1 opportunities, %2; weighted pipeline %3")
            .replace("%1", str(totals.open_count)).replace("%2", _money(totals.open_amount))
            .replace("%3", _money(totals.weighted_pipeline)))
        self._fill_board()
        self._fill_funnel()

    def _fill_board(self) -> None:
        rules, today = self._access.rules(), self._access.today
        owner, needle = self.owner(), self.search.text().strip().lower()
        selected = self.current_opportunity()
        for column in self.columns.values():
            column.list.clear()
        for card in self._cards.values():
            opp = card.opportunity
            column = self.columns.get(opp.stage)
            if column is None or (owner is not None and opp.owner != owner):
                continue
            if needle and needle not in f"{opp.title} {card.name} {card.code} {opp.product or ''}".lower():
                continue
            days = (today - opp.stage_since).days
            lines = [opp.title, f"{card.name}", f"{_money(opp.amount)}" + (f" · {opp.owner}" if opp.owner else "")]
            if column.stage.is_open:
                lines.append(self.tr("%1 days in this stage").replace("%1", str(days)))
            elif column.stage.outcome is Outcome.LOST and opp.lost_reason:
                lines.append(opp.lost_reason)
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, opp.id)
            tips = [f"{card.code} {card.name}", opp.title]
            if opp.expected_close:
                tips.append(self.tr("Expected close %1").replace("%1", opp.expected_close.isoformat()))
            if column.stage.is_open and rules.is_stuck(opp.stage_since, today):
                item.setBackground(QBrush(STUCK_BACKGROUND))
                tips.append(self.tr("No move for %1 days (more than %2)").replace("%1", str(days))
                            .replace("%2", str(rules.stuck_days)))
            elif column.stage.is_open and rules.is_large(opp.amount):
                item.setBackground(QBrush(LARGE_BACKGROUND))
                tips.append(self.tr("Large deal: %1 or more").replace("%1", _money(rules.large_deal)))
            item.setToolTip("\n".join(tips))
            column.list.addItem(item)
        if selected is not None:
            self.select(selected.id)

    def _fill_funnel(self) -> None:
        if self.tabs.currentWidget() is not self.funnel_page:
            return
        data = self._access.funnel(self.owner())
        if self.funnel_canvas is None:
            from crmdesk.ui.charts.chart_canvas import ChartCanvas

            self.funnel_canvas = ChartCanvas(self.funnel_page)
            self.funnel_canvas.setObjectName("pipeline_funnel_chart")
            self.funnel_box.insertWidget(0, self.funnel_canvas, 1)
        from crmdesk.ui.charts.drawings import draw_funnel

        self.funnel_canvas.show_chart(lambda fig: draw_funnel(fig, data))
        self.funnel_table.setRowCount(len(data.steps))
        for row, step in enumerate(data.steps):
            cells = (
                stage_text(step.stage),
                str(step.reached),
                _money(step.amount),
                "" if step.conversion is None else f"{float(step.conversion) * 100:.1f}%",
                "" if step.average_days is None or not step.stage.is_open
                else self.tr("%1 (%2 stays)").replace("%1", f"{float(step.average_days):.1f}")
                .replace("%2", str(step.stays)),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.funnel_table.setItem(row, col, item)
        self.funnel_table.setFixedHeight(self.funnel_table.horizontalHeader().height()
                                         + sum(self.funnel_table.rowHeight(r) for r in range(len(data.steps))) + 4)

    # -- the current card

    def current_list(self) -> StageList | None:
        widget = self.focusWidget()
        if isinstance(widget, StageList):
            return widget
        return next((c.list for c in self.columns.values() if c.list.selectedItems()), None)

    def current_opportunity(self) -> Opportunity | None:
        lst = self.current_list()
        if lst is None or not lst.selectedItems():
            return None
        card = self._cards.get(int(lst.selectedItems()[0].data(ID_ROLE)))
        return card.opportunity if card else None

    def select(self, opportunity_id: int) -> bool:
        for column in self.columns.values():
            for row in range(column.list.count()):
                item = column.list.item(row)
                if item.data(ID_ROLE) == opportunity_id:
                    for other in self.columns.values():
                        other.list.clearSelection()
                    column.list.setCurrentItem(item)
                    item.setSelected(True)
                    column.list.setFocus()
                    return True
        return False

    def card_texts(self, stage: str) -> list[str]:
        """What a column shows, card by card (for tests and screen readers)."""
        lst = self.columns[stage].list
        return [lst.item(row).text() for row in range(lst.count())]

    # -- doing things

    def new_opportunity(self, customer_id: int | None = None) -> OpportunityDialog | None:
        if self._access.read_only:
            return None
        dialog = OpportunityDialog(self._access, customer_id=customer_id, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def edit_current(self) -> None:
        opp = self.current_opportunity()
        if opp is None:
            return
        dialog = OpportunityDialog(self._access, opp, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, opp: Opportunity) -> None:
        self.changed.emit(opp.customer_id)
        self.refresh()  # a new owner joins the filter
        self.select(opp.id)

    def move_current(self, step: int) -> None:
        opp = self.current_opportunity()
        if opp is None:
            return
        keys = [s.key for s in self._access.stages().all]
        index = keys.index(opp.stage) + step if opp.stage in keys else -1
        if 0 <= index < len(keys):
            self.move(opp.id, keys[index])

    def choose_stage(self) -> None:
        opp = self.current_opportunity()
        if opp is None:
            return
        stages = [s for s in self._access.stages().all if s.key != opp.stage]
        names = [stage_text(s) for s in stages]
        name, ok = QInputDialog.getItem(self, self.tr("Move to stage"), opp.title, names, 0, False)
        if ok:
            self.move(opp.id, stages[names.index(name)].key)

    def _dropped(self, opportunity_id: int, stage: str) -> None:
        self.move(opportunity_id, stage)

    def move(self, opportunity_id: int, stage: str) -> bool:
        """Move one opportunity, asking what the target stage needs (a reason, the order)."""
        card = self._cards.get(opportunity_id)
        if card is None or self._access.read_only or card.opportunity.stage == stage:
            return False
        opp = card.opportunity
        stages = self._access.stages()
        target = stages.by_key[stage]
        if target.outcome is Outcome.LOST:
            ask = QInputDialog(self)
            ask.setObjectName("pipeline_lost_reason")
            ask.setWindowTitle(self.tr("Lost"))
            ask.setLabelText(self.tr("Why was %1 lost? (price, competitor, timing …)").replace("%1", opp.title))
            if not ask.exec():
                return False
            reason = ask.textValue()
            if not reason.strip():
                QMessageBox.information(self, self.tr("Lost"), self.tr("A lost opportunity needs its reason."))
                return False
            return self._moved(lambda: self._access.move(opp, stage, lost_reason=reason))
        if target.outcome is Outcome.WON and opp.order_id is None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Won"),
                              self.tr("%1 is won. Record its order in the ledger now?").replace("%1", opp.title),
                              QMessageBox.StandardButton.Cancel, self)
            box.setObjectName("pipeline_won_question")
            record = box.addButton(self.tr("Record the order…"), QMessageBox.ButtonRole.AcceptRole)
            without = box.addButton(self.tr("Won, no order yet"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(record)
            box.exec()
            if box.clickedButton() is record:
                return self._win_with_order(opp, stage)
            if box.clickedButton() is not without:
                return False
        return self._moved(lambda: self._access.move(opp, stage))

    def _win_with_order(self, opp: Opportunity, stage: str) -> bool:
        ledger = WinningLedger(self._access, opp, stage)
        # OrderDialog checks and words it like any order; WinningLedger saves it with the move.
        dialog = OrderDialog(ledger, opp.customer_id, self._access.proposed_order(opp), parent=self)
        dialog.setObjectName("pipeline_won_order_dialog")
        dialog.setWindowTitle(self.tr("Won: record the order"))
        if dialog.exec() and ledger.moved is not None:
            self._after_move(ledger.moved)
            return True
        return False

    def _moved(self, call) -> bool:
        try:
            saved = call()
        except WriteError as e:
            QMessageBox.warning(self, self.tr("Not moved"), texts.error_text(e.problem, {"detail": e.detail}))
            self.reload()
            return False
        if saved.opportunity is None:
            QMessageBox.warning(self, self.tr("Not moved"), "\n".join(
                texts.error_text(error.code, error.params) for error in saved.errors))
            return False
        self._after_move(saved.opportunity)
        return True

    def _after_move(self, opp: Opportunity) -> None:
        self.changed.emit(opp.customer_id)
        self.reload()
        self.select(opp.id)

    def delete_current(self) -> None:
        opp = self.current_opportunity()
        if opp is None or self._access.read_only:
            return
        answer = QMessageBox.question(self, self.tr("Delete opportunity"),
                                      self.tr("Delete the opportunity %1? Its order, if any, stays in the ledger.")
                                      .replace("%1", opp.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._access.delete(opp)
        except WriteError as e:
            QMessageBox.warning(self, self.tr("Not deleted"), texts.error_text(e.problem, {"detail": e.detail}))
        self.changed.emit(opp.customer_id)
        self.reload()

    def edit_settings(self) -> StageSettingsDialog:
        dialog = StageSettingsDialog(self._access, self)
        dialog.accepted.connect(self.refresh)  # the columns follow the stages
        dialog.open()
        return dialog

    def open_current_customer(self) -> None:
        opp = self.current_opportunity()
        if opp is not None:
            self.open_customer.emit(opp.customer_id)

    def _context_menu(self, lst: StageList, pos) -> None:
        item = lst.itemAt(pos)
        if item is None:
            return
        lst.setCurrentItem(item)
        menu = QMenu(self)
        for a in (self.act_edit, self.act_next, self.act_previous, self.act_move, self.act_customer, self.act_delete):
            menu.addAction(a)
        menu.exec(lst.viewport().mapToGlobal(pos))

    # -- words

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New opportunity…"))
        self.new_button.setToolTip(self.tr("Add an opportunity (Ctrl+N)"))
        self.owner_label.setText(self.tr("Owner"))
        self.settings_button.setText(self.tr("Stages and reminders…"))
        self.search.setPlaceholderText(self.tr("Find a card"))
        self.tabs.setTabText(0, self.tr("Board"))
        self.tabs.setTabText(1, self.tr("Funnel"))
        self.hint.setText(self.tr("Drag a card to another stage, or select it and press Ctrl+→ / Ctrl+← "
                                  "(Ctrl+M: any stage; Enter: edit; Ctrl+O: open the customer)."))
        self.funnel_table.setHorizontalHeaderLabels([
            self.tr("Stage"), self.tr("Reached"), self.tr("Amount"), self.tr("On to the next stage"),
            self.tr("Average days in the stage"),
        ])
        names = {"pipeline_act_new": self.tr("New opportunity…"), "pipeline_act_edit": self.tr("Edit…"),
                 "pipeline_act_next": self.tr("Next stage"), "pipeline_act_previous": self.tr("Previous stage"),
                 "pipeline_act_move": self.tr("Move to stage…"), "pipeline_act_customer": self.tr("Open customer"),
                 "pipeline_act_delete": self.tr("Delete…")}
        for a in self.actions():
            a.setText(names.get(a.objectName(), a.text()))

