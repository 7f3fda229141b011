from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("gemeente/<slug:slug>/", views.organisation_programmes, name="organisation"),
    path("deelname/<int:member_id>/delen/", views.member_sharing, name="member_sharing"),
    path("deelname/<int:member_id>/verlaten/", views.member_leave, name="member_leave"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/uitnodigen/", views.programme_invite, name="invite"),
    path("<slug:slug>/download/<str:fmt>/", views.programme_export, name="export"),
]
