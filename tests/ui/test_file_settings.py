"""The file's own rules, set in File -> File settings."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier, TierRules
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import ledger
from crmdesk.services.tiering import compute_tiers, recompute_tiers
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage.tiers import current_tier
from crmdesk.ui import texts
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


# ---------------------------------------------------------------- tiers


def _buyers(customer_file):
    """Four buyers: 400.00 in 2026-10, 300.00 in 2026-06, 200.00 and 100.00 in 2026-01."""
    ids = [customer_store.insert_customer(customer_file, make_person(name=f"客户{i}", mobile=None)).id
           for i in range(4)]
    from crmdesk.storage import orders as order_store

    days = [date(2026, 10, 1), date(2026, 6, 1), date(2026, 1, 10), date(2026, 1, 20)]
    order_store.insert_ledger_rows(customer_file, [
        Order(customer_id=cid, order_date=day, product="零担", quantity=1, amount=amount)
        for cid, day, amount in zip(ids, days, (40_000, 30_000, 20_000, 10_000))
    ], [])
    return ids


def test_the_tiers_group_shows_the_files_rules(qtbot, customer_file):
    file_settings.set_tier_rules(customer_file, TierRules(window_months=6, a_percent=2, b_percent=10, c_percent=30))
    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.tiers_box)) == "Tiers"
    values = {name: spin.value() for name, spin in dialog.tier_spins.items()}
    assert values == {"window_months": 6, "a_percent": 2, "b_percent": 10, "c_percent": 30}
    assert dialog.tier_spins["window_months"].minimum() == 1 and dialog.tier_spins["window_months"].maximum() == 120
    assert (dialog.tier_spins["c_percent"].minimum(), dialog.tier_spins["c_percent"].maximum()) == (1, 99)
    assert "6 months" in dialog.tier_rule.text() and "top 10 % B" in dialog.tier_rule.text()
    dialog.tier_spins["a_percent"].setValue(5)
    assert "top 5 % A" in dialog.tier_rule.text()  # the sentence follows the boxes


def test_changing_the_tier_rules_in_the_dialog_changes_the_tiers(qtbot, customer_file):
    ids = _buyers(customer_file)
    before = {r.customer_id: r.tier for r in compute_tiers(customer_file, TODAY)}
    # Twelve months, four buyers: ⌈1/5/20 % × 4⌉ = 1, so only the first is A.
    assert [(before[i].tier, before[i].rank) for i in ids] == [(Tier.A, 1), (Tier.D, 2), (Tier.D, 3), (Tier.D, 4)]

    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    dialog.tier_spins["window_months"].setValue(6)  # from 2026-05-24: the October and June orders
    dialog.tier_spins["c_percent"].setValue(99)  # ⌈99 % × 2⌉ = 2
    with qtbot.waitSignal(dialog.tier_rules_changed) as blocker:
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert blocker.args == [TierRules(window_months=6, a_percent=1, b_percent=5, c_percent=99)]
    assert file_settings.tier_rules(customer_file) == blocker.args[0]
    after = {r.customer_id: r.tier for r in compute_tiers(customer_file, TODAY)}
    assert [(after[i].tier, after[i].rank, after[i].n) for i in ids] == [
        (Tier.A, 1, 2), (Tier.C, 2, 2), (Tier.D, None, 2), (Tier.D, None, 2)]
    # Recomputing, as the window does on the signal, stores the new tiers.
    recompute_tiers(customer_file, TODAY)
    assert current_tier(customer_file, ids[1]).result == after[ids[1]]


def test_percentages_that_fall_are_refused_with_the_reason(qtbot, customer_file):
    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tier_spins["b_percent"].setValue(30)  # B 30 > C 20
    with qtbot.assertNotEmitted(dialog.tier_rules_changed):
        dialog.accept()
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert dialog.error.text() == "C: " + texts.error_text(ErrorCode.TIER_ORDER)
    assert dialog.focusWidget() is dialog.tier_spins["c_percent"]
    assert file_settings.tier_rules(customer_file) == TierRules()


def test_unchanged_tier_rules_do_not_ask_for_a_recompute(qtbot, customer_file):
    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    dialog.horizon.setValue(3)
    with qtbot.assertNotEmitted(dialog.tier_rules_changed):
        dialog.accept()
    assert file_settings.get(customer_file, file_settings.DATE_HORIZON_DAYS) == 3


def test_alert_thresholds_are_file_settings_the_scan_and_the_cli_use(qtbot, customer_file, capsys):
    from datetime import timedelta

    from crmdesk.domain.alerts import AlertKind
    from crmdesk.services.alerts import compute_alerts
    from crmdesk.storage import orders as order_store

    # A 30-day rhythm with the next purchase due in 20 days: outside the default 15-day reminder.
    buyer = customer_store.insert_customer(customer_file, make_person(last_verified=TODAY))
    last = TODAY - timedelta(days=10)
    order_store.insert_ledger_rows(customer_file, [
        Order(customer_id=buyer.id, order_date=last - timedelta(days=30 * k), product="零担", quantity=1, amount=100)
        for k in range(3)], [])

    def kinds() -> set:
        return {a.alert.kind for a in compute_alerts(customer_file, TODAY, file_settings.alert_rules(customer_file))}

    assert AlertKind.REPURCHASE_DUE not in kinds()
    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    assert dialog.alert_spins["repurchase_lead_days"].value() == 15
    assert dialog.alert_labels["repurchase_lead_days"].text() == "Remind of an expected repurchase:"
    dialog.alert_spins["repurchase_lead_days"].setValue(20)
    with qtbot.waitSignal(dialog.alert_rules_changed):
        dialog.accept()
    assert file_settings.alert_rules(customer_file).repurchase_lead_days == 20
    assert AlertKind.REPURCHASE_DUE in kinds()

    from crmdesk.cli import main

    customer_file.conn.commit()
    assert main(["alerts", str(customer_file.path), "--today", TODAY.isoformat(), "--json"]) == 0
    assert "repurchase_due" in capsys.readouterr().out


def test_an_alert_threshold_written_out_of_range_falls_back_to_its_default(customer_file):
    file_settings.put(customer_file, file_settings.ALERT_RULES["churn_threshold_percent"], 250)
    file_settings.put(customer_file, file_settings.ALERT_RULES["no_purchase_months"], 6)
    rules = file_settings.alert_rules(customer_file, stale_after_days=30)
    assert (rules.churn_threshold_percent, rules.no_purchase_months, rules.stale_after_days) == (70, 6, 30)


def test_the_follow_ups_page_saves_the_cadences_and_asks_for_a_recompute(qtbot, customer_file):
    from crmdesk.domain.cadence import CadenceRules

    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    page = dialog.cadence_box
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Follow-ups"
    assert dialog.cadence_spins["call_back_a_days"].value() == 30
    assert dialog.touchpoints.text() == "3, 30, 90"
    dialog.cadence_spins["call_back_d_days"].setValue(0)
    assert dialog.cadence_spins["call_back_d_days"].text() == "Off"
    dialog.cadence_flags["generate_on_open"].setChecked(False)
    dialog.touchpoints.setText("7，45、120")
    emitted = []
    dialog.cadence_rules_changed.connect(emitted.append)
    dialog.accept()
    expected = CadenceRules(call_back_d_days=0, generate_on_open=False, touchpoint_days=(7, 45, 120))
    assert file_settings.cadence_rules(customer_file) == expected
    assert emitted == [expected]


@pytest.mark.parametrize("typed", ["3, 30, x", "3, 3", "0", "1,2,3,4,5,6,7", "400"])
def test_wrong_touchpoint_days_are_refused_on_their_page(qtbot, customer_file, typed):
    from crmdesk.domain.cadence import CadenceRules

    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(0)
    dialog.touchpoints.setText(typed)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Touchpoint days" in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.cadence_box
    assert file_settings.cadence_rules(customer_file) == CadenceRules()


def test_the_complaints_page_sets_the_deadlines_by_tier(qtbot, customer_file):
    from crmdesk.domain.complaints import ComplaintDeadlines

    dialog = FileSettingsDialog(customer_file)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.complaints_box)) == "Complaints"
    assert dialog.deadline_spins["resolution_d_days"].value() == 10
    emitted = []
    dialog.complaint_deadlines_changed.connect(emitted.append)
    dialog.deadline_spins["resolution_a_days"].setValue(0)  # before A's first response (1 day)
    dialog.accept()
    assert dialog.tabs.currentWidget() is dialog.complaints_box
    assert "before its first response" in dialog.error.text()
    assert file_settings.complaint_deadlines(customer_file) == ComplaintDeadlines()
    dialog.deadline_spins["resolution_a_days"].setValue(2)
    dialog.accept()
    assert file_settings.complaint_deadlines(customer_file) == ComplaintDeadlines(resolution_a_days=2)
    assert emitted == [ComplaintDeadlines(resolution_a_days=2)]
