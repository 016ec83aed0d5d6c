"""Spreadsheet ledgers as users bring them (reliability.md test #6), written by the tests.

Each writer makes one small file with one kind of trouble; the tests hold
the report each one must give.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl

HEADER = ["序号", "客户名称", "手机号码", "身份证号", "生日", "一般消费额", "地址"]
GOOD = [
    [1, "张三", "13800138000", "11010519491231002X", "1980-05-06", "5,000.00", "北京市朝阳区建国路1号"],
    [2, "李四", "13900139000", None, "1985年3月1日", None, "上海市浦东新区"],
    [3, "王五", "13700137000", None, None, 1200, None],
]


def _book(rows, title: str | None = "2026年客户台账", sheet: str = "客户台账") -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    return wb


def good_xlsx(path: Path) -> Path:
    """A merged title row above the header, three good rows and a 合计 line."""
    wb = _book(GOOD + [["合计", None, None, None, None, 7200, None]])
    wb.save(path)
    return path


def troubled_xlsx(path: Path) -> Path:
    """One row of each trouble under a merged title, plus a hidden first sheet."""
    wb = _book([
        [1, "张三", "13800138000", "11010519491231002X", "1980-05-06", "5000", None],  # good
        [2, None, "13900139000", None, None, None, "无名氏的地址"],  # missing name
        [3, "赵六", "13800138000", None, None, None, None],  # the same phone as row 3, another name
        [4, "孙七", "13600136000", "110105194912310021", None, None, None],  # bad ID checksum
        [5, "周八", "13500135000", None, "明年春天", None, None],  # unparseable date
        [6, "吴九", "13300133000", None, None, "abc", None],  # amount "abc"
        [7, "郑十", "13200132000", 1.10105e17, None, None, None],  # ID stored as a number
        [8, "冯十一", "13100131000", None, None, "=SUM(1,2)", None],  # a formula with no cached value
        ["合计", None, None, None, None, None, None],
    ])
    hidden = wb.create_sheet("说明", 0)
    hidden.append(["填表说明：请勿修改表头"])
    hidden.sheet_state = "hidden"
    wb.save(path)
    return path


# The report each row of troubled_xlsx must give: sheet row -> (header, code) of its errors.
TROUBLED_ERRORS = {
    4: [("客户名称", "required")],
    5: [("客户名称", "duplicate_in_file")],
    6: [("身份证号", "invalid_id_number")],
    7: [("生日", "invalid_date")],
    8: [("一般消费额", "invalid_amount")],
    9: [("身份证号", "number_lost_digits")],
    10: [("一般消费额", "formula_without_value")],
}


def csv_file(path: Path, encoding: str, rows=None, header=HEADER) -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows if rows is not None else GOOD)
    return path


def orders_xlsx(path: Path, rows) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户名称", "发货日期", "运单号", "起运地", "目的地", "件数", "重量(kg)", "运费"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ORDERS = [
    ["张三", date(2026, 10, 8), "SF1001", "广州", "北京", 3, 12.5, 350],
    ["张三", date(2026, 10, 20), "SF1002", "广州", "上海", 1, 2, "120.50"],
    ["李四", "2026/11/2", "SF1003", "深圳", "成都", 10, 100, 1800],
]


def many_customers_csv(path: Path, count: int, encoding: str = "utf-8-sig") -> Path:
    """``count`` distinct good rows (names, mobiles and IDs all different)."""
    rows = []
    for i in range(count):
        rows.append([i + 1, f"客户{i:05d}", f"139{i:08d}", None, None, str(100 + i), f"地址{i}"])
    return csv_file(path, encoding, rows)
