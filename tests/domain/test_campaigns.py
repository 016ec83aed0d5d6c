"""Campaign rules: the target filter's JSON, validation, attribution and ROI (exact, no float)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from crmdesk.domain.campaigns import (
    Campaign,
    CampaignChannel,
    CampaignOrder,
    CampaignResult,
    TargetFilter,
    campaign_errors,
    campaign_result,
    filter_errors,
    is_attributed,
    ratio_decimal,
    reached_errors,
    roi,
)
from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.domain.validation import ErrorCode, FieldError

TODAY = date(2026, 11, 23)


def a_campaign(**kw) -> Campaign:
    values = dict(name="双十一老客回馈", channel=CampaignChannel.SMS, start_date=date(2026, 10, 1),
                  end_date=date(2026, 10, 15), cost=100_000, window_days=30)
    values.update(kw)
    return Campaign(**values)


# -- the filter ----------------------------------------------------------------------------------------


def test_filter_round_trips_through_json_with_only_the_criteria_given():
    f = TargetFilter(tiers=(Tier.A, Tier.B), segments=(Segment.AT_RISK,), regions=("广东",), tags=("月结",),
                     bought=("整车运输",), not_bought=("冷链",))
    data = f.to_json()
    assert data == {"tiers": ["A", "B"], "segments": ["at_risk"], "regions": ["广东"], "tags": ["月结"],
                    "bought": ["整车运输"], "not_bought": ["冷链"]}
    assert TargetFilter.from_json(data) == f
    assert TargetFilter(tags=("vip",)).to_json() == {"tags": ["vip"]}
    assert TargetFilter().to_json() == {} and TargetFilter().is_empty
    assert not TargetFilter(regions=("北京",)).is_empty


def test_filter_from_json_ignores_unknown_keys_and_refuses_bad_values():
    assert TargetFilter.from_json({"tags": ["a"], "owner": ["王强"]}) == TargetFilter(tags=("a",))
    assert TargetFilter.from_json(None) == TargetFilter()
    with pytest.raises(ValueError):
        TargetFilter.from_json({"tiers": ["Z"]})
    with pytest.raises(ValueError):
        TargetFilter.from_json({"tags": "vip"})


def test_filter_errors_name_the_criterion():
    assert filter_errors(TargetFilter(tiers=("A",))) == [FieldError("tiers", ErrorCode.INVALID_TYPE)]  # type: ignore
    assert filter_errors(TargetFilter(tags=(" ",))) == [FieldError("tags", ErrorCode.REQUIRED)]
    assert filter_errors(TargetFilter(bought=("x" * 201,)))[0].code is ErrorCode.TOO_LONG
    assert filter_errors(TargetFilter(tiers=(Tier.A,), regions=("上海",))) == []


# -- validation -----------------------------------------------------------------------------------------


def test_a_valid_campaign_has_no_errors():
    assert campaign_errors(a_campaign()) == []
    assert campaign_errors(a_campaign(cost=0, window_days=0, end_date=date(2026, 10, 1))) == []


@pytest.mark.parametrize("change, field, code", [
    ({"name": "  "}, "name", ErrorCode.REQUIRED),
    ({"name": "x" * 201}, "name", ErrorCode.TOO_LONG),
    ({"channel": "sms"}, "channel", ErrorCode.INVALID_CHOICE),
    ({"start_date": None}, "start_date", ErrorCode.REQUIRED),
    ({"end_date": date(2026, 9, 30)}, "end_date", ErrorCode.INVALID_DATE),
    ({"cost": -1}, "cost", ErrorCode.NEGATIVE_AMOUNT),
    ({"cost": MAX_FEN + 1}, "cost", ErrorCode.AMOUNT_OUT_OF_RANGE),
    ({"cost": 1.5}, "cost", ErrorCode.INVALID_TYPE),
    ({"cost": True}, "cost", ErrorCode.INVALID_TYPE),
    ({"window_days": -1}, "window_days", ErrorCode.OUT_OF_RANGE),
    ({"window_days": 3651}, "window_days", ErrorCode.OUT_OF_RANGE),
    ({"note": "x" * 2001}, "note", ErrorCode.TOO_LONG),
    ({"target_filter": {}}, "target_filter", ErrorCode.INVALID_TYPE),
])
def test_campaign_errors(change, field, code):
    errors = campaign_errors(a_campaign(**change))
    assert [(e.field, e.code) for e in errors] == [(field, code)]


def test_an_end_before_the_start_names_the_start():
    [error] = campaign_errors(a_campaign(end_date=date(2026, 9, 30)))
    assert error.params == {"reason": "before_start", "min": "2026-10-01"}


def test_reached_from_the_start_to_today():
    c = a_campaign()
    assert reached_errors(c, None, TODAY) == []
    assert reached_errors(c, date(2026, 10, 1), TODAY) == []
    assert reached_errors(c, TODAY, TODAY) == []
    assert [e.code for e in reached_errors(c, date(2026, 11, 24), TODAY)] == [ErrorCode.TOO_FAR_AHEAD]
    assert [e.code for e in reached_errors(c, date(2026, 9, 30), TODAY)] == [ErrorCode.INVALID_DATE]


# -- attribution ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("order_day, reached, today, counted", [
    (date(2026, 10, 5), date(2026, 10, 5), TODAY, True),  # on the day reached
    (date(2026, 10, 4), date(2026, 10, 5), TODAY, False),  # before it
    (date(2026, 11, 14), date(2026, 10, 5), TODAY, True),  # end 10-15 + 30 days
    (date(2026, 11, 15), date(2026, 10, 5), TODAY, False),  # a day after the window
    (date(2026, 11, 14), date(2026, 10, 5), date(2026, 11, 13), False),  # after today
    (date(2026, 10, 20), None, TODAY, False),  # targeted, not reached
])
def test_which_orders_count(order_day, reached, today, counted):
    assert is_attributed(order_day, reached, a_campaign(), today) is counted


def test_the_attribution_window_ends_window_days_after_the_end():
    assert a_campaign().attribution_end == date(2026, 11, 14)
    assert a_campaign(window_days=0).attribution_end == date(2026, 10, 15)


def test_campaign_result_by_hand():
    """Cost ¥1,000.00; A reached 10-05, B reached 10-10, C targeted only."""
    a, b, c, d = 1, 2, 3, 4
    orders = [
        CampaignOrder(a, date(2026, 10, 3), 50_000, 30_000),  # before A was reached
        CampaignOrder(a, date(2026, 10, 5), 120_000, 80_000),  # margin 400.00
        CampaignOrder(a, date(2026, 11, 14), 60_000, None),  # last day of the window, no cost
        CampaignOrder(a, date(2026, 11, 15), 70_000, 10_000),  # after the window
        CampaignOrder(b, date(2026, 10, 20), 200_000, 150_000),  # margin 500.00
        CampaignOrder(c, date(2026, 10, 20), 500_000, 100_000),  # C was never reached
        CampaignOrder(d, date(2026, 10, 20), 900_000, 0),  # D is not a target
    ]
    targets = {a: date(2026, 10, 5), b: date(2026, 10, 10), c: None}
    result = campaign_result(a_campaign(), targets, orders, TODAY)
    assert (result.targeted, result.reached, result.orders) == (3, 2, 3)
    assert (result.revenue, result.margin, result.orders_without_cost, result.cost) == (380_000, 90_000, 1, 100_000)
    assert result.roi == Fraction(-1, 10)
    assert ratio_decimal(result.roi) == Decimal("-0.1000")


def test_roi_is_exact_and_none_without_cost():
    assert roi(90_000, 30_000) == Fraction(2)
    assert roi(1, 3) == Fraction(-2, 3)
    assert roi(0, 100) == Fraction(-1)
    assert roi(5_000, 0) is None
    assert CampaignResult(a_campaign(cost=0), margin=5_000).roi is None


@pytest.mark.parametrize("ratio, text", [
    (Fraction(1, 3), "0.3333"), (Fraction(2, 3), "0.6667"), (Fraction(-2, 3), "-0.6667"),
    (Fraction(1, 20000), "0.0001"), (Fraction(-1, 20000), "-0.0001"), (Fraction(-1, 30000), "0.0000"),
    (Fraction(2), "2.0000"), (Fraction(-1, 10), "-0.1000"), (Fraction(123456789, 10000), "12345.6789"),
])
def test_ratio_decimal_rounds_half_away_from_zero(ratio, text):
    assert str(ratio_decimal(ratio)) == text
