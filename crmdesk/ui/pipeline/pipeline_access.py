"""PipelineAccess: what the pipeline window may do, bound to the open file and today."""

from __future__ import annotations


from crmdesk.domain.orders import Order
from crmdesk.domain.pipeline import Funnel, Opportunity, PipelineRules, PipelineTotals, Stages
from crmdesk.services import customers as customer_service
from crmdesk.services import pipeline
from crmdesk.services.ledger import OrderResult
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import opportunities as store
from crmdesk.storage.opportunities import BoardCard
from crmdesk.ui.file_access import FileAccess



class PipelineAccess(FileAccess):
    def stages(self) -> Stages:
        return pipeline.stages(self._cf)

    def rules(self) -> PipelineRules:
        return file_settings.pipeline_rules(self._cf)

    def cards(self) -> list[BoardCard]:
        return store.board_cards(self._cf)

    def totals(self, owner: str | None = None) -> PipelineTotals:
        return pipeline.totals(self._cf, owner)

    def funnel(self, owner: str | None = None) -> Funnel:
        return pipeline.sales_funnel(self._cf, owner)

    def opportunities_of(self, customer_id: int) -> list[Opportunity]:
        return store.opportunities_of(self._cf, customer_id)

    def owners(self) -> list[str]:
        return store.owners(self._cf)

    def save(self, opp: Opportunity) -> pipeline.Saved:
        return pipeline.save_opportunity(self._cf, opp)

    def move(self, opp: Opportunity, stage: str, *, lost_reason: str = "", order: Order | None = None,
             over_limit_confirmed: bool = False) -> pipeline.Saved:
        return pipeline.move(self._cf, opp, stage, self.today, lost_reason=lost_reason, order=order,
                             over_limit_confirmed=over_limit_confirmed)

    def delete(self, opp: Opportunity) -> None:
        pipeline.delete_opportunity(self._cf, opp)

    def proposed_order(self, opp: Opportunity) -> Order:
        return pipeline.proposed_order(opp, self.today)

    def set_settings(self, stages: Stages, rules: PipelineRules) -> None:
        file_settings.set_pipeline_settings(self._cf, stages, rules)

    def count_in_stage(self, key: str) -> int:
        return store.count_in_stage(self._cf, key)

    # -- customers, for the picker

    def find_customers(self, text: str) -> list[tuple[int, str, str]]:
        """(id, code, name) of the first customers matching ``text`` (name, pinyin, code, phone)."""
        return [(r.id, r.code, r.name) for r in customer_service.picker_matches(self._cf, text)]

    def customer_line(self, customer_id: int) -> tuple[str, str | None]:
        """"CODE name" as the picker shows it, and the customer's owner (the new opportunity's, by default)."""
        customer = customer_store.get_customer(self._cf, customer_id)
        return (f"{customer.code} {customer.name}", customer.owner) if customer is not None else ("", None)


class WinningLedger:
    """What OrderDialog needs of a ledger, saving the order together with the move to won.

    The order dialog asks and words the credit check as for any order; its
    save here is the pipeline's move, so order and move are one write.
    """

    def __init__(self, access: PipelineAccess, opp: Opportunity, stage: str) -> None:
        self._access, self._opp, self._stage = access, opp, stage
        self.today = access.today
        self.read_only = access.read_only
        self.moved: Opportunity | None = None

    def save_order(self, order: Order, *, over_limit_confirmed: bool = False) -> OrderResult:
        saved = self._access.move(self._opp, self._stage, order=order, over_limit_confirmed=over_limit_confirmed)
        self.moved = saved.opportunity
        if saved.order is not None:
            return saved.order
        return OrderResult(None, saved.errors)
