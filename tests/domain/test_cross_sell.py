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
P, Q, R, S, T = "冷链仓储", "整车运输", "茶叶", "培训", "快递"


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
# The file as a whole, N = 10 (the lost ones too): 物流 6 (B1 B2 B4 C1 C4 C6), 食品 2, 教育 1;
# 上海市 4 (B1 B2 C1 C4), 浙江省 2, 北京市 2, 江苏省 1, 广东省 1; tier A 3 (B1 C3 C4), B 3 (B2 B3 C1),
# C 1, D 2; P 4 buyers, Q 4, R 2, S 1.


def test_the_weights_add_up_to_one_hundred():
    assert sum(WEIGHTS.values()) == 100 and MIN_BOTH == 2 and PRIOR_BUYERS == 5


def test_customers_for_a_product_hand_computed():
    found = CrossSell(EXAMPLE).customers_for(P)
    assert (found.product, found.buyers, found.candidates, found.matched) == (P, 4, 5, 3)
    # n = 4 buyers, N = 10: an attribute's excess is count * 10 - 4 * base, its points
    # 20 * excess / (10 * (4 + 5)) / 100 = 20 * excess / 9000:
    #   物流 3 of 4 buyers, 6 of 10 in all: 30 - 24 = 6 -> 120 / 9000
    #   食品 1, base 2: 10 - 8 = 2 -> 40 / 9000;  上海市 2, base 4: 20 - 16 = 4 -> 80 / 9000
    #   浙江省 1, base 2: 2 -> 40 / 9000;  tier B 2, base 3: 20 - 12 = 8 -> 160 / 9000
    #   tier A 1, base 3: 10 - 12 < 0 -> nothing (A is commoner in the file than among the buyers)
    # Q: both = 2 of its q = 4 buyers bought P, which 4 of the 10 bought: excess 2 * 10 - 4 * 4 = 4,
    #   points 40 * 4 / (10 * (4 + 5)) / 100 = 160 / 9000.
    assert [(s.code, s.score) for s in found.suggestions] == [
        # (120 + 80 + 160 + 160) / 9000 = 520 / 9000 = 0.05777...
        ("K011", 0.057778),
        # 物流 and Q: (120 + 160) / 9000 = 0.03111...
        ("K016", 0.031111),
        # 食品 and 浙江省: 80 / 9000; R has one buyer in common only (below MIN_BOTH)
        ("K012", 0.008889),
    ]  # K013, a prospect, shares tier A only: no points, not suggested (before, 20 * 1 / 9 / 100)
    first = found.suggestions[0]
    assert (first.customer_id, first.name, first.owner) == (11, "客户11", "王经理")
    assert first.reasons == (
        Reason(ReasonKind.INDUSTRY, "物流", 3, 4, 0.013333, 6),
        Reason(ReasonKind.REGION, "上海市", 2, 4, 0.008889, 4),
        Reason(ReasonKind.TIER, "B", 2, 4, 0.017778, 3),
        Reason(ReasonKind.CO_PURCHASE, Q, 2, 4, 0.017778, 4),
    )
    # K016 has no tier and its province (广东省) no buyer: two reasons only.
    assert found.suggestions[1].reasons == (Reason(ReasonKind.INDUSTRY, "物流", 3, 4, 0.013333, 6),
                                            Reason(ReasonKind.CO_PURCHASE, Q, 2, 4, 0.017778, 4))


def test_lost_customers_and_buyers_are_never_suggested_and_nothing_in_common_is_no_suggestion():
    codes = [s.code for s in CrossSell(EXAMPLE).customers_for(P).suggestions]
    assert "K014" not in codes  # lost, although it resembles the buyers most
    assert "K015" not in codes  # nothing in common
    assert "K013" not in codes  # in common only what the file has more often than the buyers
    assert not {"K001", "K002", "K003", "K004"} & set(codes)


def test_a_value_the_buyers_have_no_more_often_than_the_file_is_no_reason():
    """Most of the file is tier D and in 上海市, and everyone bought T: none of it says who buys P."""
    people = [
        _profile(1, "物流", "上海市", Tier.D, {P, T}), _profile(2, "物流", "上海市", Tier.D, {P, T}),
        _profile(3, "物流", "北京市", Tier.A, {P, T}), _profile(4, "物流", "北京市", Tier.D, {T}),
        *(_profile(k, "食品", "上海市", Tier.D, {T}) for k in range(5, 11)),
    ]
    # N = 10, n = 3, n + K = 8: points = 20 * excess / (10 * 8) / 100 = 20 * excess / 8000.
    #   物流 3 of 3 buyers, 4 of 10 in all: 30 - 12 = 18 -> 360 / 8000 = 0.045
    #   北京市 1 of 3, 2 of 10: 10 - 6 = 4 -> 80 / 8000 = 0.01
    #   上海市 2 of 3, 8 of 10: 20 - 24 < 0;  tier D 2 of 3, 9 of 10: 20 - 27 < 0
    #   T: 3 of its 10 buyers bought P, as 3 of the 10 customers did: 3 * 10 - 10 * 3 = 0
    # By shares alone K005-K010 would have had 20 * (2 + 2) / 8 / 100 = 0.1 each ("same region 上海市
    # as 2 of 3 buyers", "same tier D as 2 of 3 buyers") and K004 had the tier and T as well.
    found = CrossSell(people).customers_for(P)
    assert (found.candidates, found.matched) == (7, 1)
    (only,) = found.suggestions
    assert (only.code, only.score) == ("K004", 0.055)
    assert only.reasons == (Reason(ReasonKind.INDUSTRY, "物流", 3, 3, 0.045, 4),
                            Reason(ReasonKind.REGION, "北京市", 1, 3, 0.01, 2))


