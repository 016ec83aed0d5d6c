"""The ranked lists as table models, and the reasons worded (domain.cross_sell gives codes and numbers).

Each reason is one phrase with its numbers ("Same industry (物流) as 6 of 10
buyers"); the tooltip of a row breaks its score down into the points of each
reason, so the ranking can be checked by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crmdesk.domain.cross_sell import CustomerSuggestion, ProductSuggestion, Reason, ReasonKind
from crmdesk.ui import texts

CONTEXT = "Suggestions"
EMPTY = "—"

_REASONS = {
    ReasonKind.INDUSTRY: QT_TRANSLATE_NOOP("Suggestions", "Same industry ({value}) as {count} of {of} buyers"),
    ReasonKind.REGION: QT_TRANSLATE_NOOP("Suggestions", "Same region ({value}) as {count} of {of} buyers"),
    ReasonKind.TIER: QT_TRANSLATE_NOOP("Suggestions", "Same tier ({value}) as {count} of {of} buyers"),
    ReasonKind.CO_PURCHASE: QT_TRANSLATE_NOOP(
        "Suggestions", "Bought {value}: {count} of its {of} buyers also bought {product}"),
}
_SEPARATOR = QT_TRANSLATE_NOOP("Suggestions", "; ")
_SCORE_LINE = QT_TRANSLATE_NOOP("Suggestions", "Score {score}, the sum of:")
_POINTS_LINE = QT_TRANSLATE_NOOP("Suggestions", "{points}  {label}: {reason}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reason_text(reason: Reason, product: str) -> str:
    """One reason with its numbers, for the suggested ``product``."""
    return texts.fill(_tr(_REASONS[reason.kind]), {"value": reason.value, "count": reason.count, "of": reason.of,
                                                   "product": product})


def reasons_text(reasons: Sequence[Reason], product: str) -> str:
    return _tr(_SEPARATOR).join(reason_text(r, product) for r in reasons)


def score_text(score: float) -> str:
    return f"{score:.4f}"


def score_tip(score: float, reasons: Sequence[Reason], product: str) -> str:
    """The score as the sum of its reasons' points, one a line."""
    lines = [texts.fill(_tr(_SCORE_LINE), {"score": score_text(score)})]
    lines += [texts.fill(_tr(_POINTS_LINE), {"points": f"+{r.points:.4f}", "label": texts.enum_text(r.kind),
                                             "reason": reason_text(r, product)}) for r in reasons]
    return "\n".join(lines)


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CustomerColumn(IntEnum):
    RANK = 0
    CODE = 1
    NAME = 2
    OWNER = 3
    SCORE = 4
    WHY = 5


CUSTOMER_HEADERS = {
    CustomerColumn.RANK: QT_TRANSLATE_NOOP("Suggestions", "#"),
    CustomerColumn.CODE: QT_TRANSLATE_NOOP("Suggestions", "Code"),
    CustomerColumn.NAME: QT_TRANSLATE_NOOP("Suggestions", "Customer"),
    CustomerColumn.OWNER: QT_TRANSLATE_NOOP("Suggestions", "Owner"),
    CustomerColumn.SCORE: QT_TRANSLATE_NOOP("Suggestions", "Score"),
    CustomerColumn.WHY: QT_TRANSLATE_NOOP("Suggestions", "Why"),
}


class ProductColumn(IntEnum):
    PRODUCT = 0
    BUYERS = 1
    SCORE = 2
    WHY = 3


PRODUCT_HEADERS = {
    ProductColumn.PRODUCT: QT_TRANSLATE_NOOP("Suggestions", "Product"),
    ProductColumn.BUYERS: QT_TRANSLATE_NOOP("Suggestions", "Buyers"),
    ProductColumn.SCORE: QT_TRANSLATE_NOOP("Suggestions", "Score"),
    ProductColumn.WHY: QT_TRANSLATE_NOOP("Suggestions", "Why"),
}


class _RankedModel(QAbstractTableModel):
    """Rows in the ranking's order, cells worded once (and again on a language change)."""

    HEADERS: dict = {}
    NUMBERS: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._cells: list[tuple[str, ...]] = []
        self._tips: list[str] = []

    def _cells_of(self, rank: int, row) -> tuple[str, ...]:
        raise NotImplementedError

    def _tip_of(self, row) -> str:
        raise NotImplementedError

    def _format(self) -> None:
        self._cells = [self._cells_of(rank, row) for rank, row in enumerate(self._rows, 1)]
        self._tips = [self._tip_of(row) for row in self._rows]

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._format()
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self._format()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and (
                0 <= section < len(self.HEADERS)):
            return _tr(self.HEADERS[section])
        return None


class CustomerSuggestionModel(_RankedModel):
    """The customers suggested for one product, best first."""

    HEADERS = CUSTOMER_HEADERS
    NUMBERS = frozenset({CustomerColumn.RANK, CustomerColumn.SCORE})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.product = ""

    def set_suggestions(self, product: str, rows: Sequence[CustomerSuggestion]) -> None:
        self.product = product
        self.set_rows(rows)

    def _cells_of(self, rank: int, s: CustomerSuggestion) -> tuple[str, ...]:
        return (str(rank), s.code, s.name, s.owner or EMPTY, score_text(s.score),
                reasons_text(s.reasons, self.product))

    def _tip_of(self, s: CustomerSuggestion) -> str:
        return f"{s.code}  {s.name}\n" + score_tip(s.score, s.reasons, self.product)


class ProductSuggestionModel(_RankedModel):
    """The products suggested for one customer, best first."""

    HEADERS = PRODUCT_HEADERS
    NUMBERS = frozenset({ProductColumn.BUYERS, ProductColumn.SCORE})

    def _cells_of(self, rank: int, p: ProductSuggestion) -> tuple[str, ...]:
        return (p.product, f"{p.buyers:,}", score_text(p.score), reasons_text(p.reasons, p.product))

    def _tip_of(self, p: ProductSuggestion) -> str:
        return f"{p.product}\n" + score_tip(p.score, p.reasons, p.product)
