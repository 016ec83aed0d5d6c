"""Likely duplicate customers, and the field choices of merging two of them.

Who matches whom (``DuplicateIndex.matches``, ``find_pairs``)
-------------------------------------------------------------

Each customer is a ``Candidate``: kind, name, the name's first pinyin reading,
credit code, ID number and its phone numbers (the customer's mobile and phone
and its contact persons' numbers).  Two candidates match for these reasons,
strongest first (``MatchReason`` order):

1. ``CREDIT_CODE``: the same unified social credit code;
2. ``ID_NUMBER``: the same resident ID number;
3. ``PHONE``: at least one number in common;
4. ``NAME``: the same name after ``name_key`` (NFKC, case-folded, whitespace
   and punctuation of both widths dropped: "顺达物流（北京）" = "顺达物流(北京)");
5. ``NAME_PINYIN``: different written names that read the same in pinyin
   (張三 and 张三, "Zhang San" and 张三; also homophones such as 张伟 and 章伟).

The first three are *identifiers*: each is a match on its own, whatever the
kinds and the names.  A name (``NAME`` or ``NAME_PINYIN``) is a match only
between customers of the same kind, and only when no identifier contradicts
it: not when both have credit codes and they differ, not when both have ID
numbers and they differ, not when both have phone numbers and share none.
Two 张伟 with different mobiles are two people; two 张伟 of whom one has no
number may be one.

Phone numbers shorter than ``MIN_PHONE_DIGITS`` digits identify nobody and are
ignored.  A pair's reasons are all that hold between the two, strongest first.

``find_pairs`` lists each likely pair once.  So that a common name (张伟 200
times in 100,000 customers) or a shared switchboard number gives a list, not
an explosion, a group of customers sharing a key is paired with its lowest id
only: for identifiers, every member with the lowest id; for names, every
member with the lowest-id member it does not contradict (looking at no more
than ``MAX_NAME_REPRESENTATIVES`` of them).  A group of n gives at most n - 1
pairs; merging them one by one folds the group into one customer.

Merging (``differing_fields``, ``default_choices``, ``merged_customer``)
-----------------------------------------------------------------------

One customer survives; for each field whose values differ the user picks the
survivor's or the other's value (``Side``).  The customer code is not a
choice (the survivor keeps its own; the other's stays with the deleted
record); tags are united; contact persons move in storage, not here.

Pure functions: no I/O, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from crmdesk.domain import search
from crmdesk.domain.customer import FIELDS, FIELDS_BY_NAME, Customer, CustomerKind

MIN_PHONE_DIGITS = 7
MAX_NAME_REPRESENTATIVES = 64


class MatchReason(StrEnum):
    """Why two customers look like one, strongest first."""

    CREDIT_CODE = "credit_code"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    NAME = "name"  # the same normalised name
    NAME_PINYIN = "name_pinyin"  # different characters, the same pinyin


_STRENGTH = {reason: rank for rank, reason in enumerate(MatchReason)}
_IDENTIFIERS = (MatchReason.CREDIT_CODE, MatchReason.ID_NUMBER, MatchReason.PHONE)


def strength(reason: MatchReason) -> int:
    """0 for the strongest reason (a credit code), growing as reasons weaken."""
    return _STRENGTH[reason]


# --------------------------------------------------------------------------
# Keys


_NOT_NAME = re.compile(r"[\W_]+")  # whitespace, punctuation and symbols, any width


def name_key(name: str | None) -> str:
    """A name as compared: NFKC, case-folded, without whitespace or punctuation.

    "张三" → "张三", "Zhang  San" → "zhangsan", "顺达物流（北京）有限公司" →
    "顺达物流北京有限公司", "A.B.C.物流" → "abc物流".
    """
    if not name:
        return ""
    if name.isalnum() and unicodedata.is_normalized("NFKC", name):  # most names: nothing to drop
        return name.casefold()
    return _NOT_NAME.sub("", unicodedata.normalize("NFKC", name).casefold())


def pinyin_key(kind: CustomerKind, name: str) -> str:
    """The first pinyin reading of a name, as the file stores it (``name_py_full``):
    surname-aware for a person, phrase-aware for a company; "" when it has none."""
    keys = search.person_name_keys(name) if kind is CustomerKind.PERSONAL else search.phrase_keys(name)
    return keys.full[0] if keys.full else ""


def phone_key(value: str | None) -> str:
    """A phone number's digits as compared ("" when too short to identify anyone).

    Stored numbers are national digits already; an import's "+86 138-0013-8000"
    becomes "13800138000" here too.
    """
    if not value:
        return ""
    digits = value if value.isdigit() and value.isascii() else "".join(c for c in value if c.isdigit())
    digits = unicodedata.normalize("NFKC", digits)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def _code_key(value: str | None) -> str:
    """A credit code or ID number as compared: no spaces, upper case (x → X)."""
    if not value:
        return ""
    return "".join(value.split()).upper()


# --------------------------------------------------------------------------
# Candidates and matches


@dataclass(frozen=True)
class Candidate:
    """What duplicate matching needs of a customer, stored (``id``) or an import row (``id=None``).

    ``phones``: the customer's mobile and phone and its contact persons'
    numbers, normalised digits (see ``phone_key``).
    """

    id: int | None
    kind: CustomerKind
    name: str
    name_pinyin: str = ""
    credit_code: str | None = None
    id_number: str | None = None
    phones: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A stored customer that an indexed-against candidate matches, and why (strongest first)."""

    id: int
    reasons: tuple[MatchReason, ...]


