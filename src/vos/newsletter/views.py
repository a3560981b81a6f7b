"""The newsletter's pages: subscribing, confirming, unsubscribing, the archive, and the
team's letters (write, preview, send)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from vos.common.forms import errors_onto
from vos.common.multilingual import reader_language
from vos.newsletter import services
from vos.newsletter.forms import LetterForm, SubscribeForm, version_initial
from vos.newsletter.models import Letter


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    user = request.user
    mine = services.subscription_of(user)
    if request.method == "POST" and request.POST.get("action") == "stop":
        if not user.is_authenticated:
            raise Http404
        services.unsubscribe_person(user)
        messages.success(request, _("You will no longer receive the newsletter."))
        return redirect("newsletter.subscribe")
    initial = {"language": reader_language()}
    if user.is_authenticated:
        initial["email"] = user.email
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            subscriber = services.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                person=user if user.is_authenticated else None,
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            if subscriber.is_active:
                messages.success(request, _("You receive the newsletter."))
            else:
                messages.success(
                    request,
                    _("Almost there: open the link in the email we sent to confirm."),
                )
            return redirect("newsletter.subscribe")
    return render(
        request,
        "newsletter/subscribe.html",
        {"form": form, "mine": mine, "letters": services.archive()[:5]},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A button, not the link itself: mail scanners that open links confirm nothing."""
    if request.method == "POST":
        try:
            services.confirm(token=token)
        except ValidationError as error:
            return render(
                request, "newsletter/confirm.html", {"error": error.messages[0]}, status=400
            )
        return render(request, "newsletter/confirm.html", {"done": True})
    return render(request, "newsletter/confirm.html", {"token": token})


@csrf_exempt  # a mail program's one-click POST (RFC 8058) carries the signed token only
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            services.unsubscribe(token=token)
        except ValidationError as error:
            return render(
                request, "newsletter/unsubscribe.html", {"error": error.messages[0]}, status=400
            )
        return render(request, "newsletter/unsubscribe.html", {"done": True})
    return render(request, "newsletter/unsubscribe.html", {"token": token})


def archive(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/archive.html", {"letters": services.archive()})


def letter(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(services.archive(), pk=pk)
    asked = request.GET.get("language") or reader_language()
    return render(
        request,
        "newsletter/letter.html",
        {
            "letter": found,
            "shown": found.in_language(asked),
            "letter_languages": [found.language, *sorted(found.versions or {})],
        },
    )


def _writer(request: HttpRequest) -> None:
    if not services.may_write(request.user):
        raise Http404


@login_required
def letters(request: HttpRequest) -> HttpResponse:
    _writer(request)
    return render(
        request,
        "newsletter/letters.html",
        {"letters": Letter.objects.select_related("audience_edition").order_by("-created_at")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write or correct a draft, see the email, send it."""
    _writer(request)
    found = get_object_or_404(Letter, pk=pk) if pk else None
    if request.method == "POST" and request.POST.get("action") == "send" and found:
        try:
            services.letter_send_start(letter=found, sender=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The newsletter is being sent; this page shows how far it is.")
            )
        return redirect("newsletter.write", pk=found.pk)
    initial = (
        {
            "subject": found.subject,
            "body": found.body,
            "language": found.language,
            "audience": found.audience,
            "audience_language": found.audience_language,
            "audience_edition": found.audience_edition_id,
            **version_initial(found.versions),
        }
        if found
        else {"language": reader_language(), "audience": Letter.Audience.ALL}
    )
    form = LetterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.letter_save(
                author=request.user,
                letter=found,
                versions=form.versions(),
                **form.letter_fields(),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The draft is saved. Check the email below, then send it."))
            return redirect("newsletter.write", pk=saved.pk)
    context = {"form": form, "letter": found}
    if found is not None:
        context.update(
            {
                "count": services.recipients(found).count(),
                "delivered": found.deliveries.count(),
                "preview": services.preview(found, request.GET.get("preview", "")),
                "preview_languages": [found.language, *sorted(found.versions or {})],
            }
        )
    return render(request, "newsletter/write.html", context, status=400 if form.is_bound else 200)
