"""Who may do what with the news, the pages and the contact inbox, role by role: a
visitor, a participant, an activity's organizer, an organization's admin, an author the
team named, volunteers given moderation or communication, a facilitator of any edition
and a superuser. Each answer is the page's, through the client."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory, make_activity, make_edition
from vos.contact.models import ContactMessage
from vos.edition.models import TeamRole
from vos.news import services
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "participant",
    "organizer",
    "organization admin",
    "named author",
    "moderation volunteer",
    "communication volunteer",
    "facilitator",
    "superuser",
]
WRITERS = {"communication volunteer", "facilitator", "superuser"}
# What each role may open: the desk, a new article, the named author's article, its
# draft as readers would open it, a page's editor, the inbox and a message of it.
EXPECTED = {
    role: {
        "desk": role in WRITERS,
        "new": role in WRITERS,
        "edit": role in WRITERS | {"named author"},
        "draft": role in WRITERS | {"named author"},
        "page": role in WRITERS,
        "inbox": role in WRITERS,
        "message": role in WRITERS,
    }
    for role in ROLES
}


@pytest.fixture
def site():
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    organizer, admin, author = UserFactory(), UserFactory(), UserFactory()
    make_activity(edition, title="Seeds", organizer=organizer)
    organization_create(creator=admin, details=OrganizationDetails(name="Red de Semillas"))
    people = {
        "visitor": None,
        "participant": UserFactory(),
        "organizer": organizer,
        "organization admin": admin,
        "named author": author,
        "moderation volunteer": UserFactory(),
        "communication volunteer": UserFactory(),
        "facilitator": facilitator,
        "superuser": UserFactory(is_superuser=True),
    }
    for role in ("moderation", "communication"):
        TeamRole.objects.create(edition=edition, person=people[f"{role} volunteer"], role=role)
    draft = services.article_save(
        by=facilitator, title="Seed banks", summary="s", body="b", language="en", authors=[author]
    )
    message = ContactMessage.objects.create(
        subject="Hello", body="Hi", email="x@example.org", language="en", email_message_id="<a@b>"
    )
    paths = {
        "desk": reverse("news.desk"),
        "new": reverse("news.new"),
        "edit": reverse("news.write", args=[draft.slug]),
        "draft": draft.get_absolute_url(),
        "page": reverse("news.page_edit", args=["about"]),
        "inbox": reverse("contact.inbox"),
        "message": message.get_absolute_url(),
    }
    return people, paths


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_what_it_may_and_nothing_else(site, role):
    people, paths = site
    client = Client()
    if people[role] is not None:
        client.force_login(people[role])
    for action, path in paths.items():
        status = client.get(path).status_code
        if EXPECTED[role][action]:
            assert status == 200, (role, action, status)
        else:
            assert status in {302, 404}, (role, action, status)
            if status == 302:
                assert role == "visitor", (role, action)
