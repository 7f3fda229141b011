from django.urls import include, path

from . import views

app_name = "indicators"

# Under organisatie/<slug>/cijfers/: an organisation's own figures.
indicator_patterns = [
    path("", views.indicator_list, name="list"),
    path("importeren/", views.indicator_import, name="import"),
    path("nieuw/", views.indicator_create, name="create"),
    path("<int:indicator_id>/", views.indicator_edit, name="edit"),
    path("<int:indicator_id>/verwijderen/", views.indicator_delete, name="delete"),
]

urlpatterns = [
    path("organisatie/<slug:slug>/cijfers/", include(indicator_patterns)),
    path("rondes/<int:pk>/lokale-cijfers/", views.round_indicators, name="round"),
]
