"""Reads of declarations shared by the pages, the API and the open data."""

from django.db.models import Count, Q, QuerySet

from vos.declaration.models import Declaration


def declarations_public(filters: dict | None = None) -> QuerySet[Declaration]:
    """Declarations past drafting (the public ones), with their counted signatures, in
    one query whatever their number."""
    filters = filters or {}
    counted = Q(
        signatures__confirmed_at__isnull=False,
        signatures__withdrawn_at__isnull=True,
        signatures__voided_at__isnull=True,
    )
    declarations = (
        Declaration.objects.exclude(state=Declaration.State.DRAFTING)
        .select_related("edition")
        .annotate(
            organization_count=Count(
                "signatures", filter=counted & Q(signatures__kind="organization"), distinct=True
            ),
            people_count=Count(
                "signatures", filter=counted & Q(signatures__kind="person"), distinct=True
            ),
        )
    )
    if filters.get("state"):
        declarations = declarations.filter(state=filters["state"])
    if filters.get("kind"):
        declarations = declarations.filter(kind=filters["kind"])
    if filters.get("language"):
        declarations = declarations.filter(
            Q(language=filters["language"]) | Q(translations__language=filters["language"])
        ).distinct()
    if filters.get("edition"):
        declarations = declarations.filter(edition__slug=filters["edition"])
    return declarations.order_by("-created_at", "pk")
