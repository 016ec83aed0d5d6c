"""CustomerDetailPanel: one customer's information groups as tabs, saved through a callback.

The panel never touches storage: it is given ``save(customer) -> SaveResult``
and shows the errors that come back next to their fields.  ``today`` is a
parameter (for the "not verified for over a year" mark and the "Verified
today" button); the panel never reads the clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer import (
    COMPANY_GROUPS,
    PERSONAL_GROUPS,
    Customer,
    CustomerKind,
    FieldSpec,
    FieldType,
    Group,
    LifecycleStatus,
    fields_for,
    verification_overdue,
)
from crmdesk.domain.validation import FieldError
from crmdesk.domain.win_back import WinBackReason
from crmdesk.services.customers import SaveResult
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.ledger_access import LedgerAccess
from crmdesk.ui.customer_detail.contacts_tab import ContactsTab
from crmdesk.ui.customer_detail.complaints_tab import ComplaintsTab
from crmdesk.ui.customer_detail.follow_ups_tab import ContactLogTab, FollowUpsTab
from crmdesk.ui.customer_detail.orders_tab import OrdersTab
from crmdesk.ui.customer_detail.payments_tab import PaymentsTab
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE, FieldForm
from crmdesk.ui.customer_detail.referral_box import ReferralBox
from crmdesk.ui.customer_detail.tier_line import TierLine
from crmdesk.ui.customer_detail.win_back_dialog import WinBackDialog
from crmdesk.ui.sales.sales_access import SalesAccess

WARNING_STYLE = "color: #b45309; font-weight: 600;"  # amber, readable on light and dark
_TAG_SEPARATORS = re.compile(r"[\s,，、;；]+")

# A field of both kinds whose group is not one of this kind's tabs lives here
# instead (industry: a company characteristic, part of a person's career).
_HOME_GROUP: dict[CustomerKind, dict[Group, Group]] = {
    CustomerKind.PERSONAL: {Group.CHARACTERISTICS: Group.CAREER},
    CustomerKind.COMPANY: {},
}


def tab_fields(kind: CustomerKind) -> list[tuple[Group, tuple[FieldSpec, ...]]]:
    """The information tabs of a kind and their fields, in FIELDS order.

    The management group is left out (the panel's "Record" tab); a borrowed
    field goes before the first multi-line field of its home tab.
    """
    groups = PERSONAL_GROUPS if kind is CustomerKind.PERSONAL else COMPANY_GROUPS
    own: dict[Group, list[FieldSpec]] = {g: [] for g in groups}
    borrowed: dict[Group, list[FieldSpec]] = {g: [] for g in groups}
    for spec in fields_for(kind):
        if spec.group is Group.MANAGEMENT:
            continue
        if spec.group in own:
            own[spec.group].append(spec)
        else:
            borrowed[_HOME_GROUP[kind].get(spec.group, Group.BASIC)].append(spec)
    out = []
    for group in groups:
        specs = own[group]
        at = next((i for i, s in enumerate(specs) if s.type is FieldType.LONG_TEXT), len(specs))
        out.append((group, tuple(specs[:at] + borrowed[group] + specs[at:])))
    return out


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed with commas (also Chinese ，、), semicolons or spaces; duplicates dropped."""
    return tuple(dict.fromkeys(t for t in _TAG_SEPARATORS.split(text) if t))


class _Tab:
    """One page of the tab widget: a FieldForm in a scroll area, or the contacts tab."""

    def __init__(self, group: Group, page: QWidget, form: FieldForm | None, contacts: ContactsTab | None):
        self.group = group
        self.page = page
        self.form = form
        self.contacts = contacts

    def error_fields(self) -> list[str]:
        if self.form is not None:
            return self.form.error_fields()
        return ["contacts"] if self.contacts is not None and self.contacts.has_errors() else []


class CustomerDetailPanel(QWidget):
    """The right-hand side of the main window: view and edit one customer."""

    saved = Signal(object)
    dirty_changed = Signal(bool)
    ledger_changed = Signal()  # an order or payment was saved or deleted
    follow_ups_changed = Signal()  # a contact was logged, a follow-up planned, moved or closed
    complaints_changed = Signal()  # a complaint recorded, handled, resolved, reopened or deleted
    open_customer = Signal(int)  # a referrer or a referred customer to show (set_sales)

    def __init__(
        self,
        save: Callable[[Customer], SaveResult],
        *,
        today: date,
        stale_after_days: int = 365,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._today = today
        self._stale_after_days = stale_after_days
        self._customer: Customer | None = None
        self._kind: CustomerKind | None = None
        self._tabs: list[_Tab] = []
        self._read_only = False
        self._dirty = False
        self._general_errors: list[FieldError] = []
        self._message: str = ""
        self._ledger: LedgerAccess | None = None
        self.orders_tab: OrdersTab | None = None
        self.sales_tab: QWidget | None = None  # set_sales_tab
        self.payments_tab: PaymentsTab | None = None
        self.follow_ups_tab: FollowUpsTab | None = None
        self.contacts_log_tab: ContactLogTab | None = None
        self.complaints_tab: ComplaintsTab | None = None
        self._sales: SalesAccess | None = None
        self.referral_box: ReferralBox | None = None  # made by set_sales
        self._win_back_since: date | None = None  # the shown customer's open win-back plan

        self._stack = QStackedWidget()
        self._stack.addWidget(self._build_empty_page())
        self._stack.addWidget(self._build_editor_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.retranslate()

    # ------------------------------------------------------------ building

    def _build_empty_page(self) -> QWidget:
        self._empty_label = QLabel()
        self._empty_label.setObjectName("empty_page")
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty_label.setWordWrap(True)
        palette = self._empty_label.palette()  # quiet grey, still readable
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self._empty_label.setPalette(palette)
        font = self._empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self._empty_label.setFont(font)
        return self._empty_label

    def _build_editor_page(self) -> QWidget:
        page = QWidget()

        self._name_label = QLabel()
        self._name_label.setObjectName("header_name")
        self._name_label.setWordWrap(True)
        self._name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self._name_label.setFont(font)

        self._meta_label = QLabel()
        self._meta_label.setObjectName("header_meta")
        self._meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._meta_label.setWordWrap(True)  # in a narrow window it wraps, not the warning

        self.verified_label = QLabel()
        self.verified_label.setObjectName("verified_label")
        self.verified_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.verified_today_button = QPushButton()
        self.verified_today_button.setObjectName("verified_today")
        self.verified_today_button.setAutoDefault(False)
        self.verified_today_button.clicked.connect(self._on_verified_today)
        # 客户挽回: shown once the window gives the panel a SalesAccess (set_sales).
        self.win_back_button = QPushButton()
        self.win_back_button.setObjectName("win_back_button")
        self.win_back_button.setAutoDefault(False)
        self.win_back_button.clicked.connect(lambda: self.start_win_back())
        self.win_back_button.hide()

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self._name_label, 1)
        top.addWidget(self.win_back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.verified_today_button, 0, Qt.AlignmentFlag.AlignTop)
        second = QHBoxLayout()
        second.setSpacing(12)
        second.addWidget(self._meta_label, 1)
        second.addWidget(self.verified_label, 0)
        # The tier, why, and how to look after the customer (stored customers of an open file).
        self.tier_line = TierLine()
        self.tier_line.setObjectName("tier_line")
        self.tier_line.hide()
        header = QVBoxLayout()
        header.setContentsMargins(4, 2, 4, 0)
        header.setSpacing(4)
        header.addLayout(top)
        header.addLayout(second)
        header.addWidget(self.tier_line)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detail_tabs")
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)

        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("field_tags")
        self.tags_edit.textChanged.connect(self._update_dirty)

        self._message_label = QLabel()
        self._message_label.setObjectName("save_message")
        self._message_label.setStyleSheet(ERROR_STYLE)
        self._message_label.setWordWrap(True)
        self._message_label.hide()

        self.save_button = QPushButton()
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.setObjectName("revert_button")
        self.revert_button.setAutoDefault(False)
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self.revert)
        for button in (self.save_button, self.revert_button):
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("M" * 7))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self._message_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        # Profile (the information groups, saved with Save), then the ledger
        # sections, whose dialogs save each order or payment at once.
        profile = QWidget()
        profile_layout = QVBoxLayout(profile)
        profile_layout.setContentsMargins(0, 6, 0, 0)
        profile_layout.setSpacing(10)
        profile_layout.addWidget(self.tabs, 1)
        profile_layout.addLayout(buttons)
        self.sections = QTabWidget()
        self.sections.setObjectName("detail_sections")
        self.sections.setDocumentMode(True)
        self.sections.addTab(profile, "")

        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.sections, 1)
        return page

    def set_ledger(self, ledger: LedgerAccess | None) -> None:
        """The open file's orders and payments (None: no file); adds the two sections once."""
        self._ledger = ledger
        if ledger is None:
            self.refresh_tier()
            return
        if self.orders_tab is None:
            self.orders_tab = OrdersTab(ledger)
            self.orders_tab.setObjectName("orders_tab")
            self.payments_tab = PaymentsTab(ledger)
            self.payments_tab.setObjectName("payments_tab")
            self.orders_tab.changed.connect(self.payments_tab.refresh)
            self.payments_tab.changed.connect(self.orders_tab.refresh)
            for tab in (self.orders_tab, self.payments_tab):
                tab.changed.connect(self.ledger_changed)
                self.sections.addTab(tab, "")
            self.orders_tab.changed.connect(self.reload_customer)  # a new order may have moved its status
            self.follow_ups_tab = FollowUpsTab(ledger)
            self.follow_ups_tab.setObjectName("follow_ups_tab")
            self.contacts_log_tab = ContactLogTab(ledger)
            self.contacts_log_tab.setObjectName("contacts_log_tab")
            self.follow_ups_tab.contact_logged.connect(self.contacts_log_tab.refresh)
            for tab in (self.follow_ups_tab, self.contacts_log_tab):
                tab.changed.connect(self._on_follow_ups_changed)
                self.sections.addTab(tab, "")
            self.complaints_tab = ComplaintsTab(ledger)
            self.complaints_tab.setObjectName("complaints_tab")
            self.complaints_tab.changed.connect(self.complaints_changed)
            self.sections.addTab(self.complaints_tab, "")
            self._retranslate_sections()
        else:
            for tab in self._ledger_tabs():
                tab.set_ledger(ledger)
        self._show_ledger_of(self._customer)

    def set_sales_tab(self, tab: QWidget) -> None:
        """The customer's opportunities and products to offer, as the last section (made by the window,
        which has the pipeline and the suggestions); it needs ``show_customer(id | None)`` and ``retranslate()``."""
        if self.sales_tab is None:
            self.sales_tab = tab
            self.sections.addTab(tab, "")
            self._retranslate_sections()
        self._show_ledger_of(self._customer)

    def set_sales(self, sales: SalesAccess | None) -> None:
        """The open file's referrals and win-back plans (None: no file); adds the referral box once."""
        self._sales = sales
        if sales is not None and self.referral_box is None:
            self.referral_box = ReferralBox()
            self.referral_box.open_customer.connect(self.open_customer)
            self.referral_box.set_read_only(self._read_only)
            self._place_referral_box()
        if self.referral_box is not None:
            self.referral_box.set_access(sales)
            self._show_sales_of(self._customer)
        self._update_buttons()
        if self._customer is not None:
            self._retranslate_header()

    def _place_referral_box(self) -> None:
        """In the relationships tab (人际情况) of a person, in the record tab of a company."""
        box = self.referral_box
        if box is None:
            return
        home = next((t for t in self._tabs if t.group is Group.RELATIONSHIPS), None)
        home = home or next((t for t in self._tabs if t.group is Group.MANAGEMENT), None)
        if home is None or not isinstance(home.page, QScrollArea):
            box.setParent(None)
            return
        column = home.page.widget().layout()
        column.insertWidget(column.count() - 1, box)  # above the stretch
        box.show()

    def _show_sales_of(self, customer: Customer | None) -> None:
        """The customer's referrals, and the day its open win-back plan started (for the header)."""
        stored = customer is not None and customer.id is not None
        if self.referral_box is not None:
            self.referral_box.show_customer(customer.id if stored else None)
        self._win_back_since = None
        if self._sales is not None and stored:
            episode = next((e for e in self._sales.win_back_episodes(customer.id) if e.open), None)
            self._win_back_since = episode.lost_on if episode is not None else None

    def reload_customer(self) -> None:
        """Read the shown customer again after a change made elsewhere (an order made it active or won
        back, a win-back plan made it lost); edits in progress are kept (FieldForm.rebase)."""
        current = self._customer
        if self._sales is None or current is None or current.id is None:
            return
        fresh = self._sales.customer(current.id)
        if fresh is None or fresh.row_version == current.row_version:
            return
        if not self.is_dirty():
            section = self.sections.currentIndex()
            self.show_customer(fresh)
            self.sections.setCurrentIndex(section)
            return
        self._customer = fresh
        for tab in self._tabs:
            if tab.form is not None:
                tab.form.rebase(fresh)
        self._show_sales_of(fresh)
        self._retranslate_header()
        self._update_dirty()

    def start_win_back(self, reason: WinBackReason = WinBackReason.MANUAL) -> bool:
        """Ask, then start a win-back plan for the shown customer and show its follow-ups; False if not started."""
        customer = self._customer
        if self._sales is None or customer is None or customer.id is None or self._read_only:
            return False
        episodes = self._sales.win_back_episodes(customer.id)
        open_episode = next((e for e in episodes if e.open), None)
        dialog = WinBackDialog(customer.name, self._sales.win_back_steps(), self._sales.today, reason=reason,
                               open_episode=open_episode, parent=self)
        if dialog.exec() != WinBackDialog.DialogCode.Accepted:
            return False
        try:
            self._sales.start_win_back(customer.id, dialog.chosen_reason())
        except WriteError as e:
            self._message = texts.error_text(e.problem, {"detail": e.detail})
            self._render_message()
            return False
        self.reload_customer()
        self._show_sales_of(self._customer)  # the status may have been lost already: the plan's day still shows
        self._retranslate_header()
        self.refresh_follow_ups()
        if self.follow_ups_tab is not None:
            self.sections.setCurrentWidget(self.follow_ups_tab)
        self.follow_ups_changed.emit()
        return True

    def _show_ledger_of(self, customer: Customer | None) -> None:
        self.refresh_tier()
        if self.orders_tab is None:
            return
        stored = customer is not None and customer.id is not None
        customer_id = customer.id if stored else None
        limit = customer.credit_limit if stored else None
        people = tuple(c.name for c in customer.contacts) if stored else ()
        for tab in (self.follow_ups_tab, self.contacts_log_tab):
            tab.set_customer_details(customer.owner if stored else None, people)
        self.complaints_tab.set_customer_details(customer.owner if stored else None)
        for tab in self._ledger_tabs():
            tab.show_customer(customer_id, limit)
        if self.sales_tab is not None:
            self.sales_tab.show_customer(customer_id)
        for index in range(1, self.sections.count()):
            self.sections.setTabEnabled(index, stored)
        if not stored:
            self.sections.setCurrentIndex(0)

    def _ledger_tabs(self) -> list:
        tabs = (self.orders_tab, self.payments_tab, self.follow_ups_tab, self.contacts_log_tab, self.complaints_tab)
        return [t for t in tabs if t is not None]

    def refresh_complaints(self) -> None:
        """Read the shown customer's complaints again (changed from elsewhere, or a new day)."""
        if self.complaints_tab is not None:
            self.complaints_tab.refresh()

    def refresh_follow_ups(self) -> None:
        """Read the shown customer's follow-ups and contacts again (changed from elsewhere)."""
        for tab in (self.follow_ups_tab, self.contacts_log_tab):
            if tab is not None:
                tab.refresh()

    def _on_follow_ups_changed(self) -> None:
        # Done… on the follow-ups tab wrote a contact; a new contact may have planned a follow-up.
        for tab in (self.follow_ups_tab, self.contacts_log_tab):
            if tab is not None and tab is not self.sender():
                tab.refresh()
        self.follow_ups_changed.emit()

    def refresh_tier(self) -> None:
        """Read the shown customer's stored tier again (after tiers were recomputed)."""
        customer = self._customer
        if self._ledger is None or customer is None or customer.id is None:
            self.tier_line.hide()
            return
        self.tier_line.show_tier(
            self._ledger.tier(customer.id), self._ledger.tier_history(customer.id), customer.name,
            self._ledger.scores(customer.id))
        self.tier_line.show()

    def _retranslate_sections(self) -> None:
        self.sections.setTabText(0, self.tr("Details"))
        if self.orders_tab is not None:
            self.sections.setTabText(1, self.tr("Orders"))
            self.sections.setTabText(2, self.tr("Payments"))
            self.sections.setTabText(3, self.tr("Follow-ups"))
            self.sections.setTabText(4, self.tr("Contact log"))
            self.sections.setTabText(5, self.tr("Complaints"))
            for tab in self._ledger_tabs():
                tab.retranslate()
        if self.sales_tab is not None:
            self.sections.setTabText(self.sections.indexOf(self.sales_tab), self.tr("Sales"))
            self.sales_tab.retranslate()

    def _build_tabs(self, kind: CustomerKind) -> None:
        """(Re)build the tab pages for a kind; old pages are deleted, not hidden."""
        current_tags = self.tags_edit
        current_tags.setParent(None)  # survives the rebuild; it belongs to the panel
        if self.referral_box is not None:
            self.referral_box.setParent(None)  # so does the referral box
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.setParent(None)
            page.deleteLater()
        self._tabs = []
        for group, specs in tab_fields(kind):
            if group is Group.CONTACTS:
                contacts = ContactsTab()
                contacts.setObjectName("contacts_tab")
                contacts.edited.connect(self._update_dirty)
                self._add_tab(_Tab(group, contacts, None, contacts))
            else:
                form = FieldForm(specs)
                self._add_tab(_Tab(group, self._scrolled(form, group), form, None))
        record = FieldForm(fields_for(kind, Group.MANAGEMENT))
        record.add_row("tags", current_tags, before="notes")
        self._add_tab(_Tab(Group.MANAGEMENT, self._scrolled(record, Group.MANAGEMENT), record, None))
        for tab in self._tabs:
            if tab.form is not None:
                tab.form.edited.connect(self._on_form_edited)
                tab.form.set_read_only(self._read_only)
            if tab.contacts is not None:
                tab.contacts.set_read_only(self._read_only)
        self._kind = kind
        self._place_referral_box()
        self._retranslate_tabs()

    def _add_tab(self, tab: _Tab) -> None:
        self._tabs.append(tab)
        self.tabs.addTab(tab.page, "")

    @staticmethod
    def _scrolled(form: FieldForm, group: Group) -> QScrollArea:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(form)
        column.addStretch(1)
        area = QScrollArea()
        area.setObjectName(f"tab_{group.value}")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setWidget(content)
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        return area

    # ------------------------------------------------------------ showing

    def show_customer(self, customer: Customer | None) -> None:
        """Show a customer (or the empty page for None); edits in progress are dropped."""
        self._customer = customer
        self._clear_errors()
        if customer is None:
            self._stack.setCurrentIndex(0)
            self._show_ledger_of(None)
            self._show_sales_of(None)
            self._update_dirty()
            return
        if customer.kind != self._kind:
            self._build_tabs(customer.kind)
        for tab in self._tabs:
            if tab.form is not None:
                tab.form.set_values(customer)
            if tab.contacts is not None:
                tab.contacts.set_contacts(customer.contacts)
        self.tags_edit.blockSignals(True)
        self.tags_edit.setText(", ".join(customer.tags))
        self.tags_edit.setCursorPosition(0)
        self.tags_edit.blockSignals(False)
        self._stack.setCurrentIndex(1)
        self._show_ledger_of(customer)
        self._show_sales_of(customer)
        self._retranslate_header()
        self._update_buttons()
        self._update_dirty()

    def start_new(self, kind: CustomerKind) -> None:
        """A blank customer of that kind, status active, with the cursor in the name field."""
        self.show_customer(Customer(kind=kind, name="", status=LifecycleStatus.ACTIVE))
        self.tabs.setCurrentIndex(0)
        self._focus_field("name")

    def begin_editing(self) -> None:
        """Put the cursor in the first field of the tab on show (the Edit action)."""
        tab = self._tabs[self.tabs.currentIndex()] if self._tabs else None
        if tab is not None and tab.form is not None and tab.form.field_names():
            tab.form.focus_field(tab.form.field_names()[0])
        elif tab is not None and tab.contacts is not None:
            tab.contacts.setFocus()

    def current(self) -> Customer | None:
        """The customer as last shown or saved (edits not yet saved are not in it)."""
        return self._customer

    def is_dirty(self) -> bool:
        if self._customer is None:
            return False
        for tab in self._tabs:
            if tab.form is not None and tab.form.is_dirty():
                return True
            if tab.contacts is not None and tab.contacts.is_dirty():
                return True
        return parse_tags(self.tags_edit.text()) != tuple(self._customer.tags)

    def revert(self) -> None:
        self.show_customer(self._customer)

    def _on_form_edited(self) -> None:
        self._update_dirty()
        if self._customer is not None:
            self._retranslate_header()  # the name in the header follows the name field

    def _update_dirty(self, *_args: object) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty and not self._read_only)
        self.revert_button.setEnabled(dirty and not self._read_only)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        self.verified_today_button.setEnabled(self._customer is not None and not self._read_only)
        stored = self._customer is not None and self._customer.id is not None
        self.win_back_button.setVisible(self._sales is not None)
        self.win_back_button.setEnabled(stored and not self._read_only)

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Parse, save through the callback, and show the stored customer; False if nothing was saved."""
        if self._customer is None or self._read_only:
            return False
        self._clear_errors()
        values: dict[str, object] = {}
        errors: list[FieldError] = []
        contacts = None
        for tab in self._tabs:
            if tab.form is not None:
                form_values, form_errors = tab.form.parse()
                values.update(form_values)
                errors += form_errors
            if tab.contacts is not None:
                contacts = tab.contacts.contacts()
        if errors:
            self._show_errors(errors)
            return False
        changes: dict[str, object] = dict(values, tags=parse_tags(self.tags_edit.text()))
        if contacts is not None:
            changes["contacts"] = contacts
        try:
            result = self._save(self._customer.with_changes(**changes))
        except WriteError as e:
            self._message = texts.error_text(e.problem, {"detail": e.detail})
            self._render_message()
            return False
        if not result.ok or result.customer is None:
            # No errors and no customer: the callback has already told the user why.
            if result.errors:
                self._show_errors(result.errors)
            return False
        self.show_customer(result.customer)
        self.saved.emit(result.customer)
        return True

    def _on_verified_today(self) -> None:
        if self._customer is None or self._read_only:
            return
        editor = self._editor("last_verified")
        assert isinstance(editor, QLineEdit)
        editor.setText(self._today.isoformat())
        self.save()

    def _show_errors(self, errors: Iterable[FieldError]) -> None:
        remaining = list(errors)
        for tab in self._tabs:
            if tab.form is not None:
                remaining = tab.form.show_errors(remaining)
            elif tab.contacts is not None:
                remaining = tab.contacts.show_errors(remaining)
        self._general_errors = remaining
        self._message = self.tr("Not saved: please correct the marked fields.")
        self._render_message()
        for index, tab in enumerate(self._tabs):
            fields = tab.error_fields()
            if fields:
                self.tabs.setCurrentIndex(index)
                if tab.form is not None:
                    self._focus_field(fields[0])
                elif tab.contacts is not None:
                    tab.contacts.table.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def _render_message(self) -> None:
        lines = [self._message] if self._message else []
        for error in self._general_errors:
            message = texts.error_text(error.code, error.params)
            if error.field in texts.FIELD_LABELS:
                message = f"{texts.field_label(error.field)}: {message}"
            lines.append(message)
        self._message_label.setText("\n".join(lines))
        self._message_label.setVisible(bool(lines))

    def _clear_errors(self) -> None:
        for tab in self._tabs:
            if tab.form is not None:
                tab.form.clear_errors()
            if tab.contacts is not None:
                tab.contacts.clear_errors()
        self._general_errors = []
        self._message = ""
        self._render_message()

    def _editor(self, name: str) -> QWidget:
        for tab in self._tabs:
            if tab.form is not None and tab.form.has_field(name):
                return tab.form.editor(name)
        raise KeyError(name)

    def _focus_field(self, name: str) -> None:
        for index, tab in enumerate(self._tabs):
            if tab.form is not None and tab.form.has_field(name):
                self.tabs.setCurrentIndex(index)
                if isinstance(tab.page, QScrollArea):
                    tab.page.ensureWidgetVisible(tab.form.editor(name), 0, 40)
                tab.form.focus_field(name)
                return

    # ------------------------------------------------------------ state and language

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for tab in self._tabs:
            if tab.form is not None:
                tab.form.set_read_only(read_only)
            if tab.contacts is not None:
                tab.contacts.set_read_only(read_only)
        self.tags_edit.setReadOnly(read_only)
        if self.referral_box is not None:
            self.referral_box.set_read_only(read_only)
        self._update_buttons()
        self._update_dirty()

    def retranslate(self) -> None:
        self._empty_label.setText(self.tr("Select a customer on the left, or create one."))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the changes to this customer"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes not yet saved"))
        self.verified_today_button.setText(self.tr("Verified today"))
        self.verified_today_button.setToolTip(
            self.tr("Record that this customer's information was checked today, and save")
        )
        self.win_back_button.setText(self.tr("Start win-back plan…"))
        self.win_back_button.setToolTip(self.tr(
            "Record the customer as lost and plan the calls to win it back (客户挽回)"))
        if self.referral_box is not None:
            self.referral_box.retranslate()
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas or spaces, e.g. VIP, 老客户"))
        self._retranslate_tabs()
        self._retranslate_sections()
        for tab in self._tabs:
            if tab.form is not None:
                tab.form.retranslate()
            if tab.contacts is not None:
                tab.contacts.retranslate()
        self._retranslate_header()
        self.tier_line.retranslate()
        if self._message:
            self._message = self.tr("Not saved: please correct the marked fields.")
        self._render_message()

    def _retranslate_tabs(self) -> None:
        for index, tab in enumerate(self._tabs):
            self.tabs.setTabText(index, texts.enum_text(tab.group))
        for tab in self._tabs:
            if tab.form is not None and "code" in tab.form.field_names():
                code = tab.form.editor("code")
                assert isinstance(code, QLineEdit)
                code.setPlaceholderText(self.tr("Assigned when saved"))

    def _retranslate_header(self) -> None:
        customer = self._customer
        if customer is None:
            return
        name = ""
        for tab in self._tabs:
            if tab.form is not None and "name" in tab.form.field_names():
                name = tab.form.texts()["name"].strip()
        if not name:
            name = (
                self.tr("New personal customer") if customer.kind is CustomerKind.PERSONAL
                else self.tr("New company customer")
            ) if customer.id is None else customer.name
        self._name_label.setText(name)
        parts = [customer.code or self.tr("No code yet"), texts.enum_text(customer.kind),
                 texts.enum_text(customer.status)]
        if self._win_back_since is not None:
            parts.append(self.tr("win-back plan since {date}").format(date=self._win_back_since.isoformat()))
        self._meta_label.setText("  ·  ".join(parts))
        self._retranslate_verified()

    def set_stale_after_days(self, days: int) -> None:
        self._stale_after_days = days
        if self._customer is not None:
            self._retranslate_verified()

    def _retranslate_verified(self) -> None:
        customer = self._customer
        assert customer is not None
        verified = customer.last_verified
        stale = verification_overdue(verified, self._today, self._stale_after_days)
        if verified is None:
            text = "⚠ " + self.tr("Never verified")
        else:
            text = self.tr("Last verified: {date}").format(date=verified.isoformat())
            if stale:
                if self._stale_after_days % 365 == 0:
                    years = self._stale_after_days // 365
                    warning = (self.tr("Not verified for over a year") if years == 1 else
                               self.tr("Not verified for over {n} years").format(n=years))
                else:
                    warning = self.tr("Not verified for over {n} days").format(n=self._stale_after_days)
                text = "⚠ " + self.tr("{warning} (last: {date})").format(
                    warning=warning, date=verified.isoformat())
        self.verified_label.setText(text)
        self.verified_label.setStyleSheet(WARNING_STYLE if stale else "")
        self.verified_label.setProperty("stale", stale)
        self.verified_label.setToolTip(
            self.tr("Customer information should be checked at least every {n} days.").format(
                n=self._stale_after_days)
        )
