from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from vos.api.v1 import api as api_v1
from vos.common import views as common_views
from vos.home.views import HomeView
from vos.network.views import organizations as organization_views
from vos.news.urls import media_urlpatterns as news_media
from vos.person import views as person_views
from vos.registration.urls import feed_urlpatterns as registration_feeds

# Outside the language prefix: machine endpoints and the language switch itself.
urlpatterns = [
    path("healthz", common_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    *registration_feeds,
    path("", include("vos.schedule.urls")),
    path("api/v1/", api_v1.urls),
    path("media/logos/<str:name>", organization_views.logo, name="organization.logo"),
    *news_media,
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("time-zone/", person_views.time_zone_choose, name="time_zone"),
    path("time-zone/suggestions", common_views.zone_suggestions, name="zone_suggestions"),
    path("time-zone/local-times", common_views.local_times, name="local_times"),
    path("accounts/", include("allauth.urls")),
    path("", include("vos.person.urls")),
    # Before the editions' back office (orga/<edition>/): these name fixed pages in orga/.
    path("", include("vos.newsletter.urls")),
    path("", include("vos.news.urls")),
    path("", include("vos.contact.urls")),
    path("", include("vos.edition.urls")),
    path("", include("vos.activity.urls")),
    path("", include("vos.registration.urls")),
    path("", include("vos.room.urls")),
    path("", include("vos.network.urls")),
    path("", include("vos.declaration.urls")),
    path("", include("vos.forum.urls")),
    path("", include("vos.live.urls")),
    path("", include("vos.team.urls")),
    path("", include("vos.sharing.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

# Errors are pages of the site (vos.home.views), in the reader's language.
handler404 = "vos.home.views.page_not_found"
handler403 = "vos.home.views.permission_denied"
handler500 = "vos.home.views.server_error"
