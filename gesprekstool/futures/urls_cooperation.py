"""Cooperation: the presenter's pages (namespace "cooperation", under rondes/) and the participant's
page (namespace "cooperation_fill", under a participant's link d/<key>/toekomst/samenwerking/)."""

from django.urls import path

from . import views_cooperation

app_name = "cooperation"

urlpatterns = [
    path("<int:pk>/toekomstbeeld/samenwerking/", views_cooperation.cooperation_present, name="present"),
    path("<int:pk>/toekomstbeeld/samenwerking/live/", views_cooperation.cooperation_live, name="live"),
    path("<int:pk>/toekomstbeeld/samenwerking/actie/", views_cooperation.cooperation_action, name="action"),
    # A joint part: the facilitator marks (and withdraws) the pairs the group names.
    path(
        "<int:pk>/toekomstbeeld/samenwerking/groep/",
        views_cooperation.group_change,
        {"change": "mark"},
        name="group_mark",
    ),
    path(
        "<int:pk>/toekomstbeeld/samenwerking/groep/intrekken/",
        views_cooperation.group_change,
        {"change": "withdraw"},
        name="group_withdraw",
    ),
]

participant_patterns = [
    path("", views_cooperation.cooperation_fill, name="marks"),
    path("intrekken/", views_cooperation.cooperation_withdraw, name="withdraw"),
]
