"""CustomerListView: the table over the big model, sized once, never ResizeToContents."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from crmdesk.domain.customer import CustomerKind
from crmdesk.ui import texts
from crmdesk.ui.customer_list.table_model import Column

# Widths in average character widths: fits Chinese names and codes without measuring 100k rows.
_WIDTH_CHARS = {
    Column.CODE: 10, Column.NAME: 24, Column.TYPE: 8, Column.TIER: 5, Column.PHONE: 13,
    Column.CITY: 9, Column.OWNER: 7, Column.LAST_CONTACT: 11, Column.NEXT_FOLLOW_UP: 11,
    Column.RECEIVABLE: 11,
}


class CustomerListView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_list")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty_text = ""

    def size_columns(self) -> None:
        """Set widths once from character counts and the header texts."""
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("中") // 2 + 1
        model = self.model()
        for column, chars in _WIDTH_CHARS.items():
            header = model.headerData(column, Qt.Orientation.Horizontal) if model else ""
            width = max(chars * char, metrics.horizontalAdvance(str(header)) + 36)
            self.setColumnWidth(column, width)

    def fit_texts(self) -> None:
        """Widen columns whose words change with the language (a width remembered
        from a Chinese session must still fit "Company")."""
        metrics, header, model = self.fontMetrics(), self.horizontalHeader(), self.model()
        if model is None:
            return
        needed = max(metrics.horizontalAdvance(texts.enum_text(kind)) for kind in CustomerKind) + 16
        for column in Column:
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            wanted = metrics.horizontalAdvance(title) + 28
            if column == Column.TYPE:
                wanted = max(wanted, needed)
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            rect = QRect(self.viewport().rect()).adjusted(12, 24, -12, -12)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.empty_text)
