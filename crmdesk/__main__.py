"""``python -m crmdesk``: a verb runs the command line, anything else the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from crmdesk.cli import RENDERING_VERBS, VERBS

    if argv and argv[0] in VERBS:
        from crmdesk.cli import main as cli_main

        if argv[0] in RENDERING_VERBS:
            from crmdesk.app import report  # Qt and matplotlib draw it

            return cli_main(argv, renderers={"report": report})
        return cli_main(argv)
    from crmdesk.app import main as app_main  # imports Qt; the CLI never does

    return app_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
