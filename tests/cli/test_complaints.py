"""`crmdesk complaints FILE --today D [--json]`: the open complaints, VIP first, with their deadlines."""

from __future__ import annotations

import json
from datetime import date

import pytest

from crmdesk.cli import main
from crmdesk.domain.complaints import Complaint, ComplaintCategory, ComplaintChannel, ComplaintNature
from crmdesk.domain.tiers import Tier, TierResult
from crmdesk.services import complaints as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.tiers import save_tiers
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        vip = customer_store.insert_customer(cf, make_company(owner="王强"))
        person = customer_store.insert_customer(cf, make_person(name="张三"))
        save_tiers(cf, {vip.id: TierResult(Tier.A, 500_000, 1, 10, 1)}, TODAY)
        old = Complaint(person.id, date(2026, 11, 1), ComplaintChannel.ONLINE, ComplaintCategory.PRICE,
                        "月结账单运费与报价不符", nature=ComplaintNature.MALICIOUS, nature_reason="敲诈")
        service.record_complaint(cf, old, first_response="已致歉")
        service.record_complaint(cf, Complaint(vip.id, date(2026, 11, 22), ComplaintChannel.PHONE,
                                               ComplaintCategory.DELIVERY, "货物错送", owner="王强"))
        closed = service.record_complaint(cf, Complaint(person.id, date(2026, 11, 20), ComplaintChannel.PHONE,
                                                        ComplaintCategory.SERVICE, "态度差")).complaint
        service.resolve(cf, closed, on=TODAY, outcome="已致歉", satisfaction=4)
    return path


def test_json_lists_open_complaints_vip_first_with_the_issues_keys(path, capsys):
    assert main(["complaints", str(path), "--today", "2026-11-23", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["category"], r["nature"], r["priority"], r["deadline"], r["escalated"]) for r in rows] == [
        ("KH000001", "delivery", "good_faith", "A", "2026-11-23", False),  # VIP first, due today
        ("KH000002", "price", "malicious", "D", "2026-11-11", True),
    ]
    assert {"id", "name", "received", "state", "owner", "stage", "days_overdue"} <= set(rows[0])
    assert rows[1]["days_overdue"] == 12 and rows[1]["stage"] == "resolution"
    assert rows[0]["owner"] == "王强" and rows[0]["state"] == "open" and rows[0]["received"] == "2026-11-22"


def test_plain_text_marks_the_escalated_ones(path, capsys, english):
    assert main(["complaints", str(path), "--today", "2026-11-24"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:4] for line in lines] == [
        ["A", "2026-11-23", "!", "KH000001"], ["D", "2026-11-11", "!", "KH000002"]]


def test_no_open_complaints(tmp_path, capsys, english):
    empty = tmp_path / "empty.crmdesk"
    CustomerFile.create(empty).close()
    assert main(["complaints", str(empty), "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out.strip() == "no open complaints"


def test_escalations_show_in_crmdesk_alerts_with_their_stage(path, capsys):
    assert main(["alerts", str(path), "--today", "2026-11-24", "--json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "complaint_overdue"]
    assert [(r["code"], r["deadline"], r["stage"], r["priority"]) for r in rows] == [
        ("KH000001", "2026-11-23", "response", "A"), ("KH000002", "2026-11-11", "resolution", "D")]
