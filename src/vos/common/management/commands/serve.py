"""Serve the site and run the background worker together until Ctrl-C.

This is what ``make run`` starts; production runs gunicorn and the worker as separate
services (see deploy/).
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Run the web server and the task worker; stop both on Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, host: str, port: int, workers: int, **options):
        python = sys.executable
        worker = [python, "-m", "vos", "worker"]
        web = [
            python,
            "-m",
            "gunicorn",
            "vos.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--access-logfile",
            "-",
        ]
        shown_host = f"[{host}]" if ":" in host else host
        if not settings.SITE_URL_GIVEN:
            # Links in emails point where this site is served (PORT=8123 make run too);
            # an address that means "every interface" is reached through loopback here.
            reachable = "127.0.0.1" if host in ("0.0.0.0", "::", "") else shown_host  # noqa: S104 - compared, not bound
            os.environ["SITE_URL"] = f"http://{reachable}:{port}"
            os.environ.setdefault("CSRF_TRUSTED_ORIGINS", os.environ["SITE_URL"])
        # The sweep: due reminders, and emails whose task was lost (a worker killed).
        sweep = [python, "-m", "vos", "remind", "--every", "60"]
        children = [
            subprocess.Popen(worker),  # noqa: S603 - fixed commands
            subprocess.Popen(web),  # noqa: S603 - fixed commands
            subprocess.Popen(sweep, stdout=subprocess.DEVNULL),  # noqa: S603 - fixed commands
        ]
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Viral Open Space is running at http://%(host)s:%(port)s/ — press Ctrl-C to stop."
                )
                % {"host": shown_host, "port": port}
            )
        )

        def stop(*_args):
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 10
            for child in children:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(timeout=max(deadline - time.monotonic(), 0.1))
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)
            sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        stop()
