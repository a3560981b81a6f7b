"""Helpers for tests that run the site for real, in other processes (with the
``site_database`` fixture of conftest.py): a free port, the ``vos`` command."""

import os
import pwd
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn(env: dict, port: int, *, threads: int = 4, **popen) -> subprocess.Popen:
    """The production server, two workers, on loopback; returns once /healthz answers.
    Its page cache is off unless the test turns it on: a test's own writes to the
    database do not move the server's cache version on."""
    env = {"PAGE_CACHE_SECONDS": "0", **env}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "vos.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            str(threads),
        ],
        env=env,
        cwd=ROOT,
        **{"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **popen},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    return server


def vos(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "vos", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


class PrivatePostgres:
    """A PostgreSQL server of our own (Debian's binaries, as the postgres user), so that a
    test can restart it without disturbing the suite's own database."""

    def __init__(self, directory) -> None:
        self.directory = directory
        self.port = free_port()
        self.log = str(directory / "server.log")

    def run(self, *command: str) -> None:
        # The server's own output goes to its log file, so no pipe stays open behind it.
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )

    def init(self) -> None:
        os.chown(self.directory, pwd.getpwnam("postgres").pw_uid, -1)
        self.run("initdb", "-D", str(self.directory / "data"), "--auth=trust", "-U", "postgres")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self.run(
            "pg_ctl",
            "-D",
            str(self.directory / "data"),
            "-o",
            options,
            "-l",
            self.log,
            "-w",
            "start",
        )

    def restart(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self.run(
            "pg_ctl",
            "-D",
            str(self.directory / "data"),
            "-o",
            options,
            "-m",
            "fast",
            "-w",
            "restart",
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.directory / "data"), "-m", "immediate", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"
