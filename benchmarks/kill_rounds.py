"""kill -9 rounds by hand, many more than CI runs (reliability.md test #1).

    .venv/bin/python benchmarks/kill_rounds.py [--rounds 100] [--points edits,import,...] [--seed N]

The same rounds as tests/test_crash_kill.py (children, kill plans and checks
from tests/crash_harness.py): a child writes and acknowledges, gets SIGKILL at
a seeded random moment, and the file must open, pass integrity_check and hold
every acknowledged change with nothing half applied.  Prints, per point:
  kill_<point>_rounds                  rounds run
  kill_<point>_acknowledged_checked    acknowledged changes found present (customers with their
                                       order, imported rows, backups, restores; migration: customers kept)
  kill_<point>_interrupted             rounds whose kill caught the operation midway
  kill_<point>_outcome_<what>          rounds per outcome (rolled back, committed, partway, ...)
  kill_<point>_failures                rounds whose check failed (details on stderr; exit status 1)
  kill_<point>_seconds                 time taken, preparation and calibration included
Failed rounds keep their files; their folder is named on stderr.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import crash_harness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--points", default=",".join(crash_harness.POINTS),
                        help=f"comma-separated, of {', '.join(crash_harness.POINTS)}")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    points = [p.strip() for p in args.points.split(",") if p.strip()]
    unknown = [p for p in points if p not in crash_harness.POINTS]
    if unknown:
        parser.error(f"unknown points {unknown}; known: {', '.join(crash_harness.POINTS)}")

    workdir = Path(tempfile.mkdtemp(prefix="crmdesk-kill-"))
    # The children inherit it: nothing reaches the real user's data folder.
    os.environ["CRMDESK_HOME"] = str(workdir / "home")
    failed = 0
    for name in points:
        summary = crash_harness.run_point(name, workdir / name, args.rounds, args.seed, stop_on_failure=False)
        print(f"kill_{name}_rounds: {summary.rounds} rounds")
        print(f"kill_{name}_acknowledged_checked: {summary.checked} changes")
        print(f"kill_{name}_interrupted: {summary.interrupted} rounds")
        for label, count in sorted(summary.outcomes.items()):
            print(f"kill_{name}_outcome_{re.sub(r'[^a-z0-9]+', '_', label).strip('_')}: {count} rounds")
        print(f"kill_{name}_failures: {len(summary.failures)} rounds")
        print(f"kill_{name}_seconds: {summary.seconds:.1f} s", flush=True)
        for failure in summary.failures:
            print(failure, file=sys.stderr)
        failed += len(summary.failures)
    if failed:
        print(f"{failed} rounds failed; their files are in {workdir}", file=sys.stderr)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
