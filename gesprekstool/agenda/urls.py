from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("<int:pk>/actieagenda/", views.agenda_edit, name="edit"),
    path("<int:pk>/actieagenda/acties/", views.action_add, name="action_add"),
    path(
        "<int:pk>/actieagenda/acties/<int:action_id>/verwijderen/", views.action_delete, name="action_delete"
    ),
    path("<int:pk>/actieagenda/afspraken/", views.agreement_save, name="agreement"),
]
