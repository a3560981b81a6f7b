"""Declarations past drafting, as open data: the text signed, the state, the counts and
the public signatory organizations. Never an email, never a person's name that they
chose not to show."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from vos.api.errors import Error
from vos.api.pagination import Pages
from vos.declaration.models import Declaration, Signature
from vos.declaration.queries import declarations_public
from vos.declaration.services import latest_version
from vos.declaration.signing import signature_counts, signatures_counted

router = Router()


class DeclarationOut(Schema):
    id: int
    title: str
    kind: str
    state: str
    language: str
    addressee: str
    edition: str | None
    organizations: int = Field(..., description="Organizations that signed.")
    people: int = Field(..., description="People who signed (confirmed).")
    delivered_at: dt.date | None
    url: str

    @staticmethod
    def resolve_edition(declaration: Declaration) -> str | None:
        return declaration.edition.slug if declaration.edition else None

    @staticmethod
    def resolve_organizations(declaration: Declaration) -> int:
        return declaration.organization_count

    @staticmethod
    def resolve_people(declaration: Declaration) -> int:
        return declaration.people_count

    @staticmethod
    def resolve_url(declaration: Declaration) -> str:
        return declaration.get_absolute_url()


class SignatoryOut(Schema):
    id: int
    name: str
    country: str
    kind: str


class DeclarationDetailOut(DeclarationOut):
    version: int
    text: str
    signatory_organizations: list[SignatoryOut]
    people_by_country: dict[str, int]


class DeclarationFilters(Schema):
    state: str = Field("", max_length=12)
    kind: str = Field("", max_length=12)
    language: str = Field("", max_length=8)
    edition: str = Field("", max_length=80)


@router.get(
    "/declarations",
    response={200: list[DeclarationOut], 400: Error, 401: Error, 429: Error},
    tags=["declarations"],
)
@paginate(Pages)
def list_declarations(request, filters: Query[DeclarationFilters]):
    return declarations_public(filters.dict())


@router.get(
    "/declarations/{declaration_id}",
    response={200: DeclarationDetailOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["declarations"],
)
def get_declaration(request, declaration_id: int):
    declaration = get_object_or_404(declarations_public(), pk=declaration_id)
    version = declaration.open_version or latest_version(declaration)
    declaration.version, declaration.text = version.number, version.text
    declaration.signatory_organizations = [
        {
            "id": signature.organization_id,
            "name": signature.organization.name,
            "country": signature.organization.country,
            "kind": signature.organization.kind,
        }
        for signature in signatures_counted(declaration)
        .filter(kind=Signature.Kind.ORGANIZATION, is_public=True)
        .select_related("organization")
    ]
    declaration.people_by_country = {
        code or "": count for code, count in signature_counts(declaration)["by_country"]
    }
    return declaration
