from django.urls import path

from . import views

app_name = "inspiration"

urlpatterns = [
    path("", views.library_index, name="index"),
    path("zoeken/", views.library_search, name="search"),
    path("thema/<str:code>/", views.theme_detail, name="theme"),
    path("achtergrond/", views.background_view, name="background"),
    path("nieuw/", views.entry_create, name="create"),
    path("voorbeeld/<slug:slug>/", views.entry_detail, name="entry"),
    path("voorbeeld/<slug:slug>/bewerken/", views.entry_edit, name="edit"),
]
