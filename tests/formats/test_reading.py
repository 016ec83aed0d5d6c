"""crmdesk.formats.reading: spreadsheets and CSV as raw cells (reliability.md test #6)."""

from __future__ import annotations

import random
import zipfile
from datetime import date, datetime, time

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
import xlsxwriter

from crmdesk.formats.reading import (
    NotReadable,
    ReadError,
    ReadProblem,
    SheetInfo,
    open_spreadsheet,
)


def _read(path, name=None):
    with open_spreadsheet(path) as book:
        return book.read(name)


def _problem(path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        open_spreadsheet(path)
    assert caught.value.path == path
    return caught.value


def _patched(path, old: bytes, new: bytes, part: str = "xl/worksheets/sheet1.xml"):
    """The workbook with one piece of a part's XML replaced: shapes other programs write."""
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    assert old in parts[part], parts[part]
    parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


# --- xlsx -------------------------------------------------------------------

def test_a_merged_title_row_above_the_header_is_kept_as_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户台账"
    ws["A1"] = "2024年客户台账"
    ws.merge_cells("A1:C1")
    ws.append(["客户名称", "手机", "建档日期"])
    ws.append(["张三", "13800138000", datetime(2024, 1, 5)])
    wb.save(tmp_path / "t.xlsx")

    sheet = _read(tmp_path / "t.xlsx")

    assert sheet.name == "客户台账" and not sheet.hidden
    assert sheet.rows == [
        ("2024年客户台账",),
        ("客户名称", "手机", "建档日期"),
        ("张三", "13800138000", date(2024, 1, 5)),
    ]
    assert sheet.uncached_formulas == frozenset()
    assert sheet.encoding is None


def test_hidden_sheets_are_listed_and_the_first_visible_one_is_read_by_default(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "填写说明"
    wb.active.sheet_state = "hidden"
    wb.create_sheet("客户")["A1"] = "客户名称"
    secret = wb.create_sheet("codes")
    secret["A1"] = "VIP"
    secret.sheet_state = "veryHidden"
    wb.save(tmp_path / "t.xlsx")

    with open_spreadsheet(tmp_path / "t.xlsx") as book:
        assert book.format == "xlsx"
        assert book.sheets() == [SheetInfo("说明", True), SheetInfo("客户", False), SheetInfo("codes", True)]
        assert book.read().rows == [("客户名称",)]
        hidden = book.read("说明")
        assert (hidden.name, hidden.hidden, hidden.rows) == ("说明", True, [("填写说明",)])
        with pytest.raises(KeyError):
            book.read("没有")


def test_a_formula_without_a_cached_value_is_reported_at_its_cell(tmp_path):
    wb = openpyxl.Workbook()  # openpyxl never calculates: <f> with an empty <v/>
    ws = wb.active
    ws.append(["客户", "金额", "备注"])
    ws.append(["张三", 100])
    ws.append(["李四", 200, None])
    ws.append(["合计", "=SUM(B2:B3)"])
    wb.save(tmp_path / "t.xlsx")

    sheet = _read(tmp_path / "t.xlsx")

    assert sheet.rows[3] == ("合计",)  # the formula reads as nothing, like a blank
    assert sheet.uncached_formulas == {(3, 1)}


def test_a_formula_with_a_cached_value_gives_that_value_and_is_not_reported(tmp_path):
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx")
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["客户", "金额"])
    ws.write_formula(1, 1, "=40+2", None, 42)
    ws.write_formula(2, 1, '=IF(A2="","","x")', None, "done")
    book.close()

    sheet = _read(tmp_path / "t.xlsx")

    assert sheet.rows == [("客户", "金额"), (None, 42), (None, "done")]
    assert sheet.uncached_formulas == frozenset()


def test_an_empty_text_result_is_a_cached_value_but_an_empty_number_is_not(tmp_path):
    # Excel writes a formula showing "" as t="str" with an empty <v>.
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx")
    ws = book.add_worksheet()
    ws.write_formula(0, 0, '=""', None, "")
    ws.write_formula(0, 1, "=1+1", None, "")
    book.close()
    _patched(tmp_path / "t.xlsx", b'<c r="A1"><f>""</f><v></v></c>', b'<c r="A1" t="str"><f>""</f><v></v></c>')

    sheet = _read(tmp_path / "t.xlsx")

    assert sheet.rows == []
    assert sheet.uncached_formulas == {(0, 1)}


def _with_sheet_xml(path, sheet_data: bytes, *, prefix: bytes = b"", before: bytes = b""):
    """A workbook whose first sheet is exactly this <sheetData>: shapes other programs write."""
    book = xlsxwriter.Workbook(path)
    book.add_worksheet().write_string(0, 0, "x")
    book.close()
    ns = b"xmlns" + (b":" + prefix[:-1] if prefix else b"")
    xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + before
           + b"<" + prefix + b"worksheet " + ns + b'="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + sheet_data + b"</" + prefix + b"worksheet>")
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_uncached_formulas_are_found_with_a_namespace_prefix_and_without_cell_references(tmp_path):
    # Some generators (the .NET OpenXML SDK) prefix every element; some leave out r=.
    path = _with_sheet_xml(tmp_path / "t.xlsx", prefix=b"x:", sheet_data=(
        b'<x:sheetData>'
        b'<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:f>1+1</x:f></x:c></x:row>'
        b'<x:row r="3"><x:c><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c><x:c><x:f>A3+B3</x:f></x:c></x:row>'
        b'</x:sheetData>'))

    sheet = _read(path)

    assert sheet.rows == [("a",), (), (5, 6)]
    assert sheet.uncached_formulas == {(0, 1), (2, 2)}


def test_cell_types_as_other_programs_write_them(tmp_path):
    path = _with_sheet_xml(tmp_path / "t.xlsx", sheet_data=(
        # rich text with a phonetic reading (not part of the text), an ISO date, an error, booleans
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr>'.encode()
        + '<t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></is></c>'.encode()
        + b'<c r="B1" t="d"><v>2024-03-01T00:00:00</v></c><c r="C1" t="e"><v>#N/A</v></c>'
        + b'<c r="D1" t="b"><v>0</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="str"><v>cached</v></c>'
        + b'<c r="H1"><v>-1.5E-3</v></c><c r="I1"><v></v></c></row>'
        + b'<row r="4.0"><c r="B4"><v>7</v></c></row>'
        + b'<row><c r="A5"><v>9</v></c></row>'
        + b'<row r="2"><c r="A2"><v>8</v></c></row>'  # backwards: dropped, as openpyxl does
        + b'</sheetData>'))

    assert _read(path).rows == [
        ("张三 ", date(2024, 3, 1), "#N/A", False, True, "cached", None, -0.0015),
        (), (), (None, 7), (9,),
    ]


def test_a_worksheet_with_a_dtd_is_refused(tmp_path):
    bomb = (b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    path = _with_sheet_xml(tmp_path / "t.xlsx", before=bomb, sheet_data=(
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData>'))

    with pytest.raises(ReadError) as caught:
        _read(path)

    assert caught.value.params == {"reason": NotReadable.DAMAGED}


def test_dates_in_a_1904_workbook(tmp_path):
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.MAC_EPOCH  # Excel for Mac before 2011
    wb.active.append([date(2024, 1, 5), datetime(2024, 1, 5, 8, 30)])
    wb.save(tmp_path / "t.xlsx")

    assert _read(tmp_path / "t.xlsx").rows == [(date(2024, 1, 5), datetime(2024, 1, 5, 8, 30))]


def test_a_wrong_dimension_does_not_cut_the_rows(tmp_path):
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx")
    ws = book.add_worksheet()
    for r in range(5):
        ws.write_row(r, 0, [f"r{r}", r])
    book.close()
    _patched(tmp_path / "t.xlsx", b'<dimension ref="A1:B5"/>', b'<dimension ref="A1"/>')

    assert _read(tmp_path / "t.xlsx").rows == [(f"r{r}", r) for r in range(5)]


def test_an_id_typed_as_a_number_arrives_as_the_float_excel_kept(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["身份证号"])
    wb.active.append([1.10105199001012e17])  # Excel keeps 15 digits of 110105199001011234
    wb.save(tmp_path / "t.xlsx")

    value = _read(tmp_path / "t.xlsx").rows[1][0]

    assert type(value) is float and value == 1.10105199001012e17


def test_empty_rows_keep_the_row_numbers_and_cells_are_trimmed(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "标题"
    ws["B3"] = "第三行"
    ws["D3"] = ""  # an empty string is no value
    ws["A5"] = "第五行"
    ws["C5"] = None
    ws["A7"].number_format = "@"  # styled, empty rows after the data
    ws["A9"].number_format = "@"
    wb.save(tmp_path / "t.xlsx")

    rows = _read(tmp_path / "t.xlsx").rows

    assert rows == [("标题",), (), (None, "第三行"), (), ("第五行",)]


def test_dates_times_and_booleans(tmp_path):
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx")
    ws = book.add_worksheet()
    ws.write_datetime(0, 0, datetime(2024, 2, 29), book.add_format({"num_format": "yyyy-mm-dd"}))
    ws.write_datetime(0, 1, datetime(2024, 2, 29, 14, 30), book.add_format({"num_format": "yyyy-mm-dd hh:mm"}))
    ws.write_datetime(0, 2, time(9, 15), book.add_format({"num_format": "hh:mm"}))
    ws.write_boolean(0, 3, True)
    book.close()

    assert _read(tmp_path / "t.xlsx").rows == [
        (date(2024, 2, 29), datetime(2024, 2, 29, 14, 30), time(9, 15), True),
    ]


@pytest.mark.parametrize("inline", [True, False], ids=["inline-strings", "shared-strings"])
def test_characters_xml_cannot_hold_come_back_as_typed(tmp_path, inline):
    # Stored as _x000D_ and _x000B_ (Excel writes a pasted "\r" so); openpyxl leaves the escapes.
    text = "第一行\r\n第二行\x0b\x01"
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx", {"constant_memory": inline})
    book.add_worksheet().write_string(0, 0, text)
    if inline:  # and a literal escape, stored as _x005F_x000D_
        book.worksheets()[0].write_string(0, 1, "_x000D_")
    book.close()

    assert _read(tmp_path / "t.xlsx").rows == [(text, "_x000D_") if inline else (text,)]


def test_progress_is_called_every_1000_rows_and_its_exception_stops_the_read(tmp_path):
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx", {"constant_memory": True})
    ws = book.add_worksheet()
    for r in range(2500):
        ws.write_number(r, 0, r)
    book.close()
    seen = []
    with open_spreadsheet(tmp_path / "t.xlsx") as sheet_book:
        sheet = sheet_book.read(progress=seen.append)
        assert len(sheet.rows) == 2500 and seen == [1000, 2000]

        def cancel(rows: int) -> None:
            raise ValueError("cancelled")  # a ValueError from the caller is not a damaged file

        with pytest.raises(ValueError, match="cancelled"):
            sheet_book.read(progress=cancel)


@pytest.mark.parametrize("suffix", [".xls", ".et", ".numbers", ".ods", ".XLS", ""])
def test_formats_other_than_xlsx_and_csv_are_refused(tmp_path, suffix):
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    error = _problem(path)

    assert error.problem is ReadProblem.UNSUPPORTED_FORMAT
    assert error.params == {"suffix": suffix.lower()}


@pytest.mark.parametrize(("content", "reason"), [
    (b"", NotReadable.EMPTY),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), NotReadable.ENCRYPTED_OR_XLS),
    ("客户名称,手机\n张三,138\n".encode(), NotReadable.DAMAGED),  # a CSV renamed .xlsx
    (b"PK\x03\x04" + bytes(100), NotReadable.DAMAGED),  # a cut-off zip
], ids=["empty", "ole", "text", "broken-zip"])
def test_a_file_named_xlsx_that_is_not_one_cannot_be_read(tmp_path, content, reason):
    path = tmp_path / "客户.xlsx"
    path.write_bytes(content)

    error = _problem(path)

    assert error.problem is ReadProblem.NOT_READABLE
    assert error.params == {"reason": reason}
    path.unlink()  # not held open (Windows would refuse)


def test_a_zip_without_a_workbook_and_a_sheet_with_broken_xml_cannot_be_read(tmp_path):
    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert _problem(tmp_path / "other.xlsx").params == {"reason": NotReadable.DAMAGED}

    book = xlsxwriter.Workbook(tmp_path / "t.xlsx")
    book.add_worksheet().write_string(0, 0, "x")
    book.close()
    _patched(tmp_path / "t.xlsx", b"</sheetData>", b"</sheetDat>")
    with open_spreadsheet(tmp_path / "t.xlsx") as broken:  # the sheet is parsed only on read
        with pytest.raises(ReadError) as caught:
            broken.read()
    assert caught.value.problem is ReadProblem.NOT_READABLE
    assert caught.value.params == {"reason": NotReadable.DAMAGED}


def test_a_damaged_workbook_raises_only_read_errors(tmp_path):
    """Random damage to any part: the workbook reads, or ReadError says it cannot (never a traceback)."""
    source = tmp_path / "source.xlsx"
    book = xlsxwriter.Workbook(source)
    ws = book.add_worksheet("客户")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for r in range(10):
        ws.write_string(r, 0, f"张三{r}")
        ws.write_datetime(r, 1, datetime(2024, 1, r + 1), day)
        ws.write_formula(r, 2, f"=B{r + 1}*2", None, r)
    book.close()
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    rng = random.Random(3)
    damaged = tmp_path / "damaged.xlsx"
    outcomes = set()
    for _ in range(300):
        name = rng.choice(sorted(parts))
        data = bytearray(parts[name])
        for _ in range(rng.randint(1, 3)):
            pos = rng.randrange(len(data))
            if rng.random() < 0.5:
                data[pos] = rng.randrange(256)
            else:
                data[pos:pos] = rng.choice([b"<", b"&", b'"', b"</c>", b'r="Z"', b's="99"', b't="s"', b"<f>"])
        with zipfile.ZipFile(damaged, "w") as z:
            for part, content in parts.items():
                z.writestr(part, bytes(data) if part == name else content)
        try:
            with open_spreadsheet(damaged) as spreadsheet:
                for info in spreadsheet.sheets():
                    spreadsheet.read(info.name)
            outcomes.add("read")
        except ReadError:
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}


def test_a_workbook_without_worksheets_has_no_sheets(tmp_path):
    wb = openpyxl.Workbook()
    data = wb.active
    data.append([1, 2, 3])
    chart = BarChart()
    chart.add_data(Reference(data, min_row=1, max_row=1, min_col=1, max_col=3))
    wb.create_chartsheet("图表").add_chart(chart)
    wb.remove(data)
    wb.save(tmp_path / "t.xlsx")

    assert _problem(tmp_path / "t.xlsx").problem is ReadProblem.NO_SHEETS


def test_a_missing_file_is_an_os_error(tmp_path):
    for name in ("gone.xlsx", "gone.csv"):
        error = _problem(tmp_path / name)
        assert error.problem is ReadProblem.NOT_READABLE
        assert error.params == {"reason": NotReadable.OS_ERROR, "errno": "ENOENT"}


# --- csv --------------------------------------------------------------------

_CSV_TEXT = "客户名称,手机,地址\r\n张三,13800138000,北京市朝阳区\r\n\r\n李四,,\r\n"
_CSV_ROWS = [("客户名称", "手机", "地址"), ("张三", "13800138000", "北京市朝阳区"), (), ("李四",)]


@pytest.mark.parametrize(("data", "encoding"), [
    (_CSV_TEXT.encode("gbk"), "gb18030"),  # Excel's "CSV" on Chinese Windows
    (_CSV_TEXT.encode("utf-8-sig"), "utf-8-sig"),  # Excel's "CSV UTF-8"
    (_CSV_TEXT.encode("utf-8"), "utf-8"),
], ids=["gbk", "bom", "utf-8"])
def test_csv_encodings(tmp_path, data, encoding):
    path = tmp_path / "客户.csv"
    path.write_bytes(data)

    with open_spreadsheet(path) as book:
        assert book.format == "csv"
        assert book.sheets() == [SheetInfo("客户", False)]
        sheet = book.read()

    assert sheet.encoding == encoding
    assert sheet.rows == _CSV_ROWS
    assert (sheet.name, sheet.hidden, sheet.uncached_formulas) == ("客户", False, frozenset())


def test_gb18030_characters_outside_gbk_survive(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("姓名\n𠮷野家\n".encode("gb18030"))  # 𠮷 has no GBK code

    sheet = _read(path)

    assert sheet.encoding == "gb18030" and sheet.rows == [("姓名",), ("𠮷野家",)]


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_the_delimiter_is_sniffed(tmp_path, delimiter):
    rows = [["客户名称", "地址", "金额"], ["张三", "北京市,朝阳区", "1,234.50"], ["李四", "上海", "12"]]
    path = tmp_path / "t.txt"
    quote = (lambda v: f'"{v}"' if delimiter == "," and "," in v else v)
    path.write_text("\n".join(delimiter.join(quote(v) for v in row) for row in rows) + "\n", encoding="utf-8")

    assert _read(path).rows == [tuple(row) for row in rows]


def test_a_single_column_csv_falls_back_to_commas(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("手机\n13800138000\n13900139000\n", encoding="utf-8")

    assert _read(path).rows == [("手机",), ("13800138000",), ("13900139000",)]


def test_quoted_line_breaks_and_formula_text_stay_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('备注,金额\r\n"第一行\r\n第二行",=1+1\r\n', encoding="utf-8")

    assert _read(path).rows == [("备注", "金额"), ("第一行\r\n第二行", "=1+1")]


def test_csv_that_is_neither_utf8_nor_gb18030_is_undecodable(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("客户名称,手机\n".encode("utf-16"))  # Excel's "Unicode text"

    assert _problem(path).problem is ReadProblem.UNDECODABLE


def test_a_spreadsheet_named_csv_is_not_text(tmp_path):
    book = xlsxwriter.Workbook(tmp_path / "t.xlsx")
    book.add_worksheet().write_string(0, 0, "x")
    book.close()
    path = (tmp_path / "t.xlsx").rename(tmp_path / "t.csv")

    error = _problem(path)

    assert (error.problem, error.params) == (ReadProblem.NOT_READABLE, {"reason": NotReadable.NOT_TEXT})


def test_an_empty_csv_has_no_rows(tmp_path):
    (tmp_path / "t.csv").write_bytes(b"")

    sheet = _read(tmp_path / "t.csv")

    assert sheet.rows == [] and sheet.encoding == "utf-8"
