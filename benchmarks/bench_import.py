"""Import speed: a 10,000-row .xlsx customer ledger (issue: import and export).

    .venv/bin/python benchmarks/bench_import.py [--rows N] [--runs R] [--existing M]

Prints `name: value unit` lines (medians):
  import_read          reading the sheet (openpyxl, cached values)
  import_preview       reading + header/mapping guess + checking and matching every row (nothing written)
  import_commit        writing every row in one transaction, with the undo journal
  import_preview_into_existing  the preview again against a file of --existing customers (matching by
                       code, credit code, ID, phone and name against all of them)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from common import TODAY, data_file, median_seconds, report  # noqa: E402

from crmdesk.services import importing  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402

HEADER = ["序号", "客户名称", "客户类型", "手机号码", "身份证号", "联系人", "联系人手机", "省份", "城市", "详细地址",
          "负责业务员", "客户来源", "结算方式", "授信额度", "备注"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def _id_number(rng: random.Random, i: int) -> str:
    """Distinct for distinct i (the birth date walks with it): two rows never share an ID."""
    born = date(1950, 1, 1) + timedelta(days=i)
    body = f"110105{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return next(body + c for c in "0123456789X" if ric.is_valid(body + c))


def write_ledger(path: Path, rows: int, seed: int = 1) -> Path:
    """A ledger as a clerk keeps it: a merged title row, persons and companies, a 合计 line."""
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path))  # shared strings, as Excel and WPS save
    sheet = book.add_worksheet("客户台账")
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, "2026年客户台账")
    sheet.write_row(1, 0, HEADER)
    for i in range(rows):
        company = i % 3 == 0
        name = (f"{rng.choice(['顺达', '恒通', '宏远', '佳捷', '鑫源'])}{i}物流有限公司" if company
                else rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) + str(i))
        sheet.write_row(i + 2, 0, [
            i + 1, name, "企业" if company else "个人", f"139{i:08d}",
            "" if company else _id_number(rng, i),
            rng.choice(SURNAMES) + rng.choice(GIVEN) if company else "",
            f"137{i:08d}" if company else "",
            "广东省", "广州市", f"天河区体育西路{i}号", rng.choice(["王芳", "李明", "张伟"]),
            rng.choice(["老客户介绍", "展会", "网站"]), "月结" if company else "",
            f"{rng.randint(1, 500) * 1000}" if company else "", "",
        ])
    sheet.write_row(rows + 2, 0, ["合计"])
    book.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--existing", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        source = write_ledger(folder / "ledger.xlsx", args.rows)
        empty = folder / "empty.crmdesk"
        CustomerFile.create(empty).close()

        report("import_read", median_seconds(lambda: importing.read_sheet(source), args.runs), "s")

        def preview(path: Path):
            with CustomerFile.open(path) as cf:
                data = importing.read_sheet(source)
                return importing.preview(cf, data, importing.guess_layout(cf, data), TODAY)

        result = preview(empty)
        assert result.count(importing.RowAction.CREATE) == args.rows, importing.report(result).errors[:3]
        report("import_preview", median_seconds(lambda: preview(empty), args.runs), "s")

        # Only the write is timed: each run previews into a fresh copy first.
        times = []
        for _ in range(args.runs):
            target = folder / "target.crmdesk"
            shutil.copy(empty, target)
            with CustomerFile.open(target) as cf:
                data = importing.read_sheet(source)
                planned = importing.preview(cf, data, importing.guess_layout(cf, data), TODAY)
                times.append(median_seconds(lambda: importing.commit(cf, planned), 1))
        times.sort()
        report("import_commit", times[len(times) // 2], "s")

        if args.existing:
            big = folder / "big.crmdesk"
            shutil.copy(data_file(args.existing, 0), big)
            report("import_preview_into_existing", median_seconds(lambda: preview(big), args.runs), "s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
