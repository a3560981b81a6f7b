"""The demo forum's own texts in French, Spanish, Portuguese and Arabic, as its
facilitators would have translated them: edition titles, taglines and description, key dates, themes.
Keyed by the English original; ``{year}`` stands for the upcoming edition's year."""

TEXTS: dict[str, dict[str, str]] = {
    # Editions
    "VOS 1 — The Great Pause": {
        "fr": "VOS 1 — La grande pause",
        "es": "VOS 1 — La gran pausa",
        "pt": "VOS 1 — A grande pausa",
    },
    "VOS 2 — Growing the open space": {
        "fr": "VOS 2 — L’espace ouvert grandit",
        "es": "VOS 2 — El espacio abierto crece",
        "pt": "VOS 2 — O espaço aberto cresce",
    },
    "VOS 3 — Let's connect our networks": {
        "fr": "VOS 3 — Connectons nos réseaux",
        "es": "VOS 3 — Conectemos nuestras redes",
        "pt": "VOS 3 — Vamos conectar nossas redes",
    },
    "VOS 4 — Multi-convergence of global networks": {
        "fr": "VOS 4 — Multi-convergence des réseaux mondiaux",
        "es": "VOS 4 — Multiconvergencia de las redes mundiales",
        "pt": "VOS 4 — Multiconvergência das redes mundiais",
    },
    "VOS 5 — Common horizon {year}": {
        "fr": "VOS 5 — Horizon commun {year}",
        "es": "VOS 5 — Horizonte común {year}",
        "pt": "VOS 5 — Horizonte comum {year}",
    },
    "A forum born in lockdown: 24 people from 10 countries open a space for everyone.": {
        "fr": "Un forum né du confinement : 24 personnes de 10 pays ouvrent un espace pour "
        "tout le monde.",
        "es": "Un foro nacido en el confinamiento: 24 personas de 10 países abren un espacio "
        "para todo el mundo.",
        "pt": "Um fórum nascido no confinamento: 24 pessoas de 10 países abrem um espaço para "
        "todo mundo.",
    },
    "More than seventy activities proposed by participants from every continent.": {
        "fr": "Plus de soixante-dix activités proposées par des participants de tous les "
        "continents.",
        "es": "Más de setenta actividades propuestas por participantes de todos los continentes.",
        "pt": "Mais de setenta atividades propostas por participantes de todos os continentes.",
    },
    "Three weeks to meet, converge and act together, with the partner forums of the summer.": {
        "fr": "Trois semaines pour se rencontrer, converger et agir ensemble, avec les forums "
        "partenaires de l’été.",
        "es": "Tres semanas para encontrarnos, converger y actuar juntos, con los foros "
        "aliados del verano.",
        "pt": "Três semanas para nos encontrar, convergir e agir juntos, com os fóruns "
        "parceiros do verão.",
    },
    "Co-created with the networks: get to know each other, then propose common topics.": {
        "fr": "Co-construit avec les réseaux : faire connaissance, puis proposer des sujets "
        "communs.",
        "es": "Co-creado con las redes: conocernos y luego proponer temas comunes.",
        "pt": "Cocriado com as redes: conhecer-nos e depois propor temas comuns.",
    },
    "The major common event announced by the networks: book a slot for your activity.": {
        "fr": "Le grand événement commun annoncé par les réseaux : réservez un créneau pour "
        "votre activité.",
        "es": "El gran evento común anunciado por las redes: reserva un horario para tu actividad.",
        "pt": "O grande evento comum anunciado pelas redes: reserve um horário para a sua "
        "atividade.",
    },
    "Participants propose the activities; the facilitation team keeps the space open and "
    "fair. All times are shown in your own time zone.": {
        "fr": "Les participants proposent les activités ; l’équipe de facilitation garde "
        "l’espace ouvert et équitable. Toutes les heures sont affichées dans votre fuseau "
        "horaire.",
        "es": "Las y los participantes proponen las actividades; el equipo de facilitación "
        "mantiene el espacio abierto y justo. Todas las horas se muestran en tu zona horaria.",
        "pt": "As e os participantes propõem as atividades; a equipe de facilitação mantém o "
        "espaço aberto e justo. Todos os horários aparecem no seu fuso horário.",
    },
    # Key dates
    "Opening plenary": {
        "fr": "Plénière d’ouverture",
        "es": "Plenaria de apertura",
        "pt": "Plenária de abertura",
    },
    "Closing circle": {
        "fr": "Cercle de clôture",
        "es": "Círculo de cierre",
        "pt": "Círculo de encerramento",
    },
    "World Social Forum of Transformative Economies begins": {
        "fr": "Début du Forum social mondial des économies transformatrices",
        "es": "Comienza el Foro Social Mundial de Economías Transformadoras",
        "pt": "Começa o Fórum Social Mundial das Economias Transformadoras",
    },
    "Dialogues en humanité begin": {
        "fr": "Début des Dialogues en humanité",
        "es": "Comienzan los Dialogues en humanité",
        "pt": "Começam os Dialogues en humanité",
    },
    "Closing act “Back to the future” (10:00 Montréal / Caracas)": {
        "fr": "Acte de clôture « Retour vers le futur » (10 h Montréal / Caracas)",
        "es": "Acto de cierre «Regreso al futuro» (10:00 Montreal / Caracas)",
        "pt": "Ato de encerramento “De volta para o futuro” (10h Montreal / Caracas)",
    },
    "Day 1: discussion groups to get to know each other": {
        "fr": "Jour 1 : groupes de discussion pour faire connaissance",
        "es": "Día 1: grupos de conversación para conocernos",
        "pt": "Dia 1: grupos de conversa para nos conhecermos",
    },
    "Day 2: networks present, participants propose group topics": {
        "fr": "Jour 2 : les réseaux se présentent, les participants proposent des sujets",
        "es": "Día 2: las redes se presentan, las y los participantes proponen temas",
        "pt": "Dia 2: as redes se apresentam, as e os participantes propõem temas",
    },
    "Proposals close": {
        "fr": "Clôture des propositions",
        "es": "Cierre de las propuestas",
        "pt": "Encerramento das propostas",
    },
    "Closing assembly": {
        "fr": "Assemblée de clôture",
        "es": "Asamblea de cierre",
        "pt": "Assembleia de encerramento",
    },
    # Themes
    "Care, health and mutual support": {
        "fr": "Soin, santé et entraide",
        "es": "Cuidados, salud y apoyo mutuo",
        "pt": "Cuidado, saúde e apoio mútuo",
    },
    "Economies of solidarity and the commons": {
        "fr": "Économies solidaires et communs",
        "es": "Economías solidarias y bienes comunes",
        "pt": "Economias solidárias e bens comuns",
    },
    "Democracy, rights and global governance": {
        "fr": "Démocratie, droits et gouvernance mondiale",
        "es": "Democracia, derechos y gobernanza mundial",
        "pt": "Democracia, direitos e governança global",
    },
    "Climate, land and food sovereignty": {
        "fr": "Climat, terre et souveraineté alimentaire",
        "es": "Clima, tierra y soberanía alimentaria",
        "pt": "Clima, terra e soberania alimentar",
    },
    # Kinds of activity, as the facilitators describe them to proposers
    "All participants together, for an opening, a closing or a common question.": {
        "fr": "Tous les participants ensemble, pour une ouverture, une clôture ou une "
        "question commune.",
        "es": "Todas y todos los participantes juntos, para una apertura, un cierre o una "
        "pregunta común.",
        "pt": "Todas e todos os participantes juntos, para uma abertura, um encerramento ou "
        "uma pergunta comum.",
    },
    "A small group that learns or builds something together; bring your experience.": {
        "fr": "Un petit groupe qui apprend ou construit quelque chose ensemble ; apportez "
        "votre expérience.",
        "es": "Un grupo pequeño que aprende o construye algo en conjunto; trae tu experiencia.",
        "pt": "Um grupo pequeno que aprende ou constrói algo junto; traga sua experiência.",
    },
    "Networks present their work to each other and look for common actions.": {
        "fr": "Les réseaux se présentent mutuellement leur travail et cherchent des actions "
        "communes.",
        "es": "Las redes se muestran mutuamente su trabajo y buscan acciones comunes.",
        "pt": "As redes apresentam seu trabalho umas às outras e buscam ações comuns.",
    },
}

