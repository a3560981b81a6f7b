from django.urls import path

from vos.edition import views

urlpatterns = [
    path("editions/", views.edition_list, name="edition.list"),
    path("editions/<slug:slug>/", views.edition_detail, name="edition.detail"),
    path("intention/", views.intention, name="intention"),
    path("intention/compare/", views.intention_compare, name="intention.compare"),
]
