import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import PARIS, make_edition

pytestmark = pytest.mark.django_db


def test_edition_bounds_are_midnights_in_its_zone():
    edition = make_edition(start=dt.date(2020, 3, 29), days=2)
    assert edition.starts_at == dt.datetime(2020, 3, 29, tzinfo=PARIS)
    assert edition.ends_at == dt.datetime(2020, 3, 31, tzinfo=PARIS)
    # 29 March 2020 lost an hour in Paris: the first day lasted 23 hours.
    assert edition.ends_at - edition.starts_at == dt.timedelta(hours=47)


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        (dt.datetime(2020, 6, 1, tzinfo=PARIS), "upcoming"),
        (dt.datetime(2020, 6, 12, tzinfo=PARIS), "open"),
        (dt.datetime(2020, 6, 20, 9, tzinfo=PARIS), "live"),
        (dt.datetime(2020, 6, 23, tzinfo=PARIS), "past"),
    ],
)
def test_edition_status_follows_dates_and_window(moment, status):
    edition = make_edition(start=dt.date(2020, 6, 20), days=3)
    edition.proposals_open_at = dt.datetime(2020, 6, 10, tzinfo=PARIS)
    edition.proposals_close_at = dt.datetime(2020, 6, 19, tzinfo=PARIS)
    assert edition.status(moment) == status


def test_next_edition_may_take_proposals_while_current_is_live():
    now = timezone.now()
    live = make_edition("live", start=(now - dt.timedelta(days=1)).astimezone(PARIS).date(), days=4)
    following = make_edition("next", start=(now + dt.timedelta(days=60)).astimezone(PARIS).date())
    assert live.status(now) == "live"
    assert following.status(now) == "open"


def test_default_activity_types_are_translated():
    from django.utils import translation

    edition = make_edition()
    keys = list(edition.activity_types.values_list("key", flat=True))
    assert keys == [
        "plenary",
        "workshop",
        "conversation",
        "art",
        "hackathon",
        "course",
        "sport",
        "children",
        "resources",
        "support",
        "futures",
        "network",
        "assembly",
        "other",
    ]
    workshop = edition.activity_types.get(key="workshop")
    with translation.override("fr"):
        assert workshop.name == "Atelier"
    with translation.override("es"):
        assert workshop.name == "Taller"
