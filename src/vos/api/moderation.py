"""The facilitation team's decisions, with a token."""

from typing import Literal

from django.utils import translation
from ninja import Field, Router, Schema

from vos.activity import queries as activity_queries
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.activity.services import activity_decide
from vos.api.activities import ActivityOut
from vos.api.auth import WRITE
from vos.api.errors import Error

router = Router()


class DecisionIn(Schema):
    decision: Literal["publish", "request_changes", "decline", "unpublish"]
    message: str = Field("", max_length=4000)


@router.post(
    "/activities/{activity_id}/decision",
    auth=WRITE,
    response={200: ActivityOut, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["moderation"],
)
def decide(request, activity_id: int, payload: DecisionIn):
    """For the edition's facilitation team: publish, ask for changes, decline, unpublish."""
    activity = activity_or_404(request.user, activity_id, perm="activity.moderate")
    with translation.override(request.user.preferred_language):
        activity_decide(
            activity=activity,
            facilitator=request.user,
            decision=payload.decision,
            message=payload.message,
        )
    return activity_queries.with_relations(Activity.objects.select_related("room")).get(
        pk=activity.pk
    )
