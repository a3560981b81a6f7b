import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import body_of
from tests.factories import (
    PARIS,
    UserFactory,
    intention_text,
    make_activity,
    make_edition,
    make_slot,
)
from vos.activity.models import Activity, Organizer
from vos.activity.services import (
    ActivityData,
    activity_cancel,
    activity_decide,
    activity_propose,
    activity_set_flags,
    activity_update,
    invitation_accept,
    overlapping_activities,
)
from vos.common.log import log_for
from vos.edition.models import Edition
from vos.organization.models import Organization
from vos.organization.services import OrganizationData

pytestmark = pytest.mark.django_db


def data_for(edition, **changes) -> ActivityData:
    starts_at = changes.pop("starts_at", edition.starts_at + dt.timedelta(hours=16))
    values = {
        "title": "Huertas urbanas",
        "summary": "Sembrar en balcones.",
        "activity_type": edition.activity_types.get(key="workshop"),
        "languages": ["es"],
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(minutes=90),
        "typed_time_zone": "America/Caracas",
    }
    values.update(changes)
    return ActivityData(**values)


def test_propose_in_review_mode_waits_for_facilitators():
    edition = make_edition()
    proposer = UserFactory()
    activity = activity_propose(
        proposer=proposer, edition=edition, data=data_for(edition), intention_text=intention_text()
    )
    assert activity.state == Activity.State.PROPOSED
    assert activity.intention_text.version == 1
    assert list(activity.organizers.values_list("person", "is_proposer")) == [(proposer.pk, True)]
    assert [entry.action for entry in log_for(activity)] == ["activity.propose"]


def test_propose_in_publish_mode_is_public_at_once():
    edition = make_edition(moderation=Edition.Moderation.PUBLISH)
    activity = activity_propose(
        proposer=UserFactory(),
        edition=edition,
        data=data_for(edition),
        intention_text=intention_text(),
    )
    assert activity.state == Activity.State.PUBLISHED


def test_propose_refused_when_window_closed():
    edition = make_edition(open_proposals=False)
    with pytest.raises(ValidationError, match="not open"):
        activity_propose(
            proposer=UserFactory(),
            edition=edition,
            data=data_for(edition),
            intention_text=intention_text(),
        )
    assert not Activity.objects.exists()


def test_propose_requires_current_intention_text():
    old = intention_text(1)
    intention_text(2)
    edition = make_edition()
    with pytest.raises(ValidationError, match="current version"):
        activity_propose(
            proposer=UserFactory(), edition=edition, data=data_for(edition), intention_text=old
        )


@pytest.mark.parametrize(
    ("shift", "minutes", "message"),
    [
        (dt.timedelta(days=-1), 90, "must take place during the edition"),
        (dt.timedelta(hours=10), 9 * 60, "may last 8 hours at most"),
        (dt.timedelta(hours=10), 0, "end must come after the start"),
    ],
)
def test_propose_time_rules(shift, minutes, message):
    edition = make_edition()
    starts_at = edition.starts_at + shift
    data = data_for(edition, starts_at=starts_at, ends_at=starts_at + dt.timedelta(minutes=minutes))
    with pytest.raises(ValidationError, match=message):
        activity_propose(
            proposer=UserFactory(), edition=edition, data=data, intention_text=intention_text()
        )
    assert not Activity.objects.exists()


def test_slot_booking_takes_slot_times_and_counts_places():
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS)
    slot = make_slot(edition, hours=10, places=2)
    for _number in range(2):
        activity = activity_propose(
            proposer=UserFactory(),
            edition=edition,
            data=data_for(edition, slot=slot),
            intention_text=intention_text(),
        )
        assert (activity.starts_at, activity.ends_at) == (slot.starts_at, slot.ends_at)
    with pytest.raises(ValidationError, match="every place is booked"):
        activity_propose(
            proposer=UserFactory(),
            edition=edition,
            data=data_for(edition, slot=slot),
            intention_text=intention_text(),
        )
    assert Activity.objects.filter(slot=slot).count() == 2


