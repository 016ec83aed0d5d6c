"""`crmdesk pipeline`: the stages' figures as a table and as JSON."""

from __future__ import annotations

import json
from datetime import date

from crmdesk.cli import main
from crmdesk.domain.pipeline import Opportunity
from crmdesk.services import pipeline
from crmdesk.storage import customers as customer_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company

D = date.fromisoformat


def _file(tmp_path):
    path = tmp_path / "sales.crmdesk"
    with CustomerFile.create(path) as cf:
        customer = customer_store.insert_customer(cf, make_company(owner="李娜"))
        for title, amount, stage, owner in (("A", 1_000_000, "initial", "李娜"), ("B", 33_333, "initial", "王强"),
                                            ("C", 500_001, "proposal", "李娜")):
            opp = pipeline.save_opportunity(cf, Opportunity(customer_id=customer.id, title=title, amount=amount,
                                                            stage="initial", opened_on=D("2026-10-01"),
                                                            owner=owner)).opportunity
            pipeline.move(cf, opp, stage, D("2026-10-02"))
    return path


def test_pipeline_json_per_stage(tmp_path, capsys):
    path = _file(tmp_path)
    assert main(["pipeline", str(path), "--today", "2026-11-23", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    stages = {s["stage"]: s for s in got["stages"]}
    assert [s["stage"] for s in got["stages"]] == ["initial", "needs", "proposal", "negotiation", "won", "lost"]
    assert (stages["initial"]["count"], stages["initial"]["amount"], stages["initial"]["weighted_amount"]) == (
        2, "10333.33", "1033.33")
    assert (stages["proposal"]["count"], stages["proposal"]["weighted_amount"], stages["proposal"]["probability"]) \
        == (1, "2500.01", 50)
    assert stages["initial"]["stuck"] == 2 and stages["proposal"]["stuck"] == 1  # since 10-01 or 10-02: > 30 days
    assert (got["open_count"], got["open_amount"], got["weighted_pipeline"]) == (3, "15333.34", "3533.34")


def test_pipeline_for_one_owner(tmp_path, capsys):
    path = _file(tmp_path)
    main(["pipeline", str(path), "--today", "2026-11-23", "--json", "--owner", "王强"])
    got = json.loads(capsys.readouterr().out)
    assert (got["open_count"], got["weighted_pipeline"]) == (1, "33.33")


def test_pipeline_table_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    path = _file(tmp_path)
    assert main(["pipeline", str(path), "--today", "2026-11-23"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[0] == "阶段"
    assert lines[1].split("\t") == ["初步接洽", "10%", "2", "10,333.33", "1,033.33", "2"]
    assert lines[-1].split("\t") == ["在谈合计", "", "3", "15,333.34", "3,533.34", "3"]
