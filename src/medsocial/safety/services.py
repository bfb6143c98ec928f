"""The post safety coach as the rest of the hub calls it: checks, rules, allow-lists, images."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from medsocial.accounts.models import Organization
from medsocial.core.errors import DomainError, NotAllowed
from medsocial.safety import engine, selectors
from medsocial.safety.engine.advice import advice_request
from medsocial.safety.models import AllowedIdentifier, PolicyRule


class SafetyError(DomainError):
    """A check or a settings change was refused; `str(exc)` is safe to show to the person."""


def check_mode() -> str:
    """The mode the check page, the API and `check-post` run in: "full" when the named-entity
    extra is installed, else "fast" (rules only)."""
    return engine.active_mode(engine.FULL)


def check_post(*, text, organization: Organization | None = None, mode: str = engine.FULL) -> engine.Analysis:
    """Check a draft against the site-wide rules, the organization's rules and its allow-list
    (full mode by default: rules and the named-entity model when installed)."""
    rules = [rule.as_engine_rule() for rule in selectors.rules_for(organization)]
    try:
        return engine.analyze(text, allowed=selectors.allow_list_for(organization), rules=rules, mode=mode)
    except engine.EngineError as exc:
        raise SafetyError(exc.message, field="text") from None


_CATEGORY_WORDS = {
    "name": "a person's name next to care details",
    "date": "a date of someone's care or birth",
    "age": "an age over 89",
    "room_bed": "a room or bed number",
    "geographic": "where someone lives",
    "unique_characteristic": "a detail unique to one patient",
}


def comment_concerns(text: str) -> list[str]:
    """Reasons, in plain language, why a public comment should be held for a moderator
    (it seems to reveal someone's health information, or asks for individual medical advice).
    An empty list means nothing was found."""
    reasons: list[str] = []
    try:
        analysis = engine.analyze(text, mode=engine.FAST)  # bulk screening: rules only
    except engine.EngineError as exc:
        return [f"The comment could not be checked automatically: {exc.message}"]
    revealing = sorted(
        {
            f.category
            for f in analysis.phi_findings
            if f.severity == engine.BLOCK or f.category in _CATEGORY_WORDS
        }
    )
    if revealing:
        details = ", ".join(_CATEGORY_WORDS.get(c, c.replace("_", " ")) for c in revealing)
        reasons.append(f"It seems to reveal someone's health information ({details}).")
    request = advice_request(analysis.text)
    if request is not None:
        reasons.append(
            f"It asks for individual medical advice (“{request.phrase}”), which should be answered "
            "privately by the person's own clinician."
        )
    return reasons


# --- rules and allow-lists ------------------------------------------------------------------


def _authorize(actor, organization: Organization | None) -> None:
    if organization is None:
        if not selectors.can_manage_site_rules(actor):
            raise NotAllowed("Only site administrators change the site-wide rules.")
    elif not selectors.manageable_organizations(actor).filter(pk=organization.pk).exists():
        raise NotAllowed("Only the organization's administrators change its safety settings.")


@transaction.atomic
def save_rule(
    *, actor, organization: Organization | None, rule: PolicyRule | None = None, **values
) -> PolicyRule:
    """Create or update a policy rule; the pattern and phrases are validated before saving."""
    _authorize(actor, organization)
    if rule is not None and rule.organization_id != (organization.pk if organization else None):
        raise NotAllowed("That rule belongs to another organization.")
    rule = rule or PolicyRule(organization=organization)
    for name, value in values.items():
        setattr(rule, name, value)
    try:
        rule.full_clean(validate_constraints=False)
    except ValidationError as exc:
        field_name, messages = next(iter(exc.message_dict.items()))
        raise SafetyError(messages[0], field=None if field_name == "__all__" else field_name) from None
    if PolicyRule.objects.filter(organization=organization, name=rule.name).exclude(pk=rule.pk).exists():
        raise SafetyError("A rule with this name already exists.", field="name")
    rule.save()
    return rule


@transaction.atomic
def delete_rule(*, actor, rule: PolicyRule) -> None:
    """Remove a rule (the actor must manage its organization, or the site for default rules)."""
    _authorize(actor, rule.organization)
    rule.delete()


@transaction.atomic
def add_allowed(
    *, actor, organization: Organization, kind: str, value: str, note: str = ""
) -> AllowedIdentifier:
    """Add one of the organization's published phones, addresses, URLs or emails."""
    _authorize(actor, organization)
    value = value.strip()
    if kind not in AllowedIdentifier.Kind.values:
        raise SafetyError("Choose what kind of detail this is.", field="kind")
    if not value:
        raise SafetyError("Enter the published detail.", field="value")
    if kind == AllowedIdentifier.Kind.PHONE and len(re.sub(r"\D", "", value)) < 7:
        raise SafetyError("A phone number needs at least seven digits.", field="value")
    try:
        with transaction.atomic():
            return AllowedIdentifier.objects.create(
                organization=organization, kind=kind, value=value, note=note
            )
    except IntegrityError:
        raise SafetyError("This detail is already on the list.", field="value") from None


@transaction.atomic
def remove_allowed(*, actor, allowed: AllowedIdentifier) -> None:
    """Remove an entry from the organization's allow-list."""
    _authorize(actor, allowed.organization)
    allowed.delete()


@transaction.atomic
def install_default_rules() -> int:
    """Create the site-wide default rules that do not exist yet; returns how many were added."""
    from medsocial.safety.default_rules import DEFAULT_RULES

    added = 0
    for values in DEFAULT_RULES:
        _rule, created = PolicyRule.objects.get_or_create(
            organization=None, name=values["name"], defaults=values
        )
        added += created
    return added


# --- images ---------------------------------------------------------------------------------

MAX_IMAGE_BYTES = 15 * 1024 * 1024
_DEVICE_TAGS = {
    271: "Camera make",
    272: "Camera model",
    305: "Software",
    306: "Date and time",
    315: "Artist",
    33432: "Copyright",
}
_EXIF_IFD_TAGS = {
    36867: "Date taken",
    42032: "Camera owner",
    42033: "Camera serial number",
    42036: "Lens model",
    42037: "Lens serial number",
}


@dataclass
class ImageReport:
    format: str
    width: int
    height: int
    location: tuple[float, float] | None = None
    details: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_metadata(self) -> bool:
        return self.location is not None or bool(self.details)


def _open_image(upload):
    from PIL import Image, UnidentifiedImageError

    if getattr(upload, "size", 0) > MAX_IMAGE_BYTES:
        raise SafetyError("The image is larger than 15 MB.", field="image")
    try:
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError, ValueError):
        raise SafetyError(
            "This file is not an image the coach can read (JPEG, PNG, WebP, TIFF).", field="image"
        ) from None
    return image


