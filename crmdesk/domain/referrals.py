"""Referrals between customers of the file (转介绍, seed 003: the referrer is rewarded).

A customer has at most one referrer, another customer of the file (the
free-text ``referred_by`` field stays for referrers who are not customers).
Referrals form a forest: a customer cannot refer itself, and no chain of
referrals may come back to where it started (A referred B, B referred A):
the referrer was a customer before the one it brought, so a cycle is
always a mistake of entry.

Referred revenue (转介绍业绩) of a referrer: the orders of the customers it
referred, dated on or after the day of each referral; a referral with no
date counts all of that customer's orders.  Only direct referrals count (a
customer referred by someone the referrer brought is not the referrer's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ReferralProblem(StrEnum):
    """Why a referral cannot be recorded (the UI words it)."""

    SELF = "self_referral"  # a customer cannot refer itself
    CYCLE = "referral_cycle"  # the referrer was (indirectly) referred by this customer
    NOT_FOUND = "referral_customer_not_found"  # either customer is not in the file (or in the recycle bin)


@dataclass(frozen=True)
class Referral:
    referred_id: int
    referrer_id: int
    referred_on: date | None = None  # None: not known; every order of the referred customer counts


def referral_problem(referred_id: int, referrer_id: int, referrer_chain: Sequence[int]) -> ReferralProblem | None:
    """What is wrong with "``referrer_id`` referred ``referred_id``", None when nothing.

    ``referrer_chain``: who referred the referrer, who referred that one, and
    so on (the referrer's own referrers, nearest first).
    """
    if referred_id == referrer_id:
        return ReferralProblem.SELF
    if referred_id in referrer_chain:
        return ReferralProblem.CYCLE
    return None


def counts_towards_referral(order_date: date, referred_on: date | None) -> bool:
    """Whether an order of a referred customer is referred revenue (see the module docstring)."""
    return referred_on is None or order_date >= referred_on
