"""Customers in the file: save, load, soft delete, search ids and display rows.

Every write keeps the pinyin keys and the search text current and appends to
the change log, inside the caller's transaction (or one of its own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from crmdesk.domain import search
from crmdesk.domain.tiers import Tier
from crmdesk.domain.customer import (
    FIELDS,
    FIELDS_BY_NAME,
    ContactPerson,
    ContactRole,
    Customer,
    CustomerKind,
    FieldSpec,
    FieldType,
    LifecycleStatus,
    mask_id_number,
    mask_phone,
)
from crmdesk.storage import file_settings
from crmdesk.storage.change_log import log_change
from crmdesk.storage.connections import errors
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem, id_chunks

_COLUMNS = tuple(f.name for f in FIELDS)
_CONTACT_COLUMNS = ("name", "title", "role", "mobile", "phone", "email", "wechat", "is_primary", "notes")
CODE_DIGITS = 6


class DuplicateCodeError(WriteError):
    def __init__(self, code: str) -> None:
        super().__init__(WriteProblem.FAILED, f"duplicate customer code {code}")
        self.code = code


# -- conversions between domain values and columns ------------------------------


def _to_db(value: Any) -> Any:
    if value is None or type(value) in (str, int):  # the common case, checked first
        return value
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_db(spec: FieldSpec, value: Any) -> Any:
    if value is None:
        return None
    if spec.type is FieldType.DATE:
        return date.fromisoformat(value)
    if spec.type is FieldType.CHOICE and spec.choices is not None:
        return spec.choices(value)
    return value


def _log_value(name: str, value: Any, sensitive: bool) -> str | None:
    """Text for the change log; sensitive values are masked so that old ID
    numbers and phones do not linger in the history (data minimisation)."""
    if value is None:
        return None
    text = _to_db(value)
    text = str(text)
    if sensitive:
        return mask_id_number(text) if name == "id_number" else mask_phone(text)
    return text


_SENSITIVE = {f.name for f in FIELDS if f.sensitive} | {"mobile", "phone"}


def _keys(customer: Customer, code: str) -> tuple[str, str, str]:
    """(name_py_full, name_py_initials, search_text) for a customer."""
    person = customer.kind is CustomerKind.PERSONAL
    keys = search.person_name_keys(customer.name) if person else search.phrase_keys(customer.name)
    contact_names = [c.name for c in customer.contacts]
    digits = [customer.mobile, customer.phone]
    digits += [p for c in customer.contacts for p in (c.mobile, c.phone)]
    text = search.search_text(
        person_names=([customer.name] if person else []) + contact_names,
        phrases=([] if person else [customer.name]) + ([customer.short_name] if customer.short_name else []),
        digits=[d for d in digits if d],
        codes=[code],
    )
    return keys.full[0] if keys.full else "", keys.initials[0] if keys.initials else "", text


def _customer_params(customer: Customer, code: str) -> dict[str, Any]:
    params = {name: _to_db(getattr(customer, name)) for name in _COLUMNS}
    params["code"] = code
    params["kind"] = customer.kind.value
    params["name_py_full"], params["name_py_initials"], params["search_text"] = _keys(customer, code)
    return params


# -- codes ------------------------------------------------------------------------


def code_prefix(cf: CustomerFile) -> str:
    return file_settings.get(cf, file_settings.CUSTOMER_CODE_PREFIX)


def next_code(cf: CustomerFile) -> str:
    """The next free code with the file's prefix: KH000001, KH000002, ..."""
    return _format_code(code_prefix(cf), _max_code_number(cf, code_prefix(cf)) + 1)


def _max_code_number(cf: CustomerFile, prefix: str) -> int:
    row = cf.execute(
        "SELECT max(CAST(substr(code, ?) AS INTEGER)) FROM customers "
        "WHERE substr(code, 1, ?) = ? AND substr(code, ?) GLOB '[0-9]*' "
        "AND substr(code, ?) NOT GLOB '*[^0-9]*'",
        [len(prefix) + 1, len(prefix), prefix, len(prefix) + 1, len(prefix) + 1],
    ).fetchone()
    return row[0] or 0


