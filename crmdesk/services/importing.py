"""Importing a ledger: read a sheet, map its columns, preview every row, then
write the chosen ones in one transaction that can be reverted as a whole.

Nothing is written before ``commit``.  The preview says of each row whether
it creates a customer (or order, or payment), updates a matching customer,
is skipped (a total line, nothing new, already imported) or has errors, so
importing the same file twice creates nothing new.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from crmdesk.domain.customer import Customer, CustomerKind
from crmdesk.domain.duplicates import Candidate, DuplicateIndex, Match, name_key, phone_key, pinyin_key
from crmdesk.domain.import_mapping import (
    ImportKind,
    find_header_row,
    guess_kind,
    guess_mapping,
    header_key,
    missing_targets,
)
from crmdesk.domain.import_rows import (
    CellProblem,
    RowValues,
    SkipReason,
    build_customer,
    build_order,
    build_payment,
    is_blank,
    is_total_row,
    order_key,
    payment_key,
    read_row,
    row_kind,
    update_of,
)
from crmdesk.domain.orders import Order, Payment, validate_order, validate_payment
from crmdesk.domain.validation import ErrorCode
from crmdesk.formats.reading import Sheet, SheetInfo, open_spreadsheet
from crmdesk.storage import customers as customer_store
from crmdesk.storage import imports as import_store
from crmdesk.storage import merges as merge_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.imports import ImportBatch, Reverted, Update
from crmdesk.storage.operations import Operation, OperationKind, operations

Progress = Callable[[int], None]
REMEMBERED_COLUMNS = "import_columns"  # file setting: {kind: {header_key: target or ""}}


class RowAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"
    ERROR = "error"


@dataclass
class PreviewRow:
    number: int  # the sheet's row number, 1-based
    action: RowAction
    label: str = ""  # the customer's name (or the order's customer) as the preview shows it
    errors: list[CellProblem] = field(default_factory=list)
    skip: SkipReason | None = None
    same_as: int | None = None  # the earlier row this one repeats or adds to
    customer_id: int | None = None  # the matched customer
    changes: tuple[str, ...] = ()  # the fields an update changes
    record: Any = None  # the Customer, Order or Payment to write; a dict of changes for an update


@dataclass
class Preview:
    kind: ImportKind
    source: str  # the file's name
    sheet: str
    header_row: int  # 0-based index in the sheet
    headers: list[object]
    mapping: list[str | None]
    rows: list[PreviewRow]

    def count(self, action: RowAction) -> int:
        return sum(1 for r in self.rows if r.action is action)


@dataclass(frozen=True)
class ReportError:
    row: int
    column: str  # the header as the file has it ("" for the row as a whole)
    field: str
    code: ErrorCode
    params: dict[str, Any]


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, dry, would do): the CLI's JSON keys."""

    rows: int
    created: int
    updated: int
    skipped: int
    errors: tuple[ReportError, ...]
    operation_id: int | None = None  # None for a dry run or when nothing was written


# ---------------------------------------------------------------- reading


def sheets_of(path: str | os.PathLike) -> list[SheetInfo]:
    with open_spreadsheet(path) as book:
        return book.sheets()


def read_sheet(path: str | os.PathLike, sheet: str | None = None, progress: Progress | None = None) -> Sheet:
    with open_spreadsheet(path) as book:
        return book.read(sheet, progress=progress)


@dataclass(frozen=True)
class Layout:
    """Where the data is and what each column means, as guessed (and corrected)."""

    kind: ImportKind
    header_row: int
    headers: list[object]
    mapping: list[str | None]

    @property
    def missing(self) -> list[frozenset[str]]:
        return missing_targets(self.kind, self.mapping)


