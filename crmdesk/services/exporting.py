"""Exports: the customer list, the ledger and the follow-ups as .xlsx or .csv,
the import templates, and vCards for phones.

What we export, our import reads back.  Every customer, order and payment
column is headed and worded as ``domain.import_mapping`` says (Chinese or
English headers, 个人/企业, 月结, 转账 ...), so ``services.importing`` maps an
export with no correction and gives back the same data:

- customers: one row per customer, every column of the import that applies
  to the kinds exported, the primary contact person in the 联系人 columns;
  then two read-only columns the import ignores (客户等级 tier, 应收余额
  receivable).  Other contact persons, a contact's role, phone and notes have
  no import column and are not exported.  Tags are joined with 「，」 (", " in
  English): a tag holding a comma or a space comes back as two.
- ID numbers and phones (customer's and contact person's) are masked
  (138****8000) unless ``reveal``; the import reads a masked value as blank,
  so re-importing a masked export changes no stored number.
- the ledger workbook: orders, payments (both importable: customer code and
  name, then their fields) and the receivables overview.  A CSV holds one
  table, so a ledger CSV is written for exactly one of them.
- cells are typed (dates, money in yuan from int fen, whole numbers); text is
  always text (formats.writing: no formulas in .xlsx, a leading apostrophe in
  CSV before = + - @ tab CR, which the import takes off again).

The writers are atomic: a failed or cancelled export leaves no file behind
and an earlier file of that name as it was.  ``progress(done, total)`` is
called every thousand rows and may raise (storage.customer_file.Cancelled)
to stop.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import Any

from crmdesk.domain.customer import (
    FIELDS,
    CustomerKind,
    FieldType,
    mask_id_number,
    mask_phone,
)
from crmdesk.domain.followups import ContactMethod, FollowUpSource, FollowUpState
from crmdesk.domain.import_mapping import (
    KIND,
    REQUIRED_TARGETS,
    TAGS,
    TARGETS,
    WEIGHT,
    ImportKind,
    Target,
    choice_word,
    choice_words,
)
from crmdesk.domain.lunar import LunarDate
from crmdesk.domain.orders import PaymentMethod, format_weight_kg
from crmdesk.formats import writing
from crmdesk.formats.writing import Column, ColumnType, Table, VCard, write_csv, write_vcards, write_xlsx
from crmdesk.services.ledger import ledger
from crmdesk.storage import exports as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.exports import CustomerLine

Progress = Callable[[int, int], None]  # (rows written, rows in all)
TEMPLATE_ROWS = 1000  # formatted rows with dropdowns below a template's header


class ExportProblem(StrEnum):
    UNSUPPORTED_FORMAT = "unsupported_format"  # params: suffix (what the export can write: formats)
    ONE_TABLE_PER_CSV = "one_table_per_csv"  # a ledger CSV names which table
    TOO_MANY_ROWS = "too_many_rows"  # params: sheet, limit (an .xlsx sheet holds 1,048,575 rows)


class ExportError(Exception):
    """The export cannot be written as asked; nothing was written."""

    def __init__(self, problem: ExportProblem, path: Path, **params: Any) -> None:
        super().__init__(f"{problem.value}: {path} {params or ''}".rstrip())
        self.problem = problem
        self.path = path
        self.params = params


class LedgerTable(StrEnum):
    ORDERS = "orders"
    PAYMENTS = "payments"
    RECEIVABLES = "receivables"


LEDGER_TABLES = (LedgerTable.ORDERS, LedgerTable.PAYMENTS, LedgerTable.RECEIVABLES)

# Words of the sheets and columns the import has no target for (zh, en).
_WORDS: dict[str, tuple[str, str]] = {
    "customers": ("客户", "Customers"),
    "orders": ("订单", "Orders"),
    "payments": ("回款", "Payments"),
    "receivables": ("应收账款", "Receivables"),
    "follow_ups": ("跟进", "Follow-ups"),
    "instructions": ("填表说明", "Instructions"),
    "ledger": ("客户台账", "Ledger"),
    "contacts": ("通讯录", "Contacts"),
    "template_customers": ("客户导入模板", "Customer import template"),
    "template_orders": ("订单导入模板", "Order import template"),
    "template_payments": ("回款导入模板", "Payment import template"),
    # read-only extras of the customer list, among the headers the import ignores
    "tier": ("客户等级", "Tier"),
    "receivable": ("应收余额", "Receivable"),
    # the receivables overview
    "billed": ("累计应收", "Billed"),
    "paid": ("累计回款", "Paid"),
    "credit_limit": ("授信额度", "Credit limit"),
    "days_0_30": ("0–30 天", "0–30 days"),
    "days_31_60": ("31–60 天", "31–60 days"),
    "days_61_90": ("61–90 天", "61–90 days"),
    "days_over_90": ("90 天以上", "Over 90 days"),
    # follow-ups
    "due_date": ("到期日", "Due date"),
    "due_time": ("时间", "Time"),
    "method": ("方式", "Method"),
    "purpose": ("目的", "Purpose"),
    "owner": ("负责人", "Owner"),
    "state": ("状态", "State"),
    "days_overdue": ("逾期天数", "Days overdue"),
    "source": ("安排方式", "Planned by"),
}

_FOLLOW_UP_WORDS: dict[object, tuple[str, str]] = {
    ContactMethod.VISIT: ("登门拜访", "Visit"),
    ContactMethod.PHONE: ("电话", "Phone call"),
    ContactMethod.LETTER: ("信件", "Letter"),
    ContactMethod.WECHAT: ("微信", "WeChat"),
    ContactMethod.EMAIL: ("电子邮件", "E-mail"),
    ContactMethod.QQ: ("QQ", "QQ"),
    ContactMethod.SMS: ("短信", "Text message"),
    ContactMethod.ONLINE: ("网络", "Online, other"),
    FollowUpState.PLANNED: ("计划中", "Planned"),
    FollowUpState.DONE: ("已完成", "Done"),
    FollowUpState.MISSED: ("未联系上", "Missed"),
    FollowUpState.CANCELLED: ("已取消", "Cancelled"),
    FollowUpSource.MANUAL: ("手工安排", "By hand"),
    FollowUpSource.CALL_BACK: ("定期回访", "Regular call-back"),
    FollowUpSource.REVIEW: ("季度业务回顾", "Quarterly review"),
    FollowUpSource.FEEDBACK: ("满意度回访", "Feedback call"),
    FollowUpSource.TOUCHPOINT: ("购后回访", "After-purchase call"),
    FollowUpSource.WIN_BACK: ("客户挽回", "Win-back plan"),
}


def word(key: str, chinese: bool) -> str:
    zh, en = _WORDS[key]
    return zh if chinese else en


def file_name(what: str, suffix: str, today: date | None, *, chinese: bool) -> str:
    """A name to suggest for an export: 客户-2026-11-23.xlsx, Ledger-2026-11-23.xlsx; a
    template (``template_customers`` ...) takes no date.  ``what`` is a key of the words
    above: customers, ledger, orders, payments, receivables, follow_ups, contacts."""
    stem = word(what, chinese)
    return f"{stem}-{today.isoformat()}{suffix}" if today is not None else stem + suffix


def _format_of(path: str | os.PathLike, formats: tuple[str, ...] = (".xlsx", ".csv")) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in formats:
        raise ExportError(ExportProblem.UNSUPPORTED_FORMAT, Path(path), suffix=suffix, formats=formats)
    return suffix


def _counted(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    return None if progress is None else (lambda done: progress(done, total))


def _write(path: str | os.PathLike, tables: Sequence[Table], progress: Progress | None, total: int,
           **options: Any) -> int:
    """The tables to .xlsx (a sheet each) or one table to .csv, by the path's suffix."""
    suffix = _format_of(path)
    counted = _counted(progress, total)
    if suffix == ".csv":
        if len(tables) != 1:
            raise ExportError(ExportProblem.ONE_TABLE_PER_CSV, Path(path))
        written = write_csv(path, tables[0], progress=counted)
    else:
        try:
            written = write_xlsx(path, tables, progress=counted, **options)
        except writing.WriteError as e:  # the only problem it has: a sheet over Excel's row limit
            raise ExportError(ExportProblem.TOO_MANY_ROWS, Path(path), **e.params) from e
    if progress is not None:
        progress(written, max(total, written))
    return written


