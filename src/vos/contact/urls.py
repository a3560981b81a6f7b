from django.urls import path

from vos.contact import views

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("orga/inbox/", views.inbox, name="contact.inbox"),
    path("orga/inbox/<int:pk>/", views.message, name="contact.message"),
]
