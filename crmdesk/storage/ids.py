"""Stable text ids (UUIDv7) and UTC timestamps for every business row."""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Callable
from datetime import datetime, timezone

Clock = Callable[[], datetime]
UidFactory = Callable[[], str]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso_instant(moment: datetime) -> str:
    """UTC instant as text that sorts: 2026-11-23T08:15:30.123456Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def uuid7(unix_ms: int, rand: bytes) -> str:
    """RFC 9562 UUIDv7: 48-bit millisecond time, then 74 random bits.

    Time-ordered ids keep inserts local in the index and sort like creation.
    """
    value = (unix_ms & ((1 << 48) - 1)) << 80
    r = int.from_bytes(rand[:10], "big")
    value |= 0x7 << 76  # version
    value |= ((r >> 68) & 0xFFF) << 64  # rand_a (12 bits)
    value |= 0b10 << 62  # variant
    value |= r & ((1 << 62) - 1)  # rand_b
    return str(uuid.UUID(int=value))


def uid_factory(clock: Clock = utc_now, rng: random.Random | None = None) -> UidFactory:
    """A uid source; pass a seeded ``rng`` and a fixed clock for reproducible files."""

    def new_uid() -> str:
        ms = int(clock().timestamp() * 1000)
        rand = rng.randbytes(10) if rng is not None else os.urandom(10)
        return uuid7(ms, rand)

    return new_uid
