"""Demo orders and shipments (订单/运单), payments (回款) and sales plans (计划进度) for customers."""

from __future__ import annotations

import calendar
import gc
import math
from bisect import bisect, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from operator import itemgetter
from random import Random

import numpy as np

from crmdesk.demo_data.persons import _years_before
from crmdesk.demo_data.places import _CITY
from crmdesk.domain.customer import AccountType, Customer, CustomerKind, LifecycleStatus
from crmdesk.domain.orders import Order, Payment, PaymentMethod, Period, SalesPlan


@dataclass(frozen=True)
class DemoLedger:
    """What ``generate_ledger`` returns, each list in date order (plans by customer)."""

    orders: list[Order]
    payments: list[Payment]
    plans: list[SalesPlan]


MAX_ORDER = 200_000_000  # fen: 2,000,000 yuan per order
LOGISTICS_WORDS = ("物流", "快运", "货运", "供应链", "冷链", "运输", "仓储")
PREPAYMENT_NOTE = "预付款"

# service: (min yuan, max yuan, g per fen, kg per piece, same city: no route in the product name)
_SERVICES = {
    "整车运输": (800, 15_000, 15, 25, False), "零担": (60, 8_000, 12, 15, False),
    "快运": (20, 3_000, 5, 8, False), "城市配送": (80, 3_000, 10, 10, True),
    "冷链运输": (500, 20_000, 8, 10, False), "冷链配送": (100, 5_000, 5, 5, True),
    "仓储服务": (500, 100_000, 30, 300, True), "仓配一体": (200, 20_000, 10, 10, False),
    "集装箱运输": (1_500, 20_000, 10, 500, False), "同城快递": (8, 300, 3, 2, True),
    "省际零担": (60, 3_000, 12, 15, False), "搬家服务": (300, 3_000, 20, 30, True),
    "大件家具配送": (100, 2_000, 10, 40, True), "生鲜冷链寄递": (20, 800, 4, 5, False),
    "行李托运": (30, 800, 6, 15, False), "电商小件": (8, 200, 3, 1, False),
    "整车包车": (800, 15_000, 15, 25, False), "农产品寄递": (20, 1_500, 6, 10, False),
}
_SHIPPING = {  # industry -> services with weights
    "物流": (("零担", 5), ("整车运输", 3), ("城市配送", 2)),
    "供应链": (("仓配一体", 3), ("整车运输", 2), ("零担", 2), ("仓储服务", 1)),
    "货运代理": (("集装箱运输", 4), ("整车运输", 1), ("零担", 1)),
    "快运": (("快运", 6), ("零担", 2), ("城市配送", 2)),
    "冷链物流": (("冷链运输", 6), ("冷链配送", 4)),
    "仓储": (("仓配一体", 4), ("仓储服务", 3), ("城市配送", 2)),
    "道路运输": (("整车运输", 6), ("集装箱运输", 3)),
    None: (("零担", 4), ("整车运输", 2), ("快运", 2)),
}
_OWN_PREFIX = {"物流": "WL", "供应链": "GL", "货运代理": "HY", "快运": "KY", "冷链物流": "LL",
               "仓储": "CC", "道路运输": "YS"}
_CARRIERS = ("SF", "YT", "ZT", "YD", "JD", "DPK")


def _goods(text: str) -> tuple[tuple[str, int], ...]:
    """'name:unit price in yuan ...' as ((name, unit price in fen), ...)."""
    return tuple((n, int(p) * 100) for n, p in (item.split(":") for item in text.split()))