# ---------------------------------------------------------------- customers

_SENSITIVE_MASKS = {FieldType.ID_NUMBER: mask_id_number, FieldType.MOBILE: mask_phone, FieldType.PHONE: mask_phone}
_WIDTHS = {FieldType.LONG_TEXT: 30, FieldType.DATE: 12, FieldType.MONEY: 14, FieldType.ID_NUMBER: 21,
           FieldType.CREDIT_CODE: 21, FieldType.EMAIL: 24}
_WIDE = {"name": 28, "address": 32, "code": 11}


def _column_type(target: Target) -> ColumnType:
    return {
        FieldType.DATE.value: ColumnType.DATE,
        FieldType.MONEY.value: ColumnType.MONEY,
        FieldType.INTEGER.value: ColumnType.INTEGER,
    }.get(target.type, ColumnType.TEXT)


def _column(target: Target, chinese: bool, header: str | None = None, choices: tuple[str, ...] = ()) -> Column:
    try:
        width = _WIDE.get(target.key) or _WIDTHS.get(FieldType(target.type), 14)
    except ValueError:  # KIND, TAGS, WEIGHT
        width = 14
    return Column(header or target.header(chinese), _column_type(target), width, choices)


def _lunar_text(chinese: bool) -> Callable[[str], str]:
    """L08-15 as the import reads it back: 八月十五, or "Lunar 8-15" (a bare 8-15 turns into a date in Excel)."""
    def text(stored: str) -> str:
        day = LunarDate.parse(stored)
        if chinese:
            return day.text()
        return f"Lunar {'leap ' if day.leap else ''}{day.month}-{day.day}"
    return text


