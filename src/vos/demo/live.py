"""The demo's live sessions: the first session of the edition ahead with people already
asking to speak (a queue in four languages), and VOS 4's day of topics replayed as an
open space: topics proposed, chosen over two rounds, notes posted by their hosts."""

import datetime as dt

from vos.activity.models import Activity
from vos.edition.models import Edition
from vos.live import marketplace as market
from vos.live.speakers import ask_to_speak
from vos.person.models import User
from vos.registration.services import registration_create

QUEUE = [
    ("amadou", "fr", "L’accès aux soins dans les quartiers"),
    ("maria", "es", "respuesta a Amadou"),
    ("priya", "en", "Mutual-aid kitchens as a model"),
    ("joao", "pt", ""),
]
TOPICS = [
    (
        "lucia",
        "Una carta común a la ONU",
        "es",
        "Redactar juntas la carta de la convergencia.",
        "Acordamos un borrador en tres idiomas y un equipo de redacción.",
    ),
    (
        "pierre",
        "Monnaies locales et biens communs",
        "fr",
        "Relier les réseaux d’économie solidaire.",
        "Une carte des monnaies locales sera partagée avant décembre.",
    ),
    (
        "grace",
        "Care work is work",
        "en",
        "Paid, recognised community care.",
        "A joint campaign for the 8th of March, with three networks.",
    ),
]
ROOM_SERVER = "https://jitsi.example"


def _plenary(edition: Edition) -> Activity | None:
    """The edition's first plenary, else its first activity."""
    published = Activity.objects.filter(edition=edition, state=Activity.State.PUBLISHED)
    return (
        published.filter(activity_type__key="plenary").order_by("starts_at").first()
        or published.order_by("starts_at").first()
    )


def demo_live(editions: list[Edition], people: list[User], facilitators: list[User]) -> None:
    by_slug = {person.email.split("@")[0]: person for person in people}
    opening = _plenary(editions[-1])
    if opening is not None:
        for offset, (slug, language, topic) in enumerate(QUEUE):
            person = by_slug[slug]
            registration_create(activity=opening, person=person)
            ask_to_speak(
                person=person,
                activity=opening,
                language=language,
                topic=topic,
                now=opening.starts_at + dt.timedelta(minutes=5 + offset),
            )

    day_of_topics = (
        Activity.objects.filter(edition=editions[3], state=Activity.State.PUBLISHED)
        .order_by("-starts_at")
        .first()
    )
    if day_of_topics is None:
        return
    # An open space whose rooms were open to all, on the forum's Jitsi server.
    Edition.objects.filter(pk=editions[3].pk).update(jitsi_server=ROOM_SERVER)
    Activity.objects.filter(pk=day_of_topics.pk).update(link_visibility="public")
    day_of_topics.refresh_from_db()
    team = facilitators[0]
    day_of_topics.edition.facilitators.add(team)
    place = market.market_open(
        runner=team, activity=day_of_topics, rounds=2, round_minutes=40, room_size=12
    )
    topics = []
    for number, (slug, title, language, line, _notes) in enumerate(TOPICS):
        host = by_slug[slug]
        topics.append(
            market.topic_propose(
                person=host,
                marketplace=place,
                title=title,
                language=language,
                description=line,
                now=day_of_topics.starts_at + dt.timedelta(minutes=5 + number),
            )
        )
    for round_number in (1, 2):
        for index, person in enumerate(people[:12]):
            market.choose(
                person=person, marketplace=place, topic=topics[(index + round_number) % len(topics)]
            )
        market.round_start(runner=team, marketplace=place)
        place.refresh_from_db()
        market.round_end(runner=team, marketplace=place)
        place.refresh_from_db()
    for topic, (_slug, _title, _language, _line, notes) in zip(topics, TOPICS, strict=True):
        market.topic_note(host=topic.host, topic=topic, body=notes)
