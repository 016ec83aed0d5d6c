"""FilterBar: the search box (filters as you type, debounced) and the list filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from crmdesk.domain.customer import CustomerKind, LifecycleStatus
from crmdesk.domain.tiers import Tier
from crmdesk.storage.customers import CustomerQuery, FollowUpFilter, SortKey
from crmdesk.ui import texts

DEBOUNCE_MS = 200


class FilterBar(QWidget):
    query_changed = Signal(object)  # CustomerQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind_filter")
        self.status = QComboBox(self)
        self.status.setObjectName("status_filter")
        self.owner = QComboBox(self)
        self.owner.setObjectName("owner_filter")
        self.tag = QComboBox(self)
        self.tag.setObjectName("tag_filter")
        self.tier = QComboBox(self)
        self.tier.setObjectName("tier_filter")
        self.follow_up = QComboBox(self)
        self.follow_up.setObjectName("follow_up_filter")
        self.today: date | None = None  # the window's; the follow-up filter needs it
        self._combos = (self.kind, self.status, self.tier, self.follow_up, self.owner, self.tag)
        for combo in self._combos:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        for combo in self._combos:
            layout.addWidget(combo)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        for combo in self._combos:
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.sort = SortKey.CODE
        self.descending = False
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Name, pinyin (zs), phone or code…")
        )
        self._fill(self.kind, self.tr("All types"), [(texts.enum_text(k), k) for k in CustomerKind])
        self._fill(
            self.status, self.tr("All statuses"), [(texts.enum_text(s), s) for s in LifecycleStatus]
        )
        self._fill(self.tier, self.tr("All tiers"), [(texts.enum_text(t), t) for t in Tier])
        self._fill(self.follow_up, self.tr("Any follow-up"), [
            (self.tr("Overdue"), FollowUpFilter.OVERDUE.value),
            (self.tr("Due today"), FollowUpFilter.DUE_TODAY.value),
            (self.tr("Due in 7 days"), FollowUpFilter.NEXT_7_DAYS.value),
            (self.tr("None planned"), FollowUpFilter.NONE_PLANNED.value),
        ])
        self._fill(self.owner, self.tr("All owners"), [(o, o) for o in self._owners()])
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in self._tags()])

    def set_choices(self, owners: list[str], tags: list[str]) -> None:
        """Owners and tags present in the file (refreshed after opening and saving)."""
        self._fill(self.owner, self.tr("All owners"), [(o, o) for o in owners])
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in tags])

    def _owners(self) -> list[str]:
        return [self.owner.itemData(i) for i in range(1, self.owner.count())]

    def _tags(self) -> list[str]:
        return [self.tag.itemData(i) for i in range(1, self.tag.count())]

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _tier(self) -> Tier | None:
        value = self.tier.currentData()
        return Tier(value) if value else None  # combo data comes back as the plain string

    def query(self, *, deleted: bool = False) -> CustomerQuery:
        return CustomerQuery(
            text=self.search.text(),
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            owner=self.owner.currentData(),
            tag=self.tag.currentData(),
            tier=self._tier(),
            follow_up=FollowUpFilter(value) if (value := self.follow_up.currentData()) else None,
            today=self.today,
            deleted=deleted,
            sort=self.sort,
            descending=self.descending,
        )

    def set_sort(self, key: SortKey, descending: bool) -> None:
        self.sort, self.descending = key, descending
        self._emit()

    def has_filter(self) -> bool:
        q = self.query()
        return bool(q.text.strip()) or any(v is not None for v in (q.kind, q.status, q.owner, q.tag, q.tier,
                                                                    q.follow_up))

    def clear_filters(self) -> None:
        """Show everything again (one query)."""
        self._timer.stop()
        for widget in (self.search, *self._combos):
            widget.blockSignals(True)
        self.search.clear()
        for combo in self._combos:
            combo.setCurrentIndex(0)
        for widget in (self.search, *self._combos):
            widget.blockSignals(False)
        self._emit()

    def flush(self) -> None:
        """Emit a pending search now (Enter pressed, or a test)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def _emit(self) -> None:
        self.query_changed.emit(self.query())
