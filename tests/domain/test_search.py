"""Pinyin keys, query terms and the search text (crmdesk.domain.search)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.domain.search import (
    MAX_READINGS,
    PinyinKeys,
    escape_like,
    normalize_query,
    person_name_keys,
    phrase_keys,
    search_terms,
    search_text,
)

KEY_RE = re.compile(r"[a-z0-9]+")

# Common name/company characters, many of them polyphonic, plus Latin,
# digits, full-width forms, punctuation and whitespace for the property tests.
HAN = "张王李赵单曾解仇区朴查盖尉迟欧阳长孙乐行重和朝传华明国藩田芳三丰顺速运物流北京银行有限公司无忌青"
names_st = st.text(
    alphabet=st.sampled_from(list(HAN) + list("AbcZ09 ·-_%\\'\n\tＡ１é") + ["\u3000", "ㄅ", "한"]),
    max_size=12,
)


def _sqlite_like(pattern: str, text: str) -> bool:
    # The storage layer's real matcher, so the escaping is checked against SQLite.
    with sqlite3.connect(":memory:") as db:
        return bool(db.execute("SELECT ? LIKE ? ESCAPE '\\'", (text, pattern)).fetchone()[0])


def _matches(query: str, text: str) -> bool:
    terms = search_terms(query)
    return bool(terms) and all(t in text for t in terms)


# --------------------------------------------------------------------------
# Personal names


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三", "zhangsan", "zs"),
        ("单田芳", "shantianfang", "stf"),
        ("曾国藩", "zengguofan", "zgf"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("欧阳修", "ouyangxiu", "oyx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("单于飞", "chanyufei", "cyf"),
        ("Tom Lee", "tomlee", "tl"),
        ("ABC物流", "abcwuliu", "abcwl"),
    ],
)
def test_person_name_first_reading(name: str, full: str, initials: str) -> None:
    keys = person_name_keys(name)
    assert keys.full[0] == full
    assert keys.initials[0] == initials


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("单", "shan"), ("曾", "zeng"), ("解", "xie"), ("仇", "qiu"), ("区", "ou"),
        ("朴", "piao"), ("查", "zha"), ("盖", "ge"), ("翟", "zhai"), ("覃", "qin"),
        ("缪", "miao"), ("繁", "po"), ("秘", "bi"), ("召", "shao"), ("员", "yun"),
        ("乐", "yue"), ("万俟", "moqi"), ("澹台", "tantai"),
    ],
)
def test_polyphonic_surname_reading_comes_first(name: str, surname: str) -> None:
    assert person_name_keys(name + "明").full[0] == surname + "ming"


@pytest.mark.parametrize(
    ("name", "alternative_full", "alternative_initials"),
    [
        ("单田芳", "dantianfang", "dtf"),  # the default reading still matches
        ("曾国藩", "cengguofan", "cgf"),
        ("乐嘉", "lejia", "lj"),
        ("尉缭", "yuliao", "yl"),
        ("张长青", "zhangzhangqing", "zzq"),  # given-name heteronym
    ],
)
def test_other_plausible_readings_also_match(
    name: str, alternative_full: str, alternative_initials: str
) -> None:
    keys = person_name_keys(name)
    assert alternative_full in keys.full
    assert alternative_initials in keys.initials


def test_surname_alternatives_rank_before_given_name_heteronyms() -> None:
    keys = person_name_keys("单长青")
    assert keys.full[:2] == ("shanchangqing", "danchangqing")
    assert keys.initials[:2] == ("scq", "dcq")


def test_given_name_uses_phrase_reading_first() -> None:
    # Per character pypinyin says 长 = zhang; the word 长青 says chang.
    assert person_name_keys("张长青").full[0] == "zhangchangqing"


def test_spaces_and_punctuation_inside_a_name_are_ignored() -> None:
    assert person_name_keys("欧阳 修") == person_name_keys("欧阳修")
    assert person_name_keys("Mary-Jane O'Neil").full == ("maryjaneoneil",)
    assert person_name_keys("Mary-Jane O'Neil").initials == ("mjon",)


@pytest.mark.parametrize("name", ["", "   ", "·", "—", "ㄅㄆ"])
def test_names_without_readable_characters_have_no_keys(name: str) -> None:
    assert person_name_keys(name) == PinyinKeys((), ())


def test_heteronym_expansion_is_capped() -> None:
    keys = person_name_keys("和" * 40)
    assert 1 < len(keys.full) <= MAX_READINGS
    assert keys.full[0] == "he" * 40
    assert len(keys.initials) <= MAX_READINGS


@settings(max_examples=300, deadline=None)
@given(names_st)
def test_keys_are_lower_ascii_alnum(name: str) -> None:
    for keys in (person_name_keys(name), phrase_keys(name)):
        for key in (*keys.full, *keys.initials):
            assert KEY_RE.fullmatch(key), key
        assert len(keys.full) == len(set(keys.full)) <= MAX_READINGS
        assert len(keys.initials) == len(set(keys.initials)) <= MAX_READINGS
        assert bool(keys.full) == bool(keys.initials)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(HAN)), min_size=1, max_size=6))
def test_han_names_have_one_initial_per_character(name: str) -> None:
    keys = person_name_keys(name)
    assert keys.full and keys.initials
    assert all(len(initials) == len(name) for initials in keys.initials)
    assert all(full[0] == keys.initials[n][0] for n, full in enumerate(keys.full[:1]))


# --------------------------------------------------------------------------
# Phrases (company names, addresses)


@pytest.mark.parametrize(
    ("text", "full", "initials"),
    [
        ("顺丰速运", "shunfengsuyun", "sfsy"),
        ("ABC物流", "abcwuliu", "abcwl"),
        ("重庆银行", "chongqingyinhang", "cqyh"),  # phrase-aware: chong, hang
        ("北京顺丰速运有限公司", "beijingshunfengsuyunyouxiangongsi", "bjsfsyyxgs"),
        ("Acme Trading Co.", "acmetradingco", "atc"),
        ("３号楼", "3haolou", "3hl"),  # full-width digit folded by NFKC
        ("长沙音乐学院", "changshayinyuexueyuan", "csyyxy"),  # 长 chang, 乐 yue in context
    ],
)
def test_phrase_keys(text: str, full: str, initials: str) -> None:
    assert phrase_keys(text) == PinyinKeys((full,), (initials,))


def test_phrase_keys_has_no_surname_logic() -> None:
    assert phrase_keys("单位").full == ("danwei",)


def test_phrase_keys_of_empty_text() -> None:
    assert phrase_keys("") == PinyinKeys((), ())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(HAN)), min_size=1, max_size=10))
def test_phrase_keys_agree_with_pypinyin(text: str) -> None:
    # The per-word cache must not change pypinyin's own phrase-aware reading.
    from pypinyin import Style, lazy_pinyin

    expected = "".join(lazy_pinyin(text, style=Style.NORMAL))
    assert phrase_keys(text).full == (expected,)


# --------------------------------------------------------------------------
# Queries


@pytest.mark.parametrize(
    ("query", "normal"),
    [("  Zhang San  ", "zhang san"), ("ＡＢＣ１２３", "abc123"), ("\u3000张三\t", "张三"), ("", "")],
)
def test_normalize_query(query: str, normal: str) -> None:
    assert normalize_query(query) == normal


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("zhang san", ["zhangsan"]),
        ("Zhang  San", ["zhangsan"]),
        ("zs", ["zs"]),
        ("xi'an", ["xian"]),
        ("138-0013 8000", ["13800138000"]),
        ("+86 138", ["138"]),
        ("+86 138-0013-8000", ["13800138000"]),
        ("(010) 8888-1234", ["01088881234"]),
        ("86138", ["86138"]),  # no +, so 86 is part of the number
        ("+86", ["86"]),
        ("１３８", ["138"]),
        ("北京 物流", ["北京", "物流"]),
        ("北京　物流 北京", ["北京", "物流"]),
        ("张 zs", ["张", "zs"]),
        ("zhang 138", ["zhang", "138"]),
        ("50%_off", ["50%_off"]),
        ("", []),
        ("   ", []),
        ("'", []),
    ],
)
def test_search_terms(query: str, terms: list[str]) -> None:
    assert search_terms(query) == terms


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_search_terms_are_clean(query: str) -> None:
    for term in search_terms(query):
        assert term
        assert not any(c.isspace() for c in term)
        assert term == normalize_query(term)


@pytest.mark.parametrize(
    ("term", "escaped"),
    [
        ("50%_off", "50\\%\\_off"),
        ("a\\b", "a\\\\b"),
        ("plain", "plain"),
        ("\\%", "\\\\\\%"),
    ],
)
def test_escape_like(term: str, escaped: str) -> None:
    assert escape_like(term) == escaped


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab%_\\x", max_size=8), st.text(alphabet="ab%_\\x", max_size=12))
def test_escape_like_matches_literally_in_sqlite(term: str, text: str) -> None:
    assert _sqlite_like(f"%{escape_like(term)}%", text) == (term in text)


@given(st.text(max_size=20))
def test_escape_like_round_trips(term: str) -> None:
    unescaped = re.sub(r"\\(.)", r"\1", escape_like(term), flags=re.DOTALL)
    assert unescaped == term


# --------------------------------------------------------------------------
# The stored search text


def test_search_text_layout() -> None:
    text = search_text(
        person_names=["单田芳", "Tom Lee"],
        phrases=["顺丰速运"],
        digits=["13800138000"],
        codes=["91110000MA01ABCD2X"],
    )
    lines = text.split("\n")
    assert lines[:5] == ["单田芳", "shantianfang", "dantianfang", "stf", "dtf"]
    for expected in ["tom lee", "tomlee", "tl", "顺丰速运", "shunfengsuyun", "sfsy",
                     "13800138000", "91110000ma01abcd2x"]:
        assert expected in lines
    assert len(lines) == len(set(lines))


def test_names_are_indexed_verbatim_without_pinyin() -> None:
    assert search_text(names=["Foo 张三"]).split("\n") == ["foo 张三", "foo张三"]


def test_search_text_keeps_nfc_and_nfkc_originals() -> None:
    lines = search_text(phrases=["ＡＢＣ物流"]).split("\n")
    assert "ａｂｃ物流" in lines  # as typed (NFC)
    assert "abc物流" in lines  # as a query would be normalised (NFKC)


def test_search_text_of_nothing_is_empty() -> None:
    assert search_text() == ""
    assert search_text(person_names=[""], digits=[" "], codes=[""]) == ""


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("zs", True),
        ("zhangsan", True),
        ("zhang san", True),
        ("张三", True),
        ("张 三", True),
        ("sfsy", True),
        ("顺丰", True),
        ("顺丰 张", True),
        ("138 0013", True),
        ("+86 138-0013-8000", True),
        ("lisi", False),
        ("张三 顺丰 lisi", False),
        ("sanshun", False),  # would only match across two keys
    ],
)
def test_queries_against_search_text(query: str, found: bool) -> None:
    text = search_text(person_names=["张三"], phrases=["顺丰速运"], digits=["13800138000"])
    assert _matches(query, text) is found


@pytest.mark.parametrize(
    ("name", "query"),
    [("单田芳", "stf"), ("单田芳", "dtf"), ("单田芳", "shan tian fang"), ("曾国藩", "zgf"),
     ("解晓东", "xxd"), ("仇英", "qiuying"), ("区志伟", "ozw"), ("朴槿惠", "piao"),
     ("查良镛", "zly"), ("盖聂", "ge nie"), ("尉迟恭", "ycg"), ("欧阳修", "oyx"),
     ("欧阳修", "ouyang")],
)
def test_polyphonic_names_are_found(name: str, query: str) -> None:
    assert _matches(query, search_text(person_names=[name]))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(names_st, max_size=3),
    st.lists(names_st, max_size=2),
    st.lists(st.text(max_size=8), max_size=2),
    names_st,
)
def test_no_term_spans_two_keys(
    people: list[str], phrases: list[str], codes: list[str], query: str
) -> None:
    text = search_text(person_names=people, phrases=phrases, codes=codes, names=codes)
    lines = text.split("\n") if text else []
    assert all(lines) and len(lines) == len(set(lines))
    assert all(line == line.lower() for line in lines)
    for term in search_terms(query):
        assert "\n" not in term
        # A term found in the text is found inside one key, never across "\n".
        assert (term in text) == any(term in line for line in lines)


@settings(max_examples=200, deadline=None)
@given(names_st)
def test_a_name_is_found_by_its_own_keys(name: str) -> None:
    text = search_text(person_names=[name])
    keys = person_name_keys(name)
    for key in (*keys.full, *keys.initials):
        assert _matches(key, text)
