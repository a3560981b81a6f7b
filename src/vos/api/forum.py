"""The Open Forum as open data: spaces, contributions, idea branches, summaries and
outcomes (every language), read without a token; posting and liking with a token,
through the same services and rules as the pages. A hidden contribution keeps its place
with the facilitation team's reason and without its text; an extract is given only when
its author agreed to be quoted."""

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from vos.activity.queries import activities_public
from vos.api.auth import WRITE
from vos.api.errors import Error
from vos.api.pagination import Pages
from vos.common.multilingual import translations_for_api
from vos.forum.models import Branch, BranchLink, Contribution, Outcome, Space, Summary
from vos.forum.services import contribution_post, like_toggle

router = Router()
READ = {200: None, 400: Error, 401: Error, 429: Error}


def _spaces_public() -> QuerySet[Space]:
    return Space.objects.filter(Q(activity=None) | Q(activity__in=activities_public()))


class SpaceOut(Schema):
    id: int
    kind: str
    edition: str | None
    theme: int | None
    activity: int | None
    contributions: int
    url: str

    @staticmethod
    def resolve_edition(space: Space) -> str | None:
        return space.edition.slug if space.edition_id else None

    @staticmethod
    def resolve_theme(space: Space) -> int | None:
        return space.theme_id

    @staticmethod
    def resolve_activity(space: Space) -> int | None:
        return space.activity_id

    @staticmethod
    def resolve_contributions(space: Space) -> int:
        return space.contribution_count

    @staticmethod
    def resolve_url(space: Space) -> str:
        return space.get_absolute_url()


class ContributionOut(Schema):
    id: int
    space: int
    kind: str
    proposal: int | None
    parent: int | None
    author: str | None = Field(..., description="The author's public name.")
    organization: int | None = Field(..., description="The organization they spoke for.")
    text: str = Field(..., description="Markdown; empty when hidden.")
    language: str
    created_at: dt.datetime
    edited_at: dt.datetime | None
    likes: int
    hidden: bool
    hidden_reason: str = Field(..., description="The facilitation team's reason, when hidden.")
    url: str

    @staticmethod
    def resolve_space(item: Contribution) -> int:
        return item.space_id

    @staticmethod
    def resolve_proposal(item: Contribution) -> int | None:
        return item.proposal_id

    @staticmethod
    def resolve_parent(item: Contribution) -> int | None:
        return item.parent_id

    @staticmethod
    def resolve_author(item: Contribution) -> str | None:
        return item.author.display_name if item.author_id else None

    @staticmethod
    def resolve_organization(item: Contribution) -> int | None:
        return item.organization_id

    @staticmethod
    def resolve_text(item: Contribution) -> str:
        return "" if item.hidden_at else item.body

    @staticmethod
    def resolve_likes(item: Contribution) -> int:
        return getattr(item, "like_count", 0)

    @staticmethod
    def resolve_hidden(item: Contribution) -> bool:
        return item.hidden_at is not None

    @staticmethod
    def resolve_url(item: Contribution) -> str:
        return item.get_absolute_url()


class SpaceFilters(Schema):
    edition: str = Field("", max_length=80)
    kind: Literal["", "theme", "activity", "standing"] = ""


@router.get("/forum/spaces", response={**READ, 200: list[SpaceOut]}, tags=["forum"])
@paginate(Pages)
def list_forum_spaces(request, filters: Query[SpaceFilters]):
    spaces = (
        _spaces_public()
        .select_related("edition")
        .annotate(contribution_count=Count("contributions"))
        .order_by("pk")
    )
    if filters.edition:
        spaces = spaces.filter(edition__slug=filters.edition)
    if filters.kind:
        spaces = spaces.filter(kind=filters.kind)
    return spaces


class ContributionFilters(Schema):
    kind: str = Field("", max_length=10)
    since: dt.datetime | None = Field(None, description="Only what was posted after this.")


