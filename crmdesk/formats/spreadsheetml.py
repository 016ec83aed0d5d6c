"""The parts of a write-only .xlsx, streamed: what crmdesk's exports need and nothing more.

Why not a library: xlsxwriter's streaming mode spent about 9 µs on each cell,
29 s for a list of 100,000 customers (2.7 million cells); issue 11 asks for 15.
Writing the sheet XML here costs about a sixth of that (benchmarks/bench_export.py).
What is written: one workbook, sheets of typed cells (inline strings, numbers,
date serials), six fixed cell styles, column widths, a frozen header row, list
dropdowns and hidden sheets.  Nothing from a cell's text ever reaches the XML
unescaped, so text can never become a formula (reliability.md test #8).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import IO, Self
from xml.sax.saxutils import escape as _xml_escape, quoteattr

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_COMPRESS_LEVEL = 1  # a tenth bigger than level 6, in half the time
_FLUSH_ROWS = 1000
_HIDDEN = ' state="hidden"'


class Style(IntEnum):
    """The workbook's cell styles (indexes into cellXfs)."""

    NORMAL = 0
    HEADER = 1  # bold
    TEXT = 2  # "@": what the user types into a phone or ID column stays text
    INTEGER = 3
    MONEY = 4
    DATE = 5


_NUMBER_FORMATS = {Style.TEXT: "@", Style.INTEGER: "0", Style.MONEY: "#,##0.00", Style.DATE: "yyyy-mm-dd"}


# --- cells ------------------------------------------------------------------

# XML 1.0 cannot hold most control characters; Excel writes them as _xHHHH_,
# and so a literal "_x0041_" as "_x005F_x0041_" (readers undo both).  "\r" is
# escaped too: an XML parser would turn "\r\n" into "\n".
_NEEDS_CARE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_EXCEL_ESCAPE = re.compile(r"([\x00-\x08\x0b-\x1f\ufffe\uffff])|_(?=x[0-9A-Fa-f]{4}_)")


def _excel_escaped(match: re.Match[str]) -> str:
    char = match.group(1)
    return f"_x{ord(char):04X}_" if char else "_x005F_"


def escape(text: str) -> str:
    """Text as the content of an XML element, with Excel's _xHHHH_ escapes."""
    if _NEEDS_CARE.search(text) is None:  # nearly always
        return text
    return _EXCEL_ESCAPE.sub(_excel_escaped, _xml_escape(text))


def text_cell(ref: str, style: Style, text: str) -> str:
    """An inline string cell; ``ref`` is its reference ("B7")."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def number_cell(ref: str, style: Style, number: str) -> str:
    """A number cell; ``number`` is its decimal text, written as it is ("1234.50")."""
    return f'<c r="{ref}" s="{style}"><v>{number}</v></c>'


def blank_cell(ref: str, style: Style) -> str:
    return f'<c r="{ref}" s="{style}"/>'


_DAY_ZERO = date(1899, 12, 30)


def date_serial(day: date) -> int:
    """Excel's day number (1900 date system, with its 29 February 1900)."""
    serial = (day - _DAY_ZERO).days
    return serial - 1 if serial <= 60 else serial


def column_letters(index: int) -> str:
    """0 -> "A", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_range(column: int, first_row: int, last_row: int, *, absolute: bool = False) -> str:
    """Rows counted from 0: (2, 1, 200) -> "C2:C201"."""
    letters = column_letters(column)
    if absolute:
        return f"${letters}${first_row + 1}:${letters}${last_row + 1}"
    return f"{letters}{first_row + 1}:{letters}{last_row + 1}"


def quote_sheet_name(name: str) -> str:
    """The name as a formula refers to it: quoted unless it is plain letters
    (which cannot be read as a cell reference)."""
    if re.fullmatch(r"[A-Za-z_]+", name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _stored_width(characters: float) -> float:
    # Excel stores a width in characters of the default font's digit (7 px in
    # Calibri 11) plus 5 px of padding, in 1/256 steps: 14 -> 14.7109375.
    pixels = int(characters * 7 + 0.5) + 5
    return int(pixels * 256 / 7) / 256


# --- package ----------------------------------------------------------------

class _Finished:
    """``with``: close() when the block ends well, abandon() when it raises."""

    def close(self) -> None:
        raise NotImplementedError

    def abandon(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()


class Package(_Finished):
    """One .xlsx being written; each sheet streams into a scratch file beside it.

    The zip is put together at close(): a sheet's <dimension>, which some
    readers rely on, leads its part but is known only at its end; the zip entry
    then knows its size (Zip64 only for a part over 2 GiB); and the parts come
    in the order Excel writes them, [Content_Types].xml first, which is how
    file-type sniffers recognise a workbook.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sheets: list[SheetStream] = []

    def sheet(self, name: str, columns: list[tuple[float, Style]], *, frozen_header: bool,
              hidden: bool = False) -> SheetStream:
        """A new sheet, after the others: ``columns`` gives each column's width and style."""
        number = len(self._sheets) + 1
        sheet = SheetStream(name, self.path.with_name(f"{self.path.name}.sheet{number}"), columns,
                            frozen_header=frozen_header, hidden=hidden, selected=number == 1)
        self._sheets.append(sheet)
        return sheet

    def close(self) -> None:
        """Writes the file; every sheet must have been closed."""
        count = len(self._sheets)
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL) as z:
            z.writestr("[Content_Types].xml", _content_types(count))
            z.writestr("_rels/.rels", _HEAD + f'<Relationships xmlns="{_PACKAGE_REL}">'
                       f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                       "</Relationships>")
            z.writestr("xl/workbook.xml", self._workbook())
            z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(count))
            z.writestr("xl/styles.xml", _styles())
            for number, sheet in enumerate(self._sheets, 1):
                sheet.copy_into(z, f"xl/worksheets/sheet{number}.xml")

    def abandon(self) -> None:
        """Closes the scratch files (the export failed; the caller removes them)."""
        for sheet in self._sheets:
            sheet.abandon()

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(sheet.name)} sheetId="{n}"{_HIDDEN if sheet.hidden else ""} r:id="rId{n}"/>'
            for n, sheet in enumerate(self._sheets, 1))
        return (_HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
                '<bookViews><workbookView/></bookViews>'
                f"<sheets>{sheets}</sheets></workbook>")


