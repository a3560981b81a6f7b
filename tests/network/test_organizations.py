"""Organizations with members who speak for them: creating one, joining, invitations,
roles (an organization keeps an admin), claims, the verified badge, merging duplicates,
and the logo."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.common.models import LogEntry
from vos.organization.models import (
    Claim,
    Follow,
    Membership,
    NetworkMembership,
    Organization,
)
from vos.organization.services import (
    OrganizationDetails,
    claim_create,
    claim_decide,
    membership_decide,
    membership_invitation_accept,
    membership_invite,
    membership_remove,
    membership_request,
    membership_set_role,
    network_link_ask,
    organization_create,
    organization_get_or_create,
    organization_merge,
)

pytestmark = pytest.mark.django_db


def details(name: str = "Red de Radios Libres", **fields) -> OrganizationDetails:
    return OrganizationDetails(name=name, kind="network", scope="regional", **fields)


def png(width: int = 800, height: int = 600, *, exif: bool = False) -> SimpleUploadedFile:
    image = Image.new("RGB", (width, height), (11, 93, 75))
    out = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010E] = "secret description"  # ImageDescription
        data[0x013B] = "Somebody's name"  # Artist
        extra["exif"] = data
    image.save(out, format="JPEG" if exif else "PNG", **extra)
    return SimpleUploadedFile(
        "logo.jpg" if exif else "logo.png",
        out.getvalue(),
        content_type="image/jpeg" if exif else "image/png",
    )


def test_a_new_organization_has_its_creator_as_admin_and_a_name_taken_once():
    ana = UserFactory()
    organization = organization_create(creator=ana, details=details(countries=["BO", "PE"]))
    assert list(organization.memberships.values_list("person", "role", "status")) == [
        (ana.pk, "admin", "active")
    ]
    assert organization.country == "BO"
    with pytest.raises(ValidationError) as error:
        organization_create(creator=UserFactory(), details=details(name="red de radios  LIBRES"))
    assert "already in the directory" in error.value.message_dict["name"][0]
    assert Organization.objects.count() == 1
    assert Membership.objects.count() == 1


def test_a_logo_is_re_encoded_small_and_without_its_metadata(client):
    ana = UserFactory()
    organization = organization_create(creator=ana, details=details(), logo=png(exif=True))
    assert organization.logo.startswith("logos/")
    assert organization.logo.endswith(".webp")
    response = client.get(reverse("organization.logo", kwargs={"name": organization.logo_name}))
    assert response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]
    stored = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert stored.format == "WEBP"
    assert max(stored.size) == 400
    assert stored.size == (400, 300)
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert "xmp" not in stored.info


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("logo.png", b"not an image at all", "image/png"), "not an image"),
        (SimpleUploadedFile("big.png", b"\0" * 3_000_000, "image/png"), "2 MB at most"),
        (SimpleUploadedFile("huge.png", b"\0" * 50_000_000, "image/png"), "50.0 MB"),
    ],
)
def test_a_bad_logo_gets_a_clear_message_and_writes_nothing(upload, message):
    with pytest.raises(ValidationError) as error:
        organization_create(creator=UserFactory(), details=details(), logo=upload)
    assert message in error.value.message_dict["logo"][0]
    assert Organization.objects.count() == 0
    assert Membership.objects.count() == 0


def test_the_form_says_what_is_wrong_with_a_logo_and_keeps_what_was_typed(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("organization.create"),
        {
            "name": "Colectivo Semillas",
            "kind": "collective",
            "original_language": "es",
            "logo": SimpleUploadedFile("x.gif", b"GIF89a not really", "image/gif"),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This file is not an image we can read" in html
    assert 'value="Colectivo Semillas"' in html
    assert Organization.objects.count() == 0


def test_joining_is_asked_and_an_admin_answers(mailbox, django_capture_on_commit_callbacks):
    admin = UserFactory(email="admin@example.org")
    organization = organization_create(creator=admin, details=details())
    lucia = UserFactory(display_name="Lucía", email="lucia@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_request(
            organization=organization, person=lucia, message="I run the radio in Cochabamba."
        )
    [message] = mailbox.wait_for(1)
    assert message["To"] == "admin@example.org"
    assert message["Subject"] == "Lucía asks to join Red de Radios Libres"
    assert "I run the radio in Cochabamba." in body_of(message)
    assert f"/organizations/{organization.pk}/members/" in body_of(message)
    assert membership.status == "requested"
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership_decide(membership=membership, admin=admin, accept=True)
    membership.refresh_from_db()
    assert (membership.status, membership.role, membership.is_public) == ("active", "member", False)
    [message] = mailbox.wait_for(1)
    assert message["To"] == "lucia@example.org"
    assert message["Subject"] == "You are a member of Red de Radios Libres"


def test_a_declined_request_is_gone_and_a_member_cannot_ask_twice():
    admin = UserFactory()
    organization = organization_create(creator=admin, details=details())
    person = UserFactory()
    membership_decide(
        membership=membership_request(organization=organization, person=person),
        admin=admin,
        accept=False,
    )
    assert not Membership.objects.filter(person=person).exists()
    with pytest.raises(ValidationError, match="already a member"):
        membership_request(organization=organization, person=admin)


def test_an_organization_always_keeps_an_admin():
    ana = UserFactory()
    organization = organization_create(creator=ana, details=details())
    own = organization.memberships.get(person=ana)
    for change in (
        lambda: membership_remove(membership=own, actor=ana),
        lambda: membership_set_role(membership=own, role="member", admin=ana),
    ):
        with pytest.raises(ValidationError, match="keeps at least one admin"):
            change()
    own.refresh_from_db()
    assert own.role == "admin"
    ben = UserFactory()
    invitation = membership_invite(
        organization=organization, email=ben.email, role="admin", invited_by=ana
    )
    membership_invitation_accept(invitation=invitation, person=ben)
    membership_set_role(membership=own, role="member", admin=ben)
    membership_remove(membership=own, actor=ana)  # now Ana may leave
    assert list(organization.memberships.values_list("person", "role")) == [(ben.pk, "admin")]


def test_an_invitation_by_email_reaches_someone_without_an_account(
    client, mailbox, django_capture_on_commit_callbacks
):
    ana = UserFactory(preferred_language="es")
    organization = organization_create(creator=ana, details=details())
    with django_capture_on_commit_callbacks(execute=True):
        invitation = membership_invite(
            organization=organization, email="New.Person@Example.org", role="member", invited_by=ana
        )
    [message] = mailbox.wait_for(1)
    assert message["To"] == "new.person@example.org"
    assert message["Subject"] == "Invitación a unirte a Red de Radios Libres"
    link = reverse("organization.invitation", kwargs={"token": invitation.token})
    assert link.removeprefix("/en") in body_of(message)
    newcomer = UserFactory(email="new.person@example.org")
    client.force_login(newcomer)
    response = client.post(link)
    assert response.status_code == 302
    assert organization.memberships.get(person=newcomer).status == "active"
    assert client.get(link).status_code == 404  # used once


def test_a_claim_on_an_organization_without_admins_is_decided_by_the_facilitation_team(
    mailbox, django_capture_on_commit_callbacks
):
    intention_text()
    facilitator = UserFactory()
    make_edition(facilitators=[facilitator])
    named = organization_get_or_create(name="Cooperativa del Sur", country="UY")
    first, second = UserFactory(email="first@example.org"), UserFactory()
    claim = claim_create(organization=named, person=first, message="I am its coordinator.")
    other = claim_create(organization=named, person=second, message="Me too.")
    with django_capture_on_commit_callbacks(execute=True):
        claim_decide(claim=claim, facilitator=facilitator, approve=True)
    assert named.memberships.get(person=first).role == "admin"
    other.refresh_from_db()
    assert other.status == Claim.Status.DECLINED
    messages = {m["To"]: m["Subject"] for m in mailbox.wait_for(2)}
    assert messages["first@example.org"] == "You now speak for Cooperativa del Sur"
    with pytest.raises(ValidationError, match="has admins already"):
        claim_create(organization=named, person=UserFactory(), message="Mine!")
    with pytest.raises(ValidationError, match="Say how"):
        claim_create(
            organization=organization_get_or_create(name="Other"), person=second, message=" "
        )


def test_merging_moves_everything_to_the_organization_kept(client):
    intention_text()
    facilitator = UserFactory(is_superuser=True)
    edition = make_edition()
    ana, ben, cleo = UserFactory(), UserFactory(), UserFactory()
    kept = organization_create(creator=ana, details=details("Red de Radios Libres"))
    duplicate = organization_create(
        creator=ben,
        details=details("Red Radios Libres", countries=["AR"], website="https://rrl.example"),
    )
    Membership.objects.create(organization=duplicate, person=ana, role="member")
    Follow.objects.create(organization=duplicate, person=cleo)
    network = organization_create(creator=cleo, details=details("Convergencia Global"))
    network_link_ask(network=network, member=duplicate, admin=ben)
    activity = make_activity(edition, title="Radio comunitaria")
    activity.organizations.add(duplicate, kept)
    organization_merge(duplicate=duplicate, kept=kept, facilitator=facilitator)
    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept
    assert set(kept.memberships.values_list("person", "role")) == {
        (ana.pk, "admin"),
        (ben.pk, "admin"),
    }
    assert list(kept.follows.values_list("person", flat=True)) == [cleo.pk]
    assert list(activity.organizations.all()) == [kept]
    assert NetworkMembership.objects.get(network=network).member == kept
    assert kept.countries == ["AR"]
    assert kept.website == "https://rrl.example"
    assert set(
        LogEntry.objects.filter(action__startswith="organization.merge").values_list(
            "object_id", flat=True
        )
    ) == {kept.pk, duplicate.pk}
    response = client.get(f"/en/organizations/{duplicate.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/organizations/{kept.pk}/"
    directory = client.get("/en/organizations/?q=radios").content.decode()
    assert directory.count('class="organization-card"') == 1
