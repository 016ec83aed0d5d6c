"""Printable documents: HTML on A4 pages with a CJK font, a page footer, printing and PDF.

Shared by the statement of account and the reports.  A document is the
small HTML subset QTextDocument reads, laid out in pages of a QPageLayout
(A4 portrait, 15/12 mm margins by default) with a font list that has
Chinese on Windows, macOS and Linux, so nothing prints as empty boxes.

``new_document`` builds one (with images such as charts as resources);
``print_document`` paints it page by page with a footer (page x of y) onto a
printer or PDF writer; ``save_pdf`` writes a PDF.  Only QtGui: a
QGuiApplication is enough (the command line writes PDFs without a window).

Keeping parts together: a paragraph holding an anchor named ``keep-...``
(``keep_anchor``) starts a section that runs to the next such paragraph or
the end.  A section that would be split over two pages but fits on one
starts on a new page; a longer one starts on a new page when little more
than its heading would be left at the foot of the page.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
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

CONTEXT = "Printing"

# Windows first has 微软雅黑 / 宋体, macOS PingFang, Linux Noto CJK; Qt takes
# the first one installed and falls back per glyph to the others.
FONT_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", "PingFang SC",
    "Hiragino Sans GB", "WenQuanYi Micro Hei", "sans-serif",
)
FONT_POINT_SIZE = 10
FOOTER_POINT_SIZE = 8
PAGE_MARGINS_MM = QMarginsF(15, 12, 15, 12)  # left, top, right, bottom
KEEP_PREFIX = "keep-"
KEEP_FITS = 0.9  # a section up to this share of a page is moved whole to the next page
KEEP_ROOM = 0.15  # a longer one moves when less than this share of the page is left below its start


def keep_anchor(name: str) -> str:
    """The anchor name that starts a section kept together: ``<a name='{keep_anchor("x")}'>``."""
    return KEEP_PREFIX + name


def e(text: object) -> str:
    """Text (user input included) escaped for the HTML of a document."""
    return html.escape(str(text), quote=True)


def default_page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)


def document_font(point_size: float = FONT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # Without this, Noto Sans CJK's localized forms replace the digits in a run with letters
    # ("Page 1 of 2", "2026-07-01 to ...") by glyphs outside its character map, which the PDF
    # cannot map back to text: the figures could not be searched or copied.
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def layout_dpi() -> float:
    """The resolution QTextDocument lays out in when it has no paint device."""
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() else None
    return float(round(screen.logicalDotsPerInchX())) if screen else 96.0


def page_area(layout: QPageLayout | None = None) -> QSizeF:
    """The printable area of a page in layout pixels, whole ones (so that an image as wide as the
    page fits its line, and nothing falls a fraction of a pixel over a page's edge)."""
    area = (layout or default_page_layout()).paintRect(QPageLayout.Unit.Point)
    dpi = layout_dpi()
    return QSizeF(math.floor(area.width() * dpi / 72), math.floor(area.height() * dpi / 72))


def content_width(layout: QPageLayout | None = None) -> float:
    """The printable width of a page in layout pixels (what an image's width in the HTML is measured in)."""
    return page_area(layout).width()


def _footer_height() -> float:
    """Room kept free at the bottom of each page for the footer, in layout pixels."""
    return 2 * QFontMetricsF(document_font(FOOTER_POINT_SIZE)).height()


# -- documents ---------------------------------------------------------------------------------


def image_url(name: str) -> QUrl:
    """The URL an image added with ``new_document(images=...)`` is named by in the HTML (``<img src=...>``)."""
    return QUrl(f"crmdesk-image:{name}")


def new_document(
    body: str,
    *,
    title: str,
    images: Iterable[tuple[str, QImage]] = (),
    page_layout: QPageLayout | None = None,
) -> QTextDocument:
    """``body`` (HTML) laid out in pages of ``page_layout``; ``images`` are (name, image) for ``image_url(name)``."""
    document = QTextDocument()
    document.setDefaultFont(document_font())
    document.setDocumentMargin(0)
    for name, image in images:
        document.addResource(QTextDocument.ResourceType.ImageResource, image_url(name), image)
    document.setHtml(body)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)  # after: setHtml clears it
    fit_to_page(document, page_layout or default_page_layout())
    return document


