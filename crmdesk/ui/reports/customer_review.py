"""A customer's periodic business review (定期业务总结) as a printable document.

``customer_review_html`` words a services.summaries.CustomerReview as HTML;
``customer_review_document`` lays it out in pages (crmdesk.ui.printing),
which ``printing.print_document`` prints and ``printing.save_pdf`` saves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout, QTextDocument

from crmdesk.domain.statements import period_label
from crmdesk.services.summaries import CustomerReview
from crmdesk.ui import texts
from crmdesk.ui.printing import new_document, safe_file_name, save_pdf
from crmdesk.ui.reports.report_html import (
    MUTED,
    WARN,
    Cell,
    Column,
    change,
    count,
    day,
    document,
    figures,
    header,
    heading,
    money,
    note,
    percent,
    period_text,
    table,
)

CONTEXT = "CustomerReview"


def review_title() -> str:
    return QCoreApplication.translate("CustomerReview", "Customer business review")


def _header(review: CustomerReview, file_name: str | None) -> str:
    translate = QCoreApplication.translate
    customer = f"{review.name} ({review.code})" if review.code else review.name
    return header(review_title(), [
        (translate("CustomerReview", "Customer:"), customer,
         translate("CustomerReview", "Kind:"), texts.enum_text(review.kind)),
        (translate("CustomerReview", "Owner:"), review.owner or "—",
         translate("CustomerReview", "Period:"), period_text(review.first, review.last)),
        (translate("CustomerReview", "File:"), file_name or "—",
         translate("CustomerReview", "As of:"), review.today.isoformat()),
    ])


def _purchases(review: CustomerReview) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("purchases", translate("CustomerReview", "Purchases"))]
    parts.append(table(
        [Column("", "34%"), Column(translate("CustomerReview", "This period"), "22%", True),
         Column(translate("CustomerReview", "A year earlier"), "22%", True),
         Column(translate("CustomerReview", "Change"), "22%", True)],
        [[translate("CustomerReview", "Orders"), count(review.orders), count(review.previous_orders),
          change(review.orders, review.previous_orders)],
         [translate("CustomerReview", "Amount"), money(review.amount), money(review.previous_amount),
          change(review.amount, review.previous_amount)]],
    ))
    parts.append(note(translate("CustomerReview", "A year earlier: {period}.").format(
        period=period_text(review.previous_first, review.previous_last))))
    if not review.products:
        parts.append(note(translate("CustomerReview", "No orders in this period.")))
        return parts
    parts.append(heading("products", translate("CustomerReview", "Purchases by product")))
    rows = [[texts.one_line(p.product, 60), count(p.orders), count(p.quantity), money(p.amount),
             percent(p.amount, review.amount)] for p in review.products]
    parts.append(table(
        [Column(translate("CustomerReview", "Product or service"), "40%"),
         Column(translate("CustomerReview", "Orders"), "12%", True),
         Column(translate("CustomerReview", "Quantity"), "14%", True),
         Column(translate("CustomerReview", "Amount"), "20%", True),
         Column(translate("CustomerReview", "Share"), "14%", True)],
        rows,
        [[translate("CustomerReview", "Total"), count(review.orders),
          count(sum(p.quantity for p in review.products)), money(review.amount), percent(1, 1)]],
    ))
    return parts


def _money_owed(review: CustomerReview) -> list[str]:
    translate = QCoreApplication.translate
    ledger = review.ledger
    parts = [heading("payments", translate("CustomerReview", "Payments and receivable"))]
    owed = money(ledger.receivable) if ledger.receivable >= 0 else translate(
        "CustomerReview", "{amount} paid in advance").format(amount=money(ledger.prepaid))
    parts.append(figures([
        (translate("CustomerReview", "Payments in the period"), count(review.payments)),
        (translate("CustomerReview", "Received in the period"), money(review.paid)),
        (translate("CustomerReview", "Receivable as of {day}").format(day=review.today.isoformat()), owed),
        (translate("CustomerReview", "Oldest unpaid order"), day(ledger.aging.oldest_unpaid)),
    ]))
    if ledger.aging.total:
        aging = ledger.aging
        parts.append(note(translate("CustomerReview", "What is owed, by the age of the orders:"), muted=False))
        parts.append(table(
            [*(Column(label, "20%", True) for label in texts.aging_labels()),
             Column(translate("CustomerReview", "Total"), "20%", True)],
            [[money(aging.days_0_30), money(aging.days_31_60), money(aging.days_61_90),
              Cell(money(aging.days_over_90), color=WARN if aging.days_over_90 else None),
              Cell(money(aging.total), bold=True)]],
        ))
    return parts


def _contacts(review: CustomerReview) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("contacts", translate("CustomerReview", "Contacts"))]
    if not review.contacts:
        parts.append(note(translate("CustomerReview", "No contacts in this period.")))
        return parts
    text = translate("CustomerReview", "{count} contacts in the period; the latest:").format(
        count=count(review.contacts))
    parts.append(note(text, muted=False))
    parts.append(table(
        [Column(translate("CustomerReview", "Date"), "17%"), Column(translate("CustomerReview", "Method"), "15%"),
         Column(translate("CustomerReview", "With"), "13%"), Column(translate("CustomerReview", "Summary"), "55%")],
        [[f"{c.contact_date.isoformat()} {c.contact_time or ''}".strip(), texts.enum_text(c.method), c.person,
          texts.one_line(c.summary, 120)] for c in review.recent_contacts],
    ))
    return parts


def _complaints(review: CustomerReview) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("complaints", translate("CustomerReview", "Complaints"))]
    if not review.complaints:
        parts.append(note(translate("CustomerReview", "No complaints received or open in this period.")))
        return parts
    rows = []
    for c in review.complaints:
        state = texts.enum_text(c.state)
        if c.resolved_date is not None:
            state = f"{state} {c.resolved_date.isoformat()}"
        rows.append([c.received_date.isoformat(), texts.enum_text(c.category), texts.one_line(c.description, 80),
                     Cell(state, color=WARN if c.resolved_date is None else None),
                     f"{c.satisfaction} / 5" if c.satisfaction is not None else "—"])
    parts.append(table(
        [Column(translate("CustomerReview", "Received"), "14%"),
         Column(translate("CustomerReview", "Category"), "14%"),
         Column(translate("CustomerReview", "Complaint"), "40%"),
         Column(translate("CustomerReview", "State"), "19%"),
         Column(translate("CustomerReview", "Satisfaction"), "13%", True)],
        rows,
    ))
    return parts


def _standing(review: CustomerReview) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("standing", translate("CustomerReview", "Tier, RFM and churn"))]
    tier = texts.enum_text(review.tier) if review.tier is not None else translate(
        "CustomerReview", "Not computed yet")
    changes = "; ".join(
        f"{t.since.isoformat()} {t.previous.value if t.previous else '—'} → {t.tier.value}"
        for t in review.tier_changes
    ) or translate("CustomerReview", "None")
    pairs = [(translate("CustomerReview", "Current tier"), tier),
             (translate("CustomerReview", "Tier changes in the period"), changes)]
    scores = review.scores
    if scores is not None and scores.r is not None:
        pairs.append((translate("CustomerReview", "RFM (recency · frequency · money)"),
                      f"{scores.r} · {scores.f} · {scores.m}"))
        pairs.append((translate("CustomerReview", "Segment"),
                      texts.enum_text(scores.segment) if scores.segment is not None else "—"))
    else:
        pairs.append((translate("CustomerReview", "RFM (recency · frequency · money)"),
                      translate("CustomerReview", "No purchases to score")))
    if scores is not None and scores.p_alive is not None:
        pairs.append((translate("CustomerReview", "Likely still buying"), f"{100 * scores.p_alive:.0f}%"))
        weeks = f"{scores.horizon_weeks:g}" if scores.horizon_weeks is not None else "?"
        pairs.append((translate("CustomerReview", "Expected value, next {weeks} weeks").format(weeks=weeks),
                      money(scores.expected_value or 0)))
    parts.append(figures(pairs, columns=1))
    return parts


def _next_steps(review: CustomerReview) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("next", translate("CustomerReview", "Next steps"))]
    latest = review.latest_contact
    if latest is not None and review.next_step:
        parts.append(note(translate("CustomerReview", "Agreed at the latest contact ({day}): {step}").format(
            day=latest.contact_date.isoformat(), step=texts.one_line(review.next_step, 300)), muted=False))
    if review.planned:
        rows = []
        for f in review.planned:
            overdue = f.due_date < review.today
            when = f"{f.due_date.isoformat()} {f.due_time or ''}".strip()
            rows.append([Cell(when, color=WARN if overdue else None), texts.enum_text(f.method),
                         texts.one_line(f.purpose, 100), f.owner or ""])
        parts.append(table(
            [Column(translate("CustomerReview", "Planned for"), "19%"),
             Column(translate("CustomerReview", "Method"), "15%"),
             Column(translate("CustomerReview", "Follow-up"), "50%"),
             Column(translate("CustomerReview", "Owner"), "16%")],
            rows,
        ))
        more = review.planned_count - len(review.planned)
        if more > 0:
            parts.append(note(translate("CustomerReview", "And {count} more planned.").format(count=count(more))))
    if review.open_actions:
        parts.append(note(translate("CustomerReview", "Promised on open complaints:"), muted=False))
        rows = []
        for action in review.open_actions:
            due = action.step.due_date
            late = due is not None and due < review.today
            rows.append([Cell(day(due), color=WARN if late else None), texts.one_line(action.step.promise, 100),
                         f"{action.complaint.received_date.isoformat()} {texts.enum_text(action.complaint.category)}"])
        parts.append(table(
            [Column(translate("CustomerReview", "Due"), "19%"),
             Column(translate("CustomerReview", "Promise"), "51%"),
             Column(translate("CustomerReview", "Complaint"), "30%")],
            rows,
        ))
    if not (review.planned or review.open_actions or (latest is not None and review.next_step)):
        parts.append(note(translate("CustomerReview", "Nothing planned.")))
    return parts


def customer_review_html(review: CustomerReview, *, file_name: str | None = None) -> str:
    """The review as the HTML subset QTextDocument reads; ``file_name`` is the customer file's, for the header."""
    body = [_header(review, file_name)]
    for section in (_purchases, _money_owed, _contacts, _complaints, _standing, _next_steps):
        body += section(review)
    body.append(f"<p style='margin-top:14px; color:{MUTED}; font-size:8pt'>{_generated(review)}</p>")
    return document(body)


