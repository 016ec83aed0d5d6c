"""Opportunities (业务机会) and their stage history in the file.

Every stay in a stage is a row of ``opportunity_stages``: a move ends the
current stay and starts the next one in the same transaction as the
opportunity's own update, so the funnel's history never disagrees with the
board.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from crmdesk.domain.pipeline import OpenDeal, Opportunity, StageStay
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem
from crmdesk.storage.rows import Rows

_COLUMNS = (
    "customer_id", "title", "product", "amount", "expected_close", "stage", "stage_since", "owner",
    "lost_reason", "order_id", "opened_on", "closed_on", "note",
)


def _summary(opp: Opportunity) -> str:
    return f"{opp.title} {opp.amount} [{opp.stage}]"


_ROWS = Rows("opportunities", "opportunity", _COLUMNS, _summary)
_SELECT = f"SELECT id, uid, row_version, {', '.join(_COLUMNS)} FROM opportunities"
_DATES = {"expected_close", "stage_since", "opened_on", "closed_on"}


def _opportunity(r: Sequence[Any]) -> Opportunity:
    values = dict(zip(_COLUMNS, r[3:]))
    for name in _DATES:
        if values[name] is not None:
            values[name] = date.fromisoformat(values[name])
    return Opportunity(id=r[0], uid=r[1], row_version=r[2], **values)


def _start_stay(cf: CustomerFile, opp: Opportunity, day: date) -> None:
    cf.execute(
        "INSERT INTO opportunity_stages (opportunity_id, customer_id, stage, entered_on, actor, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [opp.id, opp.customer_id, opp.stage, day.isoformat(), cf.actor, cf.now()],
    )


def insert_opportunity(cf: CustomerFile, opp: Opportunity) -> Opportunity:
    """Store a new opportunity; its first stay starts on ``stage_since`` (default: the day it was opened)."""
    opp = replace(opp, stage_since=opp.stage_since or opp.opened_on)
    with cf.transaction():
        stored = _ROWS.insert(cf, opp)
        _start_stay(cf, stored, stored.stage_since)
        return stored


def update_opportunity(cf: CustomerFile, opp: Opportunity) -> Opportunity:
    """Store changed fields; a changed stage ends the current stay on ``opp.stage_since`` and starts the next."""
    old = get_opportunity(cf, opp.id)
    with cf.transaction():
        stored = _ROWS.update(cf, opp, old)
        if old is not None and old.stage != opp.stage:
            day = opp.stage_since
            if day is None or day < old.stage_since:
                raise WriteError(WriteProblem.CONFLICT, f"opportunity {opp.id} moved before it entered its stage")
            cf.execute(
                "UPDATE opportunity_stages SET left_on = ? WHERE opportunity_id = ? AND left_on IS NULL",
                [day.isoformat(), opp.id],
            )
            _start_stay(cf, stored, day)
        return stored


def delete_opportunity(cf: CustomerFile, opp: Opportunity) -> None:
    _ROWS.delete(cf, opp)


def get_opportunity(cf: CustomerFile, opportunity_id: int | None) -> Opportunity | None:
    row = cf.execute(f"{_SELECT} WHERE id = ? AND deleted_at IS NULL", [opportunity_id]).fetchone()
    return _opportunity(row) if row else None


def opportunities_of(cf: CustomerFile, customer_id: int) -> list[Opportunity]:
    """A customer's opportunities, newest first."""
    return [_opportunity(r) for r in cf.execute(
        f"{_SELECT} WHERE customer_id = ? AND deleted_at IS NULL ORDER BY opened_on DESC, id DESC", [customer_id])]


class BoardCard(NamedTuple):
    opportunity: Opportunity
    code: str
    name: str


def board_cards(cf: CustomerFile) -> list[BoardCard]:
    """Every opportunity with its customer's code and name, longest in its stage first."""
    columns = ", ".join(f"o.{c}" for c in ("id", "uid", "row_version", *_COLUMNS))
    rows = cf.execute(
        f"SELECT {columns}, c.code, c.name FROM opportunities o JOIN customers c ON c.id = o.customer_id "
        "WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY o.stage_since, o.id"
    )
    return [BoardCard(_opportunity(r[:-2]), r[-2], r[-1]) for r in rows]


def stays(cf: CustomerFile, opportunity_id: int | None = None, owner: str | None = None) -> list[StageStay]:
    """The stage history of every opportunity (or one, or one owner's), in the order it happened."""
    where, params = _which("s.opportunity_id", opportunity_id, owner)
    return [
        StageStay(r[0], r[1], date.fromisoformat(r[2]), date.fromisoformat(r[3]) if r[3] else None)
        for r in cf.execute(
            "SELECT s.opportunity_id, s.stage, s.entered_on, s.left_on FROM opportunity_stages s "
            "JOIN opportunities o ON o.id = s.opportunity_id JOIN customers c ON c.id = o.customer_id "
            f"WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL {where} ORDER BY s.opportunity_id, s.id",
            params,
        )
    ]


def current(cf: CustomerFile, owner: str | None = None) -> list[tuple[int, str, int]]:
    """(id, stage, amount) of every opportunity (or one owner's) of a customer still in the file."""
    where, params = _which("o.id", None, owner)
    return [tuple(r) for r in cf.execute(
        "SELECT o.id, o.stage, o.amount FROM opportunities o JOIN customers c ON c.id = o.customer_id "
        f"WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL {where} ORDER BY o.id", params)]


def _which(id_column: str, opportunity_id: int | None, owner: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if opportunity_id is not None:
        clauses.append(f"AND {id_column} = ?")
        params.append(opportunity_id)
    if owner is not None:
        clauses.append("AND o.owner = ?")
        params.append(owner)
    return " ".join(clauses), params


def count_in_stage(cf: CustomerFile, stage: str) -> int:
    return cf.execute("SELECT count(*) FROM opportunities WHERE stage = ? AND deleted_at IS NULL",
                      [stage]).fetchone()[0]


def open_deals(cf: CustomerFile, open_stages: Mapping[str, str],
               customer_id: int | None = None) -> dict[int, list[OpenDeal]]:
    """The opportunities in an open stage (``open_stages``: key -> the file's own name), by customer."""
    marks = ", ".join("?" for _ in open_stages)
    where, params = ("AND customer_id = ?", [customer_id]) if customer_id is not None else ("", [])
    deals: dict[int, list[OpenDeal]] = {}
    for r in cf.execute(
        f"SELECT customer_id, id, uid, title, amount, stage, stage_since FROM opportunities "
        f"WHERE deleted_at IS NULL AND stage IN ({marks}) {where} ORDER BY id",
        [*open_stages, *params],
    ):
        deals.setdefault(r[0], []).append(
            OpenDeal(r[1], r[2], r[3], r[4], r[5], date.fromisoformat(r[6]), open_stages[r[5]]))
    return deals


def owners(cf: CustomerFile) -> list[str]:
    """Every owner named on an opportunity or a customer, for the owner boxes."""
    return [r[0] for r in cf.execute(
        "SELECT owner FROM opportunities WHERE owner IS NOT NULL AND owner <> '' AND deleted_at IS NULL "
        "UNION SELECT owner FROM customers WHERE owner IS NOT NULL AND owner <> '' AND deleted_at IS NULL "
        "ORDER BY 1")]
