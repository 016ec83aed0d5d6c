"""Small, hand-made chart data: each chart drawn from figures a test can name."""

from __future__ import annotations

from datetime import date

from crmdesk.domain.complaints import ComplaintCategory
from crmdesk.domain.orders import Aging
from crmdesk.domain.pipeline import Stages, StageStay, funnel
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.services import reports as r

MONTHS = ("2026-09", "2026-10", "2026-11")

TIERS = r.TierMix(
    slices=(r.TierSlice(Tier.A, 2, 600_000_00), r.TierSlice(Tier.B, 3, 250_000_00),
            r.TierSlice(Tier.C, 5, 100_000_00), r.TierSlice(Tier.D, 10, 50_000_00)),
    revenue=1_000_000_00, buyers=14, pareto_customers=4,
)

MONTHLY = r.MonthlySales(tuple(
    r.MonthSales(m, amount, orders, before, before_orders)
    for m, amount, orders, before, before_orders in (
        ("2026-09", 120_000_00, 30, 100_000_00, 25),
        ("2026-10", 90_000_00, 22, 110_000_00, 27),
        ("2026-11", 130_000_00, 35, 95_000_00, 20),
    )
))

PRODUCTS = r.ProductMix(
    products=(r.ProductSales("整车运输", 40, 40, 500_000_00, 400_000_00, 300_000_00),
              r.ProductSales("零担快运", 60, 75, 300_000_00, 0, 0)),
    other=r.ProductSales("", 12, 12, 50_000_00, 50_000_00, 45_000_00),
    total=r.ProductSales("", 112, 127, 850_000_00, 450_000_00, 345_000_00),
)

CONTRIBUTION = r.Contribution(
    top=(r.Contributor(1, "KH000001", "杭州顺达物流有限公司", 500_000_00, 500_000_00),
         r.Contributor(2, "KH000002", "张三", 300_000_00, 800_000_00),
         r.Contributor(3, "KH000003", "李四", 200_000_00, 1_000_000_00)),
    total=1_000_000_00, buyers=3, pareto_customers=2,
)

AGING = r.ReceivableAging(Aging(80_000_00, 40_000_00, 20_000_00, 10_000_00, date(2026, 5, 1)), (8, 4, 2, 1),
                          150_000_00)

RFM = r.RfmMap(
    cells=(r.RfmCell(1, 1, 40, 20_000_00, Segment.LOST), r.RfmCell(5, 5, 12, 900_000_00, Segment.HIGH_VALUE),
           r.RfmCell(2, 4, 7, 150_000_00, Segment.AT_RISK)),
    unscored=9, computed_on=date(2026, 11, 23),
)

COMPLAINTS = r.ComplaintStats(
    months=MONTHS,
    received={ComplaintCategory.DELIVERY: (3, 1, 2), ComplaintCategory.PRICE: (0, 2, 1)},
    resolve_days={ComplaintCategory.DELIVERY: (1, 3, 8), ComplaintCategory.PRICE: (2,)},
    satisfaction=(0, 1, 1, 2, 4), unscored=1,
)

SPREAD = r.CustomerSpread(
    provinces=(r.CustomerGroup("浙江省", 30, 500_000_00), r.CustomerGroup("江苏省", 12, 100_000_00),
               r.CustomerGroup(None, 3, 0)),
    sources=(r.CustomerGroup("trade_fair", 20, 300_000_00), r.CustomerGroup("website", 15, 200_000_00),
             r.CustomerGroup(None, 10, 0)),
)

FUNNEL = funnel(Stages(), [(1, "won", 800_000), (2, "lost", 300_000), (3, "proposal", 500_001),
                          (4, "initial", 1_000_000)],
                [StageStay(1, "initial", date(2026, 1, 1), date(2026, 1, 11)), StageStay(1, "needs", date(2026, 1, 11),
                 date(2026, 1, 14)), StageStay(2, "initial", date(2026, 1, 5), date(2026, 1, 10))])

SAMPLES = {
    "tiers": TIERS, "monthly_sales": MONTHLY, "products": PRODUCTS, "contribution": CONTRIBUTION,
    "receivables": AGING, "rfm": RFM, "complaints": COMPLAINTS, "regions": SPREAD,
    "funnel": FUNNEL,
}
