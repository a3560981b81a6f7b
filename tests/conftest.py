import email
import email.policy
import os
import shutil
import socket
import tempfile
import threading
import time
import uuid
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlparse

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache

from tests.processes import PrivatePostgres

IN_CI = os.environ.get("CI", "").lower() == "true"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """What the loopback SMTP server received; it can also refuse mail for a while."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refusing = False
        self.unknown: set[str] = set()  # addresses refused for good (a hard bounce)
        self.connections: list = []  # one SMTP session each, in the order they sent
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.unknown:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            if not any(known is session for known in self.connections):
                self.connections.append(session)
        return "250 OK"

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()
            self.connections.clear()
        self.refusing = False
        self.unknown = set()

    def wait_for(self, count: int = 1, timeout: float = 10.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} emails, got {len(self.messages)}")


@pytest.fixture(scope="session")
def smtp_server():
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()


@pytest.fixture(autouse=True)
def mailbox(smtp_server, settings):
    """Every test sends through the real SMTP server on loopback and can read what arrived."""
    box, port = smtp_server
    box.clear()
    # Django's test setup swaps in the locmem backend; we want the real path.
    settings.EMAIL_BACKEND = "vos.mail.backends.OutboxBackend"
    settings.EMAIL_PORT = port
    yield box
    box.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """Requests leave their language active in the thread; every test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def require_component(available: bool, what: str) -> None:
    """Skip locally when a real component is missing; under CI=true that is a failure."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required under CI=true")
    pytest.skip(f"{what} is not available here")


ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture
def site_database(tmp_path):
    """Environment of a fresh database of this leg's kind, removed afterwards."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vos.settings",
            "VOS_DATA_DIR": str(tmp_path),
            "VOS_CONFIG": str(tmp_path / "none.cfg"),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "http://127.0.0.1",
            "REDIS_URL": "",
        }
    )
    if not ON_POSTGRES:
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg  # only the PostgreSQL leg has a server to talk to

    base = urlparse(os.environ["DATABASE_URL"])
    name = f"vos_race_{uuid.uuid4().hex[:10]}"
    admin_url = os.environ["DATABASE_URL"]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = base._replace(path=f"/{name}").geturl()
    try:
        yield env
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
            )
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` belong to the PostgreSQL leg; elsewhere they are deselected."""
    if ON_POSTGRES:
        return
    kept = [item for item in items if item.get_closest_marker("postgres") is None]
    deselected = [item for item in items if item.get_closest_marker("postgres") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture
def private_postgres():
    available = all(shutil.which(name) for name in ("initdb", "pg_ctl", "runuser"))
    require_component(available, "PostgreSQL's initdb and pg_ctl")
    # Not under pytest's own temporary folder: the postgres user must be able to reach it.
    directory = Path(tempfile.mkdtemp(prefix="vos-pg-"))
    server = PrivatePostgres(directory)
    try:
        server.init()
        server.start()
        yield server
        server.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def shared_redis():
    """A Redis database of its own, emptied before and after, for servers to share: one
    per xdist worker (``tests.settings``), so that tests running side by side never
    empty each other's."""
    import redis
    from django.conf import settings

    url = settings.SHARED_REDIS_URL
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()
