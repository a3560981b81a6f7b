"""What the news keeps about a person: the articles they wrote (they stay, published
under the forum's name once the account is gone)."""

from vos.news.models import Article, Page, PagePicture
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "articles": [
            {"title": article.title, "language": article.language, "slug": article.slug}
            for article in Article.objects.filter(authors=person)
        ]
    }


declare(
    PersonalData(
        app="news",
        models=(Article, Page, PagePicture),
        export=_export,
        why="Articles and pages are the forum's: they stay without the writer's name.",
    )
)
