from django.urls import path

from vos.forum import views

urlpatterns = [
    path("editions/<slug:slug>/forum/", views.edition_forum, name="forum.edition"),
    path("forum/activities/<int:pk>/", views.activity_space, name="forum.activity"),
    path("forum/activities/<int:pk>/outcome/", views.outcome, name="forum.outcome"),
    path("editions/<slug:slug>/outcomes/", views.wall, name="forum.wall"),
    path("forum/spaces/<int:pk>/", views.space, name="forum.space"),
    path("forum/spaces/<int:pk>/post/", views.post, name="forum.post"),
    path("forum/contributions/<int:pk>/answer/", views.answer, name="forum.answer"),
    path("forum/contributions/<int:pk>/like/", views.like, name="forum.like"),
]