# What the demo's facilitators wrote about some kinds of activity, by key.
TYPE_DESCRIPTIONS = {
    "plenary": "All participants together, for an opening, a closing or a common question.",
    "workshop": "A small group that learns or builds something together; bring your experience.",
    "network": "Networks present their work to each other and look for common actions.",
}


# The same texts in Arabic, translated by the facilitation team for the forum's Arabic
# speakers (the Maghreb and Machrek networks).
ARABIC: dict[str, str] = {
    "VOS 1 — The Great Pause": "VOS 1 — الوقفة الكبرى",
    "VOS 2 — Growing the open space": "VOS 2 — الفضاء المفتوح يكبر",
    "VOS 3 — Let's connect our networks": "VOS 3 — لنربط شبكاتنا",
    "VOS 4 — Multi-convergence of global networks": "VOS 4 — التقاء متعدد للشبكات العالمية",
    "VOS 5 — Common horizon {year}": "VOS 5 — أفق مشترك {year}",
    "A forum born in lockdown: 24 people from 10 countries open a space for everyone.": (
        "منتدى وُلد في زمن الحجر: 24 شخصًا من 10 بلدان يفتحون فضاءً للجميع."
    ),
    "More than seventy activities proposed by participants from every continent.": (
        "أكثر من سبعين نشاطًا اقترحها مشاركون من كل القارات."
    ),
    "Three weeks to meet, converge and act together, with the partner forums of the summer.": (
        "ثلاثة أسابيع للقاء والتلاقي والعمل معًا، مع المنتديات الشريكة في الصيف."
    ),
    "Co-created with the networks: get to know each other, then propose common topics.": (
        "بُني بالشراكة مع الشبكات: نتعارف، ثم نقترح مواضيع مشتركة."
    ),
    "The major common event announced by the networks: book a slot for your activity.": (
        "الحدث المشترك الكبير الذي أعلنته الشبكات: احجز فترة زمنية لنشاطك."
    ),
    "Participants propose the activities; the facilitation team keeps the space open and "
    "fair. All times are shown in your own time zone.": (
        "يقترح المشاركون الأنشطة، ويحافظ فريق التيسير على انفتاح الفضاء وإنصافه. تُعرض كل "
        "الأوقات بتوقيت منطقتك."
    ),
    "Opening plenary": "الجلسة العامة الافتتاحية",
    "Closing circle": "حلقة الختام",
    "World Social Forum of Transformative Economies begins": (
        "انطلاق المنتدى الاجتماعي العالمي للاقتصادات التحويلية"
    ),
    "Dialogues en humanité begin": "انطلاق «حوارات في الإنسانية»",
    "Closing act “Back to the future” (10:00 Montréal / Caracas)": (
        "الفعالية الختامية «العودة إلى المستقبل» (10:00 مونتريال / كاراكاس)"
    ),
    "Day 1: discussion groups to get to know each other": "اليوم الأول: مجموعات نقاش للتعارف",
    "Day 2: networks present, participants propose group topics": (
        "اليوم الثاني: الشبكات تعرّف بنفسها، والمشاركون يقترحون مواضيع للمجموعات"
    ),
    "Proposals close": "إغلاق باب الاقتراحات",
    "Closing assembly": "الجمعية الختامية",
    "Care, health and mutual support": "الرعاية والصحة والتضامن المتبادل",
    "Economies of solidarity and the commons": "الاقتصادات التضامنية والمشاعات",
    "Democracy, rights and global governance": "الديمقراطية والحقوق والحوكمة العالمية",
    "Climate, land and food sovereignty": "المناخ والأرض والسيادة الغذائية",
    TYPE_DESCRIPTIONS["plenary"]: "كل المشاركين معًا، لافتتاح أو ختام أو سؤال مشترك.",
    TYPE_DESCRIPTIONS["workshop"]: "مجموعة صغيرة تتعلم أو تبني شيئًا معًا؛ أحضِر تجربتك.",
    TYPE_DESCRIPTIONS["network"]: "تعرض الشبكات عملها بعضها على بعض وتبحث عن أعمال مشتركة.",
}
for _original, _arabic in ARABIC.items():
    TEXTS[_original]["ar"] = _arabic


