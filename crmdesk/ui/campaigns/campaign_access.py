"""CampaignAccess: what the campaign widgets may do, bound to the open file and today.

The widgets get this object instead of a file or a service module (as the
customer tabs get a LedgerAccess), so they hold no SQL and are tested with a
real temporary file.  Refusals come back as field errors; a file that
refuses the write (read-only, busy, disk full) raises WriteError.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from crmdesk.domain.campaigns import Campaign, CampaignResult, TargetFilter
from crmdesk.domain.validation import FieldError
from crmdesk.services import campaigns as service
from crmdesk.services.campaigns import CampaignInvalid
from crmdesk.storage import campaigns as campaign_store
from crmdesk.storage import customers as customer_store
from crmdesk.storage.campaigns import TargetRow
from crmdesk.ui.file_access import FileAccess


class CampaignAccess(FileAccess):
    # -- reading

    def results(self) -> list[CampaignResult]:
        """Every campaign, the latest start first, with the numbers behind its ROI as of today."""
        return service.campaign_results(self._cf, self.today)

    def result(self, campaign_id: int) -> CampaignResult | None:
        return service.campaign_result(self._cf, campaign_id, self.today)

    def targets(self, campaign_id: int) -> list[TargetRow]:
        """The campaign's chosen customers with what each brought; reached ones first."""
        return service.campaign_targets(self._cf, campaign_id, self.today)

    def matching_count(self, target_filter: TargetFilter) -> int:
        return service.matching_count(self._cf, target_filter)

    def tags(self) -> list[str]:
        return customer_store.tags(self._cf)

    def products(self) -> list[str]:
        return campaign_store.products(self._cf)

    def regions(self) -> list[str]:
        return campaign_store.regions(self._cf)

    # -- writing

    def create(self, campaign: Campaign, target_filter: TargetFilter) -> Campaign | list[FieldError]:
        """A new campaign whose targets the filter chooses now, as stored; or what is wrong (nothing stored)."""
        try:
            return service.create_from_filter(self._cf, campaign, target_filter)
        except CampaignInvalid as e:
            return list(e.errors)

    def update(self, campaign: Campaign, *, retarget: bool = False) -> Campaign | list[FieldError]:
        """The edited campaign as stored (``retarget``: its targets chosen again by its filter, the reached
        ones kept); or what is wrong (nothing stored)."""
        try:
            return service.update_campaign(self._cf, campaign, retarget=retarget)
        except CampaignInvalid as e:
            return list(e.errors)

    def delete(self, campaign: Campaign) -> None:
        service.delete_campaign(self._cf, campaign)

    def mark_reached(self, campaign: Campaign, customer_ids: Iterable[int], day: date | None) -> list[FieldError]:
        """Mark these chosen customers reached on ``day`` (None: not reached); the errors, if any
        (nothing stored then)."""
        try:
            service.mark_all_reached(self._cf, campaign, list(customer_ids), day, self.today)
        except CampaignInvalid as e:
            return list(e.errors)
        return []
