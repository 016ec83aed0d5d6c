"""Spreadsheets and CSV files read as raw cells, for the import to interpret.

Nothing here knows about customers: a sheet is rows of cells exactly as the
file holds them (a merged title row, a 合计 row and an ID typed as a number
all arrive as they are), so the import can show the user what it saw, with
row numbers that match the spreadsheet's.

.xlsx/.xlsm go through openpyxl (read-only, cached values: what the user saw
in Excel or WPS); CSV through the csv module after the encoding is found.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.parsers import expat

import openpyxl
from openpyxl.utils.cell import coordinate_to_tuple

Cell = str | int | float | bool | date | datetime | time | None

PROGRESS_EVERY = 1000  # rows between progress calls


class ReadProblem(StrEnum):
    UNSUPPORTED_FORMAT = "unsupported_format"  # params: suffix
    NOT_READABLE = "not_readable"  # params: reason (a NotReadable), errno for OS errors
    NO_SHEETS = "no_sheets"
    UNDECODABLE = "undecodable"  # CSV neither UTF-8 nor GB18030


class NotReadable(StrEnum):
    """Why a file could not be read: ``params["reason"]`` of NOT_READABLE."""

    ENCRYPTED_OR_XLS = "encrypted_or_xls"  # an OLE file named .xlsx: a password or an old .xls renamed
    EMPTY = "empty"  # zero bytes
    DAMAGED = "damaged"  # not a zip, or broken XML inside
    NOT_TEXT = "not_text"  # a spreadsheet named .csv
    OS_ERROR = "os_error"  # missing, no permission, I/O error; params: errno ("ENOENT", ...)


class ReadError(Exception):
    """The file cannot be read; ``problem`` and ``params`` are what the UI words."""

    def __init__(self, problem: ReadProblem, path: Path, **params: Any) -> None:
        super().__init__(f"{problem.value}: {path} {params or ''}".rstrip())
        self.problem = problem
        self.path = path
        self.params = params


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool  # 'hidden' or 'veryHidden'


@dataclass(frozen=True)
class Sheet:
    name: str
    hidden: bool
    # Every row as read: trailing empty cells trimmed, "" read as None, an empty
    # row kept as () so that rows[i] is the spreadsheet's row i + 1.
    rows: list[tuple[Cell, ...]]
    # (row, column), 0-based: formulas whose result the file does not hold
    # (written by a program that does not calculate); their cells read as None.
    uncached_formulas: frozenset[tuple[int, int]]
    encoding: str | None = None  # CSV: "utf-8-sig", "utf-8" or "gb18030"


_XLSX = (".xlsx", ".xlsm")
_CSV = (".csv", ".txt")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and Office's encrypted .xlsx
_ZIP = b"PK\x03\x04"


def open_spreadsheet(path: str | os.PathLike) -> Spreadsheet:
    """The file as a Spreadsheet, chosen by its suffix; raises ReadError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _XLSX:
        return _XlsxSpreadsheet(path)
    if suffix in _CSV:
        return _CsvSpreadsheet(path)
    # .xls, .et (WPS), .numbers, .ods: the user saves as .xlsx first
    raise ReadError(ReadProblem.UNSUPPORTED_FORMAT, path, suffix=suffix)


class Spreadsheet:
    """An open spreadsheet file; a context manager."""

    format: str  # "xlsx" or "csv"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._closed = False

    def sheets(self) -> list[SheetInfo]:
        raise NotImplementedError

    def read(self, name: str | None = None, *,
             progress: Callable[[int], None] | None = None) -> Sheet:
        """One sheet's cells; ``name`` None reads the first visible sheet.

        ``progress(rows_read)`` is called every 1000 rows; an exception raised
        from it stops the reading and propagates unchanged.
        """
        if self._closed:
            raise ValueError("spreadsheet is closed")
        sheets = self.sheets()
        if name is None:
            info = next((s for s in sheets if not s.hidden), sheets[0])
        else:
            info = next((s for s in sheets if s.name == name), None)
            if info is None:
                raise KeyError(name)
        return self._read(info, progress)

    def _read(self, info: SheetInfo, progress: Callable[[int], None] | None) -> Sheet:
        raise NotImplementedError

    def close(self) -> None:
        self._closed = True

    def __enter__(self) -> Spreadsheet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _collect(rows: Iterable[tuple[Cell, ...]], progress: Callable[[int], None] | None) -> list[tuple[Cell, ...]]:
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        out.append(row)
        if progress is not None and len(out) % PROGRESS_EVERY == 0:
            progress(len(out))
    # Styled but empty rows at the end (a template's 1,000 formatted rows) say nothing.
    while out and not out[-1]:
        out.pop()
    return out


