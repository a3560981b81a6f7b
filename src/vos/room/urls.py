from django.urls import path

from vos.room import views

urlpatterns = [
    path("editions/<slug:slug>/activities/<int:pk>/join/", views.join, name="room.join"),
    path("editions/<slug:slug>/rooms/<int:pk>/join/", views.shared_join, name="room.shared_join"),
    path("now/", views.happening_now, name="room.now"),
    path("orga/<slug:slug>/rooms/", views.rooms_timeline, name="room.timeline"),
    path("orga/<slug:slug>/activities/<int:pk>/move/", views.room_move_view, name="room.move"),
]
