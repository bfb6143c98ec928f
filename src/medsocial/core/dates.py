"""The span of dates the hub accepts from people.

Far enough for any real course, event, coaching session, plan or census count, and safely inside
what Python and PostgreSQL can handle: a time in year 9999 or year 1 overflows once converted to
UTC, and a date there overflows as soon as a month or a reminder period is added to it. Every
service that stores a date someone typed refuses one outside the span, with the same message.
"""

import datetime

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
DATE_RANGE_MESSAGE = f"Enter a date between {EARLIEST_YEAR} and {LATEST_YEAR}."


def outside_supported_years(value: datetime.date | None) -> bool:
    """True for a date or time whose year lies outside EARLIEST_YEAR–LATEST_YEAR (None is fine).
    A time's year is read as given, before any time zone conversion, which could overflow."""
    return value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR
