from django.urls import path

from . import views

app_name = "two_factor"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("instellen/", views.setup, name="setup"),
    path("herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("uitzetten/", views.disable, name="disable"),
]
