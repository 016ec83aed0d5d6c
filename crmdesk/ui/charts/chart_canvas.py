"""A matplotlib Figure on a Qt canvas, with hover details, clicks and "Save as PNG".

matplotlib is imported here and only here (plus the chart drawings), and this
module is imported only when the analysis view first opens: the import costs
a few hundred milliseconds nobody should pay at start-up.  pyplot is never
used: its global figure state leaks between widgets and tests.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QImage
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

# The first installed one wins; the rest are fallbacks per glyph.  The same
# families as the printed reports, under the names matplotlib knows them by.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC",
    "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans CJK JP",
)
PNG_DPI = 150
EXPORT_SIZE_IN = (10.0, 5.6)  # a chart saved without a window: fits an A4 page's width


def _set_fonts() -> None:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [name for name in CJK_FAMILIES if name in installed]
    if not families:
        log.warning("no CJK font found for the charts; Chinese text will show as boxes")
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        # naming only installed families keeps findfont from warning about the others
        "font.sans-serif": [*families, "DejaVu Sans"],
        "axes.unicode_minus": False,  # CJK fonts lack U+2212
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titleweight": "bold",
        "axes.titlesize": 11,
        "font.size": 9,
        "savefig.dpi": PNG_DPI,
    })


_set_fonts()


@dataclass(frozen=True)
class Hover:
    """What the pointer over an artist shows, and what a click on it does.

    ``text`` takes the index of the point under the pointer (0 for a single
    patch); ``click`` likewise, when the artist is clickable.
    """

    artist: Artist
    text: Callable[[int], str]
    click: Callable[[int], None] | None = None


Draw = Callable[[Figure], Sequence[Hover]]


def _hit(hover: Hover, event: MouseEvent) -> int | None:
    inside, info = hover.artist.contains(event)
    if not inside:
        return None
    indices = info.get("ind") if isinstance(info, dict) else None
    return int(indices[0]) if indices is not None and len(indices) else 0


def new_figure(size: tuple[float, float] = EXPORT_SIZE_IN) -> Figure:
    return Figure(figsize=size, layout="constrained")


def render_png(draw: Draw, size: tuple[float, float] = EXPORT_SIZE_IN, dpi: int = PNG_DPI) -> bytes:
    """The chart as PNG bytes, drawn off any window (reports, the command line)."""
    figure = new_figure(size)
    FigureCanvasAgg(figure)
    draw(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=dpi)
    return out.getvalue()


def render_image(draw: Draw, size: tuple[float, float] = EXPORT_SIZE_IN, dpi: int = PNG_DPI) -> QImage:
    return QImage.fromData(render_png(draw, size, dpi), "PNG")


class ChartCanvas(QWidget):
    """One chart: redraws on demand, explains what is under the pointer."""

    hovered = Signal(str)  # the details under the pointer ("" when nothing)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = new_figure((6.0, 4.0))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("chart_canvas")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(360, 240)
        self.canvas.setMouseTracking(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._draw: Draw | None = None
        self._hovers: Sequence[Hover] = ()
        self._shown = ""
        self.canvas.mpl_connect("motion_notify_event", self._moved)
        self.canvas.mpl_connect("button_press_event", self._pressed)
        self.canvas.mpl_connect("figure_leave_event", lambda _e: self._show(""))

    def show_chart(self, draw: Draw) -> None:
        self._draw = draw
        self.figure.clear()
        self._hovers = tuple(draw(self.figure))
        self.canvas.draw_idle()

    def hovers(self) -> Sequence[Hover]:
        return self._hovers

    def details(self, event: MouseEvent) -> tuple[str, Hover | None, int]:
        """The text for the point under ``event``: the topmost artist drawn last wins."""
        for hover in reversed(self._hovers):
            index = _hit(hover, event)
            if index is not None:
                return hover.text(index), hover, index
        return "", None, 0

    def _moved(self, event: MouseEvent) -> None:
        text, hover, _index = self.details(event)
        self.canvas.setCursor(
            Qt.CursorShape.PointingHandCursor if hover is not None and hover.click else Qt.CursorShape.ArrowCursor
        )
        self._show(text)

    def _show(self, text: str) -> None:
        if text == self._shown:
            return
        self._shown = text
        self.hovered.emit(text)
        if text:
            QToolTip.showText(QCursor.pos() + QPoint(12, 12), text, self.canvas)
        else:
            QToolTip.hideText()

    def _pressed(self, event: MouseEvent) -> None:
        _text, hover, index = self.details(event)
        if hover is not None and hover.click is not None and event.button == 1:
            hover.click(index)

    def save_png(self, path: Path) -> Path:
        """The chart at print size, not the window's: the same picture whatever the window's shape."""
        if self._draw is None:
            raise ValueError("no chart to save")
        path.write_bytes(render_png(self._draw))
        return path
