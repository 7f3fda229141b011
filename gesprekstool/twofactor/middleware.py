"""REQUIRE_2FA: a logged-in user without a verified second step sees the setup page first."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

# Pages a logged-in user may still reach before setting up the app: the setup itself, logging in
# and out, and the pages that do not need an account at all (participant, owner and join links).
ALLOWED_NAMESPACES = {"two_factor", "fill"}
ALLOWED_NAMES = {
    "login",
    "login_code",
    "logout",
    "health",
    "join_start",
    "join_round",
    "follow_up:owner",
    "follow_up:owner_update",
    "follow_up:feed",
    # Public pages: the statements, resetting a forgotten password, and accepting an invitation
    # (a new member is logged in by it and then sent to the setup page like everyone else).
    "statements:privacy",
    "statements:accessibility",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "organisations:invitation",
}


class RequireTwoFactorMiddleware:
    """With REQUIRE_2FA=1, sends every logged-in user whose session is not OTP-verified to the setup
    page. Needs django_otp's OTPMiddleware before it (for `user.is_verified`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if not settings.REQUIRE_2FA or not request.user.is_authenticated or request.user.is_verified():
            return None
        match = request.resolver_match
        if match.namespace in ALLOWED_NAMESPACES or match.view_name in ALLOWED_NAMES:
            return None
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(_setup_url())
        return redirect(_setup_url())


def _setup_url() -> str:
    return reverse("two_factor:setup")
