"""`make run` serves with `vos serve`: the site and the worker together, on 127.0.0.1 only,
and Ctrl-C stops everything it started."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_on_loopback_and_ctrl_c_stops_everything(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_ALLOW_ASYNC", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vos.settings",
            "VOS_DATA_DIR": str(tmp_path),
            "VOS_CONFIG": str(tmp_path / "none"),
        }
    )
    subprocess.run(
        [sys.executable, "-m", "vos", "migrate", "-v", "0"], env=env, check=True, timeout=120
    )
    edition = (
        "import datetime as dt; from vos.edition.services import edition_create; "
        "edition_create(slug='here', title='Here', start_date=dt.date(2030, 1, 1), "
        "end_date=dt.date(2030, 1, 2), time_zone='UTC')"
    )
    subprocess.run(
        [sys.executable, "-m", "vos", "shell", "--no-imports", "-c", edition],
        env=env,
        check=True,
        timeout=120,
    )
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "vos", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and status != 200:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as response:
                    status = response.status
            except OSError:
                time.sleep(0.3)
        assert status == 200
        listening = subprocess.run(
            ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=False
        )
        if listening.returncode == 0:
            assert f"127.0.0.1:{port}" in listening.stdout
            assert f"0.0.0.0:{port}" not in listening.stdout
        # Addresses the site gives (API, exports, emails) are where it is served.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/editions", timeout=5) as r:
            [listed] = json.load(r)["items"]
        assert listed["url"] == f"http://127.0.0.1:{port}/en/editions/here/"
        serve.send_signal(signal.SIGINT)  # what Ctrl-C sends
        output, _errors = serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            serve.kill()
    assert f"running at http://127.0.0.1:{port}/" in output
    time.sleep(0.5)
    leftovers = subprocess.run(
        ["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True, check=False
    )
    assert leftovers.stdout.strip() == ""
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nobody listens any more
