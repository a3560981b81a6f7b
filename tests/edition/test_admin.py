"""The admin, the README's set-up path, saves through the services."""

import pytest

from tests.factories import intention_text
from vos.common.log import log_for
from vos.edition.models import DEFAULT_ACTIVITY_TYPES, Edition, IntentionText

pytestmark = pytest.mark.django_db

INLINES = {
    f"{prefix}-{field}": 0
    for prefix in ("key_dates", "partner_events", "themes", "activity_types")
    for field in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def edition_form(**changes):
    data = {
        "slug": "vos-6",
        "original_language": "en",
        "title": "VOS 6",
        "start_date": "2031-06-20",
        "end_date": "2031-06-21",
        "time_zone": "America/Caracas",
        "moderation": Edition.Moderation.REVIEW,
        "scheduling": Edition.Scheduling.FREE,
        "max_duration_minutes": 480,
        "room_buffer_minutes": 10,
        "link_lead_minutes": 15,
        **INLINES,
    }
    data.update(changes)
    return data


def test_an_edition_added_in_the_admin_gets_default_types_and_a_log_entry(admin_client, admin_user):
    response = admin_client.post("/en/admin/edition/edition/add/", edition_form())
    assert response.status_code == 302, response.context["adminform"].errors
    edition = Edition.objects.get(slug="vos-6")
    assert sorted(edition.activity_types.values_list("key", flat=True)) == sorted(
        DEFAULT_ACTIVITY_TYPES
    )
    [entry] = log_for(edition)
    assert (entry.action, entry.actor) == ("edition.create", admin_user)


def test_an_edition_changed_in_the_admin_is_logged(admin_client):
    admin_client.post("/en/admin/edition/edition/add/", edition_form())
    edition = Edition.objects.get(slug="vos-6")
    response = admin_client.post(
        f"/en/admin/edition/edition/{edition.pk}/change/",
        edition_form(title="VOS 6: the commons"),
    )
    assert response.status_code == 302
    assert [(e.action, e.data) for e in log_for(edition).order_by("pk")] == [
        ("edition.create", {}),
        ("edition.update", {"fields": ["title"]}),
    ]


def test_an_intention_text_added_in_the_admin_is_numbered_by_the_service(admin_client):
    intention_text(version=4)
    response = admin_client.post(
        "/en/admin/edition/intentiontext/add/", {"bodies": '{"en": "An open space."}'}
    )
    assert response.status_code == 302
    latest = IntentionText.objects.order_by("-version").first()
    assert (latest.version, latest.bodies) == (5, {"en": "An open space."})
    assert log_for(latest).get().action == "intention_text.publish"


def test_a_published_intention_text_cannot_be_edited_in_the_admin(admin_client):
    text = intention_text()
    response = admin_client.post(
        f"/en/admin/edition/intentiontext/{text.pk}/change/", {"bodies": '{"en": "Changed."}'}
    )
    assert response.status_code == 403
    text.refresh_from_db()
    assert text.bodies["en"] == "We share an open space."