def test_refused_proposal_leaves_no_new_organization_behind():
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS)
    slot = make_slot(edition, hours=10, places=1)
    activity_propose(
        proposer=UserFactory(),
        edition=edition,
        data=data_for(edition, slot=slot),
        intention_text=intention_text(),
    )
    new = OrganizationData(name="Colectivo Nuevo", country="VE")
    with pytest.raises(ValidationError, match="every place is booked"):
        activity_propose(
            proposer=UserFactory(),
            edition=edition,
            data=data_for(edition, slot=slot, new_organization=new),
            intention_text=intention_text(),
        )
    assert not Organization.objects.filter(name="Colectivo Nuevo").exists()
    second = make_slot(edition, hours=14, places=1)
    activity = activity_propose(
        proposer=UserFactory(),
        edition=edition,
        data=data_for(edition, slot=second, new_organization=new),
        intention_text=intention_text(),
    )
    assert [org.name for org in activity.organizations.all()] == ["Colectivo Nuevo"]


def test_cancelled_activity_frees_its_place_in_the_slot():
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS)
    slot = make_slot(edition, hours=10, places=1)
    proposer = UserFactory()
    first = activity_propose(
        proposer=proposer,
        edition=edition,
        data=data_for(edition, slot=slot),
        intention_text=intention_text(),
    )
    activity_cancel(activity=first, actor=proposer, reason="Our speaker is ill.")
    second = activity_propose(
        proposer=UserFactory(),
        edition=edition,
        data=data_for(edition, slot=slot),
        intention_text=intention_text(),
    )
    assert second.slot == slot


def test_overlap_is_reported_not_refused():
    edition = make_edition(moderation=Edition.Moderation.PUBLISH)
    proposer = UserFactory()
    first = activity_propose(
        proposer=proposer, edition=edition, data=data_for(edition), intention_text=intention_text()
    )
    later = first.starts_at + dt.timedelta(minutes=30)
    assert overlapping_activities(proposer, later, later + dt.timedelta(hours=1)) == [first]
    assert (
        overlapping_activities(proposer, first.ends_at, first.ends_at + dt.timedelta(hours=1)) == []
    )
    second = activity_propose(
        proposer=proposer,
        edition=edition,
        data=data_for(edition, starts_at=later, ends_at=later + dt.timedelta(hours=1)),
        intention_text=intention_text(),
    )
    assert second.pk


def test_update_keeps_history_and_raises_sequence_on_new_time():
    edition = make_edition()
    proposer = UserFactory()
    activity = activity_propose(
        proposer=proposer, edition=edition, data=data_for(edition), intention_text=intention_text()
    )
    new_start = activity.starts_at + dt.timedelta(hours=2)
    activity_update(
        activity=activity,
        editor=proposer,
        data=data_for(
            edition,
            title="Huertas urbanas y trueque",
            starts_at=new_start,
            ends_at=new_start + dt.timedelta(minutes=90),
        ),
    )
    activity.refresh_from_db()
    assert (activity.title, activity.sequence) == ("Huertas urbanas y trueque", 1)
    update = log_for(activity).filter(action="activity.update").get()
    assert update.actor == proposer
    assert update.data["title"] == ["Huertas urbanas", "Huertas urbanas y trueque"]
    assert set(update.data) == {"title", "starts_at", "ends_at"}


def test_update_refused_after_edition_ended():
    edition = make_edition(start=dt.date(2020, 6, 20), open_proposals=False)
    proposer = UserFactory()
    activity = make_activity(edition, organizer=proposer)
    with pytest.raises(ValidationError, match="has ended"):
        activity_update(activity=activity, editor=proposer, data=data_for(edition))


def test_cancel_needs_a_reason():
    edition = make_edition()
    activity = make_activity(edition)
    with pytest.raises(ValidationError):
        activity_cancel(activity=activity, actor=UserFactory(), reason="  ")
    activity.refresh_from_db()
    assert activity.state == Activity.State.PUBLISHED


