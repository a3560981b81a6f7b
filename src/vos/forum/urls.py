from django.urls import path

from vos.forum import views, views_following, views_ideas, views_moderation

urlpatterns = [
    path("editions/<slug:slug>/forum/", views.edition_forum, name="forum.edition"),
    path("forum/activities/<int:pk>/", views.activity_space, name="forum.activity"),
    path("forum/activities/<int:pk>/outcome/", views.outcome, name="forum.outcome"),
    path("editions/<slug:slug>/outcomes/", views.wall, name="forum.wall"),
    path("forum/outcomes/<int:pk>/support/", views.support, name="forum.support"),
    path("forum/spaces/<int:pk>/", views.space, name="forum.space"),
    path("forum/spaces/<int:pk>/post/", views.post, name="forum.post"),
    path("forum/spaces/<int:pk>/notes/", views.notes, name="forum.notes"),
    path("forum/spaces/<int:pk>/notes/post/", views.note, name="forum.note"),
    path("forum/contributions/<int:pk>/answer/", views.answer, name="forum.answer"),
    path("forum/contributions/<int:pk>/like/", views.like, name="forum.like"),
    path(
        "forum/contributions/<int:pk>/",
        views_moderation.contribution,
        name="forum.contribution",
    ),
    path("forum/contributions/<int:pk>/edit/", views_moderation.edit, name="forum.edit"),
    path("forum/contributions/<int:pk>/report/", views_moderation.report, name="forum.report"),
    path("forum/contributions/<int:pk>/decide/", views_moderation.decide, name="forum.decide"),
    path("forum/moderation/", views_moderation.queue, name="forum.queue"),
    path("forum/search/", views_ideas.memory, name="forum.memory"),
    path("forum/follow/", views_following.follow, name="forum.follow"),
    path(
        "forum/unsubscribe/<str:token>/",
        views_following.unsubscribe,
        name="forum.unsubscribe",
    ),
    path("editions/<slug:slug>/forum/ideas/", views_ideas.tree, name="forum.ideas"),
    path("forum/branches/<int:pk>/", views_ideas.branch, name="forum.branch"),
    path("forum/contributions/<int:pk>/link/", views_ideas.link, name="forum.link"),
    path("forum/summaries/new/", views_ideas.summary_form, name="forum.summary_new"),
    path("forum/summaries/<int:pk>/", views_ideas.summary, name="forum.summary"),
    path("forum/summaries/<int:pk>/edit/", views_ideas.summary_form, name="forum.summary_edit"),
    path("forum/people/<int:pk>/block/", views_moderation.block, name="forum.block"),
]
