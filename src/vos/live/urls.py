from django.urls import path

from vos.live import views, views_groups, views_market, views_welcome

urlpatterns = [
    path("live/activities/<int:pk>/speakers/", views.page, name="live.speakers"),
    path("live/activities/<int:pk>/speakers/now/", views.now, name="live.speakers_now"),
    path("live/activities/<int:pk>/speakers/act/", views.act, name="live.speakers_act"),
    path("live/activities/<int:pk>/market/", views_market.page, name="live.market"),
    path("live/activities/<int:pk>/market/now/", views_market.now, name="live.market_now"),
    path("live/activities/<int:pk>/market/act/", views_market.act, name="live.market_act"),
    path("live/activities/<int:pk>/groups/", views_groups.page, name="live.groups"),
    path("welcome-groups/", views_welcome.groups, name="live.welcome"),
    path("welcome-groups/<int:pk>/", views_welcome.membership, name="live.welcome_membership"),
]
