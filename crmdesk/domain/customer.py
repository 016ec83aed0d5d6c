"""Customers: the two kinds, their information groups, and the fields declared once.

Every field a customer can have is declared in ``FIELDS`` with its group, the
kinds it applies to and its value type.  Validation, storage columns, the CLI's
JSON and the detail tabs all read this one table, so a new field is one line
here plus a migration.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum


class CustomerKind(StrEnum):
    PERSONAL = "personal"  # 个人客户
    COMPANY = "company"  # 企业客户


class LifecycleStatus(StrEnum):
    PROSPECT = "prospect"  # 潜在客户
    ACTIVE = "active"  # 现实客户
    LOST = "lost"  # 流失
    WON_BACK = "won_back"  # 挽回


class SourceChannel(StrEnum):
    """客户信息来源, direct then indirect, as domain.md §2 lists them."""

    SURVEY = "survey"
    MARKETING_EVENT = "marketing_event"
    SERVICE = "service"
    STORE = "store"
    TRADE_FAIR = "trade_fair"
    WEBSITE = "website"
    CALL_CENTRE = "call_centre"
    COMPLAINT = "complaint"
    MEDIA = "media"
    BUSINESS_REGISTRY = "business_registry"
    BANK = "bank"
    CONSULTANCY = "consultancy"
    PURCHASED_LIST = "purchased_list"
    PARTNER = "partner"
    REFERRAL = "referral"
    TRADE_ASSOCIATION = "trade_association"
    OTHER = "other"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class MaritalStatus(StrEnum):
    SINGLE = "single"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class AccountType(StrEnum):
    """结算方式."""

    MONTHLY = "monthly"  # 月结
    CASH = "cash"  # 现结
    COD = "cod"  # 到付


class ContactRole(StrEnum):
    PURCHASER = "purchaser"  # 采购负责人
    TECHNICAL = "technical"  # 技术决策者
    USER = "user"  # 使用部门
    FINANCE = "finance"  # 财务
    OTHER = "other"


class Group(StrEnum):
    """Information groups: eight for a person, five for a company (domain.md §2)."""

    BASIC = "basic"  # 基本信息 (both kinds)
    CONSUMPTION = "consumption"  # 消费情况
    EDUCATION = "education"  # 教育情况
    CAREER = "career"  # 事业情况
    FAMILY = "family"  # 家庭情况
    LIFE = "life"  # 生活情况
    PERSONALITY = "personality"  # 个性情况
    RELATIONSHIPS = "relationships"  # 人际情况
    CHARACTERISTICS = "characteristics"  # 客户特征
    BUSINESS = "business"  # 业务状况
    TRANSACTION = "transaction"  # 交易状况
    CONTACTS = "contacts"  # 负责人信息 (contact persons, a table of their own)
    MANAGEMENT = "management"  # code, status, source, owner, tags, notes (both kinds)


PERSONAL_GROUPS = (
    Group.BASIC, Group.CONSUMPTION, Group.EDUCATION, Group.CAREER,
    Group.FAMILY, Group.LIFE, Group.PERSONALITY, Group.RELATIONSHIPS,
)
COMPANY_GROUPS = (
    Group.BASIC, Group.CHARACTERISTICS, Group.BUSINESS, Group.TRANSACTION, Group.CONTACTS,
)


class FieldType(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    DATE = "date"  # datetime.date
    MONEY = "money"  # int fen
    INTEGER = "integer"
    CHOICE = "choice"  # a member of FieldSpec.choices
    MOBILE = "mobile"  # Chinese mobile or landline, stored as national digits
    PHONE = "phone"
    EMAIL = "email"
    ID_NUMBER = "id_number"  # 身份证, sensitive
    CREDIT_CODE = "credit_code"  # 统一社会信用代码
    LUNAR_DATE = "lunar_date"  # a lunar month and day, stored "L08-15" (domain.lunar)


BOTH = (CustomerKind.PERSONAL, CustomerKind.COMPANY)
PERSONAL = (CustomerKind.PERSONAL,)
COMPANY = (CustomerKind.COMPANY,)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    group: Group
    kinds: tuple[CustomerKind, ...]
    type: FieldType = FieldType.TEXT
    choices: type[StrEnum] | None = None
    required: bool = False
    sensitive: bool = False  # masked on screen and in default exports
    max_length: int = 100_000


# Order is the order of the detail forms.
FIELDS: tuple[FieldSpec, ...] = (
    # management (both kinds)
    FieldSpec("code", Group.MANAGEMENT, BOTH, max_length=32),
    FieldSpec("status", Group.MANAGEMENT, BOTH, FieldType.CHOICE, LifecycleStatus, required=True),
    FieldSpec("source", Group.MANAGEMENT, BOTH, FieldType.CHOICE, SourceChannel),
    FieldSpec("owner", Group.MANAGEMENT, BOTH, max_length=100),
    FieldSpec("last_verified", Group.MANAGEMENT, BOTH, FieldType.DATE),
    FieldSpec("notes", Group.MANAGEMENT, BOTH, FieldType.LONG_TEXT),
    # basic: shared contact and address fields
    FieldSpec("name", Group.BASIC, BOTH, required=True, max_length=200),
    FieldSpec("short_name", Group.BASIC, COMPANY, max_length=100),
    FieldSpec("gender", Group.BASIC, PERSONAL, FieldType.CHOICE, Gender),
    FieldSpec("birthday", Group.BASIC, PERSONAL, FieldType.DATE),
    FieldSpec("lunar_birthday", Group.BASIC, PERSONAL, FieldType.LUNAR_DATE),
    FieldSpec("id_number", Group.BASIC, PERSONAL, FieldType.ID_NUMBER, sensitive=True),
    FieldSpec("credit_code", Group.BASIC, COMPANY, FieldType.CREDIT_CODE),
    FieldSpec("legal_representative", Group.BASIC, COMPANY, max_length=100),
    FieldSpec("registered_capital", Group.BASIC, COMPANY, FieldType.MONEY),
    FieldSpec("founded", Group.BASIC, COMPANY, FieldType.DATE),
    FieldSpec("mobile", Group.BASIC, BOTH, FieldType.MOBILE, sensitive=True),
    FieldSpec("phone", Group.BASIC, BOTH, FieldType.PHONE, sensitive=True),
    FieldSpec("email", Group.BASIC, BOTH, FieldType.EMAIL),
    FieldSpec("wechat", Group.BASIC, BOTH, max_length=100),
    FieldSpec("qq", Group.BASIC, BOTH, max_length=20),
    FieldSpec("province", Group.BASIC, BOTH, max_length=50),
    FieldSpec("city", Group.BASIC, BOTH, max_length=50),
    FieldSpec("district", Group.BASIC, BOTH, max_length=50),
    FieldSpec("address", Group.BASIC, BOTH, max_length=500),
    # person: 消费情况
    FieldSpec("preferences", Group.CONSUMPTION, PERSONAL, FieldType.LONG_TEXT),
    FieldSpec("usual_products", Group.CONSUMPTION, PERSONAL),
    FieldSpec("typical_spend", Group.CONSUMPTION, PERSONAL, FieldType.MONEY),
    # person: 教育情况
    FieldSpec("education", Group.EDUCATION, PERSONAL, max_length=100),
    FieldSpec("school", Group.EDUCATION, PERSONAL, max_length=200),
    FieldSpec("major", Group.EDUCATION, PERSONAL, max_length=100),
    # person: 事业情况
    FieldSpec("employer", Group.CAREER, PERSONAL, max_length=200),
    FieldSpec("job_title", Group.CAREER, PERSONAL, max_length=100),
    FieldSpec("career_notes", Group.CAREER, PERSONAL, FieldType.LONG_TEXT),
    # person: 家庭情况
    FieldSpec("marital_status", Group.FAMILY, PERSONAL, FieldType.CHOICE, MaritalStatus),
    FieldSpec("anniversary", Group.FAMILY, PERSONAL, FieldType.DATE),
    FieldSpec("children", Group.FAMILY, PERSONAL, FieldType.LONG_TEXT),
    # person: 生活情况, 个性情况, 人际情况
    FieldSpec("hobbies", Group.LIFE, PERSONAL, FieldType.LONG_TEXT),
    FieldSpec("habits", Group.LIFE, PERSONAL, FieldType.LONG_TEXT),
    FieldSpec("personality", Group.PERSONALITY, PERSONAL, FieldType.LONG_TEXT),
    FieldSpec("relationships", Group.RELATIONSHIPS, PERSONAL, FieldType.LONG_TEXT),
    FieldSpec("referred_by", Group.RELATIONSHIPS, PERSONAL, max_length=200),
    # company: 客户特征 (industry is shared with a person's career group)
    FieldSpec("industry", Group.CHARACTERISTICS, BOTH, max_length=100),
    FieldSpec("company_size", Group.CHARACTERISTICS, COMPANY, max_length=50),
    FieldSpec("ownership", Group.CHARACTERISTICS, COMPANY, max_length=50),
    FieldSpec("region", Group.CHARACTERISTICS, COMPANY, max_length=100),
    # company: 业务状况
    FieldSpec("main_products", Group.BUSINESS, COMPANY, FieldType.LONG_TEXT),
    FieldSpec("annual_revenue", Group.BUSINESS, COMPANY, FieldType.MONEY),
    FieldSpec("employees", Group.BUSINESS, COMPANY, FieldType.INTEGER),
    # company: 交易状况
    FieldSpec("account_type", Group.TRANSACTION, COMPANY, FieldType.CHOICE, AccountType),
    FieldSpec("payment_day", Group.TRANSACTION, COMPANY, FieldType.INTEGER),
    FieldSpec("payment_terms", Group.TRANSACTION, COMPANY, max_length=200),
    FieldSpec("credit_limit", Group.TRANSACTION, COMPANY, FieldType.MONEY),
    FieldSpec("credit_rating", Group.TRANSACTION, COMPANY, max_length=20),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


def fields_for(kind: CustomerKind, group: Group | None = None) -> tuple[FieldSpec, ...]:
    return tuple(
        f for f in FIELDS if kind in f.kinds and (group is None or f.group == group)
    )


@dataclass(frozen=True)
class ContactPerson:
    """A company's contact person (负责人)."""

    name: str
    title: str | None = None
    role: ContactRole | None = None
    mobile: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    is_primary: bool = False
    notes: str | None = None
    id: int | None = None  # rowid once stored
    uid: str | None = None


