"""The news as other apps' pages show it: an edition's page lists its latest articles
without the edition app knowing of the news."""

from django import template

from vos.common.multilingual import reader_language
from vos.news.services import for_readers, with_subjects

register = template.Library()

EDITION_PAGE_ARTICLES = 3


@register.inclusion_tag("news/_of_edition.html")
def news_of_edition(edition) -> dict:
    articles = for_readers(language=reader_language(), edition=edition)
    return {"articles": with_subjects(articles[:EDITION_PAGE_ARTICLES]), "edition": edition}
