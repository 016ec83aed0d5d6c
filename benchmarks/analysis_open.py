"""Helper for bench_analysis: in a fresh process that has the window's modules
loaded (as the running app has) but not matplotlib, time opening the analysis
view on FILE: the import, the view and the dashboard's figures up to their first
paint; then to the sales trend drawn under them.

    python benchmarks/analysis_open.py FILE
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    import crmdesk.ui.main_window  # noqa: F401  what the running window has imported already
    from common import TODAY
    from crmdesk.storage.customer_file import CustomerFile

    app = QApplication(sys.argv[:1])
    cf = CustomerFile.open(Path(sys.argv[1]))
    assert "matplotlib" not in sys.modules
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    start = time.perf_counter()
    from crmdesk.ui.analysis.analysis_view import AnalysisAccess, AnalysisView

    imported = time.perf_counter()
    view = AnalysisView(AnalysisAccess(cf, TODAY))
    watcher = FirstPaint()
    view.dashboard.tiles["revenue"].installEventFilter(watcher)
    view.resize(1200, 760)
    view.show()
    while not view.dashboard.trend.hovers():
        app.processEvents()
    trend = time.perf_counter()
    print(f"import: {imported - start:.3f} s")
    print(f"first_open: {painted[0] - start:.3f} s")
    print(f"with_trend: {trend - start:.3f} s")
    cf.close()


if __name__ == "__main__":
    main()
