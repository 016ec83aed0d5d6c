"""The file's own rules, set in File -> File settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from crmdesk.domain.orders import Order
from crmdesk.services import ledger
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.ui.dialogs.file_settings_dialog import FileSettingsDialog
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def test_blocking_orders_over_the_limit_is_a_file_setting(qtbot, customer_file):
    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    assert not dialog.block.isChecked()
    qtbot.mouseClick(dialog.block, Qt.MouseButton.LeftButton)
    dialog.horizon.setValue(7)
    dialog.accept()
    assert file_settings.get(customer_file, file_settings.BLOCK_OVER_LIMIT) is True
    company = customer_store.insert_customer(customer_file, make_company(credit_limit=100))
    order = Order(customer_id=company.id, order_date=TODAY, product="零担", quantity=1, amount=101)
    assert ledger.save_order(customer_file, order, TODAY, over_limit_confirmed=True).blocked
    later = Order(customer_id=company.id, order_date=date(2026, 12, 1), product="零担", quantity=1, amount=1)
    assert ledger.save_order(customer_file, later, TODAY).errors  # 8 days ahead, 7 allowed


def test_code_prefix_is_checked_and_used(qtbot, customer_file):
    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    dialog.prefix.setText("客户")
    dialog.accept()
    assert not dialog.error.isHidden() and "letters" in dialog.error.text()
    assert file_settings.get(customer_file, file_settings.CUSTOMER_CODE_PREFIX) == "KH"
    dialog.prefix.setText("wl")
    dialog.accept()
    assert customer_store.insert_customer(customer_file, make_person()).code == "WL000001"
