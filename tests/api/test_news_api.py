"""The news in the open data: published articles only, versions linked to their
original, the original's subjects, filters, and a fixed number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory, make_edition
from vos.news import services
from vos.news.models import Subject

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    person = UserFactory()
    make_edition(facilitators=[person])
    return person


def write(team, title, *, language="en", publish=True, **fields):
    article = services.article_save(
        by=team, title=title, summary="s", body=f"**{title}**", language=language, **fields
    )
    if publish:
        services.article_publish(article=article, by=team)
    return article


def test_articles_with_their_versions_and_subjects(team):
    water = Subject.objects.create(slug="water", name="Water", translations={"fr": {"name": "Eau"}})
    rivers = write(team, "Rivers", subjects=[water], edition=team.facilitated_editions.get())
    rios = write(team, "Ríos", language="es", original=rivers)
    write(team, "Draft", subjects=[water], publish=False)
    listed = Client().get("/api/v1/articles").json()
    assert listed["count"] == 2
    by_title = {item["title"]: item for item in listed["items"]}
    assert by_title["Ríos"]["original"] == rivers.pk
    assert by_title["Ríos"]["subjects"] == ["water"]
    assert by_title["Rivers"]["edition"] == "vos-test"
    only_spanish = Client().get("/api/v1/articles?language=es").json()
    assert [item["id"] for item in only_spanish["items"]] == [rios.pk]
    on_water = Client().get("/api/v1/articles?subject=water").json()
    assert on_water["count"] == 2
    detail = Client().get(f"/api/v1/articles/{rios.pk}").json()
    assert detail["body"] == "**Ríos**"
    assert detail["versions"] == {"en": rivers.pk, "es": rios.pk}
    draft_id = services.Article.objects.get(title="Draft").pk
    assert Client().get(f"/api/v1/articles/{draft_id}").status_code == 404
    subjects = Client().get("/api/v1/subjects").json()["items"]
    assert subjects[0]["translations"]["fr"]["name"] == "Eau"


@pytest.mark.parametrize("count", [3, 25])
def test_the_list_asks_a_fixed_number_of_queries(team, count):
    water = Subject.objects.create(slug="water", name="Water")
    for number in range(count):
        original = write(team, f"Article {number}", subjects=[water])
        write(team, f"Artículo {number}", language="es", original=original)
    with CaptureQueriesContext(connection) as captured:
        answer = Client().get("/api/v1/articles?limit=100").json()
    assert answer["count"] == 2 * count
    assert len(captured) <= 6, [query["sql"] for query in captured]