@dataclass(frozen=True)
class DuplicatePair:
    """Two stored customers that look like one (``a_id < b_id``), and why (strongest first)."""

    a_id: int
    b_id: int
    reasons: tuple[MatchReason, ...]


# A candidate's keys as compared: a plain tuple, the cheapest thing to make 100,000 of per scan.
# (kind tag, credit code, ID number, phone numbers, kind tag + name key, kind tag + pinyin), with
# "" and () where missing.  The kind tag ("p" or "c") in the name keys keeps a person and a company
# apart and lets the index key its dicts by plain strings (hashing an Enum is a Python call).
_Keys = tuple
_KIND, _CREDIT, _ID_NUMBER, _PHONES, _NAME, _PINYIN = range(6)


def _kind_tag(kind: CustomerKind) -> str:
    return "p" if kind is CustomerKind.PERSONAL else "c"


def _phones(phones: tuple[str, ...]) -> tuple[str, ...]:
    """The numbers as compared; stored ones are national digits already and pass as they are.
    (A number twice in one customer does no harm: a customer is never paired with itself.)"""
    for p in phones:
        if not (p.isascii() and p.isdigit() and MIN_PHONE_DIGITS <= len(p) <= 12):
            return tuple(dict.fromkeys(k for k in map(phone_key, phones) if k))
    return phones


def _keys(c: Candidate) -> _Keys:
    tag = _kind_tag(c.kind)
    credit, id_number, phones, name, pinyin = c.credit_code, c.id_number, c.phones, name_key(c.name), c.name_pinyin
    return (
        tag,
        _code_key(credit) if credit else "",
        _code_key(id_number) if id_number else "",
        _phones(phones) if phones else (),
        tag + name if name else "",
        tag + pinyin if pinyin else "",
    )


