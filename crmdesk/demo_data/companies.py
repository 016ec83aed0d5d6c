"""Company customers: industries, sizes, credit terms, contact people, and building one company."""

from __future__ import annotations

from datetime import date
from random import Random

from crmdesk.demo_data.common_fields import _COMPANY_TAG_POOL, _common, _tags
from crmdesk.demo_data.contact_details import _landline, _mobile, _wechat
from crmdesk.demo_data.draws import _below, _one, _range, _two, _Weighted
from crmdesk.demo_data.id_numbers import _uscc
from crmdesk.demo_data.names import _TRADE_CHARS, _person_name
from crmdesk.demo_data.places import _CITY, _address_company
from crmdesk.domain.customer import (
    AccountType,
    ContactPerson,
    ContactRole,
    Customer,
    CustomerKind,
    Gender,
    LifecycleStatus,
)

_FOUNDED_FROM = date(1995, 1, 1).toordinal()

_COMPANY_NOTES = (
    "每周二、五固定发货", "春节前后货量大，提前备车", "需开增值税专用发票", "对时效要求高，常走加急",
    "仓库周日不收货", "对账单每月3日前发送财务", "货物易碎，需木架包装", "旺季（双十一）需加派车辆",
)

_CONTACT_TITLES = _Weighted([
    (("采购经理", ContactRole.PURCHASER), 14), (("采购专员", ContactRole.PURCHASER), 6),
    (("物流主管", ContactRole.USER), 14), (("仓储主管", ContactRole.USER), 9),
    (("发货专员", ContactRole.USER), 5), (("运营经理", ContactRole.USER), 5),
    (("财务", ContactRole.FINANCE), 9), (("财务经理", ContactRole.FINANCE), 5),
    (("技术总监", ContactRole.TECHNICAL), 4), (("IT经理", ContactRole.TECHNICAL), 2),
    (("副总经理", ContactRole.OTHER), 4), (("行政主管", ContactRole.OTHER), 4),
])
_CONTACT_NOTES = ("只在工作日联系", "负责华东区发货", "对账找他", "新接手，需建立关系", "决策人")

