"""Security headers on a sample of pages of every kind (the full list of URLs is another test's job)."""

from http import HTTPStatus

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from gesprekstool.lib.middleware import SecurityHeadersMiddleware

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def csp(response) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: value for name, value in directives}


@pytest.fixture
def pages(round_, participant):
    return {
        "login": ("anonymous", reverse("login")),
        "join": ("anonymous", reverse("join_start")),
        "participant": ("anonymous", reverse("fill:intro", kwargs={"key": participant.token})),
        "facilitator": ("facilitator", reverse("rounds:detail", kwargs={"pk": round_.pk})),
        "presenter": ("facilitator", reverse("rounds:present", kwargs={"pk": round_.pk})),
        "not found": ("anonymous", "/bestaat-niet/"),
    }


@pytest.mark.parametrize("kind", ["login", "join", "participant", "facilitator", "presenter", "not found"])
def test_pages_carry_the_security_headers(facilitator_client, pages, kind):
    who, path = pages[kind]
    response = (facilitator_client if who == "facilitator" else Client()).get(path)

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}
    assert csp(response) == EXPECTED_CSP
    assert response["Permissions-Policy"].startswith("accelerometer=(), camera=(), geolocation=()")
    assert "microphone=()" in response["Permissions-Policy"]
    # The login page's own never_cache says more than no-store; every page says at least that.
    assert "no-store" in response["Cache-Control"].split(", ")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(facilitator_client, pages):
    for who, path in pages.values():
        page = (facilitator_client if who == "facilitator" else Client()).get(path).content.decode()
        assert "<script>" not in page
        assert "style=" not in page
        assert "<style" not in page


def test_a_response_that_sets_its_own_caching_keeps_it(rf):
    def view(request):
        response = HttpResponse("feed")
        response["Cache-Control"] = "private, max-age=300"
        return response

    response = SecurityHeadersMiddleware(view)(rf.get("/agenda-abonnement/x.ics"))

    assert response["Cache-Control"] == "private, max-age=300"


def test_static_files_are_not_marked_no_store(rf):
    response = SecurityHeadersMiddleware(lambda request: HttpResponse("css"))(
        rf.get("/static/gesprekstool/site.css")
    )

    assert "Cache-Control" not in response
    assert response["Permissions-Policy"].startswith("accelerometer=()")
