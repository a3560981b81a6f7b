"""The demo's news and pages: subjects, a dozen articles in several languages (some with
versions in others), the about and participant-guide pages, and two messages in the
contact inbox (one answered)."""

import datetime as dt
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from vos.contact.models import ContactMessage
from vos.contact.services import reply_send
from vos.edition.models import Edition
from vos.mail.services import new_message_id
from vos.news.models import Article, Subject
from vos.news.services import article_publish, article_save, page_picture_add, page_save
from vos.person.models import User

SUBJECTS = {
    "climate-justice": (
        "Climate justice",
        {
            "fr": "Justice climatique",
            "es": "Justicia climática",
            "pt": "Justiça climática",
            "ar": "العدالة المناخية",
        },
    ),
    "solidarity-economy": (
        "Solidarity economy",
        {
            "fr": "Économie solidaire",
            "es": "Economía solidaria",
            "pt": "Economia solidária",
            "ar": "الاقتصاد التضامني",
        },
    ),
    "health-commons": (
        "Health as a commons",
        {
            "fr": "La santé, bien commun",
            "es": "La salud como bien común",
            "pt": "A saúde como bem comum",
            "ar": "الصحة مِلكًا مشتركًا",
        },
    ),
    "networks": (
        "Networks that converge",
        {
            "fr": "Réseaux qui convergent",
            "es": "Redes que convergen",
            "pt": "Redes que convergem",
            "ar": "شبكات تتلاقى",
        },
    ),
    "culture": (
        "Culture and the arts",
        {
            "fr": "Culture et arts",
            "es": "Cultura y artes",
            "pt": "Cultura e artes",
            "ar": "الثقافة والفنون",
        },
    ),
}

# (key, language, title, summary, body, subjects, edition slug, published, writer, versions)
# and each version in another language as (language, title, summary, body).
RECENT = "recent"  # published days ago: the coming edition's announcement

