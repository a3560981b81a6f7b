"""Every error reads ``{"code": …, "message": …}`` in the caller's language."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


class Error(Schema):
    code: str
    message: str


def install_error_handlers(api: NinjaAPI) -> None:
    """Give the API its error handlers (Django's and ninja's errors, in one shape)."""

    def error(request, status: int, code: str, message: str):
        return api.create_response(request, {"code": code, "message": message}, status=status)

    def on_validation_error(request, exc: ValidationError):
        return error(request, 400, "invalid", " ".join(exc.messages))

    def on_input_error(request, exc: NinjaValidationError):
        # The field's own name in the API (the last part of where pydantic found it).
        fields = sorted(
            {
                str(
                    next(
                        (part for part in reversed(item.get("loc", ())) if isinstance(part, str)),
                        "",
                    )
                )
                for item in exc.errors
            }
            - {"", "body", "query", "path", "payload", "filters"}
        )
        if not fields:
            return error(request, 422, "invalid_input", _("Some fields are missing or wrong."))
        return error(
            request,
            422,
            "invalid_input",
            _("These fields are missing or wrong: %(fields)s.") % {"fields": ", ".join(fields)},
        )

    def on_not_found(request, exc):
        return error(request, 404, "not_found", _("Not found."))

    def on_unauthenticated(request, exc):
        return error(
            request, 401, "unauthenticated", _("Send a valid personal token as a bearer token.")
        )

    def on_http_error(request, exc: HttpError):
        codes = {403: "forbidden", 404: "not_found", 409: "conflict", 429: "rate_limited"}
        message = (
            _("Too many requests. Wait a little, then try again.")
            if exc.status_code == 429
            else str(exc)
        )
        return error(request, exc.status_code, codes.get(exc.status_code, "error"), message)

    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(NinjaValidationError, on_input_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(AuthenticationError, on_unauthenticated)
    api.add_exception_handler(HttpError, on_http_error)
