import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory, emails_sent_before
from vos.person.models import User

pytestmark = pytest.mark.django_db

VALID = {
    "display_name": "Lucía Hernández",
    "country": "VE",
    "time_zone": "America/Caracas",
    "languages": ["es", "en"],
    "preferred_language": "es",
    "bio": "Comunicación comunitaria.",
    "is_public": "on",
}


def test_profile_requires_login(client):
    response = client.get("/en/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/profile/"


def test_profile_form_names_zone_and_countries_in_reader_language(client):
    client.force_login(UserFactory(time_zone="Asia/Kolkata"))
    html = client.get("/fr/profile/").content.decode()
    assert 'name="time_zone" value="Inde (Calcutta)"' in html
    assert 'role="combobox"' in html
    assert '<option value="DE">Allemagne</option>' in html
    assert '<option value="es">espagnol</option>' in html


def test_profile_update_saves_every_field(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/en/profile/", VALID)
    assert response.status_code == 302
    person.refresh_from_db()
    assert (
        person.display_name,
        person.country,
        person.time_zone,
        person.languages,
        person.preferred_language,
        person.bio,
        person.is_public,
    ) == (
        "Lucía Hernández",
        "VE",
        "America/Caracas",
        ["es", "en"],
        "es",
        "Comunicación comunitaria.",
        True,
    )


def test_profile_update_stores_canonical_zone_for_alias(client):
    person = UserFactory()
    client.force_login(person)
    client.post("/en/profile/", {**VALID, "time_zone": "Asia/Calcutta (UTC+5:30)"})
    person.refresh_from_db()
    assert person.time_zone == "Asia/Kolkata"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Paris/France", "is not a time zone we know"),
        ("country", "XX", "Select a valid choice"),
        ("languages", ["xx"], "Select a valid choice"),
        ("display_name", "", "This field is required"),
        ("bio", "x" * 1001, "Ensure this value has at most 1000 characters"),
    ],
)
def test_profile_bad_input_is_explained_and_changes_nothing(client, field, value, message):
    person = UserFactory(display_name="Before", time_zone="Europe/Paris")
    client.force_login(person)
    response = client.post("/en/profile/", {**VALID, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    person.refresh_from_db()
    assert (person.display_name, person.time_zone, person.country) == ("Before", "Europe/Paris", "")


def test_profile_error_message_is_translated(client):
    client.force_login(UserFactory())
    response = client.post("/es/profile/", {**VALID, "time_zone": "Paris/France"})
    assert "no es una zona horaria que conozcamos" in response.content.decode()


def test_public_profile_visible_to_anyone(client):
    person = UserFactory(display_name="Aroha", is_public=True, country="NZ", languages=["mi", "en"])
    html = client.get(f"/en/people/{person.pk}/").content.decode()
    assert '<h1 dir="auto">Aroha</h1>' in html
    assert "New Zealand" in html
    assert "Māori, English" in html
    assert person.email not in html


@pytest.mark.parametrize("viewer", ["anonymous", "other"])
def test_private_profile_is_not_found_for_others(client, viewer):
    person = UserFactory(is_public=False)
    if viewer == "other":
        client.force_login(UserFactory())
    assert client.get(f"/en/people/{person.pk}/").status_code == 404


def test_private_profile_visible_to_its_owner(client):
    person = UserFactory(is_public=False)
    client.force_login(person)
    html = client.get(f"/en/people/{person.pk}/").content.decode()
    assert "your profile is not public" in html


def test_private_profile_visible_to_superuser(client):
    person = UserFactory(is_public=False)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(f"/en/people/{person.pk}/").status_code == 200


def test_data_export_contains_account_and_profile(client):
    person = UserFactory(
        email="mei@example.org", display_name="Mei", country="MY", languages=["ms"]
    )
    client.force_login(person)
    response = client.get(reverse("person.data_export"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="vos-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "mei@example.org"
    assert data["account"]["email_addresses"] == [
        {"email": "mei@example.org", "verified": True, "primary": True}
    ]
    assert data["profile"] == {
        "display_name": "Mei",
        "country": "MY",
        "time_zone": "Europe/Paris",
        "languages": ["ms"],
        "preferred_language": "en",
        "bio": "",
        "is_public": False,
        "review_emails": "daily",
    }


def test_data_export_requires_login(client):
    assert client.get(reverse("person.data_export")).status_code == 302


def test_delete_account_with_wrong_password_changes_nothing(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("person.account_delete"), {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400
    assert "This password is not right." in response.content.decode()
    assert User.objects.filter(pk=person.pk).exists()


def test_delete_account_without_confirmation_changes_nothing(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("person.account_delete"), {"password": PASSWORD})
    assert response.status_code == 400
    assert User.objects.filter(pk=person.pk).exists()


def test_delete_account_removes_person_and_addresses_and_logs_out(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("person.account_delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    assert not EmailAddress.objects.filter(email=person.email).exists()
    assert client.get("/en/profile/").status_code == 302


def test_data_export_includes_taking_part(client):
    from tests.factories import intention_text, make_activity, make_edition
    from vos.registration.services import registration_create

    intention_text()
    edition = make_edition()
    person = UserFactory()
    organized = make_activity(edition, title="Mine", organizer=person)
    attended = make_activity(edition, title="Theirs")
    registration_create(activity=attended, person=person)
    client.force_login(person)
    data = json.loads(client.get(reverse("person.data_export")).content)
    assert [a["title"] for a in data["activities_organized"]] == ["Mine"]
    assert [(r["activity"], r["status"]) for r in data["registrations"]] == [
        (attended.pk, "confirmed")
    ]
    assert organized.pk == data["activities_organized"][0]["id"]


def test_deleting_an_account_gives_its_places_to_the_waiting_list(
    client, mailbox, django_capture_on_commit_callbacks
):
    from tests.factories import intention_text, make_activity, make_edition
    from vos.registration.models import Registration
    from vos.registration.services import registration_create

    intention_text()
    activity = make_activity(make_edition(), capacity=1)
    leaving, waiting = UserFactory(), UserFactory(email="next@example.org")
    registration_create(activity=activity, person=leaving)
    registration_create(activity=activity, person=waiting)
    client.force_login(leaving)
    emails_sent_before()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("person.account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert Registration.objects.get().person == waiting
    assert Registration.objects.get().status == "confirmed"
    assert mailbox.wait_for(1)[0]["To"] == "next@example.org"


def test_data_export_walks_every_declared_part(client):
    from tests.factories import intention_text
    from vos.edition.services import intention_accept

    person = UserFactory()
    intention_accept(person=person, intention_text=intention_text())
    client.force_login(person)
    data = json.loads(client.get(reverse("person.data_export")).content)
    assert set(data) == {
        "account",
        "profile",
        "api_tokens",
        "actions",
        "facilitation",
        "team_roles",
        "volunteering",
        "interpreting",
        "newsletter",
        "articles",
        "contact_messages",
        "intention_text_accepted",
        "organizations_created",
        "memberships",
        "organization_claims",
        "organizations_followed",
        "initiatives_posted",
        "initiatives_supported",
        "drafting_teams",
        "declaration_versions_written",
        "declaration_comments",
        "declarations_signed_for_organizations",
        "forum_contributions",
        "forum_likes",
        "outcomes_supported",
        "forum_reports",
        "forum_following",
        "forum_blocked",
        "forum_notes_taken",
        "forum_summaries_written",
        "requests_to_speak",
        "open_space_topics_hosted",
        "open_space_choices",
        "groups",
        "welcome_groups",
        "activities_organized",
        "invitations_sent",
        "review_digests_received",
        "translations_asked_for",
        "registrations",
        "reminders",
    }
    assert [item["version"] for item in data["intention_text_accepted"]] == [1]


def test_profile_languages_are_a_picker_with_the_readers_languages_first(client):
    client.force_login(UserFactory(languages=["sw", "pt"]))
    html = client.get("/fr/profile/").content.decode()
    assert "data-language-picker" in html
    yours = html.split("Vos langues")[1].split("Toutes les langues")[0]
    assert yours.index('value="sw"') < yours.index('value="pt"') < yours.index('value="fr"')
    assert yours.count(" checked") == 2  # sw and pt, not the page's French
    assert '<span class="meta" lang="sw">Kiswahili</span>' in yours
    # Saving keeps the choice, whatever group a language was shown in.
    response = client.post("/fr/profile/", {**VALID, "languages": ["sw", "ar"]})
    assert response.status_code == 302
