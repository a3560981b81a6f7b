"""An edition's shared rooms on its page, as the reader may see them.

A template tag, so that the edition's page (in the app below) shows rooms without
importing them."""

from django import template

from vos.room.services import shared_rooms

register = template.Library()


@register.inclusion_tag("room/_shared_rooms.html", takes_context=True)
def shared_rooms_of(context, edition) -> dict:
    request = context["request"]
    return {"shared_rooms": shared_rooms(edition, request.user), "request": request}