def _format_code(prefix: str, number: int) -> str:
    return f"{prefix}{number:0{CODE_DIGITS}d}"


# -- writes -------------------------------------------------------------------------


def insert_customer(cf: CustomerFile, customer: Customer) -> Customer:
    """Store a new customer (code assigned when empty); returns it as stored."""
    with cf.transaction():
        batch = _InsertBatch(cf)
        customer_id = batch.add(customer, customer.code or next_code(cf))
        batch.flush()
        return get_customer(cf, customer_id)


def insert_customers(
    cf: CustomerFile,
    customers: Iterable[Customer],
    *,
    progress: Callable[[int], None] | None = None,
    every: int = 1000,
) -> int:
    """Bulk insert (demo files, imports) in one transaction; returns the count."""
    count = 0
    with cf.transaction():
        prefix = code_prefix(cf)
        number = _max_code_number(cf, prefix)
        batch = _InsertBatch(cf)
        for customer in customers:
            code = customer.code
            if not code:
                number += 1
                code = _format_code(prefix, number)
            batch.add(customer, code)
            count += 1
            if count % every == 0:
                batch.flush()
                if progress:
                    progress(count)
        batch.flush()
    if progress:
        progress(count)
    return count


_CUSTOMER_INSERT_COLUMNS = (
    "id", "uid", "kind", *_COLUMNS, "name_py_full", "name_py_initials", "search_text",
    "created_at", "updated_at", "row_version",
)
_CONTACT_INSERT_COLUMNS = (
    "id", "uid", "customer_id", "position", *_CONTACT_COLUMNS, "created_at", "updated_at",
)
_LOG_COLUMNS = ("at", "actor", "entity", "entity_uid", "customer_id", "action", "field", "old", "new")


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


class _InsertBatch:
    """Rows for new customers, written with one executemany per table.

    Ids are assigned here (max + 1) so that tags, contacts and log rows can
    be built before the customers are written; this runs inside the caller's
    transaction, so nobody else can take those ids meanwhile.
    """

    def __init__(self, cf: CustomerFile) -> None:
        self.cf = cf
        self.next_id = cf.execute("SELECT coalesce(max(id), 0) + 1 FROM customers").fetchone()[0]
        self.next_contact_id = cf.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM contact_persons"
        ).fetchone()[0]
        self.customers: list[tuple] = []
        self.tags: list[tuple] = []
        self.contacts: list[tuple] = []
        self.log: list[tuple] = []

    def add(self, customer: Customer, code: str) -> int:
        cf, now = self.cf, self.cf.now()
        customer_id, uid = self.next_id, cf.new_uid()
        self.next_id += 1
        py_full, py_initials, text = _keys(customer, code)
        values = [_to_db(getattr(customer, name)) for name in _COLUMNS]
        values[_CODE_INDEX] = code
        self.customers.append(
            (customer_id, uid, customer.kind.value, *values, py_full, py_initials, text, now, now, 1)
        )
        self.tags += [(customer_id, tag) for tag in dict.fromkeys(customer.tags)]
        self.log.append((now, cf.actor, "customer", uid, customer_id, "create", None, None, customer.name))
        for position, contact in enumerate(customer.contacts):
            contact_uid = cf.new_uid()
            self.contacts.append((
                self.next_contact_id, contact_uid, customer_id, position,
                *(_to_db(getattr(contact, c)) for c in _CONTACT_COLUMNS[:-2]),
                int(bool(contact.is_primary)), contact.notes, now, now,
            ))
            self.next_contact_id += 1
            self.log.append(
                (now, cf.actor, "contact", contact_uid, customer_id, "create", "contact", None, contact.name)
            )
        return customer_id

    def flush(self) -> None:
        execute_many = self.cf.conn.executemany
        try:
            execute_many(_insert_sql("customers", _CUSTOMER_INSERT_COLUMNS), self.customers)
        except errors("IntegrityError") as e:
            codes = [row[3 + _CODE_INDEX] for row in self.customers]
            _raise_duplicate(e, _first_clash(self.cf, codes))
        execute_many("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)", self.tags)
        execute_many(_insert_sql("contact_persons", _CONTACT_INSERT_COLUMNS), self.contacts)
        execute_many(_insert_sql("change_log", _LOG_COLUMNS), self.log)
        self.customers, self.tags, self.contacts, self.log = [], [], [], []


