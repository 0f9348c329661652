from django.urls import path

from newsroom.pagecache import public_page
from sections import views

app_name = "sections"

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path(
        "<slug:section>/",
        public_page(views.SectionDetailView.as_view()),
        name="detail",
    ),
]
