"""The address a request came from, the one place that decides whether to believe X-Forwarded-For."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address for throttling (login attempts, join codes).

    Without trusted proxies (TRUSTED_PROXY_COUNT=0, the default) only the connection's own address
    counts: a client can write any X-Forwarded-For it likes. Behind N proxies that each append the
    address they saw, the client is the N-th entry from the right; entries further left are the
    client's own claims and are ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]
