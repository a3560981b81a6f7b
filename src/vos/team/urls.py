from django.urls import path

from vos.team import views

urlpatterns = [
    path("editions/<slug:slug>/volunteer/", views.volunteer, name="team.volunteer"),
    path("orga/<slug:slug>/team/", views.team, name="team.team"),
    path("orga/<slug:slug>/interpretation/", views.interpretation, name="team.interpretation"),
    path("my/interpreting/", views.interpreting, name="team.interpreting"),
]
