"""Customer use-cases: search, save with validation, delete and restore."""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

from crmdesk.domain.customer import Customer
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.customers import CustomerQuery, ListRow

if TYPE_CHECKING:
    from crmdesk.domain.validation import FieldError


@dataclass(frozen=True)
class SaveResult:
    """Either the stored customer or the reasons nothing was saved."""

    customer: Customer | None
    errors: tuple[FieldError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def save_customer(cf: CustomerFile, customer: Customer) -> SaveResult:
    """Normalise, validate, then insert (no id) or update; invalid input writes nothing."""
    # Imported here: phonenumbers and stdnum cost ~50 ms that read-only starts skip.
    from crmdesk.domain.validation import ErrorCode, FieldError, normalize_customer, validate_customer

    customer = normalize_customer(customer)
    errors = validate_customer(customer)
    if errors:
        return SaveResult(None, tuple(errors))
    try:
        if customer.id is None:
            saved = store.insert_customer(cf, customer)
        else:
            saved = store.update_customer(cf, customer)
    except store.DuplicateCodeError as e:
        return SaveResult(None, (FieldError("code", ErrorCode.DUPLICATE_CODE, {"code": e.code}),))
    return SaveResult(saved)


def find_customers(cf: CustomerFile, query: CustomerQuery = CustomerQuery()) -> list[ListRow]:
    """The rows that match, in order (the CLI's list; the window pages through ids)."""
    return store.matching_rows(cf, query)


PICKER_ROWS = 20  # customers a picker offers for one search


def picker_matches(cf: CustomerFile, text: str, *, exclude: int | None = None,
                   limit: int = PICKER_ROWS) -> list[ListRow]:
    """The first customers a search finds (name, code, phone, pinyin or its initials), for the pickers
    (a referrer, an opportunity's customer); ``exclude``: the customer the pick is for."""
    if not text.strip():
        return []
    ids = [i for i in store.customer_ids(cf, CustomerQuery(text=text)) if i != exclude][:limit]
    rows = store.list_rows(cf, ids)
    return [rows[i] for i in ids if i in rows]


def get_customer(cf: CustomerFile, customer_id: int) -> Customer | None:
    return store.get_customer(cf, customer_id)


def delete_customer(cf: CustomerFile, customer_id: int) -> None:
    store.soft_delete_customer(cf, customer_id)


def restore_customer(cf: CustomerFile, customer_id: int) -> None:
    store.restore_customer(cf, customer_id)