def translations_of(item, *, year: int | None = None) -> dict[str, dict]:
    """Every translation the demo has of ``item``'s texts, as ``translations`` holds them."""
    result: dict[str, dict] = {}
    for field in item.translatable_fields:
        original = getattr(item, field)
        key = original.replace(str(year), "{year}") if year else original
        for language, text in TEXTS.get(key, {}).items():
            text = text.replace("{year}", str(year)) if year else text
            result.setdefault(language, {"outdated": False})[field] = text
    return result


# The closing line of each demo description, in the language the activity is written in.
BRING = {
    "en": "**Bring** your questions and your experience.",
    "fr": "**Apportez** vos questions et votre expérience.",
    "es": "**Trae** tus preguntas y tu experiencia.",
    "pt": "**Traga** suas perguntas e sua experiência.",
}

# About a third of the demo program, translated by its organizers: by original title,
# (title, summary) per language.
ACTIVITIES: dict[str, dict[str, tuple[str, str]]] = {
    "Opening plenary: why an open space now?": {
        "fr": (
            "Plénière d’ouverture : pourquoi un espace ouvert maintenant ?",
            "Tous ensemble : l’équipe de facilitation ouvre l’espace, et les participants "
            "disent ce qui les amène.",
        ),
        "es": (
            "Plenaria de apertura: ¿por qué un espacio abierto ahora?",
            "Todos juntos: el equipo de facilitación abre el espacio y las y los participantes "
            "cuentan qué los trae.",
        ),
        "pt": (
            "Plenária de abertura: por que um espaço aberto agora?",
            "Todos juntos: a equipe de facilitação abre o espaço e as e os participantes "
            "contam o que os traz.",
        ),
    },
    "Huertas urbanas en tiempos de encierro": {
        "en": (
            "Urban gardens in times of lockdown",
            "How to grow food on balconies and rooftops, and how to organise barter networks.",
        ),
        "fr": (
            "Potagers urbains en temps de confinement",
            "Comment cultiver sur les balcons et les toits, et organiser des réseaux de troc.",
        ),
    },
    "Monnaies locales et solidarité": {
        "en": (
            "Local currencies and solidarity",
            "How local currencies support neighbourhood shops during the crisis.",
        ),
        "es": (
            "Monedas locales y solidaridad",
            "Cómo las monedas locales sostienen a los comercios de barrio durante la crisis.",
        ),
    },
    "Sarau poético latino-americano": {
        "es": (
            "Velada poética latinoamericana",
            "Poemas, canciones e historias de resistencia, leídos por participantes de todo el "
            "continente.",
        ),
    },
    "Cours : l'histoire des forums sociaux": {
        "en": (
            "Course: the history of the social forums",
            "From Porto Alegre to today: what the social forums changed, and what they still "
            "look for.",
        ),
        "pt": (
            "Curso: a história dos fóruns sociais",
            "De Porto Alegre até hoje: o que os fóruns sociais mudaram e o que ainda buscam.",
        ),
    },
    "Resource fair: guides for online organising": {
        "es": (
            "Feria de recursos: guías para organizarse en línea",
            "Trae tus mejores guías, plantillas y listas para llevar reuniones en línea.",
        ),
    },
    "Network meeting: solidarity economy across continents": {
        "fr": (
            "Rencontre de réseaux : l’économie solidaire entre les continents",
            "Les réseaux présentent leur travail et cherchent des actions communes pour les "
            "prochains mois.",
        ),
        "es": (
            "Encuentro de redes: economía solidaria entre continentes",
            "Las redes presentan su trabajo y buscan acciones comunes para los próximos meses.",
        ),
    },
    "Asamblea por una renta básica universal": {
        "en": (
            "Assembly for a universal basic income",
            "Co-prepared by five organisations: a common proposal to the United Nations.",
        ),
        "pt": (
            "Assembleia por uma renda básica universal",
            "Co-preparada por cinco organizações: uma proposta comum às Nações Unidas.",
        ),
    },
    "Amazônia: defender a floresta e quem nela vive": {
        "en": (
            "Amazonia: defending the forest and those who live in it",
            "Riverside communities tell how they organise in the face of deforestation.",
        ),
        "es": (
            "Amazonía: defender la selva y a quienes viven en ella",
            "Comunidades ribereñas cuentan cómo se organizan frente a la deforestación.",
        ),
    },
    "Letter to the UN Secretary-General: the strategic letter": {
        "fr": (
            "Lettre au Secrétaire général de l’ONU : la lettre stratégique",
            "Discuter le projet sur les changements de l’architecture institutionnelle et "
            "politique de l’ONU.",
        ),
        "es": (
            "Carta al Secretario General de la ONU: la carta estratégica",
            "Debatir el borrador sobre los cambios en la arquitectura institucional y política "
            "de la ONU.",
        ),
    },
    "Mujeres andinas y amazónicas en diálogo": {
        "pt": (
            "Mulheres andinas e amazônicas em diálogo",
            "Defensoras da água e da terra trocam experiências entre os Andes e a Amazônia.",
        ),
    },
    "Open mic: what did you learn this week?": {
        "fr": (
            "Micro ouvert : qu’avez-vous appris cette semaine ?",
            "Un espace détendu pour partager découvertes, contacts et idées du forum.",
        ),
        "es": (
            "Micrófono abierto: ¿qué aprendiste esta semana?",
            "Un espacio relajado para compartir descubrimientos, contactos e ideas del foro.",
        ),
        "pt": (
            "Microfone aberto: o que você aprendeu nesta semana?",
            "Um espaço descontraído para partilhar descobertas, contatos e ideias do fórum.",
        ),
    },
}


