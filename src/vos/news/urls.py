from django.urls import path

from vos.news import feeds, views

urlpatterns = [
    path("news/", views.articles, name="news.list"),
    path("news/feed.rss", feeds.RssFeed(), name="news.rss"),
    path("news/feed.atom", feeds.AtomFeed(), name="news.atom"),
    path("news/subjects/<slug:subject>/", views.articles, name="news.subject"),
    path("news/subjects/<slug:subject>/feed.rss", feeds.RssFeed(), name="news.subject_rss"),
    path("news/subjects/<slug:subject>/feed.atom", feeds.AtomFeed(), name="news.subject_atom"),
    path("news/in/<str:language>/feed.rss", feeds.RssFeed(), name="news.language_rss"),
    path("news/in/<str:language>/feed.atom", feeds.AtomFeed(), name="news.language_atom"),
    path("news/<slug:slug>/", views.article, name="news.article"),
    path("pages/<str:kind>/", views.page, name="news.page"),
    path("orga/news/", views.desk, name="news.desk"),
    path("orga/news/new/", views.write, name="news.new"),
    path("orga/news/subjects/<slug:slug>/", views.subject_names, name="news.subject_names"),
    path("orga/news/<slug:slug>/", views.write, name="news.write"),
    path("orga/news/<slug:original>/version/", views.write, name="news.version"),
    path("orga/pages/<str:kind>/", views.page_edit, name="news.page_edit"),
    path("orga/pages/<str:kind>/pictures/", views.page_picture_add, name="news.page_picture"),
]

# Pictures are addressed by their digest, outside the language prefix.
media_urlpatterns = [
    path("media/articles/<str:name>", views.picture, name="news.picture_file"),
    path("media/pages/<str:name>", views.page_picture, name="news.picture"),
]
