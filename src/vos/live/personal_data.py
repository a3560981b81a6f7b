"""What live sessions keep about a person: their requests to speak and choices of
topics (deleted with the account), the topics they host (kept, without their name)."""

from vos.live.models import (
    Choice,
    Group,
    GroupSplit,
    Marketplace,
    SpeakerList,
    SpeakerRequest,
    Topic,
    WelcomeGroup,
    WelcomeMembership,
)
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
        ],
        "open_space_topics_hosted": list(
            Topic.objects.filter(host=person).values_list("title", flat=True)
        ),
        "welcome_groups": [
            {"group": m.group.name, "name_shown": m.visible}
            for m in WelcomeMembership.objects.filter(person=person).select_related("group")
        ],
        "groups": [
            {"activity": g.split.activity_id, "group": g.number}
            for g in Group.objects.filter(members=person).select_related("split")
        ],
        "open_space_choices": [
            {"activity": c.marketplace.activity_id, "round": c.round, "topic": c.topic.title}
            for c in Choice.objects.filter(person=person).select_related("marketplace", "topic")
        ],
    }


declare(
    PersonalData(
        app="live",
        models=(
            SpeakerList,
            SpeakerRequest,
            Marketplace,
            Topic,
            Choice,
            GroupSplit,
            Group,
            WelcomeGroup,
            WelcomeMembership,
        ),
        export=_export,
        why="Requests to speak and choices of topics go with the account; topics one "
        "hosted stay on the board without the host's name.",
    )
)
