"""Helpers for tests that run the site for real, in other processes (with the
``site_database`` fixture of conftest.py): a free port, the ``vos`` command."""

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
