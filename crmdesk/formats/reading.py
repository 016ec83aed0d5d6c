"""Spreadsheets and CSV files read as raw cells, for the import to interpret.

Nothing here knows about customers: a sheet is rows of cells exactly as the
file holds them (a merged title row, a 合计 row and an ID typed as a number
all arrive as they are), so the import can show the user what it saw, with
row numbers that match the spreadsheet's.

.xlsx/.xlsm: openpyxl reads the workbook (sheets, shared strings, which styles
are dates) and _SheetCells the cells, with their cached values: what the user
saw in Excel or WPS.  CSV: the csv module, after the encoding is found.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.parsers import expat

import openpyxl
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

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


def _collect(rows: Iterator[tuple[Cell, ...]], progress: Callable[[int], None] | None) -> list[tuple[Cell, ...]]:
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        out.append(row)
        if progress is not None and len(out) % PROGRESS_EVERY == 0:
            progress(len(out))
    return _without_trailing_empty(out)


def _without_trailing_empty(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    # Styled but empty rows at the end (a template's 1,000 formatted rows) say nothing.
    while rows and not rows[-1]:
        rows.pop()
    return rows


# --- xlsx -------------------------------------------------------------------

# Errors openpyxl, zipfile and the XML parsers raise on a damaged or merely odd
# file: LookupError covers a missing part and an unknown encoding in an XML
# declaration; openpyxl raises AttributeError on a chart sheet without a drawing.
# OSError is not among them: openpyxl raises a bare IOError for a zip without a
# workbook, told apart from real I/O errors by its missing errno (_translated).
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, LookupError, AttributeError,
            ValueError, TypeError, SyntaxError, expat.ExpatError)


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
        # openpyxl keeps the zip, the sheet's part and the styles on its read-only objects.
        book, ws = self._book, self._sheets[info.name]
        cells = _SheetCells(ws._shared_strings, book._date_formats, book._timedelta_formats, book.epoch)
        reported = 0
        with _translated(self.path):
            source = book._archive.open(ws._worksheet_path)
        with source:
            while True:
                with _translated(self.path):
                    chunk = source.read(_CHUNK)
                    cells.feed(chunk)
                # Outside _translated: what progress raises propagates unchanged.
                while progress is not None and len(cells.rows) >= reported + PROGRESS_EVERY:
                    reported += PROGRESS_EVERY
                    progress(reported)
                if not chunk:
                    break
        return Sheet(info.name, info.hidden, _without_trailing_empty(cells.rows), frozenset(cells.uncached))

    def close(self) -> None:
        if not self._closed:
            self._book.close()
            self._file.close()
        super().close()


_CHUNK = 64 * 1024
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "  # as expat names it, any prefix
_ROW, _CELL, _VALUE, _FORMULA, _TEXT, _PHONETIC = (_MAIN + tag for tag in ("row", "c", "v", "f", "t", "rPh"))
_COLUMNS: dict[str, int] = {}  # "AB" -> 28, filled as met


class _SheetCells:
    """One worksheet's XML, fed in chunks, read the way openpyxl's cached-values
    mode reads it (the same value types, dates by the cell's style, rows placed
    by their r or counted, a row going backwards dropped), noting in the same
    pass the formulas without a cached value.  benchmarks/bench_formats.py,
    10,000 x 15 cells read through openpyxl's iter_rows: 1.1 s as Excel saves
    them, 4.4 s with the inline strings of streaming writers (xlsxwriter's
    constant_memory, POI's SXSSF), 1.8 s with the second pass for formulas;
    read here: 0.7 s, 0.55 s, 0.85 s.

    Such a formula (openpyxl and some generators write none, or an empty <v/>)
    reads as None, like a blank.  An empty <v> on a text result (t="str",
    =IF(A2="","",A2) showing nothing) is a cached empty text.  Only non-empty
    values are kept, so a row ends at its last value.
    """

    def __init__(self, strings: list[str], date_styles: set[int], duration_styles: set[int],
                 epoch: datetime) -> None:
        self.rows: list[tuple[Cell, ...]] = []
        self.uncached: set[tuple[int, int]] = set()
        self._strings = strings
        self._dates = {str(s) for s in date_styles}
        self._durations = {str(s) for s in duration_styles}
        self._epoch = epoch
        self._row = self._col = 0
        self._cells: list[tuple[int, Cell]] = []
        self._kind = "n"
        self._style: str | None = None
        self._formula = self._saw_value = self._collecting = self._phonetic = False
        self._text: list[str] = []
        self._parser = parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        # A worksheet has no DTD; refusing one rules out entity expansion (XML bombs).
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd

    def feed(self, chunk: bytes) -> None:
        """The next bytes of the part; b"" at the end."""
        self._parser.Parse(chunk, not chunk)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _CELL:
            ref = attrs.get("r")
            self._col = _column(ref) if ref else self._col + 1
            self._kind = attrs.get("t", "n")
            self._style = attrs.get("s")
            self._formula = self._saw_value = False
            self._text.clear()
        elif name == _VALUE:
            self._saw_value = self._collecting = True
        elif name == _TEXT:  # of an inline string, plain or in rich-text runs
            self._collecting = not self._phonetic
        elif name == _FORMULA:
            self._formula = True
        elif name == _PHONETIC:  # a reading aid over East Asian text, not part of it
            self._phonetic = True
        elif name == _ROW:
            ref = attrs.get("r")
            self._row = _row_number(ref) if ref else self._row + 1
            self._col = 0
            self._cells = []

    def _data(self, data: str) -> None:
        if self._collecting:
            self._text.append(data)

    def _end(self, name: str) -> None:
        if name == _VALUE or name == _TEXT:
            self._collecting = False
        elif name == _CELL:
            text = "".join(self._text)
            if text:
                value = self._value(text)
                if value is not None:
                    self._cells.append((self._col, value))
            if self._formula and not (text or (self._saw_value and self._kind == "str")):
                self.uncached.add((self._row - 1, self._col - 1))
        elif name == _ROW:
            self._end_row()
        elif name == _PHONETIC:
            self._phonetic = False

    def _end_row(self) -> None:
        rows, row = self.rows, self._row
        if row <= len(rows):  # out of order or repeated: openpyxl drops it too
            return
        rows.extend([()] * (row - 1 - len(rows)))  # rows the file leaves out are empty
        if not self._cells:
            rows.append(())
            return
        out: list[Cell] = [None] * max(c for c, _ in self._cells)
        for c, value in self._cells:
            out[c - 1] = value
        rows.append(tuple(out))

    def _value(self, text: str) -> Cell:
        kind = self._kind
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            if self._style not in self._dates or self._style in self._durations:
                return number  # a duration ([h]:mm) stays Excel's number of days
            try:
                return _day_if_midnight(from_excel(number, self._epoch))
            except (OverflowError, ValueError):
                return "#VALUE!"  # a date serial out of range, as openpyxl reads it
        if kind == "s":
            text = self._strings[int(text)]
        elif kind == "b":
            return text in ("1", "true")
        elif kind == "d":
            return _day_if_midnight(from_ISO8601(text))
        # "s", "str", "inlineStr", "e" (#N/A and the like): the text itself
        if "_x" in text:
            text = _unescape(text)
        return text or None


def _day_if_midnight(moment: datetime | date | time) -> Cell:
    # A date cell is a datetime at midnight to openpyxl; a time of day is kept.
    if type(moment) is datetime and not (moment.hour or moment.minute or moment.second or moment.microsecond):
        return moment.date()
    return moment


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        column = _COLUMNS[letters] = column_index_from_string(letters)
    return column


def _row_number(ref: str) -> int:
    try:
        return int(ref)
    except ValueError:  # "5.0", as some generators write it
        number = float(ref)
        if not number.is_integer():
            raise
        return int(number)


def _refuse_dtd(*_: object) -> None:
    raise ValueError("DTD in a worksheet")


# Excel escapes characters XML cannot hold as _xHHHH_ (xlsxwriter writes "\x0b"
# as _x000B_, Excel a pasted "\r" as _x000D_) and a literal "_x" as _x005F_x.
# openpyxl's shared strings arrive with the _x005F_ dropped, so a literal
# "_x000D_" typed in Excel comes back as "\r": rare enough to accept for getting
# every pasted "\r" right.  Inline strings (crmdesk's own exports) are exact.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


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
            rows = _collect((_csv_row(row) for row in reader), progress)
        except csv.Error as exc:  # a field over csv's limit of 131,072 characters
            raise ReadError(ReadProblem.NOT_READABLE, self.path, reason=NotReadable.DAMAGED,
                            line=reader.line_num) from exc
        return Sheet(info.name, False, rows, frozenset(), self._encoding)


def _csv_row(cells: list[str]) -> tuple[Cell, ...]:
    values: list[Cell] = [v or None for v in cells]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


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
