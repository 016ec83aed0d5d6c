"""MonthGrid: six weeks of days, Monday first, painted in one pass.

Each cell shows the day number, a badge with the planned follow-ups (red
when they are overdue), a cake with the count of birthdays and anniversaries,
and a 休/班 tag on holidays and on weekend days worked in exchange (调休).
Days off are tinted, today is outlined, days of the months around are greyed.

The grid only shows and reports: a day chosen (click, arrow keys, PageUp/
PageDown, Home), a day opened (double-click, Enter) and a follow-up dropped
on a day; the calendar loads months and moves follow-ups.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QDate, QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from crmdesk.domain.dates import add_months_clamped
from crmdesk.services.calendar import WEEK, WEEKS, CalendarDay, MonthView

FOLLOW_UP_MIME = "application/x-crmdesk-follow-up"  # a dragged follow-up: its id as text

_GRID_LINE = QColor("#e3e5e8")
_OFF_DAY = QColor("#fcf1ee")  # weekends and holidays
_OUTSIDE = QColor("#f6f7f8")  # days of the months around
_OUTSIDE_OFF = QColor("#f7f0ee")
_NUMBER = QColor("#1f2937")
_NUMBER_OFF = QColor("#b42318")
_NUMBER_OUTSIDE = QColor("#a3a9b1")
_TODAY = QColor("#1d64d8")
_BADGE = QColor("#d3e2fc")
_BADGE_TEXT = QColor("#1e4fa8")
_OVERDUE = QColor("#d92d20")
_OCCASION = QColor("#c0267a")
_HOLIDAY_TAG = QColor("#d92d20")
_SHIFTED_TAG = QColor("#667085")
_DROP = QColor("#1d64d8")


def _with_alpha(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


class MonthGrid(QWidget):
    day_selected = Signal(object)  # date: clicked or reached by the keyboard (maybe in another month)
    day_activated = Signal(object)  # date: double-clicked or Enter
    follow_up_dropped = Signal(int, object)  # follow-up id, date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_month_grid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._view: MonthView | None = None
        self._selected: date | None = None
        self._drop_day: date | None = None
        self.accepts_drops = True  # off for a read-only file
        self._texts = {"off": "", "shifted": ""}

    # -- what the calendar tells the grid ----------------------------------------------------

    def set_month(self, view: MonthView, selected: date) -> None:
        self._view = view
        self._selected = selected
        self.update()

    def month_view(self) -> MonthView | None:
        return self._view

    def selected(self) -> date | None:
        return self._selected

    def set_tag_texts(self, off: str, shifted: str) -> None:
        """The translated 休 and 班 tags."""
        self._texts = {"off": off, "shifted": shifted}
        self.update()

    # -- geometry -----------------------------------------------------------------------------

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 10

    def cell_rect(self, day: date) -> QRect | None:
        """Where a day is drawn (None: not on the grid)."""
        if self._view is None:
            return None
        index = (day - self._view.first).days
        if not 0 <= index < WEEKS * WEEK:
            return None
        return self._cell_rect(index // WEEK, index % WEEK)

    def _cell_rect(self, row: int, column: int) -> QRect:
        top = self._header_height()
        width, height = self.width(), self.height() - top
        x0, x1 = column * width // WEEK, (column + 1) * width // WEEK
        y0, y1 = top + row * height // WEEKS, top + (row + 1) * height // WEEKS
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> date | None:
        if self._view is None:
            return None
        top = self._header_height()
        if pos.y() < top or not self.rect().contains(pos):
            return None
        column = min(WEEK - 1, pos.x() * WEEK // max(1, self.width()))
        row = min(WEEKS - 1, (pos.y() - top) * WEEKS // max(1, self.height() - top))
        return self._view.first + timedelta(days=row * WEEK + column)

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("0") * 12 * WEEK, self._header_height() + (fm.height() * 3 + 12) * WEEKS)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("0") * 7 * WEEK, self._header_height() + (fm.height() * 2 + 10) * WEEKS)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        p.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_header(p)
        if self._view is not None:
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
            bold = QFont(self.font())
            bold.setBold(True)
            for index, day in enumerate(self._view.days):
                self._paint_cell(p, self._cell_rect(index // WEEK, index % WEEK), day, small, bold)
            self._paint_lines(p)
            self._paint_marks(p)
        p.end()

    def _paint_header(self, p: QPainter) -> None:
        locale = QLocale()
        height = self._header_height()
        p.fillRect(QRect(0, 0, self.width(), height), self.palette().color(QPalette.ColorRole.Window))
        for column in range(WEEK):
            rect = self._cell_rect(0, column)
            p.setPen(_with_alpha(_NUMBER_OFF, 170) if column >= 5 else self.palette().color(
                QPalette.ColorRole.PlaceholderText))
            name = locale.dayName(column + 1, QLocale.FormatType.ShortFormat)  # 1 = Monday
            p.drawText(QRect(rect.left(), 0, rect.width(), height), Qt.AlignmentFlag.AlignCenter, name)

    def _paint_cell(self, p: QPainter, rect: QRect, d: CalendarDay, small: QFont, bold: QFont) -> None:
        if d.in_month:
            background = _OFF_DAY if not d.working else self.palette().color(QPalette.ColorRole.Base)
        else:
            background = _OUTSIDE_OFF if not d.working else _OUTSIDE
        p.fillRect(rect, background)
        if d.day == self._selected:
            p.fillRect(rect, _with_alpha(self.palette().color(QPalette.ColorRole.Highlight), 22))
        if d.day == self._drop_day:
            p.fillRect(rect, _with_alpha(_DROP, 60))
        pad = 5
        inner = rect.adjusted(pad, pad - 1, -pad, -pad)

        # The day number, top left; today's in a filled circle.
        fm = QFontMetrics(bold)
        number = str(d.day.day)
        if d.day == self._view.today:
            size = fm.height() + 2
            circle = QRectF(inner.left() - 2, inner.top(), max(size, fm.horizontalAdvance(number) + 8), size)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_TODAY)
            p.drawRoundedRect(circle, size / 2, size / 2)
            p.setPen(QColor("white"))
            p.setFont(bold)
            p.drawText(circle, Qt.AlignmentFlag.AlignCenter, number)
            number_right = int(circle.right())
        else:
            color = _NUMBER_OUTSIDE if not d.in_month else (_NUMBER_OFF if not d.working else _NUMBER)
            p.setPen(color)
            p.setFont(bold if d.in_month else self.font())
            p.drawText(QRect(inner.left(), inner.top(), inner.width(), fm.height() + 2),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
            number_right = inner.left() + fm.horizontalAdvance(number)

        # 休 / 班, top right.
        tag = self._texts["off"] if d.holiday else self._texts["shifted"] if d.shifted else ""
        if tag:
            p.setFont(small)
            sfm = QFontMetrics(small)
            width = sfm.horizontalAdvance(tag) + 6
            if inner.right() - width > number_right + 2:
                box = QRectF(inner.right() - width + 1, inner.top() + 1, width, sfm.height() + 1)
                color = _HOLIDAY_TAG if d.holiday else _SHIFTED_TAG
                if not d.in_month:
                    color = _with_alpha(color, 110)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(_with_alpha(color, 28))
                p.drawRoundedRect(box, 3, 3)
                p.setPen(color)
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, tag)

        # Badges under the number: follow-ups (red when overdue), then occasions.
        self._paint_badges(p, inner, d, top=inner.top() + fm.height() + 6)

    def _paint_badges(self, p: QPainter, inner: QRect, d: CalendarDay, top: int) -> None:
        font = self.font()
        p.setFont(font)
        bfm = QFontMetrics(font)
        height = bfm.height() + 2
        faded = not d.in_month
        pieces: list[tuple[str, int]] = []  # (kind, width)
        if d.follow_ups:
            pieces.append(("follow_ups", max(height + 4, bfm.horizontalAdvance(str(d.follow_ups)) + 14)))
        if d.occasions:
            pieces.append(("occasions", bfm.horizontalAdvance(str(d.occasions)) + height + 4))
        x, y = inner.left(), top
        for kind, width in pieces:
            if x + width > inner.right() + 1 and x > inner.left():  # wrap to the next line
                x, y = inner.left(), y + height + 3
            if y + height > inner.bottom() + 2:
                return
            box = QRectF(x, y, width, height)
            if kind == "follow_ups":
                fill, text = (_OVERDUE, QColor("white")) if d.overdue else (_BADGE, _BADGE_TEXT)
                if faded:
                    fill, text = _with_alpha(fill, 110), _with_alpha(text, 170)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawRoundedRect(box, height / 2, height / 2)
                p.setPen(text)
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(d.follow_ups))
            else:
                color = _with_alpha(_OCCASION, 130) if faded else _OCCASION
                self._paint_cake(p, QRectF(x + 1, y + 1, height - 3, height - 3), color)
                p.setPen(color)
                p.drawText(QRectF(x + height, y, width - height, height),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(d.occasions))
            x += width + 6

    @staticmethod
    def _paint_cake(p: QPainter, r: QRectF, color: QColor) -> None:
        """A small birthday cake: two tiers, a candle and its flame."""
        w, h = r.width(), r.height()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(QRectF(r.left() + w * 0.08, r.top() + h * 0.62, w * 0.84, h * 0.34), 1.2, 1.2)
        p.drawRoundedRect(QRectF(r.left() + w * 0.2, r.top() + h * 0.38, w * 0.6, h * 0.26), 1.0, 1.0)
        p.drawRect(QRectF(r.left() + w * 0.45, r.top() + h * 0.16, w * 0.1, h * 0.22))
        p.setBrush(QColor("#f59e0b"))
        p.drawEllipse(QRectF(r.left() + w * 0.4, r.top(), w * 0.2, h * 0.2))

    def _paint_lines(self, p: QPainter) -> None:
        p.setPen(QPen(_GRID_LINE, 1))
        top = self._header_height()
        for column in range(1, WEEK):
            x = self._cell_rect(0, column).left()
            p.drawLine(x, top, x, self.height())
        for row in range(WEEKS):
            y = self._cell_rect(row, 0).top()
            p.drawLine(0, y, self.width(), y)

    def _paint_marks(self, p: QPainter) -> None:
        """Today's outline and the selected day's frame, over the grid lines."""
        assert self._view is not None
        p.setBrush(Qt.BrushStyle.NoBrush)
        today = self.cell_rect(self._view.today)
        if today is not None:
            p.setPen(QPen(_TODAY, 2))
            p.drawRect(QRectF(today).adjusted(1, 1, -1, -1))
        if self._selected is not None and self._selected != self._view.today:
            selected = self.cell_rect(self._selected)
            if selected is not None:
                color = self.palette().color(QPalette.ColorRole.Highlight)
                p.setPen(QPen(color, 2 if self.hasFocus() else 1))
                p.drawRect(QRectF(selected).adjusted(1, 1, -1, -1))

    # -- mouse and keyboard ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_selected.emit(day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._view is None or self._selected is None:
            super().keyPressEvent(event)
            return
        key, day = event.key(), self._selected
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -WEEK, Qt.Key.Key_Down: WEEK}
        if key in steps:
            self.day_selected.emit(day + timedelta(days=steps[key]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.day_selected.emit(add_months_clamped(day, -1 if key == Qt.Key.Key_PageUp else 1))
        elif key == Qt.Key.Key_Home:
            self.day_selected.emit(self._view.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(day)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(event.pos())
            text = self.tooltip_for(day) if day is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_for(self, day: date) -> str:
        """The day in words: its date, whether it is a day off, its counts."""
        d = self._view.day(day) if self._view is not None else None
        if d is None:
            return ""
        lines = [QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)]
        if d.holiday:
            lines.append(self.tr("Public holiday"))
        elif d.shifted:
            lines.append(self.tr("Working day (weekend swapped for a holiday)"))
        if d.follow_ups:
            lines.append((self.tr("Follow-ups: {n}, overdue") if d.overdue
                          else self.tr("Follow-ups: {n}")).format(n=d.follow_ups))
        if d.occasions:
            lines.append(self.tr("Birthdays and anniversaries: {n}").format(n=d.occasions))
        return "\n".join(lines)

    # -- dropping a follow-up on a day -------------------------------------------------------

    def _dropped_id(self, event) -> int | None:
        mime = event.mimeData()
        if not self.accepts_drops or not mime.hasFormat(FOLLOW_UP_MIME):
            return None
        try:
            return int(bytes(mime.data(FOLLOW_UP_MIME).data()).decode("ascii"))
        except ValueError:
            return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_id(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is None or self._dropped_id(event) is None:
            event.ignore()
            self._set_drop_day(None)
            return
        event.acceptProposedAction()
        self._set_drop_day(day)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._set_drop_day(None)

    def dropEvent(self, event) -> None:  # noqa: N802
        follow_up_id, day = self._dropped_id(event), self.day_at(event.position().toPoint())
        self._set_drop_day(None)
        if follow_up_id is None or day is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.follow_up_dropped.emit(follow_up_id, day)

    def _set_drop_day(self, day: date | None) -> None:
        if day != self._drop_day:
            self._drop_day = day
            self.update()


def follow_up_mime_data(follow_up_id: int) -> QByteArray:
    return QByteArray(str(follow_up_id).encode("ascii"))


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
