"""TierLine: a customer's tier in the detail header, why it is that tier, and how to look after it.

    [A · VIP]  Bought ¥123,456.00 in the last 12 months · rank 3 of 400 (A: top 4)   History…
    Dedicated account manager, regular visits, preferential terms, complaints handled first

The numbers are those stored at the last recompute (every open, and when the
file's tier rules change); the cut-off follows from N and the file's rules.
``History…`` opens a small list of the customer's tier changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import format_money
from crmdesk.domain.tiers import Tier, TierRules, tier_cutoffs
from crmdesk.storage.scores import CustomerScores
from crmdesk.storage.tiers import StoredTier, TierChange
from crmdesk.ui import texts

# A light fill with dark text: readable whatever the palette.
BADGE_STYLES = {
    Tier.A: "background: #fde68a; color: #713f12;",
    Tier.B: "background: #bfdbfe; color: #1e3a8a;",
    Tier.C: "background: #bbf7d0; color: #14532d;",
    Tier.D: "background: #e5e7eb; color: #374151;",
}
_BADGE_SHAPE = "border-radius: 3px; padding: 1px 6px; font-weight: 600;"
MUTED_STYLE = "color: palette(placeholder-text);"


class TierLine(QWidget):
    """Shows one StoredTier (or "not computed yet") with its history; never reads the file itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tier: StoredTier | None = None
        self._history: list[TierChange] = []
        self._name = ""
        self._history_dialog: TierHistoryDialog | None = None

        self.badge = QLabel(self)
        self.badge.setObjectName("tier_badge")
        self.why = QLabel(self)
        self.why.setObjectName("tier_why")
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_button = QToolButton(self)
        self.history_button.setObjectName("tier_history")
        self.history_button.setAutoRaise(True)
        self.history_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.history_button.setStyleSheet("QToolButton:enabled { color: palette(link); }")
        self.history_button.clicked.connect(self.show_history)
        self.method = QLabel(self)
        self.method.setObjectName("tier_method")
        self.method.setWordWrap(True)
        self.method.setStyleSheet(MUTED_STYLE)
        self.scores = QLabel(self)
        self.scores.setObjectName("tier_scores")
        self.scores.setWordWrap(True)
        self.scores.setStyleSheet(MUTED_STYLE)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.why, 1)
        row.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.method)
        layout.addWidget(self.scores)
        self._scores: CustomerScores | None = None
        self.retranslate()

    def show_tier(
        self, tier: StoredTier | None, history: list[TierChange], name: str = "",
        scores: CustomerScores | None = None,
    ) -> None:
        """The customer's stored tier (None: not computed yet), its changes oldest first, its name,
        and its RFM and churn-model numbers."""
        self._tier = tier
        self._scores = scores
        self._history = list(history)
        self._name = name
        self.retranslate()
        if self._history_dialog is not None and self._history_dialog.isVisible():
            self._history_dialog.set_history(self._history, self._name)

    def current(self) -> StoredTier | None:
        return self._tier

    def history_dialog(self) -> TierHistoryDialog | None:
        return self._history_dialog

    def show_history(self) -> None:
        if self._history_dialog is None:
            self._history_dialog = TierHistoryDialog(self)
        self._history_dialog.set_history(self._history, self._name)
        self._history_dialog.show()
        self._history_dialog.raise_()
        self._history_dialog.activateWindow()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("When this customer's tier changed"))
        self.history_button.setEnabled(bool(self._history))
        stored = self._tier
        if stored is None:
            self.badge.hide()
            self.method.hide()
            self.why.setStyleSheet(MUTED_STYLE)
            self.why.setText(self.tr("Tier not computed yet: tiers are computed when the file opens."))
            self.why.setToolTip("")
        else:
            tier = stored.result.tier
            self.badge.setText(texts.enum_text(tier))
            self.badge.setStyleSheet(BADGE_STYLES[tier] + _BADGE_SHAPE)
            self.badge.show()
            self.why.setStyleSheet("")
            self.why.setText(self.why_text(stored))
            self.why.setToolTip(self.rule_text(stored))
            self.method.setText(self.tr("Management: {method}").format(method=texts.tier_method(tier)))
            self.method.show()
        text = self.scores_text(self._scores) if stored is not None and self._scores is not None else ""
        self.scores.setText(text)
        self.scores.setVisible(bool(text))
        if self._history_dialog is not None:
            self._history_dialog.retranslate()

    def scores_text(self, scores: CustomerScores) -> str:
        """RFM 5·4·5 High value · churn risk 12% · next 52 weeks: 3.2 purchases, about ¥12,345.00"""
        parts = []
        if scores.r is not None and scores.segment is not None:
            parts.append(self.tr("RFM {r}·{f}·{m} {segment}").format(
                r=scores.r, f=scores.f, m=scores.m, segment=texts.enum_text(scores.segment)))
        if scores.p_alive is not None:
            parts.append(self.tr("churn risk {risk}%").format(risk=round(100 * (1 - scores.p_alive))))
            parts.append(self.tr("next {weeks} weeks: {purchases} purchases, about {value}").format(
                weeks=f"{scores.horizon_weeks:g}", purchases=f"{scores.expected_purchases:.1f}",
                value=format_money(scores.expected_value or 0, symbol=True)))
        return " · ".join(parts)

    def why_text(self, stored: StoredTier) -> str:
        """Bought ¥… in the last N months · rank r of N (X: top c), or no purchases in the window."""
        result, months = stored.result, stored.rules.window_months
        if result.rank is None:
            if months == 1:
                return self.tr("No purchases in the last month")
            return self.tr("No purchases in the last {months} months").format(months=months)
        if result.cutoff is not None:
            tier, cutoff = result.tier, result.cutoff
        else:  # D although it bought: below C's cut-off
            tier, cutoff = Tier.C, tier_cutoffs(result.n, stored.rules)[2]
        values = dict(amount=format_money(result.total, symbol=True), months=months, rank=result.rank,
                      n=result.n, tier=tier.value, cutoff=cutoff)
        if months == 1:
            return self.tr("Bought {amount} in the last month · rank {rank} of {n} ({tier}: top {cutoff})").format(
                **values)
        return self.tr(
            "Bought {amount} in the last {months} months · rank {rank} of {n} ({tier}: top {cutoff})"
        ).format(**values)

    def rule_text(self, stored: StoredTier) -> str:
        return "\n".join((
            rule_explanation(stored.rules),
            self.tr("Customers who bought nothing are D; equal amounts share the better rank."),
            self.tr("Computed on {date}.").format(date=stored.computed_on.isoformat()),
        ))


