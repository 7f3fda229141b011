from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gesprekstool.lib.views import health
from gesprekstool.rounds import views as round_views
from gesprekstool.rounds import views_meeting
from gesprekstool.rounds.urls import fill_patterns

urlpatterns = [
    path("", round_views.home, name="home"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("rondes/", include("gesprekstool.rounds.urls")),
    path("rondes/", include("gesprekstool.agenda.urls")),
    path("", include("gesprekstool.agenda.urls_follow_up")),
    path("voortgang/", include("gesprekstool.monitoring.urls")),
    path("rondes/", include("gesprekstool.reports.urls")),
    path("rondes/<str:key>/samen/", include((fill_patterns, "fill"), namespace="joint")),
    path("d/<str:key>/", include((fill_patterns, "fill"), namespace="fill")),
    path("meedoen/", views_meeting.join_start, name="join_start"),
    path("meedoen/<str:code>/", views_meeting.join_round, name="join_round"),
    path("inspiratie/", include("gesprekstool.inspiration.urls")),
    path("beheer/", admin.site.urls),
    path("gezond/", health, name="health"),
]
