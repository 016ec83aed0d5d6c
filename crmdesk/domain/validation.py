"""Input cleaning, field parsing and customer validation.

Errors are codes with parameters (``FieldError``), never sentences: the UI,
the CLI and the import report each turn them into their own text.

Normalization follows reliability.md row #7: NFKC for phone, ID, credit-code
and amount fields (full-width digits from Chinese input methods), NFC for
names and other text, and C0 control characters stripped at input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from enum import StrEnum

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidLength, ValidationError

from crmdesk.domain import dates, lunar, money
from crmdesk.domain.customer import (
    CONTACT_FIELD_TYPES,
    FIELDS,
    ContactPerson,
    ContactRole,
    Customer,
    CustomerKind,
    FieldSpec,
    FieldType,
)


class ErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_MOBILE = "invalid_mobile"
    INVALID_PHONE = "invalid_phone"
    INVALID_EMAIL = "invalid_email"
    INVALID_ID_NUMBER = "invalid_id_number"
    INVALID_CREDIT_CODE = "invalid_credit_code"
    INVALID_DATE = "invalid_date"
    INVALID_AMOUNT = "invalid_amount"
    AMOUNT_OUT_OF_RANGE = "amount_out_of_range"
    NEGATIVE_AMOUNT = "negative_amount"
    INVALID_INTEGER = "invalid_integer"
    INVALID_CHOICE = "invalid_choice"
    NOT_APPLICABLE = "not_applicable"  # a field of the other customer kind is set
    INVALID_TYPE = "invalid_type"  # a typed value of the wrong Python type
    DUPLICATE_CODE = "duplicate_code"  # raised by storage
    NOT_POSITIVE = "not_positive"  # quantities, pieces, payments
    TOO_FAR_AHEAD = "too_far_ahead"  # a date beyond the file's horizon
    MORE_THAN_OWED = "more_than_owed"  # a payment larger than the receivable
    OUT_OF_RANGE = "out_of_range"  # a whole number outside {min}..{max}
    TIER_ORDER = "tier_order"  # tier percentages that do not rise from A to B to C
    INVALID_TIME = "invalid_time"  # not a wall-clock "HH:MM"
    INVALID_LUNAR_DATE = "invalid_lunar_date"  # not a lunar month and day such as 八月十五
    # imports
    NUMBER_LOST_DIGITS = "number_lost_digits"  # an ID or phone the spreadsheet stored as a number (1.10105E+17)
    FORMULA_WITHOUT_VALUE = "formula_without_value"  # a formula never calculated (no cached value)
    INVALID_WEIGHT = "invalid_weight"  # not kilograms with at most three decimals
    CUSTOMER_NOT_FOUND = "customer_not_found"  # an order or payment for no known customer
    AMBIGUOUS_MATCH = "ambiguous_match"  # matches several customers: {codes}
    DUPLICATE_IN_FILE = "duplicate_in_file"  # the same customer as row {row}, with other values


@dataclass(frozen=True)
class FieldError:
    field: str
    code: ErrorCode
    # Left out of the hash so FieldError stays hashable; equality still uses it.
    params: dict[str, object] = field(default_factory=dict, hash=False)


def text_errors(name: str, value: object, limit: int, required: bool = False) -> list[FieldError]:
    """A text field of a record: absent (None) unless required, a string, not blank if required, at most
    ``limit`` characters; the first problem only."""
    if value is None and not required:
        return []
    if not isinstance(value, str):
        return [FieldError(name, ErrorCode.INVALID_TYPE)]
    if required and not value.strip():
        return [FieldError(name, ErrorCode.REQUIRED)]
    if len(value) > limit:
        return [FieldError(name, ErrorCode.TOO_LONG, {"max": limit})]
    return []


class FieldValueError(ValueError):
    """A value that cannot be stored; ``field`` is "" until parse_field names it."""

    def __init__(self, code: ErrorCode, params: dict[str, object] | None = None, field: str = "") -> None:
        super().__init__(code)
        self.code = ErrorCode(code)
        self.params = dict(params or {})
        self.field = field

    @property
    def error(self) -> FieldError:
        return FieldError(self.field, self.code, self.params)


# ---------------------------------------------------------------- text

# C0 controls except \t and \n (\r is turned into \n first), DEL, and lone
# surrogates, which cannot be encoded to UTF-8 and would fail in SQLite.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_LINE_BREAKS = re.compile("[ \t\n]*[\t\n][ \t\n]*")


def clean_text(s: str) -> str:
    """Multi-line text as stored: NFC, \\n line ends, no control characters.

    Controls are removed before NFC so that removing one can never leave two
    characters that NFC would then combine; the result is idempotent.
    """
    if not isinstance(s, str):
        raise TypeError("clean_text takes text")
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", s))


def clean_single_line(s: str) -> str:
    """One-line text: clean_text, tabs and line breaks become one space, ends stripped."""
    return _LINE_BREAKS.sub(" ", clean_text(s)).strip()


# ---------------------------------------------------------------- phones

# phonenumbers reads letters as keypad digits ("138OO138OOO" would pass) and
# ignores trailing junk, so only digits and the usual separators get through.
_PHONE_CHARS = re.compile(r"\+?[0-9 ()\-.]+")
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_PHONE_TYPES = _MOBILE_TYPES | {
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.TOLL_FREE,  # 800
    PhoneNumberType.SHARED_COST,  # 400
    PhoneNumberType.UAN,
}


def normalize_mobile(text: str) -> str:
    """A Chinese mobile number as its eleven national digits: 13800138000."""
    return _normalize_number(text, _MOBILE_TYPES, ErrorCode.INVALID_MOBILE)


def normalize_phone(text: str) -> str:
    """A Chinese landline, mobile, 400 or 800 number as national digits with
    the trunk 0 of landlines: 01065529988."""
    return _normalize_number(text, _PHONE_TYPES, ErrorCode.INVALID_PHONE)


@lru_cache(maxsize=65_536)  # pure; an import checks each number as parsed, normalised and validated
def _normalize_number(text: str, types: frozenset[int], code: ErrorCode) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    if not _PHONE_CHARS.fullmatch(s) or len(s) > 40:
        raise FieldValueError(code)
    try:
        number = phonenumbers.parse(s, "CN")
    except phonenumbers.NumberParseException:
        raise FieldValueError(code) from None
    if (
        phonenumbers.region_code_for_number(number) != "CN"
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in types
    ):
        raise FieldValueError(code)
    # The national format carries the trunk 0 of landlines (010 ...) and none
    # for mobiles, which is the form people dial and search for.
    return _digits(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))


def format_phone(digits: str | None) -> str:
    """Display form of a stored number: 138 0013 8000, 010 6552 9988."""
    if not digits:
        return ""
    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return digits  # display never fails; validation reports bad values
    if not phonenumbers.is_valid_number(number):
        return digits
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def _digits(s: str) -> str:
    return "".join(c for c in s if "0" <= c <= "9")


# ---------------------------------------------------------------- identifiers

_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=65_536)
def normalize_id_number(text: str) -> str:
    """An 18-character resident ID (身份证), checksum, birth date and region checked."""
    s = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).upper()
    if len(s) == 15 and s.isascii() and s.isdigit():
        # Policy: legacy 15-digit numbers carry no checksum; they are refused
        # rather than converted, so every stored ID has been checked.
        raise FieldValueError(ErrorCode.INVALID_ID_NUMBER, {"reason": "legacy_15"})
    if not re.fullmatch(r"[0-9]{17}[0-9X]", s):
        raise FieldValueError(ErrorCode.INVALID_ID_NUMBER)
    try:
        return ric.validate(s)
    except ValidationError:
        raise FieldValueError(ErrorCode.INVALID_ID_NUMBER) from None


@lru_cache(maxsize=65_536)
def normalize_credit_code(text: str) -> str:
    """An 18-character unified social credit code (统一社会信用代码)."""
    s = re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", text)).upper()
    if not s.isascii():
        raise FieldValueError(ErrorCode.INVALID_CREDIT_CODE)
    try:
        return uscc.validate(s)
    except InvalidLength:
        raise FieldValueError(ErrorCode.INVALID_CREDIT_CODE, {"reason": "length"}) from None
    except ValidationError:
        raise FieldValueError(ErrorCode.INVALID_CREDIT_CODE) from None


# Syntax only: one @, no spaces, controls or the characters that need quoting,
# a dotted domain with no empty labels.  Deliverability is not our business.
_EMAIL_FORBIDDEN = re.compile(r'[\s\x00-\x1f\x7f<>()\[\],;:"\\]')


def normalize_email(text: str) -> str:
    """Syntax-checked e-mail address with the domain lower-cased (the local
    part is case-sensitive in principle, so it is kept as typed)."""
    s = unicodedata.normalize("NFKC", text).strip()  # full-width ＠ from IMEs
    local, at, domain = s.partition("@")
    if (
        not at
        or not local
        or "@" in domain
        or _EMAIL_FORBIDDEN.search(s)
        or len(s) > 254
        or len(local) > 64
        or "." not in domain
        or any(not label for label in domain.split("."))
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
    ):
        raise FieldValueError(ErrorCode.INVALID_EMAIL)
    return f"{local}@{domain.lower()}"


# ---------------------------------------------------------------- parsing

# Ranges beyond what the type says; used by parse_field and validate_customer.
INTEGER_BOUNDS: dict[str, tuple[int, int]] = {
    "payment_day": (1, 31),
    "employees": (0, 2**63 - 1),
}
_INT_MAX = 2**63 - 1  # SQLite INTEGER

_DEFAULT_MAX_LENGTH: int = FieldSpec.__dataclass_fields__["max_length"].default

def normalize_lunar_date(text: str) -> str:
    """八月十五, 闰四月初八, 8-15 ... to the storage form ``L08-15`` (``L*04-08``)."""
    try:
        return lunar.parse_lunar_text(text).format()
    except ValueError:
        raise FieldValueError(ErrorCode.INVALID_LUNAR_DATE) from None


_NORMALIZERS: dict[FieldType, Callable[[str], str]] = {
    FieldType.LUNAR_DATE: normalize_lunar_date,
    FieldType.MOBILE: normalize_mobile,
    FieldType.PHONE: normalize_phone,
    FieldType.EMAIL: normalize_email,
    FieldType.ID_NUMBER: normalize_id_number,
    FieldType.CREDIT_CODE: normalize_credit_code,
}


def parse_field(spec: FieldSpec, text: str) -> object:
    """User text for one customer field to the value stored in Customer.

    Empty or whitespace-only text is None, except that a required field
    raises REQUIRED.  Raises FieldValueError naming ``spec.name``.
    """
    return parse_value(
        spec.name, spec.type, text,
        choices=spec.choices, max_length=spec.max_length, required=spec.required,
    )


def parse_contact_field(name: str, text: str) -> object:
    """parse_field for a ContactPerson attribute (CONTACT_FIELD_TYPES)."""
    ftype = CONTACT_FIELD_TYPES[name]
    return parse_value(
        name, ftype, text,
        choices=ContactRole if ftype is FieldType.CHOICE else None,
        required=name == "name",
    )


def parse_value(
    name: str,
    ftype: FieldType,
    text: str,
    *,
    choices: type[StrEnum] | None = None,
    max_length: int = _DEFAULT_MAX_LENGTH,
    required: bool = False,
) -> object:
    if not isinstance(text, str):
        raise TypeError("parse_value takes text")
    try:
        value = _parse(name, ftype, text, choices)
        if value is None:
            if required:
                raise FieldValueError(ErrorCode.REQUIRED)
            return None
        if isinstance(value, str) and len(value) > max_length:
            raise FieldValueError(ErrorCode.TOO_LONG, {"max": max_length})
        return value
    except FieldValueError as e:
        e.field = name
        raise


def _parse(name: str, ftype: FieldType, text: str, choices: type[StrEnum] | None) -> object:
    # Blank means "no value" for every type; controls alone count as blank.
    if not clean_single_line(text):
        return None
    if ftype is FieldType.TEXT:
        return clean_single_line(text)
    if ftype is FieldType.LONG_TEXT:
        return clean_text(text)  # kept as typed: line breaks and inner spacing matter
    if ftype is FieldType.DATE:
        try:
            return dates.parse_date(text)
        except dates.DateError:
            raise FieldValueError(ErrorCode.INVALID_DATE) from None
    if ftype is FieldType.MONEY:
        try:
            return money.parse_money(text)
        except money.MoneyError as e:
            raise FieldValueError(ErrorCode(e.code)) from None
    if ftype is FieldType.INTEGER:
        return _parse_integer(name, text)
    if ftype is FieldType.CHOICE:
        assert choices is not None, f"{name}: a CHOICE field needs choices"
        s = unicodedata.normalize("NFKC", text).strip().lower()
        try:
            return choices(s)
        except ValueError:
            raise FieldValueError(ErrorCode.INVALID_CHOICE) from None
    return _NORMALIZERS[ftype](text)


def _parse_integer(name: str, text: str) -> int:
    s = unicodedata.normalize("NFKC", text).strip()
    # ASCII digits only, and few enough that int() is cheap and SQLite fits.
    if not re.fullmatch(r"[0-9]{1,19}", s):
        raise FieldValueError(ErrorCode.INVALID_INTEGER)
    value = int(s)
    low, high = INTEGER_BOUNDS.get(name, (0, _INT_MAX))
    if not low <= value <= high:
        raise FieldValueError(ErrorCode.INVALID_INTEGER, {"min": low, "max": high})
    return value


# ---------------------------------------------------------------- customers


def validate_customer(c: Customer) -> list[FieldError]:
    """Every problem with an already-typed customer, in FIELDS order.

    Checked-string fields must already be in normalized form (run
    normalize_customer first); a valid but unnormalized value is reported
    with params {"reason": "not_normalized"}.
    """
    errors: list[FieldError] = []
    kind_ok = isinstance(c.kind, CustomerKind)
    if not kind_ok:
        errors.append(FieldError("kind", ErrorCode.INVALID_CHOICE))
    for spec in FIELDS:
        value = getattr(c, spec.name)
        if kind_ok and c.kind not in spec.kinds:
            if value is not None:
                errors.append(FieldError(spec.name, ErrorCode.NOT_APPLICABLE))
            continue
        error = _check_value(
            spec.name, spec.type, value,
            choices=spec.choices, max_length=spec.max_length, required=spec.required,
        )
        if error:
            errors.append(error)
    if c.contacts and kind_ok and c.kind is not CustomerKind.COMPANY:
        errors.append(FieldError("contacts", ErrorCode.NOT_APPLICABLE))
    for i, person in enumerate(c.contacts):
        for name, ftype in CONTACT_FIELD_TYPES.items():
            error = _check_value(
                f"contacts[{i}].{name}", ftype, getattr(person, name),
                choices=ContactRole, required=name == "name",
            )
            if error:
                errors.append(error)
    return errors


def _check_value(
    name: str,
    ftype: FieldType,
    value: object,
    *,
    choices: type[StrEnum] | None,
    max_length: int = _DEFAULT_MAX_LENGTH,
    required: bool = False,
) -> FieldError | None:
    if value is None:
        return FieldError(name, ErrorCode.REQUIRED) if required else None
    if ftype is FieldType.CHOICE:
        ok = choices is not None and isinstance(value, choices)
        return None if ok else FieldError(name, ErrorCode.INVALID_CHOICE)
    if ftype in (FieldType.MONEY, FieldType.INTEGER):
        if not isinstance(value, int) or isinstance(value, bool):
            return FieldError(name, ErrorCode.INVALID_TYPE)
        if ftype is FieldType.MONEY:
            if value < 0:
                return FieldError(name, ErrorCode.NEGATIVE_AMOUNT)
            if value > money.MAX_FEN:
                return FieldError(name, ErrorCode.AMOUNT_OUT_OF_RANGE)
            return None
        low, high = INTEGER_BOUNDS.get(name, (0, _INT_MAX))
        if not low <= value <= high:
            return FieldError(name, ErrorCode.INVALID_INTEGER, {"min": low, "max": high})
        return None
    if ftype is FieldType.DATE:
        if not isinstance(value, date) or hasattr(value, "hour"):  # not a datetime
            return FieldError(name, ErrorCode.INVALID_TYPE)
        if not dates.MIN_YEAR <= value.year <= dates.MAX_YEAR:
            return FieldError(name, ErrorCode.INVALID_DATE)
        return None
    if not isinstance(value, str):
        return FieldError(name, ErrorCode.INVALID_TYPE)
    if required and not clean_single_line(value):
        return FieldError(name, ErrorCode.REQUIRED)
    if len(value) > max_length:
        return FieldError(name, ErrorCode.TOO_LONG, {"max": max_length})
    normalizer = _NORMALIZERS.get(ftype)
    if normalizer:
        try:
            if normalizer(value) != value:
                return FieldError(name, _CODES[ftype], {"reason": "not_normalized"})
        except FieldValueError as e:
            return FieldError(name, e.code, e.params)
    return None


_CODES = {
    FieldType.MOBILE: ErrorCode.INVALID_MOBILE,
    FieldType.PHONE: ErrorCode.INVALID_PHONE,
    FieldType.EMAIL: ErrorCode.INVALID_EMAIL,
    FieldType.ID_NUMBER: ErrorCode.INVALID_ID_NUMBER,
    FieldType.CREDIT_CODE: ErrorCode.INVALID_CREDIT_CODE,
    FieldType.LUNAR_DATE: ErrorCode.INVALID_LUNAR_DATE,
}


def normalize_customer(c: Customer) -> Customer:
    """Clean text and normalize checked strings, leaving invalid ones as they
    are so that validate_customer reports them.  Blank optional strings become
    None; tags are cleaned, blanks dropped and duplicates removed in order."""
    changes: dict[str, object] = {}
    for spec in FIELDS:
        value = getattr(c, spec.name)
        new = _normalize_value(spec.type, value, spec.choices)
        if new is not value:
            changes[spec.name] = new
    # name is a required str: cleaned to "" rather than None so the type holds.
    if isinstance(c.name, str):
        changes["name"] = clean_single_line(c.name)
    tags = tuple(dict.fromkeys(t for t in map(clean_single_line, c.tags) if t))
    contacts = tuple(_normalize_contact(p) for p in c.contacts)
    return replace(c, **changes, tags=tags, contacts=contacts)


def _normalize_contact(p: ContactPerson) -> ContactPerson:
    changes: dict[str, object] = {}
    for name, ftype in CONTACT_FIELD_TYPES.items():
        value = getattr(p, name)
        new = _normalize_value(ftype, value, ContactRole)
        if new is not value:
            changes[name] = new
    if isinstance(p.name, str):
        changes["name"] = clean_single_line(p.name)
    return replace(p, **changes)


def _normalize_value(ftype: FieldType, value: object, choices: type[StrEnum] | None) -> object:
    if not isinstance(value, str):
        return value
    if ftype is FieldType.CHOICE:
        if choices is None or isinstance(value, choices):
            return value
        try:  # a plain "active" from JSON becomes LifecycleStatus.ACTIVE
            return choices(value)
        except ValueError:
            return value
    if not clean_single_line(value):
        return None
    if ftype is FieldType.TEXT:
        return clean_single_line(value)
    if ftype is FieldType.LONG_TEXT:
        return clean_text(value)
    normalizer = _NORMALIZERS.get(ftype)
    if normalizer is None:
        return value
    try:
        return normalizer(value)
    except FieldValueError:
        return value
