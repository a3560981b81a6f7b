"""Invitation pages: plain share links (no third-party script), a text in the reader's
language and zone, an Open Graph card and a QR code, both read back by decoding them."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.common.models import LogEntry
from vos.mail.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    intention_text()
    edition = make_edition("vos-share")
    return make_activity(edition, title="Água e território: a luta comum")


def invite_url(activity) -> str:
    return reverse("sharing.activity", kwargs={"slug": activity.edition.slug, "pk": activity.pk})


def test_the_page_shares_plain_links_and_a_text_in_the_readers_zone(client, activity):
    client.cookies["vos_tz"] = "Asia/Kolkata"
    html = client.get(invite_url(activity)).content.decode()
    page = f"http://testserver{activity.get_absolute_url()}"
    assert "Kolkata" in html  # the time, in the reader's zone, with its name
    assert '<script src="http' not in html
    for service in ("bsky.app", "facebook.com", "wa.me", "t.me", "linkedin.com", "mailto:"):
        assert service in html
    start = html.index("https://www.linkedin.com")
    linkedin = html[start : html.index('"', start)].replace("&amp;", "&")
    assert parse_qs(urlsplit(linkedin).query)["url"] == [page]
    assert f'og:image" content="{page}invite/card.png"' in html


def test_the_card_is_an_image_of_the_right_size(client, activity):
    url = reverse(
        "sharing.activity_card", kwargs={"slug": activity.edition.slug, "pk": activity.pk}
    )
    response = client.get(url)
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert len(image.getcolors(maxcolors=100_000)) > 10  # text was drawn, not a flat colour
    activity.title = "Another title"
    activity.save()
    assert client.get(url).content != response.content


def test_an_arabic_title_draws_too(client):
    intention_text()
    edition = make_edition("vos-share-ar")
    arabic = make_activity(edition, title="المياه مشاع للجميع", languages=("ar",))
    url = reverse("sharing.activity_card", kwargs={"slug": edition.slug, "pk": arabic.pk})
    assert Image.open(io.BytesIO(client.get(url).content)).size == (1200, 630)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_qr_code_reads_back_the_address(client, activity, kind):
    url = reverse(
        "sharing.activity_qr",
        kwargs={"slug": activity.edition.slug, "pk": activity.pk, "kind": kind},
    )
    response = client.get(url)
    if kind == "svg":
        assert response["Content-Type"] == "image/svg+xml"
        png = client.get(url.replace(".svg", ".png")).content
    else:
        png = response.content
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert code.text == f"http://testserver{activity.get_absolute_url()}"


def test_the_edition_has_its_invitation_too(client, activity):
    edition = activity.edition
    html = client.get(reverse("sharing.edition", kwargs={"slug": edition.slug})).content.decode()
    assert "Invite people to" in html
    png = client.get(
        reverse("sharing.edition_qr", kwargs={"slug": edition.slug, "kind": "png"})
    ).content
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert code.text.endswith(edition.get_absolute_url())
    card = client.get(reverse("sharing.edition_card", kwargs={"slug": edition.slug}))
    assert Image.open(io.BytesIO(card.content)).size == (1200, 630)


def test_an_activity_not_in_the_program_has_no_invitation(client):
    intention_text()
    edition = make_edition("vos-share-draft")
    draft = make_activity(edition, state="proposed")
    for name, extra in (
        ("sharing.activity", {}),
        ("sharing.activity_card", {}),
        ("sharing.activity_qr", {"kind": "png"}),
    ):
        url = reverse(name, kwargs={"slug": edition.slug, "pk": draft.pk, **extra})
        assert client.get(url).status_code == 404


def test_mastodon_goes_to_the_readers_server(client):
    url = reverse("sharing.mastodon")
    response = client.get(url, {"server": "@ana@Social.Example.org", "text": "Join us"})
    assert response.status_code == 302
    assert response.url == "https://social.example.org/share?text=Join+us"
    bad = client.get(url, {"server": "javascript:alert(1)", "text": "x"})
    assert bad.status_code == 400
    assert "Mastodon server" in bad.content.decode()


def test_invite_your_network_sends_once_and_keeps_no_address(
    client, activity, mailbox, django_capture_on_commit_callbacks
):
    sender = UserFactory(display_name="Lucía", email="lucia@example.org")
    send = invite_url(activity) + "send/"
    assert client.post(send, {"emails": "a@example.org"}).status_code == 302  # to log in
    assert OutboxMessage.objects.count() == 0
    client.force_login(sender)
    # Bad input: nothing is sent.
    for emails in ("not-an-address", "", "\n".join(f"p{n}@example.org" for n in range(21))):
        client.post(send, {"emails": emails})
    assert OutboxMessage.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            send,
            {"emails": "Ana@example.org, ben@example.org\nana@example.org", "note": "Ven!"},
        )
    received = mailbox.wait_for(2)
    assert sorted(m["To"] for m in received) == ["ana@example.org", "ben@example.org"]
    assert "Ven!" in body_of(received[0])
    assert "Lucía" in received[0]["Subject"]
    # Sent, then forgotten: no row keeps an address, the log only counts them.
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
    assert all(row.to == [] for row in OutboxMessage.objects.all())
    assert LogEntry.objects.filter(action="sharing.invite").first().data == {"count": 2}
    assert "example.org" not in str(list(LogEntry.objects.values_list("data", flat=True)))
    # Three sends a day at most.
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(3):
            client.post(send, {"emails": "c@example.org"})
    # The first send, then two more; the fourth of the day is refused.
    assert OutboxMessage.objects.count() == 4
