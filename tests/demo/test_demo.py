"""``vos demo`` builds a believable forum through the same services as the pages."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vos.activity.models import Activity, Interpreter
from vos.activity.services.coorganization import organizations_needed
from vos.common.models import LogEntry
from vos.contact.models import ContactMessage
from vos.declaration.models import Declaration
from vos.declaration.signing import signature_counts
from vos.edition.models import Edition, IntentionAcceptance, TeamRole
from vos.forum.models import BranchLink, Contribution, Note, Outcome, Summary
from vos.live.models import Marketplace, SpeakerRequest
from vos.network.models import ActionDate, Initiative
from vos.news.models import Article, Page, Subject
from vos.newsletter.models import Letter, Subscriber
from vos.organization.models import Organization
from vos.room.models import Room
from vos.team.models import Volunteer

pytestmark = pytest.mark.django_db


def test_demo_builds_the_forum_through_the_services_and_only_once():
    call_command("demo", verbosity=0)

    assert Edition.objects.count() == 5
    assert Activity.objects.count() > 100
    languages = {
        code for codes in Activity.objects.values_list("languages", flat=True) for code in codes
    }
    assert len(languages) >= 8

    # Every activity was recorded by the service, whose proposer shares the intention text.
    imported = set(
        LogEntry.objects.filter(action="activity.import").values_list("object_id", flat=True)
    )
    assert imported == set(Activity.objects.values_list("pk", flat=True))
    proposers = set(Activity.objects.values_list("created_by", flat=True))
    assert proposers <= set(IntentionAcceptance.objects.values_list("person", flat=True))

    # The shared rooms keep their way in for participants who accepted the text.
    shared = Room.objects.filter(kind=Room.Kind.SHARED)
    assert set(shared.values_list("visibility", flat=True)) == {Room.Visibility.ACCEPTED}
    assert shared.count() == 2

    # The convergence: a dozen global networks in one multi-convergence, members on every
    # continent, initiatives with dates ahead, an assembly waiting for its fifth.
    convergence = Organization.objects.get(name="Convergence of Global Networks")
    networks = convergence.member_links.filter(status="active")
    assert networks.count() == 12
    countries = {
        code
        for codes in Organization.objects.filter(network_links__status="active").values_list(
            "countries", flat=True
        )
        for code in codes
    }
    continents = [
        {"AR", "BO", "BR", "CL", "CO", "PE"},
        {"SN", "KE", "NG", "MA"},
        {"PH", "TW", "BD", "JP", "LB", "MY"},
        {"FR", "BE", "IT"},
        {"NZ"},
        {"CA"},
    ]
    assert all(countries & continent for continent in continents)
    assert Initiative.objects.count() >= 5
    assert ActionDate.objects.filter(starts_at__gt=timezone.now()).count() >= 5
    assembly = Activity.objects.get(title="Assembly of the networks for a common agenda")
    assert assembly.state == Activity.State.PROPOSED
    assert organizations_needed(assembly) == 1
    assert assembly.co_organizations.filter(status="pending").count() == 1

    # The two letters to the UN Secretary-General: one delivered with its signatories, in
    # three languages; one still in drafting with open comments.
    delivered = Declaration.objects.get(state="delivered")
    assert set(delivered.translations.values_list("language", flat=True)) == {"es", "fr"}
    assert signature_counts(delivered)["organizations"] >= 5
    assert signature_counts(delivered)["people"] >= 5
    drafting = Declaration.objects.get(state="drafting")
    assert drafting.comments.filter(resolved_at=None).count() >= 2

    # The Open Forum: the four themes of the edition ahead debated in several languages,
    # every kind of contribution, proposals with arguments on both sides; branches with
    # summaries translated; a past plenary's notes; outcomes supported.
    upcoming = Edition.objects.order_by("-start_date").first()
    debated = Contribution.objects.filter(space__theme__edition=upcoming)
    assert debated.values("space").distinct().count() == 4
    assert set(debated.values_list("kind", flat=True)) == set(Contribution.Kind.values)
    assert len(set(debated.values_list("language", flat=True))) >= 4
    assert debated.filter(kind="against").exists()
    assert debated.filter(kind="for").exists()
    assert Summary.objects.filter(branch__edition=upcoming).exclude(translations={}).exists()
    assert BranchLink.objects.exclude(extract="").exists()
    assert Note.objects.count() >= 3
    assert Outcome.objects.filter(supports__isnull=False).distinct().count() >= 2

    # Live sessions: a queue of speakers in four languages ahead; a past open space with
    # three topics chosen over two rounds and their hosts' notes in the forum.
    queue = SpeakerRequest.objects.filter(speaker_list__activity__edition=upcoming)
    assert len(set(queue.values_list("language", flat=True))) == 4
    open_space = Marketplace.objects.get()
    assert (open_space.state, open_space.topics.count()) == ("ended", 3)
    assert set(open_space.choices.values_list("round", flat=True)) == {1, 2}
    assert Note.objects.filter(space__activity=open_space.activity).count() == 3
    assert open_space.topics.filter(notes__isnull=False).distinct().count() == 3

    # The team: volunteers accepted with roles and waiting; interpreters matched, most of
    # them confirmed and shown on the program.
    volunteers = Volunteer.objects.filter(edition=upcoming)
    assert set(volunteers.values_list("state", flat=True)) == {"accepted", "pending"}
    assert TeamRole.objects.filter(edition=upcoming).count() >= 3
    interpreters = Interpreter.objects.filter(activity__edition=upcoming)
    assert set(interpreters.values_list("state", flat=True)) == {"accepted", "asked"}
    assert Activity.objects.filter(edition=upcoming).exclude(interpreted_into=[]).count() >= 3

    # The newsletter: readers in several languages, one still to confirm; two letters
    # sent (one to the Spanish readers), a draft.
    assert Subscriber.objects.filter(confirmed_at=None).count() == 1
    assert len(set(Subscriber.objects.values_list("language", flat=True))) >= 3
    assert Letter.objects.filter(state="sent").count() == 2
    assert set(Letter.objects.get(audience="all").versions) == {"fr", "es", "pt"}
    spanish = Letter.objects.get(audience="language", audience_language="es")
    assert set(spanish.deliveries.values_list("email", flat=True)) == set(
        Subscriber.objects.filter(language="es")
        .exclude(confirmed_at=None)
        .values_list("email", flat=True)
    )

    # The news: a dozen articles on several subjects in several languages, some with
    # versions in others, one draft; the pages; the contact inbox with one answered thread.
    originals = Article.objects.filter(original=None)
    assert originals.filter(published_at__isnull=False).count() >= 12
    assert originals.filter(published_at=None).count() == 1
    assert len(set(originals.values_list("language", flat=True))) >= 4
    assert Article.objects.exclude(original=None).count() >= 10
    assert Subject.objects.filter(articles__isnull=False).distinct().count() >= 5
    assert set(Page.objects.values_list("kind", flat=True)) == {"about", "guide"}
    guide = Client().get(reverse("news.page", args=["guide"])).content.decode()
    assert guide.count('src="/media/pages/') == 2
    assert "{program}" not in guide
    assert ContactMessage.objects.filter(state="answered").count() == 1
    assert ContactMessage.objects.filter(state="open").count() == 1

    before = Activity.objects.count()
    call_command("demo", "--if-empty", verbosity=0)
    assert Activity.objects.count() == before
