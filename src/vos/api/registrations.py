"""Registering and unregistering with a token."""

from ninja import Router, Schema, Status

from vos.activity.loader import activity_or_404
from vos.api.auth import WRITE
from vos.api.errors import Error
from vos.registration.services import registration_cancel, registration_create

router = Router()


class RegistrationOut(Schema):
    activity: int
    status: str


@router.post(
    "/activities/{activity_id}/registration",
    auth=WRITE,
    response={200: RegistrationOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["registrations"],
)
def register(request, activity_id: int):
    activity = activity_or_404(request.user, activity_id)
    registration = registration_create(activity=activity, person=request.user)
    return {"activity": activity.pk, "status": registration.status}


@router.delete(
    "/activities/{activity_id}/registration",
    auth=WRITE,
    response={204: None, 401: Error, 404: Error, 429: Error},
    tags=["registrations"],
)
def unregister(request, activity_id: int):
    activity = activity_or_404(request.user, activity_id)
    registration_cancel(activity=activity, person=request.user)
    return Status(204, None)
