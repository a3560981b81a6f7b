from django.urls import path

from vos.schedule import views

# Outside the language prefix: conference apps and calendars fetch these.
urlpatterns = [
    path("editions/<slug:slug>/schedule.xml", views.schedule_xml, name="schedule.xml"),
    path("editions/<slug:slug>/schedule.json", views.schedule_json, name="schedule.json"),
    path("editions/<slug:slug>/schedule.ics", views.schedule_ics, name="schedule.ics"),
]
