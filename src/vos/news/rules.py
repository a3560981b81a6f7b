import rules

from vos.edition.rules import communicates


@rules.predicate
def writes_the_article(user, article) -> bool:
    """The team, and the authors it named on the article or on its original."""
    if article is None or not user.is_authenticated:
        return False
    if communicates(user):
        return True
    group = article.original or article
    return group.authors.filter(pk=user.pk).exists() or article.authors.filter(pk=user.pk).exists()


rules.add_perm("news.write", communicates)
rules.add_perm("news.edit_article", writes_the_article)
