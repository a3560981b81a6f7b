"""Moderation under the intention text: reports, the facilitation team's queue, hiding
with a visible trace, restoring, blocking a person from writing; each decision logged;
each role may do only its part. And a contribution's own page with its earlier wordings."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_edition, writer
from vos.common.log import log_for
from vos.forum import moderation
from vos.forum.models import Contribution, Report
from vos.forum.services import contribution_post, space_of_theme, space_standing

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory(display_name="Fatou Facilitator")


@pytest.fixture
def space(team):
    intention_text()
    edition = make_edition(facilitators=[team])
    return space_of_theme(edition.themes.create(name="Democracy"))


@pytest.fixture
def rude(space):
    return contribution_post(
        space=space,
        author=writer(display_name="Rex"),
        kind="need",
        body="You are all idiots.",
        language="en",
    )


def test_a_report_reaches_the_queue_of_the_space_s_team_only(client, space, team, rude):
    reporter = writer()
    client.force_login(reporter)
    response = client.post(reverse("forum.report", kwargs={"pk": rude.pk}), {"reason": "Insults"})
    assert response.status_code == 302
    assert Report.objects.get().reason == "Insults"
    # Twice while open: refused, nothing written.
    response = client.post(reverse("forum.report", kwargs={"pk": rude.pk}), {"reason": "Again"})
    assert response.status_code == 400
    assert "reported it already" in response.content.decode()
    assert Report.objects.count() == 1
    # An empty reason: refused.
    client.force_login(writer())
    assert (
        client.post(reverse("forum.report", kwargs={"pk": rude.pk}), {"reason": " "}).status_code
        == 400
    )
    assert Report.objects.count() == 1

    assert client.get(reverse("forum.queue")).status_code == 404  # a participant
    other_team = UserFactory()
    make_edition("other", facilitators=[other_team])
    client.force_login(other_team)
    assert "You are all idiots." not in client.get(reverse("forum.queue")).content.decode()
    client.force_login(team)
    queue = client.get(reverse("forum.queue")).content.decode()
    assert "You are all idiots." in queue
    assert "Insults" in queue


def test_hiding_leaves_a_trace_and_restoring_brings_the_text_back(client, space, team, rude):
    moderation.report(contribution=rude, reporter=writer(), reason="Insults")
    participant = writer()
    client.force_login(participant)
    decide = reverse("forum.decide", kwargs={"pk": rude.pk})
    assert client.post(decide, {"decision": "hide", "reason": "x"}).status_code == 404
    client.force_login(team)
    client.post(decide, {"decision": "hide", "reason": ""})
    rude.refresh_from_db()
    assert rude.hidden_at is None  # a reason is needed
    client.post(decide, {"decision": "hide", "reason": "Insults are against the intention text"})
    rude.refresh_from_db()
    assert rude.hidden_at is not None
    assert Report.objects.get().decision == Report.Decision.HIDDEN
    client.force_login(participant)
    page = client.get(space.get_absolute_url()).content.decode()
    assert "Hidden by the facilitation team: Insults are against the intention text" in page
    assert "You are all idiots." not in page
    assert "You are all idiots." not in client.get(rude.get_absolute_url()).content.decode()
    client.force_login(team)
    assert "You are all idiots." in client.get(space.get_absolute_url()).content.decode()
    client.post(decide, {"decision": "restore"})
    rude.refresh_from_db()
    assert rude.hidden_at is None
    assert [entry.action for entry in log_for(rude).order_by("pk")] == [
        "forum.post",
        "forum.report",
        "forum.hide",
        "forum.restore",
    ]


def test_keeping_closes_the_reports(space, team, rude):
    moderation.report(contribution=rude, reporter=writer(), reason="I disagree")
    with pytest.raises(PermissionDenied):
        moderation.keep(contribution=rude, facilitator=writer())
    moderation.keep(contribution=rude, facilitator=team)
    assert Report.objects.get().decision == Report.Decision.KEPT
    assert not moderation.queue_for(team).exists()


def test_a_blocked_person_reads_but_no_longer_writes(client, space, team, rude):
    rex = rude.author
    client.force_login(writer())
    client.post(reverse("forum.block", kwargs={"pk": rex.pk}), {"reason": "Insults"})
    assert not moderation.is_blocked(rex)  # a participant may not block
    client.force_login(team)
    client.post(reverse("forum.block", kwargs={"pk": rex.pk}), {"reason": "Repeated insults"})
    assert moderation.is_blocked(rex)
    with pytest.raises(ValidationError, match="stopped you"):
        contribution_post(space=space, author=rex, kind="need", body="Again", language="en")
    client.force_login(rex)
    page = client.get(space.get_absolute_url()).content.decode()
    assert "stopped you from writing" in page
    client.force_login(team)
    client.post(reverse("forum.block", kwargs={"pk": rex.pk}), {"decision": "unblock"})
    assert not moderation.is_blocked(rex)
    assert [entry.action for entry in log_for(rex).order_by("pk")] == [
        "forum.block",
        "forum.unblock",
    ]


def test_the_standing_space_is_looked_after_by_every_team(team):
    intention_text()
    make_edition(facilitators=[team])
    post = contribution_post(
        space=space_standing(), author=writer(), kind="need", body="Spam", language="en"
    )
    moderation.hide(contribution=post, facilitator=team, reason="Spam")
    with pytest.raises(PermissionDenied):
        moderation.restore(contribution=post, facilitator=writer())


def test_a_contribution_s_page_keeps_its_earlier_wordings(client, space, settings):
    ana = writer()
    post = contribution_post(space=space, author=ana, kind="proposal", body="Fist", language="en")
    client.force_login(ana)
    edit = reverse("forum.edit", kwargs={"pk": post.pk})
    assert client.post(edit, {"body": ""}).status_code == 400
    client.post(edit, {"body": "First"})
    post.refresh_from_db()
    assert post.body == "First"
    assert post.edited_at
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Earlier wordings" in page
    assert "Fist" in page
    client.force_login(writer())
    assert client.get(edit).status_code == 404  # not the author
    client.force_login(ana)
    Contribution.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=settings.FORUM_EDIT_MINUTES + 1)
    )
    response = client.post(edit, {"body": "Late"})
    assert response.status_code == 400
    post.refresh_from_db()
    assert post.body == "First"