@router.get(
    "/forum/spaces/{space_id}/contributions",
    response={**READ, 200: list[ContributionOut], 404: Error},
    tags=["forum"],
)
@paginate(Pages)
def list_forum_contributions(request, space_id: int, filters: Query[ContributionFilters]):
    space = get_object_or_404(_spaces_public(), pk=space_id)
    contributions = (
        Contribution.objects.filter(space=space)
        .select_related("author")
        .annotate(like_count=Count("likes"))
        .order_by("created_at", "pk")
    )
    if filters.kind:
        contributions = contributions.filter(kind=filters.kind)
    if filters.since:
        contributions = contributions.filter(created_at__gt=filters.since)
    return contributions


class ContributionIn(Schema):
    kind: Literal["need", "proposal", "for", "against", "sharing", "reference", "reply"]
    text: str = Field(..., min_length=1, max_length=10_000)
    language: str = Field("en", min_length=2, max_length=8, pattern=r"^[a-z]{2,3}$")
    answers: int | None = Field(
        None,
        ge=1,
        le=2**63 - 1,
        description="The proposal an argument is about, or the contribution a reply answers.",
    )
    quotable: bool = True


@router.post(
    "/forum/spaces/{space_id}/contributions",
    auth=WRITE,
    response={
        201: ContributionOut,
        400: Error,
        401: Error,
        403: Error,
        404: Error,
        422: Error,
        429: Error,
    },
    tags=["forum"],
)
def post_forum_contribution(request, space_id: int, payload: ContributionIn):
    """Post into a space (for those who shared the intention text)."""
    space = get_object_or_404(_spaces_public(), pk=space_id)
    answered = (
        get_object_or_404(Contribution, pk=payload.answers, space=space)
        if payload.answers
        else None
    )
    with translation.override(request.user.preferred_language):
        try:
            posted = contribution_post(
                space=space,
                author=request.user,
                kind=payload.kind,
                body=payload.text,
                language=payload.language,
                proposal=answered if payload.kind in ("for", "against") else None,
                parent=answered if payload.kind == "reply" else None,
                quotable=payload.quotable,
            )
        except PermissionDenied:
            raise HttpError(
                403, _("To write in the Open Forum, share the intention text first.")
            ) from None
    posted.like_count = 0
    return Status(201, posted)


class LikeOut(Schema):
    liked: bool
    likes: int


@router.post(
    "/forum/contributions/{contribution_id}/like",
    auth=WRITE,
    response={200: LikeOut, 401: Error, 404: Error, 429: Error},
    tags=["forum"],
)
def like_forum_contribution(request, contribution_id: int):
    """Like a contribution, or take one's like back."""
    target = get_object_or_404(
        Contribution.objects.filter(space__in=_spaces_public()), pk=contribution_id
    )
    liked = like_toggle(contribution=target, person=request.user)
    return {"liked": liked, "likes": target.likes.count()}


class LinkOut(Schema):
    contribution: int
    kind: str
    extract: str | None = Field(..., description="Absent when its author declined to be quoted.")

    @staticmethod
    def resolve_contribution(link: BranchLink) -> int:
        return link.contribution_id

    @staticmethod
    def resolve_kind(link: BranchLink) -> str:
        return link.contribution.kind

    @staticmethod
    def resolve_extract(link: BranchLink) -> str | None:
        if not link.contribution.quotable:
            return None
        return link.extract or link.contribution.body


class BranchOut(Schema):
    id: int
    edition: str | None
    theme: int | None
    parent: int | None
    title: str
    language: str
    translations: dict[str, dict]
    url: str

    @staticmethod
    def resolve_edition(branch: Branch) -> str | None:
        return branch.edition.slug if branch.edition_id else None

    @staticmethod
    def resolve_theme(branch: Branch) -> int | None:
        return branch.theme_id

    @staticmethod
    def resolve_parent(branch: Branch) -> int | None:
        return branch.parent_id

    @staticmethod
    def resolve_language(branch: Branch) -> str:
        return branch.original_language

    @staticmethod
    def resolve_translations(branch: Branch) -> dict:
        return translations_for_api(branch)

    @staticmethod
    def resolve_url(branch: Branch) -> str:
        return branch.get_absolute_url()


