from django.urls import path

from . import views

app_name = "futures"

urlpatterns = [
    path("<int:pk>/toekomstbeeld/", views.part_setup, name="setup"),
    path("<int:pk>/toekomstbeeld/verwijderen/", views.part_remove, name="remove"),
    path("<int:pk>/toekomstbeeld/muur/", views.wall_view, name="wall"),
    path("<int:pk>/toekomstbeeld/muur/live/", views.wall_live, name="wall_live"),
    path("<int:pk>/toekomstbeeld/vragen/<int:prompt_id>/bijdrage/", views.contribution_add, name="add"),
    path(
        "<int:pk>/toekomstbeeld/bijdragen/<int:contribution_id>/verbergen/",
        views.contribution_hide,
        name="hide",
    ),
    path(
        "<int:pk>/toekomstbeeld/bijdragen/<int:contribution_id>/samenvoegen/",
        views.contribution_change,
        {"change": "merge"},
        name="merge",
    ),
    path(
        "<int:pk>/toekomstbeeld/bijdragen/<int:contribution_id>/kop/",
        views.contribution_change,
        {"change": "heading"},
        name="heading",
    ),
    path(
        "<int:pk>/toekomstbeeld/bijdragen/<int:contribution_id>/actie/",
        views.contribution_change,
        {"change": "to_action"},
        name="to_action",
    ),
]
