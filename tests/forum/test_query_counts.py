"""Every list of the Open Forum costs the same number of queries for few items and for
many: a branch page, the moderation queue, the memory search, the wall of outcomes, the
API's contributions."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.forum import ideas
from vos.forum.models import BranchLink, Contribution, Outcome, Report
from vos.forum.services import space_of_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    intention_text()
    team = UserFactory()
    edition = make_edition(facilitators=[team])
    space = space_of_theme(edition.themes.create(name="Climate"))
    return team, edition, space


def posts(space, count):
    author = UserFactory()
    Contribution.objects.bulk_create(
        [
            Contribution(
                space=space, kind="proposal", author=author, body=f"Seed idea {n}", language="en"
            )
            for n in range(count)
        ]
    )
    return list(Contribution.objects.filter(space=space))


def count_queries(client, url, params=None):
    """The number of queries of one request, and its page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("page", ["branch", "queue", "memory", "api"])
def test_forum_lists_cost_the_same_for_5_and_500(
    client, world, page, django_assert_max_num_queries
):
    team, edition, space = world
    branch = ideas.branch_create(facilitator=team, edition=edition, title="Seeds", language="en")
    client.force_login(team)
    urls = {
        "branch": (branch.get_absolute_url(), None),
        "queue": (reverse("forum.queue"), None),
        "memory": (reverse("forum.memory"), {"q": "seed"}),
        "api": (f"/api/v1/forum/spaces/{space.pk}/contributions", {"limit": 200}),
    }
    url, params = urls[page]
    counts = []
    for total in (5, 500):
        made = posts(space, total - Contribution.objects.count())
        BranchLink.objects.bulk_create([BranchLink(branch=branch, contribution=c) for c in made])
        Report.objects.bulk_create(
            [
                Report(contribution=c, reporter=UserFactory() if n == 0 else None, reason="spam")
                for n, c in enumerate(made)
            ]
        )
        queries, _html = count_queries(client, url, params)
        counts.append(queries)
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("count", [3, 30])
def test_the_wall_costs_the_same_for_few_and_many(client, world, count, django_assert_num_queries):
    _team, edition, _space = world
    for number in range(count):
        Outcome.objects.create(
            activity=make_activity(edition, title=f"A{number}"), summary=f"Outcome {number}"
        )
    client.force_login(UserFactory())
    with django_assert_num_queries(9):
        html = client.get(reverse("forum.wall", kwargs={"slug": edition.slug})).content.decode()
    assert html.count('class="outcome-card"') == count