class BranchDetailOut(BranchOut):
    links: list[LinkOut]

    @staticmethod
    def resolve_links(branch: Branch) -> list[BranchLink]:
        return branch.links_shown


class EditionFilter(Schema):
    edition: str = Field("", max_length=80)


@router.get("/forum/branches", response={**READ, 200: list[BranchOut]}, tags=["forum"])
@paginate(Pages)
def list_forum_branches(request, filters: Query[EditionFilter]):
    branches = Branch.objects.select_related("edition").order_by("pk")
    if filters.edition:
        branches = branches.filter(edition__slug=filters.edition)
    return branches


@router.get(
    "/forum/branches/{branch_id}",
    response={**READ, 200: BranchDetailOut, 404: Error},
    tags=["forum"],
)
def get_forum_branch(request, branch_id: int):
    branch = get_object_or_404(Branch.objects.select_related("edition"), pk=branch_id)
    branch.links_shown = list(
        BranchLink.objects.filter(
            branch=branch, contribution__hidden_at=None, contribution__space__in=_spaces_public()
        )
        .select_related("contribution")
        .order_by("pk")
    )
    return branch


class SummaryOut(Schema):
    id: int
    branch: int | None
    space: int | None
    title: str
    text: str
    language: str
    translations: dict[str, dict]
    published_at: dt.datetime
    version: int
    url: str

    @staticmethod
    def resolve_branch(summary: Summary) -> int | None:
        return summary.branch_id

    @staticmethod
    def resolve_space(summary: Summary) -> int | None:
        return summary.space_id

    @staticmethod
    def resolve_text(summary: Summary) -> str:
        return summary.body

    @staticmethod
    def resolve_language(summary: Summary) -> str:
        return summary.original_language

    @staticmethod
    def resolve_translations(summary: Summary) -> dict:
        return translations_for_api(summary)

    @staticmethod
    def resolve_version(summary: Summary) -> int:
        return summary.version_count

    @staticmethod
    def resolve_url(summary: Summary) -> str:
        return summary.get_absolute_url()


@router.get("/forum/summaries", response={**READ, 200: list[SummaryOut]}, tags=["forum"])
@paginate(Pages)
def list_forum_summaries(request, filters: Query[EditionFilter]):
    summaries = (
        Summary.objects.exclude(published_at=None)
        .filter(Q(space=None) | Q(space__in=_spaces_public()))
        .annotate(version_count=Count("versions"))
        .order_by("pk")
    )
    if filters.edition:
        summaries = summaries.filter(
            Q(branch__edition__slug=filters.edition) | Q(space__edition__slug=filters.edition)
        )
    return summaries


class OutcomeOut(Schema):
    activity: int
    edition: str
    summary: str
    proposals: str
    next_steps: str
    links: list[str]
    language: str
    translations: dict[str, dict]
    updated_at: dt.datetime

    @staticmethod
    def resolve_activity(outcome: Outcome) -> int:
        return outcome.activity_id

    @staticmethod
    def resolve_edition(outcome: Outcome) -> str:
        return outcome.activity.edition.slug

    @staticmethod
    def resolve_language(outcome: Outcome) -> str:
        return outcome.original_language

    @staticmethod
    def resolve_translations(outcome: Outcome) -> dict:
        return translations_for_api(outcome)


@router.get("/forum/outcomes", response={**READ, 200: list[OutcomeOut]}, tags=["forum"])
@paginate(Pages)
def list_forum_outcomes(request, filters: Query[EditionFilter]):
    outcomes = (
        Outcome.objects.filter(activity__in=activities_public())
        .select_related("activity__edition")
        .order_by("pk")
    )
    if filters.edition:
        outcomes = outcomes.filter(activity__edition__slug=filters.edition)
    return outcomes
