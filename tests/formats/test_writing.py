"""crmdesk.formats.writing: exports that never turn text into formulas (reliability.md #4, #7, #8)."""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
import vobject

from crmdesk.formats.reading import open_spreadsheet
from crmdesk.formats.writing import (
    EXCEL_MAX_TEXT,
    Column,
    ColumnType,
    Table,
    VCard,
    WriteError,
    WriteProblem,
    guard_csv_text,
    write_csv,
    write_vcards,
    write_xlsx,
)

INJECTIONS = ["=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(1)", "\t=1", "\r=1"]
HARMLESS = ["张三", "13800138000", "a=b", "1-2", "'quoted"]
COLUMNS = (
    Column("客户名称", width=20),
    Column("欠款", ColumnType.MONEY),
    Column("建档日期", ColumnType.DATE),
    Column("订单数", ColumnType.INTEGER),
)


def _sheet_xml(path, n: int = 1) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{n}.xml").decode()


def _read(path, name=None):
    with open_spreadsheet(path) as book:
        return book.read(name)


def _csv_rows(path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows needs the BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --- xlsx -------------------------------------------------------------------

def test_text_that_looks_like_a_formula_stays_text_in_xlsx(tmp_path):
    # The second one broke out of xlsxwriter's inline string in constant_memory mode, which crmdesk once used.
    escape = '<r><t>x</t></r></is></c><c r="B9"><f>1+1</f><v>7</v></c><c r="C9" t="inlineStr"><is><r><t>y</t></r>'
    texts = INJECTIONS + HARMLESS + [escape, "<r></r>"]
    path = tmp_path / "客户.xlsx"

    assert write_xlsx(path, [Table("客户", (Column("备注"),), [[t] for t in texts])]) == len(texts)

    xml = _sheet_xml(path)
    assert not re.search(r"<f[ >/]", xml)
    assert [row[0] for row in _read(path).rows[1:]] == texts


def test_the_header_is_bold_and_frozen_and_columns_are_typed(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Table("客户", COLUMNS, [["张三", 123456, date(2024, 2, 29), 3]])])

    xml = _sheet_xml(path)
    assert 'state="frozen"' in xml and 'ySplit="1"' in xml
    assert 'width="20.7109375"' in xml
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
    for number_format in ('formatCode="@"', 'formatCode="#,##0.00"', 'formatCode="yyyy-mm-dd"'):
        assert number_format in styles
    assert "<b/>" in styles


def test_money_is_an_exact_number_in_yuan_and_dates_are_dates(tmp_path):
    path = tmp_path / "t.xlsx"
    rows = [["张三", 123456, date(2024, 2, 29), 3], ["李四", -1200, None, 0],
            ["王五", 99_999_999_999_999, date(1900, 3, 1), None], ["赵六", 1, None, None]]
    write_xlsx(path, [Table("客户", COLUMNS, rows)])

    xml = _sheet_xml(path)
    # Written from Decimal: no binary rounding on the way to the file.
    for text in ("<v>1234.56</v>", "<v>-12.00</v>", "<v>999999999999.99</v>", "<v>0.01</v>"):
        assert text in xml
    read = _read(path).rows
    assert Decimal(repr(read[1][1])) == Decimal("1234.56")
    assert Decimal(repr(read[2][1])) == Decimal("-12")
    assert read[1][2] == date(2024, 2, 29) and read[3][2] == date(1900, 3, 1)
    assert read[1][3] == 3 and read[2][3] == 0
    assert read[3] == ("王五", 999999999999.99, date(1900, 3, 1))


@pytest.mark.parametrize(("column", "value"), [
    (ColumnType.MONEY, 12.5),  # a float amount is a bug, not an amount
    (ColumnType.MONEY, True),
    (ColumnType.DATE, datetime(2024, 1, 1, 9, 0)),
    (ColumnType.INTEGER, "3"),
    (ColumnType.TEXT, 3),
])
def test_a_value_of_the_wrong_type_fails_the_export(tmp_path, column, value):
    path = tmp_path / "t.xlsx"
    with pytest.raises(TypeError):
        write_xlsx(path, [Table("t", (Column("x", column),), [[value]])])
    with pytest.raises(TypeError):
        write_csv(tmp_path / "t.csv", Table("t", (Column("x", column),), [[value]]))
    assert list(tmp_path.iterdir()) == []


