"""`crmdesk campaigns FILE --today D [--json]`: every campaign with its cost, attributed revenue and ROI.

Attributed orders: non-deleted orders of the campaign's reached customers with
reached_on <= order_date <= end_date + window_days and order_date <= today.
Revenue sums their amounts; margin sums amount - cost over those that have a
cost (the others are counted in ``orders_without_cost``); ROI = (margin - cost)
/ cost, exact, printed with four decimals (null when the cost is 0).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crmdesk.cli import _add_today, _decimal, _print_rows, today_of
from crmdesk.cli.messages import text


def add_parser(verbs) -> None:
    p = verbs.add_parser("campaigns", help="marketing campaigns: cost, customers targeted and reached, revenue "
                                           "and gross margin attributed to them, ROI = (margin - cost) / cost")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--json", action="store_true",
                   help="JSON list of objects, money as decimal strings, roi as a decimal string (4 places) or null")


def _roi(result) -> str | None:
    from crmdesk.domain.campaigns import ratio_decimal

    return None if result.roi is None else str(ratio_decimal(result.roi, 4))


def _roi_percent(result) -> str:
    from crmdesk.domain.campaigns import ratio_decimal

    return "-" if result.roi is None else f"{ratio_decimal(result.roi, 4).scaleb(2)}%"


def as_object(r) -> dict:
    c = r.campaign
    return {
        "id": c.id,
        "name": c.name,
        "channel": c.channel.value,
        "start": c.start_date.isoformat(),
        "end": c.end_date.isoformat(),
        "window_days": c.window_days,
        "cost": _decimal(r.cost),
        "targeted": r.targeted,
        "reached": r.reached,
        "orders": r.orders,
        "attributed_revenue": _decimal(r.revenue),
        "attributed_margin": _decimal(r.margin),
        "orders_without_cost": r.orders_without_cost,
        "roi": _roi(r),
    }


def as_line(r) -> str:
    from crmdesk.domain.money import format_money

    c = r.campaign
    cells = [c.name, c.channel.value, c.start_date.isoformat(), c.end_date.isoformat(), format_money(r.cost),
             f"{r.reached}/{r.targeted}", str(r.orders), format_money(r.revenue), format_money(r.margin),
             _roi_percent(r)]
    if r.orders_without_cost:
        cells.append(text("campaign_orders_without_cost", count=r.orders_without_cost))
    return "\t".join(cells)


def run(args: argparse.Namespace) -> int:
    from crmdesk.services.campaigns import campaign_results
    from crmdesk.services.files import reading

    today = today_of(args)
    with reading(args.file) as cf:
        rows = campaign_results(cf, today)
    return _print_rows(args, rows, as_object, as_line, "no_campaigns")
