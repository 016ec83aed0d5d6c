"""The file's tier rules (a per-file setting) and a customer's stored tier with its cut-off."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier, TierResult, TierRules
from crmdesk.domain.validation import ErrorCode
from crmdesk.storage import customers as store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import WriteError
from crmdesk.storage.tiers import StoredTier, current_tier, save_tiers
from tests.factories import make_person

TODAY = date(2026, 11, 23)


def test_a_new_file_has_the_default_rules(customer_file):
    assert file_settings.tier_rules(customer_file) == TierRules(12, 1, 5, 20)


def test_allowed_rules_are_stored_and_travel_with_the_file(customer_file):
    from crmdesk.storage.customer_file import CustomerFile

    rules = TierRules(window_months=6, a_percent=2, b_percent=10, c_percent=30)
    assert file_settings.set_tier_rules(customer_file, rules) == []
    assert file_settings.tier_rules(customer_file) == rules
    path = customer_file.path
    customer_file.close()
    again = CustomerFile.open(path, key=customer_file.key)
    try:
        assert file_settings.tier_rules(again) == rules
    finally:
        again.close()


def test_rules_that_are_not_allowed_are_refused_and_nothing_is_stored(customer_file):
    errors = file_settings.set_tier_rules(customer_file, TierRules(window_months=0, a_percent=1, b_percent=5,
                                                                   c_percent=20))
    assert [(e.field, e.code) for e in errors] == [("window_months", ErrorCode.OUT_OF_RANGE)]
    errors = file_settings.set_tier_rules(customer_file, TierRules(12, 10, 5, 20))
    assert [(e.field, e.code) for e in errors] == [("b_percent", ErrorCode.TIER_ORDER)]
    assert file_settings.tier_rules(customer_file) == TierRules()
    assert customer_file.setting(file_settings.TIER_A_PERCENT.key) is None


@pytest.mark.parametrize("key, value", [
    ("tiers.window_months", 0), ("tiers.a_percent", 50), ("tiers.c_percent", "20"), ("tiers.b_percent", None),
])
def test_bad_stored_values_read_as_the_defaults(customer_file, key, value):
    """Written by hand or by another program: the tiers must not become nonsense."""
    file_settings.set_tier_rules(customer_file, TierRules(6, 2, 10, 30))
    customer_file.set_setting(key, value)
    assert file_settings.tier_rules(customer_file) == TierRules()


def test_a_read_only_file_refuses_new_rules(customer_file):
    from crmdesk.storage.customer_file import CustomerFile

    path = customer_file.path
    customer_file.close()
    read_only = CustomerFile.open(path, read_only=True, key=customer_file.key)
    try:
        with pytest.raises(WriteError):
            file_settings.set_tier_rules(read_only, TierRules(6, 2, 10, 30))
    finally:
        read_only.close()


def _customers(cf, n):
    return [store.insert_customer(cf, make_person(name=f"客户{i}", mobile=None)).id for i in range(n)]


def test_current_tier_is_none_until_computed(customer_file):
    (cid,) = _customers(customer_file, 1)
    assert current_tier(customer_file, cid) is None


def test_current_tier_gives_the_stored_values_and_the_cutoff_by_the_files_rules(customer_file):
    ids = _customers(customer_file, 4)
    save_tiers(customer_file, {
        ids[0]: TierResult(Tier.A, 500_000, 1, 150, 2),
        ids[1]: TierResult(Tier.C, 20_000, 25, 150, 30),
        ids[2]: TierResult(Tier.D, 900, 140, 150, None),
        ids[3]: TierResult(Tier.D, 0, None, 150, None),
    }, TODAY)
    assert current_tier(customer_file, ids[0]) == StoredTier(TierResult(Tier.A, 500_000, 1, 150, 2), TODAY, TierRules())
    assert current_tier(customer_file, ids[1]).result.cutoff == 30  # ⌈20 % × 150⌉
    assert current_tier(customer_file, ids[2]).result == TierResult(Tier.D, 900, 140, 150, None)
    assert current_tier(customer_file, ids[3]).result == TierResult(Tier.D, 0, None, 150, None)
    # The cut-off follows the file's rules (the window re-computes the tiers when they change).
    rules = TierRules(window_months=12, a_percent=3, b_percent=10, c_percent=40)
    file_settings.set_tier_rules(customer_file, rules)
    stored = current_tier(customer_file, ids[1])
    assert (stored.result.cutoff, stored.rules) == (60, rules)
    assert current_tier(customer_file, ids[0]).result.cutoff == 5  # ⌈3 % × 150⌉
    assert current_tier(customer_file, ids[0], TierRules()).result.cutoff == 2


def test_current_tier_after_a_recompute_matches_compute_tiers(customer_file):
    from crmdesk.services.tiering import compute_tiers, recompute_tiers

    ids = _customers(customer_file, 3)
    order_store.insert_ledger_rows(customer_file, [
        Order(customer_id=ids[0], order_date=date(2026, 10, 1), product="快递", quantity=1, amount=30_000),
        Order(customer_id=ids[1], order_date=date(2026, 9, 1), product="快递", quantity=1, amount=10_000),
    ], [])
    recompute_tiers(customer_file, TODAY)
    computed = {r.customer_id: r.tier for r in compute_tiers(customer_file, TODAY)}
    for cid in ids:
        stored = current_tier(customer_file, cid)
        assert stored.result == computed[cid] and stored.computed_on == TODAY