def _choice_map(choices: type[StrEnum], chinese: bool) -> Callable[[object], str]:
    words = {member: choice_word(member, chinese) for member in choices}
    return words.__getitem__


def customer_columns(kinds: Iterable[CustomerKind], *, chinese: bool, reveal: bool
                     ) -> tuple[tuple[Column, ...], Callable[[CustomerLine], list]]:
    """The customer list's columns for customers of ``kinds`` (all columns when
    empty) and the function making one row of cells."""
    kinds = set(kinds) or set(CustomerKind)
    targets = TARGETS[ImportKind.CUSTOMERS]
    by_key = {t.key: t for t in targets}
    columns: list[Column] = [_column(by_key[KIND], chinese)]
    kind_words = {k: choice_word(k, chinese) for k in CustomerKind}
    kept: list[int] = []
    fixes: list[tuple[int, Callable[[Any], Any]]] = []  # (cell position, stored value -> cell)
    for index, spec in enumerate(FIELDS):
        if not kinds & set(spec.kinds):
            continue
        kept.append(index)
        columns.append(_column(by_key[spec.name], chinese))
        position = len(columns) - 1
        if spec.type is FieldType.CHOICE and spec.choices is not None:
            fixes.append((position, _choice_map(spec.choices, chinese)))
        elif spec.type is FieldType.LUNAR_DATE:
            fixes.append((position, _lunar_text(chinese)))
        elif spec.sensitive and not reveal:
            fixes.append((position, _SENSITIVE_MASKS[spec.type]))
    columns.append(_column(by_key[TAGS], chinese))
    with_contact = CustomerKind.COMPANY in kinds
    if with_contact:
        columns += [_column(by_key[key], chinese) for key in
                    ("contact_name", "contact_title", "contact_mobile", "contact_email", "contact_wechat")]
    columns.append(Column(word("tier", chinese), ColumnType.TEXT, 9))
    columns.append(Column(word("receivable", chinese), ColumnType.MONEY, 14))

    pick = itemgetter(*kept)
    separator = "，" if chinese else ", "
    mask = (lambda v: v) if reveal else mask_phone
    no_contact = (None,) * 5

    def cells(line: CustomerLine) -> list:
        row = [kind_words[line.kind], *pick(line.values)]
        for position, fix in fixes:
            value = row[position]
            if value is not None:
                row[position] = fix(value)
        row.append(separator.join(line.tags) if line.tags else None)
        if with_contact:
            c = line.contact
            row += no_contact if c is None else (c.name, c.title, c.mobile and mask(c.mobile), c.email, c.wechat)
        row.append(line.tier.value if line.tier else None)
        row.append(line.receivable)
        return row

    return tuple(columns), cells


