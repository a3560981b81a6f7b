from django.urls import path

from vos.registration import views

urlpatterns = [
    path(
        "editions/<slug:slug>/activities/<int:pk>/register/",
        views.register,
        name="registration.register",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/unregister/",
        views.unregister,
        name="registration.unregister",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/registrations/",
        views.registrants,
        name="registration.registrants",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/registrations.csv",
        views.registrants_csv,
        name="registration.csv",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/registrations/message/",
        views.registrants_message,
        name="registration.message",
    ),
    path("my/agenda/", views.agenda, name="registration.agenda"),
    path("my/agenda/new-feed-address/", views.feed_regenerate, name="registration.feed_regenerate"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="registration.unsubscribe"),
]

# Outside the language prefix: calendar clients subscribe to these.
feed_urlpatterns = [
    path("feeds/editions/<slug:slug>.ics", views.feed_edition, name="registration.feed_edition"),
    path("feeds/agenda/<str:token>.ics", views.feed_personal, name="registration.feed_personal"),
]
