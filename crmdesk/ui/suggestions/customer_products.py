"""CustomerProductsWidget: "Products people like them buy", for the customer detail.

The products a customer has not bought, best first (domain.cross_sell: scored
as the customer would be as a candidate of each), with the buyers of each, the
score and why.  Put it in the detail panel and call ``show_customer(id)`` when
the customer shown changes (None clears it):

    widget = CustomerProductsWidget(SuggestionsAccess(session.gui, today), parent)
    widget.show_customer(customer_id)
    widget.product_activated.connect(lambda product: ...)  # e.g. open SuggestionsDialog(product=product)

The profiles are read once per SuggestionsAccess and again only after the
file changed (about a second on 100,000 customers, milliseconds on a few
thousand); after that each customer takes a few milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from crmdesk.ui.customer_detail.ledger_widgets import fit_columns, setup_table
from crmdesk.ui.suggestions.suggestion_models import ProductColumn, ProductSuggestionModel
from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess

DEFAULT_LIMIT = 10
_HINT_STYLE = "color: #667085;"


class CustomerProductsWidget(QWidget):
    product_activated = Signal(str)  # a product double-clicked, or Enter on it
    shown = Signal(int)  # the customer whose products are shown now, after show_customer

    def __init__(self, access: SuggestionsAccess, parent: QWidget | None = None, *,
                 limit: int = DEFAULT_LIMIT) -> None:
        super().__init__(parent)
        self.setObjectName("customer_products")
        self._access = access
        self._limit = limit
        self._customer_id: int | None = None
        self.title = QLabel(self)
        self.title.setObjectName("customer_products_title")
        self.model = ProductSuggestionModel(self)
        self.view = QTableView(self)
        setup_table(self.view, self.model, "customer_products_table")
        self.view.activated.connect(self._activated)  # a double-click, or Enter
        self.empty = QLabel(self)
        self.empty.setObjectName("customer_products_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(_HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.retranslate()
        self._update_empty()

    def set_access(self, access: SuggestionsAccess) -> None:
        """Another file (or the same one again): shown again when next asked."""
        self._access = access
        self._customer_id = None
        self.model.set_rows(())
        self._update_empty()

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def show_customer(self, customer_id: int | None) -> None:
        """The products to offer this customer (None: nobody, an empty list)."""
        self._customer_id = customer_id
        rows = () if customer_id is None else self._access.products_for(customer_id, self._limit)
        self.model.set_rows(rows)
        if rows:
            fit_columns(self.view, {ProductColumn.PRODUCT: 220, ProductColumn.WHY: 480})
        self._update_empty()
        if customer_id is not None:
            self.shown.emit(customer_id)

    def _activated(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.product_activated.emit(row.product)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty and self._customer_id is not None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Products people like them buy"))
        self.title.setToolTip(self.tr(
            "Products this customer has not bought, ranked by how much it resembles their buyers: the same "
            "industry, region and tier, and the products bought together."))
        self.empty.setText(self.tr("No product to suggest: no buyer of another product resembles this customer."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
