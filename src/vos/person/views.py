import json
from urllib.parse import quote

from django import forms
from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, FormView, UpdateView, View

from vos.common.forms import TimeZoneForm, parse_key
from vos.common.http import safe_next
from vos.common.locales import country_name, language_name
from vos.common.timezones import zone_label
from vos.common.zone_search import zone_full_label
from vos.person.forms import AccountDeleteForm, ProfileForm
from vos.person.models import User
from vos.person.services import (
    api_token_create,
    api_token_revoke,
    person_delete,
    person_export_data,
    person_set_time_zone,
    person_update_profile,
)


class ProfileEditView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "person/profile_edit.html"

    def get_object(self, queryset=None) -> User:
        # A copy, so a form that fails validation leaves request.user untouched.
        return User.objects.get(pk=self.request.user.pk)

    def form_valid(self, form: ProfileForm) -> HttpResponse:
        person_update_profile(
            person=self.object,
            **{name: form.cleaned_data[name] for name in form.Meta.fields if name in form.fields},
        )
        messages.success(self.request, _("Your profile is saved."))
        return redirect("person.profile_edit")

    def form_invalid(self, form: ProfileForm) -> HttpResponse:
        # The instance was changed by validation; the page shows what was typed.
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ProfileDetailView(DetailView):
    model = User
    template_name = "person/profile_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None) -> User:
        person = get_object_or_404(User, pk=self.kwargs["pk"], is_active=True)
        if not self.request.user.has_perm("person.view_profile", person):
            raise Http404
        return person

    def get_context_data(self, **kwargs):
        person = self.object
        return {
            **super().get_context_data(**kwargs),
            "country_name": country_name(person.country) if person.country else "",
            "language_names": [language_name(code) for code in person.languages],
            "zone_label": zone_label(person.time_zone) if person.time_zone else "",
        }


class AccountDeleteView(LoginRequiredMixin, FormView):
    form_class = AccountDeleteForm
    template_name = "person/account_delete.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form: AccountDeleteForm) -> HttpResponse:
        person = self.request.user
        logout(self.request)
        person_delete(person=person)
        messages.success(self.request, _("Your account is deleted. Thank you for taking part."))
        return redirect("home")

    def form_invalid(self, form: AccountDeleteForm) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)


class DataExportView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        data = person_export_data(person=request.user)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.now().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="vos-my-data-{stamp}.json"'
        return response


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the new token"),
        max_length=80,
        help_text=gettext_lazy("For example the app or script that will use it."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """Create, list and revoke personal API tokens; a new token is shown only once."""
    new_token = None
    form = ApiTokenForm(
        request.POST if request.method == "POST" and "name" in request.POST else None
    )
    if request.method == "POST" and "revoke" in request.POST:
        token_id = parse_key(request.POST.get("revoke"))
        if token_id is not None and api_token_revoke(person=request.user, token_id=token_id):
            messages.success(request, _("The token is revoked: it no longer works."))
        else:
            messages.error(request, _("This token could not be found; nothing was changed."))
        return redirect("person.api_tokens")
    if form.is_bound and form.is_valid():
        _row, new_token = api_token_create(person=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "person/api_tokens.html",
        {"tokens": request.user.api_tokens.all(), "form": form, "new_token": new_token},
        status=400 if form.is_bound and form.errors else 200,
    )


def time_zone_choose(request: HttpRequest) -> HttpResponse:
    """Pick the zone in which every time is shown; kept in a cookie and the profile."""
    if request.method == "POST":
        form = TimeZoneForm(request.POST)
        if form.is_valid():
            zone = form.cleaned_data["time_zone"]
            if request.user.is_authenticated:
                person_set_time_zone(person=request.user, time_zone=zone)
            response = HttpResponseRedirect(safe_next(request))
            response.set_cookie(
                django_settings.TIME_ZONE_COOKIE,
                quote(zone, safe=""),
                max_age=365 * 24 * 3600,
                samesite="Lax",
                secure=request.is_secure(),
            )
            messages.success(
                request, _("Times are now shown in %(zone)s.") % {"zone": zone_full_label(zone)}
            )
            return response
    else:
        form = TimeZoneForm(initial={"time_zone": request.time_zone})
        # It shows the reader's zone: timezone.js updates it with the page on a first visit.
        form.fields["time_zone"].widget.attrs["data-zone-text"] = "name"
    return render(
        request,
        "person/time_zone.html",
        {"form": form, "next": safe_next(request)},
        status=400 if form.errors else 200,
    )
