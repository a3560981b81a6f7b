"""The news pages and the inbox run as many queries for a few articles or messages as for
many."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory, make_edition
from vos.contact.models import ContactMessage
from vos.news import services
from vos.news.models import Subject

pytestmark = pytest.mark.django_db


def queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def fill(team, count: int) -> str:
    subjects = [
        Subject.objects.get_or_create(slug=slug, defaults={"name": slug})[0]
        for slug in ("water", "seeds")
    ]
    first = None
    for number in range(count):
        article = services.article_save(
            by=team,
            title=f"Article {number}",
            summary="s",
            body="b",
            language="en",
            subjects=subjects,
        )
        services.article_publish(article=article, by=team)
        version = services.article_save(
            by=team,
            original=article,
            title=f"Artículo {number}",
            summary="s",
            body="b",
            language="es",
        )
        services.article_publish(article=version, by=team)
        first = first or article
    return first.get_absolute_url()


def counts(count: int) -> dict[str, int]:
    team = UserFactory()
    make_edition(f"vos-{count}", facilitators=[team])
    article_path = fill(team, count)
    for number in range(count):
        ContactMessage.objects.create(
            subject=f"Question {number}",
            body="?",
            email=f"p{number}@example.org",
            language="en",
            email_message_id=f"<{number}@x>",
            assigned_to=team,
        )
    reader, writer = Client(), Client()
    writer.force_login(team)
    return {
        "list": queries(reader, reverse("news.list")),
        "subject": queries(reader, reverse("news.subject", args=["water"])),
        "article": queries(reader, article_path),
        "rss": queries(reader, reverse("news.rss")),
        "language feed": queries(reader, reverse("news.language_atom", args=["es"])),
        "desk": queries(writer, reverse("news.desk")),
        "inbox": queries(writer, reverse("contact.inbox") + "?show=all"),
    }


def test_the_same_queries_for_few_and_many():
    few = counts(3)
    # A second forum in the same test database: start from nothing again.
    from vos.news.models import Article

    Article.objects.all().delete()
    ContactMessage.objects.all().delete()
    Subject.objects.all().delete()
    many = counts(25)
    assert few == many
    assert max(few.values()) <= 12, few