ARTICLES = [
    (
        "pause",
        "en",
        "The Great Pause: 24 people, 10 countries, one open space",
        "How the first Viral Open Space came together in ten days, in March 2020.",
        "When the pandemic closed the squares, **twenty-four people from ten countries** opened "
        "an online space instead. Two days, an opening plenary, then activities that the "
        "participants proposed themselves.\n\n## What we learned\n\n- Nobody owns the space: "
        "it is a common good.\n- Time zones matter more than distance.\n- Interpretation is "
        "the work of volunteers, and it is what makes the forum global.",
        ["networks"],
        "vos-1",
        dt.datetime(2020, 4, 2, 9, 0, tzinfo=dt.UTC),
        "ana",
        [
            (
                "fr",
                "La Grande Pause : 24 personnes, 10 pays, un espace ouvert",
                "Comment le premier Viral Open Space s’est construit en dix jours, en mars 2020.",
                "Quand la pandémie a fermé les places, **vingt-quatre personnes de dix pays** ont "
                "ouvert un espace en ligne. Deux jours, une plénière d’ouverture, puis des activités "
                "proposées par les participantes et participants eux-mêmes.",
            ),
            (
                "es",
                "La Gran Pausa: 24 personas, 10 países, un espacio abierto",
                "Cómo se armó el primer Viral Open Space en diez días, en marzo de 2020.",
                "Cuando la pandemia cerró las plazas, **veinticuatro personas de diez países** abrieron "
                "un espacio en línea. Dos días, una plenaria de apertura y luego actividades propuestas "
                "por las propias personas participantes.",
            ),
        ],
    ),
    (
        "seventy",
        "en",
        "More than seventy activities from every continent",
        "VOS 1 and VOS 2 together: courses, hackathons, artistic activities and spaces of mutual aid.",
        "Between March and May 2020 participants proposed **more than seventy activities**: "
        "spaces to imagine futures, support groups born in the crisis, courses, hackathons, "
        "sports and activities for children.",
        ["networks", "culture"],
        "vos-2",
        dt.datetime(2020, 5, 28, 10, 0, tzinfo=dt.UTC),
        "pierre",
        [],
    ),
    (
        "transformative",
        "fr",
        "Le forum rejoint le Forum social mondial des économies transformatrices",
        "Du 25 juin au 1er juillet, les activités du VOS 3 croisent celles du FSMET.",
        "Pendant trois semaines, le VOS 3 « Connectons nos réseaux » s’est tenu avec le **Forum "
        "social mondial des économies transformatrices** et les Dialogues en humanité.\n\n"
        "Ateliers, panels et assemblées co-préparées par au moins cinq organisations.",
        ["solidarity-economy", "networks"],
        "vos-3",
        dt.datetime(2020, 6, 22, 8, 0, tzinfo=dt.UTC),
        "pierre",
        [
            (
                "en",
                "The forum joins the World Social Forum of Transformative Economies",
                "From 25 June to 1 July, VOS 3 activities meet those of the WSFTE.",
                "For three weeks, VOS 3 “Let’s connect our networks” ran with the **World Social "
                "Forum of Transformative Economies** and the Dialogues en humanité.",
            ),
            (
                "pt",
                "O fórum se junta ao Fórum Social Mundial das Economias Transformadoras",
                "De 25 de junho a 1º de julho, as atividades do VOS 3 cruzam as do FSMET.",
                "Durante três semanas, o VOS 3 “Conectemos nossas redes” aconteceu junto com o "
                "**Fórum Social Mundial das Economias Transformadoras**.",
            ),
        ],
    ),
    (
        "back-to-future",
        "es",
        "«De vuelta al futuro»: el acto de cierre del 12 de julio",
        "Domingo 12 de julio, 10:00 en Montreal y Caracas, 16:00 en París: cerramos juntos el VOS 3.",
        "El acto de cierre reunió a las redes que se conocieron durante tres semanas. Música, "
        "memoria de los talleres y **compromisos comunes** para el otoño.",
        ["networks", "culture"],
        "vos-3",
        dt.datetime(2020, 7, 8, 15, 0, tzinfo=dt.UTC),
        "lucia",
        [
            (
                "en",
                "“Back to the future”: the closing act on 12 July",
                "Sunday 12 July, 10:00 in Montréal and Caracas, 16:00 in Paris: we close VOS 3 together.",
                "The closing act brought together the networks that met over three weeks: music, the "
                "memory of the workshops and **common commitments** for the autumn.",
            )
        ],
    ),
    (
        "eleven",
        "en",
        "Eleven global networks meet a second time",
        "On 29 August 2020 the networks shared their initiatives and planned common actions.",
        "Eleven global networks met for the second time to know each other better, share "
        "initiatives and **plan common actions**. By November the Multi-convergence counted "
        "thirteen.",
        ["networks"],
        "vos-4",
        dt.datetime(2020, 8, 31, 9, 0, tzinfo=dt.UTC),
        "ana",
        [
            (
                "es",
                "Once redes globales se reúnen por segunda vez",
                "El 29 de agosto de 2020 las redes compartieron sus iniciativas y planearon acciones comunes.",
                "Once redes globales se reunieron por segunda vez para conocerse mejor, compartir "
                "iniciativas y **planear acciones comunes**.",
            )
        ],
    ),
    (
        "letters",
        "en",
        "Two letters to the UN Secretary-General",
        "A strategic letter and a tactical one, drafted by network spokespeople and co-signed.",
        "A small team of spokespeople drafted **two letters**: a strategic one, on the "
        "architecture of the United Nations, and a tactical one with urgent measures for the "
        "pandemic — a universal vaccine without patents and a universal, unconditional basic "
        "income among them. The networks discussed, approved and signed them.",
        ["health-commons", "networks"],
        "vos-4",
        dt.datetime(2020, 10, 15, 12, 0, tzinfo=dt.UTC),
        "pierre",
        [
            (
                "fr",
                "Deux lettres au Secrétaire général de l’ONU",
                "Une lettre stratégique et une lettre tactique, rédigées par des porte-parole des réseaux.",
                "Une petite équipe de porte-parole a rédigé **deux lettres** : l’une stratégique, sur "
                "l’architecture des Nations unies, l’autre tactique, avec des mesures urgentes face à "
                "la pandémie.",
            )
        ],
    ),
    (
        "vaccine",
        "pt",
        "Vacina universal, sem patentes",
        "Por que as redes pedem que a vacina contra a covid-19 seja um bem comum da humanidade.",
        "A saúde não pode depender da capacidade de pagar. As redes reunidas no fórum pedem uma "
        "**vacina universal e sem patentes**, produzida e distribuída como bem comum.",
        ["health-commons"],
        None,
        dt.datetime(2020, 11, 3, 14, 0, tzinfo=dt.UTC),
        "joao",
        [],
    ),
    (
        "basic-income",
        "es",
        "Una renta básica universal e incondicional",
        "La segunda medida urgente de la carta táctica, explicada en cinco preguntas.",
        "¿Quién la recibe? Todas las personas. ¿Con qué condiciones? Ninguna. La **renta básica** "
        "es una de las medidas urgentes que las redes llevaron a Naciones Unidas.",
        ["solidarity-economy", "health-commons"],
        None,
        dt.datetime(2020, 11, 10, 16, 0, tzinfo=dt.UTC),
        "maria",
        [],
    ),
    (
        "equinox",
        "en",
        "Day one of VOS 4: groups to get to know each other",
        "On the equinox weekend, the forum mixed regions and languages in small groups first.",
        "Before anyone presented anything, participants met in **small groups mixing regions "
        "and languages**. The second day, networks presented themselves and participants "
        "proposed topics for the open space.",
        ["networks"],
        "vos-4",
        dt.datetime(2020, 9, 22, 9, 0, tzinfo=dt.UTC),
        "priya",
        [],
    ),
    (
        "climate-camp",
        "fr",
        "Justice climatique : des luttes locales à l’archipel mondial",
        "Des collectifs du Sahel, des Andes et du Pacifique racontent leurs luttes pour l’eau et la terre.",
        "Au VOS 4, des collectifs de trois continents ont partagé leurs **luttes pour l’eau et "
        "la terre**. Ce qui les relie : la conviction que la justice climatique commence là où "
        "l’on vit.",
        ["climate-justice"],
        "vos-4",
        dt.datetime(2020, 9, 29, 10, 0, tzinfo=dt.UTC),
        "amadou",
        [
            (
                "es",
                "Justicia climática: de las luchas locales al archipiélago mundial",
                "Colectivos del Sahel, los Andes y el Pacífico cuentan sus luchas por el agua y la tierra.",
                "En el VOS 4, colectivos de tres continentes compartieron sus **luchas por el agua y la "
                "tierra**.",
            )
        ],
    ),
    (
        "horizon",
        "en",
        "VOS 5: a common horizon on 20 and 21 December",
        "The major common event announced in September: how to propose, register and take part.",
        "The fifth edition is the **common horizon** announced in September. Propose an activity "
        "in your language, choose its time in your zone, and register for the sessions of "
        "others. Volunteers are welcome in the facilitation team — interpreters especially.",
        ["networks", "climate-justice"],
        "vos-5",
        RECENT,
        "ana",
        [
            (
                "fr",
                "VOS 5 : un horizon commun les 20 et 21 décembre",
                "Le grand événement commun annoncé en septembre : proposer, s’inscrire et participer.",
                "La cinquième édition est l’**horizon commun** annoncé en septembre. Proposez une "
                "activité dans votre langue, à l’heure de votre fuseau.",
            ),
            (
                "es",
                "VOS 5: un horizonte común el 20 y 21 de diciembre",
                "El gran evento común anunciado en septiembre: cómo proponer, inscribirte y participar.",
                "La quinta edición es el **horizonte común** anunciado en septiembre. Propón una "
                "actividad en tu idioma, a la hora de tu zona.",
            ),
            (
                "pt",
                "VOS 5: um horizonte comum em 20 e 21 de dezembro",
                "O grande evento comum anunciado em setembro: como propor, se inscrever e participar.",
                "A quinta edição é o **horizonte comum** anunciado em setembro. Proponha uma atividade "
                "no seu idioma, no horário do seu fuso.",
            ),
        ],
    ),
    (
        "murals",
        "es",
        "Murales en línea: el arte que se hizo en la pausa",
        "Talleres artísticos de Valparaíso a Dakar: lo que se pintó, se cantó y se escribió.",
        "Las actividades artísticas fueron de las más concurridas: **murales colectivos**, "
        "canciones compuestas a varias voces y poemas traducidos en vivo.",
        ["culture"],
        "vos-3",
        dt.datetime(2020, 7, 20, 11, 0, tzinfo=dt.UTC),
        "lucia",
        [],
    ),
    (
        "draft",
        "en",
        "What the Open Forum said in 2020 (draft)",
        "A summary of the year's deliberation, still being written.",
        "To be completed by the facilitation team.",
        ["networks"],
        None,
        None,
        "pierre",
        [],
    ),
]