def _share(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(p in b for p in a)  # a few numbers each: no set needed


def _contradicts(a: _Keys, b: _Keys) -> bool:
    """An identifier both have and that differs: the two are not one whatever their names."""
    return bool(
        (a[_CREDIT] and b[_CREDIT] and a[_CREDIT] != b[_CREDIT])
        or (a[_ID_NUMBER] and b[_ID_NUMBER] and a[_ID_NUMBER] != b[_ID_NUMBER])
        or (a[_PHONES] and b[_PHONES] and not _share(a[_PHONES], b[_PHONES]))
    )


def _reasons(a: _Keys, b: _Keys) -> tuple[MatchReason, ...]:
    found: list[MatchReason] = []
    if a[_CREDIT] and a[_CREDIT] == b[_CREDIT]:
        found.append(MatchReason.CREDIT_CODE)
    if a[_ID_NUMBER] and a[_ID_NUMBER] == b[_ID_NUMBER]:
        found.append(MatchReason.ID_NUMBER)
    if a[_PHONES] and b[_PHONES] and _share(a[_PHONES], b[_PHONES]):
        found.append(MatchReason.PHONE)
    if a[_KIND] == b[_KIND] and not _contradicts(a, b):
        if a[_NAME] and a[_NAME] == b[_NAME]:
            found.append(MatchReason.NAME)
        elif a[_PINYIN] and a[_PINYIN] == b[_PINYIN]:
            found.append(MatchReason.NAME_PINYIN)
    return tuple(found)


def match_reasons(a: Candidate, b: Candidate) -> tuple[MatchReason, ...]:
    """Why ``a`` and ``b`` look like one customer, strongest first; () when they do not."""
    return _reasons(_keys(a), _keys(b))


class DuplicateIndex:
    """Stored candidates by each key, for finding the matches of one (an import row)
    or every likely pair of the file.  The rules are the module's docstring.

    Built in one pass over the candidates (100,000 in under a second);
    ``add`` puts in one more (an imported row, so later rows match it too).
    """

    def __init__(self, candidates: Iterable[Candidate] = ()) -> None:
        self._keys: dict[int, _Keys] = {}
        self._credit: dict[str, list[int]] = {}
        self._id_number: dict[str, list[int]] = {}
        self._phone: dict[str, list[int]] = {}
        self._name: dict[str, list[int]] = {}  # by kind tag + name key
        self._pinyin: dict[str, list[int]] = {}  # by kind tag + pinyin
        self.extend(candidates)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, customer_id: object) -> bool:
        return customer_id in self._keys

    def add(self, candidate: Candidate) -> None:
        self.extend((candidate,))

    def extend(self, candidates: Iterable[Candidate]) -> None:
        # One loop with the dicts in locals: this is the whole cost of a scan's index.
        keys, credits, id_numbers, phones = self._keys, self._credit, self._id_number, self._phone
        names, readings = self._name, self._pinyin
        for candidate in candidates:
            cid = candidate.id
            if cid is None:
                raise ValueError("only stored customers (with an id) go into the index")
            if cid in keys:
                raise ValueError(f"customer {cid} is in the index already")
            keys[cid] = k = _keys(candidate)
            _kind, credit, id_number, numbers, name, pinyin = k
            if credit:
                credits.setdefault(credit, []).append(cid)
            if id_number:
                id_numbers.setdefault(id_number, []).append(cid)
            for phone in numbers:
                phones.setdefault(phone, []).append(cid)
            if name:
                names.setdefault(name, []).append(cid)
            if pinyin:
                readings.setdefault(pinyin, []).append(cid)

    def matches(self, candidate: Candidate) -> list[Match]:
        """The indexed customers ``candidate`` matches, strongest reason first, then by id;
        never the candidate itself."""
        k = _keys(candidate)
        ids: set[int] = set()
        for key, groups in ((k[_CREDIT], self._credit), (k[_ID_NUMBER], self._id_number),
                            (k[_NAME], self._name), (k[_PINYIN], self._pinyin)):
            if key:
                ids.update(groups.get(key, ()))
        for phone in k[_PHONES]:
            ids.update(self._phone.get(phone, ()))
        ids.discard(candidate.id)  # type: ignore[arg-type]
        found = []
        for cid in ids:
            reasons = _reasons(k, self._keys[cid])
            if reasons:
                found.append(Match(cid, reasons))
        found.sort(key=lambda m: (_STRENGTH[m.reasons[0]], m.id))
        return found

    def pairs(self) -> list[DuplicatePair]:
        """Every likely pair once, with all its reasons; strongest reason first, then by ids."""
        keys = self._keys
        found: set[tuple[int, int]] = set()
        for groups in (self._credit, self._id_number, self._phone):
            for ids in groups.values():
                if len(ids) > 1:
                    first = min(ids)
                    found.update((first, cid) for cid in ids if cid != first)
        for groups in (self._name, self._pinyin):
            for ids in groups.values():
                if len(ids) > 1:
                    found.update(_name_group_pairs(sorted(ids), keys))
        pairs = []
        for a, b in found:
            reasons = _reasons(keys[a], keys[b])
            if reasons:
                pairs.append(DuplicatePair(a, b, reasons))
        pairs.sort(key=lambda p: (_STRENGTH[p.reasons[0]], p.a_id, p.b_id))
        return pairs


