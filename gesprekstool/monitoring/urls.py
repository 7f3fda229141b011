from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.progress_home, name="home"),
    path("<slug:slug>/", views.progress_view, name="progress"),
]
