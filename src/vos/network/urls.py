from django.urls import path

from vos.network.views import (
    activities,
    facilitation,
    initiatives,
    members,
    networks,
    organizations,
)

urlpatterns = [
    path("actions/", initiatives.calendar, name="initiative.calendar"),
    path("actions.ics", initiatives.calendar_ics, name="initiative.calendar_ics"),
    path("initiatives/new/", initiatives.create, name="initiative.create"),
    path("initiatives/<int:pk>/", initiatives.detail, name="initiative.detail"),
    path("initiatives/<int:pk>/edit/", initiatives.edit, name="initiative.edit"),
    path("initiatives/<int:pk>/support/", initiatives.support, name="initiative.support"),
    path("organizations/", organizations.directory, name="organization.directory"),
    path("organizations/new/", organizations.create, name="organization.create"),
    path("organizations/suggest", organizations.suggest, name="organization.suggest"),
    path("organizations/claims/", facilitation.claims, name="organization.claims"),
    path(
        "organizations/claims/<int:claim_pk>/answer/",
        facilitation.claim_answer,
        name="organization.claim_answer",
    ),
    path(
        "organizations/invitations/<str:token>/",
        members.invitation,
        name="organization.invitation",
    ),
    path("organizations/<int:pk>/", organizations.detail, name="organization.detail"),
    path("organizations/<int:pk>/edit/", organizations.edit, name="organization.edit"),
    path("organizations/<int:pk>/join/", members.join, name="organization.join"),
    path("organizations/<int:pk>/leave/", members.leave, name="organization.leave"),
    path("organizations/<int:pk>/visibility/", members.visibility, name="organization.visibility"),
    path("organizations/<int:pk>/follow/", members.follow, name="organization.follow"),
    path("organizations/<int:pk>/claim/", members.claim, name="organization.claim"),
    path("organizations/<int:pk>/members/", members.members, name="organization.members"),
    path(
        "organizations/<int:pk>/members/<int:membership_pk>/answer/",
        members.answer,
        name="organization.member_answer",
    ),
    path(
        "organizations/<int:pk>/members/<int:membership_pk>/role/",
        members.role,
        name="organization.member_role",
    ),
    path(
        "organizations/<int:pk>/members/<int:membership_pk>/remove/",
        members.remove,
        name="organization.member_remove",
    ),
    path("organizations/<int:pk>/networks/", networks.networks, name="organization.networks"),
    path("organizations/<int:pk>/networks/ask/", networks.ask, name="organization.network_ask"),
    path(
        "organizations/<int:pk>/networks/<int:link_pk>/answer/",
        networks.answer,
        name="organization.network_answer",
    ),
    path(
        "organizations/<int:pk>/networks/<int:link_pk>/end/",
        networks.end,
        name="organization.network_end",
    ),
    path(
        "organizations/<int:pk>/activities/",
        activities.activities,
        name="organization.activities",
    ),
    path(
        "organizations/<int:pk>/activities/<int:link_pk>/answer/",
        activities.answer,
        name="organization.activity_answer",
    ),
    path(
        "organizations/<int:pk>/activities/<int:link_pk>/withdraw/",
        activities.withdraw,
        name="organization.activity_withdraw",
    ),
    path("organizations/<int:pk>/verify/", facilitation.verify, name="organization.verify"),
    path("organizations/<int:pk>/merge/", facilitation.merge, name="organization.merge"),
]
