from django.urls import path

from vos.person import views

urlpatterns = [
    path("profile/", views.ProfileEditView.as_view(), name="person.profile_edit"),
    path("profile/delete/", views.AccountDeleteView.as_view(), name="person.account_delete"),
    path("profile/api-tokens/", views.api_tokens, name="person.api_tokens"),
    path("profile/my-data.json", views.DataExportView.as_view(), name="person.data_export"),
    path("people/<int:pk>/", views.ProfileDetailView.as_view(), name="person.detail"),
]
