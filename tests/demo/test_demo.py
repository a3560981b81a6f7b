"""``vos demo`` builds a believable forum through the same services as the pages."""

import pytest
from django.core.management import call_command

from vos.activity.models import Activity
from vos.common.models import LogEntry
from vos.edition.models import Edition, IntentionAcceptance
from vos.room.models import Room

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

    before = Activity.objects.count()
    call_command("demo", "--if-empty", verbosity=0)
    assert Activity.objects.count() == before
