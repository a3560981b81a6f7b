"""Activities a person organizes or proposed, and invitations they sent. The activities
stay on the program when the account goes (they belong to the forum): the organizer row
goes with the account, the proposer and the inviter are forgotten (SET_NULL). The daily
digests of proposals a facilitator received go with the account, and so do the
translations they asked for (the only kind of item readers ask to translate is an
activity), and the activities they were asked to interpret."""

from vos.activity.models import (
    Activity,
    CoOrganization,
    Interpreter,
    Invitation,
    Organizer,
    ReviewDigest,
)
from vos.common.models import TranslationRequest
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "activities_organized": [
            {
                "id": activity.pk,
                "title": activity.title,
                "edition": activity.edition.slug,
                "starts_at": activity.starts_at.isoformat(),
                "state": activity.state,
            }
            for activity in Activity.objects.filter(organizers__person=person)
            .select_related("edition")
            .order_by("starts_at")
        ],
        "invitations_sent": [
            {"activity": invitation.activity_id, "email": invitation.email}
            for invitation in Invitation.objects.filter(invited_by=person).order_by("pk")
        ],
        "review_digests_received": [
            {"edition": digest.edition.slug, "day": digest.day.isoformat()}
            for digest in ReviewDigest.objects.filter(person=person).select_related("edition")
        ],
        "interpreting": [
            {
                "activity": row.activity_id,
                "from": row.language_from,
                "into": row.language_to,
                "state": row.state,
            }
            for row in Interpreter.objects.filter(person=person).order_by("pk")
        ],
        "translations_asked_for": [
            {"item": str(request), "asked_at": request.created_at.isoformat()}
            for request in TranslationRequest.objects.filter(person=person)
            .select_related("content_type")
            .order_by("pk")
        ],
    }


declare(
    PersonalData(
        app="activity",
        models=(
            Activity,
            Organizer,
            Invitation,
            ReviewDigest,
            TranslationRequest,
            CoOrganization,
            Interpreter,
        ),
        export=_export,
    )
)