# Industries: (industry, logistics?, ((legal-name suffix, short suffix), ...),
#              main products, email-domain suffixes, tag)
_INDUSTRIES = _Weighted([
    (("物流", True, (("物流有限公司", "物流"), ("现代物流有限公司", "物流")),
      ("公路整车、零担运输", "城市配送、仓储分拣", "华东—华南干线零担专线", "电商仓配一体化服务",
       "大件物流、送装一体"), ("56", "wl", "logistics"), None), 14),
    (("供应链", True, (("供应链管理有限公司", "供应链"),),
      ("供应链管理、进出口代理", "VMI仓储、JIT配送", "跨境电商供应链服务"), ("scm", "gyl"), None), 8),
    (("货运代理", True, (("国际货运代理有限公司", "货代"), ("货运代理有限公司", "货代")),
      ("海运整柜/拼箱、报关报检", "空运进出口、国际快递", "中欧班列订舱"), ("shipping", "hy"), None), 6),
    (("快运", True, (("快运有限公司", "快运"), ("速运有限公司", "速运")),
      ("省际快运、零担快运", "同城即时配送", "专线快运（至西南地区）"), ("express", "ky"), None), 6),
    (("冷链物流", True, (("冷链物流有限公司", "冷链"),),
      ("冷藏车运输（0–4℃）、冷库仓储（-18℃）", "生鲜食品冷链配送", "医药冷链运输"),
      ("coldchain", "ll"), "冷链"), 5),
    (("仓储", True, (("仓储服务有限公司", "仓储"), ("仓储物流有限公司", "仓储")),
      ("标准仓库租赁、仓储管理", "保税仓储、分拣包装"), ("cc", "storage"), None), 4),
    (("道路运输", True, (("汽车运输有限公司", "运输"), ("运输有限公司", "运输")),
      ("危险品运输", "集装箱拖车运输", "整车运输"), ("ys", "trans"), None), 4),
    (("贸易", False, (("贸易有限公司", "贸易"), ("商贸有限公司", "商贸")),
      ("日用百货批发", "进出口贸易", "办公用品批发"), ("trade", "my"), None), 9),
    (("电子", False, (("电子科技有限公司", "电子"), ("电子有限公司", "电子")),
      ("手机配件、蓝牙耳机", "LED照明产品", "电路板、电子元器件"), ("tech", "dz"), None), 8),
    (("食品", False, (("食品有限公司", "食品"), ("食品贸易有限公司", "食品")),
      ("休闲零食、坚果炒货", "冷冻食品、速冻水饺", "调味品"), ("food", "sp"), None), 6),
    (("机械", False, (("机械设备有限公司", "机械"), ("机械制造有限公司", "机械")),
      ("包装机械", "数控机床配件", "工程机械配件"), ("machinery", "jx"), None), 6),
    (("建材", False, (("建材有限公司", "建材"), ("新型建材有限公司", "建材")),
      ("瓷砖、卫浴", "涂料、防水材料", "铝合金门窗"), ("jc", "building"), None), 5),
    (("服装", False, (("服饰有限公司", "服饰"), ("服装有限公司", "服装")),
      ("女装、童装", "工作服定制", "针织服装外贸"), ("fashion", "fz"), None), 6),
    (("电子商务", False, (("电子商务有限公司", "电商"),),
      ("淘宝/拼多多店铺运营", "抖音直播带货", "跨境电商（亚马逊）"), ("ec", "shop"), "电商"), 6),
    (("家具", False, (("家具有限公司", "家具"),),
      ("办公家具", "实木家具、软体沙发"), ("furniture", "jj"), None), 3),
    (("医疗器械", False, (("医疗器械有限公司", "医疗器械"),),
      ("医用耗材", "康复器械"), ("medical", "yl"), None), 2),
    (("化工", False, (("化工有限公司", "化工"),),
      ("工业涂料", "塑料原料、助剂"), ("chem", "hg"), None), 2),
])
_SIZES = _Weighted([
    (("微型", 3, 9), 25), (("小型", 10, 99), 45), (("中型", 100, 499), 25), (("大型", 500, 3000), 5),
])
_OWNERSHIP = _Weighted([("民营", 80), ("国有", 7), ("外资", 6), ("合资", 7)])
_CAPITAL_WAN = {  # registered capital in 万元 by size
    "微型": (10, 30, 50, 100),
    "小型": (50, 100, 200, 300, 500),
    "中型": (500, 1000, 2000, 3000),
    "大型": (5000, 10000, 20000),
}
_CREDIT_WAN = (2, 3, 5, 5, 8, 10, 10, 15, 20, 30, 50)  # 万元: 20,000 .. 500,000 yuan
_RATING_MONTHLY = _Weighted([("AAA", 20), ("AA", 40), ("A", 30), ("BBB", 10)])
_RATING_OTHER = _Weighted([("AA", 10), ("A", 40), ("BBB", 50)])


