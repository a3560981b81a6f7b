"""Reads of a space's debate, in a fixed number of queries whatever its size."""

from django.db.models import Count, Prefetch, Q, QuerySet

from vos.forum.models import Contribution, Space

ORDERS = {
    "supported": ("-like_count", "-created_at"),
    "newest": ("-created_at",),
    "debated": ("-reply_count", "-created_at"),
}


def _threaded(contributions: QuerySet) -> QuerySet:
    """Contributions with their like, reply and argument counts, replies and arguments
    prefetched."""
    return (
        contributions.select_related("author", "organization")
        .annotate(
            like_count=Count("likes", distinct=True),
            reply_count=Count("replies", distinct=True),
            for_count=Count("arguments", filter=Q(arguments__kind="for"), distinct=True),
            against_count=Count("arguments", filter=Q(arguments__kind="against"), distinct=True),
        )
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=Contribution.objects.select_related("author")
                .annotate(like_count=Count("likes"))
                .order_by("created_at"),
            ),
            Prefetch(
                "arguments",
                queryset=Contribution.objects.select_related("author")
                .annotate(like_count=Count("likes"))
                .order_by("-like_count", "created_at"),
            ),
        )
    )


def contribution_with_thread(contribution: Contribution) -> Contribution:
    return _threaded(Contribution.objects.filter(pk=contribution.pk)).get()


def contributions_for_space(space: Space, *, order: str = "newest", kind: str = "") -> QuerySet:
    """The space's contributions (not replies, not arguments: they show inside)."""
    contributions = _threaded(
        Contribution.objects.filter(space=space, parent=None, proposal=None).exclude(
            kind=Contribution.Kind.REPLY
        )
    )
    if kind:
        contributions = contributions.filter(kind=kind)
    return contributions.order_by(*ORDERS.get(order, ORDERS["newest"]), "pk")


def liked_by(person, contributions) -> set[int]:
    if not person.is_authenticated:
        return set()
    ids = [c.pk for c in contributions]
    for c in contributions:
        ids += [a.pk for a in c.arguments.all()]
    return set(
        person.forum_likes.filter(contribution_id__in=ids).values_list("contribution_id", flat=True)
    )
