"""The sales pipeline's use-cases: opportunities saved and moved, the board's and the funnel's figures.

Winning an opportunity can create its order: the order goes through the
ledger's own checks (credit limit included), and the order, the move to the
won stage and the customer's lifecycle change (prospect → active, in
services.ledger) are one transaction, so a customer never has a won
opportunity without the order it was won with, or the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from crmdesk.domain.orders import Order
from crmdesk.domain.pipeline import (
    Funnel,
    Opportunity,
    Outcome,
    PipelineTotals,
    Stages,
    funnel,
    pipeline_totals,
    validate_opportunity,
)
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.services import ledger
from crmdesk.services.ledger import OrderResult
from crmdesk.storage import file_settings
from crmdesk.storage import opportunities as store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem


def stages(cf: CustomerFile) -> Stages:
    return file_settings.pipeline_stages(cf)


@dataclass(frozen=True)
class Saved:
    opportunity: Opportunity | None  # None: nothing was saved
    errors: tuple[FieldError, ...] = ()
    order: OrderResult | None = None  # winning with an order: the ledger's answer

    @property
    def needs_confirmation(self) -> bool:
        """The order would take the receivable over the credit limit: ask, then move again with it confirmed."""
        return self.order is not None and self.order.needs_confirmation


def save_opportunity(cf: CustomerFile, opp: Opportunity) -> Saved:
    """Add (no id) or change an opportunity's fields; the stage changes only through ``move``."""
    all_stages = stages(cf)
    errors = validate_opportunity(opp, all_stages)
    if errors:
        return Saved(None, tuple(errors))
    if opp.id is None:
        return Saved(store.insert_opportunity(cf, opp))
    old = store.get_opportunity(cf, opp.id)
    if old is None:
        raise WriteError(WriteProblem.CONFLICT, f"opportunity {opp.id} is gone")
    kept = replace(opp, stage=old.stage, stage_since=old.stage_since, order_id=old.order_id,
                   closed_on=old.closed_on)
    return Saved(store.update_opportunity(cf, kept))


def proposed_order(opp: Opportunity, today: date) -> Order:
    """The order winning ``opp`` would create, for the user to check and change."""
    return Order(customer_id=opp.customer_id, order_date=today, product=(opp.product or opp.title).strip(),
                 quantity=1, amount=opp.amount)


def move(cf: CustomerFile, opp: Opportunity, stage: str, today: date, *, lost_reason: str = "",
         order: Order | None = None, over_limit_confirmed: bool = False) -> Saved:
    """Move ``opp`` (as the caller read it) to ``stage`` today.

    Lost needs a reason; won may bring an ``order``, saved with it or not at
    all.  Moving a closed one back to an open stage reopens it (its order, if
    any, stays: the ledger is where orders are taken back).
    """
    all_stages = stages(cf)
    if stage not in all_stages:
        return Saved(None, (FieldError("stage", ErrorCode.INVALID_CHOICE),))
    if stage == opp.stage:
        return Saved(opp)
    target = all_stages.by_key[stage]
    day = max(today, opp.stage_since or today)
    moved = replace(opp, stage=stage, stage_since=day,
                    closed_on=None if target.is_open else day,
                    lost_reason=lost_reason.strip() if target.outcome is Outcome.LOST else opp.lost_reason)
    errors = validate_opportunity(moved, all_stages)
    if errors:
        return Saved(None, tuple(errors))
    with cf.transaction():
        result = None
        if order is not None and target.outcome is Outcome.WON:
            result = ledger.save_order(cf, replace(order, customer_id=opp.customer_id), today,
                                       over_limit_confirmed=over_limit_confirmed)
            if result.order is None:
                return Saved(None, result.errors, result)
            moved = replace(moved, order_id=result.order.id)
        return Saved(store.update_opportunity(cf, moved), (), result)


def delete_opportunity(cf: CustomerFile, opp: Opportunity) -> None:
    store.delete_opportunity(cf, opp)


def totals(cf: CustomerFile, owner: str | None = None) -> PipelineTotals:
    """Per stage, the opportunities in it now (every owner's, or one's): count, amount, weighted amount."""
    return pipeline_totals(stages(cf), ((key, amount) for _id, key, amount in store.current(cf, owner)))


def sales_funnel(cf: CustomerFile, owner: str | None = None) -> Funnel:
    return funnel(stages(cf), store.current(cf, owner), store.stays(cf, owner=owner))


def stuck_counts(cf: CustomerFile, today: date, owner: str | None = None) -> dict[str, int]:
    """Per open stage, how many opportunities have been in it longer than the file's stuck days."""
    all_stages, rules = stages(cf), file_settings.pipeline_rules(cf)
    counts = dict.fromkeys((s.key for s in all_stages.open), 0)
    for card in store.board_cards(cf):
        opp = card.opportunity
        if opp.stage in counts and (owner is None or opp.owner == owner) and rules.is_stuck(opp.stage_since, today):
            counts[opp.stage] += 1
    return counts
