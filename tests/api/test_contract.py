"""schemathesis sends generated requests to a live server, with a token for the writes:
no server error, and every response matches the OpenAPI document."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.person.services import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)


# What the issue asks: no server error, and every response as the document says. Business
# rules (an end before the start, a closed edition) rightly refuse some schema-valid input.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_api_matches_its_openapi_document(live_server):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition("contract", facilitators=[facilitator])
    for number in range(3):
        make_activity(edition, title=f"Activity {number}", organizer=facilitator)
    _row, token = api_token_create(person=facilitator, name="contract")
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema")
    headers = {"Authorization": f"Bearer {token}"}
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
        checked.append(operation.label)
    assert len(checked) >= 10
