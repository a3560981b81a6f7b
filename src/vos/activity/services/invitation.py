"""Co-organizers invited by email, and their acceptance."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity, Invitation, Organizer
from vos.activity.validators import validate_editable
from vos.common.log import log_action
from vos.mail.services import Stranger, mail_to_person
from vos.person.models import User


def invitation_create(*, activity: Activity, email: str, invited_by: User) -> Invitation:
    """Invite a co-organizer by email. Side effect: the invitation email."""
    email = email.strip().lower()
    invitation, created = Invitation.objects.get_or_create(
        activity=activity, email=email, defaults={"invited_by": invited_by}
    )
    if created:
        log_action(activity, actor=invited_by, action="activity.invite", data={"email": email})
        recipient = User.objects.filter(email__iexact=email).first()
        mail_to_person(
            person=recipient
            or Stranger(email=email, preferred_language=invited_by.preferred_language),
            template="activity/email/invitation",
            context={"activity": activity, "invitation": invitation, "inviter": invited_by},
            email=email,
        )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, person: User) -> Organizer:
    """Accept an invitation: the person now appears among the organizers."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been accepted."))
    validate_editable(invitation.activity.edition)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    organizer, _created = Organizer.objects.get_or_create(
        activity=invitation.activity, person=person
    )
    log_action(
        invitation.activity,
        actor=person,
        action="activity.invitation_accept",
        data={"email": invitation.email},
    )
    return organizer
