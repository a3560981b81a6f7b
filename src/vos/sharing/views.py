"""Invitation pages of editions and activities, made to be shared: plain share links, a
text to copy in the reader's language and zone, an Open Graph card, a QR code."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.common.multilingual import reader_language
from vos.common.templatetags.vos import format_moment
from vos.edition.models import Edition
from vos.sharing.cards import card_png, qr_png, qr_svg
from vos.sharing.links import mastodon_address, share_links
from vos.sharing.services import MAX_ADDRESSES, invite_network

CARD_CACHE = 24 * 3600


def _activity(request: HttpRequest, slug: str, pk: int) -> Activity:
    activity = activity_or_404(request.user, pk, edition_slug=slug)
    if not activity.is_public:
        raise Http404
    return activity


def _activity_when(activity: Activity, zone: str | None = None) -> str:
    return format_moment(activity.starts_at, zone=zone)


def _edition_when(edition: Edition, zone: str | None = None) -> str:
    start = format_moment(edition.starts_at, "date", zone)
    # ends_at is the midnight after the last day.
    end = format_moment(edition.ends_at - dt.timedelta(seconds=1), "date", zone)
    return start if start == end else f"{start.rsplit(' (', 1)[0]} – {end}"


def _page(request: HttpRequest, *, title: str, url: str, when: str, card: str, qr: str, back: str):
    text = _("%(title)s · %(when)s") % {"title": title, "when": when}
    return render(
        request,
        "sharing/invite.html",
        {
            "title": title,
            "url": url,
            "text": f"{text} {url}",
            "links": share_links(url=url, text=text),
            "card": card,
            "qr": qr,
            "back": back,
            "max_addresses": MAX_ADDRESSES,
        },
    )


@require_GET
def activity_invite(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _activity(request, slug, pk)
    return _page(
        request,
        title=activity.tr.title,
        url=request.build_absolute_uri(activity.get_absolute_url()),
        when=_activity_when(activity),  # in the reader's zone
        card=request.build_absolute_uri(f"{request.path}card.png"),
        qr=f"{request.path}qr.svg",
        back=activity.get_absolute_url(),
    )


@require_GET
def edition_invite(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(Edition, slug=slug)
    return _page(
        request,
        title=edition.tr.title,
        url=request.build_absolute_uri(edition.get_absolute_url()),
        when=_edition_when(edition),
        card=request.build_absolute_uri(f"{request.path}card.png"),
        qr=f"{request.path}qr.svg",
        back=edition.get_absolute_url(),
    )


def _png(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="image/png")


@require_GET
@cache_control(public=True, max_age=CARD_CACHE)
def activity_card(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The card, with the times in the edition's zone (named), for every reader alike."""
    activity = _activity(request, slug, pk)
    return _png(
        card_png(
            title=activity.tr.title,
            when=_activity_when(activity, activity.edition.time_zone),
            site_name=settings.VOS_SITE_NAME,
            kicker=activity.edition.tr.title,
        )
    )


@require_GET
@cache_control(public=True, max_age=CARD_CACHE)
def edition_card(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(Edition, slug=slug)
    return _png(
        card_png(
            title=edition.tr.title,
            when=_edition_when(edition, edition.time_zone),
            site_name=settings.VOS_SITE_NAME,
            kicker=edition.tr.tagline,
        )
    )


def _qr(request: HttpRequest, path: str, kind: str) -> HttpResponse:
    url = request.build_absolute_uri(path)
    if kind == "png":
        return _png(qr_png(url))
    return HttpResponse(qr_svg(url), content_type="image/svg+xml")


@require_GET
@cache_control(public=True, max_age=CARD_CACHE)
def activity_qr(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    return _qr(request, _activity(request, slug, pk).get_absolute_url(), kind)


@require_GET
@cache_control(public=True, max_age=CARD_CACHE)
def edition_qr(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    return _qr(request, get_object_or_404(Edition, slug=slug).get_absolute_url(), kind)


def _send(request: HttpRequest, subject, *, url: str, title: str, back: str) -> HttpResponse:
    try:
        count = invite_network(
            sender=request.user,
            subject=subject,
            url=url,
            title=title,
            emails=request.POST.get("emails", ""),
            note=request.POST.get("note", ""),
            language=reader_language(),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext(
                "Your invitation is on its way to %(count)s address.",
                "Your invitation is on its way to %(count)s addresses.",
                count,
            )
            % {"count": count},
        )
    return redirect(back)


@login_required
@require_POST
def activity_send(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _activity(request, slug, pk)
    return _send(
        request,
        activity,
        url=request.build_absolute_uri(activity.get_absolute_url()),
        title=activity.tr.title,
        back=request.path.removesuffix("send/"),
    )


@login_required
@require_POST
def edition_send(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(Edition, slug=slug)
    return _send(
        request,
        edition,
        url=request.build_absolute_uri(edition.get_absolute_url()),
        title=edition.tr.title,
        back=request.path.removesuffix("send/"),
    )


@require_GET
def mastodon(request: HttpRequest) -> HttpResponse:
    """Send the reader to their own Mastodon server's share page."""
    address = mastodon_address(request.GET.get("server", ""), request.GET.get("text", ""))
    if address is None:
        return render(
            request,
            "sharing/mastodon.html",
            {"error": _("Type the name of your Mastodon server, such as mastodon.social.")},
            status=400,
        )
    return HttpResponseRedirect(address)
