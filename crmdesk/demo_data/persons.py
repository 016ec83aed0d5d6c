"""Personal customers: education, job, family and habit pools, and building one person."""

from __future__ import annotations

from datetime import date
from random import Random

from crmdesk.demo_data.common_fields import _PERSON_TAG_POOL, _common, _tags
from crmdesk.demo_data.contact_details import (
    _EMAIL_DOMAINS,
    _email_local,
    _landline,
    _mobile,
    _wechat,
)
from crmdesk.demo_data.draws import _below, _join, _one, _range, _two, _Weighted
from crmdesk.demo_data.id_numbers import _ric_check
from crmdesk.demo_data.names import _TRADE_CHARS, _person_name
from crmdesk.demo_data.places import _CITY, _address_home, _id_region
from crmdesk.domain.lunar import lunar_of
from crmdesk.domain.customer import (
    Customer,
    CustomerKind,
    Gender,
    LifecycleStatus,
    MaritalStatus,
    SourceChannel,
)

_CN_NUM = "一二三四五六七八九十"

_UNIVERSITIES = (
    "武汉大学", "浙江大学", "华南理工大学", "四川大学", "山东大学", "南京大学", "北京交通大学",
    "长安大学", "大连海事大学", "上海海事大学", "中山大学", "西南交通大学", "郑州大学",
    "湖南大学", "厦门大学", "东北财经大学", "江西财经大学", "广东外语外贸大学", "北京物资学院",
)
_COLLEGES = (
    "深圳职业技术学院", "浙江交通职业技术学院", "广东交通职业技术学院", "湖南交通职业技术学院",
    "武汉职业技术学院", "天津交通职业学院", "山东商业职业技术学院", "四川交通职业技术学院",
)
_MAJORS = (
    "物流管理", "市场营销", "会计学", "国际经济与贸易", "计算机科学与技术", "工商管理",
    "机械工程", "交通运输", "电子商务", "法学", "英语", "财务管理",
)
_EDUCATION = _Weighted([("本科", 40), ("大专", 30), ("高中", 18), ("硕士", 10), ("博士", 2)])