# goods and services that non-logistics customers buy, by their industry
_OFFICE = _goods("办公用品:120 办公家具:1800 维修服务:260 设备租赁:2500")
_CATALOG = {
    "贸易": _goods("日用百货:85 办公用品:120 茶叶礼盒:298 食用油（箱）:168"),
    "电子": _goods("电子元件:35 LED灯珠（千颗）:120 电路板:80 蓝牙耳机:129"),
    "食品": _goods("茶叶礼盒:298 坚果礼盒:168 速冻水饺（箱）:65 调味品（箱）:38"),
    "机械": _goods("轴承:45 数控刀具:260 液压配件:380 维修服务:800 设备租赁:3500"),
    "建材": _goods("瓷砖（平方米）:68 防水涂料（桶）:420 铝合金门窗:1200 卫浴套装:2600"),
    "服装": _goods("工作服定制:158 面料（米）:26 服装辅料:12"),
    "电子商务": _goods("包装纸箱（百个）:280 快递袋（百个）:35 热敏面单纸:45 打包机:1680"),
    "家具": _goods("办公家具:1800 办公椅:460 会议桌:3200 文件柜:900"),
    "医疗器械": _goods("医用口罩（箱）:250 一次性手套（箱）:380 康复器械:2800"),
    "化工": _goods("工业涂料（桶）:380 塑料粒子（吨）:12000 助剂:95"),
    "零售": _goods("日用百货:85 茶叶礼盒:298 食用油（箱）:168"),
    "制造业": _goods("电子元件:35 维修服务:800 设备租赁:3500"),
    "餐饮": _goods("调味品（箱）:38 食用油（箱）:168 白酒（箱）:580"),
    "建筑": _goods("防水涂料（桶）:420 设备租赁:3500 瓷砖（平方米）:68"),
    "医疗": _goods("医用口罩（箱）:250 维修服务:600"),
    None: _goods("茶叶礼盒:298 水果礼盒:168 白酒（箱）:580 维修服务:150 家电清洗:120 办公椅:460"),
} | dict.fromkeys(("批发", "IT互联网", "教育", "公共管理", "财务服务"), _OFFICE)
_SIZE_YUAN = {"微型": 2_500, "小型": 6_000, "中型": 20_000, "大型": 60_000}  # ranks a company's spend
_SHIP_NOTES = ("加急", "回单已返", "代收货款", "已保价", "夜间卸货", "客户自提")
_GOODS_NOTES = ("需开专票", "客户自提", "含安装", "分批发货", "样品单", "含税价")
_PERSON_METHODS = (PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.CASH)
_COMPANY_METHODS = (PaymentMethod.BANK_TRANSFER,) * 16 + (
    PaymentMethod.ACCEPTANCE, PaymentMethod.CHEQUE, PaymentMethod.WECHAT, PaymentMethod.ALIPAY)

# Purchase timing tells the BG/NBD story (Fader, Hardie & Lee 2005) and spend the
# Gamma-Gamma one, so that crmdesk.domain.churn fits a demo file as it fits real data:
#   a buyer's first order opens its history (first orders spread over the three years);
#   repeat purchases then come as a Poisson process of rate λ a week, λ ~ Gamma(r, α);
#   after each repeat purchase the buyer drops out for good with probability p ~ Beta(a, b).
#   Each order's value ~ Gamma(p, ν), with ν ~ Gamma(q, γ) per buyer: for q > 2 order values
#   have a finite variance (a Pareto or a wide lognormal fits only with q ≤ 1).
# Companies buy more often: their λ is the Gamma draw times a factor by size.  Who gets
# which ν follows the customer (a large company gets one of the larger mean orders), but
# the ν themselves are one Gamma(q, γ) sample.  α is not fixed: it is solved for, so that
# the orders add up to the number asked for.  Lost customers dropped out 4 to 18 months
# ago and won-back ones paused for 4 to 10 months: the model sees those as they are.
_R, _A, _B = 0.8, 0.8, 15.0  # BG/NBD shapes: r of λ, a and b of the drop-out probability
_SPEND_P, _SPEND_Q = 2.5, 2.2  # Gamma-Gamma shapes: per order, and of ν across buyers
_SIZE_RATE = {"微型": 1.0, "小型": 2.0, "中型": 4.0, "大型": 8.0}  # λ factor (persons: 1)
_MEAN_ORDER_YUAN = 3_000  # the mean order over all buyers
_PERSON_YUAN = 600  # typical spend of a person who has none recorded
_SPEND_NOISE = 0.3
_NO_ORDERS = {  # status -> share of customers that never ordered
    LifecycleStatus.PROSPECT: 1.0, LifecycleStatus.ACTIVE: 0.04,
    LifecycleStatus.LOST: 0.03, LifecycleStatus.WON_BACK: 0.0,
}
_SAME_DAY = 0.02  # share of orders that are a second order on a day the customer already ordered