def _degrees(values, ref) -> float:
    d, m, s = (float(v) for v in values)
    value = d + m / 60 + s / 3600
    return -value if str(ref).upper() in {"S", "W"} else value


def inspect_image(upload) -> ImageReport:
    """What an image file tells about where and with what it was taken (EXIF GPS and device)."""
    from PIL import ExifTags

    image = _open_image(upload)
    report = ImageReport(format=image.format or "", width=image.width, height=image.height)
    exif = image.getexif()
    for tag, label in _DEVICE_TAGS.items():
        if exif.get(tag):
            report.details.append((label, str(exif[tag]).strip("\x00 ")))
    for tag, label in _EXIF_IFD_TAGS.items():
        value = exif.get_ifd(ExifTags.IFD.Exif).get(tag)
        if value:
            report.details.append((label, str(value).strip("\x00 ")))
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    try:
        if gps.get(2) and gps.get(4):
            report.location = (
                round(_degrees(gps[2], gps.get(1, "N")), 6),
                round(_degrees(gps[4], gps.get(3, "E")), 6),
            )
    except (TypeError, ValueError, ZeroDivisionError):
        report.details.append(("GPS data", "present but unreadable"))
    if gps and report.location is None and ("GPS data", "present but unreadable") not in report.details:
        report.details.append(("GPS data", "present"))
    return report


def strip_image_metadata(upload) -> tuple[bytes, str, str]:
    """A copy of the image without EXIF, GPS, XMP or text metadata, turned upright.
    Returns (content, content type, suggested file name)."""
    from PIL import ImageOps

    image = _open_image(upload)
    image_format = image.format if image.format in {"JPEG", "PNG", "WEBP"} else "PNG"
    upright = ImageOps.exif_transpose(image)
    clean = upright.copy()
    clean.info = {}
    if image_format == "JPEG" and clean.mode not in {"RGB", "L", "CMYK"}:
        clean = clean.convert("RGB")
    buffer = io.BytesIO()
    options = {"quality": 95} if image_format == "JPEG" else {}
    clean.save(buffer, format=image_format, exif=b"", **options)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
    name = re.sub(r"[^\w.-]", "_", getattr(upload, "name", "") or "image").rsplit(".", 1)[0][:60]
    return buffer.getvalue(), f"image/{image_format.lower()}", f"{name}-clean.{extension}"