def guess_layout(cf: CustomerFile, sheet: Sheet, kind: ImportKind | None = None,
                 header_row: int | None = None) -> Layout:
    kind = kind or guess_kind(sheet.rows)
    if header_row is None:
        header_row = find_header_row(sheet.rows, kind)
    if header_row is None:  # nothing recognised: the first filled row is the best guess
        header_row = next((i for i, r in enumerate(sheet.rows) if not is_blank(r)), 0)
    headers = list(sheet.rows[header_row]) if sheet.rows else []
    remembered = cf.setting(REMEMBERED_COLUMNS, {}).get(kind.value, {})
    return Layout(kind, header_row, headers, guess_mapping(kind, headers, remembered))


def remember_layout(cf: CustomerFile, layout: Layout) -> None:
    """Keep the user's corrections to the guessed mapping, by header, for the next file."""
    stored = cf.setting(REMEMBERED_COLUMNS, {})
    mine = dict(stored.get(layout.kind.value, {}))
    plain = guess_mapping(layout.kind, layout.headers)
    for header, target, guess in zip(layout.headers, layout.mapping, plain):
        key = header_key(header)
        if not key:
            continue
        if target == guess:
            mine.pop(key, None)
        else:
            mine[key] = target or ""
    if mine != stored.get(layout.kind.value, {}):
        cf.set_setting(REMEMBERED_COLUMNS, {**stored, layout.kind.value: mine})


# ---------------------------------------------------------------- preview


def preview(
    cf: CustomerFile,
    sheet: Sheet,
    layout: Layout,
    today: date,
    *,
    source: str = "",
    progress: Progress | None = None,
) -> Preview:
    """Every data row below the header, checked and matched; nothing is written."""
    first = layout.header_row + 1
    data = [(i + 1, sheet.rows[i]) for i in range(first, len(sheet.rows)) if not is_blank(sheet.rows[i])]
    uncached: dict[int, set[int]] = {}
    for r, c in sheet.uncached_formulas:
        uncached.setdefault(r + 1, set()).add(c)
    result = Preview(layout.kind, source, sheet.name, layout.header_row, layout.headers, layout.mapping, [])
    if layout.missing:
        return result
    checker = {
        ImportKind.CUSTOMERS: _CustomerRows,
        ImportKind.ORDERS: _OrderRows,
        ImportKind.PAYMENTS: _PaymentRows,
    }[layout.kind](cf, layout, today)
    rows = []
    for done, (number, cells) in enumerate(data, 1):
        if is_total_row(cells):
            rows.append(PreviewRow(number, RowAction.SKIP, skip=SkipReason.TOTAL_ROW))
        else:
            values = read_row(layout.kind, cells, layout.mapping, number, uncached.get(number, ()))
            rows.append(checker.check(values))
        if progress and done % 500 == 0:
            progress(done)
    result.rows = checker.finish(rows)
    if progress:
        progress(len(data))
    return result


