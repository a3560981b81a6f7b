"""Followers get one digest a day or a week of the new activities and initiatives of the
organizations they follow, in their language; never twice, nothing when nothing is new."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.network.digests import follow_digests_send
from vos.network.services import InitiativeData, initiative_create
from vos.organization.models import Follow
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db


def test_a_weekly_digest_brings_the_weeks_news_once(mailbox, django_capture_on_commit_callbacks):
    intention_text()
    edition = make_edition()
    admin = UserFactory()
    org = organization_create(creator=admin, details=OrganizationDetails(name="Attac", kind="ngo"))
    reader = UserFactory(email="reader@example.org", preferred_language="fr")
    start = timezone.now() - dt.timedelta(days=8)
    Follow.objects.create(organization=org, person=reader, frequency="weekly", last_sent_at=start)
    quiet = UserFactory(email="quiet@example.org")
    other = organization_create(creator=admin, details=OrganizationDetails(name="Calm", kind="ngo"))
    Follow.objects.create(organization=other, person=quiet, frequency="daily", last_sent_at=start)
    activity = make_activity(edition, title="Justice fiscale", published_at=timezone.now())
    activity.organizations.add(org)
    initiative_create(creator=admin, organizations=[org], data=InitiativeData(title="Tax the rich"))
    old = make_activity(edition, title="Already told", published_at=start - dt.timedelta(days=1))
    old.organizations.add(org)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_digests_send() == 1
    [message] = mailbox.wait_for(1)
    assert message["To"] == "reader@example.org"
    assert message["Subject"] == "Nouvelles de 1 organisation que vous suivez"
    body = body_of(message)
    assert "Justice fiscale" in body
    assert "Tax the rich" in body
    assert "Already told" not in body
    # Both windows moved on: nothing twice, and the quiet one got no empty email.
    assert follow_digests_send() == 0
    assert set(Follow.objects.values_list("last_sent_at", flat=True)) != {start}


def test_vos_remind_sends_the_digests_too(mailbox, django_capture_on_commit_callbacks):
    admin = UserFactory()
    org = organization_create(creator=admin, details=OrganizationDetails(name="Attac", kind="ngo"))
    reader = UserFactory()
    Follow.objects.create(
        organization=org,
        person=reader,
        frequency="daily",
        last_sent_at=timezone.now() - dt.timedelta(days=2),
    )
    initiative_create(creator=admin, organizations=[org], data=InitiativeData(title="Tax the rich"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind")
    assert "Tax the rich" in body_of(mailbox.wait_for(1)[0])
