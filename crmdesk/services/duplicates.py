"""Duplicate customers: the scan over the whole file, merging a pair, undoing a merge.

``scan`` lists the likely pairs (domain.duplicates decides who matches whom)
with what a user needs to decide for each side: code, name, kind, city,
masked phone, order count and last order.  ``merge`` builds the survivor from
the user's field choices and merges in one journalled transaction
(storage.merges); ``undo_merge`` reverses one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from crmdesk.domain.customer import mask_phone
from crmdesk.domain.duplicates import DuplicatePair, MatchReason, Side, find_pairs, merged_customer
from crmdesk.storage import customers as customer_store
from crmdesk.storage import merges as store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem
from crmdesk.storage.gc_pause import gc_paused
from crmdesk.storage.merges import CustomerSummary, UndoOutcome
from crmdesk.storage.operations import Operation

__all__ = ["PairRow", "SideRow", "UndoOutcome", "merge", "merges", "scan", "undo_merge", "what_moves"]


# One side of a likely pair as the list shows it: the stored summary with the phone masked.
SideRow = CustomerSummary


@dataclass(frozen=True)
class PairRow:
    pair: DuplicatePair
    a: SideRow  # the lower id: the older record
    b: SideRow

    @property
    def reasons(self) -> tuple[MatchReason, ...]:
        return self.pair.reasons


def _side(s: CustomerSummary) -> SideRow:
    return replace(s, phone=mask_phone(s.phone))


def scan(cf: CustomerFile) -> list[PairRow]:
    """Every likely duplicate pair among the live customers, strongest reason first."""
    with gc_paused():  # 100,000 candidates and their keys: no cycles among them
        pairs = find_pairs(store.candidates(cf))
    sides = store.summaries(cf, [i for p in pairs for i in (p.a_id, p.b_id)])
    return [PairRow(p, _side(sides[p.a_id]), _side(sides[p.b_id])) for p in pairs]


def merge(
    cf: CustomerFile,
    survivor_id: int,
    other_id: int,
    choices: Mapping[str, Side],
    *,
    versions: tuple[int, int] | None = None,
) -> int:
    """Merge ``other_id`` into ``survivor_id`` with the chosen field values; returns the operation id.

    ``versions``: the (survivor, other) row versions the user chose on; when
    either customer changed since (or is gone), WriteError CONFLICT and nothing
    changes.  Fields missing from ``choices`` take the default choice.
    """
    with cf.transaction():
        survivor = customer_store.get_customer(cf, survivor_id)
        other = customer_store.get_customer(cf, other_id)
        if survivor is None or other is None or survivor.deleted_at or other.deleted_at or (
            versions is not None and versions != (survivor.row_version, other.row_version)
        ):
            raise WriteError(WriteProblem.CONFLICT, f"customer {survivor_id} or {other_id} changed meanwhile")
        merged = merged_customer(survivor, other, choices)
        return store.merge_customers(cf, merged, other.id, other.row_version)  # type: ignore[arg-type]


def undo_merge(cf: CustomerFile, operation_id: int) -> UndoOutcome:
    """Undo a merge; anything but UNDONE means nothing changed (see UndoOutcome)."""
    return store.undo_merge(cf, operation_id)


def merges(cf: CustomerFile) -> list[Operation]:
    """The file's merges, newest first, undone ones included."""
    return store.merges(cf)


def what_moves(cf: CustomerFile, other_id: int, survivor_id: int | None = None) -> dict[str, int]:
    """How many of ``other_id``'s rows a merge would move, per table (storage.merges.MOVED_TABLES),
    counting what the user sees (not the recycle bin); with ``survivor_id``, without the sales plans
    and generated follow-ups that stay because the survivor has its own."""
    return dict(store.planned_moves(cf, other_id, survivor_id).live)
