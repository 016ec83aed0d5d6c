"""The shared write path of a customer's rows (orders, payments, contacts, follow-ups).

Every write bumps ``row_version`` (a stale edit is refused, not merged) and
leaves a line in the change log, so history is kept without extra tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import Any

from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem


def db_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def text_of(value: Any) -> str | None:
    return None if value is None else str(db_value(value))


class Rows:
    """Insert, update and soft-delete one kind of row that belongs to a customer, with the change log.

    The row type is a frozen dataclass with ``id``, ``uid``, ``row_version``,
    ``customer_id`` and the ``columns``; ``summary`` words a row for the log.
    """

    def __init__(self, table: str, entity: str, columns: Sequence[str], summary: Callable[[Any], str]) -> None:
        self.table, self.entity, self.columns, self.summary = table, entity, tuple(columns), summary
        marks = ", ".join("?" for _ in range(len(columns) + 4))
        self.insert_sql = (
            f"INSERT INTO {table} ({', '.join(columns)}, uid, created_at, updated_at, row_version) "
            f"VALUES ({marks})"
        )

    def values(self, row: Any) -> list[Any]:
        return [db_value(getattr(row, c)) for c in self.columns]

    def insert(self, cf: CustomerFile, row: Any) -> Any:
        with cf.transaction():
            now, uid = cf.now(), cf.new_uid()
            cur = cf.execute(self.insert_sql, [*self.values(row), uid, now, now, 1])
            stored = replace(row, id=cur.lastrowid, uid=uid, row_version=1)
            log_change(cf, customer_id=row.customer_id, entity=self.entity, entity_uid=uid,
                       action="create", new=self.summary(stored), at=now)
            return stored

    def update(self, cf: CustomerFile, row: Any, old: Any | None) -> Any:
        """``old`` is the stored row as read before (None: it is gone)."""
        if old is None:
            raise WriteError(WriteProblem.CONFLICT, f"{self.entity} {row.id} is gone")
        with cf.transaction():
            now = cf.now()
            sets = ", ".join(f"{c} = ?" for c in self.columns)
            cur = cf.execute(
                f"UPDATE {self.table} SET {sets}, updated_at = ?, row_version = row_version + 1 "
                "WHERE id = ? AND row_version = ? AND deleted_at IS NULL",
                [*self.values(row), now, row.id, row.row_version],
            )
            if cur.rowcount != 1:
                raise WriteError(WriteProblem.CONFLICT, f"{self.entity} {row.id} changed meanwhile")
            for column in self.columns:
                before, after = getattr(old, column), getattr(row, column)
                if before != after:
                    log_change(cf, customer_id=row.customer_id, entity=self.entity, entity_uid=old.uid,
                               action="update", field=column, old=text_of(before), new=text_of(after), at=now)
            return replace(row, uid=old.uid, row_version=row.row_version + 1)

    def delete(self, cf: CustomerFile, row: Any) -> None:
        with cf.transaction():
            now = cf.now()
            cur = cf.execute(
                f"UPDATE {self.table} SET deleted_at = ?, updated_at = ?, row_version = row_version + 1 "
                "WHERE id = ? AND deleted_at IS NULL",
                [now, now, row.id],
            )
            if cur.rowcount != 1:
                raise WriteError(WriteProblem.CONFLICT, f"{self.entity} {row.id} is gone")
            log_change(cf, customer_id=row.customer_id, entity=self.entity, entity_uid=row.uid,
                       action="delete", old=self.summary(row), at=now)
