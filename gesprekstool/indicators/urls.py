from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("organisatie/<slug:slug>/cijfers/", views.indicator_list, name="list"),
    path("organisatie/<slug:slug>/cijfers/importeren/", views.indicator_import, name="import"),
    path("organisatie/<slug:slug>/cijfers/nieuw/", views.indicator_create, name="create"),
    path("organisatie/<slug:slug>/cijfers/<int:indicator_id>/", views.indicator_edit, name="edit"),
    path(
        "organisatie/<slug:slug>/cijfers/<int:indicator_id>/verwijderen/",
        views.indicator_delete,
        name="delete",
    ),
    path("rondes/<int:pk>/lokale-cijfers/", views.round_indicators, name="round"),
]
