"""Declarations a person drafts: their place in drafting teams goes with the account;
the versions they wrote stay (they are the team's text) without their name."""

from vos.declaration.models import Declaration, TeamMember, Version
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "drafting_teams": sorted(
            TeamMember.objects.filter(person=person).values_list("declaration__title", flat=True)
        ),
        "declaration_versions_written": Version.objects.filter(author=person).count(),
    }


declare(PersonalData(app="declaration", models=(Declaration, TeamMember, Version), export=_export))