_CODE_INDEX = _COLUMNS.index("code")
assert _CONTACT_COLUMNS[-2:] == ("is_primary", "notes")


def _first_clash(cf: CustomerFile, codes: Sequence[str]) -> str:
    """The first code of a failed batch that is already taken or repeated."""
    seen: set[str] = set()
    for code in codes:
        taken = cf.execute("SELECT 1 FROM customers WHERE code = ?", [code]).fetchone()
        if taken or code in seen:
            return code
        seen.add(code)
    return codes[0] if codes else ""


def update_customer(cf: CustomerFile, customer: Customer) -> Customer:
    """Save an edited customer; ``row_version`` must match the stored one."""
    if customer.id is None:
        raise ValueError("update_customer needs a stored customer")
    with cf.transaction():
        old = get_customer(cf, customer.id)
        if old is None or old.row_version != customer.row_version:
            raise WriteError(WriteProblem.CONFLICT, f"customer {customer.id} changed meanwhile")
        if not customer.code:
            customer = customer.with_changes(code=old.code)
        now = cf.now()
        params = _customer_params(customer, customer.code)
        params.update(id=customer.id, updated_at=now, row_version=old.row_version)
        sets = ", ".join(f"{c} = :{c}" for c in params if c not in ("id", "row_version"))
        try:
            cf.execute(
                f"UPDATE customers SET {sets}, row_version = row_version + 1 "
                "WHERE id = :id AND row_version = :row_version",
                params,
            )
        except errors("IntegrityError") as e:
            _raise_duplicate(e, customer.code)
        for spec in FIELDS:
            before, after = getattr(old, spec.name), getattr(customer, spec.name)
            if before != after:
                sensitive = spec.name in _SENSITIVE
                _log(cf, old, "update", spec.name,
                     _log_value(spec.name, before, sensitive), _log_value(spec.name, after, sensitive))
        if tuple(customer.tags) != tuple(old.tags):
            _write_tags(cf, customer.id, customer.tags)
            _log(cf, old, "update", "tags", "|".join(old.tags), "|".join(customer.tags))
        contacts = _write_contacts(cf, customer, old.contacts, customer.contacts, now)
        return customer.with_changes(
            updated_at=now, row_version=old.row_version + 1, contacts=contacts,
            uid=old.uid, created_at=old.created_at,
        )



def column_values(customer: Customer, names: Iterable[str]) -> dict[str, Any]:
    """Fields of ``customer`` in column form (JSON-safe), for an operation's
    journal; "tags" may be among the names."""
    return {name: list(customer.tags) if name == "tags" else _to_db(getattr(customer, name)) for name in names}


def restore_fields(cf: CustomerFile, customer_id: int, values: dict[str, Any], row_version: int) -> bool:
    """Put back fields saved by column_values, if nobody edited the customer
    since (its row_version is still ``row_version``); False when they did."""
    with cf.transaction():
        current = get_customer(cf, customer_id)
        if current is None or current.row_version != row_version:
            return False
        typed = {
            name: tuple(value) if name == "tags" else _from_db(FIELDS_BY_NAME[name], value)
            for name, value in values.items()
        }
        update_customer(cf, current.with_changes(**typed))
        return True

def _raise_duplicate(error: Exception, code: str | None) -> None:
    if "customers.code" in str(error):
        raise DuplicateCodeError(code or "") from error
    raise error


def _write_tags(cf: CustomerFile, customer_id: int, tags: Iterable[str]) -> None:
    cf.execute("DELETE FROM customer_tags WHERE customer_id = ?", [customer_id])
    for tag in dict.fromkeys(tags):
        cf.execute("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)", [customer_id, tag])


