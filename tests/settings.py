"""The project's settings, with what the test suite needs on top."""

import os
import tempfile

os.environ.setdefault("VOS_DATA_DIR", tempfile.mkdtemp(prefix="vos-test-"))
os.environ["VOS_TESTING"] = "1"

from vos.settings import *  # noqa: F403

# Each pytest-xdist worker gets its own Redis databases, so flushing one is harmless:
# with up to four workers, caches in 1–4, servers' shared database (``shared_redis``) in
# 5–8, task queues in 9–12.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
_redis_db = 1 + int(_worker.removeprefix("gw") or 0)
SHARED_REDIS_URL = f"{(REDIS_URL or 'redis://127.0.0.1:6379/0').rsplit('/', 1)[0]}/{_redis_db + 4}"  # noqa: F405
if REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "vos.common.cache.ResilientRedisCache",
            "LOCATION": f"{REDIS_URL.rsplit('/', 1)[0]}/{_redis_db}",  # noqa: F405
        }
    }
RQ_QUEUES = {
    "default": {
        "URL": f"{(REDIS_URL or 'redis://127.0.0.1:6379/0').rsplit('/', 1)[0]}/{_redis_db + 8}",  # noqa: F405
    }
}

# Tasks run at once, in the request that queued them; the worker tests pick their own.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TASKS_BACKEND = "immediate"

# Mail goes to the loopback SMTP server that tests/conftest.py starts.
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = 2525
EMAIL_TIMEOUT = 5

# Live-server threads must not keep connections open past the test database's life.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tests write to the database directly, and most inside a transaction that never
# commits: the page cache is on only in the tests that are about it.
PAGE_CACHE_SECONDS = 0

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
