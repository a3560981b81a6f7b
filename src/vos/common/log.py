"""The activity log: services call log_action for every change of state."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from vos.common.models import LogEntry


def log_action(
    subject: models.Model, *, actor: Any, action: str, data: dict | None = None
) -> LogEntry:
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        data=data or {},
    )


def log_for(subject: models.Model):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("actor")