def _generated(review: CustomerReview) -> str:
    return QCoreApplication.translate(
        "CustomerReview", "Tier, RFM and churn as of the last time the file was opened; money in RMB yuan.")


def customer_review_document(review: CustomerReview, *, file_name: str | None = None,
                             page_layout: QPageLayout | None = None) -> QTextDocument:
    """The review laid out in pages of ``page_layout`` (A4 by default), ready to print or save."""
    return new_document(customer_review_html(review, file_name=file_name), title=review_title(),
                        page_layout=page_layout)


def customer_review_footer(review: CustomerReview) -> str:
    """The text at the foot of each page: what it is, whose, which period."""
    return f"{review_title()} · {review.name} {review.code} · {review.first.isoformat()} – {review.last.isoformat()}"


def customer_review_file_name(review: CustomerReview) -> str:
    """A PDF's name: Customer review_KH000001_2026-Q3.pdf (in the language of the moment)."""
    parts = [QCoreApplication.translate("CustomerReview", "Customer review"), review.code or review.name,
             period_label(review.first, review.last)]
    return safe_file_name("_".join(p for p in parts if p) + ".pdf")


def save_customer_review_pdf(review: CustomerReview, path: str | Path, *, file_name: str | None = None) -> Path:
    """Write the review as a PDF (a Q(Gui)Application must exist); returns the path."""
    path = Path(path)
    save_pdf(customer_review_document(review, file_name=file_name), path, footer_left=customer_review_footer(review))
    return path
