"""SuggestionsAccess: what the cross-selling widgets may do, bound to the open file and today.

The widgets get this object instead of a file or a service module (as the
customer tabs get a LedgerAccess), so they hold no SQL and are tested with a
real temporary file.

The customers' profiles are read once (about a second on 100,000 customers
and 1,000,000 orders) and kept while the file's change log stands still; a
change anywhere (an order added, a customer edited) makes the next question
read them again.  The window can hand in profiles already read on its worker
(``cross_sell=``), so opening the dialog does not stall the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from crmdesk.domain.campaigns import Campaign
from crmdesk.domain.cross_sell import CrossSell, ProductSuggestion, ProductSuggestions
from crmdesk.domain.followups import ContactMethod
from crmdesk.domain.validation import FieldError
from crmdesk.services import campaigns as campaign_service
from crmdesk.services import suggestions as service
from crmdesk.services.suggestions import PlannedFollowUps
from crmdesk.storage.customer_file import CustomerFile


class SuggestionsAccess:
    def __init__(self, cf: CustomerFile, today: date, *, cross_sell: CrossSell | None = None) -> None:
        """``cross_sell``: the file's profiles just read (services.suggestions.load_cross_sell), if at hand."""
        self._cf = cf
        self.today = today
        self._cross_sell = cross_sell
        self._change = cf.last_change_id() if cross_sell is not None else None

    @property
    def read_only(self) -> bool:
        return self._cf.read_only

    @property
    def folder(self) -> Path:
        """Where the file is: exports are offered beside it."""
        return self._cf.path.parent

    # -- reading

    def cross_sell(self) -> CrossSell:
        """The profiles, read again when the file changed since they were read."""
        change = self._cf.last_change_id()
        if self._cross_sell is None or change != self._change:
            self._cross_sell = service.load_cross_sell(self._cf)
            self._change = change
        return self._cross_sell

    def products(self) -> list[tuple[str, int]]:
        """(product, buyers), most buyers first."""
        return self.cross_sell().products()

    def customers_for(self, product: str, limit: int | None = None) -> ProductSuggestions:
        return self.cross_sell().customers_for(product, limit)

    def products_for(self, customer_id: int, limit: int | None = None) -> tuple[ProductSuggestion, ...]:
        return self.cross_sell().products_for(customer_id, limit)

    # -- acting on a list

    def export(self, path: str | Path, found: ProductSuggestions, *, chinese: bool) -> int:
        """The ranked list to .xlsx or .csv; ExportError or OSError when it cannot be written (nothing is)."""
        return service.export_suggestions(path, found, chinese=chinese)

    def plan_follow_ups(self, customer_ids: Sequence[int], purpose: str, due_date: date, *,
                        method: ContactMethod = ContactMethod.PHONE,
                        due_time: str | None = None) -> PlannedFollowUps | list[FieldError]:
        """A follow-up per customer (one transaction), or the errors; WriteError when the file refuses."""
        return service.plan_follow_ups(self._cf, customer_ids, purpose, due_date, method=method, due_time=due_time)

    def make_campaign(self, campaign: Campaign, customer_ids: Sequence[int]) -> Campaign:
        """A new campaign targeting these customers; CampaignInvalid (its ``errors``) or WriteError."""
        return campaign_service.create_campaign(self._cf, campaign, customer_ids)
