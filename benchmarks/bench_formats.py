"""Reading and writing foreign files: crmdesk.formats on import- and export-sized tables.

    .venv/bin/python benchmarks/bench_formats.py [--runs R] [--only read|write]

Prints `name: value unit` lines, medians of R runs (default 3):
  read_xlsx_10k             open_spreadsheet + read of a 10,000 x 15 sheet saved the way Excel
                            saves (shared strings): text, phones as text, numbers, dates
  read_xlsx_10k_formulas    the same with one column of formulas with cached values (the
                            extra pass that looks for formulas without one)
  read_xlsx_10k_inline      the same without formulas as crmdesk's own export writes it (inline strings)
  read_csv_10k              the same cells as a UTF-8 CSV
  write_xlsx_100k           write_xlsx of 100,000 x 20 (12 text, 3 money, 3 date, 2 integer columns)
  write_csv_100k            write_csv of the same table
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter  # noqa: E402
from common import median_seconds, report  # noqa: E402

from crmdesk.formats.reading import open_spreadsheet  # noqa: E402
from crmdesk.formats.writing import Column, ColumnType, Table, write_csv, write_xlsx  # noqa: E402

READ_ROWS, READ_COLUMNS = 10_000, 15
WRITE_ROWS = 100_000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
CITIES = ["北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "成都市武侯区"]


def _read_cells(r: int, c: int) -> object:
    kind = c % 5
    if kind == 0:
        return f"{SURNAMES[r % 20]}客户{r}"
    if kind == 1:
        return f"138{r:08d}"
    if kind == 2:
        return r * 17 % 100_000 / 100
    if kind == 3:
        return datetime(2020, 1, 1) + timedelta(days=r % 2000)
    return f"{CITIES[r % 5]}建国路{r % 300}号"


def make_sheet(path: Path, *, formulas: bool, inline: bool) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": inline})
    ws = book.add_worksheet("客户")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, [f"列{c}" for c in range(READ_COLUMNS)])
    for r in range(1, READ_ROWS):
        for c in range(READ_COLUMNS):
            value = _read_cells(r, c)
            if formulas and c == 7:
                ws.write_formula(r, c, f"=C{r + 1}*2", None, value)
            elif isinstance(value, datetime):
                ws.write_datetime(r, c, value, day)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    book.close()


def make_csv(path: Path) -> None:
    rows = [[f"列{c}" for c in range(READ_COLUMNS)]]
    rows += [[str(_read_cells(r, c)) for c in range(READ_COLUMNS)] for r in range(1, READ_ROWS)]
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")


def read(path: Path) -> int:
    with open_spreadsheet(path) as book:
        sheet = book.read()
    assert len(sheet.rows) == READ_ROWS, len(sheet.rows)
    return len(sheet.rows)


WRITE_COLUMNS = (
    tuple(Column(f"文本{c}") for c in range(12))
    + tuple(Column(f"金额{c}", ColumnType.MONEY) for c in range(3))
    + tuple(Column(f"日期{c}", ColumnType.DATE) for c in range(3))
    + tuple(Column(f"数量{c}", ColumnType.INTEGER) for c in range(2))
)


def write_rows():
    first = date(2020, 1, 1)
    for r in range(WRITE_ROWS):
        name = f"{SURNAMES[r % 20]}客户{r}"
        yield ([name, f"138{r:08d}", CITIES[r % 5], "备注" * (r % 4), f"C{r:06d}", "VIP", "月结",
                "张经理", "物流", "转介绍", "A", f"{r}@example.com"]
               + [r * 137 % 10_000_000, -r % 5000, r]
               + [first + timedelta(days=r % 2000), first, first + timedelta(days=r % 30)]
               + [r % 50, r])


def table() -> Table:
    return Table("客户", WRITE_COLUMNS, write_rows())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["read", "write"])
    args = parser.parse_args()
    runs = args.runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only != "write":
            for name, formulas, inline in [("read_xlsx_10k", False, False), ("read_xlsx_10k_formulas", True, False),
                                           ("read_xlsx_10k_inline", False, True)]:
                path = folder / f"{name}.xlsx"
                make_sheet(path, formulas=formulas, inline=inline)
                report(name, median_seconds(lambda: read(path), runs), "s")
            csv_path = folder / "read.csv"
            make_csv(csv_path)
            report("read_csv_10k", median_seconds(lambda: read(csv_path), runs), "s")
        if args.only != "read":
            report("write_xlsx_100k", median_seconds(lambda: write_xlsx(folder / "w.xlsx", [table()]), runs), "s")
            report("write_csv_100k", median_seconds(lambda: write_csv(folder / "w.csv", table()), runs), "s")


if __name__ == "__main__":
    main()
