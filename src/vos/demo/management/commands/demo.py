"""``vos demo``: fill an empty site with a believable forum to explore."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from vos.demo.activities import demo_activities
from vos.demo.declarations import demo_declarations
from vos.demo.editions import demo_editions
from vos.demo.forum import demo_forum
from vos.demo.live import demo_live
from vos.demo.networks import demo_assembly, demo_networks
from vos.demo.news import demo_news
from vos.demo.newsletter import demo_newsletter
from vos.demo.people import FACILITATORS, demo_people
from vos.demo.team import demo_team
from vos.person.models import User


class Command(BaseCommand):
    help = "Create the demo forum: people, five editions and their programs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has accounts (used by make run).",
        )

    def handle(self, *args, if_empty: bool, **options):
        if if_empty and User.objects.exists():
            self.stdout.write(_("The site already has data; the demo forum was not loaded."))
            return
        with transaction.atomic():
            people = demo_people()
            facilitators = [p for p in people if p.email.split("@")[0] in FACILITATORS]
            editions = demo_editions(facilitators)
            activities = demo_activities(editions, people, facilitators)
            demo_networks(people)
            demo_declarations(people)
            if demo_assembly(editions[-1], people) is not None:
                activities += 1
            demo_forum(editions, people, facilitators)
            demo_live(editions, people, facilitators)
            demo_team(editions[-1], people, facilitators)
            demo_newsletter(people, facilitators)
            demo_news(people, facilitators)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo forum ready: %(people)s people, %(editions)s editions, %(activities)s "
                    "new activities. Log in as %(email)s with the password %(password)s."
                )
                % {
                    "people": len(people),
                    "editions": len(editions),
                    "activities": activities,
                    "email": "ana@demo.vos.example",
                    "password": "open-space-demo",
                }
            )
        )
