"""SuggestionsDialog (交叉销售): for a product, the customers who resemble its buyers and have not
bought it, best first, each with why; then export the list, plan a follow-up per chosen customer,
or make them a campaign.

The product chooser lists every product with its buyers, most bought first;
typing filters it (any part of the name).  "Show the best" cuts the list.
The score and the reasons are domain.cross_sell's (same industry, province
and tier as the buyers, and the strongest product bought together, each only
as far as the buyers have it more often than the whole file); a row's
tooltip breaks its score down.  Lost customers are never suggested, nor any
customer who already bought the product.

Export… writes the list shown (.xlsx or .csv, atomically, as every export).
Plan follow-ups… and Make a campaign… act on the selected rows (Ctrl+A: all).
A double-click emits ``open_customer``.

The window opens it with profiles read on its worker, so the GUI does not wait:

    session.run(services.suggestions.load_cross_sell, lambda cs: SuggestionsDialog(
        SuggestionsAccess(session.gui, today, cross_sell=cs), window).exec())
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.cross_sell import ProductSuggestions
from crmdesk.services.exporting import ExportError
from crmdesk.ui.customer_detail.ledger_widgets import fit_columns, setup_table
from crmdesk.ui.suggestions.action_dialogs import MakeCampaignDialog, PlanFollowUpsDialog
from crmdesk.ui.suggestions.suggestion_models import CustomerColumn, CustomerSuggestionModel
from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess

DEFAULT_LIMIT = 100
MAX_LIMIT = 100_000
_HINT_STYLE = "color: #667085;"
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class SuggestionsDialog(QDialog):
    open_customer = Signal(int)  # a row double-clicked: the customer's id
    follow_ups_planned = Signal(int)  # how many follow-ups were stored (the calendar and today list change)
    campaign_created = Signal(int)  # the new campaign's id
    exported = Signal(str)  # the file written

    def __init__(self, access: SuggestionsAccess, parent: QWidget | None = None, *, product: str | None = None,
                 limit: int = DEFAULT_LIMIT, chinese: bool | None = None) -> None:
        """``product``: the one to show first (default: the most bought); ``chinese``: the export's
        language (None: the application's)."""
        super().__init__(parent)
        self.setObjectName("suggestions_dialog")
        self._access = access
        self.chinese = QLocale().language() == QLocale.Language.Chinese if chinese is None else chinese
        self.found: ProductSuggestions | None = None
        self._products = access.products()
        self._product: str | None = None
        self._unknown: str | None = None  # a product asked for that nobody bought

        self.product_label = QLabel(self)
        self.product_combo = QComboBox(self)
        self.product_combo.setObjectName("suggestions_product")
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product_combo.setMinimumContentsLength(28)
        self.product_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = self.product_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.product_label.setBuddy(self.product_combo)
        self.limit_label = QLabel(self)
        self.limit = QSpinBox(self)
        self.limit.setObjectName("suggestions_limit")
        self.limit.setRange(1, MAX_LIMIT)
        self.limit.setValue(max(1, min(limit, MAX_LIMIT)))
        self.limit.setGroupSeparatorShown(True)
        self.limit.setKeyboardTracking(False)  # typed 500 ranks once (on Enter or leaving), not for 5, 50, 500
        self.limit_label.setBuddy(self.limit)

        self.status = QLabel(self)
        self.status.setObjectName("suggestions_status")
        self.status.setWordWrap(True)
        self.model = CustomerSuggestionModel(self)
        self.view = QTableView(self)
        setup_table(self.view, self.model, "suggestions_table")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(_HINT_STYLE)
        self.done_line = QLabel(self)
        self.done_line.setObjectName("suggestions_done")
        self.done_line.setWordWrap(True)

        self.export_button = QPushButton(self)
        self.export_button.setObjectName("suggestions_export")
        self.export_button.clicked.connect(self.start_export)
        self.follow_up_button = QPushButton(self)
        self.follow_up_button.setObjectName("suggestions_follow_ups")
        self.follow_up_button.clicked.connect(self.plan_follow_ups)
        self.campaign_button = QPushButton(self)
        self.campaign_button.setObjectName("suggestions_campaign")
        self.campaign_button.clicked.connect(self.make_campaign)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the product chooser: no button may take it (a QDialog's first button would).
        for button in (self.export_button, self.follow_up_button, self.campaign_button, *buttons.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.product_label)
        top.addWidget(self.product_combo, 1)
        top.addSpacing(16)
        top.addWidget(self.limit_label)
        top.addWidget(self.limit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.follow_up_button)
        bottom.addWidget(self.campaign_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.done_line)
        layout.addLayout(bottom)
        self.resize(1100, 620)

        self._fill_products()
        self.retranslate()
        self.product_combo.activated.connect(self._product_activated)
        self.product_combo.lineEdit().returnPressed.connect(self._product_typed)
        self.limit.valueChanged.connect(lambda _value: self.refresh())
        first = product if product is not None else (self._products[0][0] if self._products else None)
        if first is not None:
            self.choose_product(first)
        else:
            self._update_status()
            self._update_buttons()

    # -- the product

    def _item_text(self, product: str, buyers: int) -> str:
        return self.tr("%1 (%n buyer(s))", "", buyers).replace("%1", product)

    def _fill_products(self) -> None:
        combo = self.product_combo
        combo.blockSignals(True)
        combo.clear()
        for product, buyers in self._products:
            combo.addItem(self._item_text(product, buyers), product)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)

    @property
    def product(self) -> str | None:
        """The product shown (None: none chosen, or one nobody bought)."""
        return self._product

    def choose_product(self, product: str) -> bool:
        """Show the suggestions for ``product``; False (and an empty list) when nobody bought it."""
        index = self.product_combo.findData(product)
        self.product_combo.blockSignals(True)
        self.product_combo.setCurrentIndex(index)
        if index < 0:
            self.product_combo.setEditText(product)
        self.product_combo.blockSignals(False)
        self._product = product if index >= 0 else None
        self._unknown = None if index >= 0 else product
        self.done_line.clear()
        self.refresh()
        return index >= 0

    def _product_activated(self, index: int) -> None:
        product = self.product_combo.itemData(index)
        if product is not None and product != self._product:
            self.choose_product(product)

    def _product_typed(self) -> None:
        """Enter in the chooser: the item whose text it is, else the product of that name."""
        text = self.product_combo.currentText().strip()
        index = self.product_combo.findText(text, Qt.MatchFlag.MatchExactly)
        product = self.product_combo.itemData(index) if index >= 0 else text
        if product and product != self._product:
            self.choose_product(product)

    # -- the list

    def refresh(self) -> None:
        """Rank again (the same product, the limit as set)."""
        if self._product is None:
            self.found = None
            self.model.set_suggestions("", [])
        else:
            self.found = self._access.customers_for(self._product, self.limit.value())
            self.model.set_suggestions(self._product, self.found.suggestions)
            if self.model.rowCount():
                fit_columns(self.view, {CustomerColumn.NAME: 280, CustomerColumn.WHY: 520})
        self._update_status()
        self._update_buttons()

    def _update_status(self) -> None:
        found = self.found
        if found is None:
            unknown = self._unknown
            self.status.setText(self.tr("No orders of “%1”.").replace("%1", unknown) if unknown
                                else self.tr("No product has been bought yet."))
            return
        text = self.tr("%n customer(s) bought it.", "", found.buyers) + " " + self.tr(
            "%1 of the %2 other customers resemble them (lost customers are left out).").replace(
                "%1", f"{found.matched:,}").replace("%2", f"{found.candidates:,}")
        if len(found.suggestions) < found.matched:
            text += " " + self.tr("Showing the best %n.", "", len(found.suggestions))
        self.status.setText(text)

    def selected_ids(self) -> list[int]:
        """The selected customers, in the ranking's order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.row_at(r).customer_id for r in rows]

    def _update_buttons(self) -> None:
        writable = not self._access.read_only
        chosen = bool(self.view.selectionModel().selectedRows())
        self.export_button.setEnabled(self.model.rowCount() > 0)
        self.follow_up_button.setEnabled(writable and chosen)
        self.campaign_button.setEnabled(writable and chosen)

    def _activated(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_customer.emit(row.customer_id)

    # -- export

    def suggested_path(self) -> Path:
        name = _NOT_IN_NAMES.sub("_", f"{self.tr('Suggestions')}-{self._product or ''}-"
                                      f"{self._access.today.isoformat()}.xlsx")
        return self._access.folder / name

    def ask_export_path(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the suggestions"), str(self.suggested_path()),
                                                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_name(path.name + ".xlsx")

    def start_export(self) -> None:
        path = self.ask_export_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> int | None:
        """Write the list shown to ``path`` (.xlsx or .csv); the rows written, or None (said in a message)."""
        if self.found is None:
            return None
        try:
            count = self._access.export(path, self.found, chinese=self.chinese)
        except ExportError:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Only .xlsx and .csv files can be written."))
            return None
        except OSError as e:
            QMessageBox.warning(self, self.tr("Export"), self.tr(
                "The file could not be written: %1\n\nNo file was written.").replace("%1", e.strerror or str(e)))
            return None
        self.done_line.setText(self.tr("%n row(s) written to %1", "", count).replace("%1", str(path)))
        self.exported.emit(str(path))
        return count

    # -- follow-ups and campaigns

    def plan_follow_ups(self) -> None:
        """A follow-up for each selected customer, planned in a small dialog."""
        ids = self.selected_ids()
        if not ids or self._access.read_only or self._product is None:
            return
        dialog = PlanFollowUpsDialog(self._access, ids, self._product, self)
        dialog.exec()
        planned = dialog.planned
        dialog.deleteLater()
        if planned is None:
            return
        text = self.tr("Planned %n follow-up(s).", "", planned.created)
        if planned.already_planned:
            text += " " + self.tr("%n customer(s) already had one planned for this purpose.", "",
                                  len(planned.already_planned))
        if planned.gone:
            text += " " + self.tr("%n customer(s) are no longer in the file.", "", len(planned.gone))
        self.done_line.setText(text)
        if planned.created:
            self.follow_ups_planned.emit(planned.created)

    def make_campaign(self) -> None:
        """A new campaign whose targets are the selected customers, named and dated in a small dialog."""
        ids = self.selected_ids()
        if not ids or self._access.read_only or self._product is None:
            return
        dialog = MakeCampaignDialog(self._access, ids, self._product, self)
        dialog.exec()
        campaign = dialog.campaign
        dialog.deleteLater()
        if campaign is None or campaign.id is None:
            return
        self.done_line.setText(self.tr("Campaign “%1” made with %n customer(s).", "", len(ids)).replace(
            "%1", campaign.name))
        self.campaign_created.emit(campaign.id)

    # -- texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cross-selling suggestions"))
        self.product_label.setText(self.tr("&Product:"))
        self.limit_label.setText(self.tr("Show the &best"))
        self.hint.setText(self.tr(
            "Customers who have not bought the product, ranked by how much they resemble its buyers: the same "
            "industry, region and tier, and the products bought together. Select customers (Ctrl+A: all) to plan "
            "follow-ups or make a campaign; double-click one to open it."))
        self.export_button.setText(self.tr("&Export…"))
        self.follow_up_button.setText(self.tr("Plan &follow-ups…"))
        self.campaign_button.setText(self.tr("Make a &campaign…"))
        for i, (product, buyers) in enumerate(self._products):
            self.product_combo.setItemText(i, self._item_text(product, buyers))
        if self._product is not None:
            self.product_combo.setCurrentIndex(self.product_combo.findData(self._product))
        self.model.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
