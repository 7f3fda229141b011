from django.urls import path

from . import views

app_name = "statements"

urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
