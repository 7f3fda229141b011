"""Site-wide views that belong to no domain app."""

import logging
from http import HTTPStatus

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def health(request):
    """For the load balancer and monitoring: "ok" when this app server can query its database,
    else 503. Says nothing else about the installation."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: the database does not answer (%s).", type(error).__name__)
        return HttpResponse(
            "database unavailable", status=HTTPStatus.SERVICE_UNAVAILABLE, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")


def link_problem(request, *, title: str, message: str, status: int) -> HttpResponse:
    """The page for a personal link that does not work (any more): a participant's or an action
    owner's. Without the site's navigation: whoever has the link may have no account."""
    return render(request, "link_problem.html", {"title": title, "message": message}, status=status)


def form_status(form) -> HTTPStatus:
    """The status of a page that shows a form: 422 when the form was sent and refused (so scripts,
    htmx and tests see the refusal), 200 when it is shown fresh."""
    return HTTPStatus.UNPROCESSABLE_ENTITY if form.errors else HTTPStatus.OK
