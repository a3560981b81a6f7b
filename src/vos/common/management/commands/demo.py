"""``vos demo``: fill an empty site with a believable forum to explore."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Create the demo forum (people, and later editions and their program)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has accounts (used by make run).",
        )

    def handle(self, *args, if_empty: bool, **options):
        from vos.person.demo import demo_people
        from vos.person.models import User

        if if_empty and User.objects.exists():
            self.stdout.write(_("The site already has data; the demo forum was not loaded."))
            return
        with transaction.atomic():
            people = demo_people()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo forum ready: %(count)s people. Log in as %(email)s with the password %(password)s."
                )
                % {
                    "count": len(people),
                    "email": "ana@demo.vos.example",
                    "password": "open-space-demo",
                }
            )
        )
