"""The intention text's versions and the page that compares two of them."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from vos.edition.models import IntentionText

pytestmark = pytest.mark.django_db


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
    assert "1 change: removed words are struck through" in page
    assert "<ins>and plural </ins>" in page
    assert "<del>" not in page
    with translation.override("fr"):
        french = Client().get(reverse("intention.compare") + "?from=1&to=2").content.decode()
    assert "<ins> et pluriel</ins>" in french
    # Versions that do not exist fall back to the latest two.
    assert Client().get(reverse("intention.compare") + "?from=x&to=99").status_code == 200


def test_no_comparison_with_a_single_version():
    IntentionText.objects.create(version=1, bodies={"en": "An open space."})
    assert Client().get(reverse("intention.compare")).status_code == 404