def _trimmed(cells: list[Cell]) -> tuple[Cell, ...]:
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


# --- xlsx -------------------------------------------------------------------

# Errors openpyxl, zipfile and the XML parsers raise on a damaged or merely odd
# file (openpyxl raises AttributeError on a chart sheet without a drawing).
# OSError is not among them: openpyxl raises a bare IOError for a zip without a
# workbook, told apart from real I/O errors by its missing errno (_translated).
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError, AttributeError,
            IndexError, ValueError, TypeError, SyntaxError, expat.ExpatError)


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Errors from a foreign file as ReadError, with the original chained for the log."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None:
            raise ReadError(ReadProblem.NOT_READABLE, path, reason=NotReadable.DAMAGED) from exc
        raise _os_error(path, exc) from exc
    except _DAMAGED as exc:
        raise ReadError(ReadProblem.NOT_READABLE, path, reason=NotReadable.DAMAGED) from exc


def _os_error(path: Path, exc: OSError) -> ReadError:
    return ReadError(ReadProblem.NOT_READABLE, path, reason=NotReadable.OS_ERROR,
                     errno=errno.errorcode.get(exc.errno or 0, str(exc.errno)))


def _guarded(path: Path, rows: Iterator[Any]) -> Iterator[Any]:
    # Only the parser's own errors are translated: an exception the progress
    # callback raises happens in the consumer, outside this generator.
    with _translated(path):
        yield from rows


class _XlsxSpreadsheet(Spreadsheet):
    format = "xlsx"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            # Opened here rather than by openpyxl, so that it is closed on every
            # failure (a leaked handle keeps the file locked on Windows).
            self._file = open(path, "rb")
        except OSError as exc:
            raise _os_error(path, exc) from exc
        try:
            head = self._file.read(len(_OLE))
            if not head:
                raise ReadError(ReadProblem.NOT_READABLE, path, reason=NotReadable.EMPTY)
            if head == _OLE:
                raise ReadError(ReadProblem.NOT_READABLE, path, reason=NotReadable.ENCRYPTED_OR_XLS)
            self._file.seek(0)
            with _translated(path):
                self._book = openpyxl.load_workbook(self._file, read_only=True, data_only=True)
                self._sheets = {ws.title: ws for ws in self._book.worksheets}
            if not self._sheets:
                raise ReadError(ReadProblem.NO_SHEETS, path)
        except BaseException:
            self._file.close()
            raise

    def sheets(self) -> list[SheetInfo]:
        return [SheetInfo(ws.title, ws.sheet_state != "visible") for ws in self._sheets.values()]

    def _read(self, info: SheetInfo, progress: Callable[[int], None] | None) -> Sheet:
        ws = self._sheets[info.name]
        # The <dimension> some programs write is wrong (too small, or A1 only);
        # without it every row in the XML is read.
        ws.reset_dimensions()
        rows = _collect(
            (_trimmed([_xlsx_cell(v) for v in row])
             for row in _guarded(self.path, ws.iter_rows(min_row=1, values_only=True))),
            progress,
        )
        with _translated(self.path):
            # openpyxl keeps the zip and the sheet's part name on its read-only objects.
            archive, part = self._book._archive, ws._worksheet_path
            uncached = _uncached_formulas(archive, part) if _has_formula(archive, part) else frozenset()
        return Sheet(info.name, info.hidden, rows, uncached)

    def close(self) -> None:
        if not self._closed:
            self._book.close()
            self._file.close()
        super().close()


# Excel escapes characters XML cannot hold as _xHHHH_ (xlsxwriter writes "\x0b"
# as _x000B_, Excel a pasted "\r" as _x000D_) and a literal "_x" as _x005F_x;
# openpyxl leaves the escapes in the text.  Its shared strings arrive with the
# _x005F_ already dropped, so a literal "_x000D_" typed in Excel comes back as
# "\r": rare enough to accept for getting every pasted "\r" right.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DAY = timedelta(days=1)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _xlsx_cell(value: Any) -> Cell:
    kind = type(value)
    if kind is str:
        if not value:
            return None
        return _unescape(value) if "_x" in value else value
    if kind is datetime:
        # A date cell is a datetime at midnight to openpyxl; a time of day is kept.
        if value.hour or value.minute or value.second or value.microsecond:
            return value
        return value.date()
    if kind is timedelta:  # a duration format ([h]:mm): Excel's number of days
        return value / _DAY
    return value


