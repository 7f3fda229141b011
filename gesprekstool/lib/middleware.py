"""Response headers every page gets: Permissions-Policy and, for pages from Django, no caching."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy, and `Cache-Control: no-store` to every response that did not set
    its own caching: participant, owner and facilitator pages hold answers and personal links that
    a shared computer's browser cache must not keep. Static files are served outside Django in
    production (and keep their own long caching)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "Cache-Control" not in response.headers and not request.path.startswith(
            "/" + settings.STATIC_URL.lstrip("/")
        ):
            response.headers["Cache-Control"] = "no-store"
        return response
