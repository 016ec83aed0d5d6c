"""`crmdesk suggest FILE --product P | --customer CODE [--limit N] [--json]`: cross-selling suggestions.

--product: the customers who resemble P's buyers (same industry, province,
tier, products bought together) and have not bought it, best first, each with
its reasons.  --customer: the products people like that customer buy and it
has not.  The scoring is domain.cross_sell's (its docstring says it exactly).

JSON, --product: {"product", "buyers", "candidates", "matched", "customers",
"suggestions": [{"code", "name", "owner", "score", "reasons": [{"kind", "value",
"count", "of", "points", "base"}]}]}; --customer: {"customer", "name",
"customers", "products": [{"product", "buyers", "score", "reasons"}]}.  A
reason's kind is industry, region, tier or co_purchase; value is what is shared
(or the product bought); count of of are its numbers; base how many of the
file's "customers" share the value (co_purchase: bought the suggested product);
points its part of the score, W * (count * customers - of * base) /
(customers * (of + K)) / 100 (W its weight, K = 5 the prior): only what the
buyers have beyond the file as a whole counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from crmdesk.cli.messages import chinese

DEFAULT_LIMIT = 20
_NEAR = 8  # products named when the one asked for has no orders

# This verb's own words (English, Chinese), as cli.messages holds the others'.
_TEXTS: dict[str, tuple[str, str]] = {
    "header": ("{product}: {buyers} buyers; {matched} of {candidates} other customers resemble them",
               "{product}：{buyers} 位客户买过；其余 {candidates} 位客户中 {matched} 位与他们相似"),
    "customer_header": ("{code} {name}: products people like them buy", "{code} {name}：相似客户买的产品"),
    "no_suggestions": ("no customer resembles its buyers", "没有与买过的客户相似的客户"),
    "no_products": ("no product to suggest", "没有可推荐的产品"),
    "unknown_product": ("{file}: no orders of \"{product}\"", "{file}：没有「{product}」的订单"),
    "near": ("products like it: {names}", "相近的产品：{names}"),
    "most_bought": ("products with the most buyers: {names}", "买的客户最多的产品：{names}"),
    "unknown_customer": ("{file}: no customer with code {code}", "{file}：没有编号为 {code} 的客户"),
}


def _text(key: str, **params: object) -> str:
    english, zh = _TEXTS[key]
    return (zh if chinese() else english).format(**params)


def _limit(value: str) -> int:
    try:
        limit = int(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a whole number: {value}") from e
    if limit < 0:
        raise argparse.ArgumentTypeError("the limit is 0 (all) or more")
    return limit


def add_parser(verbs) -> None:
    p = verbs.add_parser("suggest", help="cross-selling: the customers who resemble a product's buyers and have not "
                                         "bought it, or the products people like a customer buy; with the reasons")
    p.add_argument("file", type=Path)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--product", help="the product or service, as written in the orders")
    which.add_argument("--customer", metavar="CODE", help="a customer's code: the products to offer it")
    p.add_argument("--limit", type=_limit, default=DEFAULT_LIMIT, metavar="N",
                   help=f"at most N suggestions (default {DEFAULT_LIMIT}; 0: all)")
    p.add_argument("--json", action="store_true",
                   help="JSON object: product, buyers, candidates, matched, customers, suggestions [{code, name, "
                        "owner, score, reasons [{kind, value, count, of, points, base}]}]; with --customer: "
                        "customer, name, customers, products [{product, buyers, score, reasons}]")


def _reason(r) -> dict:
    return {"kind": r.kind.value, "value": r.value, "count": r.count, "of": r.of, "points": r.points,
            "base": r.base}


def _print_json(value: dict) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1)
    print()


def run(args: argparse.Namespace) -> int:
    from crmdesk.services import suggestions
    from crmdesk.services.files import reading

    limit = args.limit or None
    with reading(args.file) as cf:
        cross_sell = suggestions.load_cross_sell(cf)
        customer_id = suggestions.customer_id(cf, args.customer) if args.customer is not None else None
    if args.customer is not None:
        profile = cross_sell.profile(customer_id) if customer_id is not None else None
        if profile is None:
            print(_text("unknown_customer", file=args.file, code=args.customer), file=sys.stderr)
            return 1
        return _products(args, cross_sell, profile, limit)
    if not cross_sell.buyers(args.product):
        _unknown_product(args, cross_sell)
        return 1
    return _customers(args, cross_sell.customers_for(args.product, limit), len(cross_sell))


def _customers(args: argparse.Namespace, found, customers: int) -> int:
    from crmdesk.services.suggestions import reasons_text, score_text

    if args.json:
        _print_json({
            "product": found.product, "buyers": found.buyers, "candidates": found.candidates,
            "matched": found.matched, "customers": customers,
            "suggestions": [{"code": s.code, "name": s.name, "owner": s.owner, "score": s.score,
                             "reasons": [_reason(r) for r in s.reasons]} for s in found.suggestions],
        })
        return 0
    zh = chinese()
    print(_text("header", product=found.product, buyers=found.buyers, candidates=found.candidates,
                matched=found.matched))
    if not found.suggestions:
        print(_text("no_suggestions"))
    sys.stdout.writelines(
        "\t".join((str(rank), s.code, s.name, score_text(s.score), reasons_text(s.reasons, found.product,
                                                                                chinese=zh))) + "\n"
        for rank, s in enumerate(found.suggestions, 1)
    )
    return 0


def _products(args: argparse.Namespace, cross_sell, profile, limit: int | None) -> int:
    from crmdesk.services.suggestions import reasons_text, score_text

    found = cross_sell.products_for(profile.id, limit)
    if args.json:
        _print_json({
            "customer": profile.code, "name": profile.name, "customers": len(cross_sell),
            "products": [{"product": p.product, "buyers": p.buyers, "score": p.score,
                          "reasons": [_reason(r) for r in p.reasons]} for p in found],
        })
        return 0
    zh = chinese()
    print(_text("customer_header", code=profile.code, name=profile.name))
    if not found:
        print(_text("no_products"))
    sys.stdout.writelines(
        "\t".join((str(rank), p.product, str(p.buyers), score_text(p.score),
                   reasons_text(p.reasons, p.product, chinese=zh))) + "\n"
        for rank, p in enumerate(found, 1)
    )
    return 0


def _unknown_product(args: argparse.Namespace, cross_sell) -> None:
    """Say so, and name the products whose text contains (or is contained in) the one asked for, else the
    most bought ones."""
    print(_text("unknown_product", file=args.file, product=args.product), file=sys.stderr)
    asked = args.product.strip().casefold()
    products = cross_sell.products()
    near = [p for p, _ in products if asked and (asked in p.casefold() or p.casefold() in asked)][:_NEAR]
    key = "near" if near else "most_bought"
    names = near or [f"{p} ({n})" for p, n in products[:_NEAR]]
    if names:
        print(_text(key, names=", ".join(names)), file=sys.stderr)
