"""Articles: who writes them, language versions with the original marked, pictures
checked and re-encoded, "other articles on the same subject", feeds per site, subject and
language, and the editable pages with their pictures."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from tests.factories import UserFactory, make_edition
from vos.edition.models import TeamRole
from vos.news import services
from vos.news.models import Article, Page, Subject

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def picture(width: int = 3000, height: int = 2000, *, exif: bool = True) -> SimpleUploadedFile:
    image = Image.new("RGB", (width, height), (160, 60, 30))
    out = io.BytesIO()
    data = Image.Exif()
    data[0x013B] = "Photographer's name"  # Artist
    image.save(out, format="JPEG", exif=data if exif else b"")
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def team():
    person = UserFactory(email="team@example.org")
    make_edition(facilitators=[person])
    return person


def subject(name: str) -> Subject:
    return Subject.objects.create(slug=name.lower().replace(" ", "-"), name=name)


def article(by, title: str, *, language: str = "en", subjects=(), publish=True, **fields):
    written = services.article_save(
        by=by,
        title=title,
        summary=f"Summary of {title}",
        body=fields.pop("body", f"Text of **{title}**."),
        language=language,
        subjects=subjects,
        **fields,
    )
    if publish:
        services.article_publish(article=written, by=by)
    return written


def test_only_the_team_and_named_authors_write(team):
    reader, volunteer, author = UserFactory(), UserFactory(), UserFactory(email="ana@example.org")
    TeamRole.objects.create(
        edition=team.facilitated_editions.get(), person=volunteer, role="communication"
    )
    moderation = UserFactory()
    TeamRole.objects.create(
        edition=team.facilitated_editions.get(), person=moderation, role="moderation"
    )
    for person in (reader, moderation):
        with pytest.raises(Exception, match="Only the facilitation team"):
            article(person, "Nope")
    written = article(volunteer, "Water commons", authors=[author])
    assert list(written.authors.all()) == [author]
    # The named author corrects it and adds a version, but cannot publish others' work.
    services.article_save(
        by=author,
        article=written,
        title="Water commons, again",
        summary="s",
        body="b",
        language="en",
    )
    assert not services.may_edit(reader, written)
    client = Client()
    client.force_login(reader)
    assert client.get(reverse("news.write", args=[written.slug])).status_code == 404
    assert client.get(reverse("news.desk")).status_code == 404
    client.force_login(author)
    assert client.get(reverse("news.write", args=[written.slug])).status_code == 200
    assert client.get(reverse("news.desk")).status_code == 404


def test_a_draft_is_seen_by_its_writers_only(team):
    draft = article(team, "Seeds", publish=False)
    assert Client().get(draft.get_absolute_url()).status_code == 404
    client = Client()
    client.force_login(team)
    assert "Draft: readers do not see it." in client.get(draft.get_absolute_url()).content.decode()
    assert "Seeds" not in Client().get(reverse("news.list")).content.decode()


def test_language_versions_mark_the_original_and_readers_get_theirs(team):
    climate = subject("Climate justice")
    original = article(team, "Climate justice now", language="es", subjects=[climate])
    french = article(team, "La justice climatique maintenant", original=original, language="fr")
    assert french.original == original
    with pytest.raises(Exception, match="already has a version in this language"):
        article(team, "Otra", original=original, language="es")
    # A version of a version is a version of the original.
    english = article(team, "Climate justice now (en)", original=french, language="en")
    assert english.original == original

    page = Client().get(french.get_absolute_url()).content.decode()
    assert "Translated from the original in Spanish." in page
    assert 'hreflang="es"' in page
    assert "(original)" in page
    # The list gives each article once, in the reader's language when it has one.
    with translation.override("fr"):
        listed = Client().get(reverse("news.list")).content.decode()
    assert "La justice climatique maintenant" in listed
    assert "Climate justice now" not in listed
    only_spanish = Client().get(reverse("news.list") + "?language=es").content.decode()
    assert "Climate justice now" in only_spanish
    assert "La justice" not in only_spanish
    # The subject of a version is its original's.
    assert "Climate justice" in Client().get(english.get_absolute_url()).content.decode()


def test_withdrawing_the_original_withdraws_its_versions(team):
    original = article(team, "Seeds of the commons")
    version = article(team, "Semillas de lo común", original=original, language="es")
    other = article(team, "Sementes", original=original, language="pt")
    services.article_publish(article=other, by=team, publish=False)
    assert Article.objects.get(pk=original.pk).is_published
    services.article_publish(article=original, by=team, publish=False)
    assert not Article.objects.filter(published_at__isnull=False).exists()
    assert Client().get(version.get_absolute_url()).status_code == 404
    with pytest.raises(Exception, match="Publish the original first"):
        services.article_publish(article=Article.objects.get(pk=version.pk), by=team)


def test_other_articles_on_the_same_subject(team):
    water, seeds = subject("Water"), subject("Seeds")
    first = article(team, "Rivers in common", subjects=[water])
    article(team, "Wells of Cochabamba", subjects=[water, seeds])
    article(team, "Seed banks", subjects=[seeds])
    article(team, "A draft on water", subjects=[water], publish=False)
    others = services.others_on_the_same_subjects(first, language="en")
    assert [item.title for item in others] == ["Wells of Cochabamba"]
    page = Client().get(first.get_absolute_url()).content.decode()
    assert "Wells of Cochabamba" in page
    assert "Seed banks" not in page
    assert "A draft on water" not in page


def test_the_picture_is_checked_re_encoded_and_described(team):
    with pytest.raises(Exception, match="Say what the picture shows"):
        article(team, "No description", picture=picture())
    assert not Article.objects.exists()
    with pytest.raises(Exception, match="not an image we can read"):
        article(
            team,
            "Not a picture",
            picture=SimpleUploadedFile("x.png", b"<?php echo 1; ?>", "image/png"),
            picture_alt="A field",
        )
    assert not Article.objects.exists()
    written = article(team, "Harvest", picture=picture(), picture_alt="People at the harvest")
    with default_storage.open(written.picture) as stored, Image.open(stored) as image:
        assert image.format == "WEBP"
        assert max(image.size) == services.ARTICLE_PICTURE_SIDE
        assert not image.getexif()
    response = Client().get(reverse("news.picture_file", args=[written.picture_name]))
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    page = Client().get(written.get_absolute_url()).content.decode()
    assert 'alt="People at the harvest"' in page
    assert (
        f'property="og:image" content="http://testserver/media/articles/{written.picture_name}"'
        in page
    )
    assert '<meta property="og:type" content="article">' in page


def test_the_body_is_sanitized(team):
    written = article(
        team, "Hostile", body="<script>alert(1)</script>\n\n![x](https://tracker.example/p.gif)"
    )
    page = Client().get(written.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "tracker.example" not in page


def _items(body: bytes, atom: bool) -> list[dict]:
    root = ET.fromstring(body)
    if atom:
        return [
            {
                "title": entry.find(f"{ATOM}title").text,
                "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
            }
            for entry in root.findall(f"{ATOM}entry")
        ]
    return [
        {
            "title": item.find("title").text,
            "categories": [c.text for c in item.findall("category")],
        }
        for item in root.find("channel").findall("item")
    ]


@pytest.mark.parametrize("atom", [False, True])
def test_feeds_for_the_site_a_subject_and_a_language(team, atom):
    water = subject("Water")
    rivers = article(team, "Rivers in common", subjects=[water])
    article(team, "Ríos en común", original=rivers, language="es")
    article(team, "Seed banks")
    article(team, "A draft", subjects=[water], publish=False)
    suffix = "atom" if atom else "rss"
    site = Client().get(reverse(f"news.{suffix}"))
    assert site["Content-Type"].startswith(
        "application/atom+xml" if atom else "application/rss+xml"
    )
    assert sorted(item["title"] for item in _items(site.content, atom)) == [
        "Rivers in common",
        "Seed banks",
    ]
    on_water = _items(Client().get(reverse(f"news.subject_{suffix}", args=["water"])).content, atom)
    assert on_water == [{"title": "Rivers in common", "categories": ["Water"]}]
    spanish = _items(Client().get(reverse(f"news.language_{suffix}", args=["es"])).content, atom)
    assert [item["title"] for item in spanish] == ["Ríos en común"]
    assert Client().get(reverse(f"news.language_{suffix}", args=["zz"])).status_code == 404
    # In Spanish, the site's feed gives the Spanish version.
    with translation.override("es"):
        in_spanish = _items(Client().get(reverse(f"news.{suffix}")).content, atom)
    assert "Ríos en común" in [item["title"] for item in in_spanish]


def test_writing_through_the_desk(team):
    client = Client()
    client.force_login(team)
    assert client.post(reverse("news.desk"), {"name": "Food sovereignty"}).status_code == 302
    food = Subject.objects.get()
    bad = client.post(
        reverse("news.new"),
        {"title": "", "summary": "s", "body": "b", "language": "en", "authors": "nobody@x.org"},
    )
    assert bad.status_code == 400
    assert not Article.objects.exists()
    response = client.post(
        reverse("news.new"),
        {
            "title": "Markets of the commons",
            "summary": "Short.",
            "body": "Long.",
            "language": "pt",
            "subjects": [food.pk],
            "authors": "nobody@example.org",
        },
    )
    assert "No account has this address: nobody@example.org." in response.content.decode()
    assert not Article.objects.exists()
    response = client.post(
        reverse("news.new"),
        {
            "title": "Mercados dos comuns",
            "summary": "Curto.",
            "body": "Longo.",
            "language": "pt",
            "subjects": [food.pk],
            "authors": "TEAM@example.org",
        },
    )
    written = Article.objects.get()
    assert response.url == reverse("news.write", args=[written.slug])
    assert list(written.authors.all()) == [team]
    client.post(reverse("news.write", args=[written.slug]), {"action": "publish"})
    written.refresh_from_db()
    assert written.is_published
    client.post(
        reverse("news.version", args=[written.slug]),
        {"title": "Markets of the commons", "summary": "Short.", "body": "Long.", "language": "en"},
    )
    version = Article.objects.get(language="en")
    assert version.original == written
    assert not version.is_published


def test_pages_are_edited_in_languages_with_stored_pictures(team):
    client = Client()
    client.force_login(team)
    response = client.post(
        reverse("news.page_picture", args=["guide"]),
        {"picture": picture(1600, 900, exif=False), "alt": "The program filtered by language"},
    )
    assert response.status_code == 302
    line = services.PagePicture.objects.get().markdown()
    assert line.startswith("![The program filtered by language](/media/pages/")
    client.post(
        reverse("news.page_edit", args=["guide"]),
        {
            "language": "en",
            "title": "How to take part",
            "body": f"1. Choose a session.\n\n{line}\n\n![elsewhere](https://tracker.example/x.png)",
        },
    )
    client.post(
        reverse("news.page_edit", args=["guide"]),
        {"language": "fr", "title": "Comment participer", "body": "1. Choisissez une séance."},
    )
    page = Page.objects.get(kind="guide")
    assert page.original_language == "en"
    english = Client().get(reverse("news.page", args=["guide"])).content.decode()
    assert '<img alt="The program filtered by language" src="/media/pages/' in english or (
        'src="/media/pages/' in english and 'alt="The program filtered by language"' in english
    )
    assert "tracker.example" not in english
    with translation.override("fr"):
        french = Client().get(reverse("news.page", args=["guide"])).content.decode()
    assert "Choisissez une séance" in french
    reader = UserFactory()
    client.force_login(reader)
    assert client.get(reverse("news.page_edit", args=["guide"])).status_code == 404
    assert Client().get(reverse("news.page", args=["nothing"])).status_code == 404


@pytest.mark.parametrize(
    ("path", "view"),
    [
        ("/en/orga/news/", "news.desk"),
        ("/en/orga/newsletters/", "newsletter.letters"),
        ("/en/orga/inbox/", "contact.inbox"),
        ("/en/orga/pages/about/", "news.page_edit"),
        ("/en/orga/vos-5/", "activity.orga_queue"),
    ],
)
def test_the_back_offices_fixed_pages_are_not_taken_for_editions(path, view):
    from django.urls import resolve

    assert resolve(path).url_name == view


def test_an_edition_cannot_take_the_name_of_a_back_office_page():
    from django.core.exceptions import ValidationError

    edition = make_edition("news-edition")
    edition.slug = "news"
    with pytest.raises(ValidationError, match="names a page of the site"):
        edition.full_clean()


def test_an_editions_page_shows_its_latest_news(team):
    edition = team.facilitated_editions.get()
    for number in range(4):
        article(team, f"Edition news {number}", edition=edition)
    article(team, "Elsewhere")
    page = Client().get(edition.get_absolute_url()).content.decode()
    assert "News of this edition" in page
    assert [f"Edition news {n}" in page for n in range(4)] == [False, True, True, True]
    assert "Elsewhere" not in page


def test_subjects_named_in_any_script(team):
    first = services.subject_save(by=team, name="العدالة المناخية", language="ar")
    second = services.subject_save(by=team, name="الاقتصاد التضامني", language="ar")
    assert first.slug != second.slug
    assert first.slug.startswith("subject-")
    assert Client().get(first.get_absolute_url()).status_code == 200
    with pytest.raises(Exception, match="exists already"):
        services.subject_save(by=team, name="العدالة المناخية", language="ar")


def test_the_team_names_a_subject_in_each_language(team):
    water = services.subject_save(by=team, name="Water", language="en")
    client = Client()
    client.force_login(team)
    page = reverse("news.subject_names", args=[water.slug])
    refused = client.post(page, {"name_en": "", "name_fr": "Eau"})
    assert refused.status_code == 400
    water.refresh_from_db()
    assert water.translations == {}
    client.post(page, {"name_en": "Water", "name_fr": "Eau", "name_es": "Agua"})
    water.refresh_from_db()
    assert water.shown_in("fr").name == "Eau"
    assert water.shown_in("pt").name == "Water"
    with translation.override("es"):
        assert "Agua" in Client().get(reverse("news.list")).content.decode()
    client.force_login(UserFactory())
    assert client.get(page).status_code == 404
