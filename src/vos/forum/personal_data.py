"""What the Open Forum keeps about a person: their contributions (they stay in the
debate without their name, SET_NULL) and their likes (deleted with the account)."""

from vos.forum.models import Contribution, Like, Outcome
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "forum_contributions": [
            {"kind": c.kind, "text": c.body, "at": c.created_at.isoformat()}
            for c in Contribution.objects.filter(author=person)
        ],
        "forum_likes": Like.objects.filter(person=person).count(),
    }


declare(PersonalData(app="forum", models=(Contribution, Like, Outcome), export=_export))