CONTACT_FIELD_TYPES: dict[str, FieldType] = {
    "name": FieldType.TEXT,
    "title": FieldType.TEXT,
    "role": FieldType.CHOICE,
    "mobile": FieldType.MOBILE,
    "phone": FieldType.PHONE,
    "email": FieldType.EMAIL,
    "wechat": FieldType.TEXT,
    "notes": FieldType.LONG_TEXT,
}


@dataclass(frozen=True)
class Customer:
    """One customer of either kind.

    Fields that do not apply to the kind stay ``None``.  ``id``/``uid``/
    ``row_version`` are set by storage; a new customer has ``id=None``.
    """

    kind: CustomerKind
    name: str
    code: str | None = None  # None: storage assigns the next code
    status: LifecycleStatus = LifecycleStatus.ACTIVE
    source: SourceChannel | None = None
    owner: str | None = None
    last_verified: date | None = None
    notes: str | None = None
    short_name: str | None = None
    gender: Gender | None = None
    birthday: date | None = None
    lunar_birthday: str | None = None  # "L08-15", see domain.lunar
    id_number: str | None = None
    credit_code: str | None = None
    legal_representative: str | None = None
    registered_capital: int | None = None
    founded: date | None = None
    mobile: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    qq: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    address: str | None = None
    preferences: str | None = None
    usual_products: str | None = None
    typical_spend: int | None = None
    education: str | None = None
    school: str | None = None
    major: str | None = None
    employer: str | None = None
    job_title: str | None = None
    career_notes: str | None = None
    marital_status: MaritalStatus | None = None
    anniversary: date | None = None
    children: str | None = None
    hobbies: str | None = None
    habits: str | None = None
    personality: str | None = None
    relationships: str | None = None
    referred_by: str | None = None
    industry: str | None = None
    company_size: str | None = None
    ownership: str | None = None
    region: str | None = None
    main_products: str | None = None
    annual_revenue: int | None = None
    employees: int | None = None
    account_type: AccountType | None = None
    payment_day: int | None = None
    payment_terms: str | None = None
    credit_limit: int | None = None
    credit_rating: str | None = None
    tags: tuple[str, ...] = ()
    contacts: tuple[ContactPerson, ...] = ()
    id: int | None = None
    uid: str | None = None
    row_version: int = 0
    created_at: str | None = None  # UTC ISO instants, set by storage
    updated_at: str | None = None
    deleted_at: str | None = None

    def with_changes(self, **changes) -> Customer:
        return replace(self, **changes)

    @property
    def primary_contact(self) -> ContactPerson | None:
        for c in self.contacts:
            if c.is_primary:
                return c
        return self.contacts[0] if self.contacts else None


# Fields of Customer that are not stored as plain customer columns.
NON_COLUMN_FIELDS = frozenset(
    {"kind", "tags", "contacts", "id", "uid", "row_version", "created_at", "updated_at", "deleted_at"}
)
CUSTOMER_ATTRS = tuple(f.name for f in fields(Customer))

assert set(FIELDS_BY_NAME) == set(CUSTOMER_ATTRS) - NON_COLUMN_FIELDS, (
    "FIELDS and Customer must declare the same fields"
)


def verification_overdue(last_verified: date | None, today: date, max_age_days: int) -> bool:
    """Information goes stale (domain.md §2): never verified, or longer ago than allowed."""
    return last_verified is None or (today - last_verified).days > max_age_days


def mask_phone(value: str | None) -> str:
    """138****8000: the first three and last four digits stay visible."""
    if not value:
        return ""
    if len(value) <= 7:
        return value[:1] + "*" * (len(value) - 1)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_id_number(value: str | None) -> str:
    """110105********002X: the region code and the last four stay visible."""
    if not value:
        return ""
    if len(value) <= 10:
        return value[:2] + "*" * (len(value) - 2)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]
