from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.organization.models import Organization
from vos.person.models import User


@dataclass
class OrganizationData:
    """A new organization typed into a form, created only when the whole request succeeds."""

    name: str
    country: str = ""
    website: str = ""


def organization_get_or_create(
    *, name: str, country: str = "", website: str = "", created_by: User | None = None
) -> Organization:
    """The organization of that name (any case), created if it is new."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("An organization needs a name."), code="required")
    existing = Organization.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    organization = Organization(name=name, country=country, website=website, created_by=created_by)
    organization.full_clean()
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError:
        # Someone created the same name a moment ago.
        return Organization.objects.get(name__iexact=name)
    log_action(organization, actor=created_by, action="organization.create")
    return organization
