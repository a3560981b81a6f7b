"""What a person is told on the page after registering, however they got there (the
"Register" button, or logging in after pressing it)."""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from vos.registration.models import Registration
from vos.registration.services import waitlist_position


def tell_registration(request: HttpRequest, registration: Registration) -> None:
    if registration.is_confirmed:
        messages.success(request, _("You are registered. See you there!"))
    else:
        messages.info(
            request,
            _("The activity is full: you are number %(position)s on the waiting list.")
            % {"position": waitlist_position(registration)},
        )
