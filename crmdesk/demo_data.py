"""Realistic, reproducible demo customers.

``generate_customers(n, seed, today=...)`` yields ``n`` new customers (``id``
and ``code`` left ``None`` for storage to assign) that look like the file of a
Chinese small business or logistics sales clerk: about 60 % personal and 40 %
company customers, many of the companies logistics firms.

Everything is drawn from one ``random.Random(seed)`` in a fixed order over
tuples, never sets or dicts keyed by hash, and no clock is read (``today`` is
a parameter), so the same ``n``/``seed``/``today`` give identical output in
every process whatever ``PYTHONHASHSEED`` is.  The first ``k`` customers of a
run do not depend on ``n``.

Generated numbers are valid, not merely well-shaped:

* 身份证 numbers have a real region code of the customer's province (valid
  for the birth year, as ``stdnum.cn.ric`` checks), the birthday as birth
  date, a gender digit matching ``gender`` and the ISO 7064 check digit;
* 统一社会信用代码 are ``91`` + the company's district code + a GB 11714
  organisation code with its own check character + the GB 32100 check
  character;
* mobiles use allocated mobile prefixes and landlines the city's area code
  and local-number length, so ``phonenumbers`` accepts them.

Only the standard library and ``crmdesk.domain.customer`` are used.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from datetime import date
from random import Random
from typing import Generic, TypeVar

from crmdesk.domain.customer import (
    AccountType,
    ContactPerson,
    ContactRole,
    Customer,
    CustomerKind,
    Gender,
    LifecycleStatus,
    MaritalStatus,
    SourceChannel,
)

__all__ = ["generate_customers", "TAGS", "SALES_TEAM", "CITIES", "POLYPHONIC_SURNAMES", "PINYIN"]

T = TypeVar("T")


class _Weighted(Generic[T]):
    """Weighted choice by one ``random()`` call and a bisect (faster than ``choices``)."""

    __slots__ = ("items", "cum", "total", "last")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items: tuple[T, ...] = tuple(p[0] for p in pairs)
        self.cum = tuple(itertools.accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]
        self.last = len(self.cum) - 1

    def pick(self, rng: Random) -> T:
        return self.items[bisect.bisect(self.cum, rng.random() * self.total, 0, self.last)]


def _below(rng: Random, n: int) -> int:
    """Uniform in 0..n-1.  ``int(random() * n)`` is below ``n`` for every float
    ``random()`` returns and is several times faster than ``randrange``."""
    return int(rng.random() * n)


def _range(rng: Random, lo: int, hi: int) -> int:
    """Uniform in lo..hi-1, like ``randrange(lo, hi)``."""
    return lo + int(rng.random() * (hi - lo))


def _one(rng: Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def _two(rng: Random, seq: Sequence[T]) -> tuple[T, T]:
    """Two different elements."""
    n = len(seq)
    i = int(rng.random() * n)
    j = int(rng.random() * (n - 1))
    return seq[i], seq[j + (j >= i)]


def _some(rng: Random, pool: Sequence[str], count: int) -> list[str]:
    """``count`` different elements of ``pool`` (count small), in drawing order."""
    out: list[str] = []
    while len(out) < count:
        item = pool[int(rng.random() * len(pool))]
        if item not in out:
            out.append(item)
    return out


def _pairs(spec: str) -> list[tuple[str, str]]:
    """'伟wei 强qiang' -> [('伟', 'wei'), ('强', 'qiang')]; CJK prefix, ascii rest."""
    out = []
    for token in spec.split():
        i = 0
        while i < len(token) and not token[i].isascii():
            i += 1
        out.append((token[:i], token[i:]))
    return out


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

# Common surnames with rough per-mille frequencies (2020 census order), then
# the polyphonic and compound surnames a pinyin search has to get right, over-
# weighted so they show up in a demo file (about 5 % of names).
_SURNAME_SPEC = """
王wang:71 李li:70 张zhang:67 刘liu:51 陈chen:46 杨yang:32 黄huang:24 赵zhao:22 吴wu:21 周zhou:20
徐xu:14 孙sun:14 马ma:13 朱zhu:13 胡hu:12 郭guo:11 何he:11 高gao:10 林lin:10 罗luo:9
郑zheng:9 梁liang:8 谢xie:8 宋song:7 唐tang:7 许xu:6 韩han:6 冯feng:6 邓deng:6 曹cao:5.5
彭peng:5.4 曾zeng:5.2 肖xiao:5 田tian:4.9 董dong:4.8 袁yuan:4.5 潘pan:4.4 于yu:4.4 蒋jiang:4.4 蔡cai:4.3
余yu:4.2 杜du:4.1 叶ye:4.1 程cheng:4 苏su:3.8 魏wei:3.8 吕lv:3.7 丁ding:3.6 任ren:3.6 沈shen:3.5
姚yao:3.4 卢lu:3.4 姜jiang:3.3 崔cui:3.2 钟zhong:3.2 谭tan:3.1 陆lu:3 汪wang:3 范fan:3 金jin:2.9
石shi:2.8 廖liao:2.8 贾jia:2.7 夏xia:2.7 韦wei:2.6 付fu:2.6 方fang:2.5 白bai:2.5 邹zou:2.4 孟meng:2.4
熊xiong:2.4 秦qin:2.3 邱qiu:2.3 江jiang:2.3 尹yin:2.2 薛xue:2.2 闫yan:2.1 段duan:2.1 雷lei:2.1 侯hou:2
龙long:2 史shi:2 陶tao:1.9 黎li:1.9 贺he:1.9 顾gu:1.8 毛mao:1.8 郝hao:1.7 龚gong:1.7 邵shao:1.7
万wan:1.6 钱qian:1.6 严yan:1.6 覃qin:1.5 武wu:1.5 戴dai:1.5 莫mo:1.4 孔kong:1.4 向xiang:1.4 汤tang:1.4
"""
_POLYPHONIC_SPEC = """
单shan:5 解xie:4 仇qiu:3 区ou:3 朴piao:4 查zha:4 盖ge:3 尉迟yuchi:2 欧阳ouyang:5 司马sima:2.5
诸葛zhuge:2.5 上官shangguan:2.5
"""


def _surnames(spec: str) -> list[tuple[str, str, float]]:
    out = []
    for token in spec.split():
        head, weight = token.split(":")
        ((han, py),) = _pairs(head)
        out.append((han, py, float(weight)))
    return out


_COMMON_SURNAMES = _surnames(_SURNAME_SPEC)
_POLY_SURNAMES = _surnames(_POLYPHONIC_SPEC)
#: Surnames whose reading differs from the character's everyday one, or compound.
POLYPHONIC_SURNAMES: tuple[str, ...] = ("曾",) + tuple(s for s, _, _ in _POLY_SURNAMES)
_SURNAME = _Weighted([(s, w) for s, _, w in _COMMON_SURNAMES + _POLY_SURNAMES])
_POLY_SURNAME = _Weighted([(s, w) for s, _, w in _POLY_SURNAMES])

_MALE_FIRST = _pairs(
    "建jian 国guo 志zhi 永yong 海hai 子zi 宇yu 浩hao 俊jun 家jia 明ming 文wen 德de 金jin "
    "振zhen 天tian 立li 晓xiao 嘉jia 春chun 新xin 宏hong 思si 泽ze 一yi 学xue 云yun 小xiao"
)
_MALE_SECOND = _pairs(
    "伟wei 强qiang 磊lei 军jun 勇yong 杰jie 涛tao 明ming 超chao 刚gang 平ping 辉hui 鹏peng 华hua "
    "飞fei 鑫xin 波bo 斌bin 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 帅shuai 旭xu 宁ning 龙long "
    "林lin 阳yang 峰feng 亮liang 成cheng 东dong 海hai 晨chen 博bo 轩xuan 昊hao 毅yi 睿rui 泽ze "
    "然ran 顺shun 庆qing 福fu 生sheng 荣rong 山shan 三san 武wu 忠zhong 彬bin 坤kun 兵bing 江jiang "
    "松song 辰chen 航hang 铭ming"
)
_FEMALE_FIRST = _pairs(
    "晓xiao 小xiao 思si 雨yu 嘉jia 佳jia 欣xin 梦meng 雅ya 静jing 丽li 美mei 婉wan 诗shi 文wen "
    "春chun 秀xiu 玉yu 一yi 子zi 紫zi 梓zi 海hai 慧hui 淑shu 桂gui 彩cai 亚ya 凤feng 金jin"
)
_FEMALE_SECOND = _pairs(
    "芳fang 娜na 敏min 静jing 丽li 艳yan 秀xiu 英ying 娟juan 霞xia 玲ling 婷ting 雪xue 慧hui "
    "燕yan 红hong 梅mei 琳lin 萍ping 颖ying 佳jia 欣xin 悦yue 怡yi 琪qi 倩qian 婧jing 璐lu "
    "雯wen 晶jing 露lu 莉li 兰lan 凤feng 洁jie 蕾lei 瑶yao 丹dan 妍yan 涵han 彤tong 馨xin "
    "菲fei 薇wei 琴qin 云yun 岚lan 蓉rong 娅ya 萱xuan"
)
# Characters of company trade names (字号).
_TRADE_CHARS = _pairs(
    "顺shun 达da 通tong 运yun 捷jie 速su 安an 丰feng 宏hong 远yuan 航hang 联lian 畅chang 迅xun "
    "恒heng 泰tai 鑫xin 盛sheng 华hua 佳jia 德de 嘉jia 中zhong 诚cheng 信xin 力li 邦bang 驰chi "
    "骏jun 途tu 腾teng 凯kai 瑞rui 祥xiang 和he 兴xing 隆long 源yuan 汇hui 富fu 昌chang 万wan "
    "利li 亿yi 美mei 金jin 海hai 天tian 星xing 宇yu 优you 创chuang 新xin 锦jin 荣rong 东dong "
    "亚ya 豪hao 成cheng"
)

#: Hanzi -> pinyin for every character or compound surname used in names.
PINYIN: dict[str, str] = {}
for _han, _py, _w in _COMMON_SURNAMES + _POLY_SURNAMES:
    PINYIN[_han] = _py
for _table in (_MALE_FIRST, _MALE_SECOND, _FEMALE_FIRST, _FEMALE_SECOND, _TRADE_CHARS):
    for _han, _py in _table:
        PINYIN.setdefault(_han, _py)
del _han, _py, _w, _table


class _Name:
    __slots__ = ("surname", "given", "full", "py_surname", "py_given", "gender")

    def __init__(self, surname: str, given: str, gender: Gender) -> None:
        self.surname = surname
        self.given = given
        self.full = surname + given
        self.py_surname = PINYIN[surname]
        self.py_given = "".join(PINYIN[c] for c in given)
        self.gender = gender


def _person_name(rng: Random, gender: Gender, surname: str | None = None) -> _Name:
    if surname is None:
        surname = _SURNAME.pick(rng)
    male = gender is Gender.MALE
    second = _MALE_SECOND if male else _FEMALE_SECOND
    # compound surnames mostly take one given character: 欧阳峰, 诸葛亮
    single = rng.random() < (0.55 if len(surname) > 1 else 0.3)
    if single:
        given = _one(rng, second)[0]
    else:
        first = _MALE_FIRST if male else _FEMALE_FIRST
        a = _one(rng, first)[0]
        b = _one(rng, second)[0]
        given = b if (a == b and male) else a + b  # 婷婷 yes, 伟伟 no
    return _Name(surname, given, gender)


# --------------------------------------------------------------------------
# Geography: province, city (area code, local-number length), districts with
# their real 6-digit codes and the year the code came into use, a few real
# roads per district.
# --------------------------------------------------------------------------


class _District:
    __slots__ = ("name", "code", "since", "roads", "stem")

    def __init__(self, name: str, code: str, since: int, roads: str) -> None:
        self.name = name
        self.code = code
        self.since = since
        self.roads = tuple(roads.split())
        stem = name
        for suffix in ("回族区", "新区", "街道", "区", "市", "镇"):
            if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
                stem = stem[: -len(suffix)]
                break
        self.stem = stem


class _City:
    __slots__ = (
        "province", "name", "stem", "area", "local_len", "region", "districts",
        "id_fallback", "municipality",
    )

    def __init__(self, province, name, area, local_len, region, id_fallback, districts):
        self.province = province
        self.name = name
        self.stem = name[:-1] if name.endswith("市") else name
        self.area = area
        self.local_len = local_len
        self.region = region
        self.id_fallback = id_fallback  # ((code, first year, last year), ...)
        self.districts = tuple(_District(*d) for d in districts)
        self.municipality = province == name


_ALL_YEARS = (0, 9999)
_CITY_TABLE: tuple[tuple[_City, float], ...] = (
    (_City("北京市", "北京市", "010", 8, "华北", (("110100", *_ALL_YEARS),), (
        ("朝阳区", "110105", 0, "建国路 朝阳北路 酒仙桥路 望京街"),
        ("海淀区", "110108", 0, "中关村大街 学院路 知春路"),
        ("西城区", "110102", 0, "金融大街 西直门外大街"),
        ("通州区", "110112", 1997, "新华东街 玉带河东街"),
        ("大兴区", "110115", 2001, "兴华大街 黄村西大街"),
    )), 6),
    (_City("天津市", "天津市", "022", 8, "华北", (("120100", *_ALL_YEARS),), (
        ("和平区", "120101", 0, "南京路 营口道"),
        ("南开区", "120104", 0, "鞍山西道 白堤路"),
        ("东丽区", "120110", 0, "津塘公路 跃进路"),
        ("滨海新区", "120116", 2009, "第二大街 新港二号路"),
    )), 2),
    (_City("河北省", "石家庄市", "0311", 8, "华北", (("130100", *_ALL_YEARS),), (
        ("长安区", "130102", 1983, "中山东路 建设北大街"),
        ("桥西区", "130104", 1983, "中华南大街 新石中路"),
    )), 1),
    (_City("河北省", "廊坊市", "0316", 7, "华北",
           (("131000", 1988, 9999), ("130100", *_ALL_YEARS)), (
        ("广阳区", "131003", 2000, "新华路 和平路"),
        ("安次区", "131002", 1988, "永兴路 光明西道"),
    )), 1),
    (_City("辽宁省", "沈阳市", "024", 8, "东北", (("210100", *_ALL_YEARS),), (
        ("和平区", "210102", 1983, "太原街 南京北街"),
        ("沈河区", "210103", 1983, "青年大街 北站路"),
    )), 1.5),
    (_City("辽宁省", "大连市", "0411", 8, "东北", (("210200", *_ALL_YEARS),), (
        ("沙河口区", "210204", 1983, "西安路 五一路"),
        ("甘井子区", "210211", 1983, "华北路 山东路"),
    )), 1),
    (_City("吉林省", "长春市", "0431", 8, "东北", (("220100", *_ALL_YEARS),), (
        ("朝阳区", "220104", 1983, "人民大街 西安大路"),
        ("南关区", "220102", 1983, "亚泰大街 大经路"),
    )), 1),
    (_City("黑龙江省", "哈尔滨市", "0451", 8, "东北", (("230100", *_ALL_YEARS),), (
        ("南岗区", "230103", 1983, "西大直街 红旗大街"),
        ("道里区", "230102", 1983, "中央大街 友谊路"),
    )), 1),
    (_City("上海市", "上海市", "021", 8, "华东", (("310100", *_ALL_YEARS),), (
        ("浦东新区", "310115", 1992, "世纪大道 张杨路 川沙路"),
        ("徐汇区", "310104", 0, "漕溪北路 虹桥路"),
        ("闵行区", "310112", 1981, "七莘路 申富路"),
        ("嘉定区", "310114", 1992, "曹安公路 博园路"),
        ("青浦区", "310118", 1999, "华徐公路 崧泽大道"),
    )), 8),
    (_City("江苏省", "南京市", "025", 8, "华东", (("320100", *_ALL_YEARS),), (
        ("鼓楼区", "320106", 1983, "中山北路 湖南路"),
        ("秦淮区", "320104", 1983, "中华路 太平南路"),
        ("江宁区", "320115", 2000, "双龙大道 天元中路"),
    )), 3),
    (_City("江苏省", "苏州市", "0512", 8, "华东", (("320500", *_ALL_YEARS),), (
        ("吴中区", "320506", 2000, "东吴北路 宝带西路"),
        ("昆山市", "320583", 1989, "前进中路 黄河中路"),
    )), 3.5),
    (_City("浙江省", "杭州市", "0571", 8, "华东", (("330100", *_ALL_YEARS),), (
        ("西湖区", "330106", 1983, "文三路 天目山路"),
        ("滨江区", "330108", 1996, "江南大道 滨盛路"),
        ("萧山区", "330109", 2001, "市心中路 金城路"),
    )), 5),
    (_City("浙江省", "宁波市", "0574", 8, "华东", (("330200", *_ALL_YEARS),), (
        ("鄞州区", "330212", 2002, "天童南路 四明中路"),
        ("北仑区", "330206", 1985, "明州路 新大路"),
    )), 2),
    (_City("浙江省", "金华市", "0579", 8, "华东",
           (("330700", 1985, 9999), ("330100", *_ALL_YEARS)), (
        ("义乌市", "330782", 1989, "稠州北路 宾王路"),
    )), 2),
    (_City("安徽省", "合肥市", "0551", 8, "华东", (("340100", *_ALL_YEARS),), (
        ("蜀山区", "340104", 1983, "长江西路 黄山路"),
        ("庐阳区", "340103", 1983, "濉溪路 阜阳北路"),
    )), 2),
    (_City("福建省", "福州市", "0591", 8, "华东", (("350100", *_ALL_YEARS),), (
        ("鼓楼区", "350102", 1983, "五四路 杨桥中路"),
        ("仓山区", "350104", 1983, "浦上大道 首山路"),
    )), 1.5),
    (_City("福建省", "厦门市", "0592", 7, "华东", (("350200", *_ALL_YEARS),), (
        ("思明区", "350203", 1983, "湖滨南路 厦禾路"),
        ("湖里区", "350206", 1987, "湖里大道 安岭路"),
    )), 1.5),
    (_City("江西省", "南昌市", "0791", 8, "华东", (("360100", *_ALL_YEARS),), (
        ("东湖区", "360102", 1983, "八一大道 阳明路"),
        ("青山湖区", "360111", 1983, "北京东路 昌东大道"),
    )), 1),
    (_City("山东省", "济南市", "0531", 8, "华东", (("370100", *_ALL_YEARS),), (
        ("历下区", "370102", 1983, "泉城路 经十路"),
        ("市中区", "370103", 1983, "英雄山路 经七路"),
    )), 1.5),
    (_City("山东省", "青岛市", "0532", 8, "华东", (("370200", *_ALL_YEARS),), (
        ("市南区", "370202", 1983, "香港中路 东海西路"),
        ("黄岛区", "370211", 1983, "长江中路 江山中路"),
    )), 2),
    (_City("山东省", "临沂市", "0539", 7, "华东",
           (("371300", 1994, 9999), ("370100", *_ALL_YEARS)), (
        ("兰山区", "371302", 1994, "通达路 沂蒙路"),
        ("罗庄区", "371311", 1994, "罗程路 龙潭路"),
    )), 2),
    (_City("河南省", "郑州市", "0371", 8, "华中", (("410100", *_ALL_YEARS),), (
        ("金水区", "410105", 1983, "花园路 农业路"),
        ("管城回族区", "410104", 1983, "航海东路 紫荆山南路"),
        ("中原区", "410102", 1983, "建设西路 中原中路"),
    )), 2.5),
    (_City("湖北省", "武汉市", "027", 8, "华中", (("420100", *_ALL_YEARS),), (
        ("武昌区", "420106", 1983, "中南路 中北路"),
        ("江岸区", "420102", 1983, "解放大道 沿江大道"),
        ("东西湖区", "420112", 1983, "东吴大道 金山大道"),
    )), 3),
    (_City("湖南省", "长沙市", "0731", 8, "华中", (("430100", *_ALL_YEARS),), (
        ("天心区", "430103", 1983, "芙蓉南路 书院路"),
        ("岳麓区", "430104", 1983, "麓山南路 桐梓坡路"),
        ("雨花区", "430111", 1983, "韶山中路 万家丽中路"),
    )), 2),
    (_City("广东省", "广州市", "020", 8, "华南", (("440100", *_ALL_YEARS),), (
        ("天河区", "440106", 1985, "天河路 体育西路 黄埔大道西"),
        ("白云区", "440111", 1983, "机场路 白云大道北"),
        ("番禺区", "440113", 2000, "迎宾路 清河东路"),
    )), 6),
    (_City("广东省", "深圳市", "0755", 8, "华南", (("440300", *_ALL_YEARS),), (
        ("南山区", "440305", 1983, "深南大道 高新南一道"),
        ("福田区", "440304", 1983, "深南中路 彩田路"),
        ("宝安区", "440306", 1992, "宝安大道 新湖路"),
        ("龙岗区", "440307", 1992, "龙岗大道 布吉路"),
    )), 7),
    (_City("广东省", "东莞市", "0769", 8, "华南",
           (("441900", 1988, 9999), ("440100", *_ALL_YEARS)), (
        ("南城街道", "441900", 1988, "鸿福路 莞太路"),
        ("长安镇", "441900", 1988, "振安中路 东门中路"),
        ("虎门镇", "441900", 1988, "虎门大道 连升路"),
    )), 4),
    (_City("广东省", "佛山市", "0757", 8, "华南", (("440600", *_ALL_YEARS),), (
        ("禅城区", "440604", 2002, "季华路 汾江中路"),
        ("南海区", "440605", 2002, "桂澜北路 南海大道"),
    )), 2),
    (_City("广西壮族自治区", "南宁市", "0771", 7, "华南", (("450100", *_ALL_YEARS),), (
        ("青秀区", "450103", 1983, "民族大道 东葛路"),
        ("西乡塘区", "450107", 2004, "大学东路 秀厢大道"),
    )), 1),
    # Before 1997 Chongqing was a city of Sichuan: its ID numbers began 5102.
    (_City("重庆市", "重庆市", "023", 8, "西南",
           (("500100", 1997, 9999), ("510200", 0, 1997)), (
        ("渝中区", "500103", 1997, "民族路 中山三路"),
        ("沙坪坝区", "500106", 1997, "小龙坎正街 土主中路"),
        ("南岸区", "500108", 1997, "南坪西路 江南大道"),
    )), 3),
    (_City("四川省", "成都市", "028", 8, "西南", (("510100", *_ALL_YEARS),), (
        ("武侯区", "510107", 1990, "人民南路四段 武侯大道"),
        ("锦江区", "510104", 1990, "红星路三段 东大街"),
        ("青白江区", "510113", 1983, "香岛大道 大同路"),
        ("新都区", "510114", 2001, "新都大道 蓉都大道"),
    )), 3.5),
    (_City("云南省", "昆明市", "0871", 8, "西南", (("530100", *_ALL_YEARS),), (
        ("五华区", "530102", 1983, "人民中路 东风西路"),
        ("官渡区", "530111", 1983, "春城路 民航路"),
    )), 1),
    (_City("陕西省", "西安市", "029", 8, "西北", (("610100", *_ALL_YEARS),), (
        ("雁塔区", "610113", 1983, "小寨东路 高新路"),
        ("莲湖区", "610104", 1983, "劳动南路 莲湖路"),
        ("未央区", "610112", 1983, "凤城八路 未央路"),
    )), 2),
)
_CITY = _Weighted(_CITY_TABLE)
CITIES: tuple[str, ...] = tuple(c.name for c, _ in _CITY_TABLE)


def _id_region(city: _City, district: _District, year: int) -> str:
    """A region code of the city that was in use in the birth year."""
    if district.since <= year:
        return district.code
    for code, first, last in city.id_fallback:
        if first <= year <= last:
            return code
    raise AssertionError(f"no region code for {city.name} in {year}")


# --------------------------------------------------------------------------
# Numbers and their check characters
# --------------------------------------------------------------------------

_MOBILE_PREFIX = _Weighted(
    [(str(p), 3.0) for p in range(130, 140)]
    + [(str(p), 3.0) for p in (150, 151, 152, 153, 155, 156, 157, 158, 159)]
    + [("166", 1.0)]
    + [(str(p), 0.6) for p in (172, 173, 175, 176, 177, 178)]
    + [(str(p), 3.0) for p in range(180, 190)]
    + [("198", 1.0), ("199", 1.0)]
)


def _mobile(rng: Random) -> str:
    return _MOBILE_PREFIX.pick(rng) + f"{_below(rng, 100_000_000):08d}"


def _landline(rng: Random, city: _City) -> str:
    """Trunk 0 + area code + a local number starting 2..8 (0/1/9 and 400/800 are
    not ordinary subscriber numbers)."""
    rest = city.local_len - 1
    while True:
        local = f"{_range(rng, 2, 9)}{_below(rng, 10 ** rest):0{rest}d}"
        if not local.startswith(("400", "800")):
            return city.area + local


_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _ric_check(body: str) -> str:
    """ISO 7064 MOD 11-2 check character of a 17-digit 身份证 body."""
    total = sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS))
    return "10X98765432"[total % 11]


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code(rng: Random, founded: date) -> str:
    """GB 11714 organisation code: 8 characters + check character.

    Before 2015 codes were numeric; companies registered since the 2015
    reform get "MA…" codes.
    """
    if founded.year < 2015:
        body = f"{_range(rng, 10_000_000, 100_000_000)}"
    else:
        body = "MA" + str(_below(rng, 10)) + "".join(
            _USCC_ALPHABET[_below(rng, 31)] for _ in range(5)
        )
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def _uscc(rng: Random, region: str, founded: date) -> str:
    """GB 32100: 9 (market regulator) + 1 (enterprise) + region + org code + check."""
    body = "91" + region + _org_code(rng, founded)
    total = sum(_USCC_VALUE[c] * w for c, w in zip(body, _USCC_WEIGHTS))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


# --------------------------------------------------------------------------
# Pools of text
# --------------------------------------------------------------------------

#: Tags a demo customer may carry (0-2 each).
TAGS: tuple[str, ...] = ("VIP候选", "冷链", "月结大客户", "电商", "老客户", "需回访")
#: The sales team that owns the demo customers.
SALES_TEAM: tuple[str, ...] = ("李娜", "王强", "陈静", "刘洋", "赵敏")
# tags drawn without a specific reason ("冷链", "月结大客户" and, for companies,
# "老客户" and "电商" only come from the customer's data)
_PERSON_TAG_POOL = ("VIP候选", "老客户", "需回访", "电商")
_COMPANY_TAG_POOL = ("VIP候选", "需回访")
_OWNER = _Weighted([("李娜", 26), ("王强", 24), ("陈静", 20), ("刘洋", 18), ("赵敏", 12)])

_STATUS = _Weighted([
    (LifecycleStatus.ACTIVE, 70), (LifecycleStatus.PROSPECT, 15),
    (LifecycleStatus.LOST, 8), (LifecycleStatus.WON_BACK, 7),
])
_SOURCE = _Weighted([
    (SourceChannel.REFERRAL, 20), (SourceChannel.WEBSITE, 15), (SourceChannel.CALL_CENTRE, 8),
    (SourceChannel.TRADE_FAIR, 8), (SourceChannel.PARTNER, 7), (SourceChannel.MARKETING_EVENT, 6),
    (SourceChannel.STORE, 6), (SourceChannel.SERVICE, 5), (SourceChannel.MEDIA, 4),
    (SourceChannel.BUSINESS_REGISTRY, 4), (SourceChannel.TRADE_ASSOCIATION, 4),
    (SourceChannel.SURVEY, 3), (SourceChannel.PURCHASED_LIST, 3), (SourceChannel.BANK, 2),
    (SourceChannel.CONSULTANCY, 2), (SourceChannel.OTHER, 2), (SourceChannel.COMPLAINT, 1),
    (None, 4),
])

_ESTATES = (
    "阳光花园", "锦绣家园", "翠苑小区", "幸福里", "金色家园", "香樟苑", "滨江花园", "碧水湾",
    "紫荆公寓", "和平小区", "东方名苑", "世纪新城", "绿地新都会", "万科城", "保利花园", "华润城",
)
_BUILDINGS = (
    "国际商务中心", "科技大厦", "商务大厦", "金融中心", "创业大厦", "国贸中心", "时代广场",
    "财富中心", "商务广场", "创意园",
)
_PARKS = ("物流园", "国际物流园", "工业园", "产业园", "仓储中心", "电商产业园", "工业区")
_CN_NUM = "一二三四五六七八九十"
_FOUNDED_FROM = date(1995, 1, 1).toordinal()

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
_COMPANY_NOTES = (
    "每周二、五固定发货", "春节前后货量大，提前备车", "需开增值税专用发票", "对时效要求高，常走加急",
    "仓库周日不收货", "对账单每月3日前发送财务", "货物易碎，需木架包装", "旺季（双十一）需加派车辆",
)
_EMAIL_DOMAINS = _Weighted([
    ("qq.com", 35), ("163.com", 30), ("126.com", 12), ("foxmail.com", 8), ("sina.com", 5),
    ("139.com", 5), ("outlook.com", 5),
])
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


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------


def _email_local(rng: Random, name: _Name, birthday: date | None) -> str:
    r = rng.random()
    if r < 0.35:
        return name.py_surname + name.py_given
    if r < 0.6:
        if birthday is not None and rng.random() < 0.6:
            suffix = birthday.year
        else:
            suffix = _range(rng, 1, 100)
        return f"{name.py_surname}{name.py_given}{suffix}"
    if r < 0.8:
        return f"{name.py_given}.{name.py_surname}"
    return f"{name.py_surname}_{name.py_given[:1]}{_range(rng, 100, 1000)}"


def _wechat(rng: Random, name: _Name, mobile: str | None) -> str:
    if mobile is not None and rng.random() < 0.5:
        return mobile
    base = (name.py_surname + name.py_given)[:14]
    sep = "_" if rng.random() < 0.4 else ""
    return f"{base}{sep}{_range(rng, 1, 10000)}".ljust(6, "0")


def _address_home(rng: Random, d: _District) -> str:
    road = _one(rng, d.roads)
    num = int(rng.triangular(1, 800, 30))
    estate = _one(rng, _ESTATES)
    floor = _range(rng, 1, 33)
    if rng.random() < 0.6:
        return (f"{road}{num}号{estate}{_range(rng, 1, 20)}栋{_range(rng, 1, 5)}单元"
                f"{floor}{_range(rng, 1, 7):02d}室")
    return f"{road}{num}号{estate}{_range(rng, 1, 30)}号楼{floor}{_range(rng, 1, 9):02d}室"


def _address_company(rng: Random, d: _District, industrial: bool) -> str:
    road = _one(rng, d.roads)
    num = int(rng.triangular(1, 999, 60))
    if industrial:
        park = _one(rng, _PARKS)
        unit = _range(rng, 1, 20)
        return f"{road}{num}号{d.stem}{park}{unit}{'号仓库' if rng.random() < 0.4 else '栋'}"
    building = _one(rng, _BUILDINGS)
    wing = ("", "A座", "B座", "2号楼")[_below(rng, 4)]
    return f"{road}{num}号{building}{wing}{_range(rng, 2, 33)}{_range(rng, 1, 21):02d}室"


def _join(rng: Random, pool: Sequence[str], lo: int, hi: int, sep: str = "、") -> str:
    return sep.join(_some(rng, pool, _range(rng, lo, hi + 1)))


def _tags(rng: Random, hints: list[str], pool: Sequence[str]) -> tuple[str, ...]:
    """0-2 tags: the customer's fitting ones (hints) first, then from the kind's pool."""
    r = rng.random()
    count = 0 if r < 0.45 else 1 if r < 0.85 else 2
    if not count:
        return ()
    chosen: list[str] = []
    for tag in hints:
        if len(chosen) < count and tag not in chosen and rng.random() < 0.7:
            chosen.append(tag)
    while len(chosen) < count:
        tag = _one(rng, pool)
        if tag not in chosen:
            chosen.append(tag)
    return tuple(t for t in TAGS if t in chosen)  # canonical order


def _common(rng: Random, today_ord: int) -> dict:
    status = _STATUS.pick(rng)
    # last checked within two years; about a third over a year ago (stale)
    age_days = _range(rng, 0, 365) if rng.random() < 0.65 else _range(rng, 365, 731)
    return {
        "status": status,
        "source": _SOURCE.pick(rng),
        "owner": _OWNER.pick(rng) if rng.random() < 0.97 else None,
        "last_verified": date.fromordinal(today_ord - age_days),
    }


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


def generate_customers(n: int, seed: int, *, today: date) -> Iterator[Customer]:
    """Yield ``n`` valid demo customers, the same ones for the same arguments.

    ``today`` anchors ages, founding dates and ``last_verified`` (within two
    years before it).  Customers come with ``id=None`` and ``code=None``.
    Within the first 20 customers at least one person has a polyphonic or
    compound surname (单, 曾, 欧阳…), so a pinyin search demo finds one.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    rng = Random(seed)
    showcase_done = False
    for i in range(n):
        if rng.random() < 0.6:
            surname = None
            if not showcase_done and 10 <= i < 20:
                surname = _POLY_SURNAME.pick(rng)  # nothing polyphonic yet: show one
            customer = _person(rng, today, surname)
            if customer.name.startswith(POLYPHONIC_SURNAMES):
                showcase_done = True
        else:
            customer = _company(rng, today)
        yield customer