def test_control_characters_emoji_and_long_text(tmp_path):
    controls = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
    texts = [f"a{controls}b", "\x0b从Word粘贴", "客户😀𠮷", "_x000B_ literal", "x" * 40_000,
             "😀" * 20_000]  # 40,000 UTF-16 units: Excel's limit counts those
    path = tmp_path / "t.xlsx"

    write_xlsx(path, [Table("t", (Column("备注"),), [[t] for t in texts])])

    read = [row[0] for row in _read(path).rows[1:]]
    assert read[:4] == texts[:4]
    assert read[4] == "x" * EXCEL_MAX_TEXT
    assert read[5] == "😀" * (EXCEL_MAX_TEXT // 2)  # cut before the emoji that would be split


def test_dropdowns_inline_and_on_a_hidden_sheet(tmp_path):
    long_choices = tuple(f"广州市天河区客户来源渠道{i:03d}" for i in range(40))  # far over 255 characters
    columns = (
        Column("客户等级", choices=("A", "B", "C", "VIP")),
        Column("客户来源", choices=long_choices),
        Column("结算方式", choices=("月结", "现结,到付")),  # a comma cannot go inline
        Column("备注"),
    )
    path = tmp_path / "模板.xlsx"

    assert write_xlsx(path, [Table("客户", columns, [])], blank_rows=200) == 0

    xml = _sheet_xml(path)
    validations = re.findall(r'<dataValidation [^>]*sqref="([^"]+)"><formula1>([^<]*)</formula1>', xml)
    assert validations == [("A2:A201", '"A,B,C,VIP"'), ("B2:B201", "lists!$A$1:$A$40"),
                           ("C2:C201", "lists!$B$1:$B$2")]
    with open_spreadsheet(path) as book:
        assert [(s.name, s.hidden) for s in book.sheets()] == [("客户", False), ("lists", True)]
        lists = book.read("lists").rows
    assert [row[0] for row in lists] == list(long_choices)
    assert [row[1] for row in lists[:2]] == ["月结", "现结,到付"]
    # The blank rows are cells with the text format, so a typed ID stays text.
    assert '<c r="D201" s="' in xml and '<c r="D202"' not in xml


def test_dropdowns_cover_the_data_rows(tmp_path):
    path = tmp_path / "t.xlsx"
    columns = (Column("客户等级", choices=("A", "B")),)

    write_xlsx(path, [Table("客户", columns, [["A"], ["B"], ["C"]])])

    assert 'sqref="A2:A4"' in _sheet_xml(path)
    assert "lists" not in [s.name for s in open_spreadsheet(path).sheets()]


def test_sheet_names_are_made_valid_for_excel(tmp_path):
    path = tmp_path / "t.xlsx"
    names = ["客户/订单[2024]:*?\\", "客户/订单[2024]:*?\\", "'引号'", "History", "x" * 40, "", "LISTS"]
    columns = (Column("a", choices=tuple("ab,c")),)  # needs the hidden list sheet too

    write_xlsx(path, [Table(name, columns, [["a"]]) for name in names])

    with open_spreadsheet(path) as book:
        got = [s.name for s in book.sheets()]
    assert got == ["客户_订单_2024_____", "客户_订单_2024_____ (2)", "引号", "History_", "x" * 31, "Sheet6",
                   "LISTS", "lists (2)"]
    assert "<formula1>'lists (2)'!$A$1:$A$4</formula1>" in _sheet_xml(path)


def test_more_rows_than_a_sheet_holds_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("crmdesk.formats.writing.EXCEL_MAX_ROWS", 4)
    path = tmp_path / "t.xlsx"

    with pytest.raises(WriteError) as caught:
        write_xlsx(path, [Table("客户", (Column("a"),), [["1"], ["2"], ["3"], ["4"]])])

    assert caught.value.problem is WriteProblem.TOO_MANY_ROWS
    assert caught.value.params == {"sheet": "客户", "limit": 3}
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_rows_over_all_tables(tmp_path):
    seen = []
    tables = [Table(f"t{i}", (Column("n", ColumnType.INTEGER),), ([r] for r in range(1500))) for i in range(2)]

    assert write_xlsx(tmp_path / "t.xlsx", tables, progress=seen.append) == 3000

    assert seen == [1000, 2000, 3000]


# --- failures leave nothing behind -----------------------------------------

def _failing_rows(after: int):
    for r in range(after):
        yield [f"客户{r}", r, date(2024, 1, 1), r]
    raise RuntimeError("the database went away")


def _write(kind, path, rows, **kwargs):
    if kind == "xlsx":
        return write_xlsx(path, [Table("客户", COLUMNS, rows)], **kwargs)
    return write_csv(path, Table("客户", COLUMNS, rows), **kwargs)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_failing_row_source_leaves_no_file(tmp_path, kind):
    path = tmp_path / f"导出.{kind}"

    with pytest.raises(RuntimeError, match="went away"):
        _write(kind, path, _failing_rows(2500))

    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_failed_export_leaves_the_previous_file_as_it_was(tmp_path, kind):
    path = tmp_path / f"导出.{kind}"
    _write(kind, path, [["旧", 1, None, None]])
    before = path.read_bytes()

    with pytest.raises(RuntimeError, match="went away"):
        _write(kind, path, _failing_rows(10))

    def cancel(rows):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _write(kind, path, ([f"客户{r}", r, None, None] for r in range(5000)), progress=cancel)

    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_xlsx_scratch_files_stay_beside_the_export_not_in_temp(tmp_path, monkeypatch):
    system_temp = tmp_path / "temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "out"
    out.mkdir()
    during = []

    def look(rows):
        during.append((sorted(p.name for p in system_temp.iterdir()),
                       sorted(p.name for p in out.iterdir())))

    write_xlsx(out / "客户.xlsx", [Table("客户", COLUMNS, ([f"客户{r}", r, None, r] for r in range(1000)))],
               progress=look)

    [(in_temp, beside)] = during
    assert in_temp == []  # exports hold personal data: nothing of them in %TEMP%
    assert len(beside) == 1 and beside[0].startswith(".客户.xlsx.partial-")
    assert [p.name for p in out.iterdir()] == ["客户.xlsx"]


# --- csv --------------------------------------------------------------------

def test_csv_guards_text_that_would_run_as_a_formula(tmp_path):
    path = tmp_path / "t.csv"
    texts = INJECTIONS + ["\0x", "-"] + HARMLESS

    write_csv(path, Table("t", (Column("备注"), Column("欠款", ColumnType.MONEY)), [[t, -1200] for t in texts]))

    rows = _csv_rows(path)
    assert rows[0] == ["备注", "欠款"]
    assert [r[0] for r in rows[1:]] == ["'" + t for t in INJECTIONS + ["\0x", "-"]] + HARMLESS
    assert {r[1] for r in rows[1:]} == {"-12.00"}  # a negative amount is a number, not guarded


def test_csv_values(tmp_path):
    path = tmp_path / "t.csv"
    rows = [["张三, \"老张\"", 123450, date(2024, 2, 29), 12], ["第一行\n第二行", 0, None, None],
            [None, 99_999_999_999_999, None, -3], ["😀𠮷", 5, None, None]]

    assert write_csv(path, Table("客户", COLUMNS, rows)) == 4

    assert path.read_bytes().count(b"\r\n") == 5  # the header and four records; the quoted "\n" stays
    assert _csv_rows(path) == [
        ["客户名称", "欠款", "建档日期", "订单数"],
        ["张三, \"老张\"", "1234.50", "2024-02-29", "12"],
        ["第一行\n第二行", "0.00", "", ""],
        ["", "999999999999.99", "", "-3"],
        ["😀𠮷", "0.05", "", ""],
    ]


def test_our_csv_reads_back_through_the_reader(tmp_path):
    path = tmp_path / "客户.csv"
    write_csv(path, Table("客户", COLUMNS, [["张三", 100, date(2024, 1, 5), 1]]))

    sheet = _read(path)

    assert sheet.encoding == "utf-8-sig"
    assert sheet.rows == [("客户名称", "欠款", "建档日期", "订单数"), ("张三", "1.00", "2024-01-05", "1")]


@pytest.mark.parametrize(("text", "guarded"), [
    ("=1", "'=1"), ("+86 138", "'+86 138"), ("-", "'-"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("\0", "'\0"), ("", ""), ("a=1", "a=1"), ("＝1", "＝1"), (" =1", " =1"),
])
def test_guard_csv_text(text, guarded):
    assert guard_csv_text(text) == guarded


# --- vCard ------------------------------------------------------------------

CARDS = [
    VCard(full_name="欧阳娜娜", family="欧阳", given="娜娜", organization="北京某某物流有限公司; 华北分公司",
          title="经理, 采购部", mobiles=("13800138000", "13900139000"), phones=("010-12345678",),
          emails=("nana@example.com",), address="北京市朝阳区建国路88号\n2号楼, 3层; 301室",
          note="备注：" + "很长的备注，含逗号;分号\\反斜杠\n换行" * 12, uid="c-1"),
    VCard(full_name="张三"),
    VCard(full_name="李四 Li Si", given="四", note="a" * 200),
]


def test_vcards_parse_back_to_the_same_values(tmp_path):
    path = tmp_path / "联系人.vcf"

    assert write_vcards(path, CARDS) == 3

    data = path.read_bytes()
    parsed = list(vobject.readComponents(data.decode("utf-8")))
    assert len(parsed) == 3
    first, second, third = parsed
    assert first.version.value == "3.0"
    assert first.fn.value == "欧阳娜娜"
    assert (first.n.value.family, first.n.value.given) == ("欧阳", "娜娜")
    assert first.org.value == ["北京某某物流有限公司; 华北分公司"]
    assert first.title.value == "经理, 采购部"
    tels = [(t.value, t.params["TYPE"]) for t in first.tel_list]
    assert tels == [("13800138000", ["CELL"]), ("13900139000", ["CELL"]), ("010-12345678", ["WORK", "VOICE"])]
    assert [(e.value, e.params["TYPE"]) for e in first.email_list] == [("nana@example.com", ["INTERNET"])]
    assert first.adr.value.street == "北京市朝阳区建国路88号\n2号楼, 3层; 301室"
    assert first.adr.params["TYPE"] == ["WORK"]
    assert first.note.value == CARDS[0].note
    assert first.uid.value == "c-1"
    assert (second.fn.value, second.n.value.family, second.n.value.given) == ("张三", "张三", "")
    assert not hasattr(second, "note") and not hasattr(second, "tel")
    assert (third.n.value.family, third.n.value.given) == ("", "四")
    assert third.note.value == "a" * 200


def test_vcard_lines_are_crlf_and_folded_within_75_octets(tmp_path):
    path = tmp_path / "联系人.vcf"
    write_vcards(path, CARDS)

    data = path.read_bytes()
    assert data.endswith(b"END:VCARD\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 10  # the long note was folded
    for line in lines:
        line.decode("utf-8")  # no line starts or ends inside a character


def test_folding_never_splits_an_escape(tmp_path):
    path = tmp_path / "t.vcf"
    for offset in range(6):  # move the backslashes across the fold point
        write_vcards(path, [VCard(full_name="x", note="n" * offset + ",;\\" * 40)])
        lines = path.read_bytes().split(b"\r\n")
        folded = [line for line in lines if line.startswith((b"NOTE", b" "))]
        for line in folded:
            body = line[1:] if line.startswith(b" ") else line
            trailing = len(body) - len(body.rstrip(b"\\"))
            assert trailing % 2 == 0, line
        assert next(vobject.readComponents(path.read_text(encoding="utf-8"))).note.value == "n" * offset + ",;\\" * 40


def test_a_failing_card_source_leaves_no_file(tmp_path):
    def cards():
        yield CARDS[0]
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_vcards(tmp_path / "t.vcf", cards())

    assert list(tmp_path.iterdir()) == []
