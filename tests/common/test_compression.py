"""Pages travel compressed: brotli where the client takes it, else gzip."""

import gzip

import brotli
import pytest

from tests.factories import make_activity, make_edition
from vos.common.middleware import MASKED_CSRF_TOKEN


def shown(html: bytes) -> bytes:
    return MASKED_CSRF_TOKEN.sub(rb"\1\2", html)


pytestmark = pytest.mark.django_db


@pytest.fixture
def program_url():
    edition = make_edition("vos-small")
    for number in range(30):
        make_activity(edition, title=f"Taller de radio comunitaria {number}")
    return f"/en/editions/{edition.slug}/program/?day=all"


def test_brotli_when_the_client_takes_it(client, program_url):
    plain = client.get(program_url).content
    response = client.get(program_url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    assert shown(brotli.decompress(response.content)) == shown(plain)
    assert len(response.content) * 5 < len(plain)
    assert response["ETag"].startswith('W/"')


def test_gzip_for_the_others_and_nothing_when_asked_for_nothing(client, program_url):
    plain = client.get(program_url)
    assert "Content-Encoding" not in plain
    response = client.get(program_url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert shown(gzip.decompress(response.content)) == shown(plain.content)


def test_a_compressed_page_still_revalidates(client, program_url):
    first = client.get(program_url, HTTP_ACCEPT_ENCODING="br")
    again = client.get(program_url, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
