"""Alerts in words: the rules give codes and numbers, these sentences give them meaning.

Templates use named ``{placeholders}`` for the alert's numbers; money numbers
(domain.alerts.MONEY_NUMBERS) arrive in fen and are shown as yuan.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.domain.alerts import MONEY_NUMBERS, Action, Alert, AlertGroup, AlertKind, Severity
from crmdesk.ui.pipeline.pipeline_texts import stage_name
from crmdesk.ui.texts import field_label, fill, lunar_text

CONTEXT = "alerts"

GROUPS: dict[AlertGroup, str] = {
    AlertGroup.MONEY: QT_TRANSLATE_NOOP("alerts", "Money"),
    AlertGroup.CHURN: QT_TRANSLATE_NOOP("alerts", "Churn risk"),
    AlertGroup.FOLLOW_UP: QT_TRANSLATE_NOOP("alerts", "Follow-ups"),
    AlertGroup.COMPLAINTS: QT_TRANSLATE_NOOP("alerts", "Complaints"),
    AlertGroup.OCCASIONS: QT_TRANSLATE_NOOP("alerts", "Occasions"),
    AlertGroup.RECORDS: QT_TRANSLATE_NOOP("alerts", "Records"),
    AlertGroup.SALES: QT_TRANSLATE_NOOP("alerts", "Sales"),
}

SEVERITIES: dict[Severity, str] = {
    Severity.CRITICAL: QT_TRANSLATE_NOOP("alerts", "Critical"),
    Severity.WARNING: QT_TRANSLATE_NOOP("alerts", "Warning"),
    Severity.INFO: QT_TRANSLATE_NOOP("alerts", "Info"),
}

KINDS: dict[AlertKind, str] = {
    AlertKind.OVER_CREDIT_LIMIT: QT_TRANSLATE_NOOP("alerts", "Receivable over credit limit"),
    AlertKind.BEHIND_PLAN: QT_TRANSLATE_NOOP("alerts", "Sales behind plan"),
    AlertKind.NO_RECENT_PURCHASE: QT_TRANSLATE_NOOP("alerts", "No recent purchase"),
    AlertKind.FREQUENCY_DROP: QT_TRANSLATE_NOOP("alerts", "Buying less often"),
    AlertKind.CHURN_RISK: QT_TRANSLATE_NOOP("alerts", "High churn score"),
    AlertKind.SPEND_MILESTONE: QT_TRANSLATE_NOOP("alerts", "Spend milestone"),
    AlertKind.FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("alerts", "Follow-up due today"),
    AlertKind.FOLLOW_UP_OVERDUE: QT_TRANSLATE_NOOP("alerts", "Follow-up overdue"),
    AlertKind.COMPLAINT_OVERDUE: QT_TRANSLATE_NOOP("alerts", "Complaint past deadline"),
    AlertKind.REPURCHASE_DUE: QT_TRANSLATE_NOOP("alerts", "Repurchase expected"),
    AlertKind.BIRTHDAY: QT_TRANSLATE_NOOP("alerts", "Birthday"),
    AlertKind.LUNAR_BIRTHDAY: QT_TRANSLATE_NOOP("alerts", "Lunar birthday"),
    AlertKind.ANNIVERSARY: QT_TRANSLATE_NOOP("alerts", "Anniversary"),
    AlertKind.COOPERATION_ANNIVERSARY: QT_TRANSLATE_NOOP("alerts", "Cooperation anniversary"),
    AlertKind.TOUCHPOINT: QT_TRANSLATE_NOOP("alerts", "After-sale touchpoint"),
    AlertKind.STALE_RECORD: QT_TRANSLATE_NOOP("alerts", "Record not verified"),
    AlertKind.INCOMPLETE_RECORD: QT_TRANSLATE_NOOP("alerts", "Record incomplete"),
    AlertKind.LARGE_DEAL: QT_TRANSLATE_NOOP("alerts", "Large deal"),
    AlertKind.STUCK_DEAL: QT_TRANSLATE_NOOP("alerts", "Deal not moving"),
}

_REASONS: dict[AlertKind, str] = {
    AlertKind.OVER_CREDIT_LIMIT: QT_TRANSLATE_NOOP(
        "alerts", "Receivable {receivable} exceeds the credit limit {credit_limit} by {over_by}"),
    AlertKind.BEHIND_PLAN: QT_TRANSLATE_NOOP(
        "alerts", "{period}: bought {actual} of {planned} planned ({percent}%) with {expected_percent}% of the "
                  "period gone"),
    AlertKind.NO_RECENT_PURCHASE: QT_TRANSLATE_NOOP(
        "alerts", "No purchase for {days} days (last on {last_purchase})"),
    AlertKind.FREQUENCY_DROP: QT_TRANSLATE_NOOP(
        "alerts", "Bought on {current} days in the last {months} months against {previous} in the {months} "
                  "before (down {drop_percent}%)"),
    AlertKind.CHURN_RISK: QT_TRANSLATE_NOOP(
        "alerts", "Churn risk {risk_percent}% by the BG/NBD model (threshold {threshold_percent}%)"),
    AlertKind.SPEND_MILESTONE: QT_TRANSLATE_NOOP(
        "alerts", "Purchases passed {milestone} in total (now {total})"),
    AlertKind.FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("alerts", "A follow-up is due today"),
    AlertKind.FOLLOW_UP_OVERDUE: QT_TRANSLATE_NOOP(
        "alerts", "Follow-up due on {due}, {days_overdue} days overdue"),
    AlertKind.COMPLAINT_OVERDUE: QT_TRANSLATE_NOOP(
        "alerts", "Complaint deadline {deadline} passed {days_overdue} days ago: escalated"),
    AlertKind.REPURCHASE_DUE: QT_TRANSLATE_NOOP(
        "alerts", "Buys every {cycle_days} days; next purchase expected {when} ({next_purchase})"),
    AlertKind.BIRTHDAY: QT_TRANSLATE_NOOP("alerts", "Birthday {when} ({date}), turns {years}"),
    AlertKind.LUNAR_BIRTHDAY: QT_TRANSLATE_NOOP("alerts", "Lunar birthday {lunar} {when} ({date})"),
    AlertKind.ANNIVERSARY: QT_TRANSLATE_NOOP("alerts", "Anniversary {when} ({date}), {years} years"),
    AlertKind.COOPERATION_ANNIVERSARY: QT_TRANSLATE_NOOP(
        "alerts", "{years} years since the first order, {when} ({date})"),
    AlertKind.STALE_RECORD: QT_TRANSLATE_NOOP(
        "alerts", "Last verified {last_verified}, {days} days ago"),
    AlertKind.INCOMPLETE_RECORD: QT_TRANSLATE_NOOP("alerts", "Missing: {missing}"),
    AlertKind.LARGE_DEAL: QT_TRANSLATE_NOOP(
        "alerts", "{title}: {deal_amount} at stage {stage_text}, at or above {large_deal}"),
    AlertKind.STUCK_DEAL: QT_TRANSLATE_NOOP(
        "alerts", "{title}: at stage {stage_text} for {days} days since {since} (more than {stuck_days})"),
}

_NEVER_VERIFIED = QT_TRANSLATE_NOOP("alerts", "Never verified")
_TOUCHPOINTS: dict[int, str] = {
    3: QT_TRANSLATE_NOOP("alerts", "Day {days_since} after the purchase of {last_purchase}: ask how it went"),
    30: QT_TRANSLATE_NOOP("alerts", "Day {days_since} after the purchase of {last_purchase}: build the habit"),
    90: QT_TRANSLATE_NOOP("alerts", "Day {days_since} after the purchase of {last_purchase}: invite a repurchase"),
}
_TOUCHPOINT_OTHER = QT_TRANSLATE_NOOP("alerts", "Day {days_since} after the purchase of {last_purchase}")
_TODAY = QT_TRANSLATE_NOOP("alerts", "today")
_TOMORROW = QT_TRANSLATE_NOOP("alerts", "tomorrow")
_IN_DAYS = QT_TRANSLATE_NOOP("alerts", "in {n} days")
# Essentials that are not one field: "phone" is mobile or landline.
_ESSENTIALS = {
    "phone": QT_TRANSLATE_NOOP("alerts", "phone number"),
    "contact_person": QT_TRANSLATE_NOOP("alerts", "contact person"),
}
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("alerts", ", ")

ACTIONS: dict[Action, str] = {
    Action.COLLECT_PAYMENT: QT_TRANSLATE_NOOP("alerts", "Collect payment; hold credit sales"),
    Action.REVIEW_PLAN: QT_TRANSLATE_NOOP("alerts", "Review the plan with the customer"),
    Action.WIN_BACK: QT_TRANSLATE_NOOP("alerts", "Call to win the customer back"),
    Action.REWARD: QT_TRANSLATE_NOOP("alerts", "Offer a reward or personal service"),
    Action.CALL_BACK: QT_TRANSLATE_NOOP("alerts", "Make the call"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("alerts", "Escalate to the manager"),
    Action.REMIND_REPURCHASE: QT_TRANSLATE_NOOP("alerts", "Remind before the next purchase"),
    Action.SEND_GREETINGS: QT_TRANSLATE_NOOP("alerts", "Send greetings"),
    Action.TOUCH_BASE: QT_TRANSLATE_NOOP("alerts", "Get in touch"),
    Action.VERIFY_RECORD: QT_TRANSLATE_NOOP("alerts", "Verify the details with the customer"),
    Action.COMPLETE_RECORD: QT_TRANSLATE_NOOP("alerts", "Complete the record"),
    Action.PRIORITIZE_DEAL: QT_TRANSLATE_NOOP("alerts", "Give it priority; the manager follows it"),
    Action.ADVANCE_DEAL: QT_TRANSLATE_NOOP("alerts", "Agree the next step with the customer"),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def when(days: int) -> str:
    if days == 0:
        return tr(_TODAY)
    if days == 1:
        return tr(_TOMORROW)
    return tr(_IN_DAYS).format(n=days)


def _missing(names: str) -> str:
    labels = [tr(_ESSENTIALS[n]) if n in _ESSENTIALS else field_label(n) for n in names.split(",")]
    return tr(_LIST_SEPARATOR).join(labels)


def reason(alert: Alert) -> str:
    """The alert's reason with its numbers, in the user's language."""
    values: dict[str, object] = dict(alert.numbers)
    if "days_until" in values:
        values["when"] = when(int(alert.numbers["days_until"]))
    kind = alert.kind
    if kind is AlertKind.STALE_RECORD and "last_verified" not in values:
        template = _NEVER_VERIFIED
    elif kind is AlertKind.TOUCHPOINT:
        template = _TOUCHPOINTS.get(int(alert.numbers["day"]), _TOUCHPOINT_OTHER)
    else:
        template = _REASONS[kind]
    if kind is AlertKind.LUNAR_BIRTHDAY:
        values["lunar"] = lunar_text(str(alert.numbers["lunar"]))
    if kind is AlertKind.INCOMPLETE_RECORD:
        values["missing"] = _missing(str(alert.numbers["missing"]))
    if "deal_stage" in values:
        values["stage_text"] = stage_name(str(values["deal_stage"]), str(values.get("deal_stage_name", "")))
    return fill(tr(template), values, MONEY_NUMBERS)


def kind_text(kind: AlertKind) -> str:
    return tr(KINDS[kind])


def group_text(group: AlertGroup) -> str:
    return tr(GROUPS[group])


def severity_text(severity: Severity) -> str:
    return tr(SEVERITIES[severity])


def action_text(action: Action) -> str:
    return tr(ACTIONS[action])
