"""Operations that can be undone later as one whole: an import, a merge.

Each leaves a row in ``operations`` with a JSON journal of what it created,
moved and overwrote (old values in column form), written in the same
transaction as the operation itself, so the journal and the data never
disagree.  Undoing reads the journal back and marks the row undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from crmdesk.storage.customer_file import CustomerFile


class OperationKind(StrEnum):
    IMPORT = "import"
    MERGE = "merge"


@dataclass(frozen=True)
class Operation:
    id: int
    uid: str
    kind: OperationKind
    at: str  # UTC instant
    actor: str
    label: str  # the source file's name; "C000012 ← C000045" for a merge
    summary: dict[str, Any]  # counts shown in the history
    journal: dict[str, Any]  # what undoing needs
    undone_at: str | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


def record_operation(
    cf: CustomerFile, kind: OperationKind, label: str, summary: dict[str, Any], journal: dict[str, Any]
) -> int:
    """Journal an operation; call inside the transaction that performs it."""
    with cf.transaction():
        cur = cf.execute(
            "INSERT INTO operations (uid, kind, at, actor, label, summary, journal) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [cf.new_uid(), kind.value, cf.now(), cf.actor, label,
             json.dumps(summary, ensure_ascii=False), json.dumps(journal, ensure_ascii=False)],
        )
        return cur.lastrowid


_SELECT = "SELECT id, uid, kind, at, actor, label, summary, journal, undone_at FROM operations"


def _operation(r: tuple) -> Operation:
    return Operation(r[0], r[1], OperationKind(r[2]), r[3], r[4], r[5], json.loads(r[6]), json.loads(r[7]), r[8])


def get_operation(cf: CustomerFile, operation_id: int) -> Operation | None:
    row = cf.execute(_SELECT + " WHERE id = ?", [operation_id]).fetchone()
    return _operation(row) if row else None


def operations(cf: CustomerFile, kind: OperationKind | None = None) -> list[Operation]:
    """Newest first."""
    if kind is None:
        rows = cf.execute(_SELECT + " ORDER BY id DESC")
    else:
        rows = cf.execute(_SELECT + " WHERE kind = ? ORDER BY id DESC", [kind.value])
    return [_operation(r) for r in rows]


def mark_undone(cf: CustomerFile, operation_id: int) -> None:
    with cf.transaction():
        cf.execute("UPDATE operations SET undone_at = ? WHERE id = ? AND undone_at IS NULL",
                   [cf.now(), operation_id])
