"""The campaigns window, used like a marketer: a campaign created in the dialog by typing, with the filter's
live count; its customers marked reached on a day; the ROI line with the numbers behind it, and the
caveat for orders without a cost; errors under their fields; delete after a confirmation."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox

from crmdesk.domain.campaigns import CampaignChannel
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier, TierResult
from crmdesk.storage import campaigns as campaign_store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.tiers import save_tiers
from crmdesk.ui.campaigns.campaign_access import CampaignAccess
from crmdesk.ui.campaigns.campaign_dialog import CampaignDialog, split_values
from crmdesk.ui.campaigns.campaigns_window import CampaignColumn, CampaignsWindow, TargetColumn
from tests.factories import make_person
from tests.ui.test_protection import when_shown

TODAY = date(2026, 11, 23)


def order(customer_id: int, day: date, amount: int, cost: int | None = None) -> Order:
    return Order(customer_id=customer_id, order_date=day, product="整车运输", quantity=1, amount=amount, cost=cost)


@pytest.fixture
def shop(customer_file):
    """甲 and 乙 tagged vip (甲 tier A), 丙 not; 甲 bought twice in October and November (one without cost)."""
    cf = customer_file
    ids = {}
    for i, (name, tags) in enumerate((("甲", ("vip",)), ("乙", ("vip",)), ("丙", ()))):
        ids[name] = customer_store.insert_customer(cf, make_person(name=name, mobile=f"1380013800{i}", tags=tags)).id
    save_tiers(cf, {ids["甲"]: TierResult(Tier.A, 180_000, 1, 1, 1)}, TODAY)
    for o in (order(ids["甲"], date(2026, 10, 3), 50_000, 30_000),  # before reached: out
              order(ids["甲"], date(2026, 10, 5), 120_000, 80_000),  # margin 400.00
              order(ids["甲"], date(2026, 11, 14), 60_000),  # no cost
              order(ids["丙"], date(2026, 10, 20), 500_000, 1)):  # 丙 is no target
        order_store.insert_order(cf, o)
    return ids


def make_window(qtbot, cf) -> CampaignsWindow:
    window = CampaignsWindow(CampaignAccess(cf, TODAY))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.clear()
    field.setFocus()
    qtbot.keyClicks(field, text)


def fill_dialog(qtbot, dialog: CampaignDialog, **values: str) -> None:
    for name, text in values.items():
        type_into(qtbot, dialog.findChild(QLineEdit, f"campaign_{name}"), text)


def ok(dialog: QDialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def click_row(qtbot, table, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def create_autumn(qtbot, window: CampaignsWindow) -> None:
    """Through the dialog, by typing: cost 1,000.00, 10-01 to 10-15, 30 days, the customers tagged vip."""
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog()
    assert dialog is not None and dialog.isVisible()
    fill_dialog(qtbot, dialog, name="Autumn mailing", start_date="2026-10-01", end_date="2026-10-15",
                cost="1,000", window_days="30", tags="vip")
    dialog.channel.setCurrentIndex(dialog.channel.findData(CampaignChannel.DIRECT_MAIL.value))
    qtbot.waitUntil(lambda: dialog.count_label.text() == "2 customers match the filter now.")
    assert dialog.window_hint.text() == "orders until 2026-11-14 count"
    with qtbot.waitSignal(window.campaigns_changed):
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert window.dialog() is None


def test_create_a_campaign_mark_a_customer_reached_and_see_the_roi(qtbot, customer_file, shop, qtmodeltester):
    window = make_window(qtbot, customer_file)
    assert window.empty_label.isVisible() and not window.table.isVisible()
    create_autumn(qtbot, window)

    assert window.table.isVisible()
    model = window.model
    assert [model.index(0, c).data() for c in CampaignColumn] == [
        "Autumn mailing", "Direct mail", "2026-10-01 – 2026-10-15", "¥1,000.00", "2", "0", "0", "¥0.00", "¥0.00",
        "-100.00%"]
    assert window.roi_line.text() == "ROI = (gross margin ¥0.00 − cost ¥1,000.00) ÷ cost ¥1,000.00 = -100.00%"
    targets = window.target_model
    assert [targets.index(r, TargetColumn.CUSTOMER).data().split()[-1] for r in range(targets.rowCount())] == [
        "甲", "乙"]
    assert targets.index(0, TargetColumn.REACHED_ON).data() == "not reached"

    # 甲 reached on 10-05: the order of 10-03 is before it, those of 10-05 and 11-14 count.
    click_row(qtbot, window.target_table, 0)
    type_into(qtbot, window.reached_date, "2026-10-05")
    with qtbot.waitSignal(window.campaigns_changed):
        qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)
    assert [model.index(0, c).data() for c in CampaignColumn][4:] == [
        "2", "1", "2", "¥1,800.00", "¥400.00", "-60.00%"]
    assert window.roi_line.text() == "ROI = (gross margin ¥400.00 − cost ¥1,000.00) ÷ cost ¥1,000.00 = -60.00%"
    assert "2 orders, revenue ¥1,800.00, of the 1 customers reached (of 2 targeted)" in window.counted_line.text()
    assert "until 2026-11-14 (end + 30 days)" in window.counted_line.text()
    assert window.caveat_line.isVisible()
    assert window.caveat_line.text().startswith("1 of these orders have no cost")
    assert [targets.index(0, c).data() for c in TargetColumn][1:] == ["2026-10-05", "2", "¥1,800.00", "¥400.00"]
    assert window.selected_customer_ids() == [shop["甲"]]  # still selected after the refresh

    # Taken back: not reached.
    qtbot.mouseClick(window.unmark_button, Qt.MouseButton.LeftButton)
    assert model.index(0, CampaignColumn.REACHED).data() == "0"
    assert not window.caveat_line.isVisible()

    qtmodeltester.check(window.model)
    qtmodeltester.check(window.target_model)


def test_the_dialog_shows_errors_under_their_fields_and_saves_nothing(qtbot, customer_file, shop):
    window = make_window(qtbot, customer_file)
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog()
    fill_dialog(qtbot, dialog, name="", start_date="2026-10-15", end_date="2026-10-01", cost="12abc",
                window_days="x")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    errors = {name: dialog.findChild(type(window.roi_line), f"campaign_error_{name}").text()
              for name in ("name", "cost", "window_days", "end_date")}
    assert errors["name"] == "Required."
    assert errors["cost"] == "Not a valid amount (for example 1,234.50)."
    assert errors["window_days"] == "Not a valid whole number."
    assert errors["end_date"] == ""  # the others first: the dates are checked by the rules on saving

    fill_dialog(qtbot, dialog, name="Spring", cost="0", window_days="7")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.findChild(type(window.roi_line), "campaign_error_end_date").text() == (
        "Not before the start (2026-10-15).")
    assert campaign_store.campaigns(customer_file) == []

    fill_dialog(qtbot, dialog, end_date="2026-10-20")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.roi_line.text() == "ROI: none, the campaign cost nothing (gross margin ¥0.00)"
    assert window.model.index(0, CampaignColumn.ROI).data() == "–"
    assert window.model.index(0, CampaignColumn.TARGETED).data() == "3"  # the empty filter: everyone


def test_the_live_count_follows_the_filter(qtbot, customer_file, shop):
    dialog = CampaignDialog(CampaignAccess(customer_file, TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count_label.text() == "3 customers match the filter now."
    dialog.tier_boxes[Tier.A].setChecked(True)
    qtbot.waitUntil(lambda: dialog.count_label.text() == "1 customer matches the filter now.")
    type_into(qtbot, dialog.form.line("tags"), "nobody")
    qtbot.waitUntil(lambda: dialog.count_label.text() == "0 customers match the filter now.")
    assert dialog.target_filter().tags == ("nobody",)


def test_edit_and_choose_the_customers_again(qtbot, customer_file, shop):
    window = make_window(qtbot, customer_file)
    create_autumn(qtbot, window)
    click_row(qtbot, window.target_table, 0)  # 甲
    type_into(qtbot, window.reached_date, "2026-10-05")
    qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog()
    assert dialog.form.text("tags") == "vip" and dialog.form.text("cost") == "1,000.00"
    fill_dialog(qtbot, dialog, tags="", cost="200")
    dialog.tier_boxes[Tier.D].setChecked(True)  # nobody is D: only the reached 甲 stays
    dialog.retarget.setChecked(True)
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.target_model.rowCount() == 1
    assert window.roi_line.text() == "ROI = (gross margin ¥400.00 − cost ¥200.00) ÷ cost ¥200.00 = 100.00%"


def test_a_reached_day_after_today_is_refused(qtbot, customer_file, shop):
    window = make_window(qtbot, customer_file)
    create_autumn(qtbot, window)
    click_row(qtbot, window.target_table, 1)
    type_into(qtbot, window.reached_date, "2026-11-24")
    qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)
    assert window.reached_error.isVisible()
    assert window.reached_error.text() == "A customer cannot be reached after today."
    type_into(qtbot, window.reached_date, "2026-09-30")
    qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)
    assert window.reached_error.text() == "Not before the campaign starts (2026-10-01)."
    assert window.model.index(0, CampaignColumn.REACHED).data() == "0"


def test_several_customers_marked_at_once_and_a_customer_opened(qtbot, customer_file, shop):
    window = make_window(qtbot, customer_file)
    create_autumn(qtbot, window)
    click_row(qtbot, window.target_table, 0)
    click_row(qtbot, window.target_table, 1, Qt.KeyboardModifier.ControlModifier)
    assert set(window.selected_customer_ids()) == {shop["甲"], shop["乙"]}
    qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)  # today, as the field says
    assert window.model.index(0, CampaignColumn.REACHED).data() == "2"
    assert window.target_model.index(0, TargetColumn.REACHED_ON).data() == "2026-11-23"

    click_row(qtbot, window.target_table, 1)
    with qtbot.waitSignal(window.open_customer) as opened:
        qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [window.target_model.row_at(1).customer_id]


def test_delete_asks_first(qtbot, customer_file, shop):
    window = make_window(qtbot, customer_file)
    create_autumn(qtbot, window)

    def answer(button):
        def act(box: QDialog) -> None:
            assert "Autumn mailing" in box.text()
            box.button(button).click()
        return act

    when_shown("campaign_delete_confirm", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 1
    when_shown("campaign_delete_confirm", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.campaigns_changed):
        qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 0 and window.empty_label.isVisible()
    assert window.roi_line.text() == ""
    assert QApplication.activeModalWidget() is None


def test_split_values_reads_commas_of_either_width():
    assert split_values("广东, 北京，上海、江苏;广东 ") == ("广东", "北京", "上海", "江苏")
    assert split_values(" , ") == ()


def test_a_read_only_file_shows_the_numbers_and_changes_nothing(qtbot, customer_file, shop):
    from crmdesk.domain.campaigns import Campaign
    from crmdesk.services import campaigns as service
    from crmdesk.storage.customer_file import CustomerFile

    service.create_campaign(customer_file, Campaign("Fair", CampaignChannel.TRADE_FAIR, date(2026, 10, 1),
                                                    date(2026, 10, 2), 10_000, 7), [shop["甲"]])
    with CustomerFile.open(customer_file.path, read_only=True) as cf:
        window = make_window(qtbot, cf)
        assert window.model.index(0, CampaignColumn.NAME).data() == "Fair"
        assert not window.add_button.isEnabled() and not window.delete_button.isEnabled()
        click_row(qtbot, window.target_table, 0)
        assert not window.mark_button.isEnabled() and window.open_button.isEnabled()
        qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)  # shows it, with Close only
        dialog = window.dialog()
        assert dialog.form.line("name").isReadOnly()
        assert dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok) is None
        dialog.reject()
