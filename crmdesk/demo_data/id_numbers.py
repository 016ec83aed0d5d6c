"""身份证 and 统一社会信用代码 check characters, and GB 11714 organisation codes."""

from __future__ import annotations

from datetime import date
from random import Random

from crmdesk.demo_data.draws import _below, _range

_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _ric_check(body: str) -> str:
    """ISO 7064 MOD 11-2 check character of a 17-digit 身份证 body."""
    total = sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS))
    return "10X98765432"[total % 11]


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code(rng: Random, founded: date) -> str:
    """GB 11714 organisation code: 8 characters + check character.

    Before 2015 codes were numeric; companies registered since the 2015
    reform get "MA…" codes.
    """
    if founded.year < 2015:
        body = f"{_range(rng, 10_000_000, 100_000_000)}"
    else:
        body = "MA" + str(_below(rng, 10)) + "".join(
            _USCC_ALPHABET[_below(rng, 31)] for _ in range(5)
        )
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def _uscc(rng: Random, region: str, founded: date) -> str:
    """GB 32100: 9 (market regulator) + 1 (enterprise) + region + org code + check."""
    body = "91" + region + _org_code(rng, founded)
    total = sum(_USCC_VALUE[c] * w for c, w in zip(body, _USCC_WEIGHTS))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]
