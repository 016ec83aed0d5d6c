"""Chinese names: surnames, given-name and trade-name characters, their pinyin, person names."""

from __future__ import annotations

from random import Random

from crmdesk.demo_data.draws import _one, _Weighted
from crmdesk.domain.customer import Gender


def _pairs(spec: str) -> list[tuple[str, str]]:
    """'伟wei 强qiang' -> [('伟', 'wei'), ('强', 'qiang')]; CJK prefix, ascii rest."""
    out = []
    for token in spec.split():
        i = 0
        while i < len(token) and not token[i].isascii():
            i += 1
        out.append((token[:i], token[i:]))
    return out


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
