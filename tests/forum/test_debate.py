"""The Open Forum's debate: typed contributions, proposals with their arguments side by
side, replies one level deep, likes that rank, who may write, and the same cost for a
space of 5 contributions or 100."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition, writer
from vos.forum.models import Contribution, Like
from vos.forum.services import (
    contribution_edit,
    contribution_post,
    like_toggle,
    space_of_activity,
    space_of_theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():
    intention_text()
    edition = make_edition()
    theme = edition.themes.create(name="Care and health")
    return space_of_theme(theme)


def test_writing_needs_the_intention_text(client, space):
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        contribution_post(space=space, author=stranger, kind="need", body="Hi", language="en")
    client.force_login(stranger)
    client.post(
        reverse("forum.post", kwargs={"pk": space.pk}),
        {"kind": "need", "body": "Hi", "language": "en"},
    )
    assert not Contribution.objects.exists()
    client.force_login(writer())
    client.post(
        reverse("forum.post", kwargs={"pk": space.pk}),
        {"kind": "need", "body": "Clinics close at night.", "language": "en"},
    )
    assert Contribution.objects.get().body == "Clinics close at night."


def test_a_proposal_shows_its_arguments_for_and_against_side_by_side(client, space):
    ana, ben, cleo = writer(display_name="Ana"), writer(display_name="Ben"), writer()
    proposal = contribution_post(
        space=space, author=ana, kind="proposal", body="Open a night clinic.", language="en"
    )
    contribution_post(
        space=space, author=ben, kind="against", body="Who pays?", language="en", proposal=proposal
    )
    contribution_post(
        space=space,
        author=cleo,
        kind="for",
        body="Nurses are ready.",
        language="en",
        proposal=proposal,
    )
    need = contribution_post(space=space, author=ben, kind="need", body="Night care", language="en")
    with pytest.raises(ValidationError, match="answers a proposal"):
        contribution_post(
            space=space, author=ben, kind="for", body="x", language="en", proposal=need
        )
    html = client.get(space.get_absolute_url()).content.decode()
    assert "1 argument for" in html
    assert "1 argument against" in html
    assert html.index("Open a night clinic.") < html.index("Nurses are ready.")
    # Arguments show inside their proposal, not as contributions of their own.
    assert html.count('class="thread"') == 2


def test_replies_stay_one_level_deep(space):
    ana = writer()
    first = contribution_post(
        space=space, author=ana, kind="sharing", body="My project", language="en"
    )
    reply = contribution_post(
        space=space, author=ana, kind="reply", body="Tell more", language="en", parent=first
    )
    deeper = contribution_post(
        space=space, author=ana, kind="reply", body="Sure", language="en", parent=reply
    )
    assert deeper.parent == first


def test_likes_toggle_and_rank_the_most_supported(client, space):
    ana = writer()
    quiet = contribution_post(
        space=space, author=ana, kind="proposal", body="Quiet idea", language="en"
    )
    loved = contribution_post(
        space=space, author=ana, kind="proposal", body="Loved idea", language="en"
    )
    Contribution.objects.filter(pk=loved.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    for _number in range(3):
        like_toggle(contribution=loved, person=UserFactory())
    liker = UserFactory()
    assert like_toggle(contribution=quiet, person=liker) is True
    assert like_toggle(contribution=quiet, person=liker) is False
    assert Like.objects.filter(contribution=quiet).count() == 0
    newest = client.get(space.get_absolute_url()).content.decode()
    assert newest.index("Quiet idea") < newest.index("Loved idea")
    supported = client.get(space.get_absolute_url(), {"order": "supported"}).content.decode()
    assert supported.index("Loved idea") < supported.index("Quiet idea")
    assert "3 likes" in supported


def test_an_author_edits_within_the_window_only(space, settings):
    ana = writer()
    contribution = contribution_post(
        space=space, author=ana, kind="need", body="Typo", language="en"
    )
    with pytest.raises(PermissionDenied):
        contribution_edit(contribution=contribution, author=writer(), body="Mine")
    contribution_edit(contribution=contribution, author=ana, body="Fixed")
    Contribution.objects.filter(pk=contribution.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    contribution.refresh_from_db()
    with pytest.raises(ValidationError, match="30 minutes"):
        contribution_edit(contribution=contribution, author=ana, body="Late")


def test_a_person_posts_a_few_a_minute_at_most(space, settings):
    settings.FORUM_POSTS_PER_MINUTE = 2
    ana = writer()
    for number in range(2):
        contribution_post(space=space, author=ana, kind="need", body=f"N{number}", language="en")
    with pytest.raises(ValidationError, match="very fast"):
        contribution_post(space=space, author=ana, kind="need", body="N3", language="en")
    assert Contribution.objects.count() == 2


def test_an_unpublished_activity_s_space_is_hidden(client):
    intention_text()
    edition = make_edition()
    hidden = make_activity(edition, title="Not yet", state="proposed")
    assert client.get(reverse("forum.activity", kwargs={"pk": hidden.pk})).status_code == 404
    shown = make_activity(edition, title="Published")
    response = client.get(reverse("forum.activity", kwargs={"pk": shown.pk}))
    assert response.status_code == 302
    assert response["Location"] == space_of_activity(shown).get_absolute_url()


@pytest.mark.parametrize("count", [5, 500])
def test_a_space_costs_the_same_for_few_and_many(client, space, django_assert_num_queries, count):
    ana = writer()
    Contribution.objects.bulk_create(
        [
            Contribution(space=space, kind="proposal", author=ana, body=f"P{n}", language="en")
            for n in range(count)
        ]
    )
    proposals = list(Contribution.objects.all())
    Contribution.objects.bulk_create(
        [
            Contribution(space=space, kind="for", author=ana, body="yes", language="en", proposal=p)
            for p in proposals
        ]
        + [
            Contribution(space=space, kind="reply", author=ana, body="ok", language="en", parent=p)
            for p in proposals
        ]
    )
    with django_assert_num_queries(5):
        html = client.get(space.get_absolute_url()).content.decode()
    assert html.count('class="thread"') == count
