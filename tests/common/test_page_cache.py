"""Anonymous pages from the shared cache: served again without a query, each reader with
their own CSRF token, and built again as soon as what they show changes."""

import pytest
from django.contrib.auth.signals import user_logged_in

from tests.factories import UserFactory, make_activity, make_edition
from vos.news import services
from vos.organization.models import Organization
from vos.organization.services import OrganizationDetails, organization_create
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db(transaction=True)

READERS = [("en", "Europe%2FParis"), ("es", "Asia%2FTokyo")]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def edition():
    edition = make_edition("vos-cache")
    make_activity(edition, title="Huertas urbanas", capacity=1)
    return edition


def get(client, language, zone, path):
    client.cookies["vos_tz"] = zone
    return client.get(f"/{language}{path}")


def test_a_page_is_served_again_from_the_cache_without_a_query(
    client, edition, django_assert_num_queries
):
    path = f"/editions/{edition.slug}/program/?day=all"
    first = get(client, "en", "Europe%2FParis", path)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = get(client, "en", "Europe%2FParis", path)
    assert again["X-Page-Cache"] == "hit"
    assert "Huertas urbanas" in again.content.decode()


def test_each_reader_gets_their_own_csrf_token_and_it_works(client, edition):
    path = f"/editions/{edition.slug}/"
    get(client, "en", "Europe%2FParis", path)
    client.cookies.pop("csrftoken", None)
    hit = get(client, "en", "Europe%2FParis", path)
    assert hit["X-Page-Cache"] == "hit"
    html = hit.content.decode()
    assert "__vos_csrf_token__" not in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert "csrftoken" in hit.cookies
    client.enforce_csrf_checks = True
    switched = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/fr/", "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302


@pytest.mark.parametrize(
    "change",
    ["title", "organization", "registration"],
)
def test_a_change_rebuilds_every_language_and_zone(client, edition, change):
    activity = edition.activities.get()
    organization = Organization.objects.create(name="Radio Libre")
    activity.organizations.add(organization)
    path = f"/editions/{edition.slug}/activities/{activity.pk}/"
    for language, zone in READERS:
        get(client, language, zone, path)
        assert get(client, language, zone, path)["X-Page-Cache"] == "hit"
    if change == "title":
        activity.title = "Huertas comunitarias"
        activity.save()
        expected = "Huertas comunitarias"
    elif change == "organization":
        organization.name = "Radio Popular"
        organization.save()
        expected = "Radio Popular"
    else:
        registration_create(activity=activity, person=UserFactory())
        expected = "1 of 1 places taken."
    for language, zone in READERS:
        response = get(client, language, zone, path)
        assert response["X-Page-Cache"] == "miss", (change, language)
        if language == "en" or change != "registration":
            assert expected in response.content.decode()


def test_logged_in_pages_are_not_taken_from_the_cache(client, edition):
    client.force_login(UserFactory())
    path = f"/en/editions/{edition.slug}/program/?day=all"
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)


def test_a_login_does_not_empty_the_cache(client, edition):
    path = f"/editions/{edition.slug}/"
    person = UserFactory()
    get(client, "en", "Europe%2FParis", path)
    user_logged_in.send(sender=type(person), request=None, user=person)
    assert get(client, "en", "Europe%2FParis", path)["X-Page-Cache"] == "hit"


def test_the_apis_public_reads_are_cached_and_follow_changes(
    client, edition, django_assert_num_queries
):
    path = f"/api/v1/activities?edition={edition.slug}&limit=50"
    assert client.get(path)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get(path)
    assert again["X-Page-Cache"] == "hit"
    assert again.json()["items"][0]["title"] == "Huertas urbanas"
    activity = edition.activities.get()
    activity.title = "Huertas comunitarias"
    activity.save()
    changed = client.get(path)
    assert changed["X-Page-Cache"] == "miss"
    assert changed.json()["items"][0]["title"] == "Huertas comunitarias"


