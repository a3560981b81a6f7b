"""Public profiles."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from vos.api.errors import Error
from vos.person.models import User

router = Router()


class PersonOut(Schema):
    id: int
    display_name: str
    country: str
    languages: list[str]
    bio: str


@router.get(
    "/people/{person_id}",
    response={200: PersonOut, 401: Error, 404: Error, 429: Error},
    tags=["people"],
)
def get_person(request, person_id: int):
    return get_object_or_404(User, pk=person_id, is_public=True, is_active=True)
