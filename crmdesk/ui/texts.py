"""Every domain code the user can see, as translated text (one place, Anki-style).

The domain returns codes (enums, validation errors, file problems); this
module words them.  The strings are marked with QT_TRANSLATE_NOOP in the
context "texts" so that pyside6-lupdate extracts them, and translated on
use.  A test checks that every enum member and code has an entry.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.domain.customer import (
    AccountType,
    ContactRole,
    CustomerKind,
    Gender,
    Group,
    LifecycleStatus,
    MaritalStatus,
    SourceChannel,
)
from crmdesk.domain.duplicates import MatchReason
from crmdesk.domain.money import format_money
from crmdesk.domain.followups import ContactMethod, FollowUpState
from crmdesk.domain.campaigns import CampaignChannel
from crmdesk.domain.cross_sell import ReasonKind
from crmdesk.domain.complaints import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintNature,
    ComplaintState,
    DeadlineStage,
    StepKind,
)
from crmdesk.domain.lunar import LunarDate
from crmdesk.domain.orders import PaymentMethod
from crmdesk.domain.referrals import ReferralProblem
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.domain.validation import ErrorCode
from crmdesk.domain.win_back import WinBackReason
from crmdesk.storage.customer_file import FileProblem, WriteProblem

CONTEXT = "texts"

class EnumTexts(Mapping[Enum, str]):
    """Texts keyed by enum member *and* its enum.

    StrEnum members of different enums with the same name and value
    (SourceChannel.OTHER and ContactRole.OTHER, AccountType.CASH and
    PaymentMethod.CASH) are equal and hash alike, so one plain dict keeps only
    the last text.  Such enums go in separate parts.
    """

    def __init__(self, *parts: dict[Enum, str]) -> None:
        self._texts = {(type(m), m): text for part in parts for m, text in part.items()}

    def __getitem__(self, member: Enum) -> str:
        return self._texts[(type(member), member)]

    def __iter__(self) -> Iterator[Enum]:
        return (m for _, m in self._texts)

    def __len__(self) -> int:
        return len(self._texts)


# Group names are tab labels: short, so that nine tabs fit beside the list.
_TEXTS: dict[Enum, str] = {
    CustomerKind.PERSONAL: QT_TRANSLATE_NOOP("texts", "Personal"),
    CustomerKind.COMPANY: QT_TRANSLATE_NOOP("texts", "Company"),
    LifecycleStatus.PROSPECT: QT_TRANSLATE_NOOP("texts", "Prospect"),
    LifecycleStatus.ACTIVE: QT_TRANSLATE_NOOP("texts", "Active"),
    LifecycleStatus.LOST: QT_TRANSLATE_NOOP("texts", "Lost"),
    LifecycleStatus.WON_BACK: QT_TRANSLATE_NOOP("texts", "Won back"),
    SourceChannel.SURVEY: QT_TRANSLATE_NOOP("texts", "Survey"),
    SourceChannel.MARKETING_EVENT: QT_TRANSLATE_NOOP("texts", "Marketing event"),
    SourceChannel.SERVICE: QT_TRANSLATE_NOOP("texts", "Service process"),
    SourceChannel.STORE: QT_TRANSLATE_NOOP("texts", "Store or terminal"),
    SourceChannel.TRADE_FAIR: QT_TRANSLATE_NOOP("texts", "Trade fair"),
    SourceChannel.WEBSITE: QT_TRANSLATE_NOOP("texts", "Website"),
    SourceChannel.CALL_CENTRE: QT_TRANSLATE_NOOP("texts", "Call centre"),
    SourceChannel.COMPLAINT: QT_TRANSLATE_NOOP("texts", "Complaint"),
    SourceChannel.MEDIA: QT_TRANSLATE_NOOP("texts", "Media"),
    SourceChannel.BUSINESS_REGISTRY: QT_TRANSLATE_NOOP("texts", "Business registry"),
    SourceChannel.BANK: QT_TRANSLATE_NOOP("texts", "Bank"),
    SourceChannel.CONSULTANCY: QT_TRANSLATE_NOOP("texts", "Consultancy"),
    SourceChannel.PURCHASED_LIST: QT_TRANSLATE_NOOP("texts", "Purchased list"),
    SourceChannel.PARTNER: QT_TRANSLATE_NOOP("texts", "Partner"),
    SourceChannel.REFERRAL: QT_TRANSLATE_NOOP("texts", "Customer referral"),
    SourceChannel.TRADE_ASSOCIATION: QT_TRANSLATE_NOOP("texts", "Trade association"),
    SourceChannel.OTHER: QT_TRANSLATE_NOOP("texts", "Other"),
    Gender.MALE: QT_TRANSLATE_NOOP("texts", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("texts", "Female"),
    MaritalStatus.SINGLE: QT_TRANSLATE_NOOP("texts", "Single"),
    MaritalStatus.MARRIED: QT_TRANSLATE_NOOP("texts", "Married"),
    MaritalStatus.DIVORCED: QT_TRANSLATE_NOOP("texts", "Divorced"),
    MaritalStatus.WIDOWED: QT_TRANSLATE_NOOP("texts", "Widowed"),
    AccountType.MONTHLY: QT_TRANSLATE_NOOP("texts", "Monthly settlement"),
    AccountType.CASH: QT_TRANSLATE_NOOP("texts", "Cash"),
    AccountType.COD: QT_TRANSLATE_NOOP("texts", "Cash on delivery"),
    Group.BASIC: QT_TRANSLATE_NOOP("texts", "Basic"),
    Group.CONSUMPTION: QT_TRANSLATE_NOOP("texts", "Spending"),
    Group.EDUCATION: QT_TRANSLATE_NOOP("texts", "Education"),
    Group.CAREER: QT_TRANSLATE_NOOP("texts", "Career"),
    Group.FAMILY: QT_TRANSLATE_NOOP("texts", "Family"),
    Group.LIFE: QT_TRANSLATE_NOOP("texts", "Life"),
    Group.PERSONALITY: QT_TRANSLATE_NOOP("texts", "Character"),
    Group.RELATIONSHIPS: QT_TRANSLATE_NOOP("texts", "Relations"),
    Group.CHARACTERISTICS: QT_TRANSLATE_NOOP("texts", "Profile"),
    Group.BUSINESS: QT_TRANSLATE_NOOP("texts", "Business"),
    Group.TRANSACTION: QT_TRANSLATE_NOOP("texts", "Terms"),
    Group.CONTACTS: QT_TRANSLATE_NOOP("texts", "Contacts"),
    Group.MANAGEMENT: QT_TRANSLATE_NOOP("texts", "Record"),
    ErrorCode.REQUIRED: QT_TRANSLATE_NOOP("texts", "Required."),
    ErrorCode.TOO_LONG: QT_TRANSLATE_NOOP("texts", "Too long (at most {max} characters)."),
    ErrorCode.INVALID_MOBILE: QT_TRANSLATE_NOOP("texts", "Not a valid Chinese mobile number."),
    ErrorCode.INVALID_PHONE: QT_TRANSLATE_NOOP("texts", "Not a valid Chinese phone number."),
    ErrorCode.INVALID_EMAIL: QT_TRANSLATE_NOOP("texts", "Not a valid e-mail address."),
    ErrorCode.INVALID_ID_NUMBER: QT_TRANSLATE_NOOP(
        "texts", "Not a valid 18-digit resident ID number (check digit or date is wrong)."
    ),
    ErrorCode.INVALID_CREDIT_CODE: QT_TRANSLATE_NOOP(
        "texts", "Not a valid unified social credit code (18 characters, check character)."
    ),
    ErrorCode.INVALID_DATE: QT_TRANSLATE_NOOP("texts", "Not a valid date (for example 2024-01-05)."),
    ErrorCode.INVALID_AMOUNT: QT_TRANSLATE_NOOP("texts", "Not a valid amount (for example 1,234.50)."),
    ErrorCode.AMOUNT_OUT_OF_RANGE: QT_TRANSLATE_NOOP("texts", "The amount is too large."),
    ErrorCode.NEGATIVE_AMOUNT: QT_TRANSLATE_NOOP("texts", "The amount cannot be negative."),
    ErrorCode.INVALID_INTEGER: QT_TRANSLATE_NOOP("texts", "Not a valid whole number."),
    ErrorCode.INVALID_CHOICE: QT_TRANSLATE_NOOP("texts", "Not one of the choices."),
    ErrorCode.NOT_APPLICABLE: QT_TRANSLATE_NOOP("texts", "Does not apply to this kind of customer."),
    ErrorCode.INVALID_TYPE: QT_TRANSLATE_NOOP("texts", "Not a valid value."),
    ErrorCode.DUPLICATE_CODE: QT_TRANSLATE_NOOP("texts", "Customer code {code} is already in use."),
    ErrorCode.NOT_POSITIVE: QT_TRANSLATE_NOOP("texts", "Must be greater than zero."),
    ErrorCode.TOO_FAR_AHEAD: QT_TRANSLATE_NOOP("texts", "More than {days} days in the future."),
    ErrorCode.MORE_THAN_OWED: QT_TRANSLATE_NOOP(
        "texts", "More than the customer owes ({owed}); record it as a prepayment if that is meant."
    ),
    ErrorCode.OUT_OF_RANGE: QT_TRANSLATE_NOOP("texts", "Must be from {min} to {max}."),
    ErrorCode.INVALID_TIME: QT_TRANSLATE_NOOP("texts", "Not a valid time (for example 09:30)."),
    ErrorCode.INVALID_LUNAR_DATE: QT_TRANSLATE_NOOP(
        "texts", "Not a lunar month and day (for example 八月十五, 闰四月初八 or 8-15)."
    ),
    ErrorCode.TIER_ORDER: QT_TRANSLATE_NOOP(
        "texts", "The percentages must not fall from A to B to C (A ≤ B ≤ C)."
    ),
    ErrorCode.NUMBER_LOST_DIGITS: QT_TRANSLATE_NOOP(
        "texts", "The spreadsheet stored this as a number and lost digits; format the column as text and type it again."
    ),
    ErrorCode.FORMULA_WITHOUT_VALUE: QT_TRANSLATE_NOOP(
        "texts", "A formula that was never calculated; open the file in Excel or WPS and save it again."
    ),
    ErrorCode.INVALID_WEIGHT: QT_TRANSLATE_NOOP("texts", "Not a valid weight in kilograms (for example 12.5)."),
    ErrorCode.CUSTOMER_NOT_FOUND: QT_TRANSLATE_NOOP("texts", "No customer with this code or name."),
    ErrorCode.AMBIGUOUS_MATCH: QT_TRANSLATE_NOOP(
        "texts", "Matches several customers ({codes}); add a customer code column."
    ),
    ErrorCode.DUPLICATE_IN_FILE: QT_TRANSLATE_NOOP(
        "texts", "The same customer as row {row}, with a different value."
    ),
    FileProblem.MISSING: QT_TRANSLATE_NOOP("texts", "The file does not exist."),
    FileProblem.NOT_A_FILE: QT_TRANSLATE_NOOP("texts", "This is not a file."),
    FileProblem.UNREADABLE: QT_TRANSLATE_NOOP("texts", "The file cannot be read: {detail}"),
    FileProblem.EMPTY: QT_TRANSLATE_NOOP(
        "texts", "The file is empty (0 bytes): it is damaged or not a crmdesk file."
    ),
    FileProblem.NOT_SQLITE: QT_TRANSLATE_NOOP(
        "texts", "This is not a crmdesk file (it may be a spreadsheet or another program's file)."
    ),
    FileProblem.CORRUPT: QT_TRANSLATE_NOOP("texts", "The data file is damaged or not a crmdesk file."),
    FileProblem.NOT_CRMDESK: QT_TRANSLATE_NOOP(
        "texts", "This is a database of another program, not a crmdesk file."
    ),
    FileProblem.TOO_NEW: QT_TRANSLATE_NOOP(
        "texts", "This file was written by a newer crmdesk ({version}). Please upgrade crmdesk."
    ),
    FileProblem.EXISTS: QT_TRANSLATE_NOOP("texts", "The file already exists; crmdesk will not overwrite it."),
    FileProblem.ENCRYPTED: QT_TRANSLATE_NOOP("texts", "The file is encrypted: it needs its password."),
    FileProblem.WRONG_PASSWORD: QT_TRANSLATE_NOOP("texts", "Wrong password. The file was not touched."),
    FileProblem.WRONG_KEY: QT_TRANSLATE_NOOP(
        "texts", "Wrong password or damaged file. Try the recovery key; if the file is damaged, restore a backup."
    ),
    WriteProblem.DISK_FULL: QT_TRANSLATE_NOOP("texts", "The disk is full. Nothing was changed."),
    WriteProblem.BUSY: QT_TRANSLATE_NOOP(
        "texts", "The file is busy in another program. Nothing was changed; try again."
    ),
    WriteProblem.READ_ONLY: QT_TRANSLATE_NOOP("texts", "The file is open read-only. Nothing was changed."),
    WriteProblem.CONFLICT: QT_TRANSLATE_NOOP(
        "texts", "Someone else changed this customer meanwhile. Nothing was changed; reload it."
    ),
    WriteProblem.FAILED: QT_TRANSLATE_NOOP("texts", "Saving failed. Nothing was changed. ({detail})"),
}

_CONTACT_ROLE_TEXTS: dict[Enum, str] = {
    ContactRole.PURCHASER: QT_TRANSLATE_NOOP("texts", "Purchaser"),
    ContactRole.TECHNICAL: QT_TRANSLATE_NOOP("texts", "Technical decision-maker"),
    ContactRole.USER: QT_TRANSLATE_NOOP("texts", "User department"),
    ContactRole.FINANCE: QT_TRANSLATE_NOOP("texts", "Finance"),
    ContactRole.OTHER: QT_TRANSLATE_NOOP("texts", "Other role"),
}

# "Cash payment", not "Cash": that source text is AccountType.CASH (现结), and
# one source text in one context has one translation.
_PAYMENT_METHOD_TEXTS: dict[Enum, str] = {
    PaymentMethod.BANK_TRANSFER: QT_TRANSLATE_NOOP("texts", "Bank transfer"),
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("texts", "Cash payment"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("texts", "WeChat"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("texts", "Alipay"),
    PaymentMethod.CHEQUE: QT_TRANSLATE_NOOP("texts", "Cheque"),
    PaymentMethod.ACCEPTANCE: QT_TRANSLATE_NOOP("texts", "Bank acceptance bill"),
    PaymentMethod.OTHER: QT_TRANSLATE_NOOP("texts", "Other"),
}

# "Phone call" and "By e-mail", not "Phone" and "E-mail": those are the field labels (固定电话, 电子邮箱).
_FOLLOW_UP_TEXTS: dict[Enum, str] = {
    ContactMethod.VISIT: QT_TRANSLATE_NOOP("texts", "Visit"),
    ContactMethod.PHONE: QT_TRANSLATE_NOOP("texts", "Phone call"),
    ContactMethod.LETTER: QT_TRANSLATE_NOOP("texts", "Letter"),
    ContactMethod.WECHAT: QT_TRANSLATE_NOOP("texts", "WeChat"),
    ContactMethod.EMAIL: QT_TRANSLATE_NOOP("texts", "By e-mail"),
    ContactMethod.QQ: QT_TRANSLATE_NOOP("texts", "QQ"),
    ContactMethod.SMS: QT_TRANSLATE_NOOP("texts", "Text message"),
    ContactMethod.ONLINE: QT_TRANSLATE_NOOP("texts", "Online, other"),
    FollowUpState.PLANNED: QT_TRANSLATE_NOOP("texts", "Planned"),
    FollowUpState.DONE: QT_TRANSLATE_NOOP("texts", "Done"),
    FollowUpState.MISSED: QT_TRANSLATE_NOOP("texts", "Missed"),
    FollowUpState.CANCELLED: QT_TRANSLATE_NOOP("texts", "Cancelled"),
}

# Segment.LOST equals LifecycleStatus.LOST ("lost"): a part of its own.
_TIER_TEXTS: dict[Enum, str] = {
    Tier.A: QT_TRANSLATE_NOOP("texts", "A · VIP"),
    Tier.B: QT_TRANSLATE_NOOP("texts", "B · Major"),
    Tier.C: QT_TRANSLATE_NOOP("texts", "C · Ordinary"),
    Tier.D: QT_TRANSLATE_NOOP("texts", "D · Small"),
    Segment.HIGH_VALUE: QT_TRANSLATE_NOOP("texts", "High value"),
    Segment.AT_RISK: QT_TRANSLATE_NOOP("texts", "At risk"),
    Segment.LOST: QT_TRANSLATE_NOOP("texts", "Lost buyer"),
    Segment.GROWING: QT_TRANSLATE_NOOP("texts", "Growing"),
    Segment.POTENTIAL: QT_TRANSLATE_NOOP("texts", "Potential"),
    Segment.DORMANT: QT_TRANSLATE_NOOP("texts", "Dormant"),
    Segment.ORDINARY: QT_TRANSLATE_NOOP("texts", "Ordinary buyer"),
}

# Complaints: their channel's OTHER equals the category's, RESOLVED the state's and the step's.
_COMPLAINT_CHANNEL_TEXTS: dict[Enum, str] = {
    ComplaintChannel.PHONE: QT_TRANSLATE_NOOP("texts", "By phone"),
    ComplaintChannel.VISIT: QT_TRANSLATE_NOOP("texts", "In person"),
    ComplaintChannel.LETTER: QT_TRANSLATE_NOOP("texts", "By letter"),
    ComplaintChannel.ONLINE: QT_TRANSLATE_NOOP("texts", "Online (WeChat, QQ, e-mail)"),
    ComplaintChannel.STORE: QT_TRANSLATE_NOOP("texts", "At the counter"),
    ComplaintChannel.OTHER: QT_TRANSLATE_NOOP("texts", "Other channel"),
    ComplaintNature.GOOD_FAITH: QT_TRANSLATE_NOOP("texts", "Good faith"),
    ComplaintNature.MALICIOUS: QT_TRANSLATE_NOOP("texts", "Malicious"),
    DeadlineStage.RESPONSE: QT_TRANSLATE_NOOP("texts", "Response"),
    DeadlineStage.RESOLUTION: QT_TRANSLATE_NOOP("texts", "Resolution"),
}
_COMPLAINT_CATEGORY_TEXTS: dict[Enum, str] = {
    ComplaintCategory.PRODUCT: QT_TRANSLATE_NOOP("texts", "Product"),
    ComplaintCategory.SERVICE: QT_TRANSLATE_NOOP("texts", "Service"),
    ComplaintCategory.DELIVERY: QT_TRANSLATE_NOOP("texts", "Delivery"),
    ComplaintCategory.PRICE: QT_TRANSLATE_NOOP("texts", "Price"),
    ComplaintCategory.USAGE: QT_TRANSLATE_NOOP("texts", "Usage"),
    ComplaintCategory.OTHER: QT_TRANSLATE_NOOP("texts", "Other category"),
    ComplaintState.OPEN: QT_TRANSLATE_NOOP("texts", "Open"),
    ComplaintState.RESOLVED: QT_TRANSLATE_NOOP("texts", "Resolved"),
}
_STEP_TEXTS: dict[Enum, str] = {
    StepKind.FIRST_RESPONSE: QT_TRANSLATE_NOOP("texts", "First response"),
    StepKind.CAUSE: QT_TRANSLATE_NOOP("texts", "Cause found"),
    StepKind.ACTION: QT_TRANSLATE_NOOP("texts", "Action promised"),
    StepKind.FOLLOW_UP: QT_TRANSLATE_NOOP("texts", "Follow-up"),
    StepKind.NOTE: QT_TRANSLATE_NOOP("texts", "Note"),
    StepKind.RESOLVED: QT_TRANSLATE_NOOP("texts", "Resolved"),
    StepKind.REOPENED: QT_TRANSLATE_NOOP("texts", "Reopened"),
}
# Why two customers look like one (the duplicate scan): MatchReason.PHONE equals ContactMethod.PHONE.
_MATCH_REASON_TEXTS: dict[Enum, str] = {
    MatchReason.CREDIT_CODE: QT_TRANSLATE_NOOP("texts", "Same credit code"),
    MatchReason.ID_NUMBER: QT_TRANSLATE_NOOP("texts", "Same ID number"),
    MatchReason.PHONE: QT_TRANSLATE_NOOP("texts", "Same phone number"),
    MatchReason.NAME: QT_TRANSLATE_NOOP("texts", "Same name"),
    MatchReason.NAME_PINYIN: QT_TRANSLATE_NOOP("texts", "Same name in pinyin"),
}

# Campaign channels: PHONE, WECHAT and EMAIL equal the contact methods', OTHER the source channel's.
_CAMPAIGN_CHANNEL_TEXTS: dict[Enum, str] = {
    CampaignChannel.SMS: QT_TRANSLATE_NOOP("texts", "Text messages (SMS)"),
    CampaignChannel.PHONE: QT_TRANSLATE_NOOP("texts", "Phone calls"),
    CampaignChannel.WECHAT: QT_TRANSLATE_NOOP("texts", "WeChat"),
    CampaignChannel.EMAIL: QT_TRANSLATE_NOOP("texts", "E-mail"),
    CampaignChannel.DIRECT_MAIL: QT_TRANSLATE_NOOP("texts", "Direct mail"),
    CampaignChannel.EVENT: QT_TRANSLATE_NOOP("texts", "Event"),
    CampaignChannel.TRADE_FAIR: QT_TRANSLATE_NOOP("texts", "Trade fair or exhibition"),
    CampaignChannel.ADVERTISING: QT_TRANSLATE_NOOP("texts", "Advertising"),
    CampaignChannel.OTHER: QT_TRANSLATE_NOOP("texts", "Other campaign channel"),
}
# Win-back and referrals: WinBackReason.MANUAL equals FollowUpSource.MANUAL ("manual").
_SALES_TEXTS: dict[Enum, str] = {
    WinBackReason.CHURN: QT_TRANSLATE_NOOP("texts", "Churn alert"),
    WinBackReason.MANUAL: QT_TRANSLATE_NOOP("texts", "Decided by hand"),
    ReferralProblem.SELF: QT_TRANSLATE_NOOP("texts", "A customer cannot have referred itself."),
    ReferralProblem.CYCLE: QT_TRANSLATE_NOOP(
        "texts", "{name} ({code}) was referred by this customer, directly or through others: "
                 "referrals cannot go round in a circle."),
    ReferralProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "texts", "That customer is no longer in the file (or is in the recycle bin)."),
}

# Why a customer is suggested for a product (cross-selling), as a short label; the sentences
# with their numbers are the suggestions dialog's.  REGION and TIER are values other enums may share.
_CROSS_SELL_REASON_TEXTS: dict[Enum, str] = {
    ReasonKind.INDUSTRY: QT_TRANSLATE_NOOP("texts", "Same industry"),
    ReasonKind.REGION: QT_TRANSLATE_NOOP("texts", "Same region"),
    ReasonKind.TIER: QT_TRANSLATE_NOOP("texts", "Same tier"),
    ReasonKind.CO_PURCHASE: QT_TRANSLATE_NOOP("texts", "Bought together"),
}

ENUM_TEXTS = EnumTexts(_TEXTS, _CONTACT_ROLE_TEXTS, _PAYMENT_METHOD_TEXTS, _TIER_TEXTS, _FOLLOW_UP_TEXTS,
                       _COMPLAINT_CHANNEL_TEXTS, _COMPLAINT_CATEGORY_TEXTS, _STEP_TEXTS, _MATCH_REASON_TEXTS,
                       _CAMPAIGN_CHANNEL_TEXTS, _SALES_TEXTS, _CROSS_SELL_REASON_TEXTS)

# How each tier is looked after (客户管理方法), shown beside the customer's tier.
_TIER_METHODS: dict[Tier, str] = {
    Tier.A: QT_TRANSLATE_NOOP("texts", "Dedicated staff, regular visits, preferential terms, complaints first"),
    Tier.B: QT_TRANSLATE_NOOP("texts", "Stronger service, build loyalty"),
    Tier.C: QT_TRANSLATE_NOOP("texts", "Keep in touch, cultivate actively"),
    Tier.D: QT_TRANSLATE_NOOP("texts", "Basic service"),
}

FIELD_LABELS: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("texts", "Customer code"),
    "status": QT_TRANSLATE_NOOP("texts", "Status"),
    "source": QT_TRANSLATE_NOOP("texts", "Source"),
    "owner": QT_TRANSLATE_NOOP("texts", "Owner"),
    "last_verified": QT_TRANSLATE_NOOP("texts", "Last verified"),
    "notes": QT_TRANSLATE_NOOP("texts", "Notes"),
    "name": QT_TRANSLATE_NOOP("texts", "Name"),
    "short_name": QT_TRANSLATE_NOOP("texts", "Short name"),
    "gender": QT_TRANSLATE_NOOP("texts", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("texts", "Birthday"),
    "lunar_birthday": QT_TRANSLATE_NOOP("texts", "Lunar birthday"),
    "id_number": QT_TRANSLATE_NOOP("texts", "ID number"),
    "credit_code": QT_TRANSLATE_NOOP("texts", "Credit code"),
    "legal_representative": QT_TRANSLATE_NOOP("texts", "Legal representative"),
    "registered_capital": QT_TRANSLATE_NOOP("texts", "Registered capital"),
    "founded": QT_TRANSLATE_NOOP("texts", "Founded"),
    "mobile": QT_TRANSLATE_NOOP("texts", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("texts", "Phone"),
    "email": QT_TRANSLATE_NOOP("texts", "E-mail"),
    "wechat": QT_TRANSLATE_NOOP("texts", "WeChat"),
    "qq": QT_TRANSLATE_NOOP("texts", "QQ"),
    "province": QT_TRANSLATE_NOOP("texts", "Province"),
    "city": QT_TRANSLATE_NOOP("texts", "City"),
    "district": QT_TRANSLATE_NOOP("texts", "District"),
    "address": QT_TRANSLATE_NOOP("texts", "Address"),
    "preferences": QT_TRANSLATE_NOOP("texts", "Preferences"),
    "usual_products": QT_TRANSLATE_NOOP("texts", "Usual products"),
    "typical_spend": QT_TRANSLATE_NOOP("texts", "Typical spend"),
    "education": QT_TRANSLATE_NOOP("texts", "Education level"),
    "school": QT_TRANSLATE_NOOP("texts", "School"),
    "major": QT_TRANSLATE_NOOP("texts", "Major"),
    "employer": QT_TRANSLATE_NOOP("texts", "Employer"),
    "job_title": QT_TRANSLATE_NOOP("texts", "Job title"),
    "career_notes": QT_TRANSLATE_NOOP("texts", "Career notes"),
    "marital_status": QT_TRANSLATE_NOOP("texts", "Marital status"),
    "anniversary": QT_TRANSLATE_NOOP("texts", "Wedding anniversary"),
    "children": QT_TRANSLATE_NOOP("texts", "Children"),
    "hobbies": QT_TRANSLATE_NOOP("texts", "Hobbies"),
    "habits": QT_TRANSLATE_NOOP("texts", "Habits"),
    "personality": QT_TRANSLATE_NOOP("texts", "Personality"),
    "relationships": QT_TRANSLATE_NOOP("texts", "Relationships"),
    "referred_by": QT_TRANSLATE_NOOP("texts", "Referred by"),
    "industry": QT_TRANSLATE_NOOP("texts", "Industry"),
    "company_size": QT_TRANSLATE_NOOP("texts", "Company size"),
    "ownership": QT_TRANSLATE_NOOP("texts", "Ownership"),
    "region": QT_TRANSLATE_NOOP("texts", "Region"),
    "main_products": QT_TRANSLATE_NOOP("texts", "Main products"),
    "annual_revenue": QT_TRANSLATE_NOOP("texts", "Annual revenue"),
    "employees": QT_TRANSLATE_NOOP("texts", "Employees"),
    "account_type": QT_TRANSLATE_NOOP("texts", "Settlement"),
    "payment_day": QT_TRANSLATE_NOOP("texts", "Payment day"),
    "payment_terms": QT_TRANSLATE_NOOP("texts", "Payment terms"),
    "credit_limit": QT_TRANSLATE_NOOP("texts", "Credit limit"),
    "credit_rating": QT_TRANSLATE_NOOP("texts", "Credit rating"),
    "tags": QT_TRANSLATE_NOOP("texts", "Tags"),
    # contact persons
    "title": QT_TRANSLATE_NOOP("texts", "Title"),
    "role": QT_TRANSLATE_NOOP("texts", "Decision role"),
    "is_primary": QT_TRANSLATE_NOOP("texts", "Primary contact"),
    # orders and payments
    "order_date": QT_TRANSLATE_NOOP("texts", "Order date"),
    "product": QT_TRANSLATE_NOOP("texts", "Product or service"),
    "quantity": QT_TRANSLATE_NOOP("texts", "Quantity"),
    "amount": QT_TRANSLATE_NOOP("texts", "Amount"),
    "cost": QT_TRANSLATE_NOOP("texts", "Cost"),
    "waybill": QT_TRANSLATE_NOOP("texts", "Waybill no."),
    "origin": QT_TRANSLATE_NOOP("texts", "From"),
    "destination": QT_TRANSLATE_NOOP("texts", "To"),
    "pieces": QT_TRANSLATE_NOOP("texts", "Pieces"),
    "weight": QT_TRANSLATE_NOOP("texts", "Weight (kg)"),
    "note": QT_TRANSLATE_NOOP("texts", "Note"),
    "paid_date": QT_TRANSLATE_NOOP("texts", "Payment date"),
    "method": QT_TRANSLATE_NOOP("texts", "Method"),
}


# The ledger's age buckets, in domain.orders.Aging's order: one wording for the orders
# tab, the ledger overview, the charts and the printed reports.
AGING_CONTEXT = "LedgerTableModel"
AGING_LABELS = (
    QT_TRANSLATE_NOOP("LedgerTableModel", "0–30 days"),
    QT_TRANSLATE_NOOP("LedgerTableModel", "31–60 days"),
    QT_TRANSLATE_NOOP("LedgerTableModel", "61–90 days"),
    QT_TRANSLATE_NOOP("LedgerTableModel", "Over 90 days"),
)


def aging_labels() -> tuple[str, ...]:
    return tuple(QCoreApplication.translate(AGING_CONTEXT, label) for label in AGING_LABELS)


def one_line(text: str, limit: int | None = None) -> str:
    """Several lines of text as one table cell; cut at ``limit`` characters with "…" when given."""
    text = " ".join(text.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def enum_text(member: Enum) -> str:
    return tr(ENUM_TEXTS[member])


def tier_method(tier: Tier) -> str:
    """How customers of a tier are looked after (A: dedicated staff, visits, offers, complaints first)."""
    return tr(_TIER_METHODS[tier])


def field_label(name: str) -> str:
    return tr(FIELD_LABELS[name])


_CONTACT_NAME = QT_TRANSLATE_NOOP("texts", "Full name")


def contact_field_label(name: str) -> str:
    """Labels for a contact person's fields: a person has a full name, not a customer name."""
    return tr(_CONTACT_NAME) if name == "name" else field_label(name)


