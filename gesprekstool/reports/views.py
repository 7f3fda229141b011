"""The "Downloaden" tab of a round: the list of formats, the files themselves, and the page that
shows a slow export being prepared (reports/builds.py)."""

from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from gesprekstool.rounds import log
from gesprekstool.rounds.access import get_round

from . import builds
from .formats import FORMATS, Format, filename
from .forms import PollForm


def _format(fmt: str) -> Format:
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise Http404
    return chosen


@login_required
def downloads(request, pk: int):
    round_, membership = get_round(request, pk)
    return render(
        request,
        "reports/downloads.html",
        {"round": round_, "membership": membership, "formats": FORMATS.values()},
    )


@login_required
def download(request, pk: int, fmt: str):
    """One export of the round; every member of the organisation may download it (readers too).
    Kept per version of the round (reports/stored.py); a slow format that is not kept yet is
    prepared in the background and the page "wordt gemaakt" shown instead. Every download is logged."""
    round_, _membership = get_round(request, pk)
    chosen = _format(fmt)
    preparation = builds.prepare(round_, chosen)
    if not preparation.ready:
        return redirect("reports:prepare", pk=round_.pk, fmt=chosen.key)
    response = HttpResponse(preparation.content, content_type=chosen.content_type)
    log.record(round_, actor=request.user, action=log.Action.ROUND_EXPORTED, detail=chosen.key)
    response["Content-Disposition"] = f'attachment; filename="{filename(round_, chosen)}"'
    # The files hold answers of named or anonymised participants: no cache may keep a copy.
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def prepare(request, pk: int, fmt: str):
    """How far the export is: "stap 2 van 4", polled by htmx until the download is offered.
    Opening it starts the build when none runs (or the last one died); POST starts a failed build
    again. Members who may download (readers too) may do both: it changes nothing of the round."""
    round_, membership = get_round(request, pk)
    chosen = _format(fmt)
    url = reverse("reports:prepare", kwargs={"pk": round_.pk, "fmt": chosen.key})
    if request.method == "POST":
        builds.retry(round_, chosen)
        return redirect(url, permanent=False)
    preparation = builds.prepare(round_, chosen)
    if request.htmx:
        poll = PollForm(request.GET)
        shown = poll.cleaned_data["stap"] if poll.is_valid() else None
        running = not preparation.ready and not preparation.failed
        if running and shown == preparation.step:
            return HttpResponse(status=HTTPStatus.NO_CONTENT)
    context = {"round": round_, "membership": membership, "preparation": preparation, "url": url}
    if request.htmx:
        return render(request, "reports/export_prepare.html#status", context)
    return render(request, "reports/export_prepare.html", context, status=HTTPStatus.OK)
