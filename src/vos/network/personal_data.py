"""What the network app keeps about a person: the initiatives they support (deleted with
the account) and the initiatives they posted (kept, they are their organizations'; the
name is forgotten by SET_NULL)."""

from vos.network.models import Initiative, Support
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "initiatives_posted": sorted(
            Initiative.objects.filter(created_by=person).values_list("title", flat=True)
        ),
        "initiatives_supported": sorted(
            Support.objects.filter(person=person).values_list("initiative__title", flat=True)
        ),
    }


declare(PersonalData(app="network", models=(Initiative, Support), export=_export))
