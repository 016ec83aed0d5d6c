"""A dialog that shows a printable document and prints it, previews it or saves it as a PDF.

The statement of account and the reports are such dialogs: each puts its own
choosers in ``controls``, shows its HTML with ``show_html`` and says what its
document, footer and file name are; printing, the print preview, the PDF and
the error messages are here once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui.printing import default_page_layout, document_font, image_url, print_document, save_pdf


class DocumentBrowser(QTextBrowser):
    """Shows a document's HTML on screen, with its images (``printing.image_url``) from ``set_images``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFont(document_font())
        # The page is laid out to the viewport's width; a bordered 100% table
        # overhangs it by a pixel, which is not worth a scroll bar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._images: dict[str, QImage] = {}

    def set_images(self, images: Mapping[str, QImage]) -> None:
        self._images = {image_url(name).toString(): image for name, image in images.items()}

    def loadResource(self, kind: int, name: QUrl) -> object:
        image = self._images.get(name.toString())
        if image is not None:
            return image
        return super().loadResource(kind, name)


class DocumentDialog(QDialog):
    """The preview, the Print preview… / Print… / Save as PDF… buttons and what they do.

    Subclasses override ``document``, ``footer`` and ``default_file_name``
    (and may word ``pdf_caption`` and ``failure_text`` their own way), put
    their choosers in ``controls`` and call ``show_html`` or ``show_message``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controls = QHBoxLayout()
        self.preview = DocumentBrowser(self)
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("print_preview_button")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_button")
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("save_pdf_button")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_pages)
        self.pdf_button.clicked.connect(self.save_as_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self._printable = False
        self.retranslate_buttons()

    def retranslate_buttons(self) -> None:
        translate = QCoreApplication.translate
        self.preview_button.setText(translate("DocumentDialog", "Print pre&view…"))
        self.print_button.setText(translate("DocumentDialog", "&Print…"))
        self.pdf_button.setText(translate("DocumentDialog", "Save as P&DF…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible():  # a closed one may be waiting for deletion, its file closed
                self.refresh()
        super().changeEvent(event)

    # -- what a subclass says ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """The window title and the choosers' words (call ``retranslate_buttons`` too)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the figures again and show the document (``show_html``), or why not (``show_message``)."""
        raise NotImplementedError

    def document(self) -> QTextDocument:
        """The document to print, laid out in pages (only asked while there is one: ``set_printable``)."""
        raise NotImplementedError

    def footer(self) -> str:
        """The text at the left of each page's foot (the page number is at the right)."""
        return ""

    def default_file_name(self) -> str:
        raise NotImplementedError

    def pdf_caption(self) -> str:
        return QCoreApplication.translate("DocumentDialog", "Save as PDF")

    def failure_text(self) -> str:
        """The message when printing or saving fails; ``{error}`` is the reason."""
        return QCoreApplication.translate("DocumentDialog", "The document could not be written:\n{error}")

    # -- showing -------------------------------------------------------------------------------------

    @property
    def printable(self) -> bool:
        return self._printable

    def set_printable(self, printable: bool) -> None:
        self._printable = printable
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(printable)

    def show_html(self, html: str, images: Mapping[str, QImage] | None = None) -> None:
        """Show the document's HTML where the reader was (the scroll position is kept)."""
        scroll = self.preview.verticalScrollBar().value()
        self.preview.set_images(images or {})
        self.preview.setHtml(html)
        self.preview.verticalScrollBar().setValue(scroll)
        self.set_printable(True)

    def show_message(self, text: str) -> None:
        """Instead of a document (nothing to print): why."""
        self.preview.setPlainText(text)
        self.set_printable(False)

    # -- printing and saving ---------------------------------------------------------------------------

    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(default_page_layout())
        printer.setDocName(Path(self.default_file_name()).stem)
        return printer

    def render(self, printer: QPrinter) -> None:
        """Paint the document on ``printer``, honouring a page range chosen in its dialog."""
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            pages = range(printer.fromPage(), (printer.toPage() or printer.fromPage()) + 1)
        print_document(self.document(), printer, footer_left=self.footer(), pages=pages)

    def print_preview(self) -> None:
        if not self._printable:
            return
        printer = self.new_printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(QCoreApplication.translate("DocumentDialog", "Print preview"))
        dialog.paintRequested.connect(self.render)
        dialog.resize(900, 800)
        dialog.exec()

    def print_pages(self) -> None:
        if not self._printable:
            return
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._report_failure(lambda: self.render(printer))

    def ask_pdf_path(self) -> str:
        """The file to save to, or "" when the user cancels (a seam for tests)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.default_file_name()) if folder else self.default_file_name()
        path, _ = QFileDialog.getSaveFileName(
            self, self.pdf_caption(), suggested, QCoreApplication.translate("DocumentDialog", "PDF files (*.pdf)")
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def save_as_pdf(self) -> Path | None:
        if not self._printable:
            return None
        path = self.ask_pdf_path()
        if not path:
            return None
        if self._report_failure(lambda: save_pdf(self.document(), path, footer_left=self.footer())):
            return Path(path)
        return None

    def _report_failure(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except OSError as error:
            QMessageBox.warning(self, self.windowTitle(), self.failure_text().format(error=error))
            return False
        return True
