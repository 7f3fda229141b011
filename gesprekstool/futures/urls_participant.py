"""A participant's pages, mounted under their link: /d/<key>/toekomst/..."""

from django.urls import path

from . import views_participant as views

app_name = "futures_fill"

urlpatterns = [
    path("", views.participant_index, name="index"),
    path("<int:prompt_id>/", views.participant_prompt, name="prompt"),
    path("<int:prompt_id>/live/", views.participant_live, name="live"),
    path("bijdrage/<int:contribution_id>/stip/", views.participant_vote, name="vote"),
    path("bijdrage/<int:contribution_id>/intrekken/", views.participant_withdraw, name="withdraw"),
]