def test_decisions_email_each_organizer_in_their_language_and_zone(
    mailbox, django_capture_on_commit_callbacks
):
    edition = make_edition()
    start = dt.datetime(
        edition.start_date.year, edition.start_date.month, edition.start_date.day, 16, tzinfo=PARIS
    )
    lucia = UserFactory(
        preferred_language="es", time_zone="America/Caracas", email="lucia@example.org"
    )
    priya = UserFactory(
        preferred_language="en", time_zone="Asia/Kolkata", email="priya@example.org"
    )
    activity = make_activity(
        edition, starts_at=start, state=Activity.State.PROPOSED, organizer=lucia
    )
    Organizer.objects.create(activity=activity, person=priya)
    facilitator = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        activity_decide(activity=activity, facilitator=facilitator, decision="publish")
    messages = {message["To"]: message for message in mailbox.wait_for(2)}
    spanish, english = (
        body_of(messages["lucia@example.org"]),
        body_of(messages["priya@example.org"]),
    )
    caracas = start.astimezone(__import__("zoneinfo").ZoneInfo("America/Caracas"))
    kolkata = start.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Kolkata"))
    assert "ha publicado" in spanish
    assert f"{caracas:%H:%M} (Caracas, UTC-4)" in spanish
    assert "has published" in english
    assert f"{kolkata:%H:%M} (Kolkata, UTC+5:30)" in english
    activity.refresh_from_db()
    assert activity.state == Activity.State.PUBLISHED
    assert log_for(activity).get(action="activity.publish").actor == facilitator


def test_decline_needs_a_message_and_changes_nothing_without_one():
    edition = make_edition()
    activity = make_activity(edition, state=Activity.State.PROPOSED)
    with pytest.raises(ValidationError, match="message"):
        activity_decide(activity=activity, facilitator=UserFactory(), decision="decline")
    activity.refresh_from_db()
    assert activity.state == Activity.State.PROPOSED


def test_decision_must_fit_the_state():
    edition = make_edition()
    activity = make_activity(edition, state=Activity.State.PUBLISHED)
    with pytest.raises(ValidationError, match="does not apply"):
        activity_decide(
            activity=activity, facilitator=UserFactory(), decision="decline", message="no"
        )


def test_changes_requested_then_edited_returns_to_queue(django_capture_on_commit_callbacks):
    edition = make_edition()
    proposer = UserFactory()
    activity = activity_propose(
        proposer=proposer, edition=edition, data=data_for(edition), intention_text=intention_text()
    )
    with django_capture_on_commit_callbacks(execute=True):
        activity_decide(
            activity=activity,
            facilitator=UserFactory(),
            decision="request_changes",
            message="Please add a language.",
        )
    activity_update(
        activity=activity, editor=proposer, data=data_for(edition, languages=["es", "en"])
    )
    activity.refresh_from_db()
    assert activity.state == Activity.State.PROPOSED


def test_flags_are_logged():
    edition = make_edition()
    activity = make_activity(edition)
    facilitator = UserFactory()
    activity_set_flags(
        activity=activity, facilitator=facilitator, is_official=True, is_featured=True
    )
    activity.refresh_from_db()
    assert (activity.is_official, activity.is_featured) == (True, True)
    assert log_for(activity).get(action="activity.flags").data == {
        "is_official": [False, True],
        "is_featured": [False, True],
    }


def test_co_organizer_invited_by_email_appears_after_accepting(
    mailbox, django_capture_on_commit_callbacks
):
    edition = make_edition()
    proposer = UserFactory(preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        activity = activity_propose(
            proposer=proposer,
            edition=edition,
            data=data_for(edition, co_organizer_emails=["grace@example.org"]),
            intention_text=intention_text(),
        )
    [message] = mailbox.wait_for(1)
    assert message["To"] == "grace@example.org"
    invitation = activity.invitations.get()
    assert f"/invitations/{invitation.token}/" in body_of(message)
    assert list(activity.organizers.values_list("person", flat=True)) == [proposer.pk]
    grace = UserFactory(email="grace@example.org")
    invitation_accept(invitation=invitation, person=grace)
    assert set(activity.organizers.values_list("person", flat=True)) == {proposer.pk, grace.pk}
    with pytest.raises(ValidationError, match="already been accepted"):
        invitation_accept(invitation=invitation, person=grace)
