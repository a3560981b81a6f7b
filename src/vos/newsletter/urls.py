from django.urls import path

from vos.newsletter import views

urlpatterns = [
    path("newsletter/", views.subscribe, name="newsletter.subscribe"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="newsletter.confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="newsletter.unsubscribe"),
    path("newsletter/archive/", views.archive, name="newsletter.archive"),
    path("newsletter/archive/<int:pk>/", views.letter, name="newsletter.letter"),
    path("orga/newsletters/", views.letters, name="newsletter.letters"),
    path("orga/newsletters/new/", views.write, name="newsletter.new"),
    path("orga/newsletters/<int:pk>/", views.write, name="newsletter.write"),
]
