"""The demo's Open Forum: a lively debate on the four themes of the edition ahead (needs,
proposals with their arguments, sharing, references, replies, in several languages),
idea branches with quoted extracts and summaries (translated), the notes of a past
opening plenary, and outcomes of past activities, supported and linked; all through the
forum's services, as participants and facilitators would write them."""

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

from vos.activity.models import Activity
from vos.edition.models import Edition, IntentionText
from vos.edition.services import intention_accept
from vos.forum import ideas
from vos.forum.models import Contribution, Note
from vos.forum.notes import note_post
from vos.forum.outcomes import outcome_save, outcome_support
from vos.forum.services import contribution_post, like_toggle, space_of_activity, space_of_theme
from vos.person.models import User

# Per theme (in the order of the edition's themes): (key, kind, author, language, text,
# answers). ``answers`` names the key of the proposal an argument is about, or of the
# contribution a reply answers.
DEBATE = [
    [
        (
            "night",
            "need",
            "amadou",
            "fr",
            "À Dakar, les centres de santé de quartier ferment à 18 h : les personnes qui travaillent n’y ont jamais accès.",
            None,
        ),
        (
            "network",
            "proposal",
            "ana",
            "pt",
            "Propomos uma rede de **agentes comunitárias de saúde** em cada bairro, formadas pelas próprias comunidades e reconhecidas pelos serviços públicos.",
            None,
        ),
        (
            "n-for",
            "for",
            "maria",
            "es",
            "En Bolivia las promotoras de salud comunitarias salvaron vidas durante la pandemia: conocen a cada familia.",
            "network",
        ),
        (
            "n-against",
            "against",
            "tom",
            "en",
            "Who pays them? Volunteer care work falls on women again if the state does not fund it.",
            "network",
        ),
        (
            "n-for2",
            "for",
            "fatima",
            "fr",
            "Au Maroc, les associations de femmes le font déjà sans reconnaissance : il faut les financer, pas les remplacer.",
            "network",
        ),
        (
            "share",
            "sharing",
            "priya",
            "en",
            "I coordinate a mutual-aid kitchen network in Chennai (40 kitchens). Happy to share how we organised volunteers and food banks.",
            None,
        ),
        (
            "share-reply",
            "reply",
            "joao",
            "pt",
            "Priya, em Belo Horizonte temos cozinhas solidárias também. Vamos conversar na sala de convivência?",
            "share",
        ),
        (
            "who",
            "reference",
            "grace",
            "en",
            "The WHO report on community health workers (2018) has good evidence on pay and training: https://www.who.int/publications/i/item/9789241550369",
            None,
        ),
    ],
    [
        (
            "money",
            "need",
            "carlos",
            "es",
            "Las cooperativas no consiguen crédito: los bancos no entienden la propiedad colectiva.",
            None,
        ),
        (
            "currency",
            "proposal",
            "pierre",
            "fr",
            "Créer des **monnaies locales complémentaires** adossées aux coopératives, reconnues par les collectivités pour payer une partie des impôts locaux.",
            None,
        ),
        (
            "c-for",
            "for",
            "elena",
            "en",
            "Bristol and the Chiemgauer show it works when the town hall accepts the currency.",
            "currency",
        ),
        (
            "c-against",
            "against",
            "kenji",
            "en",
            "Local currencies stay small; the real lever is public banks that lend to the commons.",
            "currency",
        ),
        (
            "c-reply",
            "reply",
            "pierre",
            "fr",
            "Les deux ne s’opposent pas : une banque publique peut adosser la monnaie locale.",
            "c-against",
        ),
        (
            "commons",
            "proposal",
            "sofia",
            "es",
            "Un registro abierto de los bienes comunes de cada ciudad (agua, huertos, edificios vacíos) para que las comunidades los gestionen.",
            None,
        ),
        (
            "ref",
            "reference",
            "nadia",
            "en",
            "Ostrom's eight principles for governing the commons, still the best starting point: https://en.wikipedia.org/wiki/Elinor_Ostrom",
            None,
        ),
    ],
    [
        (
            "voice",
            "need",
            "olu",
            "en",
            "Global decisions on debt and health are taken without the peoples who live with them.",
            None,
        ),
        (
            "assembly",
            "proposal",
            "lucia",
            "es",
            "Una **asamblea permanente de los pueblos** junto a la Asamblea General de la ONU, con voz en los temas que nos afectan.",
            None,
        ),
        (
            "a-for",
            "for",
            "aroha",
            "en",
            "Indigenous peoples already have a permanent forum at the UN: it shows the way, and its limits.",
            "assembly",
        ),
        (
            "a-against",
            "against",
            "hannah",
            "en",
            "Without a vote, a peoples' assembly risks becoming a talking shop that legitimises the states' decisions.",
            "assembly",
        ),
        (
            "a-for2",
            "for",
            "mateus",
            "pt",
            "A voz já é um começo: o Fórum Social Mundial começou assim também.",
            "assembly",
        ),
        (
            "rights",
            "sharing",
            "li",
            "en",
            "I work with a legal clinic for migrant workers in Hong Kong; we document rights violations and can share our templates.",
            None,
        ),
    ],
    [
        (
            "seeds",
            "need",
            "maria",
            "es",
            "Las leyes de semillas criminalizan el intercambio de semillas campesinas.",
            None,
        ),
        (
            "banks",
            "proposal",
            "amadou",
            "fr",
            "Des **banques de semences paysannes** dans chaque région, gérées par les organisations paysannes et protégées par la loi. Elles gardent vivantes les variétés locales.",
            None,
        ),
        (
            "b-for",
            "for",
            "ana",
            "pt",
            "No Semiárido brasileiro as casas de sementes crioulas resistiram a três anos de seca.",
            "banks",
        ),
        (
            "b-against",
            "against",
            "kenji",
            "en",
            "Seed banks alone do not help if land is grabbed: land reform must come first.",
            "banks",
        ),
        (
            "land",
            "sharing",
            "aroha",
            "en",
            "Our iwi runs a food sovereignty project on returned land; we would love to link with other land-back projects.",
            None,
        ),
        (
            "via",
            "reference",
            "joao",
            "pt",
            "A declaração da Via Campesina sobre soberania alimentar (Nyéléni, 2007): https://nyeleni.org/",
            None,
        ),
    ],
]

