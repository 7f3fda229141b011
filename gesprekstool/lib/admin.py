"""The Django admin (/beheer/) behind the same two-step login as the rest of the site."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class VerifiedAdminSite(AdminSite):
    """Only active staff who logged in with their authenticator app (or a recovery code) may use
    the admin, whether or not REQUIRE_2FA is on: the admin can change every organisation's data,
    so a password alone is never enough. Its own login page is replaced by the site's
    (see urls.py), which asks for the code."""

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and request.user.is_verified()


class VerifiedAdminConfig(AdminConfig):
    default_site = "gesprekstool.lib.admin.VerifiedAdminSite"
