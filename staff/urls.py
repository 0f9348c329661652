from django.urls import path

from staff import views

app_name = "staff"

urlpatterns = [
    path("", views.enrol, name="enrol"),
    path("verify/", views.verify, name="verify"),
]
