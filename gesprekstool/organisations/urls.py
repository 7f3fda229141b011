from django.urls import path

from . import views, views_staff

app_name = "organisations"

urlpatterns = [
    path("team/", views.team, name="team"),
    path("team/<int:organisation_id>/uitnodigen/", views.team_invite, name="invite"),
    path(
        "team/uitnodigingen/<int:invitation_id>/opnieuw/", views.invitation_resend, name="invitation_resend"
    ),
    path(
        "team/uitnodigingen/<int:invitation_id>/intrekken/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("team/leden/<int:member_id>/rol/", views.member_role, name="member_role"),
    path("team/leden/<int:member_id>/verwijderen/", views.member_remove, name="member_remove"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("organisatie-kiezen/", views.switch_organisation, name="switch"),
    path("account/", views.account, name="account"),
    path("beheer-organisaties/", views_staff.staff_organisations, name="staff_list"),
    path("beheer-organisaties/nieuw/", views_staff.staff_organisation_create, name="staff_create"),
    path("beheer-organisaties/<slug:slug>/uitnodigen/", views_staff.staff_invite, name="staff_invite"),
]
