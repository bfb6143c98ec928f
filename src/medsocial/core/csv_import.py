"""Reading a CSV file that people made: the one reader every import uses, so each tells the
truth about the file.

- The encoding is found, not assumed: a byte-order mark (UTF-8, UTF-16, UTF-32) first, then
  UTF-8, then charset-normalizer's detection. A one-byte guess is read as
  Windows-1252 (what spreadsheets on Windows write), line by line, so a file pasted together
  from UTF-8 and Windows-1252 parts reads correctly in both.
- A quote that is never closed would swallow the rest of the file into one field; instead
  the whole file is refused, naming the line where the quote opened and how many rows were
  read before it.
- A row with a NUL character or a field longer than the limit is refused on its own (its
  line and why), and the other rows are still read.
- Missing columns are named ("missing columns X, Y")."""

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from medsocial.core.errors import DomainError

MAX_FIELD_CHARS = 2000
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class CsvFileError(DomainError):
    """The file as a whole cannot be read (encoding, an unclosed quote, missing columns);
    nothing from it is imported."""


@dataclass(frozen=True)
class CsvRow:
    """One row: the line it starts on, its values by column name, and why it must be refused
    ("" when it can be used)."""

    line: int
    values: dict[str, str]
    problem: str = ""


def decode_csv(data: bytes) -> str:
    """The text of a CSV file in whatever encoding it came in (see the module docstring)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise CsvFileError(
                    f"The file starts as {encoding.upper()} but byte {exc.start + len(bom)} is not {encoding.upper()}."
                ) from None
    # UTF-16 without a mark is valid UTF-8 full of NUL bytes: look before trusting UTF-8.
    looks_wide = data[:4000].count(0) > len(data[:4000]) // 4
    if not looks_wide:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    encoding = codecs.lookup(best.encoding).name.replace("-", "_") if best else "cp1252"
    if encoding.startswith(("utf_16", "utf_32")):
        return str(best)
    if best is None or (_is_one_byte(encoding) and _is_cp1252(data)):
        # Short files give the detector little to go on (a Windows-1252 "é" has been guessed as
        # DOS Baltic); a spreadsheet here is far likelier Windows-1252 than another one-byte code.
        encoding = "cp1252"
    return "".join(_decode_line(line, encoding) for line in data.splitlines(keepends=True))


def _is_one_byte(encoding: str) -> bool:
    return len(bytes(range(256)).decode(encoding, errors="replace")) == 256


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _decode_line(line: bytes, encoding: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode(encoding, errors="replace")


class CsvFile:
    """A CSV file read whole and decoded; `header` holds its column names (stripped), `rows()`
    yields CsvRow objects. `source` is a path, bytes or an open file (binary or text)."""

    def __init__(
        self, source, *, max_field_chars: int = MAX_FIELD_CHARS, line_breaks_in_fields: bool = False
    ):
        self.max_field_chars = max_field_chars
        self.line_breaks_in_fields = line_breaks_in_fields
        self.text = _read_text(source)
        self._reader = csv.reader(io.StringIO(self.text, newline=""))
        try:
            header = next(self._reader)
        except StopIteration:
            raise CsvFileError("The file is empty.") from None
        except csv.Error as exc:
            raise CsvFileError(f"Line 1 (the column names) cannot be read: {exc}.") from None
        self.header = [name.strip().lstrip("\ufeff") for name in header]

    def missing(self, columns: Iterable[str]) -> list[str]:
        """Which of `columns` the header lacks, in the order given."""
        present = set(self.header)
        return [column for column in columns if column not in present]

    def require(self, columns: Iterable[str], *, what: str = "") -> None:
        """CsvFileError naming every missing column."""
        missing = self.missing(columns)
        if missing:
            suffix = f" for {what}" if what else ""
            raise CsvFileError(f"The file is missing columns {', '.join(missing)}{suffix}.")

    def rows(self) -> Iterator[CsvRow]:
        """Each data row in order. Raises CsvFileError at a quote that is never closed (a
        quoted field running over line breaks, when those are not allowed)."""
        reader = self._reader
        previous_end = reader.line_num
        read = 0
        while True:
            start = previous_end + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                previous_end = reader.line_num
                message = str(exc)
                if "field larger than field limit" in message:
                    message = f"a field is longer than {self.max_field_chars} characters"
                yield CsvRow(line=start, values={}, problem=message)
                continue
            previous_end = reader.line_num
            if not values:
                continue  # a blank line
            if not self.line_breaks_in_fields and any("\n" in v or "\r" in v for v in values):
                where = (
                    "the end of the file"
                    if reader.line_num >= _line_count(self.text)
                    else f"line {reader.line_num}"
                )
                raise CsvFileError(
                    f"Line {start}: a quote opened on this line is not closed before {where}; "
                    f"{read} rows were read before it and nothing was imported. Close the quote and import again."
                )
            read += 1
            yield CsvRow(line=start, values=self._named(values), problem=self._problem(values))

    def _named(self, values: list[str]) -> dict[str, str]:
        return {name: value for name, value in zip(self.header, values, strict=False) if name}

    def _problem(self, values: list[str]) -> str:
        for index, value in enumerate(values):
            column = self.header[index] if index < len(self.header) else f"column {index + 1}"
            if "\x00" in value:
                return f"{column} holds a NUL character"
            if len(value) > self.max_field_chars:
                return f"{column} is longer than {self.max_field_chars} characters"
        return ""


def _line_count(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def _read_text(source) -> str:
    if isinstance(source, (str, Path)):
        return decode_csv(Path(source).read_bytes())
    if isinstance(source, bytes):
        return decode_csv(source)
    data = source.read()
    return decode_csv(data) if isinstance(data, bytes) else data
