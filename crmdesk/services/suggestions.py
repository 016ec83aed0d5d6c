"""Cross-selling suggestions as use-cases: read the file's profiles, rank (domain.cross_sell),
then act on the list: export it, plan a follow-up per customer, make it a campaign.

Reading the profiles is the slow part (one pass over the orders: about a second
on 100,000 customers and 1,000,000 orders); ranking from a loaded ``CrossSell``
is a fraction of that, so a window loads it once and asks it many times.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crmdesk.domain.cross_sell import CrossSell, ProductSuggestion, ProductSuggestions, Reason, ReasonKind
from crmdesk.domain.followups import ContactMethod, FollowUp, follow_up_errors
from crmdesk.domain.validation import FieldError
from crmdesk.formats.writing import Column, ColumnType, Table, write_csv, write_xlsx
from crmdesk.services.exporting import ExportError, ExportProblem
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import suggestions as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.customers import customer_id_by_code

Progress = Callable[[int, int], None]  # (rows written, rows in all), as services.exporting


def load_cross_sell(cf: CustomerFile) -> CrossSell:
    """Every live customer's profile (industry, province, tier, products bought), indexed by product."""
    return CrossSell(store.customer_profiles(cf))


def customers_for(cf: CustomerFile, product: str, limit: int | None = None) -> ProductSuggestions:
    """The customers who resemble the buyers of ``product`` and have not bought it, best first."""
    return load_cross_sell(cf).customers_for(product, limit)


def products_for(cf: CustomerFile, customer_id: int, limit: int | None = None) -> tuple[ProductSuggestion, ...]:
    """The products people like this customer buy and it has not, best first."""
    return load_cross_sell(cf).products_for(customer_id, limit)


def customer_id(cf: CustomerFile, code: str) -> int | None:
    """The live customer with this code (for the command line's --customer CODE)."""
    return customer_id_by_code(cf, code)


# ---------------------------------------------------------------- words (export, command line)

_REASONS: dict[ReasonKind, tuple[str, str]] = {
    ReasonKind.INDUSTRY: ("同行业（{value}）：{count}/{of} 位买过的客户", "same industry ({value}) as {count} of {of} buyers"),
    ReasonKind.REGION: ("同地区（{value}）：{count}/{of} 位买过的客户", "same region ({value}) as {count} of {of} buyers"),
    ReasonKind.TIER: ("同等级（{value} 类）：{count}/{of} 位买过的客户", "same tier ({value}) as {count} of {of} buyers"),
    ReasonKind.CO_PURCHASE: ("买过「{value}」：其 {of} 位客户中 {count} 位也买了「{product}」",
                             "bought {value}: {count} of its {of} buyers also bought {product}"),
}
_WORDS: dict[str, tuple[str, str]] = {
    "sheet": ("推荐客户", "Suggestions"),
    "product": ("产品", "Product"),
    "rank": ("排名", "Rank"),
    "code": ("客户编号", "Customer code"),
    "name": ("客户名称", "Customer name"),
    "owner": ("负责人", "Owner"),
    "score": ("得分", "Score"),
    "reasons": ("推荐理由", "Why"),
    "purpose": ("推荐 {product}", "Recommend {product}"),
}
REASON_SEPARATOR = ("；", "; ")


def reason_text(reason: Reason, product: str, *, chinese: bool) -> str:
    """One reason as a phrase: "same industry (物流) as 6 of 10 buyers"."""
    template = _REASONS[reason.kind][0 if chinese else 1]
    return template.format(value=reason.value, count=reason.count, of=reason.of, product=product)


def reasons_text(reasons: Sequence[Reason], product: str, *, chinese: bool) -> str:
    return REASON_SEPARATOR[0 if chinese else 1].join(reason_text(r, product, chinese=chinese) for r in reasons)


def word(key: str, *, chinese: bool) -> str:
    return _WORDS[key][0 if chinese else 1]


def default_purpose(product: str, *, chinese: bool) -> str:
    """The follow-up's purpose when the user does not write one: 推荐 冷链仓储."""
    return word("purpose", chinese=chinese).format(product=product)


def score_text(score: float) -> str:
    return f"{score:.4f}"


# ---------------------------------------------------------------- export


def export_suggestions(path: str | os.PathLike, found: ProductSuggestions, *, chinese: bool,
                       progress: Progress | None = None) -> int:
    """The ranked list to .xlsx or .csv (by the suffix), atomically as every export
    (formats.writing): product, rank, code, name, owner, score, the reasons worded.
    Returns the rows written."""
    suffix = Path(path).suffix.lower()
    formats = (".xlsx", ".csv")
    if suffix not in formats:
        raise ExportError(ExportProblem.UNSUPPORTED_FORMAT, Path(path), suffix=suffix, formats=formats)
    columns = (
        Column(word("product", chinese=chinese), ColumnType.TEXT, 20),
        Column(word("rank", chinese=chinese), ColumnType.INTEGER, 6),
        Column(word("code", chinese=chinese), ColumnType.TEXT, 11),
        Column(word("name", chinese=chinese), ColumnType.TEXT, 28),
        Column(word("owner", chinese=chinese), ColumnType.TEXT, 10),
        Column(word("score", chinese=chinese), ColumnType.TEXT, 8),
        Column(word("reasons", chinese=chinese), ColumnType.TEXT, 80),
    )
    rows = (
        (found.product, rank, s.code, s.name, s.owner, score_text(s.score),
         reasons_text(s.reasons, found.product, chinese=chinese))
        for rank, s in enumerate(found.suggestions, 1)
    )
    table = Table(word("sheet", chinese=chinese), columns, rows)
    total = len(found.suggestions)
    counted = None if progress is None else (lambda done: progress(done, total))
    written = write_csv(path, table, progress=counted) if suffix == ".csv" else write_xlsx(
        path, [table], progress=counted)
    if progress is not None:
        progress(written, total)
    return written


# ---------------------------------------------------------------- follow-ups


@dataclass(frozen=True)
class PlannedFollowUps:
    """What ``plan_follow_ups`` did: how many it stored, and whom it left alone."""

    created: int
    already_planned: tuple[int, ...] = ()  # customers with a planned follow-up of this purpose already
    gone: tuple[int, ...] = ()  # customers no longer in the file (or in the recycle bin)


def plan_follow_ups(cf: CustomerFile, customer_ids: Sequence[int], purpose: str, due_date: date, *,
                    method: ContactMethod = ContactMethod.PHONE,
                    due_time: str | None = None) -> PlannedFollowUps | list[FieldError]:
    """A planned follow-up per customer, by hand (source manual), with the customer's owner,
    all in one transaction; or the errors of the follow-up (purpose, time), nothing stored.

    A customer that already has a *planned* follow-up with the very same purpose
    is skipped, so pressing the button twice does not call anyone twice.
    """
    purpose = purpose.strip()
    errors = follow_up_errors(FollowUp(0, due_date, method, purpose, due_time))
    if errors:
        return errors
    owners = store.owners_of(cf, customer_ids)
    wanted = list(dict.fromkeys(customer_ids))
    with cf.transaction():
        already = store.with_planned_purpose(cf, list(owners), purpose)
        rows = [FollowUp(cid, due_date, method, purpose, due_time, owner)
                for cid, owner in owners.items() if cid not in already]
        created = follow_up_store.insert_follow_ups(cf, rows) if rows else 0
    return PlannedFollowUps(
        created,
        tuple(cid for cid in wanted if cid in already),
        tuple(cid for cid in wanted if cid not in owners),
    )