def test_an_api_call_with_a_token_is_never_answered_from_the_cache(client, edition):
    path = f"/api/v1/activities?edition={edition.slug}"
    client.get(path)
    with_token = client.get(path, HTTP_AUTHORIZATION="Bearer not-a-token")
    assert "X-Page-Cache" not in with_token


def test_a_stored_page_keeps_its_etag_and_answers_304(client, edition):
    path = f"/editions/{edition.slug}/program/?day=all"
    miss = get(client, "en", "Europe%2FParis", path)
    hit = get(client, "en", "Europe%2FParis", path)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["ETag"] == miss["ETag"]
    client.cookies["vos_tz"] = "Europe%2FParis"
    again = client.get(f"/en{path}", HTTP_IF_NONE_MATCH=hit["ETag"])
    assert again.status_code == 304
    other_reader = type(client)()
    other_reader.cookies["vos_tz"] = "Europe%2FParis"
    theirs = other_reader.get(f"/en{path}")
    assert theirs["X-Page-Cache"] == "hit"
    assert theirs["ETag"] != hit["ETag"]  # another CSRF secret, other tokens in the page


def test_a_registration_rebuilds_its_activitys_page_and_the_program_only_when_it_fills(
    client, edition
):
    activity = edition.activities.get()
    activity.capacity = 2
    activity.save()
    first, second, third = UserFactory(), UserFactory(), UserFactory()  # before any page
    program = f"/editions/{edition.slug}/program/?day=all"
    page = f"/editions/{edition.slug}/activities/{activity.pk}/"
    for path in (program, page):
        get(client, "en", "Europe%2FParis", path)
    registration_create(activity=activity, person=first)
    # A place taken, still room: the program stays as stored, the activity's page shows it.
    assert get(client, "en", "Europe%2FParis", program)["X-Page-Cache"] == "hit"
    taken = get(client, "en", "Europe%2FParis", page)
    assert taken["X-Page-Cache"] == "miss"
    assert "1 of 2 places taken" in taken.content.decode()
    registration_create(activity=activity, person=second)
    filled = get(client, "en", "Europe%2FParis", program)
    assert filled["X-Page-Cache"] == "miss"
    assert ">Full<" in filled.content.decode()
    # Joining the waiting list of a full activity changes no card.
    get(client, "en", "Europe%2FParis", program)
    registration_create(activity=activity, person=third)
    assert get(client, "en", "Europe%2FParis", program)["X-Page-Cache"] == "hit"


def test_the_directory_and_calendar_are_served_from_the_cache_and_rebuilt_on_a_change(
    client, django_assert_num_queries
):
    organization_create(creator=UserFactory(), details=OrganizationDetails(name="Attac"))
    for path in ("/organizations/", "/actions/"):
        assert get(client, "en", "Asia%2FTokyo", path)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert get(client, "en", "Asia%2FTokyo", path)["X-Page-Cache"] == "hit"
    organization_create(creator=UserFactory(), details=OrganizationDetails(name="Red Feminista"))
    again = get(client, "en", "Asia%2FTokyo", "/organizations/")
    assert again["X-Page-Cache"] == "miss"
    assert "Red Feminista" in again.content.decode()


def test_the_news_is_served_from_the_cache_and_rebuilt_when_an_article_is_published(
    client, django_assert_num_queries
):
    team = UserFactory()
    make_edition("vos-news-cache", facilitators=[team])
    first = services.article_save(
        by=team, title="Rivers in common", summary="s", body="b", language="en"
    )
    services.article_publish(article=first, by=team)
    for path in ("/news/", first.get_absolute_url()[3:], "/pages/about/"):
        assert get(client, "es", "Asia%2FTokyo", path)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert get(client, "es", "Asia%2FTokyo", path)["X-Page-Cache"] == "hit"
    version = services.article_save(
        by=team, original=first, title="Ríos en común", summary="s", body="b", language="es"
    )
    services.article_publish(article=version, by=team)
    again = get(client, "es", "Asia%2FTokyo", "/news/")
    assert again["X-Page-Cache"] == "miss"
    assert "Ríos en común" in again.content.decode()
    assert "Rivers in common" not in again.content.decode()
