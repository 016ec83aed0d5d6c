"""Every code the domain can show the user has a text (architecture.md §3)."""

from __future__ import annotations

import pytest

from crmdesk.domain import customer as customer_module
from crmdesk.domain.campaigns import CampaignChannel
from crmdesk.domain.cross_sell import ReasonKind
from crmdesk.domain.customer import CONTACT_FIELD_TYPES, FIELDS, AccountType, ContactRole, SourceChannel
from crmdesk.domain.complaints import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintNature,
    ComplaintState,
    DeadlineStage,
    StepKind,
)
from crmdesk.domain.duplicates import MatchReason
from crmdesk.domain.followups import ContactMethod, FollowUpState
from crmdesk.domain.orders import PaymentMethod
from crmdesk.domain.referrals import ReferralProblem
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.domain.validation import ErrorCode
from crmdesk.domain.win_back import WinBackReason
from crmdesk.storage.customer_file import FileProblem, WriteProblem
from crmdesk.ui import texts

ENUMS = [
    customer_module.CustomerKind, customer_module.LifecycleStatus, customer_module.SourceChannel,
    customer_module.Gender, customer_module.MaritalStatus, customer_module.AccountType,
    customer_module.ContactRole, customer_module.Group, ErrorCode, FileProblem, WriteProblem, Tier, Segment,
    PaymentMethod, ContactMethod, FollowUpState, ComplaintChannel, ComplaintCategory, ComplaintNature,
    ComplaintState, StepKind, DeadlineStage, MatchReason, CampaignChannel, WinBackReason, ReferralProblem,
    ReasonKind,
]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_enum_member_has_a_text(enum):
    missing = [m for m in enum if not texts.ENUM_TEXTS.get(m)]
    assert missing == []


@pytest.mark.parametrize("a, b", [
    (SourceChannel.OTHER, ContactRole.OTHER),
    (AccountType.CASH, PaymentMethod.CASH),
], ids=str)
def test_equal_members_of_different_enums_keep_their_own_texts(a, b):
    """StrEnum members with the same name and value are equal; their texts must not be."""
    assert a == b
    assert texts.ENUM_TEXTS[a] != texts.ENUM_TEXTS[b]
    assert texts.enum_text(a) != texts.enum_text(b)


def test_enum_texts_holds_every_member_once():
    assert len(texts.ENUM_TEXTS) == sum(len(e) for e in ENUMS)
    assert len(list(texts.ENUM_TEXTS)) == len(texts.ENUM_TEXTS)


def test_every_field_and_contact_field_has_a_label():
    names = {f.name for f in FIELDS} | set(CONTACT_FIELD_TYPES) | {"tags", "is_primary"}
    assert sorted(names - set(texts.FIELD_LABELS)) == []


def test_error_text_fills_in_parameters():
    assert texts.error_text(ErrorCode.DUPLICATE_CODE, {"code": "KH000007"}) == (
        "Customer code KH000007 is already in use."
    )
    assert "9.1.0" in texts.error_text(FileProblem.TOO_NEW, {"version": "9.1.0"})


def test_every_tier_has_a_management_method():
    assert all(texts.tier_method(t) for t in Tier)
    assert len({texts.tier_method(t) for t in Tier}) == len(Tier)


def test_range_errors_name_the_range():
    assert texts.error_text(ErrorCode.OUT_OF_RANGE, {"min": 1, "max": 120}) == "Must be from 1 to 120."
