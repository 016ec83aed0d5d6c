"""`crmdesk pipeline FILE --today D [--json]`: per stage, the opportunities in it now."""

from __future__ import annotations

import argparse
import json
import sys

from crmdesk.cli import _add_today
from crmdesk.cli.messages import words

# The default stages' names (the window's come from its translations; these few are the CLI's).
_DEFAULT_NAMES = {
    "initial": ("Initial contact", "初步接洽"),
    "needs": ("Needs confirmed", "需求确认"),
    "proposal": ("Proposal and quote", "方案报价"),
    "negotiation": ("Negotiation", "谈判"),
    "won": ("Won", "赢单"),
    "lost": ("Lost", "输单"),
}
_HEADINGS = (("Stage", "阶段"), ("Probability", "赢单概率"), ("Count", "数量"), ("Amount", "金额"),
             ("Weighted", "加权金额"), ("Stuck", "停滞"))
_TOTAL = ("Open pipeline", "在谈合计")


def add_parser(verbs: argparse._SubParsersAction) -> None:
    p = verbs.add_parser("pipeline", help="the sales pipeline: per stage, how many opportunities, their amount "
                                          "and weighted amount (amount × win probability)")
    p.add_argument("file")
    p.add_argument("--owner", default=None, help="one owner's opportunities")
    p.add_argument("--json", action="store_true")
    _add_today(p)


def stage_name(key: str, own: str) -> str:
    return own or (words(_DEFAULT_NAMES[key]) if key in _DEFAULT_NAMES else key)


def run(args: argparse.Namespace) -> int:
    from crmdesk.cli import _decimal, today_of
    from crmdesk.domain.money import format_money
    from crmdesk.services import pipeline
    from crmdesk.services.files import reading

    today = today_of(args)
    with reading(args.file) as cf:
        totals = pipeline.totals(cf, args.owner)
        stuck = pipeline.stuck_counts(cf, today, args.owner)
    if args.json:
        json.dump({
            "today": today.isoformat(),
            "owner": args.owner,
            "stages": [{
                "stage": line.stage.key,
                "name": stage_name(line.stage.key, line.stage.name),
                "outcome": line.stage.outcome.value,
                "probability": line.stage.probability,
                "count": line.count,
                "amount": _decimal(line.amount),
                "weighted_amount": _decimal(line.weighted),
                "stuck": stuck.get(line.stage.key, 0),
            } for line in totals.lines],
            "open_count": totals.open_count,
            "open_amount": _decimal(totals.open_amount),
            "weighted_pipeline": _decimal(totals.weighted_pipeline),
        }, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    rows = [tuple(words(h) for h in _HEADINGS)]
    for line in totals.lines:
        rows.append((stage_name(line.stage.key, line.stage.name), f"{line.stage.probability}%", str(line.count),
                     format_money(line.amount), format_money(line.weighted),
                     str(stuck[line.stage.key]) if line.stage.key in stuck else ""))
    rows.append((words(_TOTAL), "", str(totals.open_count), format_money(totals.open_amount),
                 format_money(totals.weighted_pipeline), str(sum(stuck.values()))))
    sys.stdout.writelines("\t".join(row) + "\n" for row in rows)
    return 0
