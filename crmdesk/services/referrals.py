"""Referral use-cases: set or clear who referred a customer, and what a referrer brought.

The rules (no self-referral, no cycle, what counts as referred revenue) are
domain.referrals; a refused referral raises ReferralRefused and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmdesk.domain.referrals import Referral, ReferralProblem, referral_problem
from crmdesk.storage import customers as customer_store
from crmdesk.storage import referrals as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.referrals import ReferredRow, ReferrerLine



class ReferralRefused(ValueError):
    def __init__(self, problem: ReferralProblem, params: dict[str, object] | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.params = dict(params or {})


@dataclass(frozen=True)
class Referrals:
    """A customer's place among referrals: who referred it, whom it referred, and their revenue."""

    referrer: ReferrerLine | None
    referred_on: date | None
    referred: tuple[ReferredRow, ...]

    @property
    def referred_revenue(self) -> int:
        """Fen: the referred customers' orders since their referral (domain.referrals)."""
        return sum(r.revenue for r in self.referred)


def set_referrer(cf: CustomerFile, referred_id: int, referrer_id: int, referred_on: date | None = None) -> Referral:
    """Record that ``referrer_id`` referred ``referred_id`` (replacing an earlier referrer)."""
    with cf.transaction():
        for customer_id in (referred_id, referrer_id):
            customer = customer_store.get_customer(cf, customer_id)
            if customer is None or customer.deleted_at is not None:
                raise ReferralRefused(ReferralProblem.NOT_FOUND, {"id": customer_id})
        problem = referral_problem(referred_id, referrer_id, store.referrer_chain(cf, referrer_id))
        if problem is not None:
            line = store.referrer_line(cf, referrer_id)
            raise ReferralRefused(problem, {"code": line.code if line else "", "name": line.name if line else ""})
        referral = Referral(referred_id, referrer_id, referred_on)
        store.set_referral(cf, referral)
    return referral


def clear_referrer(cf: CustomerFile, referred_id: int) -> bool:
    """Forget who referred the customer; False when nobody was recorded."""
    return store.clear_referral(cf, referred_id)


def referrals_of(cf: CustomerFile, customer_id: int) -> Referrals:
    referral = store.get_referral(cf, customer_id)
    return Referrals(
        store.referrer_line(cf, referral.referrer_id) if referral else None,
        referral.referred_on if referral else None,
        tuple(store.referred_customers(cf, customer_id)),
    )
