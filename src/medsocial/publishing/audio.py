"""Reading podcast audio files, and writing short silent MP3s for demos and tests."""

from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from mutagen import File as MutagenFile

from medsocial.core.errors import DomainError

MIME_BY_EXTENSION = {"mp3": "audio/mpeg", "m4a": "audio/mp4"}


class AudioError(DomainError):
    """The uploaded file is not audio a podcast app can play."""


@dataclass(frozen=True)
class AudioInfo:
    mime: str
    size: int
    duration_seconds: int


def read_audio(uploaded) -> AudioInfo:
    """Duration, size and MIME type of an uploaded MP3 or M4A no larger than the configured limit
    (raises AudioError otherwise)."""
    name = (getattr(uploaded, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in MIME_BY_EXTENSION:
        raise AudioError("Upload an MP3 or M4A file.", field="audio")
    limit = settings.PUBLISHING_MAX_AUDIO_BYTES
    if uploaded.size > limit:
        raise AudioError(
            f"The audio file is larger than {filesizeformat(limit)}; upload a smaller one.", field="audio"
        )
    uploaded.seek(0)
    try:
        parsed = MutagenFile(uploaded)
    except Exception:  # mutagen raises many kinds of errors on damaged files
        parsed = None
    finally:
        uploaded.seek(0)
    if parsed is None or not getattr(parsed, "info", None) or not parsed.info.length:
        raise AudioError("That file could not be read as audio.", field="audio")
    kind = type(parsed).__name__
    if (extension == "mp3") != (kind == "MP3"):
        raise AudioError(f"The file's contents do not match its .{extension} extension.", field="audio")
    return AudioInfo(
        mime=MIME_BY_EXTENSION[extension], size=uploaded.size, duration_seconds=round(parsed.info.length)
    )


def silent_mp3(seconds: float) -> bytes:
    """A valid MPEG-1 Layer III stream of silence: 32 kbit/s, 44.1 kHz, mono.

    Each frame is a 4-byte header followed by zeroed side information and data, which
    decoders play as silence; 1152 samples per frame."""
    header = bytes([0xFF, 0xFB, 0x10, 0xC4])  # MPEG-1, layer III, no CRC; 32 kbit/s, 44.1 kHz; mono
    frame_length = 144 * 32000 // 44100  # 104 bytes, no padding
    frame = header + bytes(frame_length - len(header))
    frames = max(1, round(seconds * 44100 / 1152))
    return frame * frames
