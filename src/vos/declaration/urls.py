from django.urls import path

from vos.declaration import views, views_signing

urlpatterns = [
    path(
        "declarations/signatures/<str:token>/",
        views_signing.signature,
        name="declaration.signature",
    ),
    path("declarations/<int:pk>/state/", views_signing.state, name="declaration.state"),
    path(
        "declarations/<int:pk>/signatories.csv",
        views_signing.signatories_csv,
        name="declaration.signatories_csv",
    ),
    path("declarations/<int:pk>/print/", views_signing.printable, name="declaration.print"),
    path("declarations/<int:pk>/sign/", views_signing.sign, name="declaration.sign"),
    path(
        "declarations/<int:pk>/sign/organization/",
        views_signing.sign_organization,
        name="declaration.sign_organization",
    ),
    path(
        "declarations/<int:pk>/signatures/<int:signature_pk>/void/",
        views_signing.void,
        name="declaration.void",
    ),
    path("declarations/", views.declaration_list, name="declaration.list"),
    path("declarations/new/", views.create, name="declaration.create"),
    path("declarations/<int:pk>/", views.detail, name="declaration.detail"),
    path("declarations/<int:pk>/edit/", views.edit, name="declaration.edit"),
    path("declarations/<int:pk>/versions/", views.versions, name="declaration.versions"),
    path("declarations/<int:pk>/compare/", views.compare, name="declaration.compare"),
    path(
        "declarations/<int:pk>/versions/<int:number>/restore/",
        views.restore,
        name="declaration.restore",
    ),
    path("declarations/<int:pk>/team/", views.team, name="declaration.team"),
    path(
        "declarations/<int:pk>/translations/", views.translations, name="declaration.translations"
    ),
    path(
        "declarations/<int:pk>/translations/<str:language>/",
        views.translate,
        name="declaration.translate",
    ),
    path("declarations/<int:pk>/comments/", views.comment, name="declaration.comment"),
    path(
        "declarations/<int:pk>/comments/<int:comment_pk>/reply/",
        views.reply,
        name="declaration.reply",
    ),
    path(
        "declarations/<int:pk>/comments/<int:comment_pk>/resolve/",
        views.resolve,
        name="declaration.resolve",
    ),
    path(
        "declarations/<int:pk>/comments/<int:comment_pk>/proposal/",
        views.proposal,
        name="declaration.proposal",
    ),
    path(
        "declarations/<int:pk>/team/<int:member_pk>/remove/",
        views.team_leave,
        name="declaration.team_remove",
    ),
]
