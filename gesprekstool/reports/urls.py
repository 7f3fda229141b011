from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("<int:pk>/downloaden/", views.downloads, name="downloads"),
    path("<int:pk>/downloaden/<str:fmt>/", views.download, name="download"),
    path("<int:pk>/downloaden/<str:fmt>/maken/", views.prepare, name="prepare"),
]
