"""Helper for bench_analysis: in a fresh process (so matplotlib is not yet imported),
time opening the analysis view on FILE: the import, the view, the dashboard's
figures, up to the first paint.

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
    from PySide6.QtWidgets import QApplication

    from common import TODAY
    from crmdesk.storage.customer_file import CustomerFile

    app = QApplication(sys.argv[:1])
    cf = CustomerFile.open(Path(sys.argv[1]))
    assert "matplotlib" not in sys.modules
    start = time.perf_counter()
    from crmdesk.ui.analysis.analysis_view import AnalysisAccess, AnalysisView

    imported = time.perf_counter()
    view = AnalysisView(AnalysisAccess(cf, TODAY))
    view.resize(1200, 760)
    view.show()
    app.processEvents()
    view.repaint()
    shown = time.perf_counter()
    print(f"import: {imported - start:.3f} s")
    print(f"first_open: {shown - start:.3f} s")
    cf.close()


if __name__ == "__main__":
    main()
