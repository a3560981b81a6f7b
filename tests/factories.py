import datetime as dt
import zoneinfo

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from vos.activity.models import Activity, Organizer
from vos.edition.models import Edition, IntentionAcceptance, IntentionText, Theme
from vos.edition.services import edition_create
from vos.person.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    time_zone = "Europe/Paris"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        if extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def intention_text(version: int = 1) -> IntentionText:
    return IntentionText.objects.get_or_create(
        version=version,
        defaults={"bodies": {"en": "We share an open space.", "fr": "Un espace ouvert."}},
    )[0]


def writer(**fields) -> User:
    """A participant who shares the intention text: one who may write in the forum."""
    person = UserFactory(**fields)
    IntentionAcceptance.objects.get_or_create(person=person, intention_text=intention_text())
    return person


def make_edition(
    slug: str = "vos-test",
    *,
    start: dt.date | None = None,
    days: int = 3,
    open_proposals: bool = True,
    moderation: str = Edition.Moderation.REVIEW,
    scheduling: str = Edition.Scheduling.FREE,
    facilitators=(),
) -> Edition:
    """An edition starting in ten days (by default), open for proposals now."""
    start = start or (timezone.now() + dt.timedelta(days=10)).astimezone(PARIS).date()
    now = timezone.now()
    edition = edition_create(
        slug=slug,
        title=f"Edition {slug}",
        tagline="A test edition",
        start_date=start,
        end_date=start + dt.timedelta(days=days - 1),
        time_zone="Europe/Paris",
        proposals_open_at=now - dt.timedelta(days=1)
        if open_proposals
        else now + dt.timedelta(days=1),
        proposals_close_at=None,
        moderation=moderation,
        scheduling=scheduling,
    )
    edition.facilitators.set(facilitators)
    Theme.objects.create(edition=edition, name="Commons", position=0)
    Theme.objects.create(edition=edition, name="Care", position=1)
    return edition


def make_activity(
    edition: Edition,
    *,
    title: str = "A workshop",
    starts_at: dt.datetime | None = None,
    minutes: int = 90,
    state: str = Activity.State.PUBLISHED,
    organizer=None,
    languages=("en",),
    kind: str = "workshop",
    **fields,
) -> Activity:
    starts_at = starts_at or edition.starts_at + dt.timedelta(hours=14)
    activity = Activity.objects.create(
        edition=edition,
        title=title,
        summary=fields.pop("summary", f"Summary of {title}"),
        activity_type=edition.activity_types.get(key=kind),
        languages=list(languages),
        original_language=fields.pop("original_language", languages[0] if languages else "en"),
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        typed_time_zone="Europe/Paris",
        intention_text=intention_text(),
        state=state,
        **fields,
    )
    if organizer is not None:
        Organizer.objects.create(activity=activity, person=organizer, is_proposer=True)
    return activity


def make_slot(edition: Edition, *, hours: int = 10, places: int = 1):
    """The first of the daily 90-minute slots starting ``hours`` after the edition opens."""
    from vos.edition.services import edition_create_slots

    return edition_create_slots(
        edition=edition,
        first_start=edition.starts_at + dt.timedelta(hours=hours),
        length=dt.timedelta(minutes=90),
        count_per_day=1,
        gap=dt.timedelta(0),
        places=places,
    )[0]


def emails_sent_before() -> None:
    """The emails a test wrote while setting up, taken as sent long ago.

    A test's transaction never commits, so they are still queued; the next sender (which
    sends everything due) would otherwise send them along with what the test is about.
    """
    from vos.mail.models import OutboxMessage

    OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED).update(
        status=OutboxMessage.Status.SENT, sent_at=timezone.now()
    )
