"""Demo people: the kind of participants a world forum gathers, from every continent."""

from vos.person.models import User
from vos.person.services import person_create_verified

DEMO_PASSWORD = "open-space-demo"
DEMO_DOMAIN = "demo.vos.example"

# (slug, display name, country, zone, languages, UI language, public, bio)
PEOPLE = [
    (
        "ana",
        "Ana Beatriz Souza",
        "BR",
        "America/Sao_Paulo",
        ["pt", "es", "en"],
        "pt",
        True,
        "Facilitadora do fórum, educadora popular em Recife. Acredito em espaços abertos onde "
        "cada pessoa traz a sua experiência.",
    ),
    (
        "pierre",
        "Pierre Lefèvre",
        "FR",
        "Europe/Paris",
        ["fr", "en"],
        "fr",
        True,
        "Membre de l'équipe de facilitation. J'accompagne les réseaux de l'économie sociale et "
        "solidaire depuis vingt ans.",
    ),
    (
        "lucia",
        "Lucía Hernández",
        "VE",
        "America/Caracas",
        ["es", "en"],
        "es",
        True,
        "Facilitadora. Trabajo con colectivos de mujeres y de comunicación comunitaria en Caracas.",
    ),
    (
        "amadou",
        "Amadou Diallo",
        "SN",
        "Africa/Dakar",
        ["fr", "wo", "en"],
        "fr",
        True,
        "Animateur de radios communautaires à Dakar, engagé pour la souveraineté alimentaire.",
    ),
    (
        "priya",
        "Priya Raman",
        "IN",
        "Asia/Kolkata",
        ["en", "ta", "hi"],
        "en",
        True,
        "Researcher on the commons and digital rights in Chennai; I coordinate a network of "
        "community libraries.",
    ),
    (
        "kenji",
        "Kenji Watanabe",
        "JP",
        "Asia/Tokyo",
        ["ja", "en"],
        "en",
        True,
        "Peace activist from Osaka. I help young people take part in global gatherings.",
    ),
    (
        "maria",
        "María José Quispe",
        "PE",
        "America/Lima",
        ["es", "qu"],
        "es",
        True,
        "Defensora de los territorios andinos y del agua; tejedora y narradora.",
    ),
    (
        "fatima",
        "Fatima Zahra El Idrissi",
        "MA",
        "Africa/Casablanca",
        ["ar", "fr", "en"],
        "fr",
        True,
        "Militante des droits des migrantes, je travaille entre Rabat et Tunis.",
    ),
    (
        "joao",
        "João Pedro Almeida",
        "PT",
        "Europe/Lisbon",
        ["pt", "en", "fr"],
        "pt",
        True,
        "Cooperativista em Lisboa; organizo oficinas sobre moedas sociais.",
    ),
    (
        "grace",
        "Grace Wanjiru",
        "KE",
        "Africa/Nairobi",
        ["en", "sw"],
        "en",
        True,
        "Community health organiser in Nairobi and member of a continental women's network.",
    ),
    (
        "tom",
        "Tom Becker",
        "CA",
        "America/Toronto",
        ["en", "fr"],
        "en",
        True,
        "Montreal-based climate justice organiser; I look after the forum's online rooms.",
    ),
    (
        "sofia",
        "Sofía Martínez",
        "MX",
        "America/Mexico_City",
        ["es", "en"],
        "es",
        True,
        "Periodista independiente y facilitadora de círculos de conversación.",
    ),
    (
        "li",
        "Li Wei",
        "TW",
        "Asia/Taipei",
        ["zh", "en"],
        "en",
        False,
        "Open-source developer; I translate tools for grassroots groups.",
    ),
    (
        "aroha",
        "Aroha Ngata",
        "NZ",
        "Pacific/Auckland",
        ["mi", "en"],
        "en",
        True,
        "Māori educator; I bring indigenous perspectives on care and land to the forum.",
    ),
    (
        "carlos",
        "Carlos Andrés Gómez",
        "CO",
        "America/Bogota",
        ["es", "pt"],
        "es",
        True,
        "Economista solidario; acompaño huertas urbanas en Medellín.",
    ),
    (
        "nadia",
        "Nadia Haddad",
        "LB",
        "Asia/Beirut",
        ["ar", "en", "fr"],
        "en",
        False,
        "Works with refugee-led organisations on mutual aid.",
    ),
    (
        "olu",
        "Oluwaseun Adeyemi",
        "NG",
        "Africa/Lagos",
        ["en", "yo"],
        "en",
        True,
        "Youth organiser in Lagos and hackathon coach.",
    ),
    (
        "elena",
        "Elena Rossi",
        "IT",
        "Europe/Rome",
        ["it", "en", "es"],
        "en",
        True,
        "Artist; I run participatory theatre workshops online.",
    ),
    (
        "mateus",
        "Mateus Ferreira",
        "BR",
        "America/Manaus",
        ["pt"],
        "pt",
        True,
        "Educador ambiental na Amazônia, trabalho com comunidades ribeirinhas.",
    ),
    (
        "hannah",
        "Hannah Schmidt",
        "DE",
        "Europe/Berlin",
        ["de", "en"],
        "en",
        False,
        "Sociologist studying how social forums change over time.",
    ),
    (
        "rahim",
        "Rahim Chowdhury",
        "BD",
        "Asia/Dhaka",
        ["bn", "en"],
        "en",
        True,
        "Garment workers' rights advocate in Dhaka.",
    ),
    (
        "camille",
        "Camille Dubois",
        "BE",
        "Europe/Brussels",
        ["fr", "nl", "en"],
        "fr",
        True,
        "Je coordonne des ateliers pour enfants et des activités intergénérationnelles.",
    ),
    (
        "diego",
        "Diego Silva",
        "CL",
        "America/Santiago",
        ["es", "en"],
        "es",
        True,
        "Profesor de educación física; propongo actividades deportivas en línea.",
    ),
    (
        "mei",
        "Mei Lin Tan",
        "MY",
        "Asia/Kuala_Lumpur",
        ["ms", "en", "zh"],
        "en",
        True,
        "Social entrepreneur connecting Asian networks of the solidarity economy.",
    ),
]

FACILITATORS = {"ana", "pierre", "lucia"}


def demo_people() -> list[User]:
    """Create the demo participants (idempotent: existing emails are left as they are)."""
    people = []
    for slug, name, country, zone, languages, ui_language, public, bio in PEOPLE:
        email = f"{slug}@{DEMO_DOMAIN}"
        person = User.objects.filter(email=email).first()
        if person is None:
            person = person_create_verified(
                email=email,
                password=DEMO_PASSWORD,
                display_name=name,
                country=country,
                time_zone=zone,
                languages=languages,
                preferred_language=ui_language,
                is_public=public,
                bio=bio,
            )
        people.append(person)
    admin_email = f"admin@{DEMO_DOMAIN}"
    if not User.objects.filter(email=admin_email).exists():
        person_create_verified(
            email=admin_email,
            password=DEMO_PASSWORD,
            superuser=True,
            display_name="Site admin",
            time_zone="UTC",
        )
    return people
