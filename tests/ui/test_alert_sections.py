"""The alert panel's grouping (pure Python, made on the worker): sections, order, filter and counts."""

from __future__ import annotations

from datetime import date

from crmdesk.domain.alerts import Alert, AlertGroup, AlertKind, Severity
from crmdesk.services.alerts import CustomerAlert
from crmdesk.storage.alerts import AlertState, StoredState
from crmdesk.ui.alerts.alert_sections import group_alerts

TODAY = date(2026, 11, 23)


def row(kind, severity, code, owner=None, state=None) -> CustomerAlert:
    return CustomerAlert(Alert(kind, int(code[2:]), severity, {}), code, "客户" + code, owner, state)


def test_sections_most_severe_first_rows_by_code_and_the_filter_counts_hidden():
    snoozed = StoredState(AlertState.SNOOZED, date(2026, 12, 1))
    rows = [
        row(AlertKind.NO_RECENT_PURCHASE, Severity.WARNING, "KH000009", "李娜"),
        row(AlertKind.NO_RECENT_PURCHASE, Severity.WARNING, "KH000002", "王强"),
        row(AlertKind.CHURN_RISK, Severity.CRITICAL, "KH000005", "李娜"),
        row(AlertKind.NO_RECENT_PURCHASE, Severity.CRITICAL, "KH000001", "李娜", snoozed),
        row(AlertKind.BIRTHDAY, Severity.INFO, "KH000003"),
    ]
    grouped = group_alerts(rows, TODAY)
    churn = grouped.tabs[AlertGroup.CHURN]
    assert [(s.kind, s.severity) for s in churn] == [
        (AlertKind.CHURN_RISK, Severity.CRITICAL), (AlertKind.NO_RECENT_PURCHASE, Severity.WARNING)]
    assert [r.code for r in churn[1].rows] == ["KH000002", "KH000009"]
    assert grouped.hidden == 1 and grouped.owners == ["李娜", "王强"]
    assert [s.kind for s in grouped.tabs[AlertGroup.OCCASIONS]] == [AlertKind.BIRTHDAY]

    shown = group_alerts(rows, TODAY, owner="李娜", show_hidden=True)
    assert sum(len(s.rows) for s in shown.tabs[AlertGroup.CHURN]) == 3 and shown.hidden == 1
    assert group_alerts(rows, TODAY, owner="").tabs[AlertGroup.OCCASIONS][0].rows[0].code == "KH000003"
    assert group_alerts(rows, date(2026, 12, 1)).hidden == 0  # the snooze has run out
