"""What the contact inbox keeps about a person: the messages they sent signed in, and the
replies they wrote for the team."""

from vos.contact.models import ContactMessage, ContactReply
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "contact_messages": [
            {
                "subject": message.subject,
                "body": message.body,
                "email": message.email,
                "sent_at": message.created_at.isoformat(),
                "replies": [reply.body for reply in message.replies.all()],
            }
            for message in ContactMessage.objects.filter(person=person).prefetch_related("replies")
        ]
    }


def _erase(person) -> None:
    ContactMessage.objects.filter(person=person).delete()


declare(
    PersonalData(
        app="contact",
        models=(ContactMessage, ContactReply),
        export=_export,
        erase=_erase,
        why="Messages one sent are deleted with the account; replies one wrote for the "
        "team stay in the team's threads without the name.",
    )
)