class _CustomerRows:
    """Matches rows to stored customers (by code, then the duplicate rules)
    and to earlier rows of the same file, which they add to."""

    def __init__(self, cf: CustomerFile, layout: Layout, today: date) -> None:
        self.cf = cf
        stored = merge_store.candidates(cf)
        self.index = DuplicateIndex(stored)
        self.kinds = {c.id: (c.kind, name_key(c.name)) for c in stored}
        self.in_file = DuplicateIndex()  # rows creating customers, by -(row number)
        self.in_file_keys: dict[int, tuple[CustomerKind, str, str | None]] = {}
        self.codes = customer_store.code_ids(cf)
        self.wanted: set[int] = set()
        # customer id (or -row of the row creating it) -> (the row that writes it, its state after the file)
        self.pending: dict[int, tuple[PreviewRow, Customer]] = {}

    def check(self, values: RowValues) -> PreviewRow:
        """First pass: the match only; the matched customers are read together after."""
        kind = row_kind(values.values)
        match = self._match(values, kind)
        if match is not None:
            self.wanted.update(match.reasons if match.id == 0 else (match.id,))  # type: ignore[arg-type]
        return PreviewRow(values.number, RowAction.ERROR, record=(values, match))

    def _match(self, values: RowValues, kind: CustomerKind) -> Match | None:
        code = values.values.get("code")
        if code and code in self.codes:
            return Match(self.codes[code], ())
        name = str(values.values.get("name") or "")
        phones = (phone_key(str(values.values.get(k) or "")) for k in ("mobile", "phone", "contact_mobile"))
        found = self.index.matches(Candidate(
            id=None, kind=kind, name=name, name_pinyin=pinyin_key(kind, name) if name else "",
            credit_code=values.values.get("credit_code"),  # type: ignore[arg-type]
            id_number=values.values.get("id_number"),  # type: ignore[arg-type]
            phones=tuple(p for p in phones if p),
        ))
        # A person's row sharing a phone with a company's contact is not that
        # company: another kind matches only under the same name.
        found = [m for m in found if self.kinds[m.id][0] is kind or self.kinds[m.id][1] == name_key(name)]
        if not found:
            return None
        best = [m.id for m in found if m.reasons[0] == found[0].reasons[0]]
        if len(best) > 1:
            return Match(0, tuple(best))  # type: ignore[arg-type]  # ambiguous: the ids in place of reasons
        return found[0]

    def finish(self, rows: list[PreviewRow]) -> list[PreviewRow]:
        stored = customer_store.customers_by_ids(self.cf, self.wanted)
        for row in rows:
            if row.action is RowAction.SKIP:
                continue
            values, match = row.record
            row.record = None
            self._decide(row, values, match, stored)
        return rows

    def _decide(self, row: PreviewRow, values: RowValues, match: Match | None,
                stored: dict[int, Customer]) -> None:
        row.label = str(values.values.get("name") or "")
        if match is not None and match.id == 0:
            codes = sorted(stored[i].code for i in match.reasons if i in stored)  # type: ignore[misc]
            values.error("name", ErrorCode.AMBIGUOUS_MATCH, {"codes": ", ".join(codes)})
            match = None
        existing = stored.get(match.id) if match is not None else None
        if existing is not None and existing.deleted_at is not None:
            existing = None  # a code in the recycle bin: a new customer, with a new code
            values.values.pop("code", None)
        customer = build_customer(values, existing.kind if existing else None)
        if customer is None:
            row.errors = values.errors
            return
        key = existing.id if existing is not None else self._earlier_row(customer)
        if key is not None and key in self.pending:
            self._add_to_earlier(row, values, customer, key, existing)
            return
        if existing is None:
            row.action, row.record = RowAction.CREATE, customer
            self.pending[-row.number] = (row, customer)
            self.in_file.add(_candidate(customer, -row.number))
            self.in_file_keys[-row.number] = (customer.kind, name_key(customer.name), customer.code)
            return
        row.customer_id, row.label = existing.id, existing.name
        changes = update_of(existing, customer)
        self.pending[existing.id] = (row, existing.with_changes(**changes))
        if not changes:
            row.action, row.skip = RowAction.SKIP, SkipReason.UNCHANGED
            return
        row.action, row.record, row.changes = RowAction.UPDATE, Update(existing, changes), tuple(changes)

    def _earlier_row(self, customer: Customer) -> int | None:
        """An earlier row of the file creating this customer: matched by the same
        rules as a stored one, and never when the two rows give different codes."""
        name = name_key(customer.name)
        for m in self.in_file.matches(_candidate(customer, None)):
            kind, earlier_name, code = self.in_file_keys[m.id]
            if (kind is customer.kind or earlier_name == name) and not (
                    code and customer.code and code != customer.code):
                return m.id
        return None

    def _add_to_earlier(self, row: PreviewRow, values: RowValues, customer: Customer, key: int,
                        existing: Customer | None) -> None:
        """A later row about a customer an earlier row creates or updates (a
        second contact person on its own line, say): the same values are
        skipped, new ones added to the earlier row's write, different ones refused."""
        owner, state = self.pending[key]
        row.same_as, row.customer_id = owner.number, owner.customer_id
        changes = update_of(state, customer)
        clashes = [n for n in changes if n not in ("tags", "contacts") and getattr(state, n) is not None]
        if clashes:
            for name in clashes:
                values.error(name, ErrorCode.DUPLICATE_IN_FILE, {"row": owner.number})
            row.errors = values.errors
            return
        if not changes:
            row.action, row.skip = RowAction.SKIP, SkipReason.SAME_AS_ROW
            return
        state = state.with_changes(**changes)
        row.action, row.changes = RowAction.UPDATE, tuple(changes)
        if owner.action is RowAction.CREATE:
            owner.record = state
        elif existing is not None and owner.action is RowAction.UPDATE:
            owner.record = Update(existing, update_of(existing, state))
        elif existing is not None:  # the earlier row changed nothing: this one writes
            row.same_as, row.record, owner = None, Update(existing, update_of(existing, state)), row
        self.pending[key] = (owner, state)


