"""This file's business rules (they travel with the file, unlike the preferences).

One tab each: general, tiers, alerts, follow-up cadences, complaint deadlines.
Saving tier rules, alert thresholds, cadences or deadlines that differ from the
stored ones emits ``tier_rules_changed``, ``alert_rules_changed``,
``cadence_rules_changed`` or ``complaint_deadlines_changed``: the window
recomputes then (which plans the cadence follow-ups and escalates complaints).
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.alerts import ALERT_RULE_RANGES, AlertRules
from crmdesk.domain.complaints import DEADLINE_RANGES, ComplaintDeadlines, deadlines_errors
from crmdesk.domain.cadence import CADENCE_FLAGS, CADENCE_RULE_RANGES, CadenceRules, cadence_rules_errors
from crmdesk.domain.tiers import PERCENT, WINDOW_MONTHS, Tier, TierRules, tier_rules_errors
from crmdesk.storage import file_settings
from crmdesk.storage.customer_file import CustomerFile, WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE
from crmdesk.ui.customer_detail.tier_line import rule_explanation

_PREFIX = re.compile(r"[A-Za-z0-9-]{0,8}")
_PERCENT_TIERS = {"a_percent": Tier.A, "b_percent": Tier.B, "c_percent": Tier.C}
_CALL_BACKS = {"call_back_a_days": Tier.A, "call_back_b_days": Tier.B, "call_back_c_days": Tier.C,
               "call_back_d_days": Tier.D}
_OFF_AT_ZERO = (*_CALL_BACKS, "feedback_days")  # 0 turns these cadences off
_DAY_LIST = re.compile(r"[\s,，、;；]+")


def parse_day_list(text: str) -> tuple[int, ...] | None:
    """"3, 30, 90" (or 3，30、90) to (3, 30, 90); blank is (); None when a piece is not a whole number."""
    pieces = [p for p in _DAY_LIST.split(text.strip()) if p]
    if not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in pieces):
        return None
    return tuple(int(p) for p in pieces)


class FileSettingsDialog(QDialog):
    tier_rules_changed = Signal(object)  # TierRules, after they were saved changed
    alert_rules_changed = Signal(object)  # AlertRules, likewise
    cadence_rules_changed = Signal(object)  # CadenceRules, likewise
    complaint_deadlines_changed = Signal(object)  # ComplaintDeadlines, likewise

    def __init__(self, cf: CustomerFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_settings")
        self._cf = cf
        self._tier_rules = file_settings.tier_rules(cf)
        self._alert_rules = file_settings.alert_rules(cf)
        self._cadence_rules = file_settings.cadence_rules(cf)
        self._deadlines = file_settings.complaint_deadlines(cf)
        self.prefix = QLineEdit(file_settings.get(cf, file_settings.CUSTOMER_CODE_PREFIX), self)
        self.prefix.setObjectName("code_prefix")
        self.prefix.setMaxLength(8)
        self.block = QCheckBox(self)
        self.block.setObjectName("block_over_limit")
        self.block.setChecked(bool(file_settings.get(cf, file_settings.BLOCK_OVER_LIMIT)))
        self.horizon = QSpinBox(self)
        self.horizon.setObjectName("date_horizon")
        self.horizon.setRange(0, 366)
        self.horizon.setValue(int(file_settings.get(cf, file_settings.DATE_HORIZON_DAYS)))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.prefix)
        form.addRow(self.labels[1], self.block)
        form.addRow(self.labels[2], self.horizon)
        self.general = QWidget(self)
        self.general.setLayout(form)
        self.tiers_box = self._build_tiers()
        self.alerts_box = self._build_alerts()
        self.cadence_box = self._build_cadence()
        self.complaints_box = self._build_deadlines()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")
        for page in (self.general, self.tiers_box, self.alerts_box, self.cadence_box, self.complaints_box):
            self.tabs.addTab(page, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.prefix, self.block, self.horizon, *self.tier_spins.values(), *self.alert_spins.values(),
                       *self.cadence_spins.values(), *self.cadence_flags.values(), self.touchpoints,
                       *self.deadline_spins.values()):
            widget.setEnabled(not cf.read_only)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def resizeEvent(self, event) -> None:  # noqa: N802
        # A window's height ignores a wrapped label's height-for-width: the tier rule lost its last line.
        super().resizeEvent(event)
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():
            self.setMinimumHeight(needed)

    def _build_tiers(self) -> QWidget:
        """Window in months and the A/B/C percentages, with the rule they make in one sentence."""
        box = QWidget(self)
        box.setObjectName("tiers_group")
        rules = self._tier_rules
        self.tier_spins: dict[str, QSpinBox] = {}
        for name, (low, high) in (("window_months", WINDOW_MONTHS), ("a_percent", PERCENT),
                                  ("b_percent", PERCENT), ("c_percent", PERCENT)):
            spin = QSpinBox(box)
            spin.setObjectName(f"tier_{name}")
            spin.setRange(low, high)
            spin.setValue(getattr(rules, name))
            spin.valueChanged.connect(self._update_tier_rule)
            self.tier_spins[name] = spin
        self.tier_labels = {name: QLabel(box) for name in self.tier_spins}
        self.tier_rule = QLabel(box)
        self.tier_rule.setObjectName("tier_rule")
        self.tier_rule.setWordWrap(True)
        self.tier_rule.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout(box)
        for name, spin in self.tier_spins.items():
            form.addRow(self.tier_labels[name], spin)
        form.addRow(self.tier_rule)
        return box

    def _build_alerts(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("alerts_group")
        self.alert_spins: dict[str, QSpinBox] = {}
        self.alert_labels: dict[str, QLabel] = {}
        form = QFormLayout(box)
        for name, (low, high) in ALERT_RULE_RANGES.items():
            spin = QSpinBox(box)
            spin.setObjectName(f"alert_{name}")
            spin.setRange(low, high)
            spin.setValue(getattr(self._alert_rules, name))
            self.alert_spins[name] = spin
            self.alert_labels[name] = QLabel(box)
            form.addRow(self.alert_labels[name], spin)
        return box

    def _build_cadence(self) -> QWidget:
        """How often to call back each tier, the review, feedback and touchpoints the window plans on opening."""
        box = QWidget(self)
        box.setObjectName("cadence_group")
        rules = self._cadence_rules
        form = QFormLayout(box)
        self.cadence_labels: dict[str, QLabel] = {}
        self.cadence_flags: dict[str, QCheckBox] = {}
        for name in CADENCE_FLAGS:
            check = QCheckBox(box)
            check.setObjectName(f"cadence_{name}")
            check.setChecked(getattr(rules, name))
            self.cadence_flags[name] = check
        form.addRow(self.cadence_flags["generate_on_open"])
        self.cadence_spins: dict[str, QSpinBox] = {}
        for name, (low, high) in CADENCE_RULE_RANGES.items():
            spin = QSpinBox(box)
            spin.setObjectName(f"cadence_{name}")
            spin.setRange(low, high)
            spin.setValue(getattr(rules, name))
            self.cadence_spins[name] = spin
            self.cadence_labels[name] = QLabel(box)
            if name == "feedback_days":
                form.addRow(self.cadence_flags["company_review"])
            form.addRow(self.cadence_labels[name], spin)
            if name == "feedback_days":
                self.touchpoints = QLineEdit(", ".join(map(str, rules.touchpoint_days)), box)
                self.touchpoints.setObjectName("cadence_touchpoint_days")
                self.cadence_labels["touchpoint_days"] = QLabel(box)
                form.addRow(self.cadence_labels["touchpoint_days"], self.touchpoints)
        form.addRow(self.cadence_flags["skip_non_working_days"])
        return box

    def _build_deadlines(self) -> QWidget:
        """Days to answer and to resolve a complaint, a row per tier (A = VIP first)."""
        box = QWidget(self)
        box.setObjectName("complaints_group")
        grid = QGridLayout(box)
        self.deadline_intro = QLabel(box)
        self.deadline_intro.setWordWrap(True)
        grid.addWidget(self.deadline_intro, 0, 0, 1, 3)
        self.deadline_heads = [QLabel(box), QLabel(box)]
        grid.addWidget(self.deadline_heads[0], 1, 1)
        grid.addWidget(self.deadline_heads[1], 1, 2)
        self.deadline_tiers: dict[Tier, QLabel] = {}
        self.deadline_spins: dict[str, QSpinBox] = {}
        for row, tier in enumerate(Tier, start=2):
            self.deadline_tiers[tier] = QLabel(box)
            grid.addWidget(self.deadline_tiers[tier], row, 0)
            for column, stage in enumerate(("response", "resolution"), start=1):
                name = f"{stage}_{tier.value.lower()}_days"
                spin = QSpinBox(box)
                spin.setObjectName(f"deadline_{name}")
                spin.setRange(*DEADLINE_RANGES[name])
                spin.setValue(getattr(self._deadlines, name))
                self.deadline_spins[name] = spin
                grid.addWidget(spin, row, column)
        grid.setRowStretch(len(Tier) + 2, 1)
        return box

    def complaint_deadlines(self) -> ComplaintDeadlines:
        return ComplaintDeadlines(**{name: spin.value() for name, spin in self.deadline_spins.items()})

    def cadence_rules(self) -> CadenceRules | None:
        """The cadences as set on the page; None when the touchpoint days are not whole numbers."""
        days = parse_day_list(self.touchpoints.text())
        if days is None:
            return None
        return CadenceRules(**{name: spin.value() for name, spin in self.cadence_spins.items()},
                            **{name: check.isChecked() for name, check in self.cadence_flags.items()},
                            touchpoint_days=days)

    def alert_rules(self) -> AlertRules:
        """The stored alert rules with the thresholds set in the spin boxes."""
        return replace(self._alert_rules, **{name: spin.value() for name, spin in self.alert_spins.items()})

    def _tier_field_name(self, name: str) -> str:
        tier = _PERCENT_TIERS.get(name)
        return tier.value if tier is not None else self.tr("Window")

    def tier_rules(self) -> TierRules:
        """The tier rules as set in the spin boxes (not necessarily allowed or saved)."""
        return TierRules(**{name: spin.value() for name, spin in self.tier_spins.items()})

    def _update_tier_rule(self) -> None:
        self.tier_rule.setText(rule_explanation(self.tier_rules()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("File settings"))
        self.intro.setText(self.tr("These rules are stored in the customer file and apply to everyone who opens it."))
        self.labels[0].setText(self.tr("Prefix of new customer codes:"))
        self.labels[1].setText(self.tr("Credit limit:"))
        self.block.setText(self.tr("Refuse orders over the credit limit (otherwise warn)"))
        self.labels[2].setText(self.tr("Dates may lie ahead by at most:"))
        self.horizon.setSuffix(self.tr(" days"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Tiers"))
        self.tabs.setTabText(2, self.tr("Alerts"))
        self.tabs.setTabText(3, self.tr("Follow-ups"))
        self.tabs.setTabText(4, self.tr("Complaints"))
        self.deadline_intro.setText(self.tr(
            "Days from receipt (or reopening) to the first response and to the resolution. "
            "An open complaint past either is escalated the next day."))
        self.deadline_heads[0].setText(self.tr("First response within"))
        self.deadline_heads[1].setText(self.tr("Resolved within"))
        for tier, label in self.deadline_tiers.items():
            label.setText(texts.enum_text(tier))
        for spin in self.deadline_spins.values():
            spin.setSuffix(self.tr(" days"))
        self.tier_labels["window_months"].setText(self.tr("Purchases over the last:"))
        for name, tier in _PERCENT_TIERS.items():
            self.tier_labels[name].setText(self.tr("{tier}, the top:").format(tier=texts.enum_text(tier)))
        self.tier_spins["window_months"].setSuffix(self.tr(" months"))
        for name in ("a_percent", "b_percent", "c_percent"):
            self.tier_spins[name].setSuffix(" %")
        alert_labels = {
            "no_purchase_months": (self.tr("Churn risk after no purchase for:"), self.tr(" months")),
            "frequency_drop_percent": (self.tr("Churn risk when buying less often by:"), " %"),
            "churn_threshold_percent": (self.tr("Churn risk when the model's score is over:"), " %"),
            "repurchase_lead_days": (self.tr("Remind of an expected repurchase:"), self.tr(" days before")),
            "occasion_lead_days": (self.tr("Remind of birthdays and anniversaries:"), self.tr(" days before")),
        }
        for name, (label, suffix) in alert_labels.items():
            self.alert_labels[name].setText(label)
            self.alert_spins[name].setSuffix(suffix)
        self._retranslate_cadence()
        self._update_tier_rule()

    def _retranslate_cadence(self) -> None:
        every = self.tr("Call back tier {tier} every:")
        for name, tier in _CALL_BACKS.items():
            self.cadence_labels[name].setText(every.format(tier=tier.value))
        self.cadence_labels["feedback_days"].setText(self.tr("Ask for feedback after a contact within:"))
        self.cadence_labels["touchpoint_days"].setText(self.tr("Touchpoints after each purchase, on days:"))
        self.touchpoints.setToolTip(self.tr("Up to 6 days from 1 to 366, separated by commas; empty: none."))
        self.cadence_labels["horizon_days"].setText(self.tr("Plan ahead:"))
        self.cadence_labels["grace_days"].setText(self.tr("Still plan what fell due in the last:"))
        for name, spin in self.cadence_spins.items():
            spin.setSuffix(self.tr(" days"))
            spin.setSpecialValueText(self.tr("Off") if name in _OFF_AT_ZERO else "")
        self.cadence_flags["generate_on_open"].setText(
            self.tr("Plan the cadence follow-ups each time the file is opened"))
        self.cadence_flags["company_review"].setText(self.tr("A quarterly business review with each company"))
        self.cadence_flags["skip_non_working_days"].setText(
            self.tr("Move due days off weekends and Chinese public holidays"))

    def _show_error(self, text: str, focus: QWidget, page: QWidget) -> None:
        self.error.setText(text)
        self.error.show()
        self.tabs.setCurrentWidget(page)
        focus.setFocus()

    def accept(self) -> None:
        prefix = self.prefix.text().strip().upper()
        if not _PREFIX.fullmatch(prefix):
            self.error.setText(self.tr("Use up to 8 letters, digits or hyphens."))
            self.error.show()
            return
        rules = self.tier_rules()
        errors = tier_rules_errors(rules)
        if errors:
            self._show_error("\n".join(f"{self._tier_field_name(e.field)}: {texts.error_text(e.code, e.params)}"
                                       for e in errors), self.tier_spins[errors[0].field], self.tiers_box)
            return
        cadence = self.cadence_rules()
        cadence_errors = cadence_rules_errors(cadence) if cadence is not None else []
        if cadence is None or cadence_errors:
            self._show_error(self.tr("Touchpoint days: up to 6 different whole days from 1 to 366."),
                             self.touchpoints, self.cadence_box)
            return
        deadlines = self.complaint_deadlines()
        deadline_errors = deadlines_errors(deadlines)
        if deadline_errors:
            self._show_error(self.tr("A tier's resolution cannot come before its first response."),
                             self.deadline_spins[deadline_errors[0].field], self.complaints_box)
            return
        try:
            with self._cf.transaction():
                file_settings.put(self._cf, file_settings.CUSTOMER_CODE_PREFIX, prefix)
                file_settings.put(self._cf, file_settings.BLOCK_OVER_LIMIT, self.block.isChecked())
                file_settings.put(self._cf, file_settings.DATE_HORIZON_DAYS, self.horizon.value())
                file_settings.set_tier_rules(self._cf, rules)
                file_settings.set_alert_rules(self._cf, self.alert_rules())
                file_settings.set_cadence_rules(self._cf, cadence)
                file_settings.set_complaint_deadlines(self._cf, deadlines)
        except WriteError as e:
            self.error.setText(texts.error_text(e.problem, {"detail": e.detail}))
            self.error.show()
            return
        changed = rules != self._tier_rules
        alerts = self.alert_rules()
        alerts_changed = alerts != self._alert_rules
        cadence_changed = cadence != self._cadence_rules
        deadlines_changed = deadlines != self._deadlines
        self._tier_rules, self._alert_rules, self._cadence_rules = rules, alerts, cadence
        self._deadlines = deadlines
        super().accept()
        # One recompute does it all: tiers, then the cadences, then the alerts.
        if changed:
            self.tier_rules_changed.emit(rules)
        elif alerts_changed:
            self.alert_rules_changed.emit(alerts)
        elif cadence_changed:
            self.cadence_rules_changed.emit(cadence)
        elif deadlines_changed:
            self.complaint_deadlines_changed.emit(deadlines)
