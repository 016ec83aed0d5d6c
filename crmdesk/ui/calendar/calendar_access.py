"""CalendarAccess: what the follow-up calendar may read and do, bound to the open file and today.

The calendar widget gets this object instead of a file or a service module,
so it stays free of SQL.  It is a ``LedgerAccess`` too: the follow-up dialog
the calendar opens for *Move…* takes one.
"""

from __future__ import annotations

from datetime import date

from crmdesk.domain.followups import FollowUp
from crmdesk.services import calendar
from crmdesk.services import followups as follow_up_service
from crmdesk.services.calendar import AgendaDay, CalendarItem, MonthView
from crmdesk.ui.ledger_access import LedgerAccess


class CalendarAccess(LedgerAccess):
    def month(self, year: int, month: int) -> MonthView:
        """The 6-week grid of the month with each day's counts."""
        return calendar.month(self._cf, year, month, self.today)

    def day_items(self, day: date) -> list[CalendarItem]:
        """The day's birthdays and anniversaries, then its planned follow-ups."""
        return calendar.day_items(self._cf, day, self.today)

    def agenda(self, first: date, days: int = calendar.AGENDA_DAYS) -> list[AgendaDay]:
        return calendar.agenda(self._cf, first, days, self.today)

    def move(self, follow_up: FollowUp, day: date) -> FollowUp:
        """Move a planned follow-up to another day, keeping its time (the change log keeps the old date).

        Raises WriteError when the file refuses (read-only, busy, changed meanwhile).
        """
        return follow_up_service.reschedule(self._cf, follow_up, day)
