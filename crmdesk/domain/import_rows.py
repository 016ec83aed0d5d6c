"""One spreadsheet row to typed values, then to a Customer, Order or Payment.

Cells arrive as the spreadsheet stored them (text, int, float, date, None).
Identifiers are read as text: a phone stored as a whole number is fine, but
an ID number or credit code stored as a number has already lost digits
(1.10105E+17 keeps 15 significant digits of 18), so such a row is refused
rather than imported wrong.  Problems are codes tied to a column, never text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

from crmdesk.domain.customer import (
    FIELDS_BY_NAME,
    ContactPerson,
    Customer,
    CustomerKind,
    FieldType,
)
from crmdesk.domain.import_mapping import (
    KIND,
    TAGS,
    TARGETS_BY_KEY,
    WEIGHT,
    ImportKind,
    Target,
    header_key,
    parse_choice,
)
from crmdesk.domain.orders import Order, Payment, WeightError, parse_weight_g
from crmdesk.domain.validation import (
    ErrorCode,
    FieldValueError,
    normalize_phone,
    parse_value,
    validate_customer,
)


class SkipReason(StrEnum):
    TOTAL_ROW = "total_row"  # 合计 / 小计
    UNCHANGED = "unchanged"  # matches a customer and brings nothing new
    ALREADY_IMPORTED = "already_imported"  # this order or payment is already in the file
    SAME_AS_ROW = "same_as_row"  # repeats an earlier row of the file


@dataclass(frozen=True)
class CellProblem:
    """A problem with one cell (``column`` 0-based; None for the row as a whole)."""

    column: int | None
    field: str  # the target key
    code: ErrorCode
    params: dict[str, object] = field(default_factory=dict, hash=False)


@dataclass
class RowValues:
    """The typed values of one row, by target key, and what was wrong."""

    number: int  # the spreadsheet's row number, 1-based, as the user sees it
    values: dict[str, object]
    columns: dict[str, int]  # target key -> column index
    errors: list[CellProblem]

    def error(self, target: str, code: ErrorCode, params: dict[str, object] | None = None) -> None:
        self.errors.append(CellProblem(self.columns.get(target), target, code, dict(params or {})))


# ---------------------------------------------------------------- rows

_TOTAL_WORDS = ("合计", "小计", "总计", "总合计", "共计", "total", "subtotal", "sum")


def is_blank(cells: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def is_total_row(cells: Sequence[object]) -> bool:
    """A 合计/小计 line: its first filled text cell says so."""
    for cell in cells:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if not isinstance(cell, str):
            continue  # the 序号 column may hold a number before the word
        key = header_key(cell)
        return any(key.startswith(word) for word in _TOTAL_WORDS)
    return False


def read_row(
    kind: ImportKind,
    cells: Sequence[object],
    mapping: Sequence[str | None],
    number: int,
    uncached: Collection[int] = (),
) -> RowValues:
    """Typed values of the mapped cells; ``uncached`` are the columns whose
    formula has no calculated value."""
    targets = TARGETS_BY_KEY[kind]
    row = RowValues(number, {}, {}, [])
    for column, key in enumerate(mapping):
        if key is None:
            continue
        row.columns[key] = column
        cell = cells[column] if column < len(cells) else None
        if column in uncached:
            row.error(key, ErrorCode.FORMULA_WITHOUT_VALUE)
            continue
        try:
            value = parse_cell(targets[key], cell)
        except FieldValueError as e:
            row.error(key, e.code, e.params)
            continue
        if value is not None:
            row.values[key] = value
    _landline_in_mobile_column(row, cells)
    return row


def _landline_in_mobile_column(row: RowValues, cells: Sequence[object]) -> None:
    """A ledger's 联系电话 column holds landlines too: one that is not a mobile
    but is a valid phone number goes to the phone field when that is empty."""
    error = next((e for e in row.errors if e.field == "mobile" and e.code is ErrorCode.INVALID_MOBILE), None)
    if error is None or "phone" in row.values or "phone" in row.columns and _filled(cells, row.columns["phone"]):
        return
    try:
        row.values["phone"] = normalize_phone(str(cells[error.column]))
    except FieldValueError:
        return
    row.errors.remove(error)


def _filled(cells: Sequence[object], column: int) -> bool:
    return column < len(cells) and not is_blank((cells[column],))


# ---------------------------------------------------------------- cells

_IDENTIFIERS = {FieldType.ID_NUMBER.value, FieldType.CREDIT_CODE.value}
_DIGIT_TEXT = {FieldType.MOBILE.value, FieldType.PHONE.value}
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 past Excel's phantom 29 Feb 1900
_MASKED = re.compile(r"\*{3,}")  # 138****8000 from a masked export: the value is not there
# OWASP: a spreadsheet runs a cell starting with these as a formula (or DDE).
# A CSV export (formats.writing) puts an apostrophe before such text, so on
# the way back '=1 is the text =1; any other leading apostrophe stays.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def parse_cell(target: Target, cell: object) -> object:
    """The stored value of one cell for ``target``; None when blank."""
    if isinstance(cell, str) and cell.startswith("'") and cell[1:2] in FORMULA_START:
        cell = cell[1:]
    if isinstance(cell, str) and target.type not in (FieldType.TEXT.value, FieldType.LONG_TEXT.value) \
            and _MASKED.search(cell):
        return None
    text = cell_text(target, cell)
    if target.type == KIND:
        if not text.strip():
            return None
        member = parse_choice(CustomerKind, text)
        if member is None:
            raise FieldValueError(ErrorCode.INVALID_CHOICE, field=target.key)
        return member
    if target.type == TAGS:
        return tuple(t for t in re.split(r"[,，;；、|\s]+", unicodedata.normalize("NFC", text)) if t) or None
    if target.type == WEIGHT:
        try:
            return parse_weight_g(text)
        except WeightError:
            raise FieldValueError(ErrorCode.INVALID_WEIGHT, field=target.key) from None
    if target.type == FieldType.CHOICE.value and text.strip():
        member = parse_choice(target.choices, text)
        if member is None:
            raise FieldValueError(ErrorCode.INVALID_CHOICE, field=target.key)
        return member
    return parse_value(target.key, FieldType(target.type), text, max_length=target.max_length)


def cell_text(target: Target, cell: object) -> str:
    """A cell as the text a user would have typed into the form."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        raise FieldValueError(ErrorCode.INVALID_TYPE, field=target.key)
    if isinstance(cell, str):
        return cell
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time(0) else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, time):
        return cell.strftime("%H:%M")
    if isinstance(cell, int):
        if target.type == FieldType.DATE.value:
            return _serial_date(cell, target)
        return str(cell)
    if isinstance(cell, float):
        return _float_text(target, cell)
    raise FieldValueError(ErrorCode.INVALID_TYPE, field=target.key)


