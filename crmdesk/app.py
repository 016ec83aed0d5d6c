"""Start the window: arguments, QApplication, translations, the file to open."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from crmdesk import __version__
from crmdesk.ui import preferences as options
from crmdesk.ui.i18n import Translations, effective_language
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.preferences import Preferences
from crmdesk.ui.single_instance import SingleInstance
from crmdesk.ui.tasks import TaskRunner


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crmdesk", description="crmdesk: your customer file")
    parser.add_argument("file", nargs="?", type=Path, help="a .crmdesk customer file to open")
    parser.add_argument("--demo", action="store_true", help="open the demo file (made on first use)")
    parser.add_argument("--customer", metavar="CODE", help="show this customer once the file is open")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language for this run")
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)  # screenshots, tests
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    return parser


def report(args: argparse.Namespace) -> int:
    """`crmdesk report FILE --out DIR`: drawn without a window (offscreen when there is no screen)."""
    import os

    from PySide6.QtGui import QGuiApplication

    from crmdesk.cli import today_of
    from crmdesk.services.files import reading
    from crmdesk.domain.statements import last_whole_month
    from crmdesk.ui.reports.report_files import write_report

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    Translations(app).install(args.lang or effective_language("system"))
    today = today_of(args)
    with reading(args.file) as cf:
        for path in write_report(cf, today, args.out, args.month or last_whole_month(today), args.owner):
            print(path)
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("crmdesk")
    app.setApplicationVersion(__version__)
    instance = SingleInstance()
    file = str(args.file.resolve()) if args.file is not None else None
    if instance.hand_off({"file": file, "demo": args.demo}):
        return 0  # the running window opens it
    instance.listen()
    prefs = Preferences()
    translations = Translations(app)
    translations.install(args.lang or effective_language(prefs.get(options.LANGUAGE)))
    runner = TaskRunner()
    window = MainWindow(
        prefs=prefs,
        translations=translations,
        runner=runner,
        today=args.today or date.today(),  # the one place the wall clock enters the window
    )
    instance.received.connect(window.receive_hand_off)
    window.show()
    window.open_initial(args.file, demo=args.demo, show_code=args.customer)
    code = app.exec()
    runner.shutdown()
    return code
