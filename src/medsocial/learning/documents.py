"""PDF documents: the certificate (with a QR code to its verification page) and the CE transcript."""

import io

import segno
from django.conf import settings
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from medsocial.awards.openbadges import absolute


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def certificate_pdf(certificate) -> bytes:
    """The certificate as a one-page landscape PDF."""
    buffer = io.BytesIO()
    width, height = landscape(letter)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"Certificate {certificate.code}")
    pdf.setAuthor(settings.SITE_NAME)
    pdf.setStrokeColor(colors.HexColor("#1f6f8b"))
    pdf.setLineWidth(6)
    pdf.rect(0.4 * inch, 0.4 * inch, width - 0.8 * inch, height - 0.8 * inch)
    pdf.setFillColor(colors.HexColor("#1f6f8b"))
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawCentredString(width / 2, height - 1.2 * inch, settings.SITE_NAME.upper())
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica-Bold", 32)
    pdf.drawCentredString(width / 2, height - 2.0 * inch, "Certificate of Completion")
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(width / 2, height - 2.6 * inch, "This certifies that")
    pdf.setFont("Helvetica-Bold", 26)
    pdf.drawCentredString(width / 2, height - 3.2 * inch, certificate.recipient_name)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(width / 2, height - 3.8 * inch, "has completed the course")
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawCentredString(width / 2, height - 4.35 * inch, certificate.course_title)
    pdf.setFont("Helvetica", 13)
    issued = timezone.localtime(certificate.issued_at).strftime("%B %-d, %Y")
    line = f"Completed on {issued}"
    if certificate.ce_hours:
        line += f"  ·  {certificate.ce_hours} CE credit hours"
    pdf.drawCentredString(width / 2, height - 4.9 * inch, line)
    if certificate.expires_at:
        expires = timezone.localtime(certificate.expires_at).strftime("%B %-d, %Y")
        pdf.drawCentredString(width / 2, height - 5.25 * inch, f"Valid until {expires}")
    if certificate.is_revoked:
        pdf.setFillColor(colors.HexColor("#b71c1c"))
        pdf.setFont("Helvetica-Bold", 18)
        pdf.drawCentredString(width / 2, height - 5.7 * inch, "REVOKED")
        pdf.setFillColor(colors.black)
    verify_url = absolute(certificate.get_absolute_url())
    pdf.drawImage(ImageReader(_qr_png(verify_url)), width - 2.4 * inch, 0.7 * inch, 1.5 * inch, 1.5 * inch)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(0.8 * inch, 1.1 * inch, f"Certificate ID: {certificate.code}")
    pdf.drawString(0.8 * inch, 0.85 * inch, f"Verify: {verify_url}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def transcript_pdf(user, credits) -> bytes:
    """The CE transcript: every credit with its source, date and hours, and the total."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=letter, title=f"CE transcript — {user.display_name}", author=settings.SITE_NAME
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph(f"{settings.SITE_NAME} — Continuing education transcript", styles["Title"]),
        Paragraph(f"{user.display_name} · {user.email}", styles["Normal"]),
        Paragraph(f"Printed {timezone.localdate().strftime('%B %-d, %Y')}", styles["Normal"]),
        Spacer(1, 12),
    ]
    rows = [["Date", "Activity", "Source", "Hours"]]
    total = 0
    for credit in credits:
        rows.append(
            [
                credit.earned_on.isoformat(),
                Paragraph(credit.title, styles["Normal"]),
                credit.get_source_display(),
                f"{credit.hours}",
            ]
        )
        total += credit.hours
    rows.append(["", "Total", "", f"{total}"])
    table = Table(rows, colWidths=[1.0 * inch, 3.9 * inch, 0.9 * inch, 0.7 * inch], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buffer.getvalue()
