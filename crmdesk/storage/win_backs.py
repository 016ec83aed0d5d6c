"""Win-back episodes in the file (win_backs; the rules are domain.win_back)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.win_back import WinBackEpisode, WinBackReason
from crmdesk.storage import customers as customer_store
from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem

_COLUMNS = "id, uid, row_version, customer_id, lost_on, reason, won_back_on, order_id"


def _episode(r: Sequence[Any]) -> WinBackEpisode:
    id_, uid, version, customer_id, lost_on, reason, won_back_on, order_id = r
    return WinBackEpisode(customer_id, date.fromisoformat(lost_on), WinBackReason(reason),
                          date.fromisoformat(won_back_on) if won_back_on else None, order_id,
                          id=id_, uid=uid, row_version=version)


def insert_episode(cf: CustomerFile, episode: WinBackEpisode) -> WinBackEpisode:
    """Store a new episode, with a line in the customer's change log."""
    with cf.transaction():
        now, uid = cf.now(), cf.new_uid()
        cur = cf.execute(
            "INSERT INTO win_backs (uid, customer_id, lost_on, reason, won_back_on, order_id, created_at, "
            "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
            [uid, episode.customer_id, episode.lost_on.isoformat(), episode.reason.value,
             episode.won_back_on.isoformat() if episode.won_back_on else None, episode.order_id, now, now],
        )
        log_change(cf, customer_id=episode.customer_id, entity="win_back", entity_uid=uid, action="create",
                   new=f"{episode.lost_on.isoformat()} {episode.reason.value}", at=now)
        return WinBackEpisode(episode.customer_id, episode.lost_on, episode.reason, episode.won_back_on,
                              episode.order_id, id=cur.lastrowid, uid=uid, row_version=1)


def close_episode(cf: CustomerFile, episode: WinBackEpisode, won_back_on: date, order_id: int | None) -> WinBackEpisode:
    """Record the order that won the customer back; refused (CONFLICT) when the episode changed meanwhile."""
    with cf.transaction():
        now = cf.now()
        cur = cf.execute(
            "UPDATE win_backs SET won_back_on = ?, order_id = ?, updated_at = ?, row_version = row_version + 1 "
            "WHERE id = ? AND row_version = ? AND won_back_on IS NULL",
            [won_back_on.isoformat(), order_id, now, episode.id, episode.row_version],
        )
        if cur.rowcount != 1:
            raise WriteError(WriteProblem.CONFLICT, f"win-back {episode.id} changed meanwhile")
        log_change(cf, customer_id=episode.customer_id, entity="win_back", entity_uid=episode.uid,
                   action="update", field="won_back_on", old=None, new=won_back_on.isoformat(), at=now)
        return WinBackEpisode(episode.customer_id, episode.lost_on, episode.reason, won_back_on, order_id,
                              id=episode.id, uid=episode.uid, row_version=episode.row_version + 1)


def open_episode(cf: CustomerFile, customer_id: int) -> WinBackEpisode | None:
    """The customer's episode not yet won back (the latest, should there be several)."""
    row = cf.execute(
        f"SELECT {_COLUMNS} FROM win_backs WHERE customer_id = ? AND won_back_on IS NULL "
        "ORDER BY lost_on DESC, id DESC LIMIT 1",
        [customer_id],
    ).fetchone()
    return _episode(row) if row else None


def open_episodes(cf: CustomerFile, customer_id: int) -> list[WinBackEpisode]:
    """The customer's episodes not yet won back, newest first (two after merging two lost customers)."""
    return [_episode(r) for r in cf.execute(
        f"SELECT {_COLUMNS} FROM win_backs WHERE customer_id = ? AND won_back_on IS NULL "
        "ORDER BY lost_on DESC, id DESC", [customer_id])]


def episodes_of(cf: CustomerFile, customer_id: int) -> list[WinBackEpisode]:
    """A customer's episodes, newest first."""
    return [_episode(r) for r in cf.execute(
        f"SELECT {_COLUMNS} FROM win_backs WHERE customer_id = ? ORDER BY lost_on DESC, id DESC", [customer_id])]


def episodes_lost_between(cf: CustomerFile, first: date | None = None, last: date | None = None,
                          owner: str | None = None) -> list[WinBackEpisode]:
    """Episodes of live customers (of ``owner``'s customers) lost from ``first`` to ``last`` (None: unbounded)."""
    where, params = ["c.deleted_at IS NULL"], []
    if first is not None:
        where.append("w.lost_on >= ?")
        params.append(first.isoformat())
    if last is not None:
        where.append("w.lost_on <= ?")
        params.append(last.isoformat())
    if owner is not None:
        where.append("c.owner = ?")
        params.append(owner)
    columns = ", ".join(f"w.{c.strip()}" for c in _COLUMNS.split(","))
    return [_episode(r) for r in cf.execute(
        f"SELECT {columns} FROM win_backs w JOIN customers c ON c.id = w.customer_id "
        f"WHERE {' AND '.join(where)} ORDER BY w.lost_on, w.id", params)]


def set_status(cf: CustomerFile, customer_id: int, status: LifecycleStatus) -> bool:
    """Change a customer's lifecycle status through the customer's own write path (change log, row_version).

    Returns False when the customer already has it.  Raises WriteError
    (CONFLICT) when the customer is gone.
    """
    with cf.transaction():
        customer = customer_store.get_customer(cf, customer_id)
        if customer is None:
            raise WriteError(WriteProblem.CONFLICT, f"customer {customer_id} is gone")
        if customer.status is status:
            return False
        customer_store.update_customer(cf, customer.with_changes(status=status))
        return True
