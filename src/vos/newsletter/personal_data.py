"""What the newsletter keeps about a person: their subscription (deleted with the
account)."""

from vos.newsletter.models import Letter, Subscriber
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "newsletter": [
            {
                "email": subscriber.email,
                "language": subscriber.language,
                "confirmed_at": subscriber.confirmed_at.isoformat()
                if subscriber.confirmed_at
                else None,
                "unsubscribed_at": subscriber.unsubscribed_at.isoformat()
                if subscriber.unsubscribed_at
                else None,
            }
            for subscriber in Subscriber.objects.filter(person=person)
        ]
    }


declare(
    PersonalData(
        app="newsletter",
        models=(Subscriber, Letter),
        export=_export,
        why="A subscription made with the account goes with it; letters one wrote stay in "
        "the archive without the author's name.",
    )
)