def _candidate(customer: Customer, candidate_id: int | None) -> Candidate:
    phones = [customer.mobile, customer.phone, *(p for c in customer.contacts for p in (c.mobile, c.phone))]
    return Candidate(
        id=candidate_id, kind=customer.kind, name=customer.name,
        name_pinyin=pinyin_key(customer.kind, customer.name),
        credit_code=customer.credit_code, id_number=customer.id_number,
        phones=tuple(p for p in phones if p),
    )


class _LedgerRows:
    """Orders or payments: each finds its customer by code, else by name."""

    build: Callable
    key: Callable
    date_field: str

    def __init__(self, cf: CustomerFile, layout: Layout, today: date) -> None:
        self.cf, self.today = cf, today
        self.codes = customer_store.code_ids(cf)
        self.names: dict[str, list[int]] = {}
        for customer_id, name in customer_store.live_names(cf):
            self.names.setdefault(name_key(name), []).append(customer_id)
        self.product_default = _header_of(layout, "amount")
        self.seen: Counter = Counter()
        self.first_row: dict[tuple, int] = {}

    def check(self, values: RowValues) -> PreviewRow:
        row = PreviewRow(values.number, RowAction.ERROR)
        customer_id = self._customer(values)
        row.label = str(values.values.get("customer_name") or values.values.get("customer_code") or "")
        if customer_id is None:
            row.errors = values.errors
            return row
        record = self.build(values, customer_id)
        if record is None:
            row.errors = values.errors
            return row
        for problem in self.validate(record):
            values.error(_ORDER_FIELD_TARGETS.get(problem.field, problem.field), problem.code, problem.params)
        if values.errors:
            row.errors = values.errors
            return row
        row.customer_id, row.record, row.action = customer_id, record, RowAction.CREATE
        return row

    def _customer(self, values: RowValues) -> int | None:
        code = values.values.get("customer_code")
        if code:
            if code in self.codes:
                return self.codes[code]
            values.error("customer_code", ErrorCode.CUSTOMER_NOT_FOUND)
            return None
        name = values.values.get("customer_name")
        if not name:
            values.error("customer_name", ErrorCode.REQUIRED)
            return None
        ids = self.names.get(name_key(str(name)), [])
        if len(ids) > 1:
            codes = sorted(c for c, i in self.codes.items() if i in ids)
            values.error("customer_name", ErrorCode.AMBIGUOUS_MATCH, {"codes": ", ".join(codes)})
            return None
        if not ids:
            values.error("customer_name", ErrorCode.CUSTOMER_NOT_FOUND)
            return None
        return ids[0]

    def finish(self, rows: list[PreviewRow]) -> list[PreviewRow]:
        """Rows already in the file are skipped: the n-th repeat of a key in
        the sheet is new only if the file has fewer than n of it."""
        creates = [r for r in rows if r.action is RowAction.CREATE]
        stored = self.existing_keys({r.customer_id for r in creates})
        for row in creates:
            key = self.key(row.record)
            self.seen[key] += 1
            self.first_row.setdefault(key, row.number)
            if self.seen[key] <= stored[key]:
                row.action, row.skip, row.record = RowAction.SKIP, SkipReason.ALREADY_IMPORTED, None
        return rows


