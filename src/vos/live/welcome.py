"""Welcome groups between editions (a World Social Forum practice): newcomers choose up
to three groups by language, region or theme; each has a bounded size, a facilitator and
a room; members see each other's names only with their consent, and the room's link
only once they belong."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.forum.rules import facilitates
from vos.live.models import WelcomeGroup, WelcomeMembership
from vos.person.models import User

MAX_GROUPS = 3


def welcome_groups() -> QuerySet[WelcomeGroup]:
    """The groups with their places taken and their members, in two queries."""
    return (
        WelcomeGroup.objects.select_related("facilitator")
        .annotate(taken=Count("memberships"))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=WelcomeMembership.objects.select_related("person").order_by(
                    "created_at", "pk"
                ),
            )
        )
    )


@transaction.atomic
def group_create(
    *, facilitator: User, name: str, kind: str, size: int, room_url: str
) -> WelcomeGroup:
    """By a facilitation team (any edition's: the groups live between editions)."""
    if not facilitates(facilitator, None):
        raise PermissionDenied
    name = " ".join(name.split())
    if not name or kind not in WelcomeGroup.Kind.values or not 2 <= size <= 100:
        raise ValidationError(_("A name, what gathers it, and 2 to 100 places."))
    try:
        URLValidator(schemes=["https"])(room_url)
    except ValidationError:
        raise ValidationError({"room_url": _("The room is a web address (https://…).")}) from None
    group = WelcomeGroup.objects.create(
        name=name[:120], kind=kind, size=size, facilitator=facilitator, room_url=room_url
    )
    log_action(group, actor=facilitator, action="live.welcome_group")
    return group


@transaction.atomic
def join(*, person: User, group: WelcomeGroup, visible: bool) -> WelcomeMembership:
    if not person.is_authenticated:
        raise PermissionDenied
    locked = WelcomeGroup.objects.select_for_update().get(pk=group.pk)
    if WelcomeMembership.objects.filter(person=person).exclude(group=locked).count() >= MAX_GROUPS:
        raise ValidationError(_("Three groups at most: leave one first."))
    if locked.memberships.exclude(person=person).count() >= locked.size:
        raise ValidationError(_("This group is full."))
    try:
        membership, _created = WelcomeMembership.objects.update_or_create(
            group=locked, person=person, defaults={"visible": visible}
        )
    except IntegrityError:  # a double click
        membership = WelcomeMembership.objects.get(group=locked, person=person)
    return membership


def leave(*, person: User, group: WelcomeGroup) -> None:
    WelcomeMembership.objects.filter(group=group, person=person).delete()


def member_view(person: User, group: WelcomeGroup) -> dict:
    """What a person sees of a group (from ``welcome_groups()``, members prefetched): its
    room and the consenting members when they belong (or facilitate it), nothing else."""
    memberships = list(group.memberships.all())
    belongs = person.is_authenticated and (
        group.facilitator_id == person.pk or any(m.person_id == person.pk for m in memberships)
    )
    if not belongs:
        return {"belongs": False, "room_url": None, "members": []}
    members = [m.person.display_name for m in memberships if m.visible]
    return {"belongs": True, "room_url": group.room_url, "members": members}
