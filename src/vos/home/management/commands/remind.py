"""``vos remind``: queue every reminder that is due, the facilitation teams' daily
digests of proposals waiting for review, the followers' digests of the organizations
they follow, the Open Forum's digests, the reminders to post an activity's outcome,
take up newsletters still sending, and send every email still
waiting in the outbox; safe to run as often as you like (from a timer every few minutes): a
reminder is never queued twice, and an email held by a live worker is left to it.

``--every SECONDS`` runs it again and again (``vos serve`` does, for a local site). It
lives in the home app, the top layer, because it runs every app's periodic work."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from vos.activity.services import review_digests_send
from vos.forum.following import forum_digests_send
from vos.forum.outcomes import outcome_reminders_send
from vos.mail.services import outbox_sweep
from vos.network.digests import follow_digests_send
from vos.newsletter.services import letters_resume
from vos.registration.services import reminders_send_due


class Command(BaseCommand):
    help = (
        "Queue the reminder emails that are due (each exactly once) and send the emails "
        "still waiting in the outbox."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            help="Run again every this many seconds, until stopped.",
        )

    def handle(self, *args, every: float, **options):
        while True:
            reminders = reminders_send_due()
            review_digests_send()
            follow_digests_send()
            outcome_reminders_send()
            forum_digests_send()
            letters_resume()
            sent = outbox_sweep()
            self.stdout.write(f"{reminders}")
            if sent:
                self.stderr.write(f"outbox: {sent} sent")
            if not every:
                return
            close_old_connections()
            time.sleep(every)