def test_a_lift_worth_less_than_half_a_millionth_is_no_reason():
    """Points that round to 0 are no reason: not shown, not in the score, in both directions."""
    buyers = [_profile(k, "物流" if k <= 201 else None, "上海市" if k > 398 else None, None, {P})
              for k in range(1, 401)]
    others = [_profile(k, "物流" if k <= 702 else None, "上海市" if 702 < k <= 705 else None, None, set())
              for k in range(401, 1002)]
    # N = 1001, n = 400, N * (n + K) = 405,405.  物流: 201 of 400 buyers, 503 of 1001 in all:
    # 201 * 1001 - 400 * 503 = 1, 20 * 1 / 405405 / 100 = 0.00000049... -> 0.0: no reason.
    # 上海市: 2 of 400, 5 of 1001: 2 * 1001 - 400 * 5 = 2, 40 / 405405 / 100 = 0.00000098... -> 0.000001.
    cs = CrossSell(buyers + others)
    found = cs.customers_for(P)
    assert (found.candidates, found.matched) == (601, 3)
    assert [(s.code, s.score, s.reasons) for s in found.suggestions] == [
        (f"K{k}", 1e-06, (Reason(ReasonKind.REGION, "上海市", 2, 400, 1e-06, 5),)) for k in (703, 704, 705)]
    assert cs.products_for(401) == ()  # 物流, like 201 of the buyers: nothing worth a millionth


def test_score_is_one_exact_fraction_rounded():
    # Without C6: N = 9, 物流 5, 上海市 4, tier B 3; P n = 4 (n + K = 9); Q bought by B1 B2 C1, q = 3.
    # K011: 物流 3 * 9 - 4 * 5 = 7, 上海市 2 * 9 - 4 * 4 = 2, B 2 * 9 - 4 * 3 = 6: 20 * 15 / (9 * 9) / 100;
    # Q: 2 * 9 - 3 * 4 = 6: 40 * 6 / (9 * 8) / 100.
    # (20 * 15 * 8 + 40 * 6 * 9) / (100 * 9 * 9 * 8) = (2400 + 2160) / 64800 = 0.0703703...
    q_bought_by_three = [p for p in EXAMPLE if p.id != 16]
    first = CrossSell(q_bought_by_three).customers_for(P).suggestions[0]
    assert (first.code, first.score) == ("K011", 0.07037)
    # 140 / 8100 = 0.0172839..., 40 / 8100 = 0.0049382..., 120 / 8100 = 0.0148148..., 240 / 7200
    assert [r.points for r in first.reasons] == [0.017284, 0.004938, 0.014815, 0.033333]
    assert first.reasons[-1] == Reason(ReasonKind.CO_PURCHASE, Q, 2, 3, 0.033333, 4)


def test_limit_keeps_the_best_and_ties_go_by_code():
    # 物流: 2 of the 2 buyers, 5 of the 6 customers: 2 * 6 - 2 * 5 = 2 > 0 (K003 makes 物流 less than all)
    twins = [_profile(1, "物流", None, None, {P}), _profile(2, "物流", None, None, {P}),
             _profile(9, "物流", None, None, set()), _profile(5, "物流", None, None, set()),
             _profile(7, "物流", None, None, set()), _profile(3, "食品", None, None, set())]
    cs = CrossSell(twins)
    assert [s.code for s in cs.customers_for(P).suggestions] == ["K005", "K007", "K009"]
    assert [s.code for s in cs.customers_for(P, limit=2).suggestions] == ["K005", "K007"]
    assert cs.customers_for(P, limit=2).matched == 3
    # Without K003 every customer is in 物流, as every buyer: 2 * 5 - 2 * 5 = 0, nobody.
    assert CrossSell(twins[:-1]).customers_for(P).matched == 0


def test_an_unknown_product_has_no_buyers_and_no_suggestions():
    found = CrossSell(EXAMPLE).customers_for("没有的产品")
    assert (found.buyers, found.candidates, found.suggestions) == (0, 0, ())


