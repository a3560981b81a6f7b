"""Declarations a person drafts or reviews: their place in drafting teams and as a
reviewer goes with the account; the versions and comments they wrote stay (they are the
team's record) without their name."""

from vos.declaration.models import (
    Comment,
    Declaration,
    Reviewer,
    Signature,
    TeamMember,
    Translation,
    Translator,
    Version,
)
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "drafting_teams": sorted(
            TeamMember.objects.filter(person=person).values_list("declaration__title", flat=True)
        ),
        "declaration_versions_written": Version.objects.filter(author=person).count(),
        "declarations_signed_for_organizations": sorted(
            Signature.objects.filter(signed_by=person).values_list("declaration__title", flat=True)
        ),
        "declaration_comments": list(
            Comment.objects.filter(author=person).values_list("body", flat=True)
        ),
    }


declare(
    PersonalData(
        app="declaration",
        models=(
            Declaration,
            TeamMember,
            Version,
            Reviewer,
            Comment,
            Translator,
            Translation,
            Signature,
        ),
        export=_export,
        why="Comments stay on the draft (the team's record) without their author's name.",
    )
)