_MONEY_PARAMS = {"owed", "amount", "limit"}  # fen in the params, money in the sentence


def fill(template: str, values: Mapping[str, object], money: Collection[str] = ()) -> str:
    """A translated ``{name}`` template with its values, those named in ``money`` (fen) as ¥ amounts."""
    values = {k: format_money(v, symbol=True) if k in money and isinstance(v, int) else v for k, v in values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a stray brace
        return template


# Chinese shows the lunar date as people write it (八月十五); the translation is "{zh}".
_LUNAR = QT_TRANSLATE_NOOP("texts", "Lunar {month}/{day}")
_LUNAR_LEAP = QT_TRANSLATE_NOOP("texts", "Lunar leap {month}/{day}")


def lunar_text(stored: str) -> str:
    """A stored lunar date (``L08-15``) for display; what is shown parses back (domain.lunar)."""
    try:
        lunar = LunarDate.parse(stored)
    except ValueError:
        return stored
    template = tr(_LUNAR_LEAP if lunar.leap else _LUNAR)
    return fill(template, {"month": lunar.month, "day": lunar.day, "zh": lunar.text()})


def error_text(code: Enum, params: dict | None = None) -> str:
    """A validation error, file problem or write problem as a sentence."""
    values = {"min": "", "max": "", "code": "", "detail": "", "version": "?"}
    values.update({k: v for k, v in (params or {}).items() if isinstance(v, (str, int))})
    return fill(tr(ENUM_TEXTS[code]), values, _MONEY_PARAMS)
