"""`crmdesk targets FILE [--period P] [--owner O] [--set OWNER=AMOUNT ...] [--json] [--today D]`.

Each owner's sales target (业绩指标) for a month (2026-11) or a quarter
(2026-Q4), what was sold and credited to them in it (the won opportunity's
owner, else the customer's), the gap and the progress.  ``--set`` stores
targets for the period first (an empty amount removes one), all or none.
"""

from __future__ import annotations

import argparse
import json
import sys

from crmdesk.cli import _add_today
from crmdesk.cli.messages import words

_HEADINGS = (("Owner", "负责人"), ("Target", "指标"), ("Actual", "完成"), ("Gap", "差额"), ("Progress", "完成率"))
_USAGE = ("--set needs OWNER=AMOUNT", "--set 的格式是 负责人=金额")
_REFUSED = ("not stored: {what}", "未保存：{what}")
_NOTHING = ("no targets for {period}", "{period} 没有业绩指标")


def add_parser(verbs: argparse._SubParsersAction) -> None:
    p = verbs.add_parser("targets", help="sales targets per owner for a month or quarter: target, actual "
                                         "(credited to the won opportunity's owner, else the customer's), gap")
    p.add_argument("file")
    p.add_argument("--period", type=_period, default=None,
                   help="YYYY-MM or YYYY-Qn (default: the month of --today)")
    p.add_argument("--owner", default=None, help="one owner only")
    p.add_argument("--set", action="append", default=[], metavar="OWNER=AMOUNT",
                   help="store OWNER's target for the period first (yuan; empty removes it); may repeat")
    p.add_argument("--json", action="store_true", help="JSON, money as decimal strings")
    _add_today(p)


def _period(value: str):
    from crmdesk.domain.orders import Period

    try:
        return Period.parse(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a month or quarter: {value} (YYYY-MM or YYYY-Qn)") from e


def _changes(args: argparse.Namespace, period) -> list[tuple[str, object, int | None]] | str:
    """The --set pairs as (owner, period, fen or None), or what is wrong with one."""
    from crmdesk.domain.money import MoneyError, parse_money

    changes = []
    for pair in args.set:
        owner, sep, amount = pair.partition("=")
        if not sep:
            return words(_USAGE)
        try:
            changes.append((owner, period, parse_money(amount) if amount.strip() else None))
        except MoneyError as e:
            return words(_REFUSED).format(what=f"{pair}: {e.code}")
    return changes


def run(args: argparse.Namespace) -> int:
    from crmdesk.cli import _decimal, today_of
    from crmdesk.domain.money import format_money
    from crmdesk.domain.orders import Period
    from crmdesk.services import targets
    from crmdesk.services.files import open_file, reading

    today = today_of(args)
    period = args.period or Period.month_of(today)
    if args.set:
        changes = _changes(args, period)
        if isinstance(changes, str):
            print(changes, file=sys.stderr)
            return 2
        with open_file(args.file) as cf:
            refused = targets.apply_targets(cf, changes)
        if refused:
            what = "; ".join(f"{owner} {p}: {', '.join(e.code.value for e in errors)}"
                             for (owner, p), errors in refused.items())
            print(words(_REFUSED).format(what=what), file=sys.stderr)
            return 1
    with reading(args.file) as cf:
        rows = targets.progress(cf, period, today, args.owner)
    if args.json:
        json.dump({
            "period": str(period),
            "today": today.isoformat(),
            "targets": [{
                "owner": r.owner,
                "target": _decimal(r.target),
                "actual": _decimal(r.actual),
                "gap": _decimal(r.gap),
                "percent": r.percent,
                "behind": r.behind,
            } for r in rows],
        }, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not rows:
        print(words(_NOTHING).format(period=period))
        return 0
    lines = [tuple(words(h) for h in _HEADINGS)]
    lines += [(r.owner, format_money(r.target), format_money(r.actual), format_money(r.gap), f"{r.percent}%")
              for r in rows]
    sys.stdout.writelines("\t".join(line) + "\n" for line in lines)
    return 0
