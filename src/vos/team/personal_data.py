"""What volunteering keeps about a person: their offers to facilitation teams and free
times (deleted with the account)."""

from vos.person.registry import PersonalData, declare
from vos.team.models import Availability, Volunteer


def _export(person) -> dict:
    return {
        "volunteering": [
            {
                "edition": volunteer.edition.slug,
                "skills": volunteer.skills,
                "languages": volunteer.languages,
                "interprets_between": volunteer.language_pairs,
                "time_zone": volunteer.time_zone,
                "message": volunteer.message,
                "state": volunteer.state,
                "free": [
                    [window.starts_at.isoformat(), window.ends_at.isoformat()]
                    for window in volunteer.availabilities.all()
                ],
            }
            for volunteer in Volunteer.objects.filter(person=person)
            .select_related("edition")
            .prefetch_related("availabilities")
        ]
    }


declare(
    PersonalData(
        app="team",
        models=(Volunteer, Availability),
        export=_export,
        why="An offer to help a facilitation team goes with the account.",
    )
)
