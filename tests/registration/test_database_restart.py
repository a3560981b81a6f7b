"""The web side recovers from a database restart by itself: registrations made while
PostgreSQL restarts either fail visibly or are kept, and none fails once it is back."""

import json
import threading

import pytest

from tests.processes import free_port, gunicorn, vos
from tests.registration.test_concurrency import SETUP, post

pytestmark = pytest.mark.postgres

PEOPLE = 60

KEPT = """
import json
from vos.registration.models import Registration
print(json.dumps(sorted(Registration.objects.values_list("person__email", flat=True))))
"""


def test_registrations_survive_a_database_restart(site_database, private_postgres):
    env = {**site_database, "DATABASE_URL": private_postgres.url}
    vos(env, "migrate", "--no-input", "-v", "0")
    setup = json.loads(
        vos(env, "shell", "--no-imports", "-c", SETUP % {"capacity": PEOPLE, "people": PEOPLE})
    )
    port = free_port()
    server = gunicorn(env, port)
    statuses: dict[int, int] = {}
    try:
        path = setup["path"] + "register/"

        def register(index: int) -> None:
            statuses[index] = post(port, path, setup["sessions"][index])

        # A first third before, a third during the restart, a third after it.
        during = threading.Thread(target=private_postgres.restart)
        for index in range(PEOPLE):
            if index == PEOPLE // 3:
                during.start()
            if index == 2 * PEOPLE // 3:
                during.join()
            register(index)
    finally:
        server.terminate()
        server.wait(timeout=30)

    kept = set(json.loads(vos(env, "shell", "--no-imports", "-c", KEPT)))
    acknowledged = {f"p{index}@example.org" for index, status in statuses.items() if status == 302}
    assert acknowledged <= kept  # nobody told "registered" was lost
    after = [statuses[index] for index in range(2 * PEOPLE // 3, PEOPLE)]
    assert after == [302] * len(after)  # once it is back, no error at all
