"""Histories and the edition's log read as sentences in the reader's language and zone."""

import datetime as dt

import pytest

from tests.activity.test_services import data_for
from tests.factories import PARIS, UserFactory, intention_text, make_edition
from vos.activity.services import activity_decide, activity_propose, activity_update

pytestmark = pytest.mark.django_db


def unisolated(html: str) -> str:
    return html.replace("<bdi>", "").replace("</bdi>", "")


def test_history_speaks_in_sentences_with_times_in_the_readers_zone(client):
    intention_text()
    ana = UserFactory(display_name="Ana")
    edition = make_edition(facilitators=[ana])
    lucia = UserFactory(display_name="Lucía", time_zone="Europe/Paris")
    start = dt.datetime.combine(edition.start_date, dt.time(18), tzinfo=PARIS)
    activity = activity_propose(
        proposer=lucia,
        edition=edition,
        data=data_for(edition, starts_at=start),
        intention_text=intention_text(),
    )
    activity_decide(
        activity=activity,
        facilitator=ana,
        decision="request_changes",
        message="Add a summary in French.",
    )
    activity_update(
        activity=activity,
        editor=lucia,
        data=data_for(edition, starts_at=start + dt.timedelta(hours=1)),
    )
    client.force_login(lucia)
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(f"/fr{activity.get_absolute_url()[3:]}").content.decode()
    # Names and messages are isolated so that an Arabic name or a French message never
    # reorders the sentence around it.
    assert "<bdi>Lucía</bdi> a proposé" in html
    assert "changements : <bdi>Add a summary in French.</bdi>" in html
    html = unisolated(html)
    assert "Lucía a proposé l’activité." in html
    assert "Ana a demandé des changements : Add a summary in French." in html
    assert "18:00 (Paris, UTC+1)" in html
    assert "19:00 (Paris, UTC+1)" in html
    assert "activity.request_changes" not in html
    client.force_login(ana)
    log = unisolated(client.get(f"/en/orga/{edition.slug}/log/").content.decode())
    assert "Ana asked for changes: Add a summary in French." in log
    assert "<code>" not in log