def fit_to_page(document: QTextDocument, layout: QPageLayout) -> None:
    """Page the document to the printable area of ``layout``, leaving room for the footer."""
    area = page_area(layout)
    document.setPageSize(QSizeF(area.width(), area.height() - math.ceil(_footer_height())))
    _keep_sections_together(document)


def _keep_blocks(document: QTextDocument) -> list[QTextBlock]:
    """The paragraphs holding a ``keep-`` anchor, in document order."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if any(n.startswith(KEEP_PREFIX) for n in it.fragment().charFormat().anchorNames()):
                found.append(block)
                break
            it += 1
        block = block.next()
    return found


def _set_break(block: QTextBlock, policy: QTextFormat.PageBreakFlag) -> None:
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(policy)
    QTextCursor(block).mergeBlockFormat(fmt)


def _relayout(document: QTextDocument) -> None:
    """Lay the whole document out again, now.

    Qt's incremental relayout after a block's format changes can leave a
    paragraph it had moved to the next page without any line (an image on a
    page boundary then has no height, and does not print); a full one cannot.
    """
    document.markContentsDirty(0, document.characterCount())
    document.documentLayout().documentSize()


def _keep_sections_together(document: QTextDocument) -> None:
    blocks = _keep_blocks(document)
    if not blocks:
        return
    for block in blocks:  # as laid out for this page size, not an earlier one
        _set_break(block, QTextFormat.PageBreakFlag.PageBreak_Auto)
    _relayout(document)
    page = document.pageSize().height()
    layout = document.documentLayout()
    for index, block in enumerate(blocks):  # in order: a moved section moves those after it
        top = layout.blockBoundingRect(block).top()
        if index + 1 < len(blocks):
            bottom = layout.blockBoundingRect(blocks[index + 1]).top() - 1
        else:
            bottom = document.size().height() - 1
        if int(top // page) == int(bottom // page) or top % page < 1:
            continue  # on one page already, or already at the top of one
        left_on_page = page - top % page
        if bottom - top < page * KEEP_FITS or left_on_page < page * KEEP_ROOM:
            _set_break(block, QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            _relayout(document)


# -- pages, printers, PDF ---------------------------------------------------------------------------


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
    dpi = layout_dpi()
    page = document.pageSize()
    count = document.pageCount()
    wanted = [n for n in (pages or range(1, count + 1)) if 1 <= n <= count]
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Printing", "Cannot start printing."))
    try:
        scale_x, scale_y = device.logicalDpiX() / dpi, device.logicalDpiY() / dpi
        footer_font = document_font(FOOTER_POINT_SIZE)
        page_text = QCoreApplication.translate("Printing", "Page {page} of {pages}")
        for index, number in enumerate(wanted):
            if index and not device.newPage():
                raise OSError(QCoreApplication.translate("Printing", "Cannot start a new page."))
            painter.save()
            painter.scale(scale_x, scale_y)
            painter.translate(0, -(number - 1) * page.height())
            document.drawContents(painter, QRectF(0, (number - 1) * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            bottom = QRectF(0, 0, device.width(), device.height())
            flags = Qt.AlignmentFlag.AlignBottom
            page_label = page_text.format(page=number, pages=count)
            # The left text gives way to the page number: elided, never drawn under it.
            metrics = painter.fontMetrics()
            room = int(device.width() - metrics.horizontalAdvance(page_label) - 4 * metrics.averageCharWidth())
            left = metrics.elidedText(footer_left, Qt.TextElideMode.ElideRight, max(room, 0))
            painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignLeft, left)
            painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignRight, page_label)
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


def safe_file_name(name: str) -> str:
    """A file name without the characters Windows refuses."""
    return "".join("_" if c in '<>:"/\\|?*' else c for c in name)
