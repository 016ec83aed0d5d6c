"""Demo opportunities (业务机会) with their stage moves, so the pipeline and its funnel have history.

``generate_opportunities(customers, seed, today)`` returns a few dozen
opportunities of a logistics sales team, mostly with prospects and some with
active customers, each with the moves it made: forward through the default
stages, sometimes back a stage, and ending open in every stage, won (most
with their order) or lost with a reason.  services.demo replays them through
the pipeline service, so the stage history and the orders are real.

One ``random.Random`` seeded from ``seed``; ``today`` is a parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from crmdesk.demo_data.draws import _one, _range
from crmdesk.domain.pipeline import DEFAULT_STAGES, Opportunity

COUNT = 48
_OPEN = [s.key for s in DEFAULT_STAGES if s.is_open]
# Where each demo opportunity ends: every open stage, won and lost.
_ENDS = ("initial", "initial", "needs", "needs", "proposal", "proposal", "negotiation", "won", "won", "lost")

_DEALS = (
    ("冷链仓储年度合同", "冷链仓储"),
    ("华东整车运输框架协议", "整车运输"),
    ("零担快运月结合作", "零担快运"),
    ("电商仓配一体化", "仓配一体化"),
    ("中欧跨境专线", "跨境专线"),
    ("同城配送外包", "城市配送"),
    ("大件物流项目", "大件运输"),
    ("医药冷链专线", "冷链运输"),
    ("展会物流服务", "会展物流"),
    ("年货节仓储扩容", "临时仓储"),
)
_LOST_REASONS = ("价格高于竞争对手", "客户预算取消", "选择了原有供应商", "时效要求达不到", "项目延期到明年")


@dataclass(frozen=True)
class DemoCandidate:
    customer_id: int
    owner: str | None
    prospect: bool


@dataclass(frozen=True)
class DemoMove:
    day: date
    stage: str
    lost_reason: str = ""
    with_order: bool = False


@dataclass(frozen=True)
class DemoOpportunity:
    opportunity: Opportunity  # new, in the first stage
    moves: tuple[DemoMove, ...]


def generate_opportunities(customers: Sequence[DemoCandidate], seed: int, today: date,
                           count: int = COUNT) -> list[DemoOpportunity]:
    rng = Random(f"opportunities-{seed}")
    prospects = [c for c in customers if c.prospect]
    others = [c for c in customers if not c.prospect]
    if not customers:
        return []
    result = []
    for n in range(min(count, len(customers))):
        pool = prospects if prospects and (not others or rng.random() < 0.6) else others
        customer = _one(rng, pool)
        title, product = _one(rng, _DEALS)
        end = _ENDS[n % len(_ENDS)]
        # a won one went through every stage; a lost one left from any
        steps = _OPEN.index(end) if end in _OPEN else len(_OPEN) - 1 if end == "won" else _range(rng, 0, len(_OPEN) - 1)
        days = [_range(rng, 3, 24) for _ in range(steps + (0 if end in _OPEN else 1))]
        # the last stay of an open one runs up to today: some long enough to be stuck
        tail = _range(rng, 2, 36) if end in _OPEN else _range(rng, 1, 60)
        opened = today - timedelta(days=sum(days) + tail)
        amount = round(5_000 + rng.random() ** 2 * 295_000, -2) * 100  # 5千 to 30万 yuan, most small
        opp = Opportunity(customer_id=customer.customer_id, title=title, product=product, amount=amount,
                          stage=_OPEN[0], opened_on=opened, owner=customer.owner,
                          expected_close=today + timedelta(days=_range(rng, -10, 90)))
        moves, day = [], opened
        path = _OPEN[1:steps + 1] + ([end] if end not in _OPEN else [])
        if steps >= 2 and rng.random() < 0.15:  # the customer asked again: one stage back, then on
            path = path[:1] + [_OPEN[0], path[0]] + path[1:]
            days = days[:1] + [_range(rng, 1, 5), _range(rng, 2, 8)] + days[1:]
        for gap, stage in zip(days, path):
            day += timedelta(days=gap)
            moves.append(DemoMove(day, stage, _one(rng, _LOST_REASONS) if stage == "lost" else "",
                                  with_order=stage == "won" and rng.random() < 0.85))
        result.append(DemoOpportunity(opp, tuple(moves)))
    return result
