"""kill -9 at a random moment of each kind of write (reliability.md test #1).

For each kill point, ROUNDS rounds (20 in CI; more by hand with
``CRMDESK_KILL_ROUNDS=100`` or ``benchmarks/kill_rounds.py``): a child process
writes and acknowledges, is killed with SIGKILL at a seeded random moment, and
the file must then open with ``CustomerFile.open`` (no manual step), pass
integrity_check, hold every acknowledged change and nothing half applied.
The points, their children and checks live in tests/crash_harness.py.
"""

from __future__ import annotations

import os
import sys

import pytest

from tests import crash_harness

ROUNDS = int(os.environ.get("CRMDESK_KILL_ROUNDS", "20"))
SEED = int(os.environ.get("CRMDESK_KILL_SEED", "1"))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.mark.parametrize("point", list(crash_harness.POINTS))
def test_a_kill_at_any_moment_leaves_a_file_that_opens_with_every_acknowledged_change(point, tmp_path):
    summary = crash_harness.run_point(point, tmp_path, ROUNDS, SEED)  # raises RoundFailed with the details

    assert summary.rounds == ROUNDS
    if ROUNDS >= 10:
        # Not vacuous: the kills reach into the writing itself, not only before or after it.
        assert summary.interrupted > 0, f"no kill caught the {point} midway: {dict(summary.outcomes)}"
        assert summary.checked > 0, f"no acknowledged {point} change was ever checked: {dict(summary.outcomes)}"