class _OrderRows(_LedgerRows):
    def build(self, values: RowValues, customer_id: int):  # type: ignore[override]
        order = build_order(values, customer_id)
        if order is not None and not order.product:
            order = replace(order, product=_route(order) or self.product_default)
        return order

    key = staticmethod(order_key)

    def validate(self, order) -> list:
        return validate_order(order, self.today)

    def existing_keys(self, customer_ids) -> Counter:
        return import_store.existing_order_keys(self.cf, customer_ids)


class _PaymentRows(_LedgerRows):
    build = staticmethod(build_payment)
    key = staticmethod(payment_key)

    def validate(self, payment) -> list:
        # A ledger's history may hold payments ahead of their orders (prepaid):
        # only the amount and the date are checked here.
        return validate_payment(payment, 0, self.today, allow_prepayment=True)

    def existing_keys(self, customer_ids) -> Counter:
        return import_store.existing_payment_keys(self.cf, customer_ids)


_ORDER_FIELD_TARGETS = {"weight_g": "weight"}


def _route(order) -> str:
    return f"{order.origin}—{order.destination}" if order.origin and order.destination else ""


def _header_of(layout: Layout, target: str) -> str:
    for header, key in zip(layout.headers, layout.mapping):
        if key == target:
            return str(header).strip()
    return ""


# ---------------------------------------------------------------- commit and revert


def commit(cf: CustomerFile, result: Preview, progress: Progress | None = None) -> ImportReport:
    """Write every valid row in one transaction; ``progress(rows done)`` may
    raise to cancel, and then the file is left as it was."""
    writes = [r.record for r in result.rows if r.record is not None]
    batch = ImportBatch(
        label=result.source,
        creates=[w for w in writes if isinstance(w, Customer)],
        updates=[w for w in writes if isinstance(w, Update)],
        orders=[w for w in writes if isinstance(w, Order)],
        payments=[w for w in writes if isinstance(w, Payment)],
        summary=_summary(result),
    )
    operation_id = import_store.apply_import(cf, batch, progress) if writes else None
    return report(result, operation_id)


def _summary(result: Preview) -> dict[str, Any]:
    counts = Counter(r.action.value for r in result.rows)
    return {"kind": result.kind.value, "sheet": result.sheet, "rows": len(result.rows), **counts}


def report(result: Preview, operation_id: int | None = None) -> ImportReport:
    errors = []
    for row in result.rows:
        for problem in row.errors:
            header = result.headers[problem.column] if problem.column is not None else ""
            errors.append(ReportError(row.number, "" if header is None else str(header), problem.field,
                                      problem.code, dict(problem.params)))
    return ImportReport(
        rows=len(result.rows),
        created=result.count(RowAction.CREATE),
        updated=result.count(RowAction.UPDATE),
        skipped=result.count(RowAction.SKIP),
        errors=tuple(errors),
        operation_id=operation_id,
    )


def revert(cf: CustomerFile, operation_id: int) -> Reverted:
    return import_store.revert_import(cf, operation_id)


def history(cf: CustomerFile) -> list[Operation]:
    return operations(cf, OperationKind.IMPORT)


def import_file(
    cf: CustomerFile,
    path: str | os.PathLike,
    today: date,
    *,
    kind: ImportKind | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Everything at once, as the command line does it: the guessed (or
    remembered) mapping, every valid row."""
    data = read_sheet(path, sheet)
    layout = guess_layout(cf, data, kind)
    result = preview(cf, data, layout, today, source=Path(path).name)
    if layout.missing:
        raise MissingColumns(layout)
    if dry_run:
        return report(result)
    return commit(cf, result, progress)


class MissingColumns(Exception):
    def __init__(self, layout: Layout) -> None:
        super().__init__(", ".join("/".join(sorted(m)) for m in layout.missing))
        self.layout = layout

