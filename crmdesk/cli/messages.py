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
    "encrypted": (
        "{path}: the file is encrypted; give its password or recovery key in CRMDESK_PASSWORD "
        "or run the command in a terminal",
        "{path}：文件已加密，请在 CRMDESK_PASSWORD 中提供密码或恢复密钥，或在终端中运行此命令",
    ),
    "wrong_password": ("{path}: wrong password; the file was not touched", "{path}：密码错误，文件未被改动"),
    "wrong_key": (
        "{path}: wrong password or damaged file (no key file beside it to tell which); "
        "try the recovery key, or a backup",
        "{path}：密码错误或文件损坏（旁边没有密钥文件，无法区分）；请尝试恢复密钥或备份",
    ),
    "password_prompt": ("Password or recovery key: ", "密码或恢复密钥："),
    "new_password_prompt": ("New password: ", "新密码："),
    "password_again": ("The new password again: ", "再次输入新密码："),
    "passwords_differ": ("the two passwords differ; nothing was changed", "两次输入的密码不一致，未做任何更改"),
    "new_password_needed": (
        "give the new password in CRMDESK_NEW_PASSWORD or run the command in a terminal; nothing was changed",
        "请在 CRMDESK_NEW_PASSWORD 中提供新密码，或在终端中运行此命令；未做任何更改",
    ),
    "password_too_short": ("a password needs at least 6 characters; nothing was changed",
                           "密码至少需要 6 个字符，未做任何更改"),
    "already_encrypted": ("{path} is already encrypted", "{path} 已经加密"),
    "not_encrypted": ("{path} is not encrypted", "{path} 未加密"),
    "encrypted_done": (
        "encrypted {path}.\nRecovery key (print it or write it down and keep it apart from the PC; "
        "it opens the file if the password is lost — nobody can recover the data without it):\n\n"
        "    {recovery_key}\n\n{removed} plain automatic backups were deleted; copies you made elsewhere "
        "are still readable",
        "已加密 {path}。\n恢复密钥（请打印或抄写下来，与电脑分开保管；忘记密码时用它打开文件，"
        "没有它任何人都无法恢复数据）：\n\n    {recovery_key}\n\n已删除 {removed} 个未加密的自动备份；"
        "您在其他位置自行保存的副本仍可读取",
    ),
    "decrypted": ("{path} is stored in plain again; its earlier backups stay encrypted",
                  "{path} 已恢复为不加密存储；之前的备份仍保持加密"),
    "password_changed": ("changed the password of {path} and of its backups",
                         "已更改 {path} 及其备份的密码"),
    "app_password_set": (
        "{path} now asks for a password in crmdesk. The file itself is not encrypted: "
        "any SQLite tool can still read it (crmdesk encrypt protects it)",
        "{path} 在 crmdesk 中打开时将要求输入密码。文件本身并未加密，任何 SQLite 工具仍可读取"
        "（使用 crmdesk encrypt 可加密保护）",
    ),
    "password_removed": ("{path} no longer asks for a password", "{path} 不再要求输入密码"),
    "password_of_encrypted": (
        "an encrypted file always has a password; crmdesk decrypt stores it in plain",
        "加密文件必须有密码；使用 crmdesk decrypt 可恢复为不加密存储",
    ),
    "disk_full": ("the disk is full; nothing was changed", "磁盘已满，未做任何更改"),
    "busy": ("the file is busy in another program; nothing was changed", "文件正被其他程序使用，未做任何更改"),
    "read_only": ("the file is open read-only; nothing was changed", "文件以只读方式打开，未做任何更改"),
    "failed": ("the write failed; nothing was changed ({detail})", "写入失败，未做任何更改（{detail}）"),
    "conflict": ("someone else changed this record; nothing was changed", "该记录已被他人修改，未做任何更改"),
    "ok": ("ok", "ok"),
    "check_details": ("{customers} customers; last change {last_change}", "{customers} 位客户；最后修改于 {last_change}"),
    "backed_up": ("backed up to {path} ({size})", "已备份到 {path}（{size}）"),
    "backup_disk_full": ("{path}: the disk is full; no backup was made", "{path}：磁盘已满，未生成备份"),
    "backup_failed": (
        "{path}: the backup cannot be written ({detail}); no backup was made",
        "{path}：无法写入备份（{detail}），未生成备份",
    ),
    "no_backups": ("no backups yet", "还没有备份"),
    "damaged": ("damaged", "已损坏"),
    "restored": (
        "restored {path} from {backup}; the file it replaced was kept as {aside}",
        "已用 {backup} 恢复 {path}；被替换的文件保留为 {aside}",
    ),
    "in_use": (
        "{path} is open in crmdesk (process {pid} on {host}); close it there first. Nothing was changed",
        "{path} 正在 crmdesk 中打开（{host} 上的进程 {pid}），请先在那里关闭。未做任何更改",
    ),
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
    "no_campaigns": ("no campaigns yet", "还没有市场活动"),
    "campaign_orders_without_cost": ("(orders without a cost: {count}; in revenue, not in margin)",
                                     "（无成本的订单：{count} 笔；计入收入，未计入毛利）"),
    "follow_ups_generated": ("{count} follow-ups planned by the cadences", "按回访节奏新安排了 {count} 条跟进"),
    "ics_written": ("{count} follow-ups written to {path}", "已将 {count} 条跟进写入 {path}"),
    "alerts_without_churn": ("(churn-score alerts left out)", "（未列出流失评分预警）"),
    "import_done": (
        "{rows} rows: {created} created, {updated} updated, {skipped} skipped, {errors} with errors",
        "共 {rows} 行：新建 {created}，更新 {updated}，跳过 {skipped}，有错误 {errors}",
    ),
    "import_dry": ("(dry run: nothing was written)", "（试运行：未写入任何内容）"),
    "import_missing_columns": (
        "{path}: no column for {columns}; is this the right sheet and kind (--kind)?",
        "{path}：缺少列 {columns}，请检查工作表和导入类型（--kind）",
    ),
    "import_reverted": (
        "reverted: {customers} customers to the recycle bin, {restored} given their earlier values, "
        "{orders} orders and {payments} payments removed; {kept} edited since were left as they are",
        "已撤销：{customers} 位客户移入回收站，{restored} 位恢复原值，删除订单 {orders} 笔、回款 {payments} 笔；"
        "{kept} 位在导入后被修改过，保持现状",
    ),
    "no_imports": ("no imports yet", "还没有导入记录"),
    "exported": ("{count} rows written to {path}", "已将 {count} 行写入 {path}"),
    "vcards_written": ("{count} vCards written to {path}", "已将 {count} 张名片（vCard）写入 {path}"),
    "template_written": ("import template written to {path}", "已将导入模板写入 {path}"),
    "export_unsupported_format": (
        "{path}: cannot write {suffix} files here; use {formats}",
        "{path}：无法写入 {suffix} 文件，请使用 {formats}",
    ),
    "export_one_table_per_csv": (
        "{path}: a CSV file holds one table; use --kind orders, payments or receivables, or write .xlsx",
        "{path}：一个 CSV 文件只能放一张表；请用 --kind orders、payments 或 receivables，或导出为 .xlsx",
    ),
    "export_too_many_rows": (
        "{path}: more rows than an .xlsx sheet holds ({limit}); write .csv or fewer customers (--search); "
        "nothing was written",
        "{path}：行数超过 .xlsx 工作表的上限（{limit}）；请导出为 .csv 或用 --search 减少客户；未写入任何内容",
    ),
    "export_failed": (
        "{path}: cannot be written ({detail}); nothing was written",
        "{path}：无法写入（{detail}），未写入任何内容",
    ),
    "export_disk_full": ("{path}: the disk is full; nothing was written", "{path}：磁盘已满，未写入任何内容"),
    "read_unsupported_format": (
        "{path}: cannot read {suffix} files; save it as .xlsx or .csv",
        "{path}：无法读取 {suffix} 文件，请另存为 .xlsx 或 .csv",
    ),
    "read_not_readable": (
        "{path}: not a readable spreadsheet (damaged, password-protected or another format)",
        "{path}：无法读取该表格（已损坏、有密码保护或格式不符）",
    ),
    "read_no_sheets": ("{path}: the workbook has no sheets", "{path}：工作簿中没有工作表"),
    "read_undecodable": (
        "{path}: the text is neither UTF-8 nor GBK/GB18030",
        "{path}：文本编码既不是 UTF-8 也不是 GBK/GB18030",
    ),
    "read_no_sheet": ("{path}: no sheet named {sheet}", "{path}：没有名为 {sheet} 的工作表"),
    # import errors (validation.ErrorCode), as the import report words them
    "error_required": ("required", "必填"),
    "error_too_long": ("too long (at most {max} characters)", "太长（最多 {max} 个字符）"),
    "error_invalid_mobile": ("not a valid Chinese mobile number", "不是有效的手机号码"),
    "error_invalid_phone": ("not a valid Chinese phone number", "不是有效的电话号码"),
    "error_invalid_email": ("not a valid e-mail address", "不是有效的电子邮箱"),
    "error_invalid_id_number": ("not a valid 18-digit resident ID number", "不是有效的 18 位身份证号（校验位或日期有误）"),
    "error_invalid_credit_code": ("not a valid unified social credit code", "不是有效的统一社会信用代码"),
    "error_invalid_date": ("not a valid date (for example 2024-01-05)", "不是有效的日期（例如 2024-01-05）"),
    "error_invalid_amount": ("not a valid amount (for example 1,234.50)", "不是有效的金额（例如 1,234.50）"),
    "error_amount_out_of_range": ("the amount is too large", "金额太大"),
    "error_negative_amount": ("the amount cannot be negative", "金额不能为负数"),
    "error_invalid_integer": ("not a valid whole number", "不是有效的整数"),
    "error_invalid_choice": ("not one of the choices", "不是可选值之一"),
    "error_not_applicable": ("does not apply to this kind of customer", "不适用于此类客户"),
    "error_invalid_type": ("not a valid value", "不是有效的值"),
    "error_duplicate_code": ("customer code {code} is already in use", "客户编号 {code} 已被使用"),
    "error_not_positive": ("must be greater than zero", "必须大于零"),
    "error_too_far_ahead": ("more than {days} days in the future", "超过未来 {days} 天"),
    "error_invalid_lunar_date": ("not a lunar month and day (for example 八月十五)", "不是有效的农历月日（例如 八月十五）"),
    "error_more_than_owed": ("more than the customer owes ({owed})", "超过客户的欠款（{owed}）"),
    "error_out_of_range": ("must be from {min} to {max}", "必须在 {min} 到 {max} 之间"),
    "error_invalid_time": ("not a valid time (for example 09:30)", "不是有效的时间（例如 09:30）"),
    "error_tier_order": ("the percentages must not fall from A to B to C", "百分比必须满足 A ≤ B ≤ C"),
    "error_number_lost_digits": (
        "the spreadsheet stored this as a number and lost digits; format the column as text and type it again",
        "表格把它存成了数字，位数已丢失；请把该列设为文本格式后重新输入",
    ),
    "error_formula_without_value": (
        "a formula that was never calculated; open the file in Excel or WPS and save it again",
        "公式没有计算结果；请在 Excel 或 WPS 中打开并重新保存",
    ),
    "error_invalid_weight": ("not a valid weight in kilograms (for example 12.5)", "不是有效的重量（公斤，例如 12.5）"),
    "error_customer_not_found": ("no customer with this code or name", "找不到该编号或名称的客户"),
    "error_ambiguous_match": (
        "matches several customers ({codes}); add a customer code column",
        "与多位客户匹配（{codes}），请加上客户编号列",
    ),
    "error_duplicate_in_file": (
        "the same customer as row {row}, with a different value",
        "与第 {row} 行是同一客户，但值不同",
    ),
    "personal": ("personal", "个人"),
    "company": ("company", "企业"),
}


def words(pair: tuple[str, str]) -> str:
    """The (English, Chinese) pair in the user's language, for a verb's own few words."""
    return pair[1] if chinese() else pair[0]


def chinese() -> bool:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return value.lower().startswith("zh")
    return False


class _Params(dict):
    """Format parameters; a missing one reads as "?" rather than failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def text(key: str, **params: object) -> str:
    english, zh = _TEXTS[key]
    params.setdefault("detail", "")
    return (zh if chinese() else english).format_map(_Params(params))


def error_text(code: str, params: dict[str, object]) -> str:
    """A validation error code in words (import reports); unknown codes as they are."""
    key = f"error_{code}"
    return text(key, **params) if key in _TEXTS else code