def export_customers(
    cf: CustomerFile,
    path: str | os.PathLike,
    *,
    ids: Sequence[int] | None = None,
    chinese: bool,
    reveal: bool = False,
    progress: Progress | None = None,
) -> int:
    """The customers in ``ids`` order (None: every customer not in the recycle
    bin, by code) to .xlsx or .csv; returns the rows written."""
    _format_of(path)
    columns, cells = customer_columns(store.customer_kinds(cf, ids), chinese=chinese, reveal=reveal)
    total = store.customer_count(cf, ids)
    rows = map(cells, store.customer_lines(cf, ids))
    return _write(path, [Table(word("customers", chinese), columns, rows)], progress, total)


# ---------------------------------------------------------------- the ledger


def _targets(kind: ImportKind) -> dict[str, Target]:
    return {t.key: t for t in TARGETS[kind]}


def _order_table(cf: CustomerFile, ids: Sequence[int] | None, chinese: bool) -> Table:
    t = _targets(ImportKind.ORDERS)
    keys = ("customer_code", "customer_name", "order_date", "product", "quantity", "amount", "cost",
            "waybill", "origin", "destination", "pieces", WEIGHT, "note")
    assert set(keys) == set(t), "every order column of the import, once"
    columns = tuple(_column(t[k], chinese) for k in keys)
    rows = (
        (o.code, o.name, o.order_date, o.product, o.quantity, o.amount, o.cost, o.waybill, o.origin,
         o.destination, o.pieces, format_weight_kg(o.weight_g) if o.weight_g is not None else None, o.note)
        for o in store.order_lines(cf, ids)
    )
    return Table(word("orders", chinese), columns, rows)


def _payment_table(cf: CustomerFile, ids: Sequence[int] | None, chinese: bool) -> Table:
    t = _targets(ImportKind.PAYMENTS)
    keys = ("customer_code", "customer_name", "paid_date", "amount", "method", "note")
    assert set(keys) == set(t), "every payment column of the import, once"
    columns = tuple(_column(t[k], chinese) for k in keys)
    method = {m: choice_word(m, chinese) for m in PaymentMethod}
    rows = (
        (p.code, p.name, p.paid_date, p.amount, method[p.method] if p.method else None, p.note)
        for p in store.payment_lines(cf, ids)
    )
    return Table(word("payments", chinese), columns, rows)


def _receivables_table(cf: CustomerFile, today: date, ids: Sequence[int] | None, chinese: bool) -> Table:
    t = _targets(ImportKind.ORDERS)
    money = ColumnType.MONEY
    columns = (
        _column(t["customer_code"], chinese), _column(t["customer_name"], chinese),
        *(Column(word(key, chinese), money, 14) for key in
          ("billed", "paid", "receivable", "credit_limit", "days_0_30", "days_31_60", "days_61_90", "days_over_90")),
    )
    wanted = None if ids is None else set(ids)
    rows = (
        (r.code, r.name, r.billed, r.paid, r.receivable, r.credit_limit, *r.aging.as_tuple())
        for r in ledger(cf, today) if wanted is None or r.customer_id in wanted
    )
    return Table(word("receivables", chinese), columns, rows)


