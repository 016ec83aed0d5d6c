"""The statement of account (对账单) as a printable document: HTML and pages.

``statement_html`` builds the page as the small HTML subset QTextDocument
reads; ``statement_document`` lays it out on A4 (or any page layout) with the
shared CJK font list and footer of crmdesk.ui.printing, which prints it
(``print_document``) and writes the PDF (``save_pdf``).  The closing balance,
confirmation and signatures are kept together on one page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout, QTextDocument

from crmdesk.domain.customer import Customer
from crmdesk.domain.money import format_money, to_capital
from crmdesk.domain.orders import PaymentMethod
from crmdesk.domain.statements import LineKind, Statement, StatementLine
from crmdesk.ui import texts
from crmdesk.ui.printing import e as _e
from crmdesk.ui.printing import keep_anchor, new_document, print_document, save_pdf

# print_document and save_pdf print and save the statement like any document.
__all__ = ["SUMMARY_ANCHOR", "line_description", "method_text", "print_document", "save_pdf", "statement_document",
           "statement_html"]

CONTEXT = "Statement"

SUMMARY_ANCHOR = keep_anchor("summary")  # the closing balance, confirmation and signatures


def method_text(method: PaymentMethod | None) -> str:
    if method is None:
        return QCoreApplication.translate("Statement", "Payment received")
    return texts.enum_text(method)


# -- HTML -----------------------------------------------------------------------------------


def _money(fen: int) -> str:
    return format_money(fen)


def line_description(line: StatementLine) -> str:
    """What a line shows: the order's description, or the payment's method and note."""
    if line.kind is LineKind.ORDER:
        return line.description
    method = method_text(line.method)
    return f"{method} · {line.description}" if line.description else method


def _contact(customer: Customer) -> str:
    primary = next((c for c in customer.contacts if c.is_primary), None) or next(iter(customer.contacts), None)
    if primary is not None:
        parts = [primary.name, primary.mobile or primary.phone or ""]
    else:
        parts = [customer.mobile or customer.phone or ""]
    return " ".join(p for p in parts if p)


def _texts() -> dict[str, str]:
    """The statement's words, looked up now (so a language switch shows at the next refresh)."""
    translate = QCoreApplication.translate
    return {
        "title": translate("Statement", "Statement of account"),
        "period": translate("Statement", "{start} to {end}"),
        "customer": translate("Statement", "Customer:"),
        "code": translate("Statement", "Customer code:"),
        "period_label": translate("Statement", "Period:"),
        "printed": translate("Statement", "Printed on:"),
        "contact": translate("Statement", "Contact:"),
        "currency": translate("Statement", "Currency:"),
        "rmb": translate("Statement", "RMB yuan"),
        "date": translate("Statement", "Date"),
        "description": translate("Statement", "Description"),
        "billed": translate("Statement", "Billed"),
        "paid": translate("Statement", "Paid"),
        "balance": translate("Statement", "Balance"),
        "opening": translate("Statement", "Opening balance"),
        "nothing": translate("Statement", "No orders or payments in this period."),
        "total": translate("Statement", "Total for the period"),
        "closing": translate("Statement", "Closing balance"),
        "closing_label": translate("Statement", "Closing balance:"),
        "in_words": translate("Statement", "In words:"),
        "sign_note": translate(
            "Statement", "A positive balance is the amount owed to us; a negative balance was paid in advance."
        ),
        "confirm": translate(
            "Statement",
            "Please check the above and confirm it with your signature and stamp. If anything differs, please tell us.",
        ),
        "customer_sign": translate("Statement", "Customer confirmation (signature and stamp):"),
        "our_sign": translate("Statement", "Issued by (signature and stamp):"),
        "handled_by": translate("Statement", "Handled by:"),
        "sign_date": translate("Statement", "Date:"),
    }


def _row(day: str, text: str, billed: str, paid: str, balance: str, *, bold: bool = False,
         shade: bool = False) -> str:
    b0, b1 = ("<b>", "</b>") if bold else ("", "")
    bg = " bgcolor='#f0f0f0'" if shade else ""
    return (
        f"<tr{bg}><td>{b0}{_e(day)}{b1}</td><td>{b0}{_e(text)}{b1}</td>"
        f"<td align='right'>{b0}{_e(billed)}{b1}</td><td align='right'>{b0}{_e(paid)}{b1}</td>"
        f"<td align='right'>{b0}{_e(balance)}{b1}</td></tr>"
    )


