from django.urls import include, path

from . import views

app_name = "futures"

# Under <pk>/toekomstbeeld/bijdragen/<contribution_id>/: the facilitator tidies the wall.
contribution_patterns = [
    path("verbergen/", views.contribution_hide, name="hide"),
    path("samenvoegen/", views.contribution_change, {"change": "merge"}, name="merge"),
    path("kop/", views.contribution_change, {"change": "heading"}, name="heading"),
    path("actie/", views.contribution_change, {"change": "to_action"}, name="to_action"),
]

# Under <pk>/toekomstbeeld/: the part's set-up and its wall.
part_patterns = [
    path("", views.part_setup, name="setup"),
    path("verwijderen/", views.part_remove, name="remove"),
    path("muur/", views.wall_view, name="wall"),
    path("muur/live/", views.wall_live, name="wall_live"),
    path("vragen/<int:prompt_id>/bijdrage/", views.contribution_add, name="add"),
    path("bijdragen/<int:contribution_id>/", include(contribution_patterns)),
]

urlpatterns = [
    path("<int:pk>/toekomstbeeld/", include(part_patterns)),
]
