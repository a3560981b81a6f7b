"""``vos contact_mail_in < message.eml``: the mail server hands over an email sent to the
team's address (a pipe transport), and it lands in the contact inbox."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from vos.contact.services import MAX_INBOUND_BYTES, mail_receive


class Command(BaseCommand):
    help = "Read one email from standard input into the contact inbox."

    def handle(self, *args, **options):
        raw = sys.stdin.buffer.read(MAX_INBOUND_BYTES + 1)
        try:
            message, answered = mail_receive(raw)
        except ValidationError as error:
            # A mail server bounces the email on a non-zero status (EX_DATAERR).
            raise CommandError(" ".join(error.messages), returncode=65) from None
        where = "thread" if answered else "new message"
        self.stdout.write(f"{where} {message.pk}")
