"""Drafting a declaration: versions that nobody overwrites, word-level comparison,
restoring, a team that keeps at least one person, and who may read and write a draft."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.common.diff import word_diff
from vos.declaration.models import Declaration, TeamMember, Version
from vos.declaration.services import (
    DeclarationData,
    VersionConflictError,
    declaration_create,
    team_add,
    team_remove,
    version_restore,
    version_save,
)
from vos.network.models import Initiative
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db

LETTER = "Dear Secretary-General,\n\nWe, the networks of the forum, write to you.\n\nWith hope."


def letter(author=None) -> Declaration:
    return declaration_create(
        creator=author or UserFactory(),
        data=DeclarationData(title="Letter to the UN", addressee="UN Secretary-General"),
        text=LETTER,
    )


def test_two_people_saving_at_once_never_lose_each_others_work(client):
    ana, ben = UserFactory(display_name="Ana"), UserFactory(display_name="Ben")
    declaration = letter(ana)
    team_add(declaration=declaration, actor=ana, email=ben.email)
    # Both open the editor on version 1; Ana saves first.
    version_save(declaration=declaration, author=ana, text=LETTER + "\n\nP.S.", note="", based_on=1)
    with pytest.raises(VersionConflictError) as refused:
        version_save(declaration=declaration, author=ben, text="Ben's text", note="", based_on=1)
    assert refused.value.latest.number == 2
    assert "Ana saved version 2 while you were writing" in refused.value.messages[0]
    assert list(declaration.versions.values_list("number", flat=True)) == [1, 2]
    # In the browser: Ben's text comes back beside Ana's, nothing saved.
    client.force_login(ben)
    response = client.post(
        reverse("declaration.edit", kwargs={"pk": declaration.pk}),
        {"text": "Ben's own text", "note": "mine", "based_on": "1"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Ben&#x27;s own text" in html or "Ben's own text" in html
    assert "P.S." in html
    assert Version.objects.filter(declaration=declaration).count() == 2
    # Saving again from version 2 works.
    client.post(
        reverse("declaration.edit", kwargs={"pk": declaration.pk}),
        {"text": "Ben's own text", "note": "mine", "based_on": "2"},
    )
    assert declaration.versions.order_by("-number").first().text == "Ben's own text"


def test_versions_are_compared_word_by_word_and_restored_as_a_new_one(client):
    ana = UserFactory()
    declaration = letter(ana)
    version_save(
        declaration=declaration,
        author=ana,
        text=LETTER.replace("write to you", "write to you urgently"),
        note="urgency",
        based_on=1,
    )
    left, right, changes = word_diff(
        LETTER, LETTER.replace("write to you", "write to you urgently")
    )
    assert changes == 1
    assert "<ins> urgently</ins>" in right
    assert "<del>" not in left
    page = client.get(
        reverse("declaration.compare", kwargs={"pk": declaration.pk}), {"from": 1, "to": 2}
    )
    assert page.status_code == 404  # a draft is its team's
    client.force_login(ana)
    html = client.get(
        reverse("declaration.compare", kwargs={"pk": declaration.pk}), {"from": 1, "to": 2}
    ).content.decode()
    assert "<ins> urgently</ins>" in html
    restored = version_restore(declaration=declaration, author=ana, number=1)
    assert restored.number == 3
    assert restored.text == LETTER
    assert restored.note == "Version 1 restored"


def test_a_diff_escapes_what_people_wrote():
    left, right, _changes = word_diff("a <b>", "a <script>x</script>")
    assert "<script>" not in right
    assert "&lt;/script&gt;" in right
    assert left == "a &lt;<del>b</del>&gt;"


def test_the_team_keeps_at_least_one_person_and_only_the_team_adds():
    ana, ben, stranger = UserFactory(), UserFactory(), UserFactory()
    declaration = letter(ana)
    with pytest.raises(PermissionDenied):
        team_add(declaration=declaration, actor=stranger, email=ben.email)
    with pytest.raises(ValidationError, match="Nobody has an account"):
        team_add(declaration=declaration, actor=ana, email="nobody@example.org")
    member = team_add(declaration=declaration, actor=ana, email=ben.email)
    team_remove(declaration=declaration, actor=ben, member=member)
    with pytest.raises(ValidationError, match="at least one person"):
        team_remove(declaration=declaration, actor=ana, member=declaration.team.get())
    assert list(declaration.team.values_list("person", flat=True)) == [ana.pk]


def test_bad_input_writes_nothing():
    with pytest.raises(ValidationError):
        declaration_create(creator=UserFactory(), data=DeclarationData(title="  "), text=LETTER)
    with pytest.raises(ValidationError):
        declaration_create(creator=UserFactory(), data=DeclarationData(title="Letter"), text="  ")
    assert Declaration.objects.count() == 0
    assert TeamMember.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "reads", "writes"),
    [
        ("anonymous", False, False),
        ("participant", False, False),
        ("team", True, True),
        ("facilitator", True, False),
        ("superuser", True, True),
    ],
)
def test_a_draft_is_read_and_written_by_its_team(client, role, reads, writes):
    intention_text()
    author = UserFactory()
    declaration = letter(author)
    people = {
        "participant": UserFactory(),
        "team": author,
        "facilitator": UserFactory(),
        "superuser": UserFactory(is_superuser=True),
    }
    make_edition(facilitators=[people["facilitator"]])
    if role != "anonymous":
        client.force_login(people[role])
    detail = client.get(declaration.get_absolute_url())
    assert detail.status_code == (200 if reads else 404)
    response = client.post(
        reverse("declaration.edit", kwargs={"pk": declaration.pk}),
        {"text": "Changed", "note": "", "based_on": "1"},
    )
    assert Version.objects.filter(declaration=declaration).count() == (2 if writes else 1)
    if not writes:
        assert response.status_code in (302, 404)
    # Once signatures open, the text is public and frozen.
    Declaration.objects.filter(pk=declaration.pk).update(state="open")
    assert client.get(declaration.get_absolute_url()).status_code == 200


def test_a_declaration_names_the_edition_activities_and_initiatives_it_comes_from(client):
    intention_text()
    edition = make_edition()
    author = UserFactory()
    activity = make_activity(edition, title="Assembly for a common agenda", organizer=author)
    org = organization_create(creator=author, details=OrganizationDetails(name="Attac"))
    initiative = Initiative.objects.create(title="Tax justice now")
    initiative.organizations.add(org)
    client.force_login(author)
    client.post(
        reverse("declaration.create"),
        {
            "title": "Final declaration",
            "kind": "final",
            "language": "en",
            "text": LETTER,
            "edition": edition.pk,
            "activities": [activity.pk],
            "initiatives": [initiative.pk],
        },
    )
    declaration = Declaration.objects.get()
    assert declaration.edition == edition
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "Assembly for a common agenda" in page
    assert "Tax justice now" in page
