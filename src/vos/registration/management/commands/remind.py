"""``vos remind``: queue every reminder that is due; safe to run as often as you like
(from cron every minute, say): a reminder is never sent twice."""

from django.core.management.base import BaseCommand

from vos.registration.services import reminders_send_due


class Command(BaseCommand):
    help = "Queue the reminder emails that are due (each is sent exactly once)."

    def handle(self, *args, **options):
        count = reminders_send_due()
        self.stdout.write(f"{count}")
