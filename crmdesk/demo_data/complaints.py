"""Demo complaints (客户投诉) with their handling timelines, for a demo file's screenshots.

``generate_complaints(customers, seed, today)`` returns a few dozen
complaints of a logistics or small-business file, each with the events of
its timeline in order: handling steps, and ``resolved`` / ``reopened`` steps
that stand for resolving and reopening (services.demo replays them through
the complaints service, so priorities and the change log are real).  Older
complaints are resolved, most with a satisfaction score; one was resolved
and reopened; recent ones are open, some already past their deadlines as of
``today`` (escalated with the default deadlines) and some not yet.

One ``random.Random`` seeded from ``seed``; ``today`` is a parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from crmdesk.demo_data.draws import _below, _one, _range, _Weighted
from crmdesk.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintNature,
    ComplaintStep,
    StepKind,
)
from crmdesk.domain.tiers import Tier

COUNT = 36


@dataclass(frozen=True)
class DemoCustomer:
    """A customer that may complain: its id, owner and tier."""

    customer_id: int
    owner: str | None
    tier: Tier


@dataclass(frozen=True)
class DemoComplaint:
    complaint: Complaint  # new: priority and state are the service's
    events: tuple[ComplaintStep, ...]  # in order; RESOLVED and REOPENED steps stand for resolve() and reopen()


# category -> (description, cause, action, promise) examples
_CASES: dict[ComplaintCategory, tuple[tuple[str, str, str, str], ...]] = {
    ComplaintCategory.PRODUCT: (
        ("收到的货物外包装破损，内件有明显磕碰", "中转装卸时堆码过高，底层纸箱受压", "按货值赔付并补发",
         "三个工作日内赔付货值800元"),
        ("冷链货物到货时温度超标，部分生鲜变质", "冷藏车制冷机组途中故障，司机未及时上报", "全额赔付变质货物并检修车辆",
         "本周五前赔付1,260元"),
        ("到货数量与订单不符，少了两箱", "分拣时漏装，货物滞留在始发网点", "当天补发缺少的两箱", "明天中午前送达"),
    ),
    ComplaintCategory.SERVICE: (
        ("送货司机态度恶劣，拒绝送货上楼", "司机当天排单过多，急于赶下一单", "更换司机并由站长上门致歉",
         "站长两天内上门道歉"),
        ("客服电话多次无人接听，问题一直没人处理", "高峰时段客服坐席不足", "安排专属客服对接并回电",
         "今天下班前专属客服回电"),
        ("上门取件的业务员迟到两个多小时", "业务员路线安排不合理", "调整取件路线并赠送运费券",
         "下次取件准时到达，赠50元运费券"),
    ),
    ComplaintCategory.DELIVERY: (
        ("承诺次日达，实际延误三天才送到", "中转站爆仓，干线车辆晚发", "退还加急费并优先安排后续发货",
         "三天内退还加急费120元"),
        ("货物错送到其他城市的网点", "面单地址录入错误", "调回货物并免费转运", "两天内送达正确地址"),
        ("签收时发现少了一件，司机让先签字", "交接时未当面清点件数", "追查丢失件并按件赔付", "五个工作日内给出结果"),
    ),
    ComplaintCategory.PRICE: (
        ("月结账单运费与报价不符，多收了费用", "系统套用了旧的价格表", "核对账单并退还多收部分",
         "下期账单中抵扣多收的430元"),
        ("临时加收燃油附加费，事先没有告知", "附加费调整通知未送达客户", "本月免收附加费并书面说明",
         "三天内发送书面说明"),
    ),
    ComplaintCategory.USAGE: (
        ("不会使用在线下单系统，批量导入总是失败", "导入模板版本过旧", "发送新模板并远程指导",
         "明天上午远程指导30分钟"),
        ("电子面单打印机连接不上，影响当天发货", "驱动与新系统不兼容", "上门安装新驱动", "明天上门安装"),
    ),
    ComplaintCategory.OTHER: (
        ("发票抬头开错，无法报销", "开票信息未按最新资料更新", "作废重开并快递寄回", "三个工作日内寄出新发票"),
        ("上门取件的预约时间被随意更改", "调度系统自动改约未通知客户", "关闭自动改约并致歉", "本周内完成系统设置"),
    ),
}
_CATEGORY = _Weighted([(ComplaintCategory.DELIVERY, 30), (ComplaintCategory.PRODUCT, 20),
                       (ComplaintCategory.SERVICE, 20), (ComplaintCategory.PRICE, 12),
                       (ComplaintCategory.USAGE, 10), (ComplaintCategory.OTHER, 8)])
_CHANNEL = _Weighted([(ComplaintChannel.PHONE, 45), (ComplaintChannel.ONLINE, 25), (ComplaintChannel.VISIT, 10),
                      (ComplaintChannel.STORE, 10), (ComplaintChannel.LETTER, 5), (ComplaintChannel.OTHER, 5)])
_SATISFACTION = _Weighted([(5, 35), (4, 30), (3, 15), (2, 12), (1, 8)])
_FIRST_RESPONSES = ("电话致歉，说明会尽快核实处理", "耐心听取客户意见，表示理解并承诺跟进",
                    "当场登记，告知处理流程和时限", "微信回复致歉，约定今天内给出初步答复")
_FOLLOW_UPS = ("电话回访，客户确认已收到处理结果", "回访客户，对处理速度表示认可", "回访时客户提出希望后续提前通知")
_OUTCOMES_GOOD = ("已按承诺赔付，客户接受处理结果", "问题已解决，客户表示满意", "已补发并致歉，客户同意继续合作")
_OUTCOMES_POOR = ("已赔付，但客户对处理时长仍有意见", "客户接受了方案，但表示会考虑其他供应商")
# (description, the reason it is malicious, what was found, the outcome)
_MALICIOUS = (
    ("客户以在网上曝光相威胁，索要远超货值的赔偿", "敲诈：以曝光相威胁索要高额赔偿", "货物完好签收，有签收视频为证",
     "经核实为恶意投诉，已留存证据，不予额外赔偿"),
    ("客户在点评平台发布不实信息，称我司丢失货物", "诽谤：发布不实信息", "货物已由客户本人签收",
     "经核实为恶意投诉，已申请平台删除不实信息"),
)
_REOPEN_REASON = "客户反映赔付款至今未到账，要求重新处理"


def _time(rng: Random) -> str:
    minutes = _range(rng, 8 * 60 + 30, 18 * 60 + 30)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _pick_customers(rng: Random, customers: Sequence[DemoCustomer], count: int) -> list[DemoCustomer]:
    """VIP and major customers first (a few), then any; a customer may complain more than once."""
    important = [c for c in customers if c.tier in (Tier.A, Tier.B)]
    picks = important[:4]
    while len(picks) < count:
        picks.append(_one(rng, customers))
    return picks


def generate_complaints(customers: Sequence[DemoCustomer], seed: int, today: date, count: int = COUNT,
                        orders_of: Callable[[int], Sequence[tuple[date, int]]] | None = None) -> list[DemoComplaint]:
    """``count`` complaints by ``customers`` (none if there are none), oldest received first.

    ``orders_of(customer id)``: its orders as (day, id) in that order, to link
    a complaint about a delivery or a product to the last order before it.
    """
    if not customers:
        return []
    rng = Random(f"complaints-{seed}")
    picks = _pick_customers(rng, customers, count)
    made = []
    for i, customer in enumerate(picks):
        # The first ones are recent and open (VIP ones among them), the rest older and resolved;
        # one of those was reopened.
        if i < count * 2 // 5:
            age = (1, 2, 0, 3, 5, 8, 12, 15, 18)[i] if i < 9 else _range(rng, 0, 20)
        else:
            age = _range(rng, 20, 180)
        # The second (a VIP one where the file has them) is still unanswered after two days: escalated.
        made.append(_one_complaint(rng, customer, today, age, reopen=i == count - 1, unanswered=i == 1,
                                   orders_of=orders_of))
    made.sort(key=lambda d: (d.complaint.received_date, d.complaint.received_time or ""))
    return made


def _one_complaint(rng: Random, customer: DemoCustomer, today: date, age: int, *, reopen: bool, unanswered: bool,
                   orders_of: Callable[[int], Sequence[tuple[date, int]]] | None) -> DemoComplaint:
    received = today - timedelta(days=age)
    malicious = not reopen and age >= 20 and _below(rng, 15) == 0
    category = ComplaintCategory.OTHER if malicious else _CATEGORY.pick(rng)
    description, cause, action, promise = _one(rng, _CASES[category])
    reason = ""
    if malicious:
        description, reason, cause, outcome = _one(rng, _MALICIOUS)
    order_id = None
    if orders_of is not None and category in (ComplaintCategory.PRODUCT, ComplaintCategory.DELIVERY):
        before = [oid for day, oid in orders_of(customer.customer_id) if day <= received]
        order_id = before[-1] if before else None
    complaint = Complaint(
        customer.customer_id, received, _CHANNEL.pick(rng), category, description, _time(rng),
        ComplaintNature.MALICIOUS if malicious else ComplaintNature.GOOD_FAITH, reason, order_id,
        customer.owner,
    )
    events: list[ComplaintStep] = []

    def step(kind: StepKind, day: date, text: str, **kw) -> None:
        events.append(ComplaintStep(0, customer.customer_id, kind, min(day, today), text, _time(rng), **kw))

    # How far the handling got: recent complaints part of the way, older ones to the end.
    stage = 5 if age >= 20 else (_below(rng, 4) if age >= 2 else _below(rng, 2))
    if unanswered:
        stage = 0
    response_delay = 0 if age < 2 else _below(rng, 3)
    if stage >= 1:
        step(StepKind.FIRST_RESPONSE, received + timedelta(days=response_delay), _one(rng, _FIRST_RESPONSES))
    if stage >= 2:
        step(StepKind.CAUSE, received + timedelta(days=response_delay + 1), cause)
    if stage >= 3 and not malicious:
        acted = received + timedelta(days=response_delay + 1)
        step(StepKind.ACTION, acted, action, promise=promise, due_date=acted + timedelta(days=_range(rng, 1, 4)))
    if stage >= 5:
        took = response_delay + _range(rng, 2, 12)
        done = received + timedelta(days=took)
        if not malicious:
            step(StepKind.FOLLOW_UP, done, _one(rng, _FOLLOW_UPS))
        if malicious:
            step(StepKind.RESOLVED, done, outcome, retained=False)
        else:
            score = None if _below(rng, 10) == 0 else _SATISFACTION.pick(rng)
            text = _one(rng, _OUTCOMES_POOR if score is not None and score <= 2 else _OUTCOMES_GOOD)
            stayed = True if score is None or score >= 3 else _below(rng, 2) == 0
            step(StepKind.RESOLVED, done, text, satisfaction=score, retained=stayed)
        if reopen:
            back = max(done + timedelta(days=1), today - timedelta(days=4))
            step(StepKind.REOPENED, back, _REOPEN_REASON)
            step(StepKind.FIRST_RESPONSE, back, "致歉并立即联系财务核查到账情况")
            step(StepKind.CAUSE, back + timedelta(days=1), "财务付款时账号填写错误，款项被退回")
    return DemoComplaint(complaint, tuple(events))