def statement_html(statement: Statement, customer: Customer, *, company_name: str | None, today: date) -> str:
    """The statement as the HTML subset QTextDocument reads; user text is escaped."""
    t = {key: _e(text) for key, text in _texts().items()}
    heading = f"{_e(company_name)}<br/>{t['title']}" if company_name else t["title"]
    period = t["period"].format(start=statement.start.isoformat(), end=statement.end.isoformat())
    contact = _contact(customer)

    info_rows = [
        (t["customer"], _e(customer.name), t["code"], _e(customer.code or "")),
        (t["period_label"], period, t["printed"], today.isoformat()),
        (t["contact"], _e(contact), t["currency"], t["rmb"]) if contact else (t["currency"], t["rmb"], "", ""),
    ]
    info = "".join(
        f"<tr><td width='12%' style='white-space:nowrap'><b>{a}</b></td><td width='46%'>{b}</td>"
        f"<td width='16%' style='white-space:nowrap'><b>{c}</b></td><td width='26%'>{d}</td></tr>"
        for a, b, c, d in info_rows
    )
    header = "".join(
        f"<th width='{width}' align='{align}' bgcolor='#e0e0e0'>{t[key]}</th>"
        for key, width, align in (
            ("date", "12%", "left"), ("description", "49%", "left"), ("billed", "13%", "right"),
            ("paid", "13%", "right"), ("balance", "13%", "right"),
        )
    )
    texts = _texts()
    body = [_row(statement.start.isoformat(), texts["opening"], "", "", _money(statement.opening), shade=True)]
    for line in statement.lines:
        body.append(_row(
            line.day.isoformat(), line_description(line),
            _money(line.billed) if line.kind is LineKind.ORDER else "",
            _money(line.paid) if line.kind is LineKind.PAYMENT else "",
            _money(line.balance),
        ))
    if not statement.lines:
        body.append(_row("", texts["nothing"], "", "", ""))
    body.append(_row("", texts["total"], _money(statement.billed), _money(statement.paid), "", bold=True))
    body.append(_row(statement.end.isoformat(), texts["closing"], "", "", _money(statement.closing),
                     bold=True, shade=True))

    closing = format_money(statement.closing, symbol=True)
    return f"""<html><body>
<p align='center' style='font-size:16pt; font-weight:bold; margin-bottom:6px'>{heading}</p>
<table width='100%' cellspacing='0' cellpadding='2' style='margin-bottom:6px'>{info}</table>
<table width='100%' border='1' cellspacing='0' cellpadding='4'
       style='border-collapse:collapse; border-color:#808080; border-style:solid'>
<thead><tr>{header}</tr></thead>
<tbody>{''.join(body)}</tbody>
</table>
<p style='margin-top:10px'><a name='{SUMMARY_ANCHOR}'><b>{t['closing_label']}</b></a> {_e(closing)}
&nbsp;&nbsp;&nbsp;<b>{t['in_words']}</b> {_e(to_capital(statement.closing))}</p>
<p style='font-size:9pt'>{t['sign_note']}</p>
<p>{t['confirm']}</p>
<table width='100%' cellspacing='0' cellpadding='3' style='margin-top:12px'>
<tr><td width='50%'><b>{t['customer_sign']}</b><br/>{_e(customer.name)}</td>
<td width='50%'><b>{t['our_sign']}</b><br/>{_e(company_name or '') or '&nbsp;'}</td></tr>
<tr><td height='64'>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>{t['sign_date']} ______________</td>
<td>{t['handled_by']} ______________ &nbsp;&nbsp;{t['sign_date']} ______________</td></tr>
</table>
</body></html>"""


# -- the document ------------------------------------------------------------------------------


def statement_document(
    statement: Statement,
    customer: Customer,
    *,
    company_name: str | None,
    today: date,
    page_layout: QPageLayout | None = None,
) -> QTextDocument:
    """The statement laid out in pages of ``page_layout`` (A4, 15/12 mm margins by default)."""
    return new_document(statement_html(statement, customer, company_name=company_name, today=today),
                        title=QCoreApplication.translate("Statement", "Statement of account"),
                        page_layout=page_layout)
