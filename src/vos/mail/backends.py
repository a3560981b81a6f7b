"""Django's email API, backed by the outbox: writing a message never talks to SMTP."""

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

from vos.mail.services import outbox_add


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        for message in email_messages:
            outbox_add(message=message)
        return len(email_messages)
