"""What live sessions keep about a person: their requests to speak (deleted with the
account)."""

from vos.live.models import SpeakerList, SpeakerRequest
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "requests_to_speak": [
            {
                "activity": request.speaker_list.activity_id,
                "language": request.language,
                "topic": request.topic,
                "state": request.state,
                "at": request.created_at.isoformat(),
            }
            for request in SpeakerRequest.objects.filter(person=person).select_related(
                "speaker_list"
            )
        ]
    }


declare(
    PersonalData(
        app="live",
        models=(SpeakerList, SpeakerRequest),
        export=_export,
        why="Requests to speak go with the account.",
    )
)
