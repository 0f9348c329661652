from functools import partial

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

# Models that other apps own but the newsroom works with: listed among the
# newsroom's own, so no raw app label ("TAGGIT") shows in the admin.
NEWSROOM_APP = "articles"
FOLDED_IN = frozenset({"taggit"})
# Other apps under the names a newsroom knows them by.
APP_NAMES = {
    "auth": _("People and roles"),
    "axes": _("Sign-in lockouts"),
    "otp_totp": _("Two-factor sign-in devices"),
}


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom")
    site_title = _("Newsroom")
    index_title = _("Desk")
    index_template = "admin/desk.html"

    def index(self, request, extra_context=None):
        from articles import desk

        return super().index(
            request, {"desk": desk.for_user(request.user), **(extra_context or {})}
        )

    def get_urls(self):
        from articles import reports

        report = self.admin_view(partial(reports.most_read_report, admin_site=self))
        return [
            path("most-read/", report, name="most_read"),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        for app in apps:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
        newsroom = next((app for app in apps if app["app_label"] == NEWSROOM_APP), None)
        if newsroom is None:
            return apps
        for app in apps:
            if app["app_label"] in FOLDED_IN:
                newsroom["models"].extend(app["models"])
        newsroom["models"].sort(key=lambda model: str(model["name"]))
        return [app for app in apps if app["app_label"] not in FOLDED_IN]
