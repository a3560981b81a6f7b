"""Initiatives: posted by organizations (through their admins), with up to three action
dates on the common calendar, supported by people and organizations, linked to the
activities where they are presented."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.activity.queries import activities_public
from vos.common.log import log_action
from vos.common.multilingual import translations_apply
from vos.network.models import THEMES, ActionDate, Initiative, Support
from vos.organization.models import Membership, Organization
from vos.organization.queries import organizations_of
from vos.person.models import User

MAX_DATES = 3


@dataclass
class ActionDateData:
    title: str
    starts_at: dt.datetime
    typed_time_zone: str
    ends_at: dt.datetime | None = None
    place: str = ""
    online_url: str = ""
    countries: list[str] = field(default_factory=list)


@dataclass
class InitiativeData:
    title: str
    description: str = ""
    how_to_join: str = ""
    kind: str = Initiative.Kind.CAMPAIGN
    scope: str = ""
    themes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    original_language: str = "en"
    translations: dict = field(default_factory=dict)
    dates: list[ActionDateData] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


def organizations_administered(person: User) -> list[Organization]:
    """The organizations a person may post initiatives for."""
    return organizations_of(person, admin=True)


def _check(data: InitiativeData) -> None:
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the initiative a title.")
    if data.kind not in Initiative.Kind.values:
        errors["kind"] = _("Unknown kind.")
    unknown = [theme for theme in data.themes if theme not in THEMES]
    if unknown:
        errors["themes"] = _("Unknown theme.")
    if len(data.dates) > MAX_DATES:
        errors["dates"] = _("Three action dates at most.")
    for date in data.dates:
        if not date.title.strip():
            errors["dates"] = _("Say what happens on each action date.")
        elif date.ends_at is not None and date.ends_at <= date.starts_at:
            errors["dates"] = _("The end must come after the start.")
        elif not date.place.strip() and not date.online_url:
            errors["dates"] = _("Give each action date a place or an online link.")
    public = set(
        activities_public()
        .filter(pk__in=[a.pk for a in data.activities])
        .values_list("pk", flat=True)
    )
    if any(activity.pk not in public for activity in data.activities):
        errors["activities"] = _("Only activities on a public program can be linked.")
    if errors:
        raise ValidationError(errors)


def _write(initiative: Initiative, data: InitiativeData) -> None:
    for name in ("kind", "scope", "themes", "countries", "original_language"):
        setattr(initiative, name, getattr(data, name))
    initiative.title = data.title.strip()
    initiative.description = data.description
    initiative.how_to_join = data.how_to_join
    translations_apply(initiative, data.translations)
    initiative.updated_at = timezone.now()
    initiative.full_clean()
    initiative.save()
    initiative.dates.all().delete()
    for date in data.dates:
        ActionDate.objects.create(
            initiative=initiative,
            title=date.title.strip(),
            starts_at=date.starts_at,
            ends_at=date.ends_at,
            typed_time_zone=date.typed_time_zone,
            place=date.place.strip(),
            online_url=date.online_url,
            countries=date.countries or data.countries[:1],
            original_language=data.original_language,
        )
    initiative.activities.set(data.activities)


@transaction.atomic
def initiative_create(
    *, creator: User, organizations: list[Organization], data: InitiativeData
) -> Initiative:
    """An initiative posted for organizations the creator administers (one or several
    together)."""
    if not organizations:
        raise ValidationError({"organizations": _("Post it for at least one organization.")})
    allowed = {organization.pk for organization in organizations_administered(creator)}
    if any(organization.pk not in allowed for organization in organizations):
        raise PermissionDenied
    _check(data)
    initiative = Initiative(created_by=creator)
    _write(initiative, data)
    initiative.organizations.set(organizations)
    log_action(initiative, actor=creator, action="initiative.create")
    return initiative


def may_change_initiative(person: User, initiative: Initiative) -> bool:
    """An admin of one of the organizations behind it."""
    return (
        person.is_authenticated
        and Membership.objects.filter(
            organization__initiatives=initiative,
            person=person,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
        ).exists()
    )


@transaction.atomic
def initiative_update(*, initiative: Initiative, editor: User, data: InitiativeData) -> Initiative:
    if not may_change_initiative(editor, initiative):
        raise PermissionDenied
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    _check(data)
    _write(initiative, data)
    log_action(initiative, actor=editor, action="initiative.update")
    return initiative


@transaction.atomic
def initiative_support(
    *, initiative: Initiative, person: User, organization: Organization | None = None
) -> Support:
    """Support in one click, as oneself, or for an organization one administers."""
    if organization is not None:
        if organization.pk not in {o.pk for o in organizations_administered(person)}:
            raise PermissionDenied
        support, _created = Support.objects.get_or_create(
            initiative=initiative, organization=organization
        )
    else:
        support, _created = Support.objects.get_or_create(
            initiative=initiative, person=person, defaults={"country": person.country}
        )
    return support


def initiative_unsupport(
    *, initiative: Initiative, person: User, organization: Organization | None = None
) -> None:
    if organization is not None:
        if organization.pk not in {o.pk for o in organizations_administered(person)}:
            raise PermissionDenied
        Support.objects.filter(initiative=initiative, organization=organization).delete()
    else:
        Support.objects.filter(initiative=initiative, person=person).delete()
