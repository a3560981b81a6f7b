"""Following a space, a branch or a proposal: one digest a day or a week with what is
new there, in the follower's language; never twice; one-click unsubscribe links."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_edition, writer
from vos.forum import ideas
from vos.forum.following import forum_digests_send
from vos.forum.models import Following
from vos.forum.services import contribution_post, space_of_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():
    intention_text()
    edition = make_edition(facilitators=[UserFactory()])
    return space_of_theme(edition.themes.create(name="Water"))


def test_following_from_the_page_and_stopping(client, space):
    reader = writer()
    client.force_login(reader)
    follow = reverse("forum.follow")
    client.post(follow, {"what": "space", "pk": space.pk, "frequency": "weekly"})
    assert Following.objects.get(person=reader).frequency == "weekly"
    client.post(follow, {"what": "space", "pk": space.pk, "frequency": "daily"})
    assert Following.objects.get(person=reader).frequency == "daily"  # one following, changed
    client.post(follow, {"what": "space", "pk": space.pk, "frequency": "hourly"})
    assert Following.objects.get(person=reader).frequency == "daily"
    need = contribution_post(space=space, author=reader, kind="need", body="Wells", language="en")
    client.post(follow, {"what": "proposal", "pk": need.pk, "frequency": "daily"})
    assert Following.objects.count() == 1  # only a proposal is followed, not a need
    client.post(follow, {"what": "space", "pk": space.pk, "frequency": "stop"})
    assert not Following.objects.exists()


def test_a_daily_digest_brings_what_is_new_once(
    client, space, mailbox, django_capture_on_commit_callbacks
):
    reader = writer(email="reader@example.org", preferred_language="fr")
    yesterday = timezone.now() - dt.timedelta(days=1, minutes=1)
    Following.objects.create(person=reader, space=space, frequency="daily", last_sent_at=yesterday)
    proposal = contribution_post(
        space=space, author=writer(), kind="proposal", body="Rainwater tanks", language="en"
    )
    Following.objects.create(
        person=reader, proposal=proposal, frequency="weekly", last_sent_at=yesterday
    )
    contribution_post(
        space=space,
        author=writer(),
        kind="against",
        body="Too costly",
        language="en",
        proposal=proposal,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert forum_digests_send() == 1
    [message] = mailbox.wait_for(1)
    assert message["To"] == "reader@example.org"
    assert message["Subject"] == "Les nouveautés du Forum ouvert"
    body = body_of(message)
    assert "Rainwater tanks" in body
    assert "Too costly" in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert forum_digests_send() == 0  # the window moved on
    # The weekly one is not due yet; its window did not move.
    assert Following.objects.get(proposal=proposal).last_sent_at == yesterday

    # One click in the mail program: a POST to the header's address, no login, no CSRF.
    address = re.search(r"<https?://[^/]+(/[^>]+)>", message["List-Unsubscribe"]).group(1)
    client.handler.enforce_csrf_checks = True
    assert client.get(address).status_code == 200
    assert Following.objects.filter(person=reader).count() == 2
    assert client.post(address).status_code == 200
    assert not Following.objects.filter(person=reader).exists()
    assert client.post(reverse("forum.unsubscribe", kwargs={"token": "forged"})).status_code == 400


def test_a_branch_digest_tells_links_and_summaries(
    space, mailbox, django_capture_on_commit_callbacks
):
    team = space.edition.facilitators.get()
    branch = ideas.branch_create(
        facilitator=team, edition=space.edition, title="Wells", language="en"
    )
    reader = writer()
    Following.objects.create(
        person=reader,
        branch=branch,
        frequency="daily",
        last_sent_at=timezone.now() - dt.timedelta(days=2),
    )
    post = contribution_post(
        space=space, author=writer(), kind="need", body="Dry wells", language="en"
    )
    ideas.link_into_branch(facilitator=team, branch=branch, contribution=post)
    ideas.summary_save(
        facilitator=team,
        branch=branch,
        title="Wells run dry",
        body="…",
        language="en",
        publish=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert forum_digests_send() == 1
    body = body_of(mailbox.wait_for(1)[0])
    assert "Wells run dry" in body
    assert "Linked into the branch" in body