def rule_explanation(rules: TierRules) -> str:
    """The tier rule in one sentence, with the file's window and percentages."""
    return QCoreApplication.translate(
        "TierLine", "By purchases in the last {months} months: top {a} % A, top {b} % B, top {c} % C, the rest D."
    ).format(months=rules.window_months, a=rules.a_percent, b=rules.b_percent, c=rules.c_percent)


class TierHistoryDialog(QDialog):
    """The customer's tier changes, newest first: since, from → to, bought, rank of N."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tier_history_dialog")
        self._history: list[TierChange] = []
        self._name = ""
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("tier_history_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.retranslate()

    def set_history(self, history: list[TierChange], name: str) -> None:
        self._history = list(history)
        self._name = name
        self.retranslate()

    def rows(self) -> list[list[str]]:
        """The cells as shown, row by row (for tests)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tier history: {name}").format(name=self._name) if self._name
                            else self.tr("Tier history"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Since"), self.tr("Change"), self.tr("Bought in window"), self.tr("Rank")])
        changes = list(reversed(self._history))
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            before = change.previous.value if change.previous is not None else "—"
            cells = (
                (change.since.isoformat(), Qt.AlignmentFlag.AlignLeft),
                (f"{before} → {change.tier.value}", Qt.AlignmentFlag.AlignCenter),
                (format_money(change.total, symbol=True), Qt.AlignmentFlag.AlignRight),
                (f"{change.rank}/{change.n}" if change.rank is not None else f"—/{change.n}",
                 Qt.AlignmentFlag.AlignRight),
            )
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if column == 1:
                    item.setToolTip(texts.enum_text(change.tier))
                self.table.setItem(row, column, item)
        self._fit()

    def _fit(self) -> None:
        """Wide enough for every column, tall enough for up to eight rows (more scroll)."""
        table = self.table
        table.resizeColumnsToContents()
        frame = 2 * table.frameWidth()
        width = table.horizontalHeader().length() + frame + table.verticalScrollBar().sizeHint().width()
        rows = min(max(table.rowCount(), 1), 8)
        height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
        table.setMinimumSize(width, height + frame)
        self.resize(self.minimumSizeHint())
