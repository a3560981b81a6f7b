"""The one loader of an activity for a request: the activity if this person may see it
(and act on it as asked), else a 404, so that a private activity does not even exist for
those who may not see it. Every page and API endpoint that names an activity uses it."""

from django.db.models import QuerySet
from django.http import Http404

from vos.activity.models import Activity


class ActivityGone(Http404):
    """The activity was on the program once and is not any more (unpublished): people may
    know it existed, so its page says so instead of "not found"."""

    def __init__(self, edition) -> None:
        super().__init__("This activity is no longer on the program.")
        self.edition = edition


def activity_or_404(
    user,
    pk: int,
    *,
    edition_slug: str | None = None,
    perm: str | None = None,
    queryset: QuerySet[Activity] | None = None,
) -> Activity:
    """``pk`` of ``edition_slug`` (any edition if None), visible to ``user`` under the
    ``activity.view`` rule and, if named, ``perm`` too. ``queryset`` shapes what is read."""
    activities = Activity.objects.select_related("edition") if queryset is None else queryset
    if edition_slug is not None:
        activities = activities.filter(edition__slug=edition_slug)
    try:
        activity = activities.get(pk=pk)
    except (Activity.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None
    if not user.has_perm("activity.view", activity):
        if activity.published_at is not None:
            raise ActivityGone(activity.edition)
        raise Http404
    if perm is not None and not user.has_perm(perm, activity):
        raise Http404
    return activity
