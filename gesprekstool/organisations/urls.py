from django.urls import include, path

from . import views, views_staff

app_name = "organisations"

# Under team/uitnodigingen/<invitation_id>/: a manager's actions on an open invitation.
invitation_patterns = [
    path("opnieuw/", views.invitation_resend, name="invitation_resend"),
    path("intrekken/", views.invitation_withdraw, name="invitation_withdraw"),
]

# Under team/
team_patterns = [
    path("", views.team, name="team"),
    path("<int:organisation_id>/uitnodigen/", views.team_invite, name="invite"),
    path("uitnodigingen/<int:invitation_id>/", include(invitation_patterns)),
    path("leden/<int:member_id>/rol/", views.member_role, name="member_role"),
    path("leden/<int:member_id>/verwijderen/", views.member_remove, name="member_remove"),
]

urlpatterns = [
    path("team/", include(team_patterns)),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("organisatie-kiezen/", views.switch_organisation, name="switch"),
    path("account/", views.account, name="account"),
    path("beheer-organisaties/", views_staff.staff_organisations, name="staff_list"),
    path("beheer-organisaties/nieuw/", views_staff.staff_organisation_create, name="staff_create"),
    path("beheer-organisaties/<slug:slug>/uitnodigen/", views_staff.staff_invite, name="staff_invite"),
]