def _name_group_pairs(ids: list[int], keys: Mapping[int, _Keys]) -> Iterable[tuple[int, int]]:
    """Each member of a same-name group with the lowest-id member it does not contradict."""
    representatives: list[int] = []
    for cid in ids:
        k = keys[cid]
        for rep in representatives:
            if not _contradicts(keys[rep], k):
                yield rep, cid
                break
        else:
            if len(representatives) < MAX_NAME_REPRESENTATIVES:
                representatives.append(cid)


def find_pairs(candidates: Iterable[Candidate]) -> list[DuplicatePair]:
    """The likely duplicate pairs among stored customers (see the module's rules)."""
    return DuplicateIndex(candidates).pairs()


# --------------------------------------------------------------------------
# Merging two: which value of each field


class Side(StrEnum):
    SURVIVOR = "survivor"  # the record that stays
    OTHER = "other"  # the record merged into it (then deleted)


NOT_CHOSEN = frozenset({"code"})  # the survivor keeps its code; the other's stays with the deleted record


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _same(a: Any, b: Any) -> bool:
    return (_empty(a) and _empty(b)) or a == b


def differing_fields(survivor: Customer, other: Customer) -> list[str]:
    """Fields (FIELDS order) whose values differ and that apply to the survivor's kind; not the code."""
    return [
        f.name for f in FIELDS
        if survivor.kind in f.kinds and f.name not in NOT_CHOSEN
        and not _same(getattr(survivor, f.name), getattr(other, f.name))
    ]


def default_choices(survivor: Customer, other: Customer) -> dict[str, Side]:
    """The survivor's value of each differing field, unless it is empty and the other's is not."""
    return {
        name: Side.OTHER if _empty(getattr(survivor, name)) else Side.SURVIVOR
        for name in differing_fields(survivor, other)
    }


def merged_customer(survivor: Customer, other: Customer, choices: Mapping[str, Side]) -> Customer:
    """The survivor with the chosen values of ``other`` and both records' tags.

    Fields missing from ``choices`` take ``default_choices``; choosing a field
    that does not apply to the survivor, or the code, is a ValueError.  The
    survivor's id, uid, row_version and contacts are kept.
    """
    for name in choices:
        spec = FIELDS_BY_NAME.get(name)
        if spec is None or name in NOT_CHOSEN or survivor.kind not in spec.kinds:
            raise ValueError(f"{name!r} cannot be chosen when merging into a {survivor.kind.value} customer")
    picks = default_choices(survivor, other)
    picks.update((name, Side(side)) for name, side in choices.items() if name in picks)
    changes: dict[str, Any] = {name: getattr(other, name) for name, side in picks.items() if side is Side.OTHER}
    tags = tuple(sorted(set(survivor.tags) | set(other.tags)))
    if tags != tuple(survivor.tags):
        changes["tags"] = tags
    return survivor.with_changes(**changes) if changes else survivor