def _company(rng: Random, today: date) -> Customer:
    today_ord = today.toordinal()
    common = _common(rng, today_ord)
    city = _CITY.pick(rng)
    district = _one(rng, city.districts)
    industry, logistics, suffixes, products, domain_suffixes, industry_tag = _INDUSTRIES.pick(rng)
    a, b = _two(rng, _TRADE_CHARS)
    trade, trade_py = a[0] + b[0], a[1] + b[1]
    full_suffix, short_suffix = _one(rng, suffixes)
    prefix = city.stem if city.municipality or rng.random() < 0.3 else city.name
    name = f"{prefix}{trade}{full_suffix}"

    founded = date.fromordinal(_range(rng, _FOUNDED_FROM, today_ord - 179))
    size, lo_emp, hi_emp = _SIZES.pick(rng)
    employees = int(rng.triangular(lo_emp, hi_emp, lo_emp))
    capitals = _CAPITAL_WAN[size]
    capital = _one(rng, capitals) * 10_000 * 100  # fen

    # logistics customers mostly settle monthly, the others in cash or on delivery
    monthly, cash = (0.8, 0.9) if logistics else (0.3, 0.65)
    r = rng.random()
    account = (AccountType.MONTHLY if r < monthly else AccountType.CASH if r < cash
               else AccountType.COD)
    payment_day = credit_limit = None
    if account is AccountType.MONTHLY:
        payment_day = _range(rng, 5, 28 + 1)
        payment_terms = (f"月结，次月{payment_day}日前付款" if rng.random() < 0.6
                         else f"月结{(30, 45, 60)[_below(rng, 3)]}天")
        credit_limit = _one(rng, _CREDIT_WAN) * 10_000 * 100
        rating = _RATING_MONTHLY.pick(rng)
    else:
        payment_terms = "现结（款到发货）" if account is AccountType.CASH else "到付"
        rating = _RATING_OTHER.pick(rng) if rng.random() < 0.7 else None

    domain = f"{trade_py}{_one(rng, domain_suffixes)}.{'com' if rng.random() < 0.6 else 'com.cn'}"
    landline = _landline(rng, city) if rng.random() < 0.95 else None

    contacts = []
    legal_rep = _person_name(rng, Gender.MALE if rng.random() < 0.75 else Gender.FEMALE)
    titles: list[str] = []
    for i in range(_one(rng, (1, 1, 2, 2, 2, 3))):
        if i == 0 and rng.random() < 0.3:
            # the boss himself is the contact (the only 总经理 of the list)
            person, title, role = legal_rep, "总经理", ContactRole.OTHER
        else:
            person = _person_name(rng, Gender.MALE if rng.random() < 0.55 else Gender.FEMALE)
            title, role = _CONTACT_TITLES.pick(rng)
            while title in titles:
                title, role = _CONTACT_TITLES.pick(rng)
        titles.append(title)
        mobile = _mobile(rng)
        contacts.append(ContactPerson(
            name=person.full, title=title, role=role, mobile=mobile,
            phone=landline if landline is not None and rng.random() < 0.3 else None,
            email=(f"{person.py_surname}{person.py_given[:1]}@{domain}"
                   if rng.random() < 0.4 else None),
            wechat=_wechat(rng, person, mobile) if rng.random() < 0.35 else None,
            is_primary=(i == 0),
            notes=_one(rng, _CONTACT_NOTES) if rng.random() < 0.1 else None,
        ))

    hints = []
    if industry_tag:
        hints.append(industry_tag)
    if credit_limit is not None and credit_limit >= 200_000 * 100:
        hints.append("月结大客户")
    if size in ("中型", "大型"):
        hints.append("VIP候选")
    if founded.year < 2012 and common["status"] is LifecycleStatus.ACTIVE:
        hints.append("老客户")
    if common["status"] in (LifecycleStatus.PROSPECT, LifecycleStatus.LOST):
        hints.append("需回访")
    if industry == "食品" and rng.random() < 0.3:
        hints.insert(0, "冷链")

    c: dict = {
        "kind": CustomerKind.COMPANY, "name": name, **common,
        "short_name": trade + short_suffix,
        "credit_code": _uscc(rng, district.code, founded),
        "legal_representative": legal_rep.full,
        "registered_capital": capital,
        "founded": founded,
        "mobile": contacts[0].mobile if rng.random() < 0.3 else None,
        "phone": landline,
        "email": (f"{('info', 'sales', 'service', 'cs', 'admin')[_below(rng, 5)]}@{domain}"
                  if rng.random() < 0.6 else None),
        "qq": str(_range(rng, 100_000_000, 3_000_000_000)) if rng.random() < 0.1 else None,
        "province": city.province, "city": city.name, "district": district.name,
        "address": _address_company(rng, district, logistics or rng.random() < 0.3),
        "industry": industry,
        "company_size": size,
        "ownership": _OWNERSHIP.pick(rng),
        "region": city.region,
        "main_products": _one(rng, products),
        "annual_revenue": (employees * _range(rng, 30, 151) * 10_000 * 100
                           if rng.random() < 0.8 else None),
        "employees": employees,
        "account_type": account,
        "payment_day": payment_day,
        "payment_terms": payment_terms,
        "credit_limit": credit_limit,
        "credit_rating": rating,
        "tags": _tags(rng, hints, _COMPANY_TAG_POOL),
        "contacts": tuple(contacts),
    }
    if rng.random() < 0.15:
        c["notes"] = _one(rng, _COMPANY_NOTES)
    return Customer(**c)
