"""A burst of the same signatures at once: one signature per email and one per
organization, whatever arrives together.

The site runs for real (gunicorn, 2 workers × 8 threads) on a fresh database of this
leg's kind; 40 threads post at the same moment: 20 sign as the same person, 20 sign for
the same organization."""

import json
import subprocess
import threading

from tests.processes import free_port, gunicorn, vos
from tests.registration.test_concurrency import post

BURST = 20

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from vos.declaration.services import DeclarationData, declaration_create
from vos.declaration.signing import declaration_open
from vos.organization.services import OrganizationDetails, organization_create
from vos.person.models import User

admin = User.objects.create(email="admin@example.org", display_name="Admin", password="!")
organization = organization_create(creator=admin, details=OrganizationDetails(name="Attac"))
declaration = declaration_create(creator=admin, data=DeclarationData(title="Letter"), text="We write.")
declaration_open(declaration=declaration, actor=admin)
session = SessionStore()
session[SESSION_KEY] = str(admin.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = admin.get_session_auth_hash()
session.create()
print(json.dumps({"pk": declaration.pk, "organization": organization.pk, "session": session.session_key}))
"""

RESULT = """
import json
from vos.declaration.models import Signature
print(json.dumps({kind: Signature.objects.filter(kind=kind).count() for kind in ("person", "organization")}))
"""


def test_a_burst_of_the_same_signatures_leaves_one_of_each(site_database):
    env = {**site_database, "SIGNATURES_PER_ADDRESS": "1000"}
    vos(env, "migrate", "--no-input", "-v", "0")
    setup = json.loads(vos(env, "shell", "--no-imports", "-c", SETUP))
    port = free_port()
    server = gunicorn(env, port, threads=8, stderr=subprocess.PIPE, text=True)
    base = f"/en/declarations/{setup['pk']}"
    try:
        statuses: list[int | None] = [None] * (2 * BURST)
        barrier = threading.Barrier(2 * BURST)

        def person(index: int) -> None:
            barrier.wait()
            statuses[index] = post(
                port,
                f"{base}/sign/",
                "",
                fields={"name": "Amina", "email": "amina@example.org", "country": "SN"},
            )

        def organization(index: int) -> None:
            barrier.wait()
            statuses[index] = post(
                port,
                f"{base}/sign/organization/",
                setup["session"],
                fields={"organization": str(setup["organization"])},
            )

        threads = [threading.Thread(target=person, args=(n,)) for n in range(BURST)] + [
            threading.Thread(target=organization, args=(BURST + n,)) for n in range(BURST)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=30)

    assert statuses == [302] * (2 * BURST), errors[-3000:]
    counts = json.loads(vos(env, "shell", "--no-imports", "-c", RESULT))
    assert counts == {"person": 1, "organization": 1}
