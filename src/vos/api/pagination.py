"""Bounded pages and dates: no request can ask the database for the absurd."""

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from vos.common.forms import validate_year


class Pages(LimitOffsetPagination):
    """limit and offset, bounded so that no request can ask the database for the absurd."""

    class Input(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT
        )
        offset: int = Field(0, ge=0, le=1_000_000)


def in_range(value):
    """Dates from another millennium would overflow the zone arithmetic: refuse them clearly."""
    validate_year(value)
    return value
