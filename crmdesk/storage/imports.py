"""Writing a checked import in one transaction, and taking it back later.

The rows were validated before (services.importing); here they land all
together or not at all, with a journal of every id created and every field
overwritten, so the whole import can be reverted as one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crmdesk.domain.customer import Customer
from crmdesk.domain.import_rows import order_key, payment_key
from crmdesk.domain.orders import Order, Payment
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem, id_chunks
from crmdesk.storage.operations import OperationKind, get_operation, mark_undone, record_operation

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Update:
    """A matched customer and the fields the import changes."""

    existing: Customer
    changes: dict[str, Any]


@dataclass(frozen=True)
class ImportBatch:
    label: str  # the source file's name
    creates: Sequence[Customer] = ()
    updates: Sequence[Update] = ()
    orders: Sequence[Order] = ()
    payments: Sequence[Payment] = ()
    summary: dict[str, Any] = field(default_factory=dict)


def _max_id(cf: CustomerFile, table: str) -> int:
    return cf.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]


def _ids_after(cf: CustomerFile, table: str, after: int) -> list[int]:
    return [r[0] for r in cf.execute(f"SELECT id FROM {table} WHERE id > ? ORDER BY id", [after])]


def apply_import(cf: CustomerFile, batch: ImportBatch, progress: Progress | None = None) -> int:
    """Write the batch; returns the operation's id.  ``progress(rows done)``
    may raise to stop, and then nothing of the batch is left in the file."""
    offset = 0

    def report(done: int) -> None:
        if progress:
            progress(offset + done)

    with cf.transaction():
        before = {t: _max_id(cf, t) for t in ("customers", "contact_persons", "orders", "payments")}
        customer_store.insert_customers(cf, batch.creates, progress=report, every=500)
        offset = len(batch.creates)
        updated = []
        for i, update in enumerate(batch.updates, 1):
            existing = update.existing
            after = customer_store.update_customer(cf, existing.with_changes(**update.changes))
            names = [n for n in update.changes if n != "contacts"]
            updated.append({
                "id": existing.id,
                "before": customer_store.column_values(existing, names),
                "row_version": after.row_version,
            })
            if i % 500 == 0:
                report(i)
        offset += len(batch.updates)
        report(0)
        order_store.insert_ledger_rows(cf, batch.orders, batch.payments)
        offset += len(batch.orders) + len(batch.payments)
        report(0)
        journal = {
            "customers_created": _ids_after(cf, "customers", before["customers"]),
            "contacts_created": _ids_after(cf, "contact_persons", before["contact_persons"]),
            "orders_created": _ids_after(cf, "orders", before["orders"]),
            "payments_created": _ids_after(cf, "payments", before["payments"]),
            "customers_updated": updated,
        }
        return record_operation(cf, OperationKind.IMPORT, batch.label, batch.summary, journal)



@dataclass(frozen=True)
class Reverted:
    customers: int = 0  # created ones moved to the recycle bin
    restored: int = 0  # updated ones given their earlier values back
    kept: tuple[int, ...] = ()  # updated ones edited since, left as they are now
    orders: int = 0
    payments: int = 0
    contacts: int = 0


def revert_import(cf: CustomerFile, operation_id: int) -> Reverted:
    """Take an import back as a whole: what it created goes, what it
    overwrote gets its earlier value, except customers edited since (kept)."""
    with cf.transaction():
        op = get_operation(cf, operation_id)
        if op is None or op.kind is not OperationKind.IMPORT:
            raise WriteError(WriteProblem.CONFLICT, f"no import {operation_id}")
        if op.undone:
            raise WriteError(WriteProblem.CONFLICT, f"import {operation_id} was already reverted")
        journal, now = op.journal, cf.now()
        kept, restored = [], 0
        for entry in journal["customers_updated"]:
            if customer_store.restore_fields(cf, entry["id"], entry["before"], entry["row_version"]):
                restored += 1
            else:
                kept.append(entry["id"])
        contacts = _delete_contacts(cf, journal["contacts_created"], kept)
        orders = _soft_delete(cf, "orders", "order", journal["orders_created"], now)
        payments = _soft_delete(cf, "payments", "payment", journal["payments_created"], now)
        customers = 0
        for customer_id in journal["customers_created"]:
            customer = customer_store.get_customer(cf, customer_id)
            if customer is not None and customer.deleted_at is None:
                customer_store.soft_delete_customer(cf, customer_id)
                customers += 1
        mark_undone(cf, operation_id)
        return Reverted(customers, restored, tuple(kept), orders, payments, contacts)


def _soft_delete(cf: CustomerFile, table: str, entity: str, ids: Sequence[int], now: str) -> int:
    count = 0
    for chunk, marks in id_chunks(ids):
        rows = cf.execute(
            f"SELECT id, uid, customer_id FROM {table} WHERE id IN ({marks}) AND deleted_at IS NULL", chunk
        ).fetchall()
        cf.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ?, row_version = row_version + 1 "
            f"WHERE id IN ({marks}) AND deleted_at IS NULL",
            [now, now, *chunk],
        )
        for _, uid, customer_id in rows:
            log_change(cf, customer_id=customer_id, entity=entity, entity_uid=uid, action="delete",
                       field="import", at=now)
        count += len(rows)
    return count


def _delete_contacts(cf: CustomerFile, ids: Sequence[int], kept_customers: Sequence[int]) -> int:
    """Contact persons the import added to existing customers (new customers'
    go with them); those of a customer edited since stay."""
    keep = set(kept_customers)
    count = 0
    for chunk, marks in id_chunks(ids):
        rows = cf.execute(
            f"SELECT p.id, p.uid, p.customer_id, p.name FROM contact_persons p JOIN customers c "
            f"ON c.id = p.customer_id WHERE p.id IN ({marks}) AND c.deleted_at IS NULL",
            chunk,
        ).fetchall()
        for contact_id, uid, customer_id, name in rows:
            if customer_id in keep:
                continue
            cf.execute("DELETE FROM contact_persons WHERE id = ?", [contact_id])
            log_change(cf, customer_id=customer_id, entity="contact", entity_uid=uid, action="delete",
                       field="contact", old=name)
            count += 1
    return count


# -- what is there already, to import a file twice without doubling it -----------------------


def existing_order_keys(cf: CustomerFile, customer_ids: Iterable[int]) -> Counter:
    """How many live orders each order_key has, for these customers."""
    return Counter(order_key(o) for o in _rows_of(cf, order_store.orders_of, customer_ids))


def existing_payment_keys(cf: CustomerFile, customer_ids: Iterable[int]) -> Counter:
    return Counter(payment_key(p) for p in _rows_of(cf, order_store.payments_of, customer_ids))


def _rows_of(cf: CustomerFile, read: Callable[[CustomerFile, int], list], customer_ids: Iterable[int]) -> list:
    rows: list = []
    for customer_id in set(customer_ids):
        rows += read(cf, customer_id)
    return rows
