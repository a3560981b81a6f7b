import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vos.settings")
application = get_wsgi_application()
# Every view is imported as the worker starts, not by the first request it serves (an
# opening's burst would wait for it).
get_resolver().url_patterns  # noqa: B018 - the access imports them
