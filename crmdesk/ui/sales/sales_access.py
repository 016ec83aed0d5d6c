"""SalesAccess: what the sales widgets (referrals, win-back, targets) may do, bound to the open file and today.

Like LedgerAccess, the widgets get this object instead of a file or service
modules, so they stay free of storage and are tested on a real temporary file.
"""

from __future__ import annotations

from datetime import date

from crmdesk.domain.customer import Customer
from crmdesk.domain.orders import Period
from crmdesk.domain.targets import SalesTarget, TargetProgress
from crmdesk.domain.validation import FieldError
from crmdesk.domain.win_back import PLAN, WinBackEpisode, WinBackRate, WinBackReason, WinBackStep
from crmdesk.services import customers as customer_service
from crmdesk.services import referrals as referral_service
from crmdesk.services import targets as target_service
from crmdesk.services import win_back as win_back_service
from crmdesk.services.referrals import Referrals
from crmdesk.services.win_back import WinBackStarted
from crmdesk.storage.customers import ListRow
from crmdesk.ui.file_access import FileAccess


class SalesAccess(FileAccess):
    def customer(self, customer_id: int) -> Customer | None:
        return customer_service.get_customer(self._cf, customer_id)

    # -- referrals

    def referrals(self, customer_id: int) -> Referrals:
        return referral_service.referrals_of(self._cf, customer_id)

    def candidates(self, text: str, exclude: int | None = None) -> list[ListRow]:
        return customer_service.picker_matches(self._cf, text, exclude=exclude)

    def set_referrer(self, referred_id: int, referrer_id: int, referred_on: date | None = None) -> None:
        """Raises ReferralRefused (self, loop, gone) or WriteError."""
        referral_service.set_referrer(self._cf, referred_id, referrer_id, referred_on)

    def clear_referrer(self, referred_id: int) -> bool:
        return referral_service.clear_referrer(self._cf, referred_id)

    # -- win-back

    def win_back_steps(self) -> tuple[WinBackStep, ...]:
        return PLAN

    def start_win_back(self, customer_id: int, reason: WinBackReason) -> WinBackStarted:
        """Raises WriteError when the file refuses (read-only, busy, the customer gone)."""
        return win_back_service.start_win_back(self._cf, customer_id, self.today, reason)

    def win_back_episodes(self, customer_id: int) -> list[WinBackEpisode]:
        """Newest first."""
        return win_back_service.episodes_of(self._cf, customer_id)

    def win_back_rate(self, first: date | None = None, last: date | None = None,
                      owner: str | None = None) -> WinBackRate:
        return win_back_service.rate(self._cf, first, last, owner)

    # -- targets

    def owners(self) -> list[str]:
        return target_service.owners(self._cf)

    def targets(self) -> list[SalesTarget]:
        return target_service.targets(self._cf)

    def save_target(self, target: SalesTarget) -> SalesTarget | list[FieldError]:
        return target_service.save_target(self._cf, target)

    def apply_targets(self, changes: list[tuple[str, Period, int | None]]) -> dict[tuple[str, Period], list[FieldError]]:
        """Set (an amount) or remove (None) targets as one action; the errors by (owner, period), nothing
        stored if any.  Raises WriteError when the file refuses."""
        return target_service.apply_targets(self._cf, changes)

    def delete_target(self, owner: str, period: Period) -> None:
        target_service.delete_target(self._cf, owner, period)

    def target_progress(self, period: Period, owner: str | None = None) -> list[TargetProgress]:
        return target_service.progress(self._cf, period, self.today, owner)