def ledger_tables(path: str | os.PathLike) -> tuple[LedgerTable, ...]:
    """What export_ledger writes by default: every table to .xlsx, the orders to .csv."""
    return LEDGER_TABLES if _format_of(path) == ".xlsx" else (LedgerTable.ORDERS,)


def export_ledger(
    cf: CustomerFile,
    path: str | os.PathLike,
    today: date,
    *,
    chinese: bool,
    ids: Sequence[int] | None = None,
    tables: Sequence[LedgerTable] | None = None,
    progress: Progress | None = None,
) -> int:
    """The ledger of the customers in ``ids`` (None: every one not in the recycle bin).

    .xlsx: a sheet per table, by default orders, payments and the receivables
    overview (aged as of ``today``).  .csv: one table, by default the orders;
    ask for the payments or the overview with ``tables``.  Orders and
    payments are in date order and import back as they are.
    """
    tables = tuple(tables or ledger_tables(path))
    if _format_of(path) == ".csv" and len(tables) != 1:
        raise ExportError(ExportProblem.ONE_TABLE_PER_CSV, Path(path))
    total = 0
    made = []
    for which in tables:
        if which is LedgerTable.ORDERS:
            total += store.order_count(cf, ids)
            made.append(_order_table(cf, ids, chinese))
        elif which is LedgerTable.PAYMENTS:
            total += store.payment_count(cf, ids)
            made.append(_payment_table(cf, ids, chinese))
        else:
            total += store.customer_count(cf, ids)  # at most: customers without a ledger are left out
            made.append(_receivables_table(cf, today, ids, chinese))
    return _write(path, made, progress, total)


# ---------------------------------------------------------------- follow-ups


