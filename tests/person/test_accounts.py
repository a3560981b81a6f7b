import re

import pytest
from allauth.account.models import EmailAddress

from tests.conftest import body_of
from tests.factories import PASSWORD, UserFactory
from vos.person.models import User

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s]+")


def first_link(message) -> str:
    return LINK.search(body_of(message)).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def sign_up(client, capture, email="nadia@example.org", **extra):
    data = {
        "email": email,
        "display_name": "Nadia",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    with capture(execute=True):
        return client.post("/en/accounts/signup/", data)


def test_signup_sends_verification_email_and_verifying_logs_in(
    client, mailbox, django_capture_on_commit_callbacks
):
    client.cookies["vos_tz"] = "America%2FCaracas"
    response = sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"

    person = User.objects.get(email="nadia@example.org")
    assert person.display_name == "Nadia"
    assert person.time_zone == "America/Caracas"
    assert person.preferred_language == "en"
    assert not EmailAddress.objects.get(user=person).verified

    [message] = mailbox.wait_for(1)
    assert message["To"] == "nadia@example.org"
    assert "Confirm" in message["Subject"]
    link = path_of(first_link(message))
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=person).verified
    # Verified in the same browser: the person is now logged in.
    assert client.get("/en/profile/").status_code == 200


def test_signup_in_french_sends_french_email(client, mailbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/accounts/signup/",
            {
                "email": "amadou@example.org",
                "display_name": "Amadou",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    [message] = mailbox.wait_for(1)
    assert "Confirmer" in message["Subject"] or "confirmer" in body_of(message)
    assert User.objects.get(email="amadou@example.org").preferred_language == "fr"


def test_signup_bad_input_creates_nothing(client, mailbox, django_capture_on_commit_callbacks):
    response = sign_up(client, django_capture_on_commit_callbacks, password2="something else")
    assert response.status_code == 200
    assert "You must type the same password each time" in response.content.decode()
    assert not User.objects.exists()
    assert mailbox.messages == []


def test_signup_without_display_name_is_refused(client, django_capture_on_commit_callbacks):
    response = sign_up(client, django_capture_on_commit_callbacks, display_name="")
    assert response.status_code == 200
    assert not User.objects.exists()


def test_login_requires_verified_email(client, mailbox, django_capture_on_commit_callbacks):
    UserFactory(email="kenji@example.org", verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/login/", {"login": "kenji@example.org", "password": PASSWORD}
        )
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert mailbox.wait_for(1)[0]["To"] == "kenji@example.org"


def test_login_and_logout(client):
    UserFactory(email="grace@example.org")
    response = client.post(
        "/en/accounts/login/", {"login": "grace@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/en/profile/").status_code == 200
    client.post("/en/accounts/logout/")
    assert client.get("/en/profile/")["Location"].startswith("/en/accounts/login/")


def test_login_wrong_password_is_refused_then_rate_limited(client):
    UserFactory(email="tom@example.org")
    for _attempt in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": "tom@example.org", "password": "nope"}
        )
        assert "not correct" in response.content.decode()
    response = client.post(
        "/en/accounts/login/", {"login": "tom@example.org", "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/en/profile/").status_code == 302


def test_signup_is_rate_limited(client, settings, django_capture_on_commit_callbacks):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    for number in range(2):
        sign_up(client, django_capture_on_commit_callbacks, email=f"p{number}@example.org")
        client.logout()
    response = sign_up(client, django_capture_on_commit_callbacks, email="p9@example.org")
    assert response.status_code == 429
    assert not User.objects.filter(email="p9@example.org").exists()


def test_password_reset_by_email(client, mailbox, django_capture_on_commit_callbacks):
    UserFactory(email="priya@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/password/reset/", {"email": "priya@example.org"})
    [message] = mailbox.wait_for(1)
    assert message["To"] == "priya@example.org"
    link = path_of(first_link(message))
    response = client.get(link)
    assert response.status_code == 302  # allauth hides the key behind a redirect
    form_url = response["Location"]
    response = client.post(
        form_url, {"password1": "a new long passphrase", "password2": "a new long passphrase"}
    )
    assert response.status_code == 302
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "priya@example.org", "password": "a new long passphrase"}
    )
    assert response.status_code == 302
    assert client.get("/en/profile/").status_code == 200


def test_change_email_after_verification(client, mailbox, django_capture_on_commit_callbacks):
    person = UserFactory(email="old@example.org")
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/email/", {"action_add": "", "email": "new@example.org"}
        )
    assert response.status_code == 302
    [message] = mailbox.wait_for(1)
    assert message["To"] == "new@example.org"
    person.refresh_from_db()
    assert person.email == "old@example.org"  # unchanged until the new one is verified
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_of(first_link(message)))
    person.refresh_from_db()
    assert person.email == "new@example.org"


def test_account_pages_and_emails_speak_brazilian_portuguese(
    client, mailbox, django_capture_on_commit_callbacks, settings
):
    settings.VOS_SITE_NAME = "Fórum Viral"
    login = client.get("/pt/accounts/login/").content.decode()
    signup = client.get("/pt/accounts/signup/").content.decode()
    assert "Senha" in login
    for european in ("Palavra-passe", "utilizador", "Enviámos"):
        assert european not in login + signup
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/pt/accounts/signup/",
            {
                "email": "joana@example.org",
                "display_name": "Joana",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    [message] = mailbox.wait_for(1)
    text = body_of(message)
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Fórum Viral" in text  # the site's name, not the host it was reached through
    assert "Enviámos" not in text
    assert 'href="http' in html  # an HTML part, with the link as a link
    assert first_link(message).rstrip(".") in html
