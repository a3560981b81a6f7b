"""Review of a draft: reviewers invited by the team comment on a paragraph, the team
replies and resolves; a reviewer may propose a replacement for the paragraph, which the
team accepts (a new version) or declines.

A comment keeps the paragraph's text as it was. On a later version it sits beside the
paragraph with the same text (whitespace aside), or is listed as outdated when the
paragraph no longer exists."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.declaration.models import Comment, Declaration, Reviewer, Version
from vos.declaration.rules import is_reviewer
from vos.declaration.services import latest_version, version_save
from vos.organization.models import Organization
from vos.person.models import User

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: separated by an empty line."""
    return [part.strip() for part in PARAGRAPH_BREAK.split(text.strip()) if part.strip()]


def _same(text: str) -> str:
    return " ".join(text.split())


def _team(person: User, declaration: Declaration) -> bool:
    return declaration.team.filter(person=person).exists()


@transaction.atomic
def reviewer_invite(
    *,
    declaration: Declaration,
    actor: User,
    email: str = "",
    organization: Organization | None = None,
) -> Reviewer:
    """The team invites a person (by their account's address) or an organization."""
    if not _team(actor, declaration):
        raise PermissionDenied
    if organization is not None:
        reviewer, _created = Reviewer.objects.get_or_create(
            declaration=declaration, organization=organization, defaults={"invited_by": actor}
        )
        return reviewer
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise ValidationError(
            {"email": _("Nobody has an account with this address: ask them to sign up first.")}
        )
    reviewer, _created = Reviewer.objects.get_or_create(
        declaration=declaration, person=person, defaults={"invited_by": actor}
    )
    return reviewer


@transaction.atomic
def comment_add(
    *,
    declaration: Declaration,
    author: User,
    paragraph: int,
    body: str,
    proposal: str = "",
) -> Comment:
    """A comment on paragraph number ``paragraph`` (from 0) of the latest version, with an
    optional replacement text (reviewers only propose)."""
    if not (_team(author, declaration) or is_reviewer(author, declaration)):
        raise PermissionDenied
    if declaration.state != Declaration.State.DRAFTING:
        raise ValidationError(_("Signatures are open: the text is frozen."))
    version = latest_version(declaration)
    parts = paragraphs(version.text)
    if not 0 <= paragraph < len(parts):
        raise ValidationError(_("This paragraph no longer exists: read the latest version."))
    body = body.strip()
    proposal = proposal.strip()
    if not body and not proposal:
        raise ValidationError({"body": _("Write a comment or propose a text.")})
    comment = Comment.objects.create(
        declaration=declaration,
        version=version,
        paragraph=parts[paragraph],
        author=author,
        body=body[:5000],
        proposal=proposal[:20_000],
        proposal_status=Comment.Proposal.PENDING if proposal else "",
    )
    log_action(
        declaration, actor=author, action="declaration.comment", data={"version": version.number}
    )
    return comment


@transaction.atomic
def comment_reply(*, comment: Comment, author: User, body: str) -> Comment:
    declaration = comment.declaration
    if not (_team(author, declaration) or is_reviewer(author, declaration)):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError({"body": _("Write a comment or propose a text.")})
    return Comment.objects.create(
        declaration=declaration,
        version=comment.version,
        paragraph=comment.paragraph,
        parent=comment,
        author=author,
        body=body.strip()[:5000],
    )


def comment_resolve(*, comment: Comment, actor: User) -> Comment:
    """The team marks a comment resolved."""
    if not _team(actor, comment.declaration):
        raise PermissionDenied
    comment.resolved_at, comment.resolved_by = timezone.now(), actor
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


@transaction.atomic
def proposal_decide(*, comment: Comment, actor: User, accept: bool) -> Version | None:
    """The team accepts a proposed replacement (a new version in which the paragraph is
    replaced) or declines it."""
    if not _team(actor, comment.declaration):
        raise PermissionDenied
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.proposal_status != Comment.Proposal.PENDING:
        raise ValidationError(_("This proposal was already answered."))
    version = None
    if accept:
        latest = latest_version(comment.declaration)
        parts = paragraphs(latest.text)
        where = [i for i, part in enumerate(parts) if _same(part) == _same(comment.paragraph)]
        if not where:
            raise ValidationError(
                _("The paragraph it replaces has changed since: it cannot be applied as it is.")
            )
        parts[where[0]] = comment.proposal
        version = version_save(
            declaration=comment.declaration,
            author=actor,
            text="\n\n".join(parts),
            note=_("Proposal by %(name)s accepted")
            % {"name": comment.author.display_name if comment.author else "?"},
            based_on=latest.number,
        )
    comment.proposal_status = Comment.Proposal.ACCEPTED if accept else Comment.Proposal.DECLINED
    comment.resolved_at, comment.resolved_by = timezone.now(), actor
    comment.save(update_fields=["proposal_status", "resolved_at", "resolved_by"])
    return version


@dataclass
class Paragraph:
    number: int
    text: str
    comments: list[Comment] = field(default_factory=list)


def review_of(declaration: Declaration, version: Version) -> tuple[list[Paragraph], list[Comment]]:
    """The version's paragraphs, each with the comments on it (replies inside), and the
    comments whose paragraph no longer exists (outdated)."""
    parts = [Paragraph(number, text) for number, text in enumerate(paragraphs(version.text))]
    by_text = {}
    for part in parts:
        by_text.setdefault(_same(part.text), part)
    comments = list(
        declaration.comments.filter(parent=None)
        .select_related("author", "version")
        .prefetch_related("replies__author")
    )
    outdated = []
    for comment in comments:
        home = by_text.get(_same(comment.paragraph))
        if home is None:
            outdated.append(comment)
        else:
            home.comments.append(comment)
    return parts, outdated
