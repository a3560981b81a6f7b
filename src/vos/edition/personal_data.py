"""What editions keep about a person: the teams they facilitate (and the roles they were
given on them), the intention text they accepted. All go with the account."""

from vos.edition.models import Edition, IntentionAcceptance, TeamRole
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "facilitation": sorted(person.facilitated_editions.values_list("slug", flat=True)),
        "team_roles": [
            {"edition": role.edition.slug, "role": role.role}
            for role in TeamRole.objects.filter(person=person).select_related("edition")
        ],
        "intention_text_accepted": [
            {"version": acceptance.intention_text.version, "at": acceptance.accepted_at.isoformat()}
            for acceptance in IntentionAcceptance.objects.filter(person=person)
            .select_related("intention_text")
            .order_by("accepted_at")
        ],
    }


declare(
    PersonalData(app="edition", models=(Edition, IntentionAcceptance, TeamRole), export=_export)
)
