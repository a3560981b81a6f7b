"""What the live pages' actions share: refusals as a 404, rule errors as messages."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest


@contextmanager
def reported(request: HttpRequest) -> Iterator[None]:
    """Run an action: a refusal becomes a 404, a broken rule the page's error messages."""
    try:
        yield
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)


def invalid(form) -> ValidationError:
    """A bound form's errors as one error to report."""
    return ValidationError([message for errors in form.errors.values() for message in errors])
