"""Content in many languages: what people write, read in the reader's language."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.common.models import TranslationRequest
from vos.common.multilingual import in_languages, translations_apply

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    intention_text()
    return make_edition()


def gardens(edition, **fields):
    """An activity written in Spanish, translated into French."""
    return make_activity(
        edition,
        title="Huertas urbanas",
        languages=["es"],
        original_language="es",
        translations={
            "fr": {
                "title": "Jardins urbains",
                "summary": "Cultiver en ville",
                "description": "Apportez des graines.",
                "outdated": False,
            }
        },
        **fields,
    )


def program(client, edition, language="en", **params):
    url = f"/{language}/editions/{edition.slug}/program/"
    return client.get(url, {"day": "all", **params}).content.decode()


def detail(client, activity, language):
    return client.get(f"/{language}{activity.get_absolute_url()[3:]}").content.decode()


def proposal(edition, **changes):
    day = edition.start_date + dt.timedelta(days=1)
    return {
        "title": "Radio comunitaria",
        "summary": "Cómo informar a tu barrio con un teléfono.",
        "description": "Traé tu celular.",
        "original_language": "es",
        "activity_type": edition.activity_types.get(key="workshop").pk,
        "languages": ["es"],
        "time_zone": "America/Caracas",
        "start": f"{day:%Y-%m-%d}T10:00",
        "duration": "90",
        "accept_intention": "on",
        "room_mode": "none",
        "link_visibility": "registered",
        "tr_fr_title": "Radio communautaire",
        "tr_fr_summary": "Informer son quartier avec un téléphone.",
        **changes,
    }


@pytest.mark.parametrize("words", ["jardins", "JARDIN urbain", "huertas", "Huertas URBANAS"])
def test_a_translated_activity_is_found_by_search_in_either_language(client, edition, words):
    gardens(edition)
    make_activity(edition, title="Radio libre")
    html = program(client, edition, q=words)
    assert html.count('class="activity-card') == 1
    assert "Radio libre" not in html


def test_readers_see_their_language_or_the_original_with_its_language_named(client, edition):
    activity = gardens(edition)
    french = detail(client, activity, "fr")
    assert "<h1>Jardins urbains</h1>" in french  # the page's own language: no lang attribute
    assert "Apportez des graines." in french
    assert "Demander une traduction" not in french
    english = detail(client, activity, "en")
    assert '<h1 lang="es">Huertas urbanas</h1>' in english
    assert "In Spanish" in english
    assert "Ask for a translation" in english
    assert "En español" not in english
    # The program's cards too, in the reader's language, marked as such.
    assert re.search(r'<a href="[^"]+">Jardins urbains</a>', program(client, edition, "fr"))
    assert re.search(r'<a href="[^"]+" lang="es">Huertas urbanas</a>', program(client, edition))


def test_a_changed_original_marks_its_translations_until_a_translator_confirms(client, edition):
    organizer = UserFactory()
    client.force_login(organizer)
    response = client.post(
        reverse("activity.propose", kwargs={"slug": edition.slug}), proposal(edition)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = Activity.objects.get()
    assert activity.original_language == "es"
    assert activity.translations["fr"]["title"] == "Radio communautaire"
    assert not activity.translations["fr"]["outdated"]
    edit = reverse("activity.edit", kwargs={"slug": edition.slug, "pk": activity.pk})

    # The original changes; the French text is sent back as it was.
    client.post(edit, proposal(edition, title="Radio comunitaria y libre"))
    activity.refresh_from_db()
    assert activity.title == "Radio comunitaria y libre"
    assert activity.translations["fr"]["outdated"] is True
    assert "may be out of date" in client.get(edit).content.decode()
    assert "Cette traduction est peut-être dépassée" in detail(client, activity, "fr")

    # A translator checks it and confirms it.
    client.post(edit, proposal(edition, title="Radio comunitaria y libre", tr_fr_confirmed="on"))
    activity.refresh_from_db()
    assert activity.translations["fr"]["outdated"] is False
    assert "dépassée" not in detail(client, activity, "fr")


def test_an_edited_translation_is_up_to_date_and_an_emptied_one_is_gone(edition):
    activity = gardens(edition)
    activity.title = "Huertas urbanas comunitarias"
    activity.save()
    assert activity.translations["fr"]["outdated"] is True
    written = translations_apply(
        activity, {"fr": {"title": "Jardins urbains partagés"}, "pt": {"title": ""}}
    )
    activity.save()
    activity.refresh_from_db()
    assert written == ["fr"]
    assert activity.translations["fr"] == {"title": "Jardins urbains partagés", "outdated": False}
    translations_apply(activity, {"fr": {"title": ""}})
    activity.save()
    activity.refresh_from_db()
    assert activity.translations == {}
    assert activity.translated_text == ""


def test_a_translation_into_the_originals_own_language_is_refused(client, edition):
    client.force_login(UserFactory())
    response = client.post(
        reverse("activity.propose", kwargs={"slug": edition.slug}),
        proposal(edition, tr_es_title="Radio"),
    )
    assert response.status_code == 400
    assert "a translation goes into another language" in response.content.decode()
    assert not Activity.objects.exists()


def test_api_and_exports_speak_the_readers_language_and_the_api_lists_every_one(client, edition):
    activity = gardens(edition)
    url = f"/api/v1/activities?edition={edition.slug}"
    french = client.get(url, headers={"accept-language": "fr"}).json()["items"][0]
    assert (french["title"], french["language"]) == ("Jardins urbains", "fr")
    english = client.get(url + "&lang=en", headers={"accept-language": "fr"}).json()["items"][0]
    assert (english["title"], english["language"]) == ("Huertas urbanas", "es")
    assert english["original_language"] == "es"
    assert english["translations"]["es"]["original"] is True
    assert english["translations"]["fr"]["summary"] == "Cultiver en ville"
    assert english["translations"]["fr"]["outdated"] is False

    for lang, title in (("fr", "Jardins urbains"), ("en", "Huertas urbanas")):
        data = json.loads(client.get(f"/editions/{edition.slug}/schedule.json?lang={lang}").content)
        days = data["schedule"]["conference"]["days"]
        events = [e for day in days for room in day["rooms"].values() for e in room]
        assert [event["title"] for event in events] == [title]
        xml = client.get(
            f"/editions/{edition.slug}/schedule.xml", headers={"accept-language": lang}
        )
        assert f"<title>{title}</title>" in xml.content.decode()
        ics = client.get(f"/editions/{edition.slug}/schedule.ics?lang={lang}").content
        event = next(e for e in Calendar.from_ical(ics).walk("VEVENT"))
        assert str(event["SUMMARY"]) == title
    assert activity.pk == events[0]["id"]


def test_the_program_in_a_language_with_translations_costs_no_query_per_item(
    client, django_assert_num_queries
):
    edition = make_edition(open_proposals=False)
    for number in range(60):
        make_activity(
            edition,
            title=f"Actividad {number}",
            original_language="es",
            translations=in_languages("title", fr=f"Activité {number}"),
            starts_at=edition.starts_at + dt.timedelta(hours=10, minutes=number),
        )
    with django_assert_num_queries(10):
        html = program(client, edition, "fr")
    assert len(re.findall(r">Activité \d+<", html)) == 60


def test_a_reader_asks_for_a_translation_once_and_the_organizers_see_how_many(client, edition):
    organizer = UserFactory()
    activity = gardens(edition, organizer=organizer)
    ask = reverse("activity.ask_translation", kwargs={"slug": edition.slug, "pk": activity.pk})
    response = client.post(ask, {"language": "pt"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not TranslationRequest.objects.exists()
    for reader in (UserFactory(), UserFactory()):
        client.force_login(reader)
        client.post(ask, {"language": "pt"})
        client.post(ask, {"language": "pt"})  # twice counts once
    client.post(ask, {"language": "xx"})
    assert TranslationRequest.objects.count() == 2
    client.force_login(organizer)
    edit = reverse("activity.edit", kwargs={"slug": edition.slug, "pk": activity.pk})
    assert "asked for by 2 readers" in client.get(edit).content.decode()


def test_edition_texts_key_dates_and_themes_follow_the_reader(client, edition):
    edition.translations = in_languages("tagline", es="Un foro para todo el mundo")
    edition.save()
    key_date = edition.key_dates.create(
        title="Proposals close",
        starts_at=edition.starts_at,
        translations=in_languages("title", es="Cierre de propuestas"),
    )
    theme = edition.themes.create(
        name="Care and health", translations=in_languages("name", es="Cuidados y salud")
    )
    spanish = client.get(f"/es/editions/{edition.slug}/").content.decode()
    assert "Un foro para todo el mundo" in spanish
    assert "Cierre de propuestas" in spanish
    assert "Proposals close" not in spanish
    assert "Cuidados y salud" in spanish
    program_page = program(client, edition, "es")
    assert f'<option value="{theme.pk}">Cuidados y salud</option>' in program_page
    french = client.get(f"/fr/editions/{edition.slug}/").content.decode()
    assert key_date.title in french
    assert theme.name in french


def test_kinds_of_activity_are_described_to_proposers_in_their_language(client, edition):
    workshop = edition.activity_types.get(key="workshop")
    workshop.description = "A small group that builds something together."
    workshop.set_translation("es", {"description": "Un grupo pequeño que construye algo."})
    workshop.save()
    client.force_login(UserFactory())
    propose = reverse("activity.propose", kwargs={"slug": edition.slug})
    spanish = client.get(propose.replace("/en/", "/es/", 1)).content.decode()
    assert "<dt>Taller</dt><dd>Un grupo pequeño que construye algo.</dd>" in spanish
    french = client.get(propose.replace("/en/", "/fr/", 1)).content.decode()
    assert '<dd lang="en">A small group that builds something together.</dd>' in french
    kinds = client.get(
        f"/api/v1/editions/{edition.slug}/activity-types", HTTP_ACCEPT_LANGUAGE="es"
    ).json()
    assert {
        "key": "workshop",
        "name": "Taller",
        "description": "Un grupo pequeño que construye algo.",
    } in kinds
    # A kind nobody described is not listed in the help.
    assert "<dt>Hackatón</dt>" not in spanish


def test_facilitators_translate_in_the_admin(admin_client, edition):
    theme = edition.themes.create(name="Care and health")
    url = f"/en/admin/edition/theme/{theme.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "Translation: español" in page
    response = admin_client.post(
        url,
        {
            "edition": edition.pk,
            "name": "Care and health",
            "original_language": "en",
            "position": 0,
            "tr_es_name": "Cuidados y salud",
            "tr_pt_name": "Cuidado e saúde",
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.translations["es"]["name"] == "Cuidados y salud"
    assert theme.translations["pt"]["name"] == "Cuidado e saúde"
    assert "fr" not in theme.translations


def test_a_refused_edit_keeps_the_out_of_date_mark_and_the_translators_tick(client, edition):
    organizer = UserFactory()
    activity = gardens(edition, organizer=organizer)
    activity.title = "Huertas urbanas comunitarias"
    activity.save()
    client.force_login(organizer)
    edit = reverse("activity.edit", kwargs={"slug": edition.slug, "pk": activity.pk})
    response = client.post(
        edit,
        proposal(
            edition,
            title="",
            tr_fr_title="Jardins urbains",
            tr_fr_summary="Cultiver en ville",
            tr_fr_confirmed="on",
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "may be out of date" in html
    assert re.search(r'<input type="checkbox" name="tr_fr_confirmed"[^>]* checked', html)
    activity.refresh_from_db()
    assert activity.translations["fr"]["outdated"] is True


def test_translations_saved_alone_are_found_by_search(client, edition):
    activity = make_activity(edition, title="Radio libre")
    activity.translations = in_languages("title", fr="Radio libre et communautaire")
    activity.save(update_fields=["translations"])
    assert "Radio libre" in program(client, edition, q="communautaire")
