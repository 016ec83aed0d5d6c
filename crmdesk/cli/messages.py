"""The command line's words, in English and Simplified Chinese (no Qt here).

The window's texts live in the Qt Linguist files; the CLI only needs these few.
"""

from __future__ import annotations

import os

_TEXTS: dict[str, tuple[str, str]] = {
    "missing": ("{path}: no such file", "{path}：文件不存在"),
    "not_a_file": ("{path}: not a file", "{path}：不是文件"),
    "unreadable": ("{path}: cannot be read ({detail})", "{path}：无法读取（{detail}）"),
    "empty": (
        "{path}: the file is empty (0 bytes): it is damaged or not a crmdesk file",
        "{path}：文件为空（0 字节），数据文件已损坏或不是 crmdesk 文件",
    ),
    "not_sqlite": (
        "{path}: not a crmdesk file (it may be a spreadsheet or another program's file)",
        "{path}：不是 crmdesk 文件（可能是表格或其他程序的文件）",
    ),
    "corrupt": (
        "{path}: the file is damaged ({detail})",
        "{path}：数据文件已损坏（{detail}）",
    ),
    "not_crmdesk": (
        "{path}: a database of another program, not a crmdesk file",
        "{path}：这是其他程序的数据库，不是 crmdesk 文件",
    ),
    "too_new": (
        "{path}: written by a newer crmdesk ({version}); please upgrade crmdesk",
        "{path}：由更新版本的 crmdesk（{version}）写入，请升级 crmdesk",
    ),
    "exists": (
        "{path}: already exists; crmdesk will not overwrite it",
        "{path}：文件已存在，crmdesk 不会覆盖它",
    ),
    "disk_full": ("the disk is full; nothing was changed", "磁盘已满，未做任何更改"),
    "busy": ("the file is busy in another program; nothing was changed", "文件正被其他程序使用，未做任何更改"),
    "read_only": ("the file is open read-only; nothing was changed", "文件以只读方式打开，未做任何更改"),
    "failed": ("the write failed; nothing was changed ({detail})", "写入失败，未做任何更改（{detail}）"),
    "conflict": ("someone else changed this record; nothing was changed", "该记录已被他人修改，未做任何更改"),
    "ok": ("ok", "ok"),
    "created": ("created {path}", "已创建 {path}"),
    "demo_written": (
        "wrote {count} customers and about {orders} orders to {path}",
        "已写入 {count} 位客户和约 {orders} 笔订单到 {path}",
    ),
    "no_match": ("no customers match", "没有匹配的客户"),
    "no_ledger": ("no orders or payments yet", "还没有订单或回款"),
    "churn_too_few_customers": (
        "too few customers with orders to fit a churn model (at least 20 are needed)",
        "有订单的客户太少，无法拟合流失模型（至少需要 20 位）",
    ),
    "churn_no_repeat_buyers": (
        "too few repeat buyers to fit a churn model (at least 5 are needed)",
        "回头客太少，无法拟合流失模型（至少需要 5 位）",
    ),
    "churn_did_not_converge": (
        "the churn model did not converge on this file's data; its numbers would be meaningless",
        "流失模型在本文件的数据上未能收敛，结果没有意义",
    ),
    "no_alerts": ("no alerts", "没有预警"),
    "no_follow_ups": ("no follow-ups due", "没有到期的跟进"),
    "no_complaints": ("no open complaints", "没有未处理的投诉"),
    "follow_ups_generated": ("{count} follow-ups planned by the cadences", "按回访节奏新安排了 {count} 条跟进"),
    "ics_written": ("{count} follow-ups written to {path}", "已将 {count} 条跟进写入 {path}"),
    "alerts_without_churn": ("(churn-score alerts left out)", "（未列出流失评分预警）"),
    "personal": ("personal", "个人"),
    "company": ("company", "企业"),
}


def chinese() -> bool:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return value.lower().startswith("zh")
    return False


def text(key: str, **params: object) -> str:
    english, zh = _TEXTS[key]
    params = {k: v for k, v in params.items()}
    params.setdefault("detail", "")
    params.setdefault("version", "?")
    return (zh if chinese() else english).format(**params)