def _float_text(target: Target, value: float) -> str:
    if target.type in _IDENTIFIERS:
        raise FieldValueError(ErrorCode.NUMBER_LOST_DIGITS, field=target.key)
    if target.type == FieldType.DATE.value and value.is_integer():
        return _serial_date(int(value), target)
    if value != value or value in (float("inf"), float("-inf")):
        raise FieldValueError(ErrorCode.INVALID_TYPE, field=target.key)
    exact = Decimal(repr(value))  # the shortest text that reads back as this float: 12.5, not 12.4999…
    if target.type == FieldType.INTEGER.value and value.is_integer():
        return str(int(exact))  # some readers give every number as a float: 3.0 pieces
    if target.type in _DIGIT_TEXT or target.type == FieldType.TEXT.value:
        # A phone or QQ number typed into a number cell: whole and below 10^15 it
        # is still exact; beyond that Excel has rounded it.
        if not value.is_integer() or abs(value) >= 1e15:
            if target.type in _DIGIT_TEXT:
                raise FieldValueError(ErrorCode.NUMBER_LOST_DIGITS, field=target.key)
            return format(exact, "f")
        return str(int(exact))
    return format(exact, "f")


def _serial_date(serial: int, target: Target) -> str:
    if not 1 <= serial <= 2_958_465:  # 9999-12-31
        raise FieldValueError(ErrorCode.INVALID_DATE, field=target.key)
    return (_EXCEL_EPOCH + timedelta(days=serial)).isoformat()


# ---------------------------------------------------------------- customers

_COMPANY_NAME = re.compile(
    r"(公司|集团|厂|中心|商行|商店|店|部|所|社|院|局|协会|合作社|工作室|事务所|经营部|门市|超市|有限|co\.?|ltd\.?|inc\.?|llc)$",
    re.IGNORECASE,
)
_COMPANY_ONLY = {f.name for f in FIELDS_BY_NAME.values() if f.kinds == (CustomerKind.COMPANY,)}
_PERSON_ONLY = {f.name for f in FIELDS_BY_NAME.values() if f.kinds == (CustomerKind.PERSONAL,)}
_CONTACT_PREFIX = "contact_"


def row_kind(values: dict[str, object]) -> CustomerKind:
    """The kind a row states, else what its fields and name suggest: a credit
    code, a contact person or a company-like name make it a company."""
    stated = values.get(KIND)
    if isinstance(stated, CustomerKind):
        return stated
    keys = set(values)
    if keys & _COMPANY_ONLY or any(k.startswith(_CONTACT_PREFIX) for k in keys):
        return CustomerKind.COMPANY
    if keys & _PERSON_ONLY:
        return CustomerKind.PERSONAL
    name = str(values.get("name", "")).strip()
    return CustomerKind.COMPANY if _COMPANY_NAME.search(name) else CustomerKind.PERSONAL


def _customer_values(row: RowValues, kind: CustomerKind) -> dict[str, object]:
    """The row's values for a customer of ``kind``: a person's job title on a
    company row is its contact's."""
    values = dict(row.values)
    if kind is CustomerKind.COMPANY and "job_title" in values and "contact_name" in values:
        values.setdefault("contact_title", values.pop("job_title"))
    return values


