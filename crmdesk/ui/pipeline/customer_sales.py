"""A customer's sales section: its opportunities (业务机会) and the products people like it buy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import format_money
from crmdesk.domain.pipeline import Opportunity
from crmdesk.ui.pipeline.opportunity_dialog import OpportunityDialog
from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
from crmdesk.ui.pipeline.pipeline_texts import stage_text
from crmdesk.ui.suggestions.customer_products import CustomerProductsWidget
from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess

ID_ROLE = Qt.ItemDataRole.UserRole


class CustomerSalesTab(QWidget):
    """Read when shown: the products need every buyer's profile, which a big file reads in a second."""

    changed = Signal(int)  # an opportunity of this customer was saved
    suggest_product = Signal(str)  # show the customers like this product's buyers

    def __init__(self, pipeline: PipelineAccess, suggestions: SuggestionsAccess,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_sales_tab")
        self._pipeline = pipeline
        self._customer_id: int | None = None
        self._opportunities: list[Opportunity] = []
        self.title = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("customer_sales_new")
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("customer_opportunities")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda item: self.edit(self._opportunities[item.row()]))
        self.products = CustomerProductsWidget(suggestions, self)
        self.products.product_activated.connect(self.suggest_product)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.products, 1)
        self.retranslate()

    def set_access(self, pipeline: PipelineAccess, suggestions: SuggestionsAccess) -> None:
        self._pipeline = pipeline
        self.products.set_access(suggestions)
        self.show_customer(self._customer_id)

    def show_customer(self, customer_id: int | None) -> None:
        self._customer_id = customer_id
        self._opportunities = [] if customer_id is None else self._pipeline.opportunities_of(customer_id)
        stages = self._pipeline.stages() if self._opportunities else None  # the file may be closing: None
        self.table.setRowCount(len(self._opportunities))
        for row, opp in enumerate(self._opportunities):
            stage = stages.by_key.get(opp.stage)
            cells = (opp.title, stage_text(stage) if stage else opp.stage, format_money(opp.amount, symbol=True),
                     opp.expected_close.isoformat() if opp.expected_close else "", opp.owner or "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.new_button.setEnabled(customer_id is not None and not self._pipeline.read_only)
        if customer_id is None:
            self.products.show_customer(None)
            return
        if self.isVisible():
            self.products.show_customer(customer_id)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.products.customer_id != self._customer_id:
            self.products.show_customer(self._customer_id)

    def edit(self, opp: Opportunity | None) -> OpportunityDialog | None:
        if self._customer_id is None:
            return None
        dialog = OpportunityDialog(self._pipeline, opp, customer_id=self._customer_id, parent=self)
        dialog.saved.connect(lambda saved: (self.show_customer(self._customer_id), self.changed.emit(saved.customer_id)))
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.title.setText(self.tr("Opportunities (move them on the board: Sales → Sales pipeline)"))
        self.new_button.setText(self.tr("New opportunity…"))
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Stage"), self.tr("Expected amount"),
                                              self.tr("Expected close"), self.tr("Owner")])
        self.products.retranslate()
