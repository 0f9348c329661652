from datetime import timedelta

import django_otp
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from staff import twofactor
from staff.forms import CodeForm

# The secret of a device being set up stays in the session until its first code.
ENROLMENT_KEY = "staff_two_factor_key"


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


def _next_page(request):
    """Return the page asked for before the code, if it is on this site, else the admin's front."""
    wanted = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


def _render(request, template, title, **context):
    return TemplateResponse(
        request,
        template,
        {
            **admin.site.each_context(request),
            "title": title,
            "next": _next_page(request),
            **context,
        },
    )


@staff_member_required
@never_cache
def enrol(request):
    """Turn on two-factor sign-in: scan the QR code (or type the key), then give a first code."""
    user = request.user
    if twofactor.device_of(user) is not None:
        if not user.is_verified():
            return redirect_to_login(
                _next_page(request), reverse("staff:verify"), "next"
            )
        return _render(request, "staff/enrolled.html", _("Two-factor sign-in"))
    key = request.session.get(ENROLMENT_KEY) or twofactor.new_key()
    request.session[ENROLMENT_KEY] = key
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = twofactor.enrol(user, key, form.cleaned_data["code"])
        if device is not None:
            del request.session[ENROLMENT_KEY]
            django_otp.login(request, device)
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect(_next_page(request))
        form.add_error(
            "code",
            _(
                "That code does not match. Check the app shows this account, then type its current code."
            ),
        )
    return _render(
        request,
        "staff/enrol.html",
        _("Turn on two-factor sign-in"),
        form=form,
        required=twofactor.next_step(user) == twofactor.ENROL,
        # Markup qrcode made from the key alone, nothing a person typed.
        qr_code=mark_safe(twofactor.qr_code_svg(user, key)),
        manual_key=twofactor.manual_key(key),
    )


@staff_member_required
@never_cache
def verify(request):
    """Ask for the code of a person who has two-factor sign-in, once per sign-in."""
    user = request.user
    device = twofactor.device_of(user)
    if device is None or user.is_verified():
        return redirect(_next_page(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"]):
            django_otp.login(request, device)
            return redirect(_next_page(request))
        form.add_error(
            "code",
            _("That code is not right. Type the code your app shows now.")
            if allowed
            else _(
                "Too many wrong codes. Wait a minute, then type the code your app shows."
            ),
        )
    return _render(request, "staff/verify.html", _("Enter your code"), form=form)
