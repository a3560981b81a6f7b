"""BigBlueButton meetings are created ahead, by the task queue, never in the join request."""

import datetime as dt
import http.server
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.activity.services import activity_decide
from vos.activity.tasks import create_bbb_meeting

pytestmark = pytest.mark.django_db

SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"


class FakeBigBlueButton(http.server.BaseHTTPRequestHandler):
    """Answers like a BigBlueButton server on loopback and remembers each call."""

    calls: list[tuple[str, dict]] = []

    def do_GET(self):
        parsed = urlparse(self.path)
        type(self).calls.append((parsed.path, parse_qs(parsed.query)))
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.end_headers()
        self.wfile.write(b"<response><returncode>SUCCESS</returncode></response>")

    def log_message(self, *args):
        pass


@pytest.fixture
def bbb_server():
    FakeBigBlueButton.calls = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeBigBlueButton)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/bigbluebutton", FakeBigBlueButton.calls
    server.shutdown()


@pytest.fixture
def bbb_activity(bbb_server):
    intention_text()
    url, _calls = bbb_server
    facilitator = UserFactory()
    now = timezone.now()
    edition = make_edition(
        start=(now - dt.timedelta(days=1)).date(), days=4, facilitators=[facilitator]
    )
    edition.bbb_server, edition.bbb_secret = url, SECRET
    edition.save()
    activity = make_activity(
        edition,
        title="Assembly",
        starts_at=now + dt.timedelta(hours=3),
        minutes=90,
        room_mode="bbb",
        state=Activity.State.PROPOSED,
    )
    return activity, facilitator


def test_publishing_queues_the_creation_for_when_the_join_window_opens(
    settings, bbb_activity, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    activity, facilitator = bbb_activity
    with django_capture_on_commit_callbacks(execute=True):
        activity_decide(activity=activity, facilitator=facilitator, decision="publish")
    tasks = DBTaskResult.objects.filter(task_path="vos.activity.tasks.create_bbb_meeting")
    assert [(task.args_kwargs["kwargs"], task.run_after) for task in tasks] == [
        (
            {"activity_id": activity.pk},
            activity.starts_at - dt.timedelta(minutes=activity.edition.link_lead_minutes),
        )
    ]


def test_the_task_creates_the_meeting_signed_and_kept_until_the_end(bbb_server, bbb_activity):
    _url, calls = bbb_server
    activity, _facilitator = bbb_activity
    Activity.objects.filter(pk=activity.pk).update(state=Activity.State.PUBLISHED)
    assert create_bbb_meeting.call(activity_id=activity.pk) is True
    [(path, query)] = calls
    assert path == "/bigbluebutton/api/create"
    assert query["meetingID"] == [f"vos-activity-{activity.pk}"]
    assert query["name"] == ["Assembly"]
    # From the join window (15 minutes before) to the end of a 90-minute activity.
    assert query["meetingExpireIfNoUserJoinedInMinutes"] == ["105"]


def test_joining_never_calls_the_server(client, bbb_server, bbb_activity):
    _url, calls = bbb_server
    activity, facilitator = bbb_activity
    Activity.objects.filter(pk=activity.pk).update(
        state=Activity.State.PUBLISHED,
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        ends_at=timezone.now() + dt.timedelta(minutes=55),
    )
    client.force_login(facilitator)
    response = client.get(
        reverse("room.join", kwargs={"slug": activity.edition.slug, "pk": activity.pk})
    )
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/bigbluebutton/api/join"
    assert calls == []
