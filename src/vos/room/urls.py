from django.urls import path

from vos.room import views

urlpatterns = [
    path("editions/<slug:slug>/rooms/<int:pk>/join/", views.shared_join, name="room.shared_join"),
]