BRANCHES = [
    # (theme index, title, language, [(contribution key, extract)], summary)
    (
        0,
        "Community health workers, recognised and paid",
        "en",
        [
            ("network", "uma rede de **agentes comunitárias de saúde** em cada bairro"),
            ("n-against", ""),
            ("n-for2", ""),
        ],
        (
            "Community care needs public funding",
            "Participants from three continents want neighbourhood health workers chosen by their communities. The debate agrees on one condition: **they must be paid and recognised**, or care work falls on women again.",
            {
                "fr": (
                    "Le soin communautaire a besoin de financement public",
                    "Des participant·es de trois continents veulent des agent·es de santé de quartier choisi·es par leurs communautés. Le débat s’accorde sur une condition : **les rémunérer et les reconnaître**, sinon le soin retombe encore sur les femmes.",
                ),
                "es": (
                    "El cuidado comunitario necesita financiación pública",
                    "Participantes de tres continentes quieren agentes de salud de barrio elegidos por sus comunidades. El debate coincide en una condición: **deben ser pagados y reconocidos**, o el cuidado vuelve a recaer en las mujeres.",
                ),
            },
        ),
    ),
    (
        3,
        "Peasant seeds as a commons",
        "en",
        [
            ("banks", "Elles gardent vivantes les variétés locales."),
            ("b-for", ""),
            ("b-against", ""),
        ],
        (
            "Seeds and land go together",
            "Seed banks run by peasant organisations are wanted everywhere; several voices remind that without land reform they are not enough.",
            {
                "pt": (
                    "Sementes e terra andam juntas",
                    "Casas de sementes geridas por organizações camponesas são desejadas em toda parte; várias vozes lembram que sem reforma agrária não bastam.",
                ),
            },
        ),
    ),
]

PLENARY_NOTES = [
    (
        "Chico Whitaker",
        "pt",
        "O Fórum é um espaço aberto: ninguém fala em nome de todos, e cada um traz a sua luta.",
    ),
    (
        "Aminata Traoré",
        "fr",
        "L’Afrique ne demande pas la charité, elle demande qu’on cesse de piller ses ressources.",
    ),
    (
        "Vandana Shiva",
        "en",
        "The pandemic shows that the health of people and of the planet is one health.",
    ),
    (
        "Lucía Hernández",
        "es",
        "Propongo que cada red traiga una propuesta concreta a la convergencia de septiembre.",
    ),
]

