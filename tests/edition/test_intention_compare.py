"""The intention text's versions and the page that compares two of them."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from vos.edition.models import IntentionText
from vos.edition.queries import text_changes

pytestmark = pytest.mark.django_db


def test_text_changes_word_by_word():
    assert text_changes("an open space for all", "an open and plural space for all") == [
        ("same", "an open"),
        ("added", " and plural"),
        ("same", " space for all"),
    ]
    assert text_changes("It belongs to nobody.", "It belongs to all.") == [
        ("same", "It belongs to"),
        ("removed", " nobody."),
        ("added", " all."),
    ]


def test_the_comparison_page_in_the_readers_language():
    IntentionText.objects.create(
        version=1, bodies={"en": "An open space.", "fr": "Un espace ouvert."}
    )
    IntentionText.objects.create(
        version=2,
        bodies={"en": "An open and plural space.", "fr": "Un espace ouvert et pluriel."},
    )
    intention = Client().get(reverse("intention")).content.decode()
    assert f"{reverse('intention.compare')}?from=1&amp;to=2" in intention
    page = Client().get(reverse("intention.compare")).content.decode()
    assert "<ins>" in page
    assert "and plural" in page.split("<ins>")[1]
    with translation.override("fr"):
        french = Client().get(reverse("intention.compare") + "?from=1&to=2").content.decode()
    assert "et pluriel" in french.split("<ins>")[1]
    # Versions that do not exist fall back to the latest two.
    assert Client().get(reverse("intention.compare") + "?from=x&to=99").status_code == 200


def test_no_comparison_with_a_single_version():
    IntentionText.objects.create(version=1, bodies={"en": "An open space."})
    assert Client().get(reverse("intention.compare")).status_code == 404
