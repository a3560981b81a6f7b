"""The demo's two letters to the UN Secretary-General, as the multi-convergence wrote
them in 2020: the strategic letter, drafted in two versions, translated into Spanish and
French, signed and delivered; the urgent letter, still in drafting with open comments."""

import datetime as dt

from django.utils import timezone

from vos.declaration.models import Declaration, Signature
from vos.declaration.review import comment_add, reviewer_invite
from vos.declaration.services import DeclarationData, declaration_create, version_save
from vos.declaration.signing import (
    declaration_close,
    declaration_deliver,
    declaration_open,
    sign_as_organization,
)
from vos.declaration.translation import translation_save, translator_add
from vos.organization.models import Organization
from vos.person.models import User

STRATEGIC = (
    "Letter to the UN Secretary-General: the strategic letter",
    """Dear Secretary-General,

We write to you as a convergence of global networks of civil society, from every continent, who met during the Viral Open Space.

The crisis we live through shows that the architecture of the United Nations must change: the peoples of the world need a voice in it, not only their states.

We propose a permanent assembly of the peoples beside the General Assembly, and a right of initiative for global networks of civil society.

With hope and determination,""",
)
STRATEGIC_V2_EXTRA = (
    "We ask that this letter be discussed at the next session of the General Assembly, "
    "and we offer our networks to prepare it with you."
)
SPANISH = (
    "Carta al Secretario General de la ONU: la carta estratégica",
    """Estimado Secretario General:

Le escribimos como una convergencia de redes mundiales de la sociedad civil, de todos los continentes, reunidas durante el Viral Open Space.

La crisis que vivimos muestra que la arquitectura de las Naciones Unidas debe cambiar: los pueblos del mundo necesitan una voz en ella, no solo sus Estados.

Proponemos una asamblea permanente de los pueblos junto a la Asamblea General, y un derecho de iniciativa para las redes mundiales de la sociedad civil.

Pedimos que esta carta se debata en la próxima sesión de la Asamblea General, y ofrecemos nuestras redes para prepararla con ustedes.

Con esperanza y determinación,""",
)
FRENCH = (
    "Lettre au Secrétaire général de l’ONU : la lettre stratégique",
    """Monsieur le Secrétaire général,

Nous vous écrivons en tant que convergence de réseaux mondiaux de la société civile, de tous les continents, réunis pendant le Viral Open Space.

La crise que nous traversons montre que l’architecture des Nations unies doit changer : les peuples du monde ont besoin d’y avoir une voix, pas seulement leurs États.

Nous proposons une assemblée permanente des peuples aux côtés de l’Assemblée générale, et un droit d’initiative pour les réseaux mondiaux de la société civile.

Nous demandons que cette lettre soit discutée à la prochaine session de l’Assemblée générale, et nous offrons nos réseaux pour la préparer avec vous.

Avec espoir et détermination,""",
)
URGENT = (
    "Urgent letter: a patent-free universal vaccine and a universal basic income",
    """Dear Secretary-General,

The pandemic will not end anywhere until it ends everywhere: the vaccine must be a common good of humanity, free of patents.

Millions have lost their income overnight. A universal basic income would protect them now, and it is within reach of the world's economies.

We call on you to lead both efforts within the United Nations system.""",
)
SIGNING_NETWORKS = [
    "Convergence of Global Networks",
    "Global Network of Solidarity Economy",
    "World March of Women",
    "Climate Justice Alliance",
    "Commons Network",
    "Popular Education Network",
    "Migrants Without Borders",
]
PEOPLE = [
    ("Ana Beatriz Souza", "BR"),
    ("Amadou Diallo", "SN"),
    ("Priya Raman", "IN"),
    ("Grace Wanjiru", "KE"),
    ("Tom Becker", "CA"),
    ("Elena Russo", "IT"),
]


def demo_declarations(people: list[User]) -> int:
    """The two letters (idempotent)."""
    if Declaration.objects.filter(title=STRATEGIC[0]).exists():
        return 0
    by_slug = {person.email.split("@")[0]: person for person in people}
    pierre, ana, lucia, camille = (by_slug[s] for s in ("pierre", "ana", "lucia", "camille"))
    convergence = Organization.objects.filter(name=SIGNING_NETWORKS[0], merged_into=None).first()

    strategic = declaration_create(
        creator=ana,
        data=DeclarationData(title=STRATEGIC[0], addressee="UN Secretary-General"),
        text=STRATEGIC[1],
        organization=convergence,
    )
    parts = STRATEGIC[1].split("\n\n")
    version_save(
        declaration=strategic,
        author=ana,
        text="\n\n".join([*parts[:-1], STRATEGIC_V2_EXTRA, parts[-1]]),
        note="An ask for the next General Assembly",
        based_on=1,
    )
    for language, person, (title, text) in (("es", lucia, SPANISH), ("fr", pierre, FRENCH)):
        translator_add(declaration=strategic, actor=ana, email=person.email, language=language)
        translation_save(
            declaration=strategic, translator=person, language=language, title=title, text=text
        )
    declaration_open(declaration=strategic, actor=ana)
    strategic.refresh_from_db()
    for name in SIGNING_NETWORKS:
        organization = Organization.objects.filter(name=name, merged_into=None).first()
        admin = organization.memberships.filter(role="admin").first() if organization else None
        if admin is not None:
            sign_as_organization(
                declaration=strategic, organization=organization, admin=admin.person
            )
    now = timezone.now()
    # People signed and confirmed their emails back then (recorded as such: no email now).
    Signature.objects.bulk_create(
        [
            Signature(
                declaration=strategic,
                version=strategic.open_version,
                kind=Signature.Kind.PERSON,
                name=name,
                email=f"signatory{number}@demo.vos.example",
                country=country,
                confirmed_at=now,
                show_name=number % 3 != 2,
            )
            for number, (name, country) in enumerate(PEOPLE)
        ]
    )
    declaration_close(declaration=strategic, actor=ana)
    declaration_deliver(
        declaration=strategic,
        actor=ana,
        on=dt.date(2020, 12, 10),
        note="Sent to the UN Secretary-General on 10 December 2020, with the dossier of the networks.",
    )

    urgent = declaration_create(
        creator=camille,
        data=DeclarationData(title=URGENT[0], addressee="UN Secretary-General"),
        text=URGENT[1],
    )
    reviewer_invite(declaration=urgent, actor=camille, email=by_slug["grace"].email)
    reviewer_invite(declaration=urgent, actor=camille, email=by_slug["priya"].email)
    comment_add(
        declaration=urgent,
        author=by_slug["grace"],
        paragraph=1,
        body="Name the TRIPS waiver proposed at the WTO: it makes the ask concrete.",
        proposal=(
            "The pandemic will not end anywhere until it ends everywhere: the vaccine must be "
            "a common good of humanity. We support the waiver of patents on COVID-19 vaccines "
            "proposed at the World Trade Organization."
        ),
    )
    comment_add(
        declaration=urgent,
        author=by_slug["priya"],
        paragraph=2,
        body="Could we cite the pilots of basic income in India and Kenya?",
    )
    return 2