ABOUT = {
    "en": (
        "About the forum",
        "The **Viral Open Space** is an online social forum built by its "
        "participants. It was born in March 2020, when the pandemic closed the squares, and "
        "it met five times that year.\n\n## An open space\n\nIt belongs to nobody: it is a "
        "common good of all who take part. A volunteer facilitation team keeps it open and "
        "fair; it does not speak in the forum's name.\n\n## Where to start\n\n- Read the "
        "[intention text](/en/intention/).\n- Browse the editions and their programs.\n- "
        "Join the facilitation team from an edition's page.",
    ),
    "fr": (
        "À propos du forum",
        "Le **Viral Open Space** est un forum social en ligne construit "
        "par ses participantes et participants. Il est né en mars 2020, quand la pandémie a "
        "fermé les places.\n\nIl n’appartient à personne : c’est un bien commun.",
    ),
    "es": (
        "Acerca del foro",
        "El **Viral Open Space** es un foro social en línea construido por "
        "quienes participan. Nació en marzo de 2020, cuando la pandemia cerró las plazas.\n\n"
        "No pertenece a nadie: es un bien común.",
    ),
}
GUIDE = {
    "en": (
        "How to take part",
        "1. **Create an account** and choose your language and time "
        "zone: every time on the site is shown in your zone.\n2. **Read the intention "
        "text** and say that you share it.\n3. **Propose an activity** in an edition whose "
        "proposals are open, or **register** for the activities of others.\n\n"
        "    {propose}\n\n    {program}\n\n4. On the day, "
        "open *Happening now*: the join link appears for those registered.\n\nQuestions? "
        "Use the contact form at the bottom of every page.",
    ),
    "pt": (
        "Como participar",
        "1. **Crie uma conta** e escolha o seu idioma e fuso horário.\n"
        "2. **Leia o texto de intenção**.\n3. **Proponha uma atividade** ou **inscreva-se** "
        "nas atividades de outras pessoas.\n4. No dia, abra *Acontecendo agora*.",
    ),
}


