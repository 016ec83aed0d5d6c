"""The append-only change log: who changed what, when, old and new (any entity)."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.storage.customer_file import CustomerFile


def log_change(
    cf: CustomerFile,
    *,
    customer_id: int,
    entity: str,
    entity_uid: str,
    action: str,
    field: str | None = None,
    old: str | None = None,
    new: str | None = None,
    at: str | None = None,
) -> None:
    cf.execute(
        "INSERT INTO change_log (at, actor, entity, entity_uid, customer_id, action, field, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [at or cf.now(), cf.actor, entity, entity_uid, customer_id, action, field, old, new],
    )


@dataclass(frozen=True)
class ChangeEntry:
    at: str
    actor: str
    entity: str
    action: str
    field: str | None
    old: str | None
    new: str | None


def change_log(cf: CustomerFile, customer_id: int) -> list[ChangeEntry]:
    """Everything logged about a customer and what belongs to it, oldest first."""
    return [
        ChangeEntry(*r)
        for r in cf.execute(
            "SELECT at, actor, entity, action, field, old, new FROM change_log "
            "WHERE customer_id = ? ORDER BY id",
            [customer_id],
        )
    ]
