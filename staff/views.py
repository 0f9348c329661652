from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _


def locked_out(request, original_response=None, credentials=None):
    """
    Answer a sign-in refused by django-axes. The page is the same whether or
    not the username exists, and names no account.
    """
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in paused"),
        "minutes": settings.AXES_COOLOFF_TIME // timedelta(minutes=1),
    }
    # Rendered now: axes answers from a middleware, after the view's response is done.
    return render(
        request,
        "staff/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
