"""CSV downloads: the one way every app streams a table to a spreadsheet.

A cell whose text starts with = + - @, a tab or a carriage return is run as a formula by
Excel, LibreOffice and Google Sheets (CSV injection), so such text gets a leading apostrophe.
Numbers stay numbers (a negative count is not a formula). Rows are written as they are
read, so an export of a hundred thousand rows never sits in memory. `?bom=1` on any export
adds a UTF-8 byte-order mark, which older Excel needs to read accents correctly."""

import csv
import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def spreadsheet_cell(value) -> str | int | float | Decimal:
    """The value of one cell as a spreadsheet should read it: None as empty, booleans as
    true/false, dates in ISO 8601, and text that would start a formula escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _LineBuffer:
    """A file-like object that hands back what csv.writer writes, one row at a time."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    header: Sequence[str], rows: Iterable[Sequence | Mapping], *, bom: bool = False
) -> Iterator[str]:
    """The CSV text of `header` and `rows`, one line per item, read lazily from `rows`. A row
    may be a sequence in header order or a mapping keyed by the header's names."""
    writer = csv.writer(_LineBuffer())
    header = list(header)
    first = writer.writerow([spreadsheet_cell(name) for name in header])
    yield (BOM + first) if bom else first
    for row in rows:
        values = [row.get(name) for name in header] if isinstance(row, Mapping) else row
        yield writer.writerow([spreadsheet_cell(value) for value in values])


def wants_bom(request) -> bool:
    """Whether the download was asked for with a byte-order mark (`?bom=1`)."""
    return request.GET.get("bom", "").lower() in ("1", "true", "yes")


def csv_response(
    request, *, filename: str, header: Sequence[str], rows: Iterable[Sequence | Mapping], notice: str = ""
) -> StreamingHttpResponse:
    """A streaming CSV download of `rows` under `header`, saved as `filename`. `notice`, when
    given, is also sent as an `X-Data-Notice` header (for data that must not pass as measured)."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, bom=wants_bom(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if notice:
        response["X-Data-Notice"] = notice
    return response
