"""Arabic, right to left: pages and emails say their language and direction, text in
another direction is marked, lists and times take Arabic punctuation, and the
stylesheet mirrors by itself (logical properties only)."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from tests.conftest import body_of
from tests.factories import UserFactory, make_activity, make_edition
from vos.common.templatetags.vos import lang_attrs, title_of
from vos.registration.services import registration_create

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "src" / "vos" / "static" / "vos" / "css" / "vos.css"
# Properties that name a physical side and so would not turn with the page.
PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b"
    r"|(?<![-\w])(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
    r"|border-(?:top|bottom)-(?:left|right)-radius"
)


def test_the_stylesheet_names_no_physical_side():
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(), flags=re.S)
    assert PHYSICAL.findall(css) == []
    # and it does use the logical ones, which turn with dir="rtl"
    assert "inline-start" in css


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr")])
def test_every_page_says_its_language_and_direction(client, language, direction):
    edition = make_edition()
    activity = make_activity(edition, title="Huertas urbanas", languages=["es"])
    for path in (
        "/",
        f"/editions/{edition.slug}/program/?day=all",
        activity.get_absolute_url()[3:],
    ):
        html = client.get(f"/{language}{path}").content.decode()
        assert f'<html lang="{language}" dir="{direction}"' in html, path


@pytest.mark.django_db
def test_text_in_another_direction_is_marked(client):
    edition = make_edition()
    french = make_activity(edition, title="Jardins partagés", languages=["fr"])
    arabic = make_activity(edition, title="حدائق مشتركة", languages=["ar"])
    english = make_activity(edition, title="Shared gardens", languages=["en"])
    with translation.override("ar"):
        assert lang_attrs(french) == ' lang="fr" dir="ltr"'
        assert lang_attrs(arabic) == ""
    with translation.override("en"):
        assert lang_attrs(arabic) == ' lang="ar" dir="rtl"'
        assert lang_attrs(french) == ' lang="fr"'
        assert lang_attrs(english) == ""
    html = client.get(f"/ar/editions/{edition.slug}/program/?day=all").content.decode()
    assert re.search(r'<a href="[^"]+" lang="fr" dir="ltr">Jardins partagés</a>', html)


@pytest.mark.django_db
def test_a_title_in_a_sentence_reads_in_the_direction_of_its_language(client):
    """An Arabic title that starts with Latin letters is still Arabic: isolated as
    right to left, not guessed from its first letter."""
    edition = make_edition()
    edition.set_translation("ar", {"title": "VOS 5 — أفق مشترك"})
    edition.save()
    url = f"/editions/{edition.slug}/program/?day=all"
    arabic = client.get(f"/ar{url}").content.decode()
    assert '<h1>برنامج <bdi dir="rtl">VOS 5 — أفق مشترك</bdi></h1>' in arabic
    english = client.get(f"/en{url}").content.decode()
    assert f'<h1>Program of <bdi dir="ltr">{edition.title}</bdi></h1>' in english
    # An activity's Arabic original inside an English sentence keeps its language.
    activity = make_activity(edition, title="حدائق مشتركة", languages=["ar"], state="proposed")
    with translation.override("en"):
        assert title_of(activity) == '<bdi lang="ar" dir="rtl">حدائق مشتركة</bdi>'


@pytest.mark.django_db
def test_names_are_isolated_and_lists_take_the_arabic_comma(client):
    edition = make_edition()
    ana = UserFactory(display_name="Ana María", is_public=True)
    activity = make_activity(edition, title="Radio", languages=["es", "pt"], organizer=ana)
    html = client.get(f"/ar{activity.get_absolute_url()[3:]}").content.decode()
    assert "<bdi>Ana María</bdi>" in html
    assert "الإسبانية، البرتغالية" in html
    # The zone is named in Arabic, joined to its offset by the Arabic comma.
    assert re.search(r"\(باريس، UTC\+1\)", html)
    english = client.get(f"/en{activity.get_absolute_url()[3:]}").content.decode()
    assert "Spanish, Portuguese" in english
    assert "(Paris, UTC+1)" in english


@pytest.mark.django_db
def test_times_follow_cldr_for_arabic(client):
    edition = make_edition()
    activity = make_activity(edition, title="Radio")
    html = client.get(f"/ar{activity.get_absolute_url()[3:]}").content.decode()
    month = activity.starts_at.month
    arabic_months = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]  # fmt: skip
    assert arabic_months[month - 1] in html
    # CLDR's Arabic writes the weekday, then the Arabic comma: "الاثنين، 14 ديسمبر"
    assert re.search(r"(?:الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)، \d", html)


@pytest.mark.django_db
def test_an_email_in_arabic_says_its_language_and_direction(
    mailbox, django_capture_on_commit_callbacks
):
    edition = make_edition()
    activity = make_activity(edition, title="Jardins partagés", languages=["fr"])
    salma = UserFactory(display_name="سلمى", preferred_language="ar", email="salma@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(activity=activity, person=salma)
    [message] = mailbox.wait_for(1)
    assert message["Content-Language"] == "ar"
    assert message["Subject"] == "أنت مسجَّل: «Jardins partagés»"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مكانك في «Jardins partagés» محجوز لك." in body_of(message)
