from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, with the newsroom's site (the desk as its start page) as admin.site."""

    default_site = "newsroom.admin.NewsroomAdminSite"