# A formula element, with or without a namespace prefix (<f>, <f t="shared" .../>, <x:f>),
# and not <filterColumn> or <firstHeader>.
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_CHUNK = 1 << 20


def _has_formula(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether the sheet holds any formula: a byte search, much faster than parsing."""
    tail = b""
    with archive.open(part) as src:
        while chunk := src.read(_CHUNK):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-64:]  # a tag cut between two chunks
    return False


def _uncached_formulas(archive: zipfile.ZipFile, part: str) -> frozenset[tuple[int, int]]:
    """The cells holding a formula without a cached result, 0-based.

    openpyxl's cached-values mode reads such a cell as None, like a blank, so the
    sheet's XML is scanned once more, without building elements.  A cached result
    is a non-empty <v>, or an empty one on a text result (t="str": a formula such
    as =IF(A2="","",A2) showing nothing); openpyxl writes an empty <v/> on a
    formula it could not calculate.  Cells and rows without an r attribute are
    counted the way openpyxl counts them, so the positions match the rows read.
    """
    found: set[tuple[int, int]] = set()
    row = col = 0
    in_cell = has_formula = has_value = in_value = text_result = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, col, in_cell, has_formula, has_value, in_value, text_result
        local = name[name.find(":") + 1:]
        if local == "c":
            ref = attrs.get("r")
            if ref:
                row, col = coordinate_to_tuple(ref)
            else:
                col += 1
            in_cell, has_formula, has_value = True, False, False
            text_result = attrs.get("t") == "str"
        elif not in_cell:
            if local == "row":
                ref = attrs.get("r")
                row = int(ref) if ref else row + 1
                col = 0
        elif local == "f":
            has_formula = True
        elif local == "v":
            in_value = True
            has_value = text_result  # an empty text result is still a result

    def end(name: str) -> None:
        nonlocal in_cell, in_value
        local = name[name.find(":") + 1:]
        if local == "v":
            in_value = False
        elif local == "c":
            if has_formula and not has_value:
                found.add((row - 1, col - 1))
            in_cell = False

    def text(data: str) -> None:
        nonlocal has_value
        if in_value and data.strip():
            has_value = True

    def refuse(*_: object) -> None:
        # openpyxl (with defusedxml) has read this part already; refuse entities anyway.
        raise ValueError("entity declaration")

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = refuse
    with archive.open(part) as src:
        parser.ParseFile(src)
    return frozenset(found)


# --- csv --------------------------------------------------------------------

_SNIFF_CHARS = 64 * 1024
_DELIMITERS = ",\t;"


class _CsvSpreadsheet(Spreadsheet):
    format = "csv"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _os_error(path, exc) from exc
        if data.startswith((_ZIP, _OLE)):
            raise ReadError(ReadProblem.NOT_READABLE, path, reason=NotReadable.NOT_TEXT)
        self._text, self._encoding = _decode(path, data)
        self._delimiter = _sniff_delimiter(self._text[:_SNIFF_CHARS])

    def sheets(self) -> list[SheetInfo]:
        return [SheetInfo(self.path.stem, False)]

    def _read(self, info: SheetInfo, progress: Callable[[int], None] | None) -> Sheet:
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self._delimiter)
        try:
            rows = _collect((_trimmed([v or None for v in row]) for row in reader), progress)
        except csv.Error as exc:  # a field over csv's limit of 131,072 characters
            raise ReadError(ReadProblem.NOT_READABLE, self.path, reason=NotReadable.DAMAGED,
                            line=reader.line_num) from exc
        return Sheet(info.name, False, rows, frozenset(), self._encoding)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    # Excel's "CSV UTF-8" has a BOM; its plain "CSV" on Chinese Windows is GBK,
    # which GB18030 extends.  Strict decoding: a wrong guess fails instead of
    # turning names into mojibake.
    encodings = ("utf-8-sig",) if data.startswith(codecs.BOM_UTF8) else ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    raise ReadError(ReadProblem.UNDECODABLE, path)


def _sniff_delimiter(sample: str) -> str:
    cut = sample.rfind("\n")
    if cut > 0:  # whole lines only: a cut line would look like a different shape
        sample = sample[:cut]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:  # one column, or no pattern at all
        return ","
