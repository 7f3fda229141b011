"""The "Downloaden" tab of a round: the list of formats, and the files themselves."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from gesprekstool.organisations import activity
from gesprekstool.rounds.access import get_round

from .formats import FORMATS, filename
from .stored import export_bytes


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
    Built once per version of the round and kept (reports/stored.py); every download is logged."""
    round_, _membership = get_round(request, pk)
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise Http404
    response = HttpResponse(export_bytes(round_, chosen), content_type=chosen.content_type)
    activity.record(
        organisation=round_.organisation,
        actor=request.user,
        action=activity.Action.ROUND_EXPORTED,
        subject=round_.title,
        detail=chosen.key,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(round_, chosen)}"'
    # The files hold answers of named or anonymised participants: no cache may keep a copy.
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response
