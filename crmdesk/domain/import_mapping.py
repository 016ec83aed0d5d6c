"""The columns of a ledger (客户台账) both ways: the headers our exports and
template write, the synonyms hand-made ledgers use, finding the header row
under merged title rows, and the mapping of columns to fields.

Headers are compared by ``header_key``: NFKC, case-folded, without spaces,
asterisks, colons or a bracketed hint, so 「手机号码*」, 「手机号码（必填）」 and
「 手机号码 」 are one header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from enum import StrEnum

from crmdesk.domain.customer import (
    FIELDS,
    AccountType,
    ContactRole,
    CustomerKind,
    FieldType,
    Gender,
    LifecycleStatus,
    MaritalStatus,
    SourceChannel,
)
from crmdesk.domain.orders import PaymentMethod


class ImportKind(StrEnum):
    CUSTOMERS = "customers"  # with their contact persons
    ORDERS = "orders"
    PAYMENTS = "payments"


# Import-only value types beyond the customer field types.
KIND = "kind"  # 个人 / 企业
TAGS = "tags"  # several, separated by ， , ; 、 or spaces
WEIGHT = "weight"  # kilograms with up to three decimals, stored as grams


@dataclass(frozen=True)
class Target:
    """A field a column can feed."""

    key: str
    type: str  # a FieldType value, or KIND / TAGS / WEIGHT
    zh: str  # the header our files write
    en: str
    synonyms: tuple[str, ...] = ()
    choices: type[StrEnum] | None = None
    max_length: int = 100_000

    def header(self, chinese: bool) -> str:
        return self.zh if chinese else self.en


# (zh, en, synonyms) of each customer field; the zh and en headers are the
# window's field labels, so an export reads like the detail tabs.
_FIELD_HEADERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "code": ("客户编号", "Customer code", ("客户编码", "客户代码", "客户号", "编号", "code")),
    "status": ("客户状态", "Status", ("状态",)),
    "source": ("客户来源", "Source", ("来源", "信息来源", "来源渠道")),
    "owner": ("负责业务员", "Owner", ("业务员", "负责人", "销售员", "销售", "客户经理", "跟进人", "归属人",
                                    "所属业务员", "业务经理", "salesperson")),
    "last_verified": ("最近核实", "Last verified", ("核实日期", "最近核实日期")),
    "notes": ("备注", "Notes", ("说明", "备注信息", "note", "remarks")),
    "name": ("客户名称", "Name", ("单位名称", "客户名", "公司名称", "企业名称", "客户", "客户姓名", "姓名",
                                "customer", "customername", "company")),
    "short_name": ("简称", "Short name", ("客户简称", "公司简称")),
    "gender": ("性别", "Gender", ("sex",)),
    "birthday": ("生日", "Birthday", ("出生日期", "公历生日", "阳历生日")),
    "lunar_birthday": ("农历生日", "Lunar birthday", ("阴历生日",)),
    "id_number": ("身份证号", "ID number", ("身份证", "身份证号码", "证件号码", "证件号")),
    "credit_code": ("统一社会信用代码", "Credit code", ("纳税人识别号", "信用代码", "社会信用代码", "税号",
                                                  "纳税识别号")),
    "legal_representative": ("法定代表人", "Legal representative", ("法人", "法人代表")),
    "registered_capital": ("注册资本", "Registered capital", ()),
    "founded": ("成立日期", "Founded", ("成立时间",)),
    "mobile": ("手机", "Mobile", ("手机号", "手机号码", "联系电话", "移动电话", "联系手机")),
    "phone": ("固定电话", "Phone", ("座机", "电话", "办公电话", "联系座机", "telephone", "tel")),
    "email": ("电子邮箱", "E-mail", ("邮箱", "邮件", "电子邮件", "email")),
    "wechat": ("微信", "WeChat", ("微信号",)),
    "qq": ("QQ", "QQ", ("qq号", "qq号码")),
    "province": ("省份", "Province", ("省", "所在省份", "所在省")),
    "city": ("城市", "City", ("市", "所在城市", "地市")),
    "district": ("区县", "District", ("区", "县区", "区/县")),
    "address": ("详细地址", "Address", ("地址", "联系地址", "通讯地址", "公司地址", "收货地址")),
    "preferences": ("消费偏好", "Preferences", ("偏好",)),
    "usual_products": ("常购产品", "Usual products", ()),
    "typical_spend": ("一般消费额", "Typical spend", ()),
    "education": ("学历", "Education level", ()),
    "school": ("毕业院校", "School", ("学校",)),
    "major": ("专业", "Major", ()),
    "employer": ("工作单位", "Employer", ()),
    "job_title": ("职务", "Job title", ("职位", "职称", "title")),
    "career_notes": ("事业情况备注", "Career notes", ()),
    "marital_status": ("婚姻状况", "Marital status", ("婚否",)),
    "anniversary": ("结婚纪念日", "Wedding anniversary", ()),
    "children": ("子女情况", "Children", ()),
    "hobbies": ("兴趣爱好", "Hobbies", ("爱好",)),
    "habits": ("生活习惯", "Habits", ()),
    "personality": ("性格特点", "Personality", ("性格",)),
    "relationships": ("人际关系", "Relationships", ()),
    "referred_by": ("介绍人", "Referred by", ("推荐人",)),
    "industry": ("行业", "Industry", ("所属行业",)),
    "company_size": ("企业规模", "Company size", ("规模",)),
    "ownership": ("所有制", "Ownership", ("企业性质",)),
    "region": ("所在区域", "Region", ("区域", "片区", "所属区域")),
    "main_products": ("主营产品", "Main products", ("主营业务",)),
    "annual_revenue": ("年营业额", "Annual revenue", ("年销售额",)),
    "employees": ("员工人数", "Employees", ("人数",)),
    "account_type": ("结算方式", "Settlement", ()),
    "payment_day": ("结算日", "Payment day", ("对账日",)),
    "payment_terms": ("账期", "Payment terms", ("付款条件",)),
    "credit_limit": ("授信额度", "Credit limit", ("信用额度",)),
    "credit_rating": ("信用等级", "Credit rating", ()),
}

_CUSTOMER_TARGETS = (
    Target(KIND, KIND, "客户类型", "Customer type", ("客户性质", "类型", "type")),
    *(
        Target(f.name, f.type.value, *_FIELD_HEADERS[f.name], choices=f.choices, max_length=f.max_length)
        for f in FIELDS
    ),
    Target(TAGS, TAGS, "标签", "Tags", ()),
    Target("contact_name", FieldType.TEXT.value, "联系人", "Contact",
           ("联系人姓名", "对接人", "contactperson"), max_length=100),
    Target("contact_title", FieldType.TEXT.value, "联系人职务", "Contact's title", (), max_length=100),
    Target("contact_mobile", FieldType.MOBILE.value, "联系人手机", "Contact's mobile",
           ("联系人电话", "联系人手机号", "联系人联系方式")),
    Target("contact_email", FieldType.EMAIL.value, "联系人邮箱", "Contact's e-mail", ()),
    Target("contact_wechat", FieldType.TEXT.value, "联系人微信", "Contact's WeChat", (), max_length=100),
)

# Orders and payments find their customer by code, else by name.
_CUSTOMER_REFS = (
    Target("customer_code", FieldType.TEXT.value, "客户编号", "Customer code",
           _FIELD_HEADERS["code"][2], max_length=32),
    Target("customer_name", FieldType.TEXT.value, "客户名称", "Customer",
           ("单位名称", "客户名", "公司名称", "客户", "客户姓名", "姓名", "customername", "name"), max_length=200),
)

_ORDER_TARGETS = (
    *_CUSTOMER_REFS,
    Target("order_date", FieldType.DATE.value, "订单日期", "Order date",
           ("日期", "发货日期", "下单日期", "业务日期", "开单日期", "托运日期", "date")),
    Target("product", FieldType.TEXT.value, "产品/服务", "Product or service",
           ("产品", "产品名称", "品名", "货物名称", "商品名称", "货物", "商品", "服务项目", "项目", "product")),
    Target("quantity", FieldType.INTEGER.value, "数量", "Quantity", ("qty",)),
    Target("amount", FieldType.MONEY.value, "金额", "Amount",
           ("订单金额", "运费", "应收金额", "应收", "合同金额", "总金额", "销售额", "本期应收", "价税合计")),
    Target("cost", FieldType.MONEY.value, "成本", "Cost", ("成本金额",)),
    Target("waybill", FieldType.TEXT.value, "运单号", "Waybill no.",
           ("单号", "运单编号", "快递单号", "waybill"), max_length=100),
    Target("origin", FieldType.TEXT.value, "起运地", "From", ("始发地", "发货地", "起点", "origin"), max_length=100),
    Target("destination", FieldType.TEXT.value, "目的地", "To", ("到达地", "收货地", "终点", "destination"),
           max_length=100),
    Target("pieces", FieldType.INTEGER.value, "件数", "Pieces", ()),
    Target(WEIGHT, WEIGHT, "重量（公斤）", "Weight (kg)", ("重量", "毛重", "重量kg", "weight")),
    Target("note", FieldType.LONG_TEXT.value, "备注", "Note", ("说明", "notes", "remarks")),
)

_PAYMENT_TARGETS = (
    *_CUSTOMER_REFS,
    Target("paid_date", FieldType.DATE.value, "回款日期", "Payment date",
           ("日期", "收款日期", "到账日期", "付款日期", "date")),
    Target("amount", FieldType.MONEY.value, "金额", "Amount",
           ("收款金额", "回款金额", "实收金额", "本期已收", "到账金额", "付款金额")),
    Target("method", FieldType.CHOICE.value, "付款方式", "Method",
           ("收款方式", "支付方式", "回款方式"), choices=PaymentMethod),
    Target("note", FieldType.LONG_TEXT.value, "备注", "Note", ("说明", "notes", "remarks")),
)

TARGETS: dict[ImportKind, tuple[Target, ...]] = {
    ImportKind.CUSTOMERS: _CUSTOMER_TARGETS,
    ImportKind.ORDERS: _ORDER_TARGETS,
    ImportKind.PAYMENTS: _PAYMENT_TARGETS,
}
TARGETS_BY_KEY: dict[ImportKind, dict[str, Target]] = {
    kind: {t.key: t for t in targets} for kind, targets in TARGETS.items()
}
# Without these a row cannot be imported at all.
REQUIRED_TARGETS: dict[ImportKind, tuple[frozenset[str], ...]] = {
    ImportKind.CUSTOMERS: (frozenset({"name"}),),
    ImportKind.ORDERS: (frozenset({"customer_code", "customer_name"}), frozenset({"order_date"}),
                        frozenset({"amount"})),
    ImportKind.PAYMENTS: (frozenset({"customer_code", "customer_name"}), frozenset({"paid_date"}),
                          frozenset({"amount"})),
}

# ---------------------------------------------------------------- choice words

# What a ledger writes for each choice: the Chinese word first (what our
# exports write in Chinese), then the English one, then more spellings.
# Keyed by (enum, value): members of different enums with one value
# (AccountType.CASH, PaymentMethod.CASH) are equal and would share a key.
_CHOICE_WORDS: tuple[tuple[StrEnum, tuple[str, ...]], ...] = (
    (CustomerKind.PERSONAL, ("个人", "Personal", "个人客户", "私人", "person", "individual")),
    (CustomerKind.COMPANY, ("企业", "Company", "企业客户", "公司", "单位", "business")),
    (LifecycleStatus.PROSPECT, ("潜在客户", "Prospect", "潜在")),
    (LifecycleStatus.ACTIVE, ("现实客户", "Active", "现有客户", "正常", "活跃", "合作中")),
    (LifecycleStatus.LOST, ("已流失", "Lost", "流失")),
    (LifecycleStatus.WON_BACK, ("已挽回", "Won back", "挽回")),
    (SourceChannel.SURVEY, ("市场调查", "Survey")),
    (SourceChannel.MARKETING_EVENT, ("营销活动", "Marketing event")),
    (SourceChannel.SERVICE, ("服务过程", "Service process")),
    (SourceChannel.STORE, ("门店/终端", "Store or terminal", "门店", "终端")),
    (SourceChannel.TRADE_FAIR, ("展会", "Trade fair", "展销会")),
    (SourceChannel.WEBSITE, ("网站", "Website", "官网", "网络")),
    (SourceChannel.CALL_CENTRE, ("呼叫中心", "Call centre", "电话")),
    (SourceChannel.COMPLAINT, ("客户投诉", "Complaint", "投诉")),
    (SourceChannel.MEDIA, ("媒体", "Media")),
    (SourceChannel.BUSINESS_REGISTRY, ("工商登记", "Business registry")),
    (SourceChannel.BANK, ("银行", "Bank")),
    (SourceChannel.CONSULTANCY, ("咨询公司", "Consultancy")),
    (SourceChannel.PURCHASED_LIST, ("购买/租用名单", "Purchased list", "购买名单")),
    (SourceChannel.PARTNER, ("合作伙伴", "Partner")),
    (SourceChannel.REFERRAL, ("老客户介绍", "Customer referral", "介绍", "转介绍", "朋友介绍", "客户介绍")),
    (SourceChannel.TRADE_ASSOCIATION, ("行业协会", "Trade association")),
    (SourceChannel.OTHER, ("其他", "Other", "其它")),
    (Gender.MALE, ("男", "Male", "男性", "m")),
    (Gender.FEMALE, ("女", "Female", "女性", "f")),
    (MaritalStatus.SINGLE, ("未婚", "Single")),
    (MaritalStatus.MARRIED, ("已婚", "Married")),
    (MaritalStatus.DIVORCED, ("离异", "Divorced", "离婚")),
    (MaritalStatus.WIDOWED, ("丧偶", "Widowed")),
    (AccountType.MONTHLY, ("月结", "Monthly settlement", "monthly")),
    (AccountType.CASH, ("现结", "Cash", "现付")),
    (AccountType.COD, ("到付", "Cash on delivery", "cod")),
    (ContactRole.PURCHASER, ("采购负责人", "Purchaser", "采购")),
    (ContactRole.TECHNICAL, ("技术决策者", "Technical decision-maker", "技术")),
    (ContactRole.USER, ("使用部门", "User department")),
    (ContactRole.FINANCE, ("财务", "Finance")),
    (ContactRole.OTHER, ("其他角色", "Other role")),
    (PaymentMethod.BANK_TRANSFER, ("转账", "Bank transfer", "银行转账", "对公转账", "汇款")),
    (PaymentMethod.CASH, ("现金", "Cash payment", "cash")),
    (PaymentMethod.WECHAT, ("微信", "WeChat", "微信支付")),
    (PaymentMethod.ALIPAY, ("支付宝", "Alipay")),
    (PaymentMethod.CHEQUE, ("支票", "Cheque")),
    (PaymentMethod.ACCEPTANCE, ("承兑汇票", "Bank acceptance bill", "承兑", "银行承兑")),
    (PaymentMethod.OTHER, ("其他", "Other", "其它")),
)
CHOICE_WORDS: dict[tuple[type[StrEnum], str], tuple[str, ...]] = {
    (type(m), m.value): words for m, words in _CHOICE_WORDS
}


def _words(member: StrEnum) -> tuple[str, ...]:
    return CHOICE_WORDS.get((type(member), member.value), ())


def choice_word(member: StrEnum, chinese: bool) -> str:
    words = _words(member)
    return words[0] if chinese else words[1]


def choice_words(choices: type[StrEnum], chinese: bool) -> tuple[str, ...]:
    """The dropdown of a template column."""
    return tuple(choice_word(m, chinese) for m in choices)


def parse_choice(choices: type[StrEnum], text: str) -> StrEnum | None:
    """A member of ``choices`` from its value or any of its words; None if unknown."""
    return _choice_keys(choices).get(header_key(text))


@lru_cache(maxsize=None)
def _choice_keys(choices: type[StrEnum]) -> dict[str, StrEnum]:
    keys: dict[str, StrEnum] = {}
    for member in choices:
        for word in (member.value, *_words(member)):
            keys.setdefault(header_key(word), member)
    return keys


# ---------------------------------------------------------------- headers

_HINT = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_NOISE = re.compile(r"[\s*＊:：]+")


@lru_cache(maxsize=4096)  # a column's few distinct values repeat down the sheet
def header_key(text: object) -> str:
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    return _NOISE.sub("", _HINT.sub("", s)) or _NOISE.sub("", s)


def _lookup(kind: ImportKind) -> dict[str, str]:
    table: dict[str, str] = {}
    for target in TARGETS[kind]:
        for header in (target.key, target.zh, target.en, *target.synonyms):
            table.setdefault(header_key(header), target.key)
    return table


_LOOKUP = {kind: _lookup(kind) for kind in ImportKind}
HEADER_SEARCH_ROWS = 30  # a header below this many title rows is not looked for


def target_of(kind: ImportKind, header: object) -> str | None:
    return _LOOKUP[kind].get(header_key(header))


def _recognised(kind: ImportKind, row: Sequence[object]) -> int:
    return len({t for t in (target_of(kind, c) for c in row if isinstance(c, str)) if t})


def find_header_row(rows: Sequence[Sequence[object]], kind: ImportKind) -> int | None:
    """Index of the row most like a header (merged title rows above it have
    one filled cell and match nothing); None if no row names two fields."""
    best, best_count = None, 1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        count = _recognised(kind, row)
        if count > best_count:
            best, best_count = index, count
    return best


# Targets that only one kind of sheet has, to tell the kinds apart.
_TELLING = {
    ImportKind.CUSTOMERS: {"mobile", "phone", "credit_code", "id_number", "address", "contact_name", "owner"},
    ImportKind.ORDERS: {"order_date", "product", "quantity", "waybill", "origin", "destination", "pieces"},
    ImportKind.PAYMENTS: {"paid_date", "method"},
}


def guess_kind(rows: Sequence[Sequence[object]]) -> ImportKind:
    """Customers, orders or payments, by which kind's telling headers appear."""
    scores = {}
    for kind in ImportKind:
        index = find_header_row(rows, kind)
        headers = rows[index] if index is not None else ()
        found = {target_of(kind, h) for h in headers if isinstance(h, str)}
        scores[kind] = (len(found & _TELLING[kind]), _recognised(kind, headers))
    return max(ImportKind, key=lambda k: scores[k])  # ties go to the first: customers


Mapping_ = list[str | None]


def guess_mapping(
    kind: ImportKind, headers: Sequence[object], remembered: Mapping[str, str] | None = None
) -> Mapping_:
    """The field of each column (None: not imported).  ``remembered`` holds
    the user's earlier corrections by header_key ("" = not imported); each
    field is fed by one column, the first that claims it."""
    remembered = remembered or {}
    used: set[str] = set()
    mapping: Mapping_ = []
    for header in headers:
        key = header_key(header)
        target = remembered[key] if key in remembered else _LOOKUP[kind].get(key)
        if not target or target in used or target not in TARGETS_BY_KEY[kind]:
            mapping.append(None)
            continue
        used.add(target)
        mapping.append(target)
    return mapping


def missing_targets(kind: ImportKind, mapping: Sequence[str | None]) -> list[frozenset[str]]:
    """Required fields no column feeds (each a set of alternatives)."""
    mapped = set(mapping)
    return [need for need in REQUIRED_TARGETS[kind] if not need & mapped]
