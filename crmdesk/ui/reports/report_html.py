"""The pieces both printed reports are made of: the header, section headings, tables and figures.

HTML for QTextDocument (crmdesk.ui.printing): tables with a shaded heading
row that repeats on every page, numbers right-aligned and never wrapped,
each section kept on one page when it fits.  Every cell is escaped here, so
the callers pass plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from crmdesk.domain.money import format_money
from crmdesk.ui.printing import e, keep_anchor

BORDER = "border-collapse:collapse; border-color:#808080; border-style:solid"
HEAD_BG = "#e0e0e0"
TOTAL_BG = "#f0f0f0"
MUTED = "#606060"
WARN = "#b00020"


class Column(NamedTuple):
    title: str
    width: str  # "12%"
    numeric: bool = False  # right-aligned, not wrapped


class Cell(NamedTuple):
    """A cell with a look: bold, and a colour for the text."""

    text: str
    bold: bool = False
    color: str | None = None


def money(fen: int) -> str:
    return format_money(fen)


def count(n: int) -> str:
    return f"{n:,}"


def _tenths(part: int, whole: int) -> Decimal:
    """100 × part / whole to one decimal, rounded half up (exact: no float decides a figure)."""
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> str:
    """``part`` as a share of ``whole`` (12.3%), or "—" when the whole is nothing."""
    return f"{_tenths(part, whole)}%" if whole else "—"


def change(now: int, before: int) -> str:
    """The change against ``before`` in percent (+12.3%, −4.0%), or "—" when there was nothing before."""
    if not before:
        return "—"
    value = _tenths(now - before, before)
    return f"+{value}%" if value >= 0 else f"−{-value}%"


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


def period_text(first: date, last: date) -> str:
    return QCoreApplication.translate("ReportHtml", "{first} to {last}").format(
        first=first.isoformat(), last=last.isoformat())


def header(title: str, rows: Sequence[tuple[str, str, str, str]]) -> str:
    """The title and the facts under it, two to a line: (label, value, label, value), plain text."""
    def text(value: str) -> str:
        # An empty last cell lets Qt lay what follows the table out beside it: never empty.
        return e(value) or "&nbsp;"

    lines = "".join(
        f"<tr><td width='13%' style='white-space:nowrap'><b>{text(a)}</b></td><td width='40%'>{text(b)}</td>"
        f"<td width='13%' style='white-space:nowrap'><b>{text(c)}</b></td><td width='34%'>{text(d)}</td></tr>"
        for a, b, c, d in rows
    )
    return (f"<p align='center' style='font-size:16pt; font-weight:bold; margin-bottom:6px'>{e(title)}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='2' style='margin-bottom:4px'>{lines}</table>"
            "<hr/>")


def heading(key: str, title: str) -> str:
    """A section's heading; the section (up to the next heading) is kept on one page when it fits."""
    return (f"<p style='font-size:12pt; font-weight:bold; margin-top:12px; margin-bottom:4px'>"
            f"<a name='{keep_anchor(key)}'>{e(title)}</a></p>")


def note(text: str, *, muted: bool = True) -> str:
    color = f" color:{MUTED};" if muted else ""
    return f"<p style='margin-top:3px; margin-bottom:3px;{color}'>{e(text)}</p>"


def _cell(value: str | Cell, column: Column, shade: str | None) -> str:
    cell = value if isinstance(value, Cell) else Cell(value)
    text = e(cell.text) or "&nbsp;"  # see header(): never an empty cell
    if cell.bold:
        text = f"<b>{text}</b>"
    if cell.color:
        text = f"<span style='color:{cell.color}'>{text}</span>"
    align = " align='right' style='white-space:nowrap'" if column.numeric else ""
    bg = f" bgcolor='{shade}'" if shade else ""
    return f"<td{align}{bg}>{text}</td>"


def table(columns: Sequence[Column], rows: Sequence[Sequence[str | Cell]],
          totals: Sequence[Sequence[str | Cell]] = ()) -> str:
    """A bordered table: a heading row (repeated on each page), the rows, then shaded total rows in bold."""
    head = "".join(
        f"<th width='{c.width}' align='{'right' if c.numeric else 'left'}' bgcolor='{HEAD_BG}'>{e(c.title)}</th>"
        for c in columns
    )
    body = ["<tr>" + "".join(_cell(v, c, None) for v, c in zip(row, columns)) + "</tr>" for row in rows]
    for row in totals:
        body.append("<tr>" + "".join(
            _cell(v if isinstance(v, Cell) else Cell(v, bold=True), c, TOTAL_BG) for v, c in zip(row, columns)
        ) + "</tr>")
    return (f"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='{BORDER}'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def figures(pairs: Sequence[tuple[str, str]], *, columns: int = 2) -> str:
    """Key figures as label: value, ``columns`` pairs to a line, in a light box."""
    label_width, value_width = 60 // columns, 40 // columns
    cells = [f"<td width='{label_width}%' bgcolor='{TOTAL_BG}'>{e(label)}</td>"
             f"<td width='{value_width}%' align='right' style='white-space:nowrap'><b>{e(value)}</b></td>"
             for label, value in pairs]
    cells += ["<td>&nbsp;</td><td>&nbsp;</td>"] * (-len(cells) % columns)
    lines = "".join("<tr>" + "".join(cells[i:i + columns]) + "</tr>" for i in range(0, len(cells), columns))
    return f"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='{BORDER}'>{lines}</table>"


def document(body: Sequence[str]) -> str:
    return "<html><body>" + "\n".join(body) + "</body></html>"
