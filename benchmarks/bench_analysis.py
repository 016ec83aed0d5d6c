"""Analysis speed on 100,000 customers with 1,000,000 orders (issue 10).

    .venv/bin/python benchmarks/bench_analysis.py [--customers N] [--orders M] [--runs R]

On a scratch copy analysed as the window would (tiers, scores, cadence follow-ups)
with 3,000 demo complaints.  Prints `name: value unit` lines (medians; the scope is
this year up to 2026-11-23, everyone's customers):
  analysis_import            importing the analysis view (matplotlib with it), fresh process
  analysis_first_open        that, plus the view and the dashboard's figures, to their first paint
  analysis_with_trend        and to the sales trend drawn under them
  dashboard_figures          the headline figures alone
  chart_<key>                one chart: reading its data and drawing it on a 1000x600 canvas
  chart_<key>_data           of which reading the data
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import TODAY, analysed_copy, median_seconds, report, size_arguments  # noqa: E402


def main() -> None:
    args = size_arguments(runs=5)
    with analysed_copy(args.customers, args.orders) as (path, _complaints):
        measure(path, args.runs)


def measure(path: Path, runs: int) -> None:
    here = Path(__file__).resolve().parent
    imports, opens, trends = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, str(here / "analysis_open.py"), str(path)],
                             check=True, capture_output=True, text=True).stdout
        values = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
        imports.append(float(values["import"].split()[0]))
        opens.append(float(values["first_open"].split()[0]))
        trends.append(float(values["with_trend"].split()[0]))
    report("analysis_import", statistics.median(imports), "s")
    report("analysis_first_open", statistics.median(opens), "s")
    report("analysis_with_trend", statistics.median(trends), "s")

    from datetime import date

    from PySide6.QtWidgets import QApplication

    from crmdesk.services import reports
    from crmdesk.storage.customer_file import CustomerFile
    from crmdesk.ui.charts.catalog import CHARTS
    from crmdesk.ui.charts.chart_canvas import ChartCanvas

    app = QApplication(sys.argv[:1])
    cf = CustomerFile.open(path)
    scope = reports.Scope(date(TODAY.year, 1, 1), TODAY)
    report("dashboard_figures", median_seconds(lambda: reports.headlines(cf, scope, TODAY), runs), "s")
    canvas = ChartCanvas()
    canvas.resize(1000, 600)
    canvas.show()
    for spec in CHARTS:
        def draw(spec=spec) -> None:
            canvas.show_chart(spec.drawer(spec.fetch(cf, scope, TODAY)))
            canvas.canvas.draw()
            app.processEvents()

        report(f"chart_{spec.key}", median_seconds(draw, runs), "s")
        report(f"chart_{spec.key}_data", median_seconds(lambda spec=spec: spec.fetch(cf, scope, TODAY), runs), "s")
    cf.close()


if __name__ == "__main__":
    main()