def build_customer(row: RowValues, kind: CustomerKind | None = None) -> Customer | None:
    """The customer a row describes, or None when it has errors (added to the row).

    ``kind`` is an existing customer's kind when the row updates one.
    """
    kind = kind or row_kind(row.values)
    values = _customer_values(row, kind)
    attrs: dict[str, object] = {}
    for key, value in values.items():
        if key in FIELDS_BY_NAME:
            if kind not in FIELDS_BY_NAME[key].kinds:
                row.error(key, ErrorCode.NOT_APPLICABLE, {"kind": kind.value})
                continue
            attrs[key] = value
    contact = _contact(values)
    if contact is not None and kind is not CustomerKind.COMPANY:
        row.error("contact_name", ErrorCode.NOT_APPLICABLE, {"kind": kind.value})
        contact = None
    if "name" not in attrs:
        if not any(e.field == "name" for e in row.errors):
            row.error("name", ErrorCode.REQUIRED)
        return None
    # Every value was parsed (and so cleaned and normalised) by parse_cell:
    # normalize_customer would only do it all again.
    customer = Customer(
        kind=kind,
        tags=tuple(dict.fromkeys(values.get(TAGS, ()))),  # type: ignore[arg-type]
        contacts=(contact,) if contact else (),
        **attrs,  # type: ignore[arg-type]
    )
    for problem in validate_customer(customer):
        row.error(_target_of(problem.field), problem.code, problem.params)
    return None if row.errors else customer


def _contact(values: dict[str, object]) -> ContactPerson | None:
    parts = {k.removeprefix(_CONTACT_PREFIX): v for k, v in values.items() if k.startswith(_CONTACT_PREFIX)}
    name = parts.pop("name", None)
    if name is None:
        return None
    return ContactPerson(name=str(name), is_primary=True, **parts)  # type: ignore[arg-type]


def _target_of(field_name: str) -> str:
    """contacts[0].mobile -> contact_mobile."""
    if field_name.startswith("contacts["):
        return _CONTACT_PREFIX + field_name.split(".", 1)[1]
    return field_name


def update_of(existing: Customer, incoming: Customer) -> dict[str, object]:
    """The fields a matching row changes: its filled values that differ.

    A blank cell never clears a stored value; tags are added, not replaced;
    a contact person is added when the customer has none of that name.
    """
    changes: dict[str, object] = {}
    for name in FIELDS_BY_NAME:
        new = getattr(incoming, name)
        if name == "code" or new is None or existing.kind not in FIELDS_BY_NAME[name].kinds:
            continue
        if new != getattr(existing, name):
            changes[name] = new
    tags = tuple(dict.fromkeys((*existing.tags, *incoming.tags)))
    if tags != existing.tags:
        changes["tags"] = tags
    known = {c.name for c in existing.contacts}
    new_contacts = tuple(c for c in incoming.contacts if c.name not in known)
    if new_contacts:
        primary = any(c.is_primary for c in existing.contacts)
        changes["contacts"] = existing.contacts + tuple(
            _with(c, is_primary=c.is_primary and not primary) for c in new_contacts
        )
    return changes


def _with(contact: ContactPerson, **changes: object) -> ContactPerson:
    values = {f.name: getattr(contact, f.name) for f in fields(ContactPerson)}
    values.update(changes)
    return ContactPerson(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- orders and payments


def build_order(row: RowValues, customer_id: int) -> Order | None:
    v = row.values
    for key in ("order_date", "amount"):
        if key not in v and not any(e.field == key for e in row.errors):
            row.error(key, ErrorCode.REQUIRED)
    if row.errors:
        return None
    return Order(
        customer_id=customer_id,
        order_date=v["order_date"],  # type: ignore[arg-type]
        product=str(v.get("product") or ""),
        quantity=int(v.get("quantity", 1)),  # type: ignore[arg-type]
        amount=v["amount"],  # type: ignore[arg-type]
        cost=v.get("cost"),  # type: ignore[arg-type]
        note=v.get("note"),  # type: ignore[arg-type]
        waybill=v.get("waybill"),  # type: ignore[arg-type]
        origin=v.get("origin"),  # type: ignore[arg-type]
        destination=v.get("destination"),  # type: ignore[arg-type]
        pieces=v.get("pieces"),  # type: ignore[arg-type]
        weight_g=v.get(WEIGHT),  # type: ignore[arg-type]
    )


def build_payment(row: RowValues, customer_id: int) -> Payment | None:
    v = row.values
    for key in ("paid_date", "amount"):
        if key not in v and not any(e.field == key for e in row.errors):
            row.error(key, ErrorCode.REQUIRED)
    if row.errors:
        return None
    return Payment(
        customer_id=customer_id,
        paid_date=v["paid_date"],  # type: ignore[arg-type]
        amount=v["amount"],  # type: ignore[arg-type]
        method=v.get("method"),  # type: ignore[arg-type]
        note=v.get("note"),  # type: ignore[arg-type]
    )


def order_key(order: Order) -> tuple:
    """What makes two orders the same one: importing a file twice adds nothing."""
    if order.waybill:
        return (order.customer_id, order.waybill)
    return (order.customer_id, order.order_date, order.product, order.quantity, order.amount)


def payment_key(payment: Payment) -> tuple:
    return (payment.customer_id, payment.paid_date, payment.amount, payment.method)

