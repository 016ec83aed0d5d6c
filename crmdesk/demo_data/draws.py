"""Drawing from one seeded ``random.Random``: weighted choice, uniform integers, picks."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class _Weighted(Generic[T]):
    """Weighted choice by one ``random()`` call and a bisect (faster than ``choices``)."""

    __slots__ = ("items", "cum", "total", "last")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items: tuple[T, ...] = tuple(p[0] for p in pairs)
        self.cum = tuple(itertools.accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]
        self.last = len(self.cum) - 1

    def pick(self, rng: Random) -> T:
        return self.items[bisect.bisect(self.cum, rng.random() * self.total, 0, self.last)]


def _below(rng: Random, n: int) -> int:
    """Uniform in 0..n-1.  ``int(random() * n)`` is below ``n`` for every float
    ``random()`` returns and is several times faster than ``randrange``."""
    return int(rng.random() * n)


def _range(rng: Random, lo: int, hi: int) -> int:
    """Uniform in lo..hi-1, like ``randrange(lo, hi)``."""
    return lo + int(rng.random() * (hi - lo))


def _one(rng: Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def _two(rng: Random, seq: Sequence[T]) -> tuple[T, T]:
    """Two different elements."""
    n = len(seq)
    i = int(rng.random() * n)
    j = int(rng.random() * (n - 1))
    return seq[i], seq[j + (j >= i)]


def _some(rng: Random, pool: Sequence[str], count: int) -> list[str]:
    """``count`` different elements of ``pool`` (count small), in drawing order."""
    out: list[str] = []
    while len(out) < count:
        item = pool[int(rng.random() * len(pool))]
        if item not in out:
            out.append(item)
    return out


def _join(rng: Random, pool: Sequence[str], lo: int, hi: int, sep: str = "、") -> str:
    return sep.join(_some(rng, pool, _range(rng, lo, hi + 1)))