def _write_contacts(
    cf: CustomerFile,
    customer: Customer,
    old: Sequence[ContactPerson],
    new: Sequence[ContactPerson],
    now: str,
) -> tuple[ContactPerson, ...]:
    """Replace the customer's contact set: update kept ones, add new, remove the rest."""
    old_by_id = {c.id: c for c in old}
    kept: list[ContactPerson] = []
    for position, contact in enumerate(new):
        values = {c: _to_db(getattr(contact, c)) for c in _CONTACT_COLUMNS}
        values["is_primary"] = int(bool(contact.is_primary))
        previous = old_by_id.pop(contact.id, None) if contact.id is not None else None
        if previous is None:
            uid = cf.new_uid()
            cur = cf.execute(
                "INSERT INTO contact_persons (uid, customer_id, position, "
                + ", ".join(_CONTACT_COLUMNS)
                + ", created_at, updated_at) VALUES (?, ?, ?, "
                + ", ".join("?" for _ in _CONTACT_COLUMNS)
                + ", ?, ?)",
                [uid, customer.id, position, *values.values(), now, now],
            )
            contact = ContactPerson(**{**_contact_kwargs(contact), "id": cur.lastrowid, "uid": uid})
            _log(cf, customer, "create", "contact", None, contact.name, entity="contact", entity_uid=uid, at=now)
        else:
            changed = _contact_kwargs(previous, with_ids=False) != _contact_kwargs(contact, with_ids=False)
            if changed or position != old.index(previous):
                cf.execute(
                    "UPDATE contact_persons SET position = ?, "
                    + ", ".join(f"{c} = ?" for c in _CONTACT_COLUMNS)
                    + ", updated_at = ?, row_version = row_version + 1 WHERE id = ?",
                    [position, *values.values(), now, previous.id],
                )
            for name in _CONTACT_COLUMNS:
                before, after = getattr(previous, name), getattr(contact, name)
                if before != after:
                    sensitive = name in ("mobile", "phone")
                    _log(cf, customer, "update", f"contact.{name}",
                         _log_value(name, before, sensitive), _log_value(name, after, sensitive),
                         entity="contact", entity_uid=previous.uid)
            contact = ContactPerson(**{**_contact_kwargs(contact), "id": previous.id, "uid": previous.uid})
        kept.append(contact)
    for gone in old_by_id.values():
        cf.execute("DELETE FROM contact_persons WHERE id = ?", [gone.id])
        _log(cf, customer, "delete", "contact", gone.name, None, entity="contact", entity_uid=gone.uid)
    return tuple(kept)


def _contact_kwargs(contact: ContactPerson, with_ids: bool = True) -> dict[str, Any]:
    names = [f.name for f in fields(ContactPerson)]
    if not with_ids:
        names = [n for n in names if n not in ("id", "uid")]
    return {n: getattr(contact, n) for n in names}


def soft_delete_customer(cf: CustomerFile, customer_id: int) -> None:
    """Move to the recycle bin (restorable)."""
    _set_deleted(cf, customer_id, cf.now(), "delete")


def restore_customer(cf: CustomerFile, customer_id: int) -> None:
    _set_deleted(cf, customer_id, None, "restore")


def _set_deleted(cf: CustomerFile, customer_id: int, deleted_at: str | None, action: str) -> None:
    with cf.transaction():
        customer = get_customer(cf, customer_id)
        if customer is None:
            raise WriteError(WriteProblem.CONFLICT, f"customer {customer_id} is gone")
        cf.execute(
            "UPDATE customers SET deleted_at = ?, updated_at = ?, row_version = row_version + 1 "
            "WHERE id = ?",
            [deleted_at, cf.now(), customer_id],
        )
        _log(cf, customer, action, None, None, None)


def _log(
    cf: CustomerFile,
    customer: Customer,
    action: str,
    field: str | None,
    old: str | None,
    new: str | None,
    *,
    entity: str = "customer",
    entity_uid: str | None = None,
    at: str | None = None,
) -> None:
    log_change(cf, customer_id=customer.id, entity=entity, entity_uid=entity_uid or customer.uid,
               action=action, field=field, old=old, new=new, at=at)


# -- reads ----------------------------------------------------------------------------


