"""Turning an analysis into what the check page shows: highlighted segments and a summary."""

from dataclasses import dataclass

from medsocial.safety.engine import Analysis, Finding

LABELS = {
    "name": "Name",
    "date": "Date",
    "age": "Age over 89",
    "phone": "Phone",
    "fax": "Fax",
    "email": "Email",
    "ssn": "Social Security number",
    "mrn": "Medical record number",
    "health_plan_id": "Health plan ID",
    "account_number": "Account number",
    "license_number": "License number",
    "vehicle_id": "Vehicle",
    "device_id": "Device serial",
    "url": "Link to a person",
    "ip_address": "IP address",
    "geographic": "Place",
    "room_bed": "Room or bed",
    "unique_characteristic": "Unique detail",
    "policy": "Policy",
}


@dataclass(frozen=True)
class Segment:
    text: str
    finding: Finding | None = None
    number: int = 0

    @property
    def label(self) -> str:
        if self.finding is None:
            return ""
        return self.finding.rule or LABELS.get(self.finding.category, self.finding.category)


def segments(analysis: Analysis) -> list[Segment]:
    """The post cut into plain and highlighted pieces; where findings overlap, the first wins."""
    pieces, position = [], 0
    for number, finding in enumerate(analysis.findings, start=1):
        if finding.start < position or finding.end <= finding.start:
            continue
        if finding.start > position:
            pieces.append(Segment(analysis.text[position : finding.start]))
        pieces.append(Segment(analysis.text[finding.start : finding.end], finding, number))
        position = finding.end
    if position < len(analysis.text):
        pieces.append(Segment(analysis.text[position:]))
    return pieces


def labelled_findings(analysis: Analysis) -> list[tuple[int, str, Finding]]:
    return [
        (n, f.rule or LABELS.get(f.category, f.category), f) for n, f in enumerate(analysis.findings, start=1)
    ]
