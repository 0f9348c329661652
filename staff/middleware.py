from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from staff import twofactor

# The admin's own pages that stay open before the code: signing in as someone else, and out.
OPEN_ADMIN_PAGES = frozenset({"login", "logout"})


class TwoFactorMiddleware:
    """
    Send staff who must give a code (they turned two-factor sign-in on, or
    their role requires it) to give it, or to set it up, before the admin or
    a preview opens. After django-otp's OTPMiddleware, which marks a session
    whose code was given.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        staff_page = (
            match.namespace == "admin" and match.url_name not in OPEN_ADMIN_PAGES
        ) or match.view_name == "articles:preview"
        user = request.user
        if not (staff_page and user.is_authenticated and user.is_staff):
            return None
        step = twofactor.next_step(user)
        if step is None:
            return None
        return redirect_to_login(
            request.get_full_path(), reverse(f"staff:{step}"), "next"
        )
