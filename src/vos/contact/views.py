"""The contact form, and the team's inbox."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vos.common.forms import errors_onto
from vos.common.http import client_address
from vos.common.multilingual import reader_language
from vos.contact import protection, services
from vos.contact.forms import AssignForm, ContactForm, ReplyForm
from vos.contact.models import ContactMessage


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {"language": reader_language(), "challenge": protection.challenge_new()}
    if user.is_authenticated:
        initial.update({"email": user.email, "name": user.display_name})
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.message_receive(
                subject=data["subject"],
                body=data["body"],
                email=data["email"],
                language=data["language"],
                name=data["name"],
                person=user,
                challenge=data["challenge"],
                nonce=data["nonce"],
                honeypot=data["website"],
                address=client_address(request),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            return render(request, "contact/sent.html")
    if form.is_bound:
        # A fresh challenge for the next try: each one is accepted once.
        form.data = form.data.copy()
        form.data["challenge"] = protection.challenge_new()
        form.data["nonce"] = ""
    return render(
        request,
        "contact/contact.html",
        {"form": form, "bits": settings.CONTACT_WORK_BITS, "wait": settings.CONTACT_WAIT_SECONDS},
        status=400 if form.is_bound else 200,
    )


def _answerer(request: HttpRequest) -> None:
    if not services.may_answer(request.user):
        raise Http404


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    _answerer(request)
    show = request.GET.get("show", "open")
    if show not in {"open", "mine", "all"}:
        show = "open"
    return render(
        request,
        "contact/inbox.html",
        {
            "items": services.inbox(person=request.user, show=show)[:200],
            "show": show,
            "counts": services.inbox_counts(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def message(request: HttpRequest, pk: int) -> HttpResponse:
    _answerer(request)
    found = get_object_or_404(ContactMessage.objects.select_related("assigned_to"), pk=pk)
    people = services.answerers()
    action = request.POST.get("action")
    reply_form = ReplyForm(request.POST if action == "reply" else None)
    assign_form = AssignForm(
        request.POST if action == "assign" else None,
        people=people,
        initial={"assigned_to": found.assigned_to_id},
    )
    if request.method == "POST":
        try:
            if action == "reply" and reply_form.is_valid():
                services.reply_send(
                    message=found, body=reply_form.cleaned_data["body"], by=request.user
                )
                messages.success(request, _("The reply is sent by email and kept in the thread."))
                return redirect("contact.message", pk=found.pk)
            if action == "assign" and assign_form.is_valid():
                services.message_assign(
                    message=found, to=assign_form.cleaned_data["assigned_to"], by=request.user
                )
                messages.success(request, _("The message is assigned."))
                return redirect("contact.message", pk=found.pk)
            if action in ContactMessage.State.values:
                services.message_state(message=found, state=action, by=request.user)
                messages.success(request, _("The message's state is changed."))
                return redirect("contact.message", pk=found.pk)
        except ValidationError as error:
            errors_onto(reply_form if action == "reply" else assign_form, error)
    return render(
        request,
        "contact/message.html",
        {
            "item": found,
            "replies": found.replies.select_related("author"),
            "reply_form": reply_form,
            "assign_form": assign_form,
        },
        status=400 if request.method == "POST" else 200,
    )
