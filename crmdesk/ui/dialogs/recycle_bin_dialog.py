"""The recycle bin: deleted customers, restorable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from crmdesk.services import customers as customer_service
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.customers import CustomerQuery, SortKey
from crmdesk.ui.customer_list.table_model import CustomerTableModel
from crmdesk.ui.customer_list.view import CustomerListView


class RecycleBinDialog(QDialog):
    restored = Signal(int)  # customer id

    def __init__(self, cf: CustomerFile, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycle_bin")
        self._cf = cf
        self.model = CustomerTableModel(lambda ids: store.list_rows(cf, ids), today=today, parent=self)
        self.view = CustomerListView(self)
        self.view.setSortingEnabled(False)
        self.view.setModel(self.model)
        self.view.size_columns()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore_button")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(860, 480)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recycle bin"))
        self.hint.setText(self.tr("Deleted customers stay here until you restore them."))
        self.restore_button.setText(self.tr("Restore"))
        self.view.empty_text = self.tr("The recycle bin is empty.")

    def reload(self) -> None:
        query = CustomerQuery(deleted=True, sort=SortKey.DELETED, descending=True)
        self.model.set_ids(store.customer_ids(self._cf, query))
        self._update_buttons()

    def _selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self._selected_id() is not None and not self._cf.read_only)

    def _restore(self) -> None:
        customer_id = self._selected_id()
        if customer_id is None:
            return
        customer_service.restore_customer(self._cf, customer_id)
        self.restored.emit(customer_id)
        self.reload()
