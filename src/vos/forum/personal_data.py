"""What the Open Forum keeps about a person: their contributions and notes (they stay
in the debate without their name, SET_NULL, as do their reports), their likes,
followings and a block (deleted with the account); the facilitation team's branches, links and summaries
stay, unsigned."""

from vos.forum.models import (
    Block,
    Branch,
    BranchLink,
    Contribution,
    Following,
    Like,
    Note,
    Outcome,
    OutcomeSupport,
    Report,
    Summary,
    SummaryVersion,
)
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "forum_contributions": [
            {"kind": c.kind, "text": c.body, "at": c.created_at.isoformat()}
            for c in Contribution.objects.filter(author=person)
        ],
        "forum_likes": Like.objects.filter(person=person).count(),
        "outcomes_supported": list(
            OutcomeSupport.objects.filter(person=person).values_list("outcome_id", flat=True)
        ),
        "forum_reports": [
            {"contribution": r.contribution_id, "reason": r.reason, "at": r.created_at.isoformat()}
            for r in Report.objects.filter(reporter=person)
        ],
        "forum_following": [
            {"following": str(f.followed), "digest": f.frequency}
            for f in Following.objects.filter(person=person).select_related(
                "space", "branch", "proposal"
            )
        ],
        "forum_blocked": list(Block.objects.filter(person=person).values_list("reason", flat=True)),
        "forum_notes_taken": Note.objects.filter(author=person).count(),
        "forum_summaries_written": Summary.objects.filter(author=person).count(),
    }


declare(
    PersonalData(
        app="forum",
        models=(
            Contribution,
            Like,
            Outcome,
            OutcomeSupport,
            Report,
            Block,
            Following,
            Note,
            Branch,
            BranchLink,
            Summary,
            SummaryVersion,
        ),
        export=_export,
        why="What was said, and reports for the facilitation team, stay without the "
        "person's name; likes, followings and a block go with the account.",
    )
)
