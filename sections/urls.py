from django.urls import path

from sections import views

app_name = "sections"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("<slug:section>/", views.SectionDetailView.as_view(), name="detail"),
]
