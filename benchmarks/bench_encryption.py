"""What encryption costs, on the generated file of 100,000 customers (issue 12, point 6).

    .venv/bin/python benchmarks/bench_encryption.py [--customers N] [--runs R]

Prints `name: value unit` lines (medians):
  encrypt               rewrite the plain file encrypted (sqlcipher_export, integrity_check, rename)
  open_plain            open the plain file (pre-flight + quick_check), then close
  open_encrypted        the same for the encrypted copy
  search_plain          the customer query for "zs" (pinyin initials) on the plain file
  search_encrypted      the same on the encrypted copy
  unlock_password       a password checked against the key file (scrypt n=2**15, r=8)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import data_file, median_seconds, report  # noqa: E402

from crmdesk.storage import customers as store  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402
from crmdesk.storage.customers import CustomerQuery  # noqa: E402
from crmdesk.storage.encryption import KeyFile, file_key, new_recovery_key  # noqa: E402
from crmdesk.storage.file_encryption import convert  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    source = data_file(args.customers)
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain.crmdesk"
        encrypted = Path(folder) / "encrypted.crmdesk"
        shutil.copyfile(source, plain)
        shutil.copyfile(source, encrypted)
        recovery = new_recovery_key()
        key, key_file = file_key(recovery), KeyFile.wrap(recovery, "Taizhang-2026")
        started = time.perf_counter()
        convert(encrypted, None, key, key_file)
        report("encrypt", time.perf_counter() - started, "s")

        for name, path, file_key_ in (("plain", plain, None), ("encrypted", encrypted, key)):
            CustomerFile.open(path, key=file_key_).close()  # warm the page cache
            report(f"open_{name}", median_seconds(lambda: CustomerFile.open(path, key=file_key_).close(),
                                                  args.runs), "s")
            with CustomerFile.open(path, key=file_key_) as cf:
                query = CustomerQuery(text="zs")
                report(f"search_{name}", median_seconds(lambda: store.customer_ids(cf, query), args.runs), "s")
        report("unlock_password", median_seconds(lambda: key_file.unwrap("Taizhang-2026"), args.runs), "s")


if __name__ == "__main__":
    main()