# (job title, industry, employer patterns: {city} city stem, {trade} a trade name, {n} 一..十)
_JOBS = (
    ("店主", "零售", ()),
    ("网店店主", "电子商务", ()),
    ("个体经营", "零售", ()),
    ("自由职业", None, ()),
    ("销售经理", "批发", ("{city}{trade}贸易有限公司", "{city}{trade}商贸有限公司")),
    ("会计", "财务服务", ("{city}{trade}会计师事务所有限公司", "{city}{trade}实业有限公司")),
    ("工程师", "制造业", ("{city}{trade}电子科技有限公司", "{city}{trade}机械制造有限公司")),
    ("采购", "制造业", ("{city}{trade}实业有限公司", "{city}{trade}电子有限公司")),
    ("教师", "教育", ("{city}市第{n}中学", "{city}市实验小学")),
    ("医生", "医疗", ("{city}市第{n}人民医院", "{city}市中医院")),
    ("行政专员", "IT互联网", ("{city}{trade}网络科技有限公司",)),
    ("设计师", "IT互联网", ("{city}{trade}网络科技有限公司", "{city}{trade}文化传媒有限公司")),
    ("项目经理", "建筑", ("{city}{trade}建设工程有限公司",)),
    ("厨师", "餐饮", ("{city}{trade}餐饮管理有限公司", "{city}{trade}大酒店")),
    ("司机", "物流", ("{city}{trade}物流有限公司", "{city}{trade}运输有限公司")),
    ("公务员", "公共管理", ()),
)
_CAREER_NOTES = (
    "在淘宝经营女装网店，旺季单量大", "计划年内开第二家门店", "正在筹备跨境电商业务",
    "单位有集中采购需求，可以引荐", "刚换工作，业务量可能变化", "兼职做微商，常寄小件",
)
_PREFERENCES = (
    "常寄生鲜，需冷链", "习惯上门取件", "偏好电话预约送货", "对价格敏感，常比价",
    "注重时效，愿意加急", "要求保价", "希望送货上楼", "只在周末收件",
)
_USUAL_PRODUCTS = (
    "同城快递", "省际零担", "搬家服务", "大件家具配送", "生鲜冷链寄递", "行李托运",
    "电商小件", "整车包车", "农产品寄递",
)
_CHILDREN = _Weighted([
    ("一子", 30), ("一女", 30), ("一子一女", 20), ("两子", 6), ("两女", 6), ("一女一子", 5),
    ("一子（已工作）", 3),
])
_HOBBIES = (
    "钓鱼", "羽毛球", "茶艺", "跑步", "摄影", "书法", "旅游", "登山", "篮球", "乒乓球",
    "骑行", "烹饪", "读书", "游泳", "象棋", "高尔夫", "广场舞", "打牌",
)
_HABITS = (
    "早上9点前不接电话", "习惯微信沟通", "周末不处理业务", "喜欢当面签单", "每月初集中发货",
    "晚饭后方便通话", "回复消息较慢，需电话跟进", "喜欢语音留言",
)
_PERSONALITY = (
    "性格开朗", "注重细节", "做事干脆", "比较谨慎", "健谈", "讲究效率", "重感情",
    "砍价能力强", "守时", "说话直爽",
)
_PERSON_NOTES = (
    "电话沟通优先，白天不方便接听", "地址较偏，派送需提前联系", "曾投诉过破损，发货注意包装",
    "每逢节日寄礼品较多", "对服务满意，愿意转介绍",
)


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _person(rng: Random, today: date, surname: str | None) -> Customer:
    today_ord = today.toordinal()
    common = _common(rng, today_ord)
    gender = Gender.MALE if rng.random() < 0.5 else Gender.FEMALE
    name = _person_name(rng, gender, surname)
    city = _CITY.pick(rng)
    district = _one(rng, city.districts)

    # ages 20..70 inclusive, most between 28 and 45
    oldest = _years_before(today, 71).toordinal() + 1
    youngest = _years_before(today, 20).toordinal()
    span = youngest - oldest
    back = int(rng.triangular(0, span, 13 * 365))
    birthday = date.fromordinal(youngest - min(back, span))
    age = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))

    id_number = None
    if rng.random() < 0.3:
        region = _id_region(city, district, birthday.year)
        seq = _below(rng, 100) * 10 + 2 * _below(rng, 5) + (1 if gender is Gender.MALE else 0)
        body = f"{region}{birthday:%Y%m%d}{seq:03d}"
        id_number = body + _ric_check(body)

    mobile = _mobile(rng) if rng.random() < 0.97 else None
    phone = _landline(rng, city) if rng.random() < 0.12 else None
    qq = None
    if rng.random() < 0.2:
        digits = _range(rng, 6, 10 + 1)
        qq = str(_range(rng, 10 ** (digits - 1), 10 ** digits))
    email = None
    if rng.random() < 0.35:
        if qq is not None and rng.random() < 0.6:
            email = f"{qq}@qq.com"
        else:
            email = f"{_email_local(rng, name, birthday)}@{_EMAIL_DOMAINS.pick(rng)}"
    wechat = _wechat(rng, name, mobile) if rng.random() < 0.5 else None

    c: dict = {
        "kind": CustomerKind.PERSONAL, "name": name.full, **common,
        "gender": gender,
        "birthday": birthday if id_number is not None or rng.random() < 0.7 else None,
        "id_number": id_number, "mobile": mobile, "phone": phone, "email": email,
        "wechat": wechat, "qq": qq, "province": city.province, "city": city.name,
        "district": district.name,
        "address": _address_home(rng, district) if rng.random() < 0.85 else None,
    }

    # Older people often keep the lunar birthday they were told; chosen from the
    # birthday itself, not drawn, so the rest of the demo file stays as it was.
    if c["birthday"] is not None and age >= 40 and birthday.toordinal() % 4 == 0:
        c["lunar_birthday"] = lunar_of(birthday).format()

    # soft groups, filled sparsely
    if rng.random() < 0.4:
        c["preferences"] = _join(rng, _PREFERENCES, 1, 2, "；")
        c["usual_products"] = _join(rng, _USUAL_PRODUCTS, 1, 2)
        if rng.random() < 0.7:
            c["typical_spend"] = int(rng.triangular(5, 300, 20)) * 1000  # 50..3000 yuan, in fen
    if rng.random() < 0.35:
        edu = _EDUCATION.pick(rng)
        c["education"] = edu
        if edu == "高中":
            c["school"] = f"{city.stem}市第{_CN_NUM[_below(rng, 10)]}中学"
        else:
            pool = _COLLEGES if edu == "大专" else _UNIVERSITIES
            c["school"] = _one(rng, pool)
            c["major"] = _one(rng, _MAJORS) if rng.random() < 0.8 else None
    if rng.random() < 0.45:
        title, industry, employers = _one(rng, _JOBS)
        c["job_title"] = title
        c["industry"] = industry
        if employers:
            a, b = _two(rng, _TRADE_CHARS)
            c["employer"] = _one(rng, employers).format(
                city=city.stem, trade=a[0] + b[0], n=_one(rng, _CN_NUM))
        if rng.random() < 0.2:
            c["career_notes"] = _one(rng, _CAREER_NOTES)
    if rng.random() < 0.4:
        r = rng.random()
        if age < 25:
            marital = MaritalStatus.SINGLE if r < 0.85 else MaritalStatus.MARRIED
        elif age < 33:
            marital = (MaritalStatus.SINGLE if r < 0.45 else MaritalStatus.MARRIED if r < 0.97
                       else MaritalStatus.DIVORCED)
        elif age < 56:
            marital = (MaritalStatus.MARRIED if r < 0.82 else MaritalStatus.SINGLE if r < 0.9
                       else MaritalStatus.DIVORCED if r < 0.98 else MaritalStatus.WIDOWED)
        else:
            marital = (MaritalStatus.MARRIED if r < 0.8 else MaritalStatus.DIVORCED if r < 0.86
                       else MaritalStatus.WIDOWED if r < 0.98 else MaritalStatus.SINGLE)
        c["marital_status"] = marital
        if marital is MaritalStatus.MARRIED and rng.random() < 0.5:
            first = _years_before(birthday, -21).toordinal()  # married at 21 at the earliest
            last = min(today_ord, _years_before(birthday, -40).toordinal())
            if first <= last:
                c["anniversary"] = date.fromordinal(_range(rng, first, last + 1))
        if marital is not MaritalStatus.SINGLE and age >= 24 and rng.random() < 0.75:
            c["children"] = _CHILDREN.pick(rng)
    if rng.random() < 0.3:
        c["hobbies"] = _join(rng, _HOBBIES, 1, 3)
        if rng.random() < 0.5:
            c["habits"] = _one(rng, _HABITS)
    if rng.random() < 0.25:
        c["personality"] = _join(rng, _PERSONALITY, 1, 2, "，")
    if rng.random() < 0.12:
        other = _person_name(rng, Gender.MALE if rng.random() < 0.5 else Gender.FEMALE).full
        c["relationships"] = (
            f"与{other}是同乡", f"{other}的亲戚", f"和{other}是大学同学", "在本地商会有一定人脉",
            f"{other}的同事",
        )[_below(rng, 5)]
    if common["source"] is SourceChannel.REFERRAL and rng.random() < 0.7:
        referrer_gender = Gender.MALE if rng.random() < 0.5 else Gender.FEMALE
        c["referred_by"] = _person_name(rng, referrer_gender).full

    hints = []
    if c.get("typical_spend", 0) >= 150_000:
        hints.append("VIP候选")
    if common["status"] in (LifecycleStatus.PROSPECT, LifecycleStatus.LOST):
        hints.append("需回访")
    if c.get("usual_products") and "冷链" in c["usual_products"]:
        hints.append("冷链")
    if c.get("industry") == "电子商务" or "电商" in (c.get("usual_products") or ""):
        hints.append("电商")
    c["tags"] = _tags(rng, hints, _PERSON_TAG_POOL)
    if rng.random() < 0.1:
        c["notes"] = _one(rng, _PERSON_NOTES)
    return Customer(**c)
