"""The one upload check: extension allowed, size within the limit, bytes of the claimed type."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medsocial.core.errors import DomainError
from medsocial.core.uploads import KINDS, check_upload
from medsocial.publishing.audio import silent_mp3

HTML = b"<html><script>alert(1)</script></html>"
REAL = {
    "pdf": b"%PDF-1.7\n",
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 8,
    "mp3": silent_mp3(1),
    "m4a": b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00",
    "wav": b"RIFF\x24\x00\x00\x00WAVEfmt ",
    "docx": b"PK\x03\x04rest",
    "txt": b"Plain notes, no markup.",
}


def _file(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("extension", sorted(REAL))
def test_a_real_file_of_each_kind_passes(extension):
    kind = check_upload(
        _file(f"a.{extension}", REAL[extension]), extensions=KINDS, max_bytes=10**6, field="f"
    )
    assert kind.extension == extension


@pytest.mark.parametrize("extension", ["pdf", "mp3", "m4a", "wav", "docx", "png", "txt", "csv"])
def test_html_renamed_to_any_kind_is_refused(extension):
    with pytest.raises(DomainError, match=f"not a real .{extension} file"):
        check_upload(_file(f"page.{extension}", HTML), extensions=KINDS, max_bytes=10**6, field="f")


def test_type_size_and_emptiness_are_refused_with_the_field_named():
    with pytest.raises(DomainError, match="Allowed file types: PDF") as refused:
        check_upload(_file("run.exe", b"MZ"), extensions=["pdf"], max_bytes=10, field="file")
    assert refused.value.field == "file"
    with pytest.raises(DomainError, match=r"too large \(2 KB\); the limit is 1 KB"):
        check_upload(_file("a.pdf", b"%PDF-" + b"x" * 2000), extensions=["pdf"], max_bytes=1024, field="file")
    with pytest.raises(DomainError, match="empty"):
        check_upload(_file("a.pdf", b""), extensions=["pdf"], max_bytes=1024, field="file")