def export_follow_ups(
    cf: CustomerFile,
    path: str | os.PathLike,
    today: date,
    *,
    chinese: bool,
    ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Every follow-up (planned, done, missed, cancelled) of the customers, by
    due date; planned ones say how many days they are overdue as of ``today``."""
    _format_of(path)
    t = _targets(ImportKind.ORDERS)
    zh = 0 if chinese else 1
    columns = (
        _column(t["customer_code"], chinese), _column(t["customer_name"], chinese),
        Column(word("due_date", chinese), ColumnType.DATE, 12),
        Column(word("due_time", chinese), ColumnType.TEXT, 8),
        Column(word("method", chinese), ColumnType.TEXT, 12),
        Column(word("purpose", chinese), ColumnType.TEXT, 36),
        Column(word("owner", chinese), ColumnType.TEXT, 12),
        Column(word("state", chinese), ColumnType.TEXT, 10),
        Column(word("days_overdue", chinese), ColumnType.INTEGER, 10),
        Column(word("source", chinese), ColumnType.TEXT, 16),
    )
    planned = FollowUpState.PLANNED
    rows = (
        (f.code, f.name, f.due_date, f.due_time, _FOLLOW_UP_WORDS[f.method][zh], f.purpose, f.owner,
         _FOLLOW_UP_WORDS[f.state][zh],
         (today - f.due_date).days if f.state is planned and f.due_date < today else None,
         _FOLLOW_UP_WORDS[f.source][zh])
        for f in store.follow_up_lines(cf, ids)
    )
    total = store.follow_up_count(cf, ids)
    return _write(path, [Table(word("follow_ups", chinese), columns, rows)], progress, total)


# ---------------------------------------------------------------- import templates

# The customer template's first columns: what a ledger usually has; every other
# column of the import follows, in the export's order, so nothing is out of reach.
_EVERYDAY = (KIND, "name", "code", "mobile", "phone", "contact_name", "contact_title", "contact_mobile",
             "province", "city", "district", "address", "owner", "status", "source", TAGS, "notes")

_INSTRUCTIONS: dict[ImportKind | None, tuple[tuple[str, str], ...]] = {
    None: (
        ("每行一位客户（或一笔订单、一笔回款）。请勿修改第一个工作表的表头；不用的列可以留空或删除。",
         "One row per customer (or order, or payment). Keep the headers of the first sheet as they are; "
         "columns you do not use may stay empty or be deleted."),
        ("表头带 * 的列必须填写。有下拉箭头的列请从下拉列表中选择。",
         "Columns whose header ends in * must be filled. Where a column has a dropdown, choose from it."),
        ("日期写成 2026-11-23；金额以元为单位，例如 1234.50。",
         "Dates as 2026-11-23; amounts in yuan, for example 1234.50."),
        ("填好后用 crmdesk 的「文件 → 导入」导入；导入前会逐行预览，已在文件中的行会跳过，整次导入可以撤销。",
         "Import it with File → Import in crmdesk: every row is previewed first, rows already in the file are "
         "skipped, and the whole import can be reverted."),
    ),
    ImportKind.CUSTOMERS: (
        ("客户类型填「个人」或「企业」；只适用于另一类客户的列请留空。企业的联系人填在「联系人」各列。",
         "Customer type is Personal or Company; leave the columns of the other kind empty. A company's contact "
         "person goes into the Contact columns."),
        ("客户编号可以留空，crmdesk 会自动编号；已有的编号会更新该客户，空白单元格不会清除已有内容。",
         "The customer code may stay empty: crmdesk gives the next one. An existing code updates that customer; "
         "empty cells never clear what is stored."),
        ("手机、电话、身份证号和信用代码的列是文本格式：照原样输入，开头的 0 会保留。",
         "Phone, ID number and credit code columns are text: type them as they are, leading zeros are kept."),
        ("多个标签用逗号分开。", "Separate several tags with commas."),
    ),
    ImportKind.ORDERS: (
        ("每行需要客户编号或准确的客户名称；客户必须已在文件中。",
         "Each row needs the customer's code or exact name; the customer must already be in the file."),
        ("重量以公斤为单位，最多三位小数。", "Weight in kilograms, with at most three decimals."),
    ),
    ImportKind.PAYMENTS: (
        ("每行需要客户编号或准确的客户名称；客户必须已在文件中。",
         "Each row needs the customer's code or exact name; the customer must already be in the file."),
    ),
}


def template_targets(kind: ImportKind) -> tuple[Target, ...]:
    """Every target of the import kind; for customers the everyday ones first."""
    targets = TARGETS[kind]
    if kind is not ImportKind.CUSTOMERS:
        return targets
    by_key = {t.key: t for t in targets}
    return tuple(by_key[k] for k in _EVERYDAY) + tuple(t for t in targets if t.key not in _EVERYDAY)


def template_columns(kind: ImportKind, *, chinese: bool) -> tuple[Column, ...]:
    """The template's columns: required ones marked *, choice columns with their dropdown."""
    required = {key for need in REQUIRED_TARGETS[kind] if len(need) == 1 for key in need}
    columns = []
    for target in template_targets(kind):
        header = target.header(chinese) + ("*" if target.key in required else "")
        if target.type == KIND:
            choices = choice_words(CustomerKind, chinese)
        elif target.choices is not None:
            choices = choice_words(target.choices, chinese)
        else:
            choices = ()
        columns.append(_column(target, chinese, header, choices))
    return tuple(columns)


def write_template(path: str | os.PathLike, kind: ImportKind, *, chinese: bool) -> int:
    """The import template of ``kind``: its headers and no data row.

    .xlsx: text-formatted identifier columns, dropdowns for the choice columns
    on the first TEMPLATE_ROWS rows, and a second sheet of instructions (the
    import reads the first sheet only).  .csv: the header line.  Returns 0.
    """
    columns = template_columns(kind, chinese=chinese)
    sheet = Table(_template_sheet(kind, chinese), columns, ())
    if _format_of(path) == ".csv":
        return write_csv(path, sheet)
    zh = 0 if chinese else 1
    lines = [pair[zh] for pair in _INSTRUCTIONS[None] + _INSTRUCTIONS[kind]]
    notes = Table(word("instructions", chinese), (Column(word("instructions", chinese), width=110),),
                  [(line,) for line in lines])
    write_xlsx(path, [sheet, notes], blank_rows=TEMPLATE_ROWS)
    return 0


def _template_sheet(kind: ImportKind, chinese: bool) -> str:
    return word({ImportKind.CUSTOMERS: "customers", ImportKind.ORDERS: "orders",
                 ImportKind.PAYMENTS: "payments"}[kind], chinese)


# ---------------------------------------------------------------- vCards


_AT = {name: i for i, name in enumerate(store.FIELD_NAMES)}


def _dialled(number: str) -> str:
    """A stored number as people write it: 138 0013 8000, 010 6552 9988."""
    if len(number) == 11 and number[0] == "1":  # a mobile: no need to ask phonenumbers (60 µs a number)
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    from crmdesk.domain.validation import format_phone

    return format_phone(number)


def vcard_of(line: CustomerLine) -> VCard | None:
    """A customer's card for a phone's address book; None without a phone number.

    A person is the card's name (and their employer and job title); a company
    is its organisation, with its primary contact person as the name and title
    when it has one.  Numbers are unmasked: dialling them is the point.  The
    note holds the customer code.
    """
    v, at = line.values, _AT
    contact = line.contact if line.kind is CustomerKind.COMPANY else None
    mobiles = _unique(_dialled(n) for n in (v[at["mobile"]], contact.mobile if contact else None) if n)
    phones = _unique(_dialled(n) for n in (v[at["phone"]], contact.phone if contact else None) if n)
    if not mobiles and not phones:
        return None
    emails = _unique(e for e in ((contact.email if contact else None), v[at["email"]]) if e)
    address = _address(*(v[at[k]] for k in ("province", "city", "district", "address")))
    name = v[at["name"]]
    if line.kind is CustomerKind.PERSONAL:
        return VCard(full_name=name, organization=v[at["employer"]], title=v[at["job_title"]], mobiles=mobiles,
                     phones=phones, emails=emails, address=address, note=v[at["code"]], uid=line.uid)
    return VCard(full_name=contact.name if contact else name, organization=name,
                 title=contact.title if contact else None, mobiles=mobiles, phones=phones, emails=emails,
                 address=address, note=v[at["code"]], uid=line.uid)


def _address(*parts: str | None) -> str | None:
    """北京市 北京市 朝阳区 建国路1号 as one line, 北京市朝阳区建国路1号: a part the rest already says is left out."""
    street = parts[-1] or ""
    kept: list[str] = []
    for part in parts[:-1]:
        if part and part not in kept and not street.startswith(part):
            kept.append(part)
    return "".join(kept) + street or None


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def export_vcards(cf: CustomerFile, path: str | os.PathLike, *, ids: Sequence[int] | None = None,
                  progress: Progress | None = None) -> int:
    """One vCard 3.0 per customer with a phone number, to a .vcf; returns the cards written."""
    _format_of(path, (".vcf",))
    total = store.customer_count(cf, ids)
    done = 0

    def cards() -> Iterable[VCard]:
        nonlocal done
        for line in store.customer_lines(cf, ids):
            done += 1
            if progress is not None and done % 1000 == 0:
                progress(done, total)
            card = vcard_of(line)
            if card is not None:
                yield card

    written = write_vcards(path, cards())
    if progress is not None:
        progress(total, total)
    return written


# ---------------------------------------------------------------- counts for the dialog


def customer_count(cf: CustomerFile, ids: Sequence[int] | None = None) -> int:
    """Customers not in the recycle bin (or of ``ids``)."""
    return store.customer_count(cf, ids)