# Some organizers translated their activity into Arabic too.
ARABIC_ACTIVITIES: dict[str, tuple[str, str]] = {
    "Opening plenary: why an open space now?": (
        "الجلسة العامة الافتتاحية: لماذا فضاء مفتوح الآن؟",
        "معًا: يفتتح فريق التيسير الفضاء، ويقول المشاركون ما الذي جاء بهم إلى هنا.",
    ),
    "Network meeting: solidarity economy across continents": (
        "لقاء شبكات: الاقتصاد التضامني عبر القارات",
        "تعرض الشبكات عملها وتبحث عن أعمال مشتركة للأشهر القادمة.",
    ),
    "Open mic: what did you learn this week?": (
        "الميكروفون المفتوح: ماذا تعلّمت هذا الأسبوع؟",
        "فضاء هادئ لتبادل الاكتشافات والمعارف والأفكار التي صادفتها خلال المنتدى.",
    ),
}
for _title, _arabic_texts in ARABIC_ACTIVITIES.items():
    ACTIVITIES[_title]["ar"] = _arabic_texts


def written_in(languages: list[str]) -> str:
    """The language a demo entry's title and summary are written in: the first of its
    languages that the demo writes descriptions in (an Arabic–French activity is
    described in French)."""
    return next((code for code in languages if code in BRING), "en")


def activity_translations(title: str) -> dict[str, dict]:
    return {
        language: {"title": text, "summary": summary}
        for language, (text, summary) in ACTIVITIES.get(title, {}).items()
    }
