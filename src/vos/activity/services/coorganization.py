"""Organizations behind an activity. A proposer who is a member of an organization adds it
directly; naming any other sends a request that one of its admins accepts or declines
(an organization nobody administers yet, named on proposals before organizations had
admins, is accepted as before). Only accepted organizations are shown to readers, in the
exports and in the API.

An edition may ask a minimum number of accepted organizations for a kind of activity (an
assembly: 5): such an activity is not published before, and is published as soon as the
last one accepts when the edition publishes proposals at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vos.activity.models import Activity, CoOrganization
from vos.activity.services.publishing import after_publish
from vos.common.log import log_action
from vos.edition.models import Edition
from vos.mail.services import mail_to_person
from vos.organization.models import Membership, Organization
from vos.person.models import User


def _admins(organization: Organization) -> list[User]:
    return [
        m.person
        for m in organization.memberships.filter(
            role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
        ).select_related("person")
    ]


def _speaks_for(person: User, organization: Organization) -> bool:
    return organization.memberships.filter(person=person, status=Membership.Status.ACTIVE).exists()


def organizations_link(
    *, activity: Activity, organizations: list[Organization], actor: User
) -> dict[str, list[str]]:
    """Make the organizations named on the activity exactly these: new ones accepted at
    once or asked, the ones left out removed. Returns the names added and removed, for
    the log. Side effect: an email to the admins of each organization asked."""
    current = {link.organization_id: link for link in activity.co_organizations.all()}
    wanted = {organization.pk: organization for organization in organizations}
    added, removed = [], []
    for pk, link in current.items():
        if pk not in wanted:
            removed.append(link.organization.name)
            link.delete()
    for pk, organization in wanted.items():
        if pk in current:
            continue
        admins = _admins(organization)
        at_once = not admins or _speaks_for(actor, organization)
        link = CoOrganization.objects.create(
            activity=activity,
            organization=organization,
            status=CoOrganization.Status.ACCEPTED if at_once else CoOrganization.Status.PENDING,
            requested_by=actor,
            decided_by=actor if at_once and admins else None,
            decided_at=timezone.now() if at_once else None,
        )
        added.append(organization.name)
        if not at_once:
            for admin in admins:
                mail_to_person(
                    person=admin,
                    template="activity/email/co_organization",
                    context={"activity": activity, "link": link, "asker": actor},
                )
    return {"added": added, "removed": removed}


def organizations_needed(activity: Activity) -> int:
    """How many more organizations must accept before the activity may be published."""
    wanted = activity.activity_type.min_organizations
    if not wanted:
        return 0
    accepted = activity.co_organizations.filter(status=CoOrganization.Status.ACCEPTED).count()
    return max(wanted - accepted, 0)


def validate_enough_organizations(activity: Activity) -> None:
    needed = organizations_needed(activity)
    if needed:
        raise ValidationError(
            ngettext(
                "This activity needs %(count)s more co-organizing organization before it can "
                "be published.",
                "This activity needs %(count)s more co-organizing organizations before it "
                "can be published.",
                needed,
            )
            % {"count": needed},
            code="organizations_needed",
        )


@transaction.atomic
def coorganization_decide(*, link: CoOrganization, admin: User, accept: bool) -> CoOrganization:
    """An admin of the organization answers. The last acceptance an activity waited for
    publishes it when its edition publishes proposals at once."""
    link = CoOrganization.objects.select_for_update().select_related("activity").get(pk=link.pk)
    if link.status != CoOrganization.Status.PENDING:
        raise ValidationError(_("This request was already answered."))
    link.status = CoOrganization.Status.ACCEPTED if accept else CoOrganization.Status.DECLINED
    link.decided_by, link.decided_at = admin, timezone.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    activity = (
        Activity.objects.select_for_update().select_related("edition").get(pk=link.activity_id)
    )
    log_action(
        activity,
        actor=admin,
        action="activity.organization_accept" if accept else "activity.organization_decline",
        data={"organization": link.organization.name},
    )
    if (
        accept
        and activity.state == Activity.State.PROPOSED
        and activity.edition.moderation == Edition.Moderation.PUBLISH
        and not organizations_needed(activity)
    ):
        activity.state = Activity.State.PUBLISHED
        activity.published_at = activity.updated_at = timezone.now()
        activity.save(update_fields=["state", "published_at", "updated_at"])
        log_action(
            activity,
            actor=admin,
            action="activity.publish",
            data={"state": ["proposed", "published"]},
        )
        after_publish(activity)
    return link


@transaction.atomic
def coorganization_withdraw(*, link: CoOrganization, admin: User) -> None:
    """An admin takes the organization off an activity it had accepted (or asked)."""
    link = CoOrganization.objects.select_for_update().get(pk=link.pk)
    log_action(
        link.activity,
        actor=admin,
        action="activity.organization_withdraw",
        data={"organization": link.organization.name},
    )
    link.delete()
