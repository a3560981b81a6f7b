from django.urls import path

from vos.live import views

urlpatterns = [
    path("live/activities/<int:pk>/speakers/", views.page, name="live.speakers"),
    path("live/activities/<int:pk>/speakers/now/", views.now, name="live.speakers_now"),
    path("live/activities/<int:pk>/speakers/act/", views.act, name="live.speakers_act"),
]
