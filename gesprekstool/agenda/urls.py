from django.urls import include, path

from . import views

app_name = "agenda"

# Under <pk>/actieagenda/: the round's action agenda.
agenda_patterns = [
    path("", views.agenda_edit, name="edit"),
    path("acties/", views.action_add, name="action_add"),
    path("acties/<int:action_id>/", views.action_detail, name="action"),
    path("acties/<int:action_id>/verwijderen/", views.action_delete, name="action_delete"),
    path("acties/<int:action_id>/link/", views.owner_link, name="owner_link"),
    path("afspraken/", views.agreement_save, name="agreement"),
    path("agenda.ics", views.round_ics, name="ics"),
    path("agenda-abonnement/", views.calendar_feed_manage, name="feed"),
]

urlpatterns = [
    path("<int:pk>/actieagenda/", include(agenda_patterns)),
    path("<int:pk>/herhalen/", views.round_repeat, name="repeat"),
    path("<int:pk>/terugblik/", views.round_review, name="review"),
]
