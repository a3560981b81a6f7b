"""The versioned JSON API (`/api/v1/`). Its OpenAPI document, generated from this code,
is the contract. Reads are public and need no token; writes need a personal token and go
through the same services and permission rules as the web pages."""

from django.conf import settings
from ninja import NinjaAPI

from vos.api import (
    activities,
    declarations,
    editions,
    forum,
    moderation,
    news,
    organizations,
    people,
    registrations,
)
from vos.api.auth import AddressThrottle, TokenThrottle
from vos.api.docs import SiteDocs
from vos.api.errors import install_error_handlers


class VersionedAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # Named by the version and the function, not the module it lives in, so that
        # clients generated from the document keep their names when the code moves.
        return f"vos_api_v1_{operation.view_func.__name__}"


api = VersionedAPI(
    title="Viral Open Space API",
    version="1",
    description=(
        "Open data of the forum: editions, their program, organizations, declarations, the "
        "Open Forum, the news and public profiles. "
        "Writes need a personal token (created on your profile page), sent as "
        "`Authorization: Bearer <token>`."
    ),
    urls_namespace="api-v1",
    docs=SiteDocs(),
    docs_url="/docs",
    openapi_url="/schema",
    throttle=[AddressThrottle(settings.API_RATE_ANONYMOUS), TokenThrottle(settings.API_RATE_TOKEN)],
)
install_error_handlers(api)
# One module per domain, each on its own router, all under /api/v1/.
for module in (
    editions,
    activities,
    organizations,
    declarations,
    forum,
    people,
    registrations,
    moderation,
    news,
):
    api.add_router("", module.router)
