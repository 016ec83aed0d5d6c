"""Search keys: pinyin readings of names and the query normaliser.

Typing ``zs``, ``zhangsan`` or ``zhang san`` must find 张三.  The storage layer
keeps one lower-case *search text* per customer, built by :func:`search_text`
from several keys joined by ``"\\n"``, and matches every term of
:func:`search_terms` with ``LIKE '%term%' ESCAPE '\\'``.

pypinyin reads polyphonic surnames wrong (单 → dan, 曾 → ceng), so personal
names go through a compound-surname table and a single-surname override table
first; every other plausible reading is kept as an alternative key, because a
user who types ``dtf`` for 单田芳 should still find him.

Pure functions, no I/O.  pypinyin is imported lazily: loading its dictionaries
costs ~0.2 s, which the app should not pay before the first write or search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

__all__ = [
    "PinyinKeys",
    "escape_like",
    "normalize_query",
    "person_name_keys",
    "phrase_keys",
    "search_terms",
    "search_text",
]

#: Most alternative readings kept per name (full and initials each).  Heteronym
#: combinations grow as a product; 8 keeps real names covered and the search
#: text small.
MAX_READINGS = 8

# Compound surnames (复姓), as syllables so initials come out per syllable.
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"), "欧阳": ("ou", "yang"), "司马": ("si", "ma"),
    "上官": ("shang", "guan"), "诸葛": ("zhu", "ge"), "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"), "令狐": ("ling", "hu"), "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"), "宇文": ("yu", "wen"), "夏侯": ("xia", "hou"),
    "公孙": ("gong", "sun"), "轩辕": ("xuan", "yuan"), "单于": ("chan", "yu"),
    "万俟": ("mo", "qi"), "澹台": ("tan", "tai"), "司徒": ("si", "tu"),
    "司空": ("si", "kong"), "端木": ("duan", "mu"), "独孤": ("du", "gu"),
    "南宫": ("nan", "gong"), "西门": ("xi", "men"), "呼延": ("hu", "yan"),
    "闻人": ("wen", "ren"), "申屠": ("shen", "tu"), "太史": ("tai", "shi"),
    "钟离": ("zhong", "li"), "拓跋": ("tuo", "ba"), "赫连": ("he", "lian"),
    "百里": ("bai", "li"), "东郭": ("dong", "guo"), "公冶": ("gong", "ye"),
    "宗政": ("zong", "zheng"), "濮阳": ("pu", "yang"), "淳于": ("chun", "yu"),
    "公羊": ("gong", "yang"), "羊舌": ("yang", "she"), "微生": ("wei", "sheng"),
    "梁丘": ("liang", "qiu"), "左丘": ("zuo", "qiu"), "东门": ("dong", "men"),
    "第五": ("di", "wu"), "乐正": ("yue", "zheng"), "壤驷": ("rang", "si"),
    "公良": ("gong", "liang"), "漆雕": ("qi", "diao"), "亓官": ("qi", "guan"),
    "司寇": ("si", "kou"), "仉督": ("zhang", "du"), "子车": ("zi", "ju"),
    "颛孙": ("zhuan", "sun"), "巫马": ("wu", "ma"), "公西": ("gong", "xi"),
    "谷梁": ("gu", "liang"), "段干": ("duan", "gan"), "宰父": ("zai", "fu"),
    "鲜于": ("xian", "yu"), "闾丘": ("lv", "qiu"), "仲孙": ("zhong", "sun"),
    "叔孙": ("shu", "sun"), "慕兰": ("mu", "lan"), "完颜": ("wan", "yan"),
    "耶律": ("ye", "lv"), "爱新觉罗": ("ai", "xin", "jue", "luo"),
}

# Single-character surnames whose surname reading is not (only) pypinyin's
# default, from the usual 多音字姓氏 lists.  First entry is the surname reading
# (used for sorting); the character's default reading is appended
# automatically.  Listing a character whose reading equals the default still
# helps: it keeps junk heteronyms (石 dan, 任 lin) out of the keys.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",),
    "区": ("ou",), "朴": ("piao",), "查": ("zha",), "盖": ("ge",),
    "尉": ("wei", "yu"), "缪": ("miao",), "繁": ("po",), "翟": ("zhai", "di"),
    "秘": ("bi",), "黑": ("he",), "覃": ("qin", "tan"), "乐": ("yue", "le"),
    "召": ("shao",), "种": ("chong",), "员": ("yun",), "句": ("gou",),
    "阚": ("kan",), "隗": ("wei",), "宿": ("su",), "那": ("na",),
    "冼": ("xian",), "洗": ("xian",), "燕": ("yan",), "长": ("chang",),
    "纪": ("ji",), "过": ("guo",), "莘": ("shen",), "折": ("she",),
    "华": ("hua",), "任": ("ren",), "石": ("shi",), "沈": ("shen",),
    "重": ("chong",), "柏": ("bai",), "薄": ("bo",), "藏": ("zang",),
    "牟": ("mou", "mu"), "费": ("fei",), "蕃": ("pi",), "卜": ("bu",),
    "贲": ("ben",), "都": ("du",), "万": ("wan",), "能": ("nai",),
    "叶": ("ye",), "谌": ("chen", "shen"), "粘": ("nian",), "佴": ("nai",),
    "郇": ("huan", "xun"), "便": ("pian",), "车": ("che",), "贾": ("jia",),
    "行": ("xing", "hang"), "炅": ("gui", "jiong"), "令": ("ling",),
    "盛": ("sheng",), "殷": ("yin",), "隽": ("juan",), "谷": ("gu",),
    "朝": ("chao",), "角": ("jue",), "宁": ("ning",), "强": ("qiang",),
    "舍": ("she",), "眭": ("sui",), "祭": ("zhai",), "干": ("gan",),
    "莫": ("mo",), "广": ("guang",), "和": ("he",), "冯": ("feng",),
    "陆": ("lu",), "颉": ("xie", "jie"), "从": ("cong",), "乜": ("nie",),
    "占": ("zhan",), "宓": ("mi", "fu"), "祢": ("mi",), "於": ("yu",),
    "瞿": ("qu",), "钭": ("tou",), "褚": ("chu",), "南": ("nan",),
    "藉": ("ji",), "传": ("chuan",), "明": ("ming",), "相": ("xiang",),
}

# One alternative of a unit: (full reading, its initials).
_Alt = tuple[str, str]
_Unit = tuple[_Alt, ...]


@dataclass(frozen=True)
class PinyinKeys:
    """Alternative readings of a text, the most likely first.

    Lower-case ASCII letters and digits only: no tones, no spaces.
    """

    full: tuple[str, ...]
    initials: tuple[str, ...]


# --------------------------------------------------------------------------
# pypinyin access, memoised: names use a few thousand distinct characters and
# words, so caching makes keys for 100k customers cost dict look-ups.


@lru_cache(maxsize=1)
def _pypinyin() -> SimpleNamespace:
    from pypinyin import Style, lazy_pinyin, pinyin
    from pypinyin.seg.mmseg import seg  # the segmenter lazy_pinyin itself uses

    return SimpleNamespace(pinyin=pinyin, lazy_pinyin=lazy_pinyin, cut=seg.cut, normal=Style.NORMAL)


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    """ASCII letters/digits of ``s`` with accents stripped (é → e, pypinyin's ê → e)."""
    decomposed = unicodedata.normalize("NFKD", s).lower()  # NFKD first: ℌ → H
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


@lru_cache(maxsize=16384)
def _char_readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one Han character, default first; () if it has none."""
    pp = _pypinyin()
    got = pp.pinyin(ch, style=pp.normal, heteronym=True, errors="ignore")
    if not got:
        return ()
    return tuple(dict.fromkeys(r for r in map(_fold, got[0]) if r))


@lru_cache(maxsize=16384)
def _word_readings(word: str) -> tuple[str, ...]:
    """pypinyin's phrase-aware reading of one segmented word, one syllable per char."""
    if len(word) == 1:
        return _char_readings(word)[:1]
    pp = _pypinyin()
    syllables = tuple(_fold(s) for s in pp.lazy_pinyin(word, style=pp.normal, errors="ignore"))
    if len(syllables) != len(word) or not all(syllables):
        # Defensive: a dictionary entry not one syllable per character; fall back.
        return tuple(_char_readings(c)[0] for c in word)
    return syllables


def _segment(run: str) -> Iterable[str]:
    # Same segmentation as lazy_pinyin, but the per-word results are cached.
    return _pypinyin().cut(run)


# --------------------------------------------------------------------------
# Tokenising: a text becomes Han runs and Latin words; Han runs become units
# (one per character), each a tuple of alternative readings.


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split into ("han", run) and ("latin", word) tokens; everything else separates."""
    tokens: list[tuple[str, str]] = []
    kind, buf = "", []
    for ch in unicodedata.normalize("NFKC", text).lower():
        if ord(ch) >= 0x3000 and _char_readings(ch):  # 〇 U+3007 is the lowest
            k, piece = "han", ch
        else:
            k, piece = "latin", _fold(ch)
            if not piece:
                k = ""
        if k != kind and buf:
            tokens.append((kind, "".join(buf)))
            buf = []
        kind = k
        if k:
            buf.append(piece)
    if buf:
        tokens.append((kind, "".join(buf)))
    return tokens


def _han_units(run: str, *, heteronyms: bool) -> list[_Unit]:
    """One unit per character; the phrase-aware reading first (长青 → chang, not zhang)."""
    units: list[_Unit] = []
    for word in _segment(run):
        units += _word_units(word, heteronyms)
    return units


@lru_cache(maxsize=16384)
def _word_units(word: str, heteronyms: bool) -> tuple[_Unit, ...]:
    units = []
    for ch, first in zip(word, _word_readings(word)):
        readings = (first, *_char_readings(ch)) if heteronyms else (first,)
        units.append(tuple((r, r[0]) for r in dict.fromkeys(readings)))
    return tuple(units)


# A part of a text, ready to concatenate: ranked (full, initials) combinations,
# and ranked initials on their own (initials collapse he/hu/huo into h, so
# more of their combinations fit under the cap).
_Part = tuple[tuple[_Alt, ...], tuple[str, ...]]


@lru_cache(maxsize=65536)  # given names and company words repeat a lot
def _han_part(run: str, heteronyms: bool) -> _Part:
    units = _han_units(run, heteronyms=heteronyms)
    combos = _combine(units)
    initials = dict.fromkeys(i for _, i in combos)
    if len(initials) < MAX_READINGS and any(len(u) > 1 for u in units):
        init_units = [tuple(dict.fromkeys((i, i) for _, i in u)) for u in units]
        initials.update(dict.fromkeys(i for _, i in _combine(init_units)))
    return tuple(combos), tuple(initials)[:MAX_READINGS]


def _parts(tokens: list[tuple[str, str]], *, heteronyms: bool) -> list[_Part]:
    """Han runs with pinyin; Latin words whole, but a purely Latin text
    ("Tom Lee" → tl) uses word initials while "ABC物流" keeps abc."""
    only_latin = all(kind == "latin" for kind, _ in tokens)
    parts: list[_Part] = []
    for kind, text in tokens:
        if kind == "han":
            parts.append(_han_part(text, heteronyms))
        else:
            initial = text[0] if only_latin else text
            parts.append((((text, initial),), (initial,)))
    return parts


# --------------------------------------------------------------------------
# Ranking alternative combinations.


@lru_cache(maxsize=4096)
def _ranked_vectors(sizes: tuple[int, ...], cap: int) -> tuple[tuple[int, ...], ...]:
    """Index vectors into units of ``sizes``, fewest deviations from the defaults first.

    Enumerates by total index (0 = all defaults, then one step off, ...) and
    stops at ``cap``, so a long name full of heteronyms never expands the product.
    """
    n = len(sizes)
    room = [0] * (n + 1)  # room[i]: largest index sum positions i.. can absorb
    for i in range(n - 1, -1, -1):
        room[i] = room[i + 1] + sizes[i] - 1
    out: list[tuple[int, ...]] = []
    vec = [0] * n

    def fill(pos: int, left: int) -> bool:  # True once the cap is reached
        if pos == n:
            out.append(tuple(vec))
            return len(out) >= cap
        for i in range(min(sizes[pos] - 1, left) + 1):
            if left - i <= room[pos + 1]:
                vec[pos] = i
                if fill(pos + 1, left - i):
                    return True
        vec[pos] = 0
        return False

    for total in range(room[0] + 1):
        if fill(0, total):
            break
    return tuple(out)


def _combine(units: Sequence[_Unit]) -> list[_Alt]:
    """Ranked (full, initials) combinations of ``units``, at most MAX_READINGS."""
    if all(len(u) == 1 for u in units):  # the common case: one reading per unit
        return [("".join(u[0][0] for u in units), "".join(u[0][1] for u in units))]
    combos = []
    for vec in _ranked_vectors(tuple(len(u) for u in units), MAX_READINGS):
        alts = [u[i] for u, i in zip(units, vec)]
        combos.append(("".join(a[0] for a in alts), "".join(a[1] for a in alts)))
    return combos


@lru_cache(maxsize=1024)
def _rank_pairs(len_a: int, len_b: int, a_first: bool) -> tuple[tuple[int, int], ...]:
    """Index pairs for concatenating alternatives of two parts, ranked, capped.

    Ranked by summed rank; with ``a_first`` every alternative of ``a`` comes
    before the next alternative of ``b`` (surname readings before given-name noise).
    """
    pairs = [(i, j) for i in range(len_a) for j in range(len_b)]
    pairs.sort(key=(lambda p: (p[1], p[0])) if a_first else (lambda p: (p[0] + p[1], p[0])))
    return tuple(pairs[:MAX_READINGS])


def _join(parts: Sequence[_Part], *, first_part_first: bool = False) -> PinyinKeys:
    """Concatenate parts into ranked keys (``first_part_first``: see _rank_pairs)."""
    combos, inits = parts[0]
    for n in range(1, len(parts)):
        part_combos, part_inits = parts[n]
        lead = first_part_first and n == 1
        if len(combos) == 1 and len(part_combos) == 1:  # the common case
            combos = ((combos[0][0] + part_combos[0][0], combos[0][1] + part_combos[0][1]),)
        else:
            combos = tuple(
                (combos[i][0] + part_combos[j][0], combos[i][1] + part_combos[j][1])
                for i, j in _rank_pairs(len(combos), len(part_combos), lead)
            )
        if len(inits) == 1 and len(part_inits) == 1:
            inits = (inits[0] + part_inits[0],)
        else:
            inits = tuple(
                inits[i] + part_inits[j] for i, j in _rank_pairs(len(inits), len(part_inits), lead)
            )
    if len(combos) == 1 and len(inits) == 1:
        return PinyinKeys((combos[0][0],), (inits[0],)) if combos[0][0] else PinyinKeys((), ())
    full: dict[str, None] = {}
    # Initials of every full reading first, so typing the initials of any
    # indexed reading works; then the extra initials combinations.
    initials: dict[str, None] = {}
    for f, i in combos:
        full[f] = initials[i] = None
    for i in inits:
        initials[i] = None
    full.pop("", None)
    initials.pop("", None)
    return PinyinKeys(tuple(full), tuple(initials)[:MAX_READINGS])


# --------------------------------------------------------------------------
# Public API.


@lru_cache(maxsize=65536)  # contact names repeat across customers
def person_name_keys(name: str) -> PinyinKeys:
    """Pinyin keys of a personal name, surname-aware: 单田芳 → shantianfang first, dantianfang too."""
    tokens = _tokens(name)
    if not tokens:
        return PinyinKeys((), ())
    if any(kind == "latin" for kind, _ in tokens):
        # Mixed or Latin names ("Tom Lee", "Tom李"): no surname logic applies.
        return _join(_parts(tokens, heteronyms=True))
    run = "".join(text for _, text in tokens)  # all Han; "欧阳 修" is 欧阳修
    surname, given, known = _surname_part(run)
    parts = [surname, _han_part(given, True)] if given else [surname]
    # Known surname alternatives outrank given-name heteronyms: they are the
    # plausible readings, the given-name ones are mostly dictionary noise.
    return _join(parts, first_part_first=known)


def _surname_part(run: str) -> tuple[_Part, str, bool]:
    """The surname's alternatives, the given-name rest, and whether the table knew it."""
    part, length, known = _surname_head(run[:4])
    return part, run[length:], known


@lru_cache(maxsize=4096)  # keyed by the first four characters: surnames repeat
def _surname_head(run: str) -> tuple[_Part, int, bool]:
    default = _char_readings(run[0])[0]
    for length in (4, 2):
        syllables = COMPOUND_SURNAMES.get(run[:length]) if len(run) >= length else None
        if syllables:
            single = SURNAME_READINGS.get(run[0], ())
            rest = "".join(_char_readings(c)[0] for c in run[1:length])
            rest_i = "".join(_char_readings(c)[0][0] for c in run[1:length])
            alts: list[_Alt] = [("".join(syllables), "".join(s[0] for s in syllables))]
            # Also the 单 + 于飞 reading, and the plain default one.
            alts += [(r + rest, r[0] + rest_i) for r in (*single, default)]
            return _alts_part(alts), length, True
    single = SURNAME_READINGS.get(run[0])
    if single is None:
        # Not a known polyphonic surname: its heteronyms rank like any character's.
        return _han_part(run[0], True), 1, False
    return _alts_part([(r, r[0]) for r in (*single, default)]), 1, True


def _alts_part(alts: Iterable[_Alt]) -> _Part:
    combos = tuple(dict.fromkeys(alts))
    return combos, tuple(dict.fromkeys(i for _, i in combos))


def phrase_keys(text: str) -> PinyinKeys:
    """Pinyin keys of a company name, address etc.: pypinyin's phrase-aware reading only."""
    tokens = _tokens(text)
    if not tokens:
        return PinyinKeys((), ())
    keys = _join(_parts(tokens, heteronyms=False))
    return PinyinKeys(keys.full[:1], keys.initials[:1])


def normalize_query(q: str) -> str:
    """NFKC (full-width ａｂｃ１２３ → abc123), lower-case, trimmed."""
    return unicodedata.normalize("NFKC", q).lower().strip()


_PHONE_RE = re.compile(r"[+0-9\s().\-]*[0-9][+0-9\s().\-]*")
_PINYIN_RE = re.compile(r"[a-z'\s]+")


def search_terms(q: str) -> list[str]:
    """The terms that must all occur in a customer's search text."""
    q = normalize_query(q)
    if not q:
        return []
    if _PHONE_RE.fullmatch(q):
        # Stored phones are bare digits, so separators must go; +86 is the
        # country code, not part of the stored national number.
        digits = re.sub(r"[^0-9]", "", q)
        if q.startswith("+86") and len(digits) > 2:
            digits = digits[2:]
        return [digits]
    if _PINYIN_RE.fullmatch(q):
        # "zhang san" and "xi'an" are one pinyin word typed with breaks; keys have none.
        return ["".join(q.replace("'", "").split())] if q.replace("'", "").strip() else []
    # "北京 物流" or mixed queries: each word must occur somewhere.
    return list(dict.fromkeys(q.split()))


def escape_like(term: str) -> str:
    """Escape for ``LIKE ... ESCAPE '\\'`` so ``%`` and ``_`` match literally."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _original_lines(text: str) -> list[str]:
    # NFC is what was typed; NFKC is what a query becomes, so keep both.  The
    # space-free variant lets 张三 find "张 三".
    lines = []
    for form in ("NFC", "NFKC"):
        words = unicodedata.normalize(form, text).lower().split()
        lines += [" ".join(words), "".join(words)]
    return lines


def search_text(
    *,
    names: Iterable[str] = (),
    person_names: Iterable[str] = (),
    phrases: Iterable[str] = (),
    digits: Iterable[str] = (),
    codes: Iterable[str] = (),
) -> str:
    """The stored search text: one key per line, lower-case, duplicates removed.

    ``names`` are indexed as typed (no pinyin), ``person_names`` with
    :func:`person_name_keys`, ``phrases`` (company names, addresses) with
    :func:`phrase_keys`.  Keys are joined by ``"\\n"``, which no search term
    contains, so a match never spans two keys.
    """
    lines: list[str] = []
    for text in names:
        lines += _original_lines(text)
    for text in person_names:
        keys = person_name_keys(text)
        lines += [*_original_lines(text), *keys.full, *keys.initials]
    for text in phrases:
        keys = phrase_keys(text)
        lines += [*_original_lines(text), *keys.full, *keys.initials]
    for value in digits:
        lines.append("".join(value.split()))
    for value in codes:
        lines.append("".join(normalize_query(value).split()))
    return "\n".join(dict.fromkeys(line for line in lines if line))
