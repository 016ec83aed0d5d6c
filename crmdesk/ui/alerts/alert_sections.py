"""The alert panel's grouping, without Qt: tab -> section (kind and severity) -> alerts by customer code.

Pure Python so that the first grouping of a big file (150,000 alerts) runs on
the worker with the analysis, and the GUI thread only swaps lists in.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from crmdesk.domain.alerts import AlertGroup, AlertKind, Severity
from crmdesk.services.alerts import CustomerAlert

_KIND_ORDER = {kind: i for i, kind in enumerate(AlertKind)}


@dataclass
class Section:
    kind: AlertKind
    severity: Severity
    rows: list[CustomerAlert] = field(default_factory=list)  # by customer code

    @property
    def key(self) -> tuple[AlertKind, Severity]:
        return (self.kind, self.severity)

    def insert(self, row: CustomerAlert) -> None:
        insort(self.rows, row, key=_by_code)


_by_code = attrgetter("code")


def shown(row: CustomerAlert, today: date, owner: str | None, show_hidden: bool) -> bool:
    """The owner filter ("" = customers without an owner, None = everyone) and hidden alerts."""
    return (owner is None or (row.owner or "") == owner) and (
        show_hidden or row.state is None or not row.state.hides(today))


def section_order(section: Section) -> tuple[int, int]:
    """Most severe first, then in the order of the kinds."""
    return (-section.severity, _KIND_ORDER[section.kind])


@dataclass
class Grouped:
    """What the panel shows for one filter, and what the filter leaves out."""

    tabs: dict[AlertGroup, list[Section]]
    hidden: int  # dismissed or snoozed, of the owner's alerts
    owners: list[str]  # every owner with an alert, for the filter
    owner: str | None  # the filter it was made for
    show_hidden: bool


def group_alerts(rows: list[CustomerAlert], today: date, owner: str | None = None,
                 show_hidden: bool = False) -> Grouped:
    """Sections most severe first, then in the order of the kinds; rows by customer code."""
    sections: dict[tuple[AlertKind, Severity], Section] = {}
    hidden = 0
    owners = set()
    for row in rows:
        owners.add(row.owner)
        if owner is not None and (row.owner or "") != owner:
            continue
        if row.state is not None and row.state.hides(today):
            hidden += 1
            if not show_hidden:
                continue
        a = row.alert
        section = sections.get((a.kind, a.severity))
        if section is None:
            section = sections[(a.kind, a.severity)] = Section(a.kind, a.severity)
        section.rows.append(row)
    tabs: dict[AlertGroup, list[Section]] = {g: [] for g in AlertGroup}
    for section in sorted(sections.values(), key=section_order):
        section.rows.sort(key=_by_code)  # linear: the service sorted them so already
        tabs[section.rows[0].alert.group].append(section)
    owners.discard(None)
    owners.discard("")
    return Grouped(tabs, hidden, sorted(owners), owner, show_hidden)
