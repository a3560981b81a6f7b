"""The ``vos`` command: ``vos migrate``, ``vos demo``, ``vos serve`` … (manage.py under a name)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vos.settings")
    from django.core.management import execute_from_command_line  # noqa: PLC0415 - after the settings module is named

    execute_from_command_line([os.path.basename(sys.argv[0]) or "vos", *sys.argv[1:]])


if __name__ == "__main__":
    main()
