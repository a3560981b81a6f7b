"""What editions keep about a person: the teams they facilitate, the intention text they
accepted. Both go with the account."""

from vos.edition.models import Edition, IntentionAcceptance
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "facilitation": sorted(person.facilitated_editions.values_list("slug", flat=True)),
        "intention_text_accepted": [
            {"version": acceptance.intention_text.version, "at": acceptance.accepted_at.isoformat()}
            for acceptance in IntentionAcceptance.objects.filter(person=person)
            .select_related("intention_text")
            .order_by("accepted_at")
        ],
    }


declare(PersonalData(app="edition", models=(Edition, IntentionAcceptance), export=_export))
