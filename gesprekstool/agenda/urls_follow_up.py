"""Pages outside a single round: the action overview, owners' personal links, calendar feeds."""

from django.urls import path

from . import views_follow_up as views

app_name = "follow_up"

urlpatterns = [
    path("acties/", views.actions_home, name="actions_home"),
    path("acties/<slug:slug>/", views.action_overview, name="actions"),
    path("mijn-acties/<str:token>/", views.owner_page, name="owner"),
    path("mijn-acties/<str:token>/<int:action_id>/", views.owner_update, name="owner_update"),
    path("agenda-abonnement/<str:token>.ics", views.calendar_feed, name="feed"),
]
