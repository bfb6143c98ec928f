"""The one CSV export helper: formulas neutralized, an optional byte-order mark, rows streamed."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from medsocial.core.csv_export import csv_lines, csv_response, spreadsheet_cell


def read(lines) -> list[list[str]]:
    return list(csv.reader(io.StringIO("".join(lines))))


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("x")'])
def test_text_that_would_start_a_formula_gets_an_apostrophe(text):
    assert spreadsheet_cell(text) == "'" + text
    assert read(csv_lines(["a"], [[text]]))[1] == ["'" + text]


def test_numbers_dates_and_ordinary_text_are_written_as_they_are():
    cells = [-5, Decimal("-2.50"), 1.5, True, None, datetime.date(2025, 1, 2), "Saint-Joseph", "a=b"]
    assert read(csv_lines(list("abcdefgh"), [cells]))[1] == [
        "-5",
        "-2.50",
        "1.5",
        "true",
        "",
        "2025-01-02",
        "Saint-Joseph",
        "a=b",
    ]


def test_header_cells_are_escaped_too_and_mapping_rows_follow_the_header():
    rows = read(csv_lines(["name", "=question"], [{"=question": "-x", "name": "Ana"}]))
    assert rows == [["name", "'=question"], ["Ana", "'-x"]]


def test_byte_order_mark_only_when_asked_and_only_once():
    plain = "".join(csv_lines(["a"], [["é"], ["ü"]]))
    marked = "".join(csv_lines(["a"], [["é"], ["ü"]], bom=True))
    assert not plain.startswith("\ufeff")
    assert marked == "\ufeff" + plain and marked.count("\ufeff") == 1


def test_the_response_is_utf8_and_takes_the_mark_from_the_query_string():
    request = RequestFactory().get("/x.csv", {"bom": "1"})
    response = csv_response(request, filename="x.csv", header=["name"], rows=[["Zoë"]])
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf") and "Zoë".encode() in body
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    plain = csv_response(RequestFactory().get("/x.csv"), filename="x.csv", header=["name"], rows=[])
    assert b"".join(plain.streaming_content) == b"name\r\n"


def test_rows_are_read_only_as_the_download_is_sent():
    pulled = []

    def rows():
        for number in range(100_000):
            pulled.append(number)
            yield [number]

    response = csv_response(RequestFactory().get("/x.csv"), filename="x.csv", header=["n"], rows=rows())
    assert isinstance(response, StreamingHttpResponse)
    assert pulled == []
    chunks = iter(response.streaming_content)
    assert next(chunks) == b"n\r\n"
    assert next(chunks) == b"0\r\n"
    assert len(pulled) == 1


def test_no_app_writes_csv_by_hand():
    """Every download goes through csv_export, so none can forget the formula escaping."""
    from pathlib import Path

    import medsocial

    root = Path(medsocial.__file__).parent
    writers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "csv_export.py"
        and any(call in path.read_text() for call in ("csv.writer(", "csv.DictWriter("))
    ]
    assert writers == []
