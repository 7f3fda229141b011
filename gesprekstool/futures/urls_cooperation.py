"""Cooperation: the presenter's pages (namespace "cooperation", under rondes/) and the participant's
page (namespace "cooperation_fill", under a participant's link d/<key>/toekomst/samenwerking/)."""

from django.urls import include, path

from . import views_cooperation

app_name = "cooperation"

# Under <pk>/toekomstbeeld/samenwerking/
presenter_patterns = [
    path("", views_cooperation.cooperation_present, name="present"),
    path("live/", views_cooperation.cooperation_live, name="live"),
    path("actie/", views_cooperation.cooperation_action, name="action"),
    # A joint part: the facilitator marks (and withdraws) the pairs the group names.
    path("groep/", views_cooperation.group_change, {"change": "mark"}, name="group_mark"),
    path("groep/intrekken/", views_cooperation.group_change, {"change": "withdraw"}, name="group_withdraw"),
]

urlpatterns = [
    path("<int:pk>/toekomstbeeld/samenwerking/", include(presenter_patterns)),
]

participant_patterns = [
    path("", views_cooperation.cooperation_fill, name="marks"),
    path("intrekken/", views_cooperation.cooperation_withdraw, name="withdraw"),
]
