"""ReferralBox: who referred the customer (picked among the file's customers) and whom it referred.

Shown in the relationships tab (人际情况) of a person and the record tab of a
company.  A referral is saved at once when picked or cleared, not with the
panel's Save: it is a link between two customers, not a field of one.
Referred revenue is the referred customers' orders since their referral
(domain.referrals).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.dates import DateError, parse_date
from crmdesk.domain.validation import ErrorCode
from crmdesk.services.referrals import ReferralRefused, Referrals
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE
from crmdesk.ui.customer_detail.ledger_widgets import digits_width, money
from crmdesk.ui.sales.sales_access import SalesAccess

SEARCH_DELAY_MS = 200
_ID = Qt.ItemDataRole.UserRole


class ReferralBox(QGroupBox):
    open_customer = Signal(int)
    changed = Signal()  # a referrer was set or cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral_box")
        self._access: SalesAccess | None = None
        self._customer_id: int | None = None
        self._referrals: Referrals | None = None
        self._read_only = False

        self.referrer_caption = QLabel()
        self.referrer_label = QLabel()
        self.referrer_label.setObjectName("referrer_label")
        self.referrer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_referrer_button = QPushButton()
        self.open_referrer_button.setObjectName("open_referrer")
        self.open_referrer_button.setAutoDefault(False)
        self.open_referrer_button.clicked.connect(self._open_referrer)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear_referrer")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self._clear)
        top = QHBoxLayout()
        top.addWidget(self.referrer_caption)
        top.addWidget(self.referrer_label, 1)
        top.addWidget(self.open_referrer_button)
        top.addWidget(self.clear_button)

        self.search = QLineEdit()
        self.search.setObjectName("referrer_search")
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._pick_first)
        self.referred_on = QLineEdit()
        self.referred_on.setObjectName("referred_on")
        self.referred_on.setFixedWidth(digits_width(self.referred_on, 12))
        self.referred_on_caption = QLabel()
        self.referred_on_caption.setBuddy(self.referred_on)
        pick = QHBoxLayout()
        pick.addWidget(self.search, 1)
        pick.addWidget(self.referred_on_caption)
        pick.addWidget(self.referred_on)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)

        self.results = QListWidget()
        self.results.setObjectName("referrer_results")
        self.results.setMaximumHeight(self.fontMetrics().height() * 7)
        self.results.itemClicked.connect(self._pick)
        self.results.itemActivated.connect(self._pick)
        self.results.hide()

        self.message = QLabel()
        self.message.setObjectName("referral_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

        self.referred_caption = QLabel()
        self.referred_caption.setObjectName("referred_caption")
        self.referred = QTableWidget(0, 4)
        self.referred.setObjectName("referred_customers")
        self.referred.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.referred.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.referred.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.referred.verticalHeader().hide()
        self.referred.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.referred.itemActivated.connect(self._open_referred)
        self.referred.itemDoubleClicked.connect(self._open_referred)
        self.total_label = QLabel()
        self.total_label.setObjectName("referred_revenue")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pick)
        layout.addWidget(self.results)
        layout.addWidget(self.message)
        layout.addWidget(self.referred_caption)
        layout.addWidget(self.referred)
        layout.addWidget(self.total_label)
        self.retranslate()
        self._render()

    # ------------------------------------------------------------ what is shown

    def set_access(self, access: SalesAccess | None) -> None:
        self._access = access
        self.show_customer(self._customer_id)

    def show_customer(self, customer_id: int | None) -> None:
        """A stored customer's referrals (None: a new customer, not saved yet)."""
        self._customer_id = customer_id
        self.search.clear()
        self.referred_on.clear()
        self._show_results([])
        self._say("")
        self.refresh()

    def refresh(self) -> None:
        """Read the referrals again (orders of a referred customer may have changed)."""
        ok = self._access is not None and self._customer_id is not None
        self._referrals = self._access.referrals(self._customer_id) if ok else None
        self._render()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._render()

    def referrer_id(self) -> int | None:
        r = self._referrals
        return r.referrer.customer_id if r is not None and r.referrer is not None else None

    def _render(self) -> None:
        r = self._referrals
        stored = r is not None
        writable = stored and not self._read_only and not (self._access is not None and self._access.read_only)
        if r is not None and r.referrer is not None:
            text = f"{r.referrer.name} ({r.referrer.code})"
            if r.referred_on is not None:
                text += "  ·  " + self.tr("since {date}").format(date=r.referred_on.isoformat())
            self.referrer_label.setText(text)
        else:
            self.referrer_label.setText(self.tr("Nobody recorded") if stored else self.tr("Save the customer first"))
        has_referrer = r is not None and r.referrer is not None
        self.open_referrer_button.setEnabled(has_referrer)
        self.clear_button.setEnabled(has_referrer and writable)
        self.search.setEnabled(writable)
        self.referred_on.setEnabled(writable)
        rows = r.referred if r is not None else ()
        self.referred.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (row.code, row.name, row.referred_on.isoformat() if row.referred_on else "", money(row.revenue))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(_ID, row.customer_id)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self.tr("Double-click to open {name} ({status})").format(
                    name=row.name, status=texts.enum_text(row.status)))
                self.referred.setItem(i, column, item)
        self.referred.resizeColumnsToContents()
        self.referred.setFixedHeight(self._table_height(min(len(rows), 6)))
        self.referred.setVisible(bool(rows))
        if r is None:
            self.total_label.setText("")
        elif rows:
            self.total_label.setText(self.tr("Referred revenue: {amount} from {n} customer(s)").format(
                amount=money(r.referred_revenue), n=len(rows)))
        else:
            self.total_label.setText(self.tr("Has referred nobody yet."))

    def _table_height(self, rows: int) -> int:
        """Tall enough for ``rows`` rows (a scroll bar beyond), not a screenful of empty space."""
        table = self.referred
        body = sum(table.rowHeight(i) for i in range(rows))
        return table.horizontalHeader().sizeHint().height() + body + 2 * table.frameWidth() + 6

    # ------------------------------------------------------------ picking

    def search_now(self) -> None:
        """Offer the customers matching what is typed (the timer calls it after a pause)."""
        self._timer.stop()
        if self._access is None or self._customer_id is None:
            return
        rows = self._access.candidates(self.search.text(), exclude=self._customer_id)
        self._show_results([(row.id, f"{row.code}  {row.name}") for row in rows])

    def _show_results(self, lines: list[tuple[int, str]]) -> None:
        self.results.clear()
        for customer_id, text in lines:
            item = QListWidgetItem(text)
            item.setData(_ID, customer_id)
            self.results.addItem(item)
        self.results.setVisible(bool(lines))

    def _pick_first(self) -> None:
        self.search_now()
        if self.results.count():
            self._pick(self.results.item(0))

    def _referred_on(self) -> tuple[bool, date | None]:
        text = self.referred_on.text().strip()
        if not text:
            return True, None
        try:
            return True, parse_date(text)
        except DateError:
            self._say(self.tr("Referred on: {error}").format(error=texts.error_text(ErrorCode.INVALID_DATE)))
            return False, None

    def _pick(self, item: QListWidgetItem) -> None:
        if self._access is None or self._customer_id is None:
            return
        ok, day = self._referred_on()
        if not ok:
            return
        try:
            self._access.set_referrer(self._customer_id, item.data(_ID), day)
        except ReferralRefused as e:
            self._say(texts.error_text(e.problem, e.params))
            return
        except WriteError as e:
            self._say(texts.error_text(e.problem, {"detail": e.detail}))
            return
        self.search.clear()
        self.referred_on.clear()
        self._show_results([])
        self._say("")
        self.refresh()
        self.changed.emit()

    def _clear(self) -> None:
        if self._access is None or self._customer_id is None:
            return
        try:
            self._access.clear_referrer(self._customer_id)
        except WriteError as e:
            self._say(texts.error_text(e.problem, {"detail": e.detail}))
            return
        self._say("")
        self.refresh()
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _open_referrer(self) -> None:
        referrer = self.referrer_id()
        if referrer is not None:
            self.open_customer.emit(referrer)

    def _open_referred(self, item: QTableWidgetItem) -> None:
        self.open_customer.emit(item.data(_ID))

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setTitle(self.tr("Referrals between customers"))
        self.referrer_caption.setText(self.tr("Referring customer:"))
        self.open_referrer_button.setText(self.tr("Open"))
        self.open_referrer_button.setToolTip(self.tr("Show the customer who made the referral"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Forget who referred this customer (saved at once)"))
        self.search.setPlaceholderText(self.tr("Find the referrer: name, pinyin, code or phone"))
        self.search.setToolTip(self.tr("Type, then click a customer below to record the referral (saved at once)"))
        self.referred_on_caption.setText(self.tr("Referred on:"))
        self.referred_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.referred_on.setToolTip(self.tr(
            "Optional. Referred revenue counts the orders from this day; without a day, all of them."))
        self.referred_caption.setText(self.tr("Referred customers:"))
        self.referred.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Referred on"), self.tr("Revenue since")])
        self._render()
