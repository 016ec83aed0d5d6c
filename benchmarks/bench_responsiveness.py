"""Does the window stay responsive while opening a big file recomputes tiers, churn and alerts?

    .venv/bin/python benchmarks/bench_responsiveness.py [--customers N] [--orders M]

Opens the file in the real main window (offscreen Qt), and while the analysis
runs on the worker thread a 10 ms timer on the GUI thread records how late each
tick arrives: the delay a click or a keystroke would wait.  Prints:
  analysis_wall       from the list being shown to the alert panel being filled
  tick_delay_median   median lateness of the GUI thread's timer meanwhile
  tick_delay_p99      99th percentile
  tick_delay_max      worst single stall
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, data_file, report  # noqa: E402

TICK_MS = 10


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    args = parser.parse_args()
    source = data_file(args.customers, args.orders)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.preferences import Preferences
    from crmdesk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / source.name
        shutil.copy(source, path)  # the analysis writes tiers and scores
        prefs = Preferences(QSettings(str(Path(tmp) / "prefs.ini"), QSettings.Format.IniFormat))
        runner = TaskRunner()
        window = MainWindow(prefs=prefs, translations=None, runner=runner, today=TODAY)
        window.show()
        delays: list[float] = []
        last = [0.0]

        def tick() -> None:
            now = time.perf_counter()
            if last[0]:
                delays.append(max(0.0, now - last[0] - TICK_MS / 1000))
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        window.open_path(path)
        while window.session is None or window.model.rowCount() == 0:
            app.processEvents()
            time.sleep(0.005)
        started = time.perf_counter()
        timer.start(TICK_MS)
        while window.alert_panel.visible_count() == 0 or window.busy_bar.isVisible():
            app.processEvents()
            time.sleep(0.001)
        wall = time.perf_counter() - started
        timer.stop()
        window.close()
        runner.shutdown()
    delays.sort()
    report("analysis_wall", wall, "s")
    report("tick_delay_median", 1000 * statistics.median(delays), "ms")
    report("tick_delay_p99", 1000 * delays[int(0.99 * (len(delays) - 1))], "ms")
    report("tick_delay_max", 1000 * delays[-1], "ms")


if __name__ == "__main__":
    main()
