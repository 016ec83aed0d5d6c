from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.domain import money
from crmdesk.domain.money import (
    MAX_FEN,
    MoneyError,
    fen_to_decimal,
    format_money,
    money_from_decimal,
    parse_money,
    to_capital,
)
from crmdesk.domain.validation import ErrorCode

fen_in_range = st.integers(min_value=-MAX_FEN, max_value=MAX_FEN)


# reliability.md row #10
@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("¥1,234.50", 123450),
        ("1234.5元", 123450),
        ("１２３４", 123400),
        ("-0", 0),
        ("0.005", 1),
    ],
)
def test_reliability_row_10_accepted(text: str, fen: int) -> None:
    assert parse_money(text) == fen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1e3", ErrorCode.INVALID_AMOUNT),
        ("99999999999999", ErrorCode.AMOUNT_OUT_OF_RANGE),
        ("-1", ErrorCode.NEGATIVE_AMOUNT),
        ("-¥1,234.50", ErrorCode.NEGATIVE_AMOUNT),
    ],
)
def test_reliability_row_10_rejected(text: str, code: ErrorCode) -> None:
    with pytest.raises(MoneyError) as info:
        parse_money(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("0", 0),
        ("1", 100),
        ("1.2", 120),
        ("1.23", 123),
        (".5", 50),
        ("  12.30  ", 1230),
        ("￥12", 1200),
        ("¥ 12", 1200),
        ("RMB 12", 1200),
        ("rmb12", 1200),
        ("CNY 1,000", 100000),
        ("12 元", 1200),
        ("12yuan", 1200),
        ("12 YUAN", 1200),
        ("1,234,567.89", 123456789),
        ("￥１，２３４．５０", 123450),
        ("+5", 500),
        ("0.004", 0),
        ("0.0049999", 0),
        ("1.015", 102),  # half-up, not banker's rounding
        ("2.675", 268),  # a binary float would give 267
        ("0.125", 13),
        ("999999999999.99", MAX_FEN),
        ("999999999999.994", MAX_FEN),
        ("-0.00", 0),
        ("-0.001", 0),  # rounds to zero, which is not negative
    ],
)
def test_parse_accepts(text: str, fen: int) -> None:
    assert parse_money(text) == fen


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "abc", "12abc", "¥", "元", "1e3", "1E3", "1e-2", "NaN", "nan",
        "Infinity", "-Infinity", "inf", "1..2", "1.2.3", "5.", ".", "1,23",
        "12,34.5", "1,2345", "0,123", ",123", "1,234,", "1 234", "--5", "+-5",
        "-+5", "¥-¥5", "0x10", "١٢٣", "12¥", "$12", "1_000", "(5)", "5-",
    ],
)
def test_parse_rejects_invalid(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_money(text, allow_negative=True)
    assert info.value.code == ErrorCode.INVALID_AMOUNT


@pytest.mark.parametrize(
    "text", ["99999999999999", "1000000000000", "999999999999.995", "-1000000000000", "1" * 200]
)
def test_parse_rejects_out_of_range(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_money(text, allow_negative=True)
    assert info.value.code == ErrorCode.AMOUNT_OUT_OF_RANGE


@pytest.mark.parametrize(
    ("text", "fen"),
    [("-1", -100), ("-¥1,234.50", -123450), ("¥-1,234.50", -123450), ("\u22125", -500),
     ("－５", -500), ("-999999999999.99", -MAX_FEN)],
)
def test_negatives_only_when_allowed(text: str, fen: int) -> None:
    assert parse_money(text, allow_negative=True) == fen
    with pytest.raises(MoneyError) as info:
        parse_money(text)
    assert info.value.code == ErrorCode.NEGATIVE_AMOUNT


def test_money_error_is_value_error_with_code() -> None:
    with pytest.raises(ValueError):
        parse_money("x")
    assert {money.INVALID_AMOUNT, money.AMOUNT_OUT_OF_RANGE, money.NEGATIVE_AMOUNT} <= set(ErrorCode)


def test_parse_takes_text_only() -> None:
    with pytest.raises(TypeError):
        parse_money(12)  # type: ignore[arg-type]


def test_long_fraction_does_not_overflow() -> None:
    assert parse_money("0." + "9" * 10_000) == 100


@pytest.mark.parametrize(
    ("d", "fen"),
    [(Decimal("1.005"), 101), (Decimal("0"), 0), (Decimal("-0"), 0), (Decimal("1E+2"), 10000)],
)
def test_money_from_decimal(d: Decimal, fen: int) -> None:
    assert money_from_decimal(d) == fen


@pytest.mark.parametrize("d", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_money_from_decimal_rejects_non_finite(d: Decimal) -> None:
    with pytest.raises(MoneyError) as info:
        money_from_decimal(d, allow_negative=True)
    assert info.value.code == ErrorCode.INVALID_AMOUNT


def test_money_from_decimal_rejects_float() -> None:
    with pytest.raises(TypeError):
        money_from_decimal(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fen", "plain", "with_symbol"),
    [
        (0, "0.00", "¥0.00"),
        (1, "0.01", "¥0.01"),
        (123450, "1,234.50", "¥1,234.50"),
        (-123450, "-1,234.50", "-¥1,234.50"),
        (100, "1.00", "¥1.00"),
        (99999, "999.99", "¥999.99"),
        (MAX_FEN, "999,999,999,999.99", "¥999,999,999,999.99"),
    ],
)
def test_format_money(fen: int, plain: str, with_symbol: str) -> None:
    assert format_money(fen) == plain
    assert format_money(fen, symbol=True) == with_symbol


def test_format_rejects_non_int() -> None:
    with pytest.raises(TypeError):
        format_money(True)
    with pytest.raises(TypeError):
        format_money(1.5)  # type: ignore[arg-type]


@given(fen_in_range, st.booleans())
@settings(max_examples=500)
def test_format_parse_round_trip(fen: int, symbol: bool) -> None:
    assert parse_money(format_money(fen, symbol=symbol), allow_negative=True) == fen


@given(fen_in_range)
def test_fen_to_decimal_matches_format(fen: int) -> None:
    d = fen_to_decimal(fen)
    assert d == Decimal(fen) / 100
    assert money_from_decimal(d, allow_negative=True) == fen
    assert format_money(fen).replace(",", "") == str(d.quantize(Decimal("0.01")))


@given(st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"), places=6))
def test_parse_matches_decimal_oracle(d: Decimal) -> None:
    expected = int(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    assert parse_money(f"{d:f}", allow_negative=True) == expected


def test_sum_of_10k_random_amounts_matches_decimal_oracle() -> None:
    rng = random.Random(20240105)
    texts = []
    for _ in range(10_000):
        places = rng.choice([0, 1, 2, 3])
        value = Decimal(rng.randint(0, 10**11)).scaleb(-places)
        texts.append(f"{value:,f}" if rng.random() < 0.5 else f"¥{value:f}")
    total_fen = sum(parse_money(t) for t in texts)
    oracle = sum(
        (Decimal(t.lstrip("¥").replace(",", "")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for t in texts),
        Decimal(0),
    )
    assert fen_to_decimal(total_fen) == oracle
    assert Decimal(total_fen) == oracle * 100


def test_no_float_in_money_module() -> None:
    source = Path(money.__file__).read_text(encoding="utf-8")
    assert "float(" not in source


# Known cases, cross-checked against cn2an's "rmb" mode (and the payment
# rules' own examples) except where the comment says otherwise.
@pytest.mark.parametrize(
    ("fen", "capital"),
    [
        (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
        (100, "壹元整"),
        (0, "零元整"),
        (1000001, "壹万元零壹分"),
        (10050, "壹佰元伍角"),
        (5, "伍分"),
        (50, "伍角"),
        (15, "壹角伍分"),
        (1000, "壹拾元整"),
        (1010, "壹拾元壹角"),
        (10000000100, "壹亿零壹元整"),
        (100100000, "壹佰万壹仟元整"),
        (100010000, "壹佰万零壹佰元整"),
        (10700053, "壹拾万柒仟元伍角叁分"),
        (1640902, "壹万陆仟肆佰零玖元零贰分"),
        (100456, "壹仟零肆元伍角陆分"),
        (168032, "壹仟陆佰捌拾元叁角贰分"),
        (MAX_FEN, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        (10000000000000, "壹仟亿元整"),
        (100000000100, "壹拾亿零壹元整"),
        (1000000, "壹万元整"),
        (101000000, "壹佰零壹万元整"),
        # A wholly zero 万 section is written 零 (cn2an leaves it out; the
        # payment rules allow either, the classic algorithm writes it).
        (10000100000, "壹亿零壹仟元整"),
        (10000000001, "壹亿元零壹分"),
        (-123450, "负壹仟贰佰叁拾肆元伍角"),
    ],
)
def test_to_capital_known_cases(fen: int, capital: str) -> None:
    assert to_capital(fen) == capital


def test_to_capital_out_of_range() -> None:
    with pytest.raises(MoneyError):
        to_capital(MAX_FEN + 1)


@given(fen_in_range)
def test_to_capital_shape(fen: int) -> None:
    s = to_capital(fen)
    if fen == 0:
        assert s == "零元整"
        return
    assert set(s) <= set("负零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in s
    assert not re.search(r"零[元万亿角]", s)  # no 零 right before a unit
    assert s.endswith(("整", "角", "分"))
    assert s.endswith("整") == (fen % 100 == 0)
    assert ("分" in s) == (abs(fen) % 10 != 0)
    assert s.startswith("负") == (fen < 0)
    if abs(fen) >= 100:
        assert "元" in s
    assert not s.lstrip("负").startswith("零")
