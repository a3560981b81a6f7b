import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from vos.edition.models import Edition, IntentionText, KeyDate


def intention_text_current() -> IntentionText | None:
    return IntentionText.objects.order_by("-version").first()


def intention_accepted_by(person) -> bool:
    """Whether the person accepted some version of the intention text."""
    return person.is_authenticated and person.intention_acceptances.exists()


def editions_for_list() -> QuerySet[Edition]:
    return Edition.objects.order_by("-start_date")


def edition_for_home(now: dt.datetime | None = None) -> Edition | None:
    """The live edition, else the next one, else the one open for proposals, else the last."""
    now = now or timezone.now()
    editions = list(
        Edition.objects.prefetch_related(
            Prefetch("key_dates", queryset=KeyDate.objects.order_by("starts_at"))
        ).order_by("start_date")
    )
    live = [e for e in editions if e.starts_at <= now < e.ends_at]
    if live:
        return live[0]
    upcoming = [e for e in editions if e.starts_at > now]
    if upcoming:
        return upcoming[0]
    return editions[-1] if editions else None


def editions_open_for_proposals(now: dt.datetime | None = None) -> list[Edition]:
    now = now or timezone.now()
    return [e for e in Edition.objects.order_by("start_date") if e.proposals_are_open(now)]


def intention_versions() -> list[IntentionText]:
    return list(IntentionText.objects.order_by("-version"))
