"""Printing shared by the statement and the reports: pages, sections kept together, images, the PDF."""

from __future__ import annotations

import unicodedata

from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage, QTextDocument

from crmdesk.ui import printing


def _image(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3060c0"))
    return image


def _pages(path) -> list[tuple[str, int]]:
    """(text, images) of each page."""
    return [(unicodedata.normalize("NFKC", page.extract_text()).replace("\t", " "), len(page.images))
            for page in PdfReader(str(path)).pages]


def _straddling(lines: int) -> str:
    """Paragraphs, then a kept section whose picture would cross the end of the first page."""
    return ("".join(f"<p>第 {i} 行 line {i}</p>" for i in range(lines))
            + f"<p><a name='{printing.keep_anchor('chart')}'>KEPTTITLE</a></p>"
            + f"<p><img src='{printing.image_url('chart').toString()}' width='600' height='300'/></p>"
            + f"<p><a name='{printing.keep_anchor('end')}'>THEEND</a></p>")


def test_a_kept_section_with_a_picture_starts_a_new_page(qapp, tmp_path):
    for lines in (20, 24, 27):
        document = printing.new_document(_straddling(lines), title="月度总结 2026-10", images=[("chart", _image(600, 300))])
        target = tmp_path / f"kept{lines}.pdf"
        printing.save_pdf(document, target, footer_left="页脚 footer 2026-10")  # pages again for the writer
        pages = _pages(target)
        titled = [i for i, (text, _) in enumerate(pages) if "KEPTTITLE" in "".join(text.split())]
        assert len(titled) == 1
        assert [n for _, n in pages] == [int(i == titled[0]) for i in range(len(pages))]  # the picture printed,
        # on its title's page
        if lines == 20:
            assert titled == [0]  # room enough: not moved
        else:
            assert titled == [1] and "第 19 行" in pages[0][0]


def test_the_pdf_has_its_title_and_text_that_reads_back(qapp, tmp_path):
    document = printing.new_document("<p>张三 owes 1,234.50 since 2026-07-01 to 2026-09-30</p>", title="对账单 Statement")
    assert document.metaInformation(QTextDocument.MetaInformation.DocumentTitle) == "对账单 Statement"
    target = tmp_path / "text.pdf"
    printing.save_pdf(document, target, footer_left="张三 KH000001")
    assert PdfReader(str(target)).metadata.title == "对账单 Statement"
    text = _pages(target)[0][0]
    # digits beside letters print as searchable digits too (the font's localized forms are off)
    assert "1,234.50 since 2026-07-01 to 2026-09-30" in text and "Page 1 of 1" in text and "KH000001" in text


def test_page_area_is_whole_pixels_and_an_image_as_wide_fits(qapp):
    area = printing.page_area()
    assert area.width() == int(area.width()) and area.height() == int(area.height())
    assert printing.content_width() == area.width()
    width = int(printing.content_width())
    document = printing.new_document(f"<p><img src='{printing.image_url('x').toString()}' width='{width}' "
                                     f"height='100'/></p>", title="t", images=[("x", _image(width, 100))])
    layout = document.documentLayout()
    assert layout.blockBoundingRect(document.begin()).height() >= 100
