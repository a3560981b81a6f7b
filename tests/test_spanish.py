"""One Spanish: the site addresses participants as tú, on its own pages and on the
account pages and form messages that come from the packages."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_edition

ROOT = Path(__file__).resolve().parent.parent
USTED = re.compile(
    r"\b(usted|Introduzca|introduzca|Asegúrese|asegúrese|Elija|Escoja|Seleccione|Corrija|"
    r"Compruebe|Verifique|Ingrese|Escriba|Haga|Envíe|Confirme|Utilice|Ha olvidado|su contraseña)\b"
)


@pytest.mark.parametrize(
    "catalog",
    [
        "locale/es/LC_MESSAGES/django.po",
        "locale_overrides/allauth/es/LC_MESSAGES/django.po",
        "locale_overrides/django/es/LC_MESSAGES/django.po",
        "locale_overrides/auth/es/LC_MESSAGES/django.po",
    ],
)
def test_no_usted_in_our_spanish(catalog):
    with (ROOT / catalog).open("rb") as source:
        messages = list(read_po(source))
    said = [
        text
        for message in messages
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else [message.string])
        if text and USTED.search(text)
    ]
    assert said == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/es/accounts/login/", "/es/accounts/password/reset/"])
def test_the_account_pages_say_tu(client, path):
    html = client.get(path).content.decode()
    assert "¿Olvidaste tu contraseña?" in html
    assert not USTED.search(html)


@pytest.mark.django_db
def test_form_messages_from_django_say_tu(client):
    intention_text()
    edition = make_edition()
    client.force_login(UserFactory())
    url = reverse("activity.propose", kwargs={"slug": edition.slug}).replace("/en/", "/es/")
    html = client.post(
        url, {"title": "x" * 400, "room_url": "no es una dirección"}
    ).content.decode()
    assert "Asegúrate de que este valor tenga como máximo" in html
    assert not USTED.search(html)