class SheetStream(_Finished):
    """The rows of one sheet, in order, into its scratch file."""

    def __init__(self, name: str, scratch: Path, columns: list[tuple[float, Style]], *,
                 frozen_header: bool, hidden: bool, selected: bool) -> None:
        self.name = name
        self.hidden = hidden
        self._scratch = scratch
        self._columns = columns
        self._frozen = frozen_header
        self._selected = selected
        self._body: IO[str] = open(scratch, "w", encoding="utf-8", newline="")
        self._pending: list[str] = []
        self._last_row = 0
        self._validations: list[str] = []

    def row(self, number: int, cells: str) -> None:
        """Row ``number`` (from 1, rising) with its <c> elements."""
        self._pending.append(f'<row r="{number}">{cells}</row>')
        self._last_row = number
        if len(self._pending) >= _FLUSH_ROWS:
            self._flush()

    def list_validation(self, ref: str, source: str) -> None:
        """A dropdown over the cells ``ref`` ("C2:C201"): ``source`` is a formula
        without its "=": a quoted list ('"A,B"') or a range."""
        self._validations.append(
            '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
            f'sqref="{ref}"><formula1>{_xml_escape(source)}</formula1></dataValidation>')

    def close(self) -> None:
        self._flush()
        self._body.close()

    def abandon(self) -> None:
        self._body.close()

    def copy_into(self, archive: zipfile.ZipFile, part: str) -> None:
        head, tail = self._head().encode(), self._tail().encode()
        size = len(head) + self._scratch.stat().st_size + len(tail)
        zip64 = size * 1.05 > zipfile.ZIP64_LIMIT  # zipfile's own margin for a size it knows
        with archive.open(part, "w", force_zip64=zip64) as out, open(self._scratch, "rb") as body:
            out.write(head)
            shutil.copyfileobj(body, out, 1 << 20)
            out.write(tail)
        self._scratch.unlink()

    def _flush(self) -> None:
        self._body.write("".join(self._pending))
        self._pending.clear()

    def _head(self) -> str:
        last = f"{column_letters(max(len(self._columns), 1) - 1)}{max(self._last_row, 1)}"
        selected = ' tabSelected="1"' if self._selected else ""
        pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>') if self._frozen else ""
        cols = "".join(f'<col min="{c}" max="{c}" width="{_stored_width(width)}" style="{style}" customWidth="1"/>'
                       for c, (width, style) in enumerate(self._columns, 1))
        return (_HEAD + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
                f'<dimension ref="A1:{last}"/>'
                f'<sheetViews><sheetView{selected} workbookViewId="0">{pane}</sheetView></sheetViews>'
                '<sheetFormatPr defaultRowHeight="15"/>'
                + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")

    def _tail(self) -> str:
        validations = (f'<dataValidations count="{len(self._validations)}">{"".join(self._validations)}'
                       "</dataValidations>") if self._validations else ""
        return ("</sheetData>" + validations
                + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                "</worksheet>")


def _content_types(sheets: int) -> str:
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{office}.worksheet+xml"/>'
                    for n in range(1, sheets + 1))
    return (_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
            f"{parts}</Types>")


def _workbook_rels(sheets: int) -> str:
    rels = "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                   for n in range(1, sheets + 1))
    return (_HEAD + f'<Relationships xmlns="{_PACKAGE_REL}">{rels}'
            f'<Relationship Id="rId{sheets + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')


def _styles() -> str:
    custom = {style: 164 + n for n, style in enumerate(_NUMBER_FORMATS)}
    formats = "".join(f'<numFmt numFmtId="{custom[style]}" formatCode={quoteattr(code)}/>'
                      for style, code in _NUMBER_FORMATS.items())
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>']
    xfs += [f'<xf numFmtId="{custom[style]}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            for style in _NUMBER_FORMATS]
    assert len(xfs) == len(Style)
    return (_HEAD + f'<styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="{len(custom)}">{formats}</numFmts>'
            f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>")