def get_customer(cf: CustomerFile, customer_id: int) -> Customer | None:
    cur = cf.execute("SELECT * FROM customers WHERE id = ?", [customer_id])
    row = cur.fetchone()
    if row is None:
        return None
    return _customer_from_row(cf, dict(zip((d[0] for d in cur.description), row)))


def _customer_from_row(cf: CustomerFile, row: dict[str, Any]) -> Customer:
    return _customers_from_rows(cf, [row])[0]


def customers_by_ids(cf: CustomerFile, ids: Iterable[int]) -> dict[int, Customer]:
    """Many whole customers at once (imports match thousands of rows)."""
    ids = list(dict.fromkeys(ids))
    found: dict[int, Customer] = {}
    for chunk, marks in id_chunks(ids):
        cur = cf.execute(f"SELECT * FROM customers WHERE id IN ({marks})", chunk)
        names = [d[0] for d in cur.description]
        for customer in _customers_from_rows(cf, [dict(zip(names, r)) for r in cur]):
            found[customer.id] = customer
    return found


def _customers_from_rows(cf: CustomerFile, rows: list[dict[str, Any]]) -> list[Customer]:
    ids = [row["id"] for row in rows]
    marks = ", ".join("?" for _ in ids)
    tags: dict[int, list[str]] = {i: [] for i in ids}
    for customer_id, tag in cf.execute(
        f"SELECT customer_id, tag FROM customer_tags WHERE customer_id IN ({marks}) ORDER BY tag", ids
    ):
        tags[customer_id].append(tag)
    contacts: dict[int, list[ContactPerson]] = {i: [] for i in ids}
    for r in cf.execute(
        "SELECT " + ", ".join(_CONTACT_COLUMNS) + ", id, uid, customer_id FROM contact_persons "
        f"WHERE customer_id IN ({marks}) ORDER BY customer_id, position",
        ids,
    ):
        contacts[r[11]].append(ContactPerson(
            name=r[0], title=r[1], role=ContactRole(r[2]) if r[2] else None, mobile=r[3],
            phone=r[4], email=r[5], wechat=r[6], is_primary=bool(r[7]), notes=r[8], id=r[9], uid=r[10],
        ))
    return [
        Customer(
            kind=CustomerKind(row["kind"]),
            tags=tuple(tags[row["id"]]),
            contacts=tuple(contacts[row["id"]]),
            id=row["id"],
            uid=row["uid"],
            row_version=row["row_version"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            deleted_at=row["deleted_at"],
            **{spec.name: _from_db(spec, row[spec.name]) for spec in FIELDS},
        )
        for row in rows
    ]


class SortKey(StrEnum):
    """Columns the list can be sorted by; each maps to an ORDER BY in SQL."""

    CODE = "code"
    NAME = "name"
    KIND = "kind"
    PHONE = "phone"
    CITY = "city"
    OWNER = "owner"
    STATUS = "status"
    UPDATED = "updated"
    DELETED = "deleted"
    RECEIVABLE = "receivable"
    TIER = "tier"
    LAST_CONTACT = "last_contact"
    NEXT_FOLLOW_UP = "next_follow_up"


# Receivable is summed from the ledger (index-only), never stored on the customer.
_RECEIVABLE = (
    "(SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL)"
    " - (SELECT coalesce(sum(m.amount), 0) FROM payments m WHERE m.customer_id = c.id AND m.deleted_at IS NULL)"
)

_ORDER_BY = {
    SortKey.CODE: "c.code",
    SortKey.NAME: "c.name_py_full",
    SortKey.KIND: "c.kind",
    SortKey.PHONE: "coalesce(c.mobile, c.phone)",
    SortKey.CITY: "c.province {dir}, c.city",
    SortKey.OWNER: "c.owner",
    SortKey.STATUS: "c.status",
    SortKey.UPDATED: "c.updated_at",
    SortKey.DELETED: "c.deleted_at",
    SortKey.RECEIVABLE: _RECEIVABLE,
    # No tier yet sorts after D.
    SortKey.TIER: "coalesce((SELECT t.tier FROM customer_tiers t WHERE t.customer_id = c.id), 'E')",
    # Never contacted sorts first (longest without contact); nothing planned sorts last.
    SortKey.LAST_CONTACT: "coalesce((SELECT max(k.contact_date) FROM contacts k "
                          "WHERE k.customer_id = c.id AND k.deleted_at IS NULL), '')",
    SortKey.NEXT_FOLLOW_UP: "coalesce((SELECT min(f.due_date) FROM follow_ups f WHERE f.customer_id = c.id "
                            "AND f.deleted_at IS NULL AND f.state = 'planned'), '9999')",
}


class FollowUpFilter(StrEnum):
    """Customers by their planned follow-ups, as of the query's ``today``."""

    OVERDUE = "overdue"  # one planned before today
    DUE_TODAY = "due_today"
    NEXT_7_DAYS = "next_7_days"  # one planned from today to today + 6
    NONE_PLANNED = "none_planned"


# Over the follow-ups' (customer_id, deleted_at, state, due_date) index; ? ? are the day range.
_PLANNED = ("EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL "
            "AND f.state = 'planned' AND f.due_date BETWEEN ? AND ?)")


def _follow_up_clause(which: FollowUpFilter, today: date) -> tuple[str, list[Any]]:
    day = today.isoformat()
    if which is FollowUpFilter.OVERDUE:
        return _PLANNED, ["0000-00-00", (today - timedelta(days=1)).isoformat()]
    if which is FollowUpFilter.DUE_TODAY:
        return _PLANNED, [day, day]
    if which is FollowUpFilter.NEXT_7_DAYS:
        return _PLANNED, [day, (today + timedelta(days=6)).isoformat()]
    return f"NOT {_PLANNED}", ["0000-00-00", "9999-99-99"]


@dataclass(frozen=True)
class CustomerQuery:
    """What the list shows: search text, filters, and order."""

    text: str = ""
    kind: CustomerKind | None = None
    status: LifecycleStatus | None = None
    owner: str | None = None
    tag: str | None = None
    tier: Tier | None = None
    follow_up: FollowUpFilter | None = None  # needs ``today``
    today: date | None = None
    deleted: bool = False  # True: the recycle bin
    sort: SortKey = SortKey.CODE
    descending: bool = False


def _where(query: CustomerQuery) -> tuple[str, list[Any]]:
    clauses = ["c.deleted_at IS NOT NULL" if query.deleted else "c.deleted_at IS NULL"]
    params: list[Any] = []
    for term in search.search_terms(query.text):
        clauses.append("c.search_text LIKE ? ESCAPE '\\'")
        params.append(f"%{search.escape_like(term.lower())}%")
    for column, value in (("kind", query.kind), ("status", query.status), ("owner", query.owner)):
        if value is not None:
            clauses.append(f"c.{column} = ?")
            params.append(_to_db(value))
    if query.tier is not None:
        clauses.append("EXISTS (SELECT 1 FROM customer_tiers t WHERE t.customer_id = c.id AND t.tier = ?)")
        params.append(query.tier.value)
    if query.tag is not None:
        clauses.append("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)")
        params.append(query.tag)
    if query.follow_up is not None and query.today is not None:
        clause, days = _follow_up_clause(query.follow_up, query.today)
        clauses.append(clause)
        params += days
    return " AND ".join(clauses), params


def _select_parts(query: CustomerQuery) -> tuple[str, list[Any], str]:
    where, params = _where(query)
    direction = "DESC" if query.descending else "ASC"
    order = _ORDER_BY[query.sort].format(dir=direction)
    if query.sort is SortKey.CODE:  # unique: no tie to break, and the search index is in this order
        return where, params, f"{order} {direction}"
    return where, params, f"{order} {direction}, c.id {direction}"


def customer_ids(cf: CustomerFile, query: CustomerQuery = CustomerQuery()) -> list[int]:
    """Ids in display order: one statement, filtering and sorting in SQL."""
    where, params, order = _select_parts(query)
    return [r[0] for r in cf.execute(f"SELECT c.id FROM customers c WHERE {where} ORDER BY {order}", params)]


def customer_id_by_code(cf: CustomerFile, code: str) -> int | None:
    row = cf.execute("SELECT id FROM customers WHERE code = ? AND deleted_at IS NULL", [code]).fetchone()
    return row[0] if row else None


def code_ids(cf: CustomerFile) -> dict[str, int]:
    """Every code in use, the recycle bin's too (a code is never given twice)."""
    return dict(cf.execute("SELECT code, id FROM customers").fetchall())


def live_names(cf: CustomerFile) -> list[tuple[int, str]]:
    return cf.execute("SELECT id, name FROM customers WHERE deleted_at IS NULL").fetchall()


def customer_count(cf: CustomerFile, *, deleted: bool = False) -> int:
    null = "NOT NULL" if deleted else "NULL"
    return cf.execute(f"SELECT count(*) FROM customers WHERE deleted_at IS {null}").fetchone()[0]


@dataclass(frozen=True)
class ListRow:
    """Raw values of one list row; the UI formats them once per page."""

    id: int
    code: str
    name: str
    kind: CustomerKind
    status: LifecycleStatus
    phone: str | None  # unmasked: the UI masks it unless revealed
    province: str | None
    city: str | None
    owner: str | None
    last_verified: date | None
    deleted_at: str | None
    receivable: int = 0  # fen: billed - paid, summed from the ledger
    credit_limit: int | None = None
    tier: Tier | None = None  # as last recomputed (on open)
    last_contact: date | None = None  # the contact log's latest day
    next_follow_up: date | None = None  # the earliest planned follow-up


_LIST_COLUMNS = (
    "c.id, c.code, c.name, c.kind, c.status, "
    "coalesce(c.mobile, c.phone, (SELECT coalesce(p.mobile, p.phone) FROM contact_persons p "
    "  WHERE p.customer_id = c.id ORDER BY p.is_primary DESC, p.position LIMIT 1)), "
    f"c.province, c.city, c.owner, c.last_verified, c.deleted_at, {_RECEIVABLE}, c.credit_limit, "
    "(SELECT t.tier FROM customer_tiers t WHERE t.customer_id = c.id), "
    "(SELECT max(k.contact_date) FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL), "
    "(SELECT min(f.due_date) FROM follow_ups f "
    "  WHERE f.customer_id = c.id AND f.deleted_at IS NULL AND f.state = 'planned')"
)


def _list_row(r: Sequence[Any]) -> ListRow:
    return ListRow(
        id=r[0], code=r[1], name=r[2], kind=CustomerKind(r[3]), status=LifecycleStatus(r[4]),
        phone=r[5], province=r[6], city=r[7], owner=r[8],
        last_verified=date.fromisoformat(r[9]) if r[9] else None, deleted_at=r[10],
        receivable=r[11], credit_limit=r[12], tier=Tier(r[13]) if r[13] else None,
        last_contact=date.fromisoformat(r[14]) if r[14] else None,
        next_follow_up=date.fromisoformat(r[15]) if r[15] else None,
    )


def list_rows(cf: CustomerFile, ids: Sequence[int]) -> dict[int, ListRow]:
    """Display data for a page of ids, with one query per 30,000 ids."""
    rows: dict[int, ListRow] = {}
    for chunk, marks in id_chunks(ids):
        sql = f"SELECT {_LIST_COLUMNS} FROM customers c WHERE c.id IN ({marks})"
        rows.update((r[0], _list_row(r)) for r in cf.execute(sql, chunk))
    return rows




def matching_rows(cf: CustomerFile, query: CustomerQuery = CustomerQuery()) -> list[ListRow]:
    """All matching rows in display order, in one statement (for listings)."""
    where, params, order = _select_parts(query)
    sql = f"SELECT {_LIST_COLUMNS} FROM customers c WHERE {where} ORDER BY {order}"
    return [_list_row(r) for r in cf.execute(sql, params)]


def owners(cf: CustomerFile) -> list[str]:
    return [r[0] for r in cf.execute(
        "SELECT DISTINCT owner FROM customers WHERE owner IS NOT NULL AND deleted_at IS NULL ORDER BY owner"
    )]


def tags(cf: CustomerFile) -> list[str]:
    return [r[0] for r in cf.execute("SELECT DISTINCT tag FROM customer_tags ORDER BY tag")]
