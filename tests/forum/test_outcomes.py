"""Outcomes of activities: posted by the organizers once the activity has ended, shown
on its page, and gathered on the edition's wall of proposals."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.forum.models import Outcome
from vos.forum.outcomes import outcome_reminders_send, outcome_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended():
    intention_text()
    edition = make_edition(start=timezone.localdate() - dt.timedelta(days=3))
    organizer = UserFactory()
    activity = make_activity(
        edition,
        title="Water commons",
        organizer=organizer,
        starts_at=timezone.now() - dt.timedelta(days=2),
        languages=["es"],
    )
    return activity, organizer


def test_the_organizers_post_an_outcome_once_the_activity_has_ended(client, ended):
    activity, organizer = ended
    with pytest.raises(PermissionDenied):
        outcome_save(activity=activity, author=UserFactory(), summary="Mine")
    client.force_login(organizer)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert reverse("forum.outcome", kwargs={"pk": activity.pk}) in page
    response = client.post(
        reverse("forum.outcome", kwargs={"pk": activity.pk}),
        {
            "summary": "We mapped twelve water commons.",
            "proposals": "A network of water committees.",
            "links": "https://video.example.org/recording\nnot a link",
            "language": "en",
        },
    )
    assert response.status_code == 400
    assert "is not a web address" in response.content.decode()
    assert not Outcome.objects.exists()
    client.post(
        reverse("forum.outcome", kwargs={"pk": activity.pk}),
        {
            "summary": "We mapped twelve water commons.",
            "proposals": "A network of water committees.",
            "links": "https://video.example.org/recording",
            "language": "en",
        },
    )
    client.logout()
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "We mapped twelve water commons." in page
    assert "https://video.example.org/recording" in page


def test_no_outcome_before_the_end(ended):
    activity, organizer = ended
    activity.ends_at = timezone.now() + dt.timedelta(hours=1)
    activity.save(update_fields=["ends_at"])
    with pytest.raises(ValidationError, match="once the activity has ended"):
        outcome_save(activity=activity, author=organizer, summary="Too early")


def test_the_wall_gathers_an_editions_outcomes_with_filters(client, ended):
    activity, organizer = ended
    outcome_save(activity=activity, author=organizer, summary="Mapped.", proposals="Committees.")
    other = make_activity(
        activity.edition,
        title="Open mic",
        organizer=organizer,
        starts_at=timezone.now() - dt.timedelta(days=2),
        languages=["en"],
    )
    outcome_save(activity=other, author=organizer, summary="We sang.")
    url = reverse("forum.wall", kwargs={"slug": activity.edition.slug})
    wall = client.get(url).content.decode()
    assert "Water commons" in wall
    assert "Open mic" in wall
    assert "Open mic" not in client.get(url, {"proposals": "on"}).content.decode()
    assert "Open mic" not in client.get(url, {"language": "es"}).content.decode()


def test_the_organizers_are_reminded_once_a_day_after_the_end(
    ended, mailbox, django_capture_on_commit_callbacks
):
    activity, organizer = ended
    posted = make_activity(
        activity.edition,
        title="Already told",
        organizer=organizer,
        starts_at=timezone.now() - dt.timedelta(days=2),
    )
    outcome_save(activity=posted, author=organizer, summary="Done.")
    make_activity(  # ended an hour ago: too early to remind
        activity.edition,
        title="Just ended",
        organizer=organizer,
        starts_at=timezone.now() - dt.timedelta(hours=2, minutes=30),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert outcome_reminders_send() == 1
    [message] = mailbox.wait_for(1)
    assert message["To"] == organizer.email
    assert "Water commons" in message["Subject"]
    assert reverse("forum.outcome", kwargs={"pk": activity.pk}).removeprefix("/en") in body_of(
        message
    )
    assert outcome_reminders_send() == 0


def test_outcomes_are_supported_and_linked_to_initiatives_and_declarations(client, ended):
    from vos.declaration.models import Declaration
    from vos.network.services import InitiativeData, initiative_create
    from vos.organization.models import Membership
    from vos.organization.services import OrganizationDetails, organization_create

    activity, organizer = ended
    org = organization_create(
        creator=organizer, details=OrganizationDetails(name="Agua Viva", kind="ngo")
    )
    activity.organizations.add(org)
    initiative = initiative_create(
        creator=organizer, organizations=[org], data=InitiativeData(title="Water is a right")
    )
    foreign = initiative_create(
        creator=organizer,
        organizations=[
            organization_create(
                creator=organizer, details=OrganizationDetails(name="Other", kind="ngo")
            )
        ],
        data=InitiativeData(title="Unrelated"),
    )
    declaration = Declaration.objects.create(
        edition=activity.edition, title="Declaration of the commons", state="open"
    )
    client.force_login(organizer)
    url = reverse("forum.outcome", kwargs={"pk": activity.pk})
    form = client.get(url).content.decode()
    assert "Water is a right" in form
    assert "Unrelated" not in form
    response = client.post(
        url,
        {
            "summary": "Water commons",
            "language": "en",
            "initiatives": [foreign.pk],
        },
    )
    assert response.status_code == 400  # not an initiative of the activity's organizations
    assert not Outcome.objects.exists()
    client.post(
        url,
        {
            "summary": "Water commons",
            "language": "en",
            "initiatives": [initiative.pk],
            "declarations": [declaration.pk],
        },
    )
    outcome = Outcome.objects.get()
    assert list(outcome.initiatives.all()) == [initiative]
    assert list(outcome.declarations.all()) == [declaration]

    supporter = UserFactory()
    Membership.objects.filter(organization=org).update(role="admin")
    client.force_login(supporter)
    support = reverse("forum.support", kwargs={"pk": outcome.pk})
    client.post(support)
    client.post(support)  # twice: still one support
    assert outcome.supports.count() == 1
    assert client.post(support, {"organization": org.pk}).status_code == 404  # not theirs
    client.force_login(organizer)
    client.post(support, {"organization": org.pk})
    wall = client.get(
        reverse("forum.wall", kwargs={"slug": activity.edition.slug}), {"order": "supported"}
    ).content.decode()
    assert "Supported by 1 person" in wall
    assert "1 organization" in wall
    assert "Water is a right" in wall
    assert "Declaration of the commons" in wall
    client.force_login(supporter)
    client.post(support, {"undo": "1"})
    assert outcome.supports.filter(person=supporter).count() == 0
