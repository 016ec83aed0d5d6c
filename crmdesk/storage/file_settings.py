"""Per-file business rules, each declared once with its default; they travel with the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crmdesk.domain.orders import DEFAULT_HORIZON_DAYS, LedgerRules
from crmdesk.storage.customer_file import CustomerFile


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any


CUSTOMER_CODE_PREFIX = Setting("customer_code_prefix", "KH")
BLOCK_OVER_LIMIT = Setting("ledger.block_over_limit", False)  # False: warn, True: refuse the order
DATE_HORIZON_DAYS = Setting("ledger.date_horizon_days", DEFAULT_HORIZON_DAYS)


def get(cf: CustomerFile, setting: Setting) -> Any:
    return cf.setting(setting.key, setting.default)


def put(cf: CustomerFile, setting: Setting, value: Any) -> None:
    cf.set_setting(setting.key, value)


def ledger_rules(cf: CustomerFile) -> LedgerRules:
    return LedgerRules(
        block_over_limit=bool(get(cf, BLOCK_OVER_LIMIT)),
        horizon_days=int(get(cf, DATE_HORIZON_DAYS)),
    )
