"""DuplicatesAccess: what the duplicate and merge dialogs may do, bound to the open file.

The dialogs get this object instead of a file or a service module, as the
customer tabs get a LedgerAccess, so they hold no SQL and are tested with a
real temporary file.
"""

from __future__ import annotations

from collections.abc import Mapping

from crmdesk.domain.customer import Customer
from crmdesk.domain.duplicates import Side
from crmdesk.services import customers as customer_service
from crmdesk.services import duplicates as service
from crmdesk.services.duplicates import PairRow, UndoOutcome
from crmdesk.storage.customer_file import CustomerFile


class DuplicatesAccess:
    def __init__(self, cf: CustomerFile) -> None:
        self._cf = cf

    @property
    def read_only(self) -> bool:
        return self._cf.read_only

    def scan(self) -> list[PairRow]:
        """Every likely pair of the file, strongest reason first."""
        return service.scan(self._cf)

    def customer(self, customer_id: int) -> Customer | None:
        return customer_service.get_customer(self._cf, customer_id)

    def what_moves(self, other_id: int, survivor_id: int) -> dict[str, int]:
        """Rows per table that merging ``other_id`` into ``survivor_id`` moves (as the user sees them)."""
        return service.what_moves(self._cf, other_id, survivor_id)

    def merge(self, survivor: Customer, other: Customer, choices: Mapping[str, Side]) -> int:
        """Merge as chosen on these two records; WriteError CONFLICT if either changed since they were read."""
        assert survivor.id is not None and other.id is not None
        return service.merge(self._cf, survivor.id, other.id, choices,
                             versions=(survivor.row_version, other.row_version))

    def undo_merge(self, operation_id: int) -> UndoOutcome:
        return service.undo_merge(self._cf, operation_id)