def test_the_strongest_co_purchase_is_the_one_adding_most_points():
    X, Y = "X", "Y"
    people = [_profile(1, None, None, None, {P, X, Y}), _profile(2, None, None, None, {P, X, Y}),
              _profile(3, None, None, None, {P, Y}), _profile(4, None, None, None, {Y}),
              _profile(5, None, None, None, {X, Y}),
              *(_profile(k, None, None, None, set()) for k in range(6, 11))]
    # N = 10, P has n = 3 buyers.  X: 2 of its 3 buyers bought P: excess 2 * 10 - 3 * 3 = 11, / (3 + 5) = 1.375;
    # Y: 3 of its 5: 3 * 10 - 5 * 3 = 15, / (5 + 5) = 1.5: Y is stronger for K005, who bought both,
    # although 2 / 3 > 3 / 5 (and 11 / 3 > 15 / 5 without the prior).  Y's points: 40 * 15 / (10 * 10) / 100.
    # Equal scores: by code.
    found = CrossSell(people).customers_for(P)
    assert [(s.code, s.reasons) for s in found.suggestions] == [
        ("K004", (Reason(ReasonKind.CO_PURCHASE, Y, 3, 5, 0.06, 3),)),
        ("K005", (Reason(ReasonKind.CO_PURCHASE, Y, 3, 5, 0.06, 3),)),
    ]
    # A product every customer bought says nothing: with Y bought by all ten, 3 * 10 - 10 * 3 = 0.
    everyone_y = [p._replace(products=p.products | {Y}) for p in people]
    assert [(s.code, s.reasons) for s in CrossSell(everyone_y).customers_for(P).suggestions] == [
        # X: 11 / (8 * 10) * 40 / 100 = 440 / 8000
        ("K005", (Reason(ReasonKind.CO_PURCHASE, X, 2, 3, 0.055, 3),)),
    ]


def test_products_for_a_customer_hand_computed():
    cs = CrossSell(EXAMPLE)
    assert [(p.product, p.buyers, p.score) for p in cs.products_for(11)] == [
        (P, 4, 0.057778),
        # R's buyers are B3 (tier B, like C1) and C2: n = 2, tier B 3 of 10: 1 * 10 - 2 * 3 = 4,
        # 20 * 4 / (10 * (2 + 5)) / 100 = 80 / 7000 = 0.0114285...
        (R, 2, 0.011429),
    ]  # S: its one buyer shares nothing with C1
    assert cs.products_for(11)[1].reasons == (Reason(ReasonKind.TIER, "B", 1, 2, 0.011429, 3),)
    assert [p.product for p in cs.products_for(11, limit=1)] == [P]
    assert cs.products_for(999) == ()


def test_products_for_a_lost_customer_are_still_answered():
    # C4: 物流, 上海市, tier A.  Q (n = 4): 物流 4 of 4, 6 of 10: 40 - 24 = 16; 上海市 3 of 4, 4 of 10:
    # 30 - 16 = 14; tier A 1 of 4, 3 of 10: < 0.  20 * 30 / (10 * 9) / 100 = 600 / 9000.
    # P: 物流 6 and 上海市 4 as above: 200 / 9000.
    assert [(p.product, p.score) for p in CrossSell(EXAMPLE).products_for(14)] == [(Q, 0.066667), (P, 0.022222)]


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
        assert abs(sum(r.points for r in s.reasons) - s.score) <= 2e-6
        assert 0 < s.score <= 1


def test_a_product_hardly_anyone_buys_does_not_lead_a_customers_list():
    """Without the prior, Z's one buyer would make it lead: (3 * 100 - 41) / 1 = 259 against W's
    (35 * 100 - 820) / 20 = 134 (0.518 and 0.268 once weighed)."""
    me = _profile(1, "物流", "上海市", Tier.A, set())
    z_buyer = _profile(2, "物流", "上海市", Tier.A, {"Z"})
    w_buyers = [_profile(10 + k, "物流" if k < 15 else "食品", "上海市" if k < 15 else "北京市",
                         Tier.A if k < 5 else Tier.D, {"W"}) for k in range(20)]
    others = [_profile(100 + k, "教育", "广东省", Tier.D, set()) for k in range(78)]
    found = CrossSell([me, z_buyer, *w_buyers, *others]).products_for(1)
    # N = 100: 物流 17 (me, Z's buyer, 15 of W's), 上海市 17, tier A 7.
    # W (n = 20): 物流 15 * 100 - 20 * 17 = 1160, 上海市 1160, A 5 * 100 - 20 * 7 = 360:
    #   20 * 2680 / (100 * 25) / 100 = 0.2144
    # Z (n = 1): 100 - 17 = 83 twice, 100 - 7 = 93: 20 * 259 / (100 * 6) / 100 = 0.0863333...
    assert [(p.product, p.score) for p in found] == [("W", 0.2144), ("Z", 0.086333)]
