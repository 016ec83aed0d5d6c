"""crmdesk.formats.spreadsheetml: the .xlsx parts, checked against openpyxl as an independent reader."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from crmdesk.formats.spreadsheetml import (
    Package,
    Style,
    column_letters,
    column_range,
    date_serial,
    escape,
    number_cell,
    quote_sheet_name,
    text_cell,
)


@pytest.mark.parametrize(("day", "serial"), [
    (date(1900, 1, 1), 1), (date(1900, 2, 28), 59), (date(1900, 3, 1), 61),  # Excel's 29 Feb 1900 is 60
    (date(2024, 2, 29), 45351), (date(9999, 12, 31), 2958465),
])
def test_date_serial_matches_excel(day, serial):
    assert date_serial(day) == serial


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"),
                                                (16383, "XFD")])
def test_column_letters(index, letters):
    assert column_letters(index) == letters


def test_column_range():
    assert column_range(2, 1, 200) == "C2:C201"
    assert column_range(27, 0, 39, absolute=True) == "$AB$1:$AB$40"


@pytest.mark.parametrize(("name", "quoted"), [("lists", "lists"), ("lists (2)", "'lists (2)'"),
                                              ("A1", "'A1'"), ("客户", "'客户'"), ("it's", "'it''s'")])
def test_quote_sheet_name(name, quoted):
    assert quote_sheet_name(name) == quoted


@pytest.mark.parametrize(("text", "escaped"), [
    ("张三", "张三"),
    ("a<b>&c", "a&lt;b&gt;&amp;c"),
    ("</t></is></c><c><f>1+1</f>", "&lt;/t&gt;&lt;/is&gt;&lt;/c&gt;&lt;c&gt;&lt;f&gt;1+1&lt;/f&gt;"),
    ("a\x0bb\x00", "a_x000B_b_x0000_"),
    ("1\r\n2\t3", "1_x000D_\n2\t3"),  # a parser would turn "\r\n" into "\n"
    ("_x0041_", "_x005F_x0041_"),  # a literal escape is escaped, as Excel does
    ("_x41_ x_0041_", "_x41_ x_0041_"),
])
def test_escape(text, escaped):
    assert escape(text) == escaped


def test_text_keeps_its_outer_spaces():
    assert text_cell("A1", Style.TEXT, " x ") == '<c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>'
    assert text_cell("A1", Style.TEXT, "x y") == '<c r="A1" s="2" t="inlineStr"><is><t>x y</t></is></c>'


def _package(tmp_path):
    path = tmp_path / "t.xlsx"
    with Package(path) as package:
        with package.sheet("客户 & 订单", [(20, Style.TEXT), (14, Style.MONEY)], frozen_header=True) as sheet:
            sheet.row(1, text_cell("A1", Style.HEADER, "名称") + text_cell("B1", Style.HEADER, "欠款"))
            sheet.row(2, text_cell("A2", Style.TEXT, " 张三 \x01") + number_cell("B2", Style.MONEY, "1234.50"))
            sheet.row(5, number_cell("B5", Style.MONEY, "-0.01"))
            sheet.list_validation("A2:A5", '"A,B&C"')
        with package.sheet("lists", [(14, Style.TEXT)], frozen_header=False, hidden=True) as sheet:
            sheet.row(1, text_cell("A1", Style.TEXT, "x"))
    return path


def test_a_package_reads_back_in_openpyxl(tmp_path):
    path = _package(tmp_path)

    book = openpyxl.load_workbook(path)
    assert [(ws.title, ws.sheet_state) for ws in book] == [("客户 & 订单", "visible"), ("lists", "hidden")]
    ws = book["客户 & 订单"]
    assert ws.dimensions == "A1:B5" and ws.freeze_panes == "A2"
    assert ws["A1"].font.b and not ws["A2"].font.b
    assert ws["A2"].value == " 张三 _x0001_"  # openpyxl leaves inline escapes; Excel and our reader undo them
    assert (ws["B2"].value, ws["B2"].number_format) == (1234.5, "#,##0.00")
    assert ws["B5"].value == -0.01 and ws["A3"].value is None
    assert ws.column_dimensions["A"].width == 20.7109375
    [validation] = ws.data_validations.dataValidation
    assert (str(validation.sqref), validation.formula1) == ("A2:A5", '"A,B&C"')
    assert book["lists"]["A1"].value == "x" and book["lists"].freeze_panes is None


def test_parts_come_in_excels_order_and_no_scratch_is_left(tmp_path):
    path = _package(tmp_path)

    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = z.namelist()
    assert names == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


def test_an_abandoned_package_writes_nothing_and_closes_its_scratch(tmp_path):
    path = tmp_path / "t.xlsx"
    with pytest.raises(RuntimeError):
        with Package(path) as package, package.sheet("s", [], frozen_header=True) as sheet:
            sheet.row(1, number_cell("A1", Style.INTEGER, "1"))
            raise RuntimeError
    assert not path.exists()
    [scratch] = tmp_path.iterdir()  # write_xlsx's scratch folder removes it; here it must only be closed
    scratch.unlink()


def test_dates_in_a_package_are_dates(tmp_path):
    path = tmp_path / "t.xlsx"
    with Package(path) as package, package.sheet("s", [(12, Style.DATE)], frozen_header=False) as sheet:
        sheet.row(1, number_cell("A1", Style.DATE, str(date_serial(date(2024, 2, 29)))))
    assert openpyxl.load_workbook(path)["s"]["A1"].value == datetime(2024, 2, 29)
