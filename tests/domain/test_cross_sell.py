"""Cross-selling suggestions on a hand-computed example, and their invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.domain.cross_sell import (
    MIN_BOTH,
    PRIOR_BUYERS,
    WEIGHTS,
    CrossSell,
    Profile,
    Reason,
    ReasonKind,
)
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.tiers import Tier

ACTIVE, LOST, PROSPECT, WON_BACK = (LifecycleStatus.ACTIVE, LifecycleStatus.LOST, LifecycleStatus.PROSPECT,
                                    LifecycleStatus.WON_BACK)
P, Q, R, S = "冷链仓储", "整车运输", "茶叶", "培训"


def _profile(cid: int, industry, region, tier, products, status=ACTIVE, owner=None) -> Profile:
    return Profile(cid, f"K{cid:03d}", f"客户{cid}", status, owner, industry, region, tier, frozenset(products))


# Four buyers of P; Q is bought by B1, B2, C1 and C6 (so 2 of its 4 buyers bought P);
# R by B3 and C2 (1 in common: below MIN_BOTH); S by C5 alone.
B1 = _profile(1, "物流", "上海市", Tier.A, {P, Q})
B2 = _profile(2, "物流", "上海市", Tier.B, {P, Q})
B3 = _profile(3, "食品", "浙江省", Tier.B, {P, R})
B4 = _profile(4, "物流", "江苏省", Tier.C, {P}, status=LOST)  # a lost buyer still counts as a buyer
C1 = _profile(11, "物流", "上海市", Tier.B, {Q}, owner="王经理")
C2 = _profile(12, "食品", "浙江省", Tier.D, {R})
C3 = _profile(13, None, "北京市", Tier.A, set(), status=PROSPECT)
C4 = _profile(14, "物流", "上海市", Tier.A, set(), status=LOST)
C5 = _profile(15, "教育", "北京市", Tier.D, {S})
C6 = _profile(16, "物流", "广东省", None, {Q}, status=WON_BACK)
EXAMPLE = [C6, B3, C1, B1, C5, C2, B4, C3, B2, C4]  # any order: the index sorts by code


def test_the_weights_add_up_to_one_hundred():
    assert sum(WEIGHTS.values()) == 100 and MIN_BOTH == 2 and PRIOR_BUYERS == 5


def test_customers_for_a_product_hand_computed():
    found = CrossSell(EXAMPLE).customers_for(P)
    assert (found.product, found.buyers, found.candidates, found.matched) == (P, 4, 5, 4)
    # Shares are over the 4 buyers plus the prior's 5: / 9; Q's over its 4 buyers + 5: / 9 too.
    assert [(s.code, s.score) for s in found.suggestions] == [
        # (20 * (3 + 2 + 2) / 9 + 40 * 2 / 9) / 100 = 1980 / 8100: industry 3 of 4, region 2, tier B 2, Q 2 of its 4
        ("K011", 0.244444),
        # (20 * 3 / 9 + 40 * 2 / 9) / 100 = 1260 / 8100
        ("K016", 0.155556),
        # 20 * (1 + 1) / 9 / 100: R has one buyer in common only (below MIN_BOTH)
        ("K012", 0.044444),
        # 20 * 1 / 9 / 100: a prospect, by its tier alone
        ("K013", 0.022222),
    ]
    first = found.suggestions[0]
    assert (first.customer_id, first.name, first.owner) == (11, "客户11", "王经理")
    assert first.reasons == (
        Reason(ReasonKind.INDUSTRY, "物流", 3, 4, 0.066667),
        Reason(ReasonKind.REGION, "上海市", 2, 4, 0.044444),
        Reason(ReasonKind.TIER, "B", 2, 4, 0.044444),
        Reason(ReasonKind.CO_PURCHASE, Q, 2, 4, 0.088889),
    )
    assert found.suggestions[3].reasons == (Reason(ReasonKind.TIER, "A", 1, 4, 0.022222),)


def test_lost_customers_and_buyers_are_never_suggested_and_nothing_in_common_is_no_suggestion():
    codes = [s.code for s in CrossSell(EXAMPLE).customers_for(P).suggestions]
    assert "K014" not in codes  # lost, although it resembles the buyers most
    assert "K015" not in codes  # nothing in common
    assert not {"K001", "K002", "K003", "K004"} & set(codes)


def test_score_is_one_exact_fraction_rounded():
    # (20 * 7 / 9 + 40 * 2 / 8) / 100 = (1120 + 720) / 7200 = 0.255555...
    q_bought_by_three = [p for p in EXAMPLE if p.id != 16]
    first = CrossSell(q_bought_by_three).customers_for(P).suggestions[0]
    assert (first.code, first.score) == ("K011", 0.255556)
    assert first.reasons[-1] == Reason(ReasonKind.CO_PURCHASE, Q, 2, 3, 0.1)


def test_limit_keeps_the_best_and_ties_go_by_code():
    twins = [_profile(1, "物流", None, None, {P}), _profile(2, "物流", None, None, {P}),
             _profile(9, "物流", None, None, set()), _profile(5, "物流", None, None, set()),
             _profile(7, "物流", None, None, set())]
    cs = CrossSell(twins)
    assert [s.code for s in cs.customers_for(P).suggestions] == ["K005", "K007", "K009"]
    assert [s.code for s in cs.customers_for(P, limit=2).suggestions] == ["K005", "K007"]
    assert cs.customers_for(P, limit=2).matched == 3


def test_an_unknown_product_has_no_buyers_and_no_suggestions():
    found = CrossSell(EXAMPLE).customers_for("没有的产品")
    assert (found.buyers, found.candidates, found.suggestions) == (0, 0, ())


def test_the_strongest_co_purchase_is_the_one_adding_most_points():
    X, Y = "X", "Y"
    people = [_profile(1, None, None, None, {P, X, Y}), _profile(2, None, None, None, {P, X, Y}),
              _profile(3, None, None, None, {P, Y}), _profile(4, None, None, None, {Y}),
              _profile(5, None, None, None, {X, Y})]
    # X: 2 of its 3 buyers bought P (2 / 8 with the prior); Y: 3 of its 5 (3 / 10): Y is stronger for
    # K005, who bought both, although 2 / 3 > 3 / 5.  Equal scores: by code.
    found = CrossSell(people).customers_for(P)
    assert [(s.code, s.reasons) for s in found.suggestions] == [
        ("K004", (Reason(ReasonKind.CO_PURCHASE, Y, 3, 5, 0.12),)),
        ("K005", (Reason(ReasonKind.CO_PURCHASE, Y, 3, 5, 0.12),)),
    ]


def test_products_for_a_customer_hand_computed():
    cs = CrossSell(EXAMPLE)
    assert [(p.product, p.buyers, p.score) for p in cs.products_for(11)] == [
        (P, 4, 0.244444),
        # R's buyers are B3 (tier B, like C1) and C2: 20 * 1 / (2 + 5) / 100
        (R, 2, 0.028571),
    ]  # S: its one buyer shares nothing with C1
    assert cs.products_for(11)[1].reasons == (Reason(ReasonKind.TIER, "B", 1, 2, 0.028571),)
    assert [p.product for p in cs.products_for(11, limit=1)] == [P]
    assert cs.products_for(999) == ()


def test_products_for_a_lost_customer_are_still_answered():
    # Q: all 4 of its buyers in 物流, 3 in 上海市, 1 of tier A: 20 * 8 / 9 / 100; P: 20 * (3 + 2 + 1) / 9 / 100
    assert [(p.product, p.score) for p in CrossSell(EXAMPLE).products_for(14)] == [(Q, 0.177778), (P, 0.133333)]


def test_products_lists_every_product_most_buyers_first():
    assert CrossSell(EXAMPLE).products() == [(P, 4), (Q, 4), (R, 2), (S, 1)]
    assert CrossSell(EXAMPLE).buyers(Q) == 4 and len(CrossSell(EXAMPLE)) == 10


# -- invariants ------------------------------------------------------------------------------

_PRODUCTS = ("P", "Q", "R", "S", "T")
_profiles = st.lists(
    st.tuples(
        st.sampled_from([None, "物流", "食品", "教育"]),
        st.sampled_from([None, "上海市", "北京市"]),
        st.sampled_from([None, *Tier]),
        st.frozensets(st.sampled_from(_PRODUCTS), max_size=4),
        st.sampled_from(list(LifecycleStatus)),
    ),
    max_size=25,
).map(lambda rows: [_profile(i + 1, *row[:4], status=row[4]) for i, row in enumerate(rows)])


@settings(max_examples=200, deadline=None)
@given(_profiles, st.sampled_from(_PRODUCTS), st.one_of(st.none(), st.integers(1, 5)))
def test_a_suggestion_never_names_a_buyer_nor_a_lost_customer(profiles, product, limit):
    found = CrossSell(profiles).customers_for(product, limit=limit)
    by_id = {p.id: p for p in profiles}
    buyers = {p.id for p in profiles if product in p.products}
    assert found.buyers == len(buyers)
    for s in found.suggestions:
        assert s.customer_id not in buyers
        assert product not in by_id[s.customer_id].products
        assert by_id[s.customer_id].status is not LOST
        assert s.score > 0 and s.reasons
    keys = [(-s.score, s.code) for s in found.suggestions]
    assert keys == sorted(keys) and len(found.suggestions) == (
        found.matched if limit is None else min(limit, found.matched))


@settings(max_examples=150, deadline=None)
@given(_profiles)
def test_both_directions_agree(profiles):
    """c is suggested for P with score s and reasons rs exactly when P is among c's products with s and rs."""
    cs = CrossSell(profiles)
    forward = {
        (s.customer_id, product): (s.score, s.reasons)
        for product, _ in cs.products() for s in cs.customers_for(product).suggestions
    }
    backward = {
        (p.id, s.product): (s.score, s.reasons)
        for p in profiles if p.status is not LOST for s in cs.products_for(p.id)
    }
    assert forward == backward
    for p in profiles:
        assert not {s.product for s in cs.products_for(p.id)} & p.products


@settings(max_examples=100, deadline=None)
@given(_profiles, st.sampled_from(_PRODUCTS))
def test_points_add_up_to_the_score(profiles, product):
    for s in CrossSell(profiles).customers_for(product).suggestions:
        # each of the points and the score is rounded to 6 places: half a millionth each, at most
        assert abs(sum(r.points for r in s.reasons) - s.score) <= 0.5e-6 * (len(s.reasons) + 1) + 1e-12
        assert 0 < s.score <= 1


def test_a_product_hardly_anyone_buys_does_not_lead_a_customers_list():
    """Without the prior, Z's one buyer would make it "100% like" the customer (0.6 against W's 0.35)."""
    me = _profile(1, "物流", "上海市", Tier.A, set())
    z_buyer = _profile(2, "物流", "上海市", Tier.A, {"Z"})
    w_buyers = [_profile(10 + k, "物流" if k < 15 else "食品", "上海市" if k < 15 else "北京市",
                         Tier.A if k < 5 else Tier.D, {"W"}) for k in range(20)]
    found = CrossSell([me, z_buyer, *w_buyers]).products_for(1)
    # W: 20 * (15 + 15 + 5) / (20 + 5) / 100; Z: 20 * 3 / (1 + 5) / 100
    assert [(p.product, p.score) for p in found] == [("W", 0.28), ("Z", 0.1)]
