"""The API's page-number pagination, with bounds the database can always answer."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination as NinjaPageNumberPagination

MAX_PAGE = 100_000
MAX_PAGE_SIZE = 200


class PageNumberPagination(NinjaPageNumberPagination):
    """ninja's page-number pagination; an absurd page number is refused with 422 instead of
    overflowing the database's integer range."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
