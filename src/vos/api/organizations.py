"""Organizations named on the public program."""

from ninja import Router, Schema
from ninja.pagination import paginate

from vos.activity import queries as activity_queries
from vos.api.errors import Error
from vos.api.pagination import Pages
from vos.organization.models import Organization

router = Router()


class OrganizationOut(Schema):
    id: int
    name: str
    country: str
    website: str


@router.get(
    "/organizations",
    response={200: list[OrganizationOut], 401: Error, 429: Error},
    tags=["organizations"],
)
@paginate(Pages)
def list_organizations(request):
    """Organizations named on at least one public activity."""
    return (
        Organization.objects.filter(
            co_organizations__status=activity_queries.ACCEPTED,
            co_organizations__activity__in=activity_queries.activities_public(),
        )
        .distinct()
        .order_by("name", "pk")
    )
