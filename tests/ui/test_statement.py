"""The statement of account: its HTML and document, the PDF, and the dialog."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter

from crmdesk.domain.orders import Order, Payment, PaymentMethod
from crmdesk.domain.statements import PeriodPreset, build_statement
from crmdesk.services import statements as statement_service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.ui import printing
from crmdesk.ui.statement import statement_document as sd
from crmdesk.ui.statement.statement_dialog import StatementDialog
from tests.factories import make_company


@pytest.fixture
def company(customer_file):
    """A company owing 12,345.67 at the end of October 2026."""
    stored = customer_store.insert_customer(customer_file, make_company())
    cid = stored.id
    for o in (
        Order(cid, date(2026, 9, 20), "钢材", 5, 1_000_000),
        Order(cid, date(2026, 10, 8), "冷链运输", 2, 300_000, waybill="SF1234567890", origin="上海",
              destination="北京"),
        Order(cid, date(2026, 11, 3), "后来的货", 1, 777_700),
    ):
        order_store.insert_order(customer_file, o)
    order_store.insert_payment(customer_file, Payment(cid, date(2026, 10, 20), 65_433, PaymentMethod.WECHAT,
                                                      note="十月回款"))
    return stored


def october(customer_file, company):
    return statement_service.statement(customer_file, company.id, date(2026, 10, 1), date(2026, 10, 31))


def test_service_reads_the_period(customer_file, company):
    s = october(customer_file, company)
    assert (s.customer_id, s.opening, s.billed, s.paid, s.closing) == (
        company.id, 1_000_000, 300_000, 65_433, 1_234_567)
    assert [line.day for line in s.lines] == [date(2026, 10, 8), date(2026, 10, 20)]


def test_html_and_document_show_the_customer_and_the_closing_balance(qapp, customer_file, company, today):
    s = october(customer_file, company)
    html = sd.statement_html(s, company, company_name="顺丰速运有限公司", today=today)
    document = sd.statement_document(s, company, company_name="顺丰速运有限公司", today=today)
    for text in (html, document.toPlainText()):
        assert company.name in text and company.code in text
        assert "Statement of account" in text or "对账单" in text
        assert "顺丰速运有限公司" in text
        assert "12,345.67" in text and "壹万贰仟叁佰肆拾伍元陆角柒分" in text
        assert "10,000.00" in text  # opening
        assert "冷链运输 · SF1234567890 · 上海→北京 · ×2" in text
        assert "WeChat · 十月回款" in text
        assert "2026-10-01" in text and "2026-10-31" in text and "2026-11-23" in text
        assert "后来的货" not in text
    assert "Noto Sans CJK SC" in document.defaultFont().families()
    assert document.pageCount() == 1


def test_user_text_is_escaped(qapp, customer_file, company, today):
    s = build_statement([Order(company.id, date(2026, 10, 2), "<b>A&B</b>", 1, 100)], [],
                        date(2026, 10, 1), date(2026, 10, 31))
    html = sd.statement_html(s, company, company_name=None, today=today)
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in html
    assert "<b>A&B</b>" in sd.statement_document(s, company, company_name=None, today=today).toPlainText()


def test_negative_closing_is_written_with_fu(qapp, customer_file, company, today):
    s = build_statement([], [Payment(company.id, date(2026, 10, 2), 5_00)], date(2026, 10, 1), date(2026, 10, 31))
    assert "负伍元整" in sd.statement_html(s, company, company_name=None, today=today)


def test_save_pdf_writes_a_pdf(qapp, customer_file, company, today, tmp_path):
    document = sd.statement_document(october(customer_file, company), company, company_name=None, today=today)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "对账单_KH000001_2026-10.pdf"
    sd.save_pdf(document, target, footer_left="北京顺达物流有限公司")
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert 5_000 < len(data) < 3_000_000
    assert list(folder.iterdir()) == [target]  # no temporary files beside it


def test_a_long_statement_runs_over_pages(qapp, customer_file, company, today, tmp_path):
    start = date(2026, 1, 1)
    orders = [Order(company.id, start + timedelta(days=i % 300), f"货物{i}", 1, 100 * i, id=i) for i in range(1, 120)]
    s = build_statement(orders, [], start, date(2026, 12, 31))
    document = sd.statement_document(s, company, company_name=None, today=today)
    pages = document.pageCount()
    assert pages >= 3
    target = tmp_path / "long.pdf"
    sd.save_pdf(document, target)
    assert re.findall(rb"/Count (\d+)", target.read_bytes()) == [str(pages).encode()]


def test_save_pdf_leaves_nothing_behind_on_failure(qapp, customer_file, company, today, tmp_path, monkeypatch):
    document = sd.statement_document(october(customer_file, company), company, company_name=None, today=today)
    with pytest.raises(OSError):
        sd.save_pdf(document, tmp_path / "missing-folder" / "x.pdf")

    def broken(*args, **kwargs):
        raise OSError("printer on fire")

    monkeypatch.setattr(printing, "print_document", broken)
    target = tmp_path / "half.pdf"
    with pytest.raises(OSError, match="on fire"):
        sd.save_pdf(document, target)
    assert not target.exists()


# ---------------------------------------------------------------- the dialog


@pytest.fixture
def dialog(qtbot, customer_file, company, today):
    widget = StatementDialog(customer_file, company, today)
    qtbot.addWidget(widget)
    return widget


def test_dialog_opens_on_last_month(dialog, company):
    assert dialog.objectName() == "statement_dialog"
    assert dialog.preset_combo.currentData() == PeriodPreset.LAST_MONTH
    assert dialog.period == (date(2026, 10, 1), date(2026, 10, 31))
    assert dialog.from_edit.calendarPopup() and dialog.to_edit.calendarPopup()
    text = dialog.preview.toPlainText()
    assert company.name in text and "壹万贰仟叁佰肆拾伍元陆角柒分" in text
    assert dialog.default_file_name() == f"Statement_{company.code}_2026-10.pdf"


def test_presets_and_hand_edited_dates(dialog):
    dialog.set_preset(PeriodPreset.THIS_QUARTER)
    assert dialog.period == (date(2026, 10, 1), date(2026, 11, 23))
    assert "后来的货" in dialog.preview.toPlainText()
    dialog.set_preset(PeriodPreset.THIS_YEAR)
    assert dialog.period == (date(2026, 1, 1), date(2026, 11, 23))
    dialog.from_edit.setDate(QDate(2026, 9, 1))
    assert dialog.preset_combo.currentData() == "custom"
    assert dialog.statement.start == date(2026, 9, 1) and dialog.statement.opening == 0
    dialog.to_edit.setDate(QDate(2026, 8, 1))
    assert not dialog.pdf_button.isEnabled() and dialog.statement is None
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(PeriodPreset.THIS_MONTH))
    assert dialog.period == (date(2026, 11, 1), date(2026, 11, 23)) and dialog.pdf_button.isEnabled()


def test_dialog_saves_a_pdf(dialog, tmp_path, monkeypatch):
    target = tmp_path / dialog.default_file_name()
    monkeypatch.setattr(dialog, "ask_pdf_path", lambda: str(target))
    assert dialog.save_as_pdf() == target
    assert target.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(dialog, "ask_pdf_path", lambda: "")
    assert dialog.save_as_pdf() is None


def test_dialog_prints_to_a_printer(dialog, tmp_path):
    printer = dialog.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.render(printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
