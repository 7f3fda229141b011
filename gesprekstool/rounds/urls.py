from django.urls import include, path

from . import views, views_fill, views_invite, views_meeting, views_own, views_participants, views_review

app_name = "rounds"

# Under <pk>/gesprek/: preparing the conversation.
meeting_patterns = [
    path("", views_meeting.round_prepare, name="prepare"),
    path("opvallend/", views_meeting.observation_toggle, name="observation_toggle"),
    path("eigen/", views_meeting.own_observation_add, name="own_observation_add"),
    path(
        "eigen/<int:observation_id>/verwijderen/",
        views_meeting.own_observation_delete,
        name="own_observation_delete",
    ),
    path("vragen/", views_meeting.question_add, name="question_add"),
    path("vragen/<int:question_id>/", views_meeting.question_update, name="question_update"),
]

# Under <pk>/deelnemers/<participant_id>/: one participant's link and answers.
participant_patterns = [
    path("intrekken/", views_participants.participant_revoke, name="revoke"),
    path("vernieuwen/", views_participants.participant_renew, name="renew"),
    path("heropenen/", views_participants.participant_reopen, name="reopen"),
    path("wijzigen/", views_participants.participant_edit, name="participant_edit"),
    path("verwijderen/", views_participants.participant_delete, name="participant_delete"),
    path("samenvoegen/", views_participants.participant_merge, name="participant_merge"),
]

round_patterns = [
    path("", views.round_detail, name="detail"),
    path("resultaten/", views_meeting.round_results_view, name="results"),
    path("gesprek/", include(meeting_patterns)),
    path("instellingen/", views_meeting.round_settings, name="settings"),
    path("tonen/", views_meeting.round_reveal, name="reveal"),
    path("meedoen/", views_meeting.round_joining, name="joining"),
    path("presentatie/", views_meeting.round_present, name="present"),
    path("presentatie/live/", views_meeting.round_present_live, name="present_live"),
    path("sluiten/", views.round_close, name="close"),
    path("deelnemers/<int:participant_id>/", include(participant_patterns)),
    path("verwijderen/", views.round_delete, name="delete"),
    path("uitnodigen/", views_invite.round_invite, name="invite"),
    path("deelnemers/<int:participant_id>/uitnodigen/", views_invite.round_invite, name="invite_one"),
    path("herinneren/", views_invite.round_remind, name="remind"),
]

urlpatterns = [
    path("", views.round_list, name="list"),
    path("nieuw/", views.round_create, name="create"),
    path("<int:pk>/", include(round_patterns)),
]

# The answering journey; mounted twice: under a participant's link ("fill") and, for
# joint rounds, under the facilitator's round ("joint"). `key` is the token or round id.
fill_patterns = [
    path("", views_fill.fill_intro, name="intro"),
    path("beginnen/", views_fill.fill_start, name="start"),
    path("stap-1/", views_fill.fill_step1, name="step1"),
    path("stap-1/score/<str:theme>/", views_fill.fill_score, name="score"),
    path("stap-1/notitie/", views_fill.fill_note, name="note"),
    path("stap-2/<str:theme>/", views_fill.fill_step2, name="step2"),
    path("stap-2/vraag/<str:question>/", views_fill.fill_question, name="question"),
    path("stap-2/opmerking/<str:theme>/", views_fill.fill_comment, name="comment"),
    path("herzien/", views_review.fill_review, name="review"),
    path("herzien/<str:theme>/", views_review.fill_revise, name="revise"),
    path("klaar/", views_review.fill_done, name="done"),
    path("uitkomsten/", views_review.fill_group_results, name="group_results"),
    path("mijn-antwoorden/", views_own.own_answers, name="own_answers"),
    path("mijn-antwoorden.json", views_own.own_answers_json, name="own_answers_json"),
]
