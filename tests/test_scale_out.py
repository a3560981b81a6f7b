"""Several app processes serve one site: two gunicorn servers on one PostgreSQL database
and one Redis. A session is valid on both, a change through one is seen
through the other at once (the page cache's version is shared), and a registration
burst split across both never overbooks."""

import json
import subprocess
import threading
import urllib.request

import pytest

from tests.processes import free_port, gunicorn, vos
from tests.registration.test_concurrency import SETUP, post

pytestmark = pytest.mark.postgres

PEOPLE, CAPACITY = 60, 20
RESULT = """
import json
from vos.registration.models import Registration
print(json.dumps({s: Registration.objects.filter(status=s).count() for s in ("confirmed", "waitlisted")}))
"""


def get(port: int, path: str, session: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"Cookie": f"sessionid={session}"} if session else {},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                response.status,
                response.headers.get("X-Page-Cache", ""),
                response.read().decode(),
            )
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def test_two_servers_share_logins_changes_and_places(site_database, shared_redis):
    env = {**site_database, "REDIS_URL": shared_redis, "PAGE_CACHE_SECONDS": "60"}
    vos(env, "migrate", "--no-input", "-v", "0")
    setup = json.loads(
        vos(env, "shell", "--no-imports", "-c", SETUP % {"capacity": CAPACITY, "people": PEOPLE})
    )
    path, sessions = setup["path"], setup["sessions"]
    ports = [free_port(), free_port()]
    servers = [gunicorn(env, port, stderr=subprocess.PIPE, text=True) for port in ports]
    try:
        one, other = ports
        # An anonymous page built through one server is served from the cache by both.
        assert get(one, path)[1] == "miss"
        assert get(other, path)[1] == "hit"
        # A logged-in session is valid on either server.
        assert get(other, "/en/profile/", sessions[0])[0] == 200
        # A change through one is seen through the other at once.
        assert post(one, path + "register/", sessions[0]) == 302
        status, cache_state, html = get(other, path)
        assert (status, cache_state) == (200, "miss")
        assert f"1 of {CAPACITY} places taken." in html
        # The rest press "Register" at once, half on each server.
        barrier = threading.Barrier(PEOPLE - 1)
        statuses: list[int | None] = [None] * (PEOPLE - 1)

        def register(index: int) -> None:
            barrier.wait()
            statuses[index] = post(ports[index % 2], path + "register/", sessions[index + 1])

        threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE - 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
    finally:
        errors = []
        for server in servers:
            server.terminate()
            errors.append(server.communicate(timeout=30)[1][-2000:])
    assert statuses == [302] * (PEOPLE - 1), errors
    counts = json.loads(vos(env, "shell", "--no-imports", "-c", RESULT))
    assert counts == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}


POOLED = """
import json
from concurrent.futures import ThreadPoolExecutor
from django.db import close_old_connections, connection
from vos.person.models import User

def ask(_number):
    try:
        return User.objects.count()
    finally:
        close_old_connections()  # as at the end of a request: back to the pool

with ThreadPoolExecutor(8) as threads:
    counts = list(threads.map(ask, range(40)))
pool = connection.pool
print(json.dumps({"counts": len(counts), "max_size": pool.max_size, "opened": pool.get_stats().get("connections_num", 0)}))
"""


def test_a_pooled_process_lends_a_few_connections_to_its_threads(site_database):
    env = {**site_database, "DATABASE_POOL_SIZE": "3"}
    vos(env, "migrate", "--no-input")
    figures = json.loads(vos(env, "shell", "-c", POOLED).strip().splitlines()[-1])
    assert figures["counts"] == 40
    assert figures["max_size"] == 3
    assert 1 <= figures["opened"] <= 3
