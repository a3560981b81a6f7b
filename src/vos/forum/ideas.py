"""The facilitation team's work on the debate: a tree of idea branches per theme, the
contributions (or extracts of them) linked into each branch, and summaries of a branch,
a plenary or a theme, published, corrected (each published wording kept) and
translated. An extract is quoted only when its author agreed to be quoted."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.common.multilingual import check_translations, translations_apply
from vos.edition.models import Edition, Theme
from vos.forum.models import Branch, BranchLink, Contribution, Space, Summary, SummaryVersion
from vos.forum.rules import facilitates
from vos.person.models import User

MAX_DEPTH = 4


def _team(person: User, edition: Edition | None) -> None:
    if not facilitates(person, edition):
        raise PermissionDenied


def _depth(branch: Branch | None) -> int:
    depth = 0
    while branch is not None:
        depth, branch = depth + 1, branch.parent
    return depth


@transaction.atomic
def branch_create(
    *,
    facilitator: User,
    edition: Edition | None,
    title: str,
    language: str,
    theme: Theme | None = None,
    parent: Branch | None = None,
) -> Branch:
    _team(facilitator, edition)
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Name the idea.")})
    if theme is not None and theme.edition_id != getattr(edition, "pk", None):
        raise ValidationError({"theme": _("This theme belongs to another edition.")})
    if parent is not None:
        if parent.edition_id != getattr(edition, "pk", None):
            raise ValidationError({"parent": _("This branch belongs to another edition.")})
        if _depth(parent) >= MAX_DEPTH:
            raise ValidationError(
                {"parent": _("Branches go %(depth)s levels deep at most.") % {"depth": MAX_DEPTH}}
            )
        theme = parent.theme
    branch = Branch.objects.create(
        edition=edition,
        theme=theme,
        parent=parent,
        title=title[:200],
        original_language=language,
        created_by=facilitator,
    )
    log_action(branch, actor=facilitator, action="forum.branch", data={"title": branch.title})
    return branch


@transaction.atomic
def link_into_branch(
    *, facilitator: User, branch: Branch, contribution: Contribution, extract: str = ""
) -> BranchLink:
    """Link a contribution, or a quoted extract of it, into a branch."""
    _team(facilitator, branch.edition)
    if contribution.space.edition_id != branch.edition_id:
        raise ValidationError(_("Link contributions of the branch's own edition."))
    if contribution.hidden_at:
        raise ValidationError(_("A hidden contribution is not linked."))
    extract = extract.strip()
    if extract:
        if not contribution.quotable:
            raise ValidationError(
                {"extract": _("Its author did not agree to be quoted: link it without an extract.")}
            )
        if " ".join(extract.split()) not in " ".join(contribution.body.split()):
            raise ValidationError(
                {"extract": _("An extract is copied word for word from the contribution.")}
            )
    elif BranchLink.objects.filter(branch=branch, contribution=contribution, extract="").exists():
        raise ValidationError(_("It is linked into this branch already."))
    link = BranchLink.objects.create(
        branch=branch, contribution=contribution, extract=extract, added_by=facilitator
    )
    log_action(
        branch, actor=facilitator, action="forum.link", data={"contribution": contribution.pk}
    )
    return link


@transaction.atomic
def unlink(*, facilitator: User, link: BranchLink) -> None:
    _team(facilitator, link.branch.edition)
    log_action(
        link.branch,
        actor=facilitator,
        action="forum.unlink",
        data={"contribution": link.contribution_id},
    )
    link.delete()


def _summary_edition(branch: Branch | None, space: Space | None) -> Edition | None:
    return branch.edition if branch is not None else space.edition


@transaction.atomic
def summary_save(
    *,
    facilitator: User,
    title: str,
    body: str,
    language: str,
    summary: Summary | None = None,
    branch: Branch | None = None,
    space: Space | None = None,
    translations: dict | None = None,
    publish: bool = False,
) -> Summary:
    """Write (or correct) a summary, and publish it if asked: each publication keeps its
    wording as a numbered version."""
    if summary is not None:
        branch, space = summary.branch, summary.space
        # Once published, a correction is published too: readers never see a draft.
        publish = publish or summary.published_at is not None
    if (branch is None) == (space is None):
        raise ValidationError(_("A summary is of a branch, a plenary or a theme."))
    if space is not None and space.kind == Space.Kind.STANDING:
        raise ValidationError(_("A summary is of a branch, a plenary or a theme."))
    _team(facilitator, _summary_edition(branch, space))
    title, body = " ".join(title.split()), body.strip()
    if not title or not body:
        raise ValidationError(_("A summary needs a title and a text."))
    if translations:
        check_translations(language, translations)
    summary = summary or Summary(branch=branch, space=space)
    summary.title, summary.body = title[:200], body
    summary.original_language = language
    summary.author, summary.updated_at = facilitator, timezone.now()
    if translations:
        translations_apply(summary, translations)
    summary.full_clean()
    summary.save()
    if publish:
        summary_publish(facilitator=facilitator, summary=summary)
    else:
        log_action(summary, actor=facilitator, action="forum.summary.save")
    return summary


@transaction.atomic
def summary_publish(*, facilitator: User, summary: Summary) -> SummaryVersion:
    """Publish a summary's current wording as its next version (when it changed)."""
    _team(facilitator, _summary_edition(summary.branch, summary.space))
    given, summary = summary, Summary.objects.select_for_update().get(pk=summary.pk)
    latest = summary.versions.first()
    if latest is not None and (latest.title, latest.body, latest.language) == (
        summary.title,
        summary.body,
        summary.original_language,
    ):
        return latest  # only its translations changed
    version = SummaryVersion.objects.create(
        summary=summary,
        number=(latest.number if latest else 0) + 1,
        title=summary.title,
        body=summary.body,
        language=summary.original_language,
        author=facilitator,
    )
    if summary.published_at is None:
        summary.published_at = timezone.now()
        summary.save(update_fields=["published_at"])
    given.published_at = summary.published_at
    log_action(
        summary, actor=facilitator, action="forum.summary.publish", data={"version": version.number}
    )
    return version


@dataclass
class Node:
    """A branch and its children, for showing the tree."""

    branch: Branch
    children: list["Node"] = field(default_factory=list)


def tree(branches: list[Branch]) -> list[Node]:
    """The branches as a forest, built from one list (one query)."""
    nodes = {branch.pk: Node(branch) for branch in branches}
    roots = []
    for branch in branches:
        parent = nodes.get(branch.parent_id)
        (parent.children if parent else roots).append(nodes[branch.pk])
    return roots


def branches_of(edition: Edition | None) -> QuerySet[Branch]:
    return Branch.objects.filter(edition=edition).select_related("theme").order_by("title", "pk")


def branch_for_page(pk: int) -> Branch:
    """A branch with its links (their contributions and authors) and its sub-branches."""
    return (
        Branch.objects.select_related("edition", "theme", "parent")
        .prefetch_related(
            Prefetch(
                "links",
                queryset=BranchLink.objects.select_related(
                    "contribution__author", "contribution__space__activity"
                ).order_by("contribution__kind", "created_at"),
            ),
            "children",
        )
        .get(pk=pk)
    )


def summaries_shown(person: User, **target) -> list[Summary]:
    """The summaries of a branch or a space: published ones, and drafts for its team."""
    summaries = Summary.objects.filter(**target).select_related("author")
    edition = _summary_edition(target.get("branch"), target.get("space"))
    if not facilitates(person, edition):
        summaries = summaries.exclude(published_at=None)
    return list(summaries)
