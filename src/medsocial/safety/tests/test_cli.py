"""`medsocial check-post FILE|-` exits 1 on block-level findings, 0 otherwise, 2 on bad input."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        call_command("check-post", *args, stdout=out)
    except SystemExit as exc:
        return exc.code, out.getvalue()
    return 0, out.getvalue()


def test_block_level_finding_exits_1_and_prints_the_finding(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Great day.\nMrs. Alvarez in bed 3 went home!")
    code, output = run(str(draft))
    assert code == 1
    assert "2:1: BLOCK name “Mrs. Alvarez”" in output
    assert "[patient] in [room]" in output


def test_clean_post_exits_0(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Flu shots this Saturday in the main lobby!")
    assert run(str(draft)) == (0, "No findings.\n")


def test_reads_standard_input_and_prints_json(monkeypatch):
    code, output = run("-", "--json", stdin=b"MRN 48213377", monkeypatch=monkeypatch)
    assert code == 1
    assert json.loads(output)["findings"][0]["category"] == "mrn"


def test_binary_input_exits_2(tmp_path):
    data = tmp_path / "photo.jpg"
    data.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    with pytest.raises(CommandError) as info:
        run(str(data))
    assert info.value.returncode == 2


def test_missing_file_exits_2(tmp_path):
    with pytest.raises(CommandError) as info:
        run(str(tmp_path / "nope.txt"))
    assert info.value.returncode == 2 and "Cannot read" in str(info.value)
