"""``vos db_worker``: django-tasks-db's worker, carrying on through a database restart.

Upstream's worker exits on the first database error ("the database system is starting
up" during a fast restart), and mail stops until someone starts it again. This one
waits, reconnects and goes on; SIGTERM and Ctrl-C stop it as before. A task that was
running when the database went away stays marked running: the outbox sweep and the
reminder timer (``vos remind``) do what it held, since their rows are the truth."""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("vos.worker")

FIRST_WAIT, LONGEST_WAIT = 0.5, 30.0


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        wait = FIRST_WAIT
        while True:
            started = time.monotonic()
            try:
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return  # asked to stop while the database was away
                if time.monotonic() - started > LONGEST_WAIT:
                    wait = FIRST_WAIT  # it had been working: a new outage
                logger.warning("database unreachable (%s); retrying in %.1f s", error, wait)
                connections.close_all()
                time.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT)
                self.startup_delay = False


class Command(db_worker.Command):
    help = db_worker.Command.help + " Survives database restarts."

    def handle(self, *args, **options):
        # Upstream's handle() builds its Worker by name: hand it ours for this process.
        db_worker.Worker = ResilientWorker
        return super().handle(*args, **options)
