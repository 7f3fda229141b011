from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("<int:pk>/actieagenda/", views.agenda_edit, name="edit"),
    path("<int:pk>/actieagenda/acties/", views.action_add, name="action_add"),
    path("<int:pk>/actieagenda/acties/<int:action_id>/", views.action_detail, name="action"),
    path(
        "<int:pk>/actieagenda/acties/<int:action_id>/verwijderen/", views.action_delete, name="action_delete"
    ),
    path("<int:pk>/actieagenda/acties/<int:action_id>/link/", views.owner_link, name="owner_link"),
    path("<int:pk>/actieagenda/afspraken/", views.agreement_save, name="agreement"),
    path("<int:pk>/actieagenda/agenda.ics", views.round_ics, name="ics"),
    path("<int:pk>/actieagenda/agenda-abonnement/", views.calendar_feed_manage, name="feed"),
    path("<int:pk>/herhalen/", views.round_repeat, name="repeat"),
    path("<int:pk>/terugblik/", views.round_review, name="review"),
]
