from django.urls import path

from vos.activity.views import orga, proposer, public, rooms

urlpatterns = [
    path("editions/<slug:slug>/program/", public.program, name="activity.program"),
    path("editions/<slug:slug>/propose/", proposer.activity_propose_view, name="activity.propose"),
    path(
        "editions/<slug:slug>/activities/<int:pk>/", public.activity_detail, name="activity.detail"
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/ask-translation/",
        public.ask_translation,
        name="activity.ask_translation",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>.ics",
        public.activity_calendar,
        name="activity.ics",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/edit/",
        proposer.activity_edit_view,
        name="activity.edit",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/cancel/",
        proposer.activity_cancel_view,
        name="activity.cancel",
    ),
    path("invitations/<str:token>/", proposer.invitation_view, name="activity.invitation"),
    path("my/activities/", proposer.my_activities, name="activity.mine"),
    path("orga/<slug:slug>/", orga.queue, name="activity.orga_queue"),
    path("orga/<slug:slug>/log/", orga.log, name="activity.orga_log"),
    path("orga/<slug:slug>/activities.csv", orga.activities_csv, name="activity.orga_csv"),
    path(
        "orga/<slug:slug>/organizations.csv",
        orga.organizations_csv,
        name="activity.orga_organizations_csv",
    ),
    path(
        "orga/<slug:slug>/activities/<int:pk>/", orga.activity_review, name="activity.orga_review"
    ),
    path(
        "orga/<slug:slug>/activities/<int:pk>/decide/",
        orga.activity_decision,
        name="activity.orga_decide",
    ),
    path(
        "orga/<slug:slug>/activities/<int:pk>/flags/",
        orga.activity_flags,
        name="activity.orga_flags",
    ),
    # The rooms of activities; the names say "room" as the addresses do.
    path("editions/<slug:slug>/activities/<int:pk>/join/", rooms.join, name="room.join"),
    path("now/", rooms.happening_now, name="room.now"),
    path("orga/<slug:slug>/rooms/", rooms.rooms_timeline, name="room.timeline"),
    path("orga/<slug:slug>/activities/<int:pk>/move/", rooms.room_move_view, name="room.move"),
]
