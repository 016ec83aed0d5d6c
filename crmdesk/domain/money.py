"""Money as integer fen (分): parsing user text, display, and 大写 amounts.

Amounts are stored as ``int`` fen and converted only through ``Decimal``;
binary floating point never touches an amount (reliability.md row #10).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

Fen = int

# 999,999,999,999.99 yuan: twelve integer digits keep every amount, and any
# sum of a few thousand of them, far inside SQLite's signed 64-bit INTEGER.
MAX_FEN: Fen = 99_999_999_999_999

# Plain string codes: validation.ErrorCode is a StrEnum with these values, so
# they compare equal, and money stays free of an import cycle.
INVALID_AMOUNT = "invalid_amount"
AMOUNT_OUT_OF_RANGE = "amount_out_of_range"
NEGATIVE_AMOUNT = "negative_amount"

_CENT = Decimal("0.01")
_LIMIT = Decimal(MAX_FEN + 1).scaleb(-2)
# Enough precision that quantizing any in-range value is exact; a private
# context so a caller's decimal settings cannot change the result.
_CTX = Context(prec=40, rounding=ROUND_HALF_UP)


class MoneyError(ValueError):
    def __init__(self, code: str, text: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


# "1234", "1234.5", ".5" or "1,234.50" with strict three-digit groups; a
# group-leading zero ("0,123") or a short group ("1,23") is ambiguous and fails.
# ASCII digits only: \d would also admit other scripts' digits.
_NUMBER = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.[0-9]+)?|\.[0-9]+")
_PREFIX = re.compile(r"(?:¥|RMB|CNY)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(?:元|yuan)$", re.IGNORECASE)
# NFKC folds full-width digits and ￥ but leaves U+2212 MINUS SIGN alone.
_MINUS = ("-", "\u2212")


def parse_money(text: str, *, allow_negative: bool = False) -> Fen:
    """User text to fen; raises MoneyError with a code on anything doubtful."""
    if not isinstance(text, str):
        raise TypeError("parse_money takes text")
    s = unicodedata.normalize("NFKC", text).strip()
    # One sign, before or after the currency prefix: -¥5 and ¥-5 both read.
    negative, s = _take_sign(s)
    m = _PREFIX.match(s)
    if m:
        s = s[m.end():]
        if negative is None:
            negative, s = _take_sign(s)
    s = _SUFFIX.sub("", s)
    if not _NUMBER.fullmatch(s):
        # Exponents, NaN, Infinity, letters, empty text and stray dots all land here.
        raise MoneyError(INVALID_AMOUNT, text)
    d = Decimal(s.replace(",", ""))
    return money_from_decimal(-d if negative else d, allow_negative=allow_negative)


def _take_sign(s: str) -> tuple[bool | None, str]:
    if s[:1] in _MINUS:
        return True, s[1:].lstrip()
    if s[:1] == "+":
        return False, s[1:].lstrip()
    return None, s


def money_from_decimal(d: Decimal, *, allow_negative: bool = False) -> Fen:
    """Round a Decimal yuan amount half-up to fen and range-check it."""
    if not isinstance(d, Decimal):
        raise TypeError("money_from_decimal takes a Decimal")
    if not d.is_finite():
        raise MoneyError(INVALID_AMOUNT)
    # Reject huge values before quantize, which would overflow the context.
    if d.copy_abs() > _LIMIT:
        raise MoneyError(AMOUNT_OUT_OF_RANGE)
    try:
        fen = int(d.quantize(_CENT, rounding=ROUND_HALF_UP, context=_CTX).scaleb(2, context=_CTX))
    except InvalidOperation:
        raise MoneyError(INVALID_AMOUNT) from None
    # Checked after rounding: 999999999999.995 rounds out of range, and
    # -0.001 rounds to zero, which is not a negative amount.
    if abs(fen) > MAX_FEN:
        raise MoneyError(AMOUNT_OUT_OF_RANGE)
    if fen < 0 and not allow_negative:
        raise MoneyError(NEGATIVE_AMOUNT)
    return fen


def fen_to_decimal(fen: Fen) -> Decimal:
    return Decimal(_check_fen(fen)).scaleb(-2)


def format_money(fen: Fen, *, symbol: bool = False) -> str:
    """1,234.50; -1,234.50; ¥1,234.50 — and parse_money reads each back."""
    yuan, cents = divmod(abs(_check_fen(fen)), 100)
    body = f"{yuan:,}.{cents:02d}"
    if symbol:
        body = "¥" + body
    return "-" + body if fen < 0 else body


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_POSITIONS = ("仟", "佰", "拾", "")
_SECTIONS = ("亿", "万", "")


def to_capital(fen: Fen) -> str:
    """人民币大写 as written on statements and cheques.

    Within the integer part a run of zeros is written as one 零; zeros ending
    a four-digit section (万, 亿) are not written, but a wholly zero section
    followed by more digits is (壹亿零壹仟元).  拾 always takes its digit
    (壹拾元), as the payment rules require.  角 without 分 gets no 整; a zero 角
    before a 分 is written 零.  Amounts under one yuan start at 角 or 分.
    """
    fen = _check_fen(fen)
    if abs(fen) > MAX_FEN:
        raise MoneyError(AMOUNT_OUT_OF_RANGE)
    sign = "负" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    jiao, fen_digit = divmod(cents, 10)

    integer = _integer_capital(yuan)
    if yuan == 0 and cents == 0:
        return "零元整"
    out = integer + "元" if yuan else ""
    if cents == 0:
        return sign + out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen_digit:
        out += _DIGITS[fen_digit] + "分"
    return sign + out


def _integer_capital(n: int) -> str:
    digits = f"{n:012d}"  # MAX_FEN keeps the integer part to twelve digits
    out: list[str] = []
    zero_pending = False
    for s, unit in enumerate(_SECTIONS):
        section = digits[s * 4:(s + 1) * 4]
        for d, pos in zip(section, _POSITIONS):
            if d == "0":
                zero_pending = bool(out)
            else:
                if zero_pending:
                    out.append("零")
                out.append(_DIGITS[int(d)] + pos)
                zero_pending = False
        if section != "0000":
            out.append(unit)
            # A section's own trailing zeros are not read (壹佰万壹仟).
            zero_pending = False
    return "".join(out)


def _check_fen(fen: Fen) -> Fen:
    # bool is an int subclass; True fen is a bug, not one fen.
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("amounts are int fen")
    return fen
