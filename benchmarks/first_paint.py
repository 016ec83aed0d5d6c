"""Helper for bench_main_window: start the real window on FILE, print the time from
process start to the first paint of a filled customer list, scroll it to the
bottom, print page queries and peak memory, then quit.

    python benchmarks/first_paint.py FILE
"""

from __future__ import annotations

import os
import resource
import sys
from datetime import date
from pathlib import Path


def process_age() -> float:
    """Seconds since this process was started by the OS (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.preferences import Preferences
    from crmdesk.ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    prefs = Preferences(QSettings(os.devnull, QSettings.Format.IniFormat))
    runner = TaskRunner()
    window = MainWindow(prefs=prefs, translations=None, runner=runner, today=date(2026, 11, 23))

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and window.model.rowCount() > 0:
                age = process_age()
                print(f"first_paint: {age:.3f} s")
                print(f"matplotlib_imported: {int('matplotlib' in sys.modules)}")
                QTimer.singleShot(0, scroll_then_quit)
                window.list_view.viewport().removeEventFilter(self)
            return False

    def scroll_then_quit() -> None:
        """Scroll to the bottom a page at a time, then report memory and page queries."""
        view, model = window.list_view, window.model
        step = max(1, view.viewport().height() // view.verticalHeader().defaultSectionSize())
        for row in range(0, model.rowCount(), step):
            view.scrollTo(model.index(row, 0))
            view.viewport().repaint()
        pages = -(-model.rowCount() // model.PAGE)
        print(f"pages_per_scroll: {model.page_loads / pages:.3f} queries/page")
        print(f"resident_memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")
        app.quit()

    watcher = FirstPaint()
    window.list_view.viewport().installEventFilter(watcher)
    window.show()
    window.open_path(Path(sys.argv[1]))
    app.exec()
    window.close()
    runner.shutdown()


if __name__ == "__main__":
    main()
