"""The facilitation team hears of proposals waiting for review: at once or daily."""

import datetime as dt
import zoneinfo

import pytest
from django.core.management import call_command

from tests.activity.test_views import proposal, propose_url
from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from tests.person.test_profile import VALID
from vos.activity.models import Activity, ReviewDigest
from vos.activity.services import activity_decide, review_digests_send
from vos.person.models import User

pytestmark = pytest.mark.django_db(transaction=True)

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


@pytest.fixture
def team():
    intention_text()
    people = {
        "now": UserFactory(
            email="now@example.org",
            preferred_language="pt",
            review_emails=User.ReviewEmails.IMMEDIATE,
        ),
        "daily": UserFactory(
            email="daily@example.org",
            time_zone="Asia/Tokyo",
            review_emails=User.ReviewEmails.DAILY,
        ),
        "never": UserFactory(email="never@example.org", review_emails=User.ReviewEmails.NEVER),
    }
    return make_edition(facilitators=list(people.values())), people


def test_a_new_proposal_is_told_at_once_to_who_chose_so(client, team, mailbox):
    edition, _people = team
    client.force_login(UserFactory(display_name="Lucía"))
    client.post(propose_url(edition), proposal(edition, title="Radio comunitaria"))
    activity = Activity.objects.get()
    [message] = mailbox.wait_for(1)
    assert message["To"] == "now@example.org"
    assert message["Subject"].strip() == "Nova proposta aguardando revisão: “Radio comunitaria”"
    assert f"/pt/orga/{edition.slug}/activities/{activity.pk}/" in body_of(message)
    assert message.get_body(preferencelist=("html",)) is not None


def test_an_edit_after_changes_were_asked_is_told_again(client, team, mailbox):
    edition, people = team
    organizer = UserFactory()
    client.force_login(organizer)
    client.post(propose_url(edition), proposal(edition, title="Radio comunitaria"))
    activity = Activity.objects.get()
    mailbox.wait_for(1)
    activity_decide(
        activity=activity, facilitator=people["daily"], decision="request_changes", message="Más"
    )
    mailbox.wait_for(2)  # the decision, to the organizer
    mailbox.clear()
    edit = f"/en/editions/{edition.slug}/activities/{activity.pk}/edit/"
    client.post(edit, proposal(edition, title="Radio comunitaria y celulares"))
    activity.refresh_from_db()
    assert activity.state == Activity.State.PROPOSED
    [message] = mailbox.wait_for(1)
    assert message["To"] == "now@example.org"
    assert "Alterada como pedido" in message["Subject"]


def test_the_daily_digest_goes_once_a_day_from_the_morning_in_the_facilitators_zone(team, mailbox):
    edition, people = team
    older = make_activity(edition, title="Semillas", state=Activity.State.PROPOSED)
    newer = make_activity(edition, title="Tejidos", state=Activity.State.PROPOSED)
    Activity.objects.filter(pk=older.pk).update(updated_at=newer.updated_at - dt.timedelta(hours=3))
    make_activity(edition, title="Already on the program")
    day = dt.date(2026, 12, 10)
    early = dt.datetime.combine(day, dt.time(7, 30), tzinfo=TOKYO)
    assert review_digests_send(now=early) == 0
    morning = dt.datetime.combine(day, dt.time(8, 5), tzinfo=TOKYO)
    assert review_digests_send(now=morning) == 1
    assert review_digests_send(now=morning + dt.timedelta(hours=5)) == 0
    [message] = mailbox.wait_for(1)
    assert message["To"] == "daily@example.org"
    assert message["Subject"].strip() == f"2 proposals wait for review in {edition.title}"
    body = body_of(message)
    assert body.index("Semillas") < body.index("Tejidos")
    assert "Already on the program" not in body
    assert f"/en/orga/{edition.slug}/" in body
    # The next morning, while proposals still wait, another one.
    assert review_digests_send(now=morning + dt.timedelta(days=1)) == 1
    assert ReviewDigest.objects.filter(person=people["daily"]).count() == 2


def test_no_digest_when_nothing_waits(team, mailbox):
    edition, _people = team
    make_activity(edition, title="On the program")
    assert review_digests_send(now=dt.datetime(2026, 12, 10, 12, tzinfo=TOKYO)) == 0
    assert mailbox.messages == []


def test_vos_remind_sends_the_digests(team, mailbox):
    edition, _people = team
    make_activity(edition, title="Semillas", state=Activity.State.PROPOSED)
    call_command("remind")
    local = dt.datetime.now(TOKYO)
    assert ReviewDigest.objects.filter(day=local.date()).exists() == (local.hour >= 8)


def test_the_choice_is_on_the_profile_of_facilitators_only(client, team):
    _edition, people = team
    client.force_login(people["daily"])
    html = client.get("/en/profile/").content.decode()
    assert "Emails about proposals waiting for review" in html
    response = client.post("/en/profile/", {**VALID, "review_emails": "immediate"})
    assert response.status_code == 302
    people["daily"].refresh_from_db()
    assert people["daily"].review_emails == User.ReviewEmails.IMMEDIATE
    client.force_login(UserFactory())
    assert "proposals waiting for review" not in client.get("/en/profile/").content.decode()