class _Buyer:
    __slots__ = ("cid", "c", "company", "rate", "p", "drops", "start", "span", "gap", "scale",
                 "score", "t", "alive", "need", "days", "items", "cum", "lanes", "margin", "prefix",
                 "serial", "monthly", "delay", "method", "slow", "stop", "orders", "alts")


def _profile(rng: Random, cid: int, c: Customer, today_ord: int, first_ord: int) -> _Buyer:
    """Everything per customer that orders and payments draw from, decided once."""
    rnd = rng.random
    b = _Buyer()
    b.cid, b.c, b.orders, b.days, b.need, b.gap, b.lanes, b.items = cid, c, [], [], [], None, None, None
    b.company = company = c.kind is CustomerKind.COMPANY
    b.monthly = c.account_type is AccountType.MONTHLY
    logistics = any(w in (c.industry or "") + c.name for w in LOGISTICS_WORDS)
    buys = rnd() >= _NO_ORDERS[c.status]
    lo = first_ord if c.founded is None else max(first_ord, c.founded.toordinal() + 30)
    lo = min(lo, today_ord - 60)
    last, b.drops = today_ord, True  # the last day an order may fall on
    if c.status is LifecycleStatus.LOST:  # dropped out after a last order 4 to 18 months ago
        cut = today_ord - 122 - int(rnd() * 424)
        if cut - lo >= 30:
            last, b.drops = cut, False
    elif c.status is LifecycleStatus.WON_BACK and rnd() < 0.9:  # a long pause, then back
        back = today_ord - 20 - int(rnd() * 130)
        left = back - 120 - int(rnd() * 180)
        if left - lo >= 30:
            b.gap, b.drops = (left, back), False
    first = b.gap[0] - 30 if b.gap else last  # the first order at least a month before a pause
    if rnd() < 0.25:  # customers the business already had when the ledger begins
        start = lo + int(rnd() * min(90, first - lo + 1))
    else:
        start = lo + int(rnd() * (first - lo + 1))
    b.start = start
    b.span = last - start - (b.gap[1] - b.gap[0] if b.gap else 0)  # days the buyer may buy on
    factor = _SIZE_RATE.get(c.company_size or "", 2.0) * (1.5 if logistics else 1.0) if company else 1.0
    b.rate = rng.gammavariate(_R, 1.0) * factor * b.span / 7 if buys else 0.0  # repeats at α = 1
    b.p = rng.betavariate(_A, _B)
    b.t, b.alive = rng.expovariate(1.0), buys
    # Where the buyer's mean order ranks among all buyers' (see _spend_scales): by the
    # person's recorded typical spend, or what the company's size suggests, with some noise.
    typical = (c.typical_spend or _PERSON_YUAN * 100) if not company else (
        _SIZE_YUAN.get(c.company_size or "", 6_000) * 100)
    b.score = math.log(typical) + rng.gauss(0.0, _SPEND_NOISE)
    b.margin = 0.08 + 0.34 * rnd()
    usual = [p for p in (c.usual_products or "").split("、") if p in _SERVICES]
    if logistics or usual:
        services = [(s, 1.0) for s in usual] or _SHIPPING.get(c.industry, _SHIPPING[None])
        scum = list(accumulate(w for _, w in services))
        home = (c.city or "").removesuffix("市") or _CITY.pick(rng).stem
        lanes = []
        for _ in range(1 + int(rnd() ** 2 * 4)):
            label = services[bisect(scum, rnd() * scum[-1], 0, len(scum) - 1)][0]
            low, high, gpf, kgpp, same_city = _SERVICES[label]
            origin = home if rnd() < 0.8 else _CITY.pick(rng).stem
            dest = origin
            while not same_city and dest == origin:
                dest = _CITY.pick(rng).stem
            product = label if same_city else f"{label} {origin}→{dest}"
            lanes.append((product, origin, dest, low * 100, high * 100, gpf, kgpp * 1000))
        b.lanes, b.cum = lanes, list(accumulate((6, 3, 2, 1)[: len(lanes)]))
        own = _OWN_PREFIX.get(c.industry or "", "WL")
        b.prefix = own if company and rnd() < 0.5 else _CARRIERS[int(rnd() * len(_CARRIERS))]
        b.serial = 100_000_000_000 + int(rnd() * 800_000_000_000)
    else:
        catalog = _CATALOG.get(c.industry, _CATALOG[None])
        items: list[tuple[str, int, int]] = []
        for _ in range(1 + int(rnd() ** 1.5 * 3)):
            name, unit = catalog[int(rnd() * len(catalog))]
            if all(name != i[0] for i in items):
                unit = max(100, int(round(unit * (0.85 + 0.3 * rnd()), -1)))
                items.append((name, unit, MAX_ORDER // unit))
        b.items, b.cum = items, list(accumulate((6, 3, 1)[: len(items)]))
    b.delay = 2 if not company else 4 if c.account_type is AccountType.CASH else 6
    b.alts = methods = _COMPANY_METHODS if company else _PERSON_METHODS
    b.method = methods[int(rnd() * len(methods))]
    b.slow, b.stop = rnd() < 0.12, today_ord + 1
    return b


def _arrivals(rng: Random, b: _Buyer, upto: float) -> None:
    """Repeat purchases of a unit-rate process while alive, up to ``upto`` times the buyer's rate.

    ``b.need`` gets, per repeat purchase, the α-scale at which it falls inside the buyer's
    history: one sequence serves every α, so the total can be matched exactly.
    """
    rate, t, need, p = b.rate, b.t, b.need, b.p
    limit, drops, rnd, expo = upto * rate, b.drops, rng.random, rng.expovariate
    while t <= limit:
        need.append(t / rate)
        t += expo(1.0)
        if drops and rnd() < p:
            b.alive = False
            break
    b.t = t


def _repeat_scale(rng: Random, buyers: list[_Buyer], repeats: int) -> float:
    """The scale (1/α) at which ``repeats`` repeat purchases fall inside the histories."""
    if repeats <= 0 or not buyers:
        return -1.0
    rate = np.array([b.rate for b in buyers])
    p = np.array([b.p for b in buyers])
    drops = np.array([b.drops for b in buyers])

    def expected(scale: float) -> float:  # E[repeats]: (1 − e^(−λtp))/p while dropping out
        return float(np.sum(np.where(drops, -np.expm1(-rate * scale * p) / p, rate * scale)))

    low, high = 0.0, 1.0
    while expected(high) < repeats and high < 1e12:
        low, high = high, high * 2
    for _ in range(50):
        mid = (low + high) / 2
        low, high = (mid, high) if expected(mid) < repeats else (low, mid)
    upto, have = high * 1.25, 0
    for _ in range(40):  # almost always once: the expectation is close to the draw
        for b in buyers:
            if b.alive:
                _arrivals(rng, b, upto)
        have = sum(len(b.need) for b in buyers)
        if have >= repeats:
            break
        upto *= 1.5
    if not have:
        return -1.0
    k = min(repeats, have) - 1  # fewer only when drop-outs leave too few purchases to draw
    need = np.fromiter((u for b in buyers for u in b.need), dtype=float, count=have)
    return float(np.partition(need, k)[k])


def _purchase_days(rng: Random, buyers: list[_Buyer], orders: int) -> None:
    """Each buyer's order days (``b.days``, sorted) for about ``orders`` orders in all."""
    active = [b for b in buyers if b.rate > 0 or b.alive]
    fixed = sum(1 + (b.gap is not None) for b in active)  # first orders and comebacks
    if fixed > orders:  # too few orders for every buyer: the most frequent ones get them
        keep, n = [], 0
        for b in sorted(active, key=lambda b: -b.rate):
            if n + 1 + (b.gap is not None) <= orders:
                keep.append(b)
                n += 1 + (b.gap is not None)
        chosen = set(map(id, keep))
        active = [b for b in active if id(b) in chosen]
        fixed = n
    if not active:
        return
    extra = round(orders * _SAME_DAY) if fixed + round(orders * _SAME_DAY) <= orders else 0
    scale = _repeat_scale(rng, active, orders - fixed - extra)
    for b in active:
        span, start, days = b.span, b.start, [b.start]
        days += [start + int(u / scale * span) for u in b.need[: bisect_right(b.need, scale)]]
        if b.gap:
            left, back = b.gap
            days = [d if d <= left else d + back - left for d in days] + [back]
            days.sort()
        b.days = days
    offsets = list(accumulate(len(b.days) for b in active))
    for i in sorted(rng.sample(range(offsets[-1]), extra)) if extra else ():
        k = bisect_right(offsets, i)
        b = active[k]
        b.days.append(b.days[i - (offsets[k - 1] if k else 0)])
    for b in active:
        b.days.sort()


def _spend_scales(rng: Random, buyers: list[_Buyer]) -> None:
    """Each buyer's 1/ν, the scale of its orders' Gamma(p, ν) values, in fen.

    The ν are drawn from one Gamma(q, γ), so Gamma-Gamma sees exactly its population;
    which buyer gets which follows the buyers' scores: a large company or a person who
    spends a lot gets one of the larger mean orders (rank matching, as a copula would).
    """
    gamma = _MEAN_ORDER_YUAN * 100 * (_SPEND_Q - 1) / _SPEND_P  # E[value] = p·γ/(q − 1)
    nus = sorted((rng.gammavariate(_SPEND_Q, 1.0) / gamma for _ in buyers), reverse=True)
    for b, nu in zip(sorted(buyers, key=lambda b: b.score), nus):
        b.scale = 1.0 / nu


def _orders_for(rng: Random, b: _Buyer) -> list[tuple]:
    """Rows in date order: the date's ordinal, then the Order fields customer_id..weight_g."""
    rnd, gamma = rng.random, rng.gammavariate
    cid, margin, cum, scale = b.cid, b.margin - 0.03, b.cum, b.scale
    top, total = len(cum) - 1, cum[-1]
    out: list[tuple] = []
    if b.lanes:
        lanes, prefix, serial = b.lanes, b.prefix, b.serial
        for d in b.days:
            amount = min(max(int(gamma(_SPEND_P, scale) / 100 + 0.5), 10) * 100, MAX_ORDER)
            lane = lanes[bisect(cum, rnd() * total, 0, top)]
            if not lane[3] <= amount <= lane[4]:  # a lane whose prices fit, if there is one
                lane = next((x for x in lanes if x[3] <= amount <= x[4]), lane)
            product, origin, dest, _low, _high, gpf, gpp = lane
            weight = int(amount * gpf * (0.7 + 0.6 * rnd()))
            serial += 1 + int(rnd() * 30)
            r = rnd()
            cost = amount - int(amount * (margin + 0.075 * r)) if r < 0.8 else None
            r = rnd()
            note = _SHIP_NOTES[int(r * 150)] if r < 0.04 else None
            out.append((d, cid, product, 1, amount, cost, note, f"{prefix}{serial:012d}",
                        origin, dest, weight // gpp + 1, weight))
        return out
    items = b.items
    cheapest = min(items, key=itemgetter(1))
    for d in b.days:
        amount = min(max(int(gamma(_SPEND_P, scale) / 100 + 0.5), 10) * 100, MAX_ORDER)
        name, unit, most = items[bisect(cum, rnd() * total, 0, top)]
        if unit > 2 * amount:  # not for one piece of this: the cheapest item instead
            name, unit, most = cheapest
        qty = min(max(int(amount / unit + 0.5), 1), most)
        r = rnd()
        cost = amount - int(amount * (margin + 0.075 * r)) if r < 0.8 else None
        r = rnd()
        note = _GOODS_NOTES[int(r * 150)] if r < 0.04 else None
        out.append((d, cid, name, qty, amount, cost, note, None, None, None, None, None))
    return out


def _over_limit(buyers: list[_Buyer], today_ord: int) -> None:
    """Let about 4% of the companies with a credit limit stop paying until they owe more."""
    limited = [b for b in buyers if b.c.credit_limit]
    wanted = math.ceil(0.04 * len(limited))
    ranked = sorted((b for b in limited if b.orders),
                    key=lambda b: -sum(t[4] for t in b.orders if t[0] > today_ord - 180)
                    / b.c.credit_limit)
    for b in ranked:
        if wanted <= 0:
            break
        limit, billed = b.c.credit_limit, sum(t[4] for t in b.orders)
        if billed <= limit:  # too small a buyer: make its orders larger
            f = -(-limit * 6 // (5 * billed))
            if max(t[4] for t in b.orders) * f > MAX_ORDER:
                continue
            b.orders = [(t[0], t[1], t[2], t[3] * f if t[7] is None else t[3], t[4] * f,
                         t[5] and t[5] * f, *t[6:10], t[10] and t[10] * f, t[11] and t[11] * f)
                        for t in b.orders]
        wanted -= 1
        owed = 0
        for t in reversed(b.orders):
            owed += t[4]
            if owed > limit:
                b.stop, b.slow = t[0], True
                break


def _payments_for(rng: Random, b: _Buyer, today_ord: int) -> list[tuple]:
    """(date ordinal, customer id, amount, method, note, date of the order paid) per payment."""
    rnd, orders, cid, stop, method, alts = rng.random, b.orders, b.cid, b.stop, b.method, b.alts
    if b.slow and stop > today_ord:  # stopped paying at least two months ago
        stop = min(today_ord - 61 - int(rnd() * 180), orders[-1][0] - int(rnd() * 60))
        b.stop = stop
    out = []
    if not b.monthly:
        delay = b.delay + 1
        note = "到付" if b.c.account_type is AccountType.COD else None
        for t in orders:
            d = t[0]
            if d >= stop:
                break
            p = d + int(rnd() ** 2 * delay)
            if p <= today_ord:
                m = method if rnd() < 0.88 else alts[int(rnd() * len(alts))]
                out.append((p, cid, t[4], m, note, d))
        return out
    pay_day = b.c.payment_day or 10
    what = "运费" if b.lanes else "货款"
    months: list[list[int]] = []
    for t in orders:
        if t[0] >= stop:
            break
        if not months or t[0] > months[-1][2]:  # a new month: year, month, its last day, total
            d = date.fromordinal(t[0])
            last = t[0] - d.day + calendar.monthrange(d.year, d.month)[1]
            months.append([d.year, d.month, last, 0])
        months[-1][3] += t[4]
    for year, month, last, total in months:
        y, m = (year, month + 1) if month < 12 else (year + 1, 1)
        late = -3 + int(rnd() ** 3 * 30)  # mostly on time, now and then weeks late
        p = max(date(y, m, min(pay_day, calendar.monthrange(y, m)[1])).toordinal() + late, last + 1)
        if p <= today_ord:
            m_ = method if rnd() < 0.9 else alts[int(rnd() * len(alts))]
            out.append((p, cid, total, m_, f"{year}年{month}月{what}", last))
    return out


def _prepay(rng: Random, b: _Buyer, pays: list[tuple], first_ord: int) -> bool:
    """Turn one of the latest cash payments into a 预付款 a few days before its order."""
    for i in range(len(pays) - 1, max(len(pays) - 30, 0) - 1, -1):
        t = pays[i]
        day = t[5] - 1 - int(rng.random() * 5)
        if day < first_ord:
            return False
        if all(not day <= q[0] < t[5] for q in pays):
            pays[i] = (day, t[1], t[2], PaymentMethod.BANK_TRANSFER if b.company
                       else PaymentMethod.WECHAT, PREPAYMENT_NOTE, t[5])
            return True
    return False


def _plans(rng: Random, buyers: list[_Buyer], today: date) -> list[SalesPlan]:
    """Plans for this and the two previous months for the 30% most frequent recent buyers."""
    today_ord = today.toordinal()
    this = Period.month_of(today)
    prev = Period.month_of(date.fromordinal(this.first_day.toordinal() - 1))
    periods = (Period.month_of(date.fromordinal(prev.first_day.toordinal() - 1)), prev, this)
    days_total = (this.last_day - this.first_day).days + 1
    gone = today_ord - this.first_day.toordinal() + 1
    month_start = this.first_day.toordinal()
    recent = [sum(1 for t in b.orders if t[0] > today_ord - 90) for b in buyers]
    ranked = sorted((i for i, n in enumerate(recent) if n),
                    key=lambda i: (buyers[i].orders[-1][0] < month_start, -recent[i]))
    chosen = sorted(ranked[: round(0.3 * sum(1 for b in buyers if b.orders))])
    need = math.ceil(len(chosen) / 10)
    plans = []
    for i in chosen:
        orders = buyers[i].orders
        first = max(orders[0][0], today_ord - 364)
        monthly = sum(t[4] for t in orders if t[0] >= first) * 30.44 / (today_ord - first + 1)
        amounts = [max(10_000, int(round(monthly * (0.85 + 0.3 * rng.random()), -4)))
                   for _ in periods]
        actual = sum(t[4] for t in orders if t[0] >= month_start)
        pace = actual * days_total // gone // 10_000 * 10_000  # on track up to this
        if rng.random() < 0.12 or need >= len(chosen) - len(plans) // 3:
            # clearly behind: 1.5 times what the days gone call for, plus 100 yuan
            amounts[2] = max(amounts[2], pace * 3 // 2 // 10_000 * 10_000 + 10_000)
            need -= 1
        elif amounts[2] > pace >= amounts[2] * 0.7:
            amounts[2] = max(pace, 10_000)  # a little ahead of the plan instead
        plans += [SalesPlan(buyers[i].cid, p, a) for p, a in zip(periods, amounts)]
    return plans


def generate_ledger(customers: Sequence[tuple[int, Customer]], seed: int, *, today: date,
                    orders: int) -> DemoLedger:
    """``orders`` orders over the 3 years before ``today``, their payments and plans.

    Exactly ``orders`` unless there are too few buyers to place them (see the BG/NBD and
    Gamma-Gamma notes above ``_R``: crmdesk's churn model fits the result).
    ``customers`` pairs stored ids with customers.  The same arguments give the same
    ledger in every process: all draws come from ``Random(f"ledger-{seed}")`` in order.
    """
    if orders < 0:
        raise ValueError("orders must not be negative")
    collecting = gc.isenabled()
    gc.disable()  # millions of new objects: cyclic collection would take half the time
    try:
        return _generate(customers, seed, today, orders)
    finally:
        if collecting:
            gc.enable()


def _generate(customers: Sequence[tuple[int, Customer]], seed: int, today: date,
              orders: int) -> DemoLedger:
    rng = Random(f"ledger-{seed}")
    today_ord = today.toordinal()
    first_ord = _years_before(today, 3).toordinal()
    buyers = [_profile(rng, cid, c, today_ord, first_ord) for cid, c in customers]
    _purchase_days(rng, buyers, orders)
    _spend_scales(rng, [b for b in buyers if b.days])
    for b in buyers:
        if b.days:
            b.orders = _orders_for(rng, b)
    _over_limit(buyers, today_ord)
    pays = [_payments_for(rng, b, today_ord) if b.orders else [] for b in buyers]
    candidates = [i for i, b in enumerate(buyers) if not (b.monthly or b.slow) and len(pays[i]) > 1]
    rng.shuffle(candidates)  # then companies paying cash in advance (款到发货) first
    candidates.sort(key=lambda i: buyers[i].c.account_type is not AccountType.CASH)
    wanted = max(1, len(buyers) // 200)  # one or two deliberate prepayments in a few hundred
    for i in candidates:
        if wanted and _prepay(rng, buyers[i], pays[i], first_ord):
            wanted -= 1
    plans = _plans(rng, buyers, today)
    base = first_ord - 10
    days = [date.fromordinal(o) for o in range(base, today_ord + 1)]
    rows = sorted((t for b in buyers for t in b.orders), key=itemgetter(0))
    out_orders = [Order(t[1], days[t[0] - base], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9],
                        t[10], t[11]) for t in rows]
    rows = sorted((t for p in pays for t in p), key=itemgetter(0))
    out_pays = [Payment(t[1], days[t[0] - base], t[2], t[3], t[4]) for t in rows]
    return DemoLedger(out_orders, out_pays, plans)
