"""Organizations remember who named them first; the organization stays (it is the
network's, not the person's) and forgets the name (SET_NULL)."""

from vos.organization.models import Organization
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "organizations_created": sorted(
            Organization.objects.filter(created_by=person).values_list("name", flat=True)
        )
    }


declare(PersonalData(app="organization", models=(Organization,), export=_export))