def _subjects() -> dict[str, Subject]:
    found = {}
    for slug, (name, translations) in SUBJECTS.items():
        subject, _created = Subject.objects.get_or_create(
            slug=slug, defaults={"name": name, "original_language": "en"}
        )
        for language, text in translations.items():
            subject.set_translation(language, {"name": text})
        subject.save()
        found[slug] = subject
    return found


def demo_news(people: list[User], facilitators: list[User]) -> int:
    """Returns how many articles were written."""
    if Article.objects.exists():
        return 0
    by_slug = {person.email.split("@")[0]: person for person in people}
    team = facilitators[0]
    subjects = _subjects()
    written = 0
    for _key, language, title, summary, body, topics, edition, when, writer, versions in ARTICLES:
        author = by_slug.get(writer, team)
        original = article_save(
            by=team,
            title=title,
            summary=summary,
            body=body,
            language=language,
            subjects=[subjects[slug] for slug in topics],
            edition=Edition.objects.filter(slug__startswith=edition).first() if edition else None,
            authors=[author],
        )
        written += 1
        copies = [original]
        for version_language, version_title, version_summary, version_body in versions:
            copies.append(
                article_save(
                    by=author,
                    original=original,
                    title=version_title,
                    summary=version_summary,
                    body=version_body,
                    language=version_language,
                )
            )
            written += 1
        if when is None:
            continue
        moment = timezone.now() - dt.timedelta(days=5) if when == RECENT else when
        for copy in copies:
            article_publish(article=copy, by=team)
        Article.objects.filter(pk__in=[copy.pk for copy in copies]).update(
            published_at=moment, created_at=moment, updated_at=moment
        )
    screenshots = _guide_screenshots(team)
    for kind, texts in (("about", ABOUT), ("guide", GUIDE)):
        for language, (title, text) in texts.items():
            for name, line in screenshots.items():
                text = text.replace("{" + name + "}", line)
            page_save(by=team, kind=kind, language=language, title=title, body=text)
    _inbox(team)
    return written


SCREENSHOTS = {
    "program": "The program of an edition, filtered by language, times in the reader's zone",
    "propose": "The form to propose an activity",
}


def _guide_screenshots(team: User) -> dict[str, str]:
    """Screenshots of the site itself, uploaded as the team would, placed in the guide."""
    folder = Path(__file__).parent / "data"
    lines = {}
    for name, alt in SCREENSHOTS.items():
        data = (folder / f"guide-{name}.webp").read_bytes()
        upload = SimpleUploadedFile(f"{name}.webp", data, content_type="image/webp")
        lines[name] = page_picture_add(by=team, upload=upload, alt=alt).markdown()
    return lines


def _inbox(team: User) -> None:
    answered = ContactMessage.objects.create(
        subject="Interprétation en wolof ?",
        body="Bonjour,\nY aura-t-il une interprétation en wolof pendant la plénière du VOS 5 ?\nMerci, Mariam",
        email="mariam@demo.vos.example",
        name="Mariam Diop",
        language="fr",
        email_message_id=new_message_id(),
    )
    reply_send(
        message=answered,
        body="Bonjour Mariam,\nOui : deux bénévoles interprètent la plénière du samedi en wolof. "
        "Vous pouvez aussi rejoindre l’équipe d’interprétation !\nPierre, pour l’équipe",
        by=team,
    )
    ContactMessage.objects.create(
        subject="Can our network present at VOS 5?",
        body="Hello, we are a network of community radios in South Asia. How can we present "
        "our work at the December edition?\nBest, Ravi",
        email="ravi@demo.vos.example",
        name="Ravi Menon",
        language="en",
        email_message_id=new_message_id(),
    )
