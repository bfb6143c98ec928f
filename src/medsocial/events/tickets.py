"""The ticket: a QR code (SVG for the page, PNG inside the PDF) encoding the check-in payload."""

import io

import segno
from django.utils import timezone
from reportlab.lib.pagesizes import A6, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def qr_svg(registration) -> str:
    """Inline SVG markup (no scripts, no style attribute) for the ticket page."""
    qr = segno.make(registration.qr_payload, error="m")
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        scale=5,
        border=2,
        xmldecl=False,
        svgns=True,
        title="Ticket QR code",
        svgclass="ticket-qr",
        lineclass=None,
        omitsize=False,
    )
    return out.getvalue().decode()


def ticket_pdf(registration) -> bytes:
    event = registration.event
    png = io.BytesIO()
    segno.make(registration.qr_payload, error="m").save(png, kind="png", scale=8, border=2)
    png.seek(0)
    buffer = io.BytesIO()
    width, height = landscape(A6)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"Ticket — {event.title}")
    pdf.drawImage(ImageReader(png), width - 62 * mm, height - 66 * mm, 56 * mm, 56 * mm)
    starts = timezone.localtime(event.starts_at, event.tz)
    lines = [
        ("Helvetica-Bold", 13, event.title[:40]),
        ("Helvetica", 10, f"{starts:%A, %B %d, %Y}"),
        ("Helvetica", 10, f"{starts:%I:%M %p} {starts.tzname()}"),
        ("Helvetica", 10, (event.venue_name or "Online")[:40]),
        ("Helvetica-Bold", 11, registration.user.display_name[:40]),
        ("Helvetica", 10, registration.ticket_type.name[:40]),
        ("Courier-Bold", 12, registration.ticket_code),
    ]
    y = height - 16 * mm
    for font, size, text in lines:
        pdf.setFont(font, size)
        pdf.drawString(8 * mm, y, text)
        y -= size * 0.5 * mm + 4 * mm
    pdf.setFont("Helvetica", 7)
    pdf.drawString(8 * mm, 6 * mm, "Show this code at the entrance. A ticket is valid for one check-in.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
