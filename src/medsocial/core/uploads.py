"""One check for every uploaded file: its extension is allowed, its size is within the limit,
and its bytes are really that kind of file. An HTML page renamed `.pdf` or `.mp3` is refused
here, wherever it is uploaded, before it is stored and served back to other people."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from medsocial.core.errors import DomainError

HEAD_BYTES = 512


@dataclass(frozen=True)
class FileKind:
    extension: str
    mimetype: str
    matches: Callable[[bytes], bool]


def _starts(*prefixes: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(prefixes)


def _riff(form: bytes) -> Callable[[bytes], bool]:
    return lambda head: head[:4] == b"RIFF" and head[8:12] == form


def _mpeg_audio(head: bytes) -> bool:
    # An ID3 tag, or straight into an MPEG frame (11 sync bits set).
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _iso_media(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")


def looks_like_markup(head: bytes) -> bool:
    """HTML, SVG or XML: what a browser could run as a page if it were served back."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(MARKUP_STARTS)


def _plain_text(head: bytes) -> bool:
    return b"\x00" not in head and not looks_like_markup(head)


ZIP = _starts(b"PK\x03\x04", b"PK\x05\x06")
KINDS = {
    kind.extension: kind
    for kind in [
        FileKind("pdf", "application/pdf", _starts(b"%PDF-")),
        FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
        FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
        FileKind("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
        FileKind("odt", "application/vnd.oasis.opendocument.text", ZIP),
        FileKind("zip", "application/zip", ZIP),
        FileKind("png", "image/png", _starts(b"\x89PNG\r\n\x1a\n")),
        FileKind("jpg", "image/jpeg", _starts(b"\xff\xd8\xff")),
        FileKind("jpeg", "image/jpeg", _starts(b"\xff\xd8\xff")),
        FileKind("gif", "image/gif", _starts(b"GIF87a", b"GIF89a")),
        FileKind("webp", "image/webp", _riff(b"WEBP")),
        FileKind("csv", "text/csv", _plain_text),
        FileKind("txt", "text/plain", _plain_text),
        FileKind("mp3", "audio/mpeg", _mpeg_audio),
        FileKind("m4a", "audio/mp4", _iso_media),
        FileKind("mp4", "video/mp4", _iso_media),
        FileKind("m4v", "video/mp4", _iso_media),
        FileKind("ogg", "audio/ogg", _starts(b"OggS")),
        FileKind("oga", "audio/ogg", _starts(b"OggS")),
        FileKind("wav", "audio/wav", _riff(b"WAVE")),
        FileKind("webm", "video/webm", _starts(b"\x1a\x45\xdf\xa3")),
    ]
}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        megabytes = count / (1024 * 1024)
        return f"{megabytes:.0f} MB" if megabytes == int(megabytes) else f"{megabytes:.1f} MB"
    return f"{-(-count // 1024)} KB"


def check_upload(
    upload,
    *,
    extensions: Iterable[str],
    max_bytes: int,
    field: str,
    error: type[DomainError] = DomainError,
    verb: str = "uploaded",
) -> FileKind:
    """Refuse (with `error`, naming `field`) a file of another type, too large, empty, or whose
    bytes are not what its extension says; return its kind (MIME type) otherwise."""
    allowed = [extension.lower().lstrip(".") for extension in extensions]
    extension = extension_of(getattr(upload, "name", "") or "")
    if extension not in allowed:
        listed = ", ".join(sorted({e.upper() for e in allowed if e != "jpeg"}))
        raise error(f"Files of this type cannot be {verb} here. Allowed file types: {listed}.", field=field)
    size = upload.size or 0
    if size == 0:
        raise error("The file is empty.", field=field)
    if size > max_bytes:
        raise error(f"The file is too large ({_size(size)}); the limit is {_size(max_bytes)}.", field=field)
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = KINDS[extension]
    if not kind.matches(head):
        raise error(f"The file's content is not a real .{extension} file.", field=field)
    return kind
