"""Registrations and reminder settings. Before the account goes, its registrations are
cancelled through the service, so that the freed places go to the waiting lists."""

from vos.person.registry import PersonalData, declare
from vos.registration.models import Registration, ReminderSettings
from vos.registration.services import registration_cancel


def _export(person) -> dict:
    settings = ReminderSettings.objects.filter(person=person).first()
    return {
        "registrations": [
            {
                "activity": registration.activity_id,
                "title": registration.activity.title,
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
            }
            for registration in Registration.objects.filter(person=person)
            .select_related("activity")
            .order_by("created_at")
        ],
        "reminders": {
            "day_before": settings.remind_day_before if settings else True,
            "shortly_before": settings.remind_shortly_before if settings else True,
        },
    }


def _erase(person) -> None:
    for registration in Registration.objects.filter(person=person).select_related("activity"):
        registration_cancel(activity=registration.activity, person=person)


declare(
    PersonalData(
        app="registration",
        models=(Registration, ReminderSettings),
        export=_export,
        erase=_erase,
    )
)
