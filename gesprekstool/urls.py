from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gesprekstool.futures import urls_cooperation
from gesprekstool.lib.views import health
from gesprekstool.organisations import views as organisation_views
from gesprekstool.organisations.forms import LoginForm
from gesprekstool.rounds import views as round_views
from gesprekstool.rounds import views_join
from gesprekstool.rounds.urls import fill_patterns
from gesprekstool.twofactor import views as two_factor_views

# Password reset and change: Django's views, our Dutch templates in templates/registration/.
password_reset_patterns = [
    path("", organisation_views.PasswordResetView.as_view(), name="password_reset"),
    path("verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "<uidb64>/<token>/",
        organisation_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("klaar/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

password_change_patterns = [
    path("", organisation_views.PasswordChangeView.as_view(), name="password_change"),
    path("gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]

urlpatterns = [
    # First: a participant's autosave is the most frequent request, and Django tries the patterns in
    # order (no other pattern starts with "d/").
    path("d/<str:key>/", include((fill_patterns, "fill"), namespace="fill")),
    path("d/<str:key>/toekomst/", include("gesprekstool.futures.urls_participant")),
    path("", round_views.home, name="home"),
    path("inloggen/", two_factor_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("inloggen/code/", two_factor_views.login_code, name="login_code"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", include(password_reset_patterns)),
    path("account/wachtwoord/", include(password_change_patterns)),
    path("", include("gesprekstool.organisations.urls")),
    path("rondes/", include("gesprekstool.rounds.urls")),
    path("rondes/", include("gesprekstool.agenda.urls")),
    path("", include("gesprekstool.agenda.urls_follow_up")),
    path("voortgang/", include("gesprekstool.monitoring.urls")),
    path("rondes/", include("gesprekstool.reports.urls")),
    path("rondes/", include("gesprekstool.futures.urls")),
    path("", include("gesprekstool.indicators.urls")),
    path("rondes/<str:key>/samen/", include((fill_patterns, "fill"), namespace="joint")),
    path("meedoen/", views_join.join_start, name="join_start"),
    path("meedoen/<str:code>/", views_join.join_round, name="join_round"),
    path("inspiratie/", include("gesprekstool.inspiration.urls")),
    path("programmas/", include("gesprekstool.programmes.urls")),
    path("rondes/", include("gesprekstool.futures.urls_cooperation")),
    path(
        "d/<str:key>/toekomst/samenwerking/",
        include((urls_cooperation.participant_patterns, "cooperation_fill"), namespace="cooperation_fill"),
    ),
    path("organisatie/<slug:slug>/", include("gesprekstool.organisations.urls_privacy")),
    path("", include("gesprekstool.statements.urls")),
    path("account/tweestapsverificatie/", include("gesprekstool.twofactor.urls")),
    # Before the admin's own login page, which would skip the code step.
    path("beheer/login/", two_factor_views.admin_login, name="admin_login"),
    path("beheer/", admin.site.urls),
    path("gezond/", health, name="health"),
    path("taal/", organisation_views.language_switch, name="set_language"),
]
