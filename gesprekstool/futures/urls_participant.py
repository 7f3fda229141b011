"""A participant's pages, mounted under their link: /d/<key>/toekomst/..."""

from django.urls import path

from . import views_participant

app_name = "futures_fill"

urlpatterns = [
    path("", views_participant.participant_index, name="index"),
    path("<int:prompt_id>/", views_participant.participant_prompt, name="prompt"),
    path("<int:prompt_id>/live/", views_participant.participant_live, name="live"),
    path("bijdrage/<int:contribution_id>/stip/", views_participant.participant_vote, name="vote"),
    path(
        "bijdrage/<int:contribution_id>/intrekken/", views_participant.participant_withdraw, name="withdraw"
    ),
]
