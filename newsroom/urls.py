from django.contrib import admin
from django.urls import include, path

from newsroom import media
from newsroom.health import healthz

handler403 = "articles.views.permission_denied"
handler500 = "articles.views.server_error"

urlpatterns = [
    # Before the admin, whose own addresses end in a catch-all.
    path("admin/two-factor/", include("staff.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    *media.urlpatterns(),
    path("", include("articles.urls")),
    path("", include("sections.urls")),
]
