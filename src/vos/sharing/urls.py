from django.urls import path

from vos.sharing import views

urlpatterns = [
    path("editions/<slug:slug>/invite/", views.edition_invite, name="sharing.edition"),
    path("editions/<slug:slug>/invite/card.png", views.edition_card, name="sharing.edition_card"),
    path("editions/<slug:slug>/invite/qr.<str:kind>", views.edition_qr, name="sharing.edition_qr"),
    path(
        "editions/<slug:slug>/activities/<int:pk>/invite/",
        views.activity_invite,
        name="sharing.activity",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/invite/card.png",
        views.activity_card,
        name="sharing.activity_card",
    ),
    path(
        "editions/<slug:slug>/activities/<int:pk>/invite/qr.<str:kind>",
        views.activity_qr,
        name="sharing.activity_qr",
    ),
    path("editions/<slug:slug>/invite/send/", views.edition_send, name="sharing.edition_send"),
    path(
        "editions/<slug:slug>/activities/<int:pk>/invite/send/",
        views.activity_send,
        name="sharing.activity_send",
    ),
    path("share/mastodon/", views.mastodon, name="sharing.mastodon"),
]
