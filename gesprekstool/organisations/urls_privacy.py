from django.urls import path

from . import views_privacy

app_name = "organisation_privacy"

urlpatterns = [
    path("logboek/", views_privacy.activity_log, name="log"),
    path("bewaartermijnen/", views_privacy.retention_settings, name="retention"),
]
