"""Live notes of a plenary (posted by its team, fetched by open pages with a 304 while
nothing changed), the forum's memory (one search across contributions, notes, summaries
and outcomes, with filters, showing only what the reader may see), posting and liking
without a reload, and a busy debate that leaves the program's cache alone."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition, writer
from vos.common import page_cache
from vos.forum import ideas, moderation
from vos.forum.memory import memory_search
from vos.forum.models import Note, Outcome
from vos.forum.notes import note_post
from vos.forum.services import contribution_post, like_toggle, space_of_activity, space_of_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory()


@pytest.fixture
def edition(team):
    intention_text()
    return make_edition(facilitators=[team])


@pytest.fixture
def plenary(edition):
    starts = timezone.now() - dt.timedelta(minutes=10)
    return make_activity(edition, title="Opening plenary", kind="plenary", starts_at=starts)


def test_the_team_posts_notes_and_open_pages_fetch_only_changes(
    client, team, plenary, django_capture_on_commit_callbacks, django_assert_num_queries
):
    space = space_of_activity(plenary)
    url = reverse("forum.note", kwargs={"pk": space.pk})
    client.force_login(writer())
    assert client.post(url, {"speaker": "X", "language": "en", "body": "Hi"}).status_code == 404
    assert not Note.objects.exists()
    client.force_login(team)
    page = client.get(space.get_absolute_url()).content.decode()
    assert "Live notes" in page
    assert "http-equiv" in page
    etag = page.split('data-live-etag="')[1].split('"')[0]
    notes = reverse("forum.notes", kwargs={"pk": space.pk})
    client.logout()
    with django_assert_num_queries(0):
        assert client.get(notes, HTTP_IF_NONE_MATCH=etag.replace("&quot;", '"')).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(team)
        client.post(url, {"speaker": "Chico Whitaker", "language": "pt", "body": "Outro mundo."})
    client.logout()
    response = client.get(notes, HTTP_IF_NONE_MATCH=etag.replace("&quot;", '"'))
    assert response.status_code == 200
    assert "Chico Whitaker" in response.content.decode()
    assert client.get(notes, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    # The other readers of this version get it from the cache.
    with django_assert_num_queries(0):
        again = client.get(notes, HTTP_IF_NONE_MATCH=etag.replace("&quot;", '"'))
    assert "Chico Whitaker" in again.content.decode()
    # An organizer of the activity takes notes too; an empty speaker is refused.
    organizer = UserFactory()
    make_activity(plenary.edition, title="Other", organizer=organizer)
    plenary_organizer = UserFactory()
    plenary.organizers.create(person=plenary_organizer)
    with pytest.raises(PermissionDenied):
        note_post(author=organizer, space=space, speaker="A", language="en", body="x")
    note_post(author=plenary_organizer, space=space, speaker="Ana", language="en", body="Yes")
    with pytest.raises(Exception, match="Name the speaker"):
        note_post(author=plenary_organizer, space=space, speaker=" ", language="en", body="x")


def test_notes_of_an_unpublished_activity_stay_hidden(client, edition, team):
    hidden = make_activity(edition, title="Draft", state="proposed")
    space = space_of_activity(hidden)
    note_post(author=team, space=space, speaker="Ana", language="en", body="Secret plan")
    response = client.get(reverse("forum.notes", kwargs={"pk": space.pk}))
    assert response.status_code == 404
    assert memory_search("secret") == []


def test_memory_finds_who_said_what_across_kinds(client, edition, team, plenary):
    theme = edition.themes.create(name="Migrations")
    plenary.themes.add(theme)
    space = space_of_theme(theme)
    said = contribution_post(
        space=space,
        author=writer(display_name="Lucía Pérez"),
        kind="proposal",
        body="Ciudadanía universal para migrantes",
        language="es",
    )
    rude = contribution_post(
        space=space, author=writer(), kind="need", body="Ciudadania troll", language="es"
    )
    moderation.hide(contribution=rude, facilitator=team, reason="Troll")
    note_post(
        author=team,
        space=space_of_activity(plenary),
        speaker="Lucia Perez",
        language="es",
        body="La ciudadanía es un derecho.",
    )
    branch = ideas.branch_create(
        facilitator=team, edition=edition, title="Citizenship", language="en", theme=theme
    )
    ideas.summary_save(
        facilitator=team,
        branch=branch,
        title="Universal citizenship",
        body="A right for all.",
        language="en",
        translations={"es": {"title": "Ciudadanía universal", "body": "Un derecho."}},
        publish=True,
    )
    Outcome.objects.create(
        activity=plenary, summary="Ciudadanía: next steps agreed", original_language="en"
    )
    found = memory_search("ciudadania")
    assert {result.kind for result in found} == {"contribution", "note", "summary", "outcome"}
    assert rude not in [result.item for result in found]  # hidden stays out
    by_lucia = memory_search("", author="lucia perez")
    assert {result.kind for result in by_lucia} == {"contribution", "note"}
    assert [r.item for r in memory_search("ciudadania", kind="proposal")] == [said]
    assert memory_search("ciudadania", language="en", kind="summary")[0].kind == "summary"
    assert memory_search("ciudadania", edition=make_edition("elsewhere")) == []
    page = client.get(
        reverse("forum.memory"), {"q": "ciudadania", "theme": theme.pk}
    ).content.decode()
    assert "Ciudadanía universal para migrantes" in page
    assert client.get(reverse("forum.memory"), {"theme": "nope", "q": "x"}).status_code == 200


def test_posting_and_liking_answer_in_json_for_the_page_script(client, edition):
    space = space_of_theme(edition.themes.create(name="Work"))
    ana = writer()
    client.force_login(ana)
    json = {"HTTP_ACCEPT": "application/json"}
    response = client.post(
        reverse("forum.post", kwargs={"pk": space.pk}),
        {"kind": "proposal", "body": "Four-day week", "language": "en", "quotable": "on"},
        **json,
    )
    assert response.status_code == 200
    body = response.json()
    assert "Four-day week" in body["html"]
    assert body["message"] == "Posted."
    proposal = space.contributions.get()
    response = client.post(
        reverse("forum.answer", kwargs={"pk": proposal.pk}),
        {"kind": "against", "body": "", "language": "en"},
        **json,
    )
    assert response.status_code == 400
    assert response.json()["errors"]
    response = client.post(
        reverse("forum.answer", kwargs={"pk": proposal.pk}),
        {"kind": "for", "body": "More time for care", "language": "en"},
        **json,
    )
    assert response.json()["thread"] == proposal.pk
    assert "1 argument for" in response.json()["html"]
    liked = client.post(reverse("forum.like", kwargs={"pk": proposal.pk}), **json).json()
    assert liked == {"liked": True, "label": "Unlike", "count": "1 like"}


def test_a_busy_debate_leaves_the_program_cache_alone(
    edition, plenary, django_capture_on_commit_callbacks
):
    space = space_of_theme(edition.themes.create(name="Peace"))
    author = writer()
    before = page_cache.content_version()
    with django_capture_on_commit_callbacks(execute=True):
        post = contribution_post(
            space=space, author=author, kind="need", body="Calm", language="en"
        )
        like_toggle(contribution=post, person=author)
    assert page_cache.content_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        Outcome.objects.create(activity=plenary, summary="Shown on the activity's page")
    assert page_cache.content_version() != before
