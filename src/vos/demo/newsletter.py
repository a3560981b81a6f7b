"""The demo's newsletter: subscribers in several languages (one still to confirm), a
letter sent to everyone, another to the Spanish readers, and a draft."""

import datetime as dt

from django.utils import timezone

from vos.newsletter.services import (
    confirm,
    letter_save,
    letter_send_batch,
    letter_send_start,
    subscribe,
)
from vos.person.models import User

LETTERS = [
    (
        "Viral Open Space 5: the program is open",
        "The fifth edition opens its program: **propose an activity** in your language "
        "and time zone, join a network, co-sign a declaration.\n\n"
        "- Activities in 12 languages already\n- Interpreters wanted: join the facilitation team",
        "en",
        {
            "audience": "all",
            "versions": {
                "fr": {
                    "subject": "Viral Open Space 5 : le programme est ouvert",
                    "body": "La cinquième édition ouvre son programme : **proposez une "
                    "activité** dans votre langue et votre fuseau, rejoignez un réseau, "
                    "cosignez une déclaration.",
                },
                "es": {
                    "subject": "Viral Open Space 5: el programa está abierto",
                    "body": "La quinta edición abre su programa: **propón una actividad** en "
                    "tu idioma y tu zona horaria, súmate a una red, firma una declaración.",
                },
                "pt": {
                    "subject": "Viral Open Space 5: o programa está aberto",
                    "body": "A quinta edição abre o seu programa: **proponha uma atividade** "
                    "no seu idioma e fuso horário, junte-se a uma rede, assine uma declaração.",
                },
            },
        },
    ),
    (
        "Foro: las redes que convergen",
        "Tres redes latinoamericanas preparan una **carta común**. Súmate al equipo de "
        "redacción desde la página de la declaración.",
        "es",
        {"audience": "language", "audience_language": "es"},
    ),
]


def _send(letter, sender: User) -> None:
    letter_send_start(letter=letter, sender=sender)
    moment = timezone.now()
    while letter_send_batch(letter_id=letter.pk, now=moment):
        moment += dt.timedelta(seconds=1)


def demo_newsletter(people: list[User], facilitators: list[User]) -> None:
    for person in people:
        # Grace subscribed from the public form and has not confirmed yet.
        waiting = person.email.split("@")[0] == "grace"
        subscriber = subscribe(
            email=person.email,
            language=person.preferred_language or "en",
            person=None if waiting else person,
        )
        if not subscriber.is_active and not waiting:
            confirm(token=subscriber.token)
    author = facilitators[0]
    for subject, body, language, audience in LETTERS:
        _send(
            letter_save(author=author, subject=subject, body=body, language=language, **audience),
            author,
        )
    letter_save(
        author=author,
        subject="Lettre de décembre (brouillon)",
        body="Les rendez-vous de décembre…",
        language="fr",
        audience="language",
        audience_language="fr",
    )