OUTCOMES = [
    (
        "Voices of the peoples: a permanent assembly beside the UN General Assembly was discussed with networks from 14 countries.",
        "- Draft a letter to the UN Secretary-General\n- Gather signatures of networks before September",
        "A drafting team meets every Tuesday; the letter goes to the convergence.",
    ),
    (
        "Seed keepers from Brazil, Senegal and Bolivia compared their seed houses and the laws that threaten them.",
        "- Map the seed houses of each region\n- Campaign against seed laws that forbid exchange",
        "A shared map opens next month.",
    ),
    (
        "Mutual-aid kitchens shared how they fed their neighbourhoods during the lockdown.",
        "",
        "Exchange visits between kitchen networks, online first.",
    ),
]


def _writer(person: User, text: IntentionText) -> User:
    intention_accept(person=person, intention_text=text)
    return person


def demo_forum(editions: list[Edition], people: list[User], facilitators: list[User]) -> int:
    """Write the demo's debate, ideas, notes and outcomes; returns how many contributions."""
    by_slug = {person.email.split("@")[0]: person for person in people}
    text = IntentionText.objects.order_by("-version").first()
    upcoming, past = editions[-1], editions[2]
    team = facilitators[0]
    now = timezone.now()
    posted: dict[str, Contribution] = {}
    step = 0
    for themes_debate, theme in zip(
        DEBATE, upcoming.themes.order_by("position", "pk"), strict=False
    ):
        space = space_of_theme(theme)
        for key, kind, author, language, body, answers in themes_debate:
            target = posted.get(answers) if answers else None
            contribution = contribution_post(
                space=space,
                author=_writer(by_slug[author], text),
                kind=kind,
                body=body,
                language=language,
                proposal=target if kind in ("for", "against") else None,
                parent=target if kind == "reply" else None,
            )
            step += 1
            # Spread over the last days, in the order they were written.
            Contribution.objects.filter(pk=contribution.pk).update(
                created_at=now - dt.timedelta(hours=200 - step * 5)
            )
            posted[key] = contribution
        cache.clear()  # the per-minute writing limit is for people, not for the demo
    for number, contribution in enumerate(c for c in posted.values() if c.kind == "proposal"):
        for liker in people[: 3 + number * 2]:
            like_toggle(contribution=contribution, person=liker)

    themes = list(upcoming.themes.order_by("position", "pk"))
    for theme_index, title, language, links, (s_title, s_body, translated) in BRANCHES:
        branch = ideas.branch_create(
            facilitator=team,
            edition=upcoming,
            title=title,
            language=language,
            theme=themes[theme_index],
        )
        for key, extract in links:
            ideas.link_into_branch(
                facilitator=team, branch=branch, contribution=posted[key], extract=extract
            )
        ideas.summary_save(
            facilitator=team,
            branch=branch,
            title=s_title,
            body=s_body,
            language=language,
            translations={code: {"title": t, "body": b} for code, (t, b) in translated.items()},
            publish=True,
        )

    opening = (
        Activity.objects.filter(
            edition=past, state=Activity.State.PUBLISHED, activity_type__key="plenary"
        )
        .order_by("starts_at")
        .first()
    )
    if opening is not None:
        space = space_of_activity(opening)
        for minute, (speaker, language, body) in enumerate(PLENARY_NOTES):
            note = note_post(
                author=team, space=space, speaker=speaker, language=language, body=body
            )
            Note.objects.filter(pk=note.pk).update(
                created_at=opening.starts_at + dt.timedelta(minutes=10 + minute * 12)
            )
        ideas.summary_save(
            facilitator=team,
            space=space,
            title="What the opening said",
            body="An open space where nobody speaks for all; Africa asks for an end to plunder; one health for people and planet; each network brings a concrete proposal to September.",
            language="en",
            publish=True,
        )

    ended = (
        Activity.objects.filter(edition=past, state=Activity.State.PUBLISHED, ends_at__lt=now)
        .prefetch_related("organizers__person")
        .order_by("-starts_at")[: len(OUTCOMES)]
    )
    for activity, (summary, proposals, next_steps) in zip(ended, OUTCOMES, strict=False):
        organizer = activity.organizers.all()[0].person
        outcome = outcome_save(
            activity=activity,
            author=organizer,
            summary=summary,
            proposals=proposals,
            next_steps=next_steps,
            language="en",
        )
        for supporter in people[:5]:
            outcome_support(outcome=outcome, person=supporter)
    return len(posted)
