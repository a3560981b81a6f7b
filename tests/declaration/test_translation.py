"""Translations of a declaration by the translators the team names: shown to readers in
their language, out of date when the authoritative text changes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.declaration.test_drafting import LETTER, letter
from tests.factories import UserFactory
from vos.declaration.models import Translation
from vos.declaration.services import version_save
from vos.declaration.translation import translation_save, translator_add

pytestmark = pytest.mark.django_db

CARTA = (
    "Estimado Secretario General:\n\nNosotras, las redes del foro, le escribimos.\n\nCon esperanza."
)


def test_a_named_translator_translates_and_readers_read_it_until_the_text_changes(client):
    team, translator, stranger = UserFactory(), UserFactory(), UserFactory()
    declaration = letter(team)
    declaration.state = "open"
    declaration.save()
    with pytest.raises(PermissionDenied):
        translation_save(
            declaration=declaration, translator=stranger, language="es", title="Carta", text=CARTA
        )
    translator_add(declaration=declaration, actor=team, email=translator.email, language="es")
    with pytest.raises(PermissionDenied):  # named for Spanish, not French
        translation_save(
            declaration=declaration,
            translator=translator,
            language="fr",
            title="Lettre",
            text="Texte",
        )
    translation_save(
        declaration=declaration,
        translator=translator,
        language="es",
        title="Carta a la ONU",
        text=CARTA,
    )
    spanish = client.get(f"/es/declarations/{declaration.pk}/").content.decode()
    assert "Carta a la ONU" in spanish
    assert "le escribimos" in spanish
    assert "puede estar desactualizada" not in spanish
    original = client.get(f"/es/declarations/{declaration.pk}/?original=1").content.decode()
    assert "We, the networks of the forum" in original
    # The authoritative text changes: readers are told until the translator updates it.
    declaration.state = "drafting"
    declaration.save()
    version_save(
        declaration=declaration, author=team, text=LETTER + "\n\nP.S.", note="", based_on=1
    )
    declaration.state = "open"
    declaration.save()
    english_note = client.get(f"/en/declarations/{declaration.pk}/").content.decode()
    assert "Carta a la ONU" not in english_note
    stale = client.get(f"/es/declarations/{declaration.pk}/").content.decode()
    assert "Esta traducción puede estar desactualizada" in stale
    translation_save(
        declaration=declaration,
        translator=translator,
        language="es",
        title="Carta a la ONU",
        text=CARTA + "\n\nP.D.",
    )
    assert Translation.objects.get().based_on.number == 2
    fresh = client.get(f"/es/declarations/{declaration.pk}/").content.decode()
    assert "Esta traducción puede estar desactualizada" not in fresh


def test_no_translation_into_the_authoritative_language_and_only_the_team_names_translators():
    team, other = UserFactory(), UserFactory()
    declaration = letter(team)
    with pytest.raises(ValidationError, match="authoritative language"):
        translator_add(declaration=declaration, actor=team, email=other.email, language="en")
    with pytest.raises(PermissionDenied):
        translator_add(declaration=declaration, actor=other, email=other.email, language="es")


def test_the_translations_page_lists_them_and_a_translator_edits_from_it(client):
    team, translator = UserFactory(), UserFactory()
    declaration = letter(team)
    translator_add(declaration=declaration, actor=team, email=translator.email, language="es")
    client.force_login(translator)
    url = reverse("declaration.translate", kwargs={"pk": declaration.pk, "language": "es"})
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Carta", "text": CARTA})
    page = client.get(
        reverse("declaration.translations", kwargs={"pk": declaration.pk})
    ).content.decode()
    assert "Carta" in page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
