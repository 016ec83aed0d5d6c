"""The statement of account (对账单) as a printable document: HTML, pages, PDF.

``statement_html`` builds the page as the small HTML subset QTextDocument
reads; ``statement_document`` lays it out on A4 (or any page layout) with a
CJK-capable font list, so Chinese prints without empty boxes on Windows,
macOS and Linux; ``print_document`` paints it page by page with a footer
(page x of y) onto a printer or PDF writer; ``save_pdf`` writes a PDF.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from crmdesk.domain.customer import Customer
from crmdesk.domain.money import format_money, to_capital
from crmdesk.domain.orders import PaymentMethod
from crmdesk.domain.statements import LineKind, Statement, StatementLine
from crmdesk.ui import texts

CONTEXT = "Statement"

# Windows first has 微软雅黑 / 宋体, macOS PingFang, Linux Noto CJK; Qt takes
# the first one installed and falls back per glyph to the others.
FONT_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", "PingFang SC",
    "Hiragino Sans GB", "WenQuanYi Micro Hei", "sans-serif",
)
FONT_POINT_SIZE = 10
FOOTER_POINT_SIZE = 8
PAGE_MARGINS_MM = QMarginsF(15, 12, 15, 12)  # left, top, right, bottom
SUMMARY_ANCHOR = "summary"  # the closing balance, confirmation and signatures, kept on one page



def method_text(method: PaymentMethod | None) -> str:
    if method is None:
        return QCoreApplication.translate("Statement", "Payment received")
    return texts.enum_text(method)


def default_page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)


def document_font(point_size: float = FONT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


# -- HTML -----------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


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


# -- document, pages, PDF ----------------------------------------------------------------------


def statement_document(
    statement: Statement,
    customer: Customer,
    *,
    company_name: str | None,
    today: date,
    page_layout: QPageLayout | None = None,
) -> QTextDocument:
    """The statement laid out in pages of ``page_layout`` (A4, 15/12 mm margins by default)."""
    document = QTextDocument()
    document.setDefaultFont(document_font())
    document.setDocumentMargin(0)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                QCoreApplication.translate("Statement", "Statement of account"))
    document.setHtml(statement_html(statement, customer, company_name=company_name, today=today))
    fit_to_page(document, page_layout or default_page_layout())
    return document


def _layout_dpi() -> float:
    """The resolution QTextDocument lays out in when it has no paint device."""
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() else None
    return float(round(screen.logicalDotsPerInchX())) if screen else 96.0


def _footer_height() -> float:
    """Room kept free at the bottom of each page for the footer, in layout pixels."""
    return 2 * QFontMetricsF(document_font(FOOTER_POINT_SIZE)).height()


def fit_to_page(document: QTextDocument, layout: QPageLayout) -> None:
    """Page the document to the printable area of ``layout``, leaving room for the footer."""
    dpi = _layout_dpi()
    area = layout.paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(area.width() * dpi / 72, area.height() * dpi / 72 - _footer_height()))
    _keep_summary_together(document)


def _summary_block(document: QTextDocument) -> QTextBlock | None:
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if SUMMARY_ANCHOR in it.fragment().charFormat().anchorNames():
                return block
            it += 1
        block = block.next()
    return None


def _keep_summary_together(document: QTextDocument) -> None:
    """Start the closing summary on a new page when it would otherwise be split from its signatures."""
    block = _summary_block(document)
    if block is None:
        return
    cursor = QTextCursor(block)
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    cursor.mergeBlockFormat(fmt)
    page = document.pageSize().height()
    top = document.documentLayout().blockBoundingRect(block).top()
    bottom = document.size().height() - 1
    if int(top // page) != int(bottom // page) and bottom - top < page * 0.9:
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.mergeBlockFormat(fmt)


def print_document(
    document: QTextDocument,
    device: QPagedPaintDevice,
    *,
    footer_left: str = "",
    pages: Sequence[int] | None = None,
) -> int:
    """Paint the pages (1-based numbers, default all) with a "page x of y" footer; returns pages painted.

    The document is re-paged to the device's own page layout first, so a
    paper size chosen in the print dialog is honoured.
    """
    fit_to_page(document, device.pageLayout())
    dpi = _layout_dpi()
    page = document.pageSize()
    count = document.pageCount()
    wanted = [n for n in (pages or range(1, count + 1)) if 1 <= n <= count]
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Statement", "Cannot start printing."))
    try:
        scale_x, scale_y = device.logicalDpiX() / dpi, device.logicalDpiY() / dpi
        footer_font = document_font(FOOTER_POINT_SIZE)
        page_text = QCoreApplication.translate("Statement", "Page {page} of {pages}")
        for index, number in enumerate(wanted):
            if index and not device.newPage():
                raise OSError(QCoreApplication.translate("Statement", "Cannot start a new page."))
            painter.save()
            painter.scale(scale_x, scale_y)
            painter.translate(0, -(number - 1) * page.height())
            document.drawContents(painter, QRectF(0, (number - 1) * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            bottom = QRectF(0, 0, device.width(), device.height())
            flags = Qt.AlignmentFlag.AlignBottom
            painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignLeft, footer_left)
            painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignRight,
                             page_text.format(page=number, pages=count))
    finally:
        painter.end()
    return len(wanted)


def save_pdf(document: QTextDocument, path: str | Path, *, footer_left: str = "",
             page_layout: QPageLayout | None = None) -> None:
    """Write the document as a PDF straight to ``path``; on failure no partial file is left."""
    path = Path(path)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
        raise OSError(f"{path}: {file.errorString()}")
    try:
        writer = QPdfWriter(file)
        writer.setPageLayout(page_layout or default_page_layout())
        writer.setResolution(600)
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        writer.setCreator("crmdesk")
        print_document(document, writer, footer_left=footer_left)
        del writer
        file.close()
        if file.error() != QFile.FileError.NoError or path.stat().st_size == 0:
            raise OSError(f"{path}: {file.errorString() or 'nothing written'}")
    except BaseException:
        file.close()
        path.unlink(missing_ok=True)
        raise
