"""Exports to .xlsx, .csv and vCard, written so that no cell becomes a formula.

Every writer goes through atomic.replaced_on_success: the target is either the
complete new file or left as it was.  Text is always written as text
(reliability.md Facts item 7, test #8): xlsx text cells are string cells, CSV
text that a spreadsheet would run as a formula gets a leading apostrophe.
Money arrives as int fen and leaves through Decimal, never float.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from crmdesk.domain.dates import format_iso
from crmdesk.domain.import_rows import FORMULA_START
from crmdesk.domain.money import fen_to_decimal
from crmdesk.formats.atomic import replaced_on_success
from crmdesk.formats.spreadsheetml import (
    Package,
    Style,
    blank_cell,
    column_letters,
    column_range,
    date_serial,
    number_cell,
    quote_sheet_name,
    text_cell,
)

PROGRESS_EVERY = 1000  # rows between progress calls
EXCEL_MAX_ROWS = 1_048_576  # the header included
EXCEL_MAX_TEXT = 32_767  # UTF-16 units in one cell
_LIST_MAX = 255  # an inline dropdown list, joined with commas


class ColumnType(StrEnum):
    TEXT = "text"  # str
    INTEGER = "integer"  # int
    MONEY = "money"  # int fen, written in yuan
    DATE = "date"  # datetime.date


@dataclass(frozen=True)
class Column:
    header: str
    type: ColumnType = ColumnType.TEXT
    width: int = 14
    choices: tuple[str, ...] = ()  # a dropdown (the import template)


@dataclass(frozen=True)
class Table:
    name: str  # the sheet's name; made valid for Excel if it is not
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[object]]  # one value per column; None is an empty cell


class WriteProblem(StrEnum):
    TOO_MANY_ROWS = "too_many_rows"  # params: sheet, limit (data rows one sheet holds)


class WriteError(Exception):
    """The export cannot be written as asked; nothing was written."""

    def __init__(self, problem: WriteProblem, path: Path, **params: Any) -> None:
        super().__init__(f"{problem.value}: {path} {params or ''}".rstrip())
        self.problem = problem
        self.path = path
        self.params = params


# --- values -----------------------------------------------------------------
# Each column type's values are checked once here, for every format: a float
# amount or a datetime for a date is a caller's bug and fails the export.

def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"text column got {type(value).__name__}")
    return value


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"integer column got {type(value).__name__}")
    return value


def _date(value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"date column got {type(value).__name__}")
    return value


def _count(done: int, progress: Callable[[int], None] | None) -> int:
    done += 1
    if progress is not None and done % PROGRESS_EVERY == 0:
        progress(done)
    return done


# --- xlsx -------------------------------------------------------------------

_STYLES = {
    ColumnType.TEXT: Style.TEXT,
    ColumnType.INTEGER: Style.INTEGER,
    ColumnType.MONEY: Style.MONEY,
    ColumnType.DATE: Style.DATE,
}


def write_xlsx(path: str | os.PathLike, tables: Sequence[Table], *,
               progress: Callable[[int], None] | None = None, blank_rows: int = 0) -> int:
    """Each table on its own sheet; returns the data rows written.

    ``blank_rows`` empty rows below the data get the columns' formats and
    dropdowns, for an import template.  ``progress(rows_written)`` is called
    every 1000 rows; an exception from it (or from a table's rows) leaves no file.
    """
    if not tables:
        raise ValueError("no tables to write")
    *names, lists_name = _sheet_names([t.name for t in tables] + ["lists"])
    with replaced_on_success(path) as tmp, Package(tmp) as package:
        sheets = _Sheets(package, Path(path), lists_name, blank_rows, progress)
        for table, name in zip(tables, names):
            sheets.write(name, table)
        sheets.write_lists()
    return sheets.done


def _xlsx_text(ref: str, style: Style, value: object) -> str:
    text = _excel_text(_text(value))
    return text_cell(ref, style, text) if text else ""


def _xlsx_integer(ref: str, style: Style, value: object) -> str:
    return number_cell(ref, style, str(_integer(value)))


def _xlsx_money(ref: str, style: Style, value: object) -> str:
    return number_cell(ref, style, format(fen_to_decimal(value), "f"))  # exact: no float on the way


def _xlsx_date(ref: str, style: Style, value: object) -> str:
    return number_cell(ref, style, str(date_serial(_date(value))))


_XLSX_CELLS: dict[ColumnType, Callable[[str, Style, object], str]] = {
    ColumnType.TEXT: _xlsx_text,
    ColumnType.INTEGER: _xlsx_integer,
    ColumnType.MONEY: _xlsx_money,
    ColumnType.DATE: _xlsx_date,
}


class _Sheets:
    """Writes the tables of one workbook and collects their long dropdown lists."""

    def __init__(self, package: Package, path: Path, lists_name: str,
                 blank_rows: int, progress: Callable[[int], None] | None) -> None:
        self.package = package
        self.path = path
        self.blank_rows = blank_rows
        self.progress = progress
        self.done = 0
        self.lists_name = lists_name
        self.lists: dict[tuple[str, ...], int] = {}  # choices -> column on the hidden sheet

    def write(self, name: str, table: Table) -> None:
        columns = table.columns
        styles = [_STYLES[col.type] for col in columns]
        letters = [column_letters(c) for c in range(len(columns))]
        with self.package.sheet(name, [(col.width, style) for col, style in zip(columns, styles)],
                                frozen_header=True) as sheet:
            sheet.row(1, "".join(_xlsx_text(f"{letter}1", Style.HEADER, col.header)
                                 for letter, col in zip(letters, columns)))
            cells = [(_XLSX_CELLS[col.type], letter, style) for col, letter, style in zip(columns, letters, styles)]
            last = 1  # the sheet's row number
            for values in table.rows:
                last += 1
                if last > EXCEL_MAX_ROWS:
                    raise WriteError(WriteProblem.TOO_MANY_ROWS, self.path, sheet=name, limit=EXCEL_MAX_ROWS - 1)
                number = str(last)
                sheet.row(last, "".join([cell(letter + number, style, value)
                                         for (cell, letter, style), value in zip(cells, values, strict=True)
                                         if value is not None]))
                self.done = _count(self.done, self.progress)

            # Cells that exist, with the column's format, rather than only the column's
            # default: not every program applies a column's format to what is typed.
            end = min(last + self.blank_rows, EXCEL_MAX_ROWS)
            for r in range(last + 1, end + 1):
                sheet.row(r, "".join(blank_cell(f"{letter}{r}", style) for letter, style in zip(letters, styles)))
            if end > 1:
                for c, col in enumerate(columns):
                    if col.choices:
                        sheet.list_validation(column_range(c, 1, end - 1), self._source(col.choices))

    def _source(self, choices: tuple[str, ...]) -> str:
        # An inline list is one quoted string of comma-separated items: an item
        # holding a comma or a quote would break it, and it ends at 255 characters.
        if not any("," in c or '"' in c for c in choices) and _utf16_len(",".join(choices)) <= _LIST_MAX:
            return '"' + ",".join(choices) + '"'
        column = self.lists.setdefault(choices, len(self.lists))
        return quote_sheet_name(self.lists_name) + "!" + column_range(column, 0, len(choices) - 1, absolute=True)

    def write_lists(self) -> None:
        """The long dropdown lists, one per column of a hidden sheet."""
        if not self.lists:
            return
        letters = [column_letters(c) for c in range(len(self.lists))]
        with self.package.sheet(self.lists_name, [(14, Style.TEXT)] * len(self.lists),
                                frozen_header=False, hidden=True) as sheet:
            for r in range(max(map(len, self.lists))):
                number = str(r + 1)
                sheet.row(r + 1, "".join(_xlsx_text(letters[c] + number, Style.TEXT, choices[r])
                                         for choices, c in self.lists.items() if r < len(choices)))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _utf16_cut(text: str, units: int) -> str:
    """At most ``units`` UTF-16 units (Excel's measure), never half an emoji."""
    if len(text) * 2 <= units:  # cannot be too long
        return text
    data = text.encode("utf-16-le", "surrogatepass")[: 2 * units]
    return data.decode("utf-16-le", "ignore")  # "ignore" drops a pair's lone first half


def _excel_text(text: str) -> str:
    # Longer text does not fit a cell: cut, rather than fail the whole export.
    return _utf16_cut(text, EXCEL_MAX_TEXT)


_SHEET_NAME_MAX = 31
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def _sheet_names(names: Sequence[str]) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of []:*?/\\, no
    apostrophe at either end, not "History", unique ignoring case."""
    taken: set[str] = set()
    out = []
    for n, name in enumerate(names, 1):
        base = _NOT_IN_SHEET_NAME.sub("_", name).strip().strip("'") or f"Sheet{n}"
        if base.casefold() == "history":  # Excel reserves it for change tracking
            base += "_"
        candidate, copy = _utf16_cut(base, _SHEET_NAME_MAX), 1
        while candidate.casefold() in taken:
            copy += 1
            suffix = f" ({copy})"
            candidate = _utf16_cut(base, _SHEET_NAME_MAX - len(suffix)).rstrip("'") + suffix
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


# --- csv --------------------------------------------------------------------

def guard_csv_text(text: str) -> str:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_text(value: object) -> str:
    return guard_csv_text(_text(value))


def _csv_integer(value: object) -> str:
    return str(_integer(value))


def _csv_money(value: object) -> str:
    # Numbers are not guarded: -12.00 stays a number in the spreadsheet.
    return format(fen_to_decimal(value), "f")


def _csv_date(value: object) -> str:
    return format_iso(_date(value))


_CSV_CELLS: dict[ColumnType, Callable[[object], str]] = {
    ColumnType.TEXT: _csv_text,
    ColumnType.INTEGER: _csv_integer,
    ColumnType.MONEY: _csv_money,
    ColumnType.DATE: _csv_date,
}


def write_csv(path: str | os.PathLike, table: Table, *,
              progress: Callable[[int], None] | None = None) -> int:
    """The table as CSV that Excel on Chinese Windows opens as it is: UTF-8 with
    a BOM, CRLF, a header row.  Returns the data rows written."""
    cells = [_CSV_CELLS[col.type] for col in table.columns]
    done = 0
    with replaced_on_success(path) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, dialect="excel")
            writer.writerow([guard_csv_text(col.header) for col in table.columns])
            for values in table.rows:
                writer.writerow(["" if v is None else cell(v) for cell, v in zip(cells, values, strict=True)])
                done = _count(done, progress)
    return done


# --- vCard ------------------------------------------------------------------

@dataclass(frozen=True)
class VCard:
    full_name: str
    family: str | None = None  # both None: the full name goes into the family name
    given: str | None = None
    organization: str | None = None
    title: str | None = None
    mobiles: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    address: str | None = None  # one line, written as the street
    note: str | None = None
    uid: str | None = None


def write_vcards(path: str | os.PathLike, cards: Iterable[VCard]) -> int:
    """vCard 3.0 (RFC 2426) in UTF-8 with CRLF, for phones and mail programs; returns the cards written."""
    done = 0
    with replaced_on_success(path) as tmp:
        with open(tmp, "wb") as out:
            for card in cards:
                out.write(b"".join(_folded(line) for line in _vcard_lines(card)))
                done += 1
    return done


def _vcard_lines(card: VCard) -> list[str]:
    family, given = card.family, card.given
    if family is None and given is None:
        # Splitting 欧阳娜娜 needs a list of compound surnames; the whole name as family is safe.
        family = card.full_name
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:" + _escape(card.full_name),
             f"N:{_escape(family or '')};{_escape(given or '')};;;"]
    if card.organization:
        lines.append("ORG:" + _escape(card.organization))
    if card.title:
        lines.append("TITLE:" + _escape(card.title))
    lines += ["TEL;TYPE=CELL:" + _escape(m) for m in card.mobiles]
    lines += ["TEL;TYPE=WORK,VOICE:" + _escape(p) for p in card.phones]
    lines += ["EMAIL;TYPE=INTERNET:" + _escape(e) for e in card.emails]
    if card.address:
        lines.append(f"ADR;TYPE=WORK:;;{_escape(card.address)};;;;")
    if card.note:
        lines.append("NOTE:" + _escape(card.note))
    if card.uid:
        lines.append("UID:" + _escape(card.uid))
    lines.append("END:VCARD")
    return lines


def _escape(text: str) -> str:
    """RFC 2426 text: backslash, comma, semicolon and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


_LINE_MAX = 75  # octets, without the CRLF


def _folded(line: str) -> bytes:
    """The line folded at 75 octets (a continuation starts with a space), never
    inside a UTF-8 sequence or between a backslash and the character it escapes."""
    data = line.encode("utf-8")
    parts = []
    limit = _LINE_MAX
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back to the sequence's start
            cut -= 1
        start = cut
        while start > 0 and data[start - 1] == 0x5C:  # backslashes before the cut
            start -= 1
        if (cut - start) % 2:  # the last one escapes the next character: keep them together
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = _LINE_MAX - 1  # the leading space counts
    parts.append(data)
    return b"\r\n ".join(parts) + b"\r\n"
