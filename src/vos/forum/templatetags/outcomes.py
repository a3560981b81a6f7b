"""The outcome box on an activity's page: the activity app sits below the forum, so its
page shows the forum's part through this tag."""

from django import template
from django.utils import timezone

from vos.forum.models import Outcome

register = template.Library()


@register.inclusion_tag("forum/_outcome.html", takes_context=True)
def activity_outcome(context, activity):
    request = context.get("request")
    user = getattr(request, "user", None)
    outcome = Outcome.objects.filter(activity=activity).first()
    may_post = bool(
        user
        and user.is_authenticated
        and activity.ends_at <= timezone.now()
        and activity.is_public
        and activity.organizers.filter(person=user).exists()
    )
    return {"activity": activity, "outcome": outcome, "may_post": may_post, "request": request}
