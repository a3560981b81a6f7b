"""Errors are pages of the site, in the reader's language, with the header and a way back."""

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.home.views import permission_denied, server_error

pytestmark = pytest.mark.django_db


def test_not_found_is_a_page_in_the_readers_language_with_a_search(client):
    intention_text()
    edition = make_edition()
    response = client.get("/fr/nulle-part/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Cette page n’existe pas</h1>" in html
    assert 'class="site-header"' in html  # the header, with the way around the site
    assert f'action="/fr/editions/{edition.slug}/program/"' in html
    assert 'type="search" name="q"' in html


def test_an_activity_taken_off_the_program_says_so(client):
    intention_text()
    edition = make_edition()
    activity = make_activity(edition, title="Gone")
    Activity.objects.filter(pk=activity.pk).update(
        state=Activity.State.UNPUBLISHED, published_at=timezone.now()
    )
    response = client.get(activity.get_absolute_url())
    assert response.status_code == 410
    assert "This activity is no longer on the program" in response.content.decode()
    # Its organizers and the facilitation team still see it.
    never_public = make_activity(edition, title="Never", state=Activity.State.DECLINED)
    Activity.objects.filter(pk=never_public.pk).update(published_at=None)
    assert client.get(never_public.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("view", "status", "heading"),
    [
        (permission_denied, 403, "Esta página no está abierta para ti"),
        (server_error, 500, "Algo salió mal de nuestro lado"),
    ],
)
def test_forbidden_and_server_error_pages(view, status, heading):
    request = RequestFactory().get("/es/")
    request.user = UserFactory()
    with translation.override("es"):
        response = view(request, Exception()) if view is permission_denied else view(request)
    assert response.status_code == status
    assert heading in response.content.decode()
