"""Joining a meeting by the code on the screen: public pages, slowed down against guessing.

Joining is idempotent per browser: the join form carries a random key, so posting it twice makes one
participant (joining.join_by_code), and the session remembers who joined from this browser, so
reopening the code page offers "continue as ..." instead of the form."""

import re
from http import HTTPStatus

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gesprekstool.lib.client_ip import client_ip
from gesprekstool.lib.text import CleanTextMixin
from gesprekstool.lib.views import form_status

from . import joining
from .forms import JoinAsForm
from .models import Participant, Round, new_token
from .respondent import remember_language, use_round_language

# Session key: round id (str) -> tokens of the participants who joined it from this browser.
JOINED_SESSION_KEY = "rounds.joined"
JOIN_KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")


class JoinForm(CleanTextMixin, forms.ModelForm):
    EXPIRED = gettext_lazy("This page had expired. Check your name and domain and press “Join” again.")

    join_key = forms.CharField(widget=forms.HiddenInput, required=False, error_messages={"required": EXPIRED})

    class Meta:
        model = Participant
        fields = ["display_name", "domain"]

    def clean_join_key(self) -> str:
        key = self.cleaned_data["join_key"]
        if not JOIN_KEY_PATTERN.fullmatch(key):
            raise forms.ValidationError(self.EXPIRED)
        return key


def joined_here(request, round_: Round) -> list[Participant]:
    """The participants who joined `round_` from this browser and whose link still works."""
    tokens = request.session.get(JOINED_SESSION_KEY, {}).get(str(round_.pk), [])
    if not tokens:
        return []
    return list(
        round_.participants.filter(token__in=tokens, link_revoked_at__isnull=True, is_group=False).order_by(
            "position"
        )
    )


def remember_joined(request, round_: Round, participant: Participant) -> None:
    joined = request.session.get(JOINED_SESSION_KEY, {})
    tokens = [t for t in joined.get(str(round_.pk), []) if t != participant.token]
    # A shared device in a big meeting: the last few people are enough to offer "continue as".
    joined[str(round_.pk)] = [*tokens, participant.token][-10:]
    request.session[JOINED_SESSION_KEY] = joined


class JoinCodeForm(forms.Form):
    """The code typed from the screen: letters and digits only, spaces and case do not matter."""

    NOT_A_CODE = gettext_lazy(
        "A meeting code has only letters and digits, for example ABC234. Check the code on the screen."
    )

    code = forms.CharField(max_length=40, required=False, error_messages={"max_length": NOT_A_CODE})

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].upper().replace(" ", "")
        # Anything else (a "/", a "?") could never be a code and cannot go into the URL.
        if code and not (code.isascii() and code.isalnum() and len(code) <= 12):
            raise forms.ValidationError(self.NOT_A_CODE)
        return code


def join_start(request):
    """Public: type the code shown on the screen."""
    form = JoinCodeForm(request.GET)
    if not form.is_valid():
        error = form.errors.get("code", [_("Check the code on the screen.")])[0]
        return render(
            request, "rounds/join_start.html", {"error": error}, status=HTTPStatus.UNPROCESSABLE_ENTITY
        )
    if form.cleaned_data["code"]:
        return redirect("join_round", code=form.cleaned_data["code"])
    return render(request, "rounds/join_start.html")


def join_round(request, code: str):
    """Public: give a name and domain, and get a personal link to answer with.

    Codes are short, so guessing is slowed down: an address that typed too many wrong codes is
    refused for a while (429), whatever code it sends. Joint rounds take no one by code: their
    answers are the group's shared form."""
    address = client_ip(request)
    if joining.join_code_throttled(address=address):
        minutes = int(settings.JOIN_CODE_ATTEMPT_WINDOW.total_seconds() // 60)
        return render(
            request,
            "rounds/join_start.html",
            {
                "error": _(
                    "Too many wrong codes were typed from this network. Wait %(minutes)s minutes and try again, or ask the facilitator for your personal link."
                )
                % {"minutes": minutes}
            },
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    round_ = Round.objects.select_related("organisation").filter(join_code=code.upper()).first()
    if round_ is None or round_.is_closed:
        joining.record_failed_join(address=address)
        return render(
            request,
            "rounds/join_start.html",
            {"error": _("There is no open meeting with this code. Check the code on the screen.")},
            status=HTTPStatus.NOT_FOUND,
        )
    if round_.is_joint:
        return render(
            request,
            "rounds/join_start.html",
            {
                "error": _(
                    "This meeting fills in one shared form together, on the screen. You do not need to join with your phone."
                )
            },
            status=HTTPStatus.CONFLICT,
        )
    use_round_language(request, round_)
    someone_else = JoinAsForm.read(request.GET)["ander"]
    if request.method != "POST" and not someone_else:
        joined = joined_here(request, round_)
        if joined:
            return render(request, "rounds/join_continue.html", {"round": round_, "joined": joined})
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        participant, _created = joining.join_by_code(
            round_,
            display_name=form.cleaned_data["display_name"],
            domain=form.cleaned_data["domain"],
            join_key=form.cleaned_data["join_key"],
        )
        remember_language(request, participant)
        remember_joined(request, round_, participant)
        return redirect("fill:intro", key=participant.token)
    # A posted key is kept (the same form, corrected, is still the same join); a bad one is replaced.
    join_key = form.cleaned_data.get("join_key") if form.is_bound and "join_key" not in form.errors else None
    return render(
        request,
        "rounds/join_round.html",
        {"round": round_, "form": form, "join_key": join_key or new_token()},
        status=form_status(form),
    )
