"""The facilitator's changes to one participant of a round: revoke or renew their link, open their
answers again, correct their details, delete them, or merge a duplicate into another participant."""

from http import HTTPStatus
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gesprekstool.lib.views import form_status

from . import addresses, correction, removal, services
from .access import get_round
from .forms import ParticipantForm, ParticipantMergeForm
from .models import Participant
from .views import card_url, confirmation


class Confirm(NamedTuple):
    """What a GET asks before the change; `%(name)s` in the texts stands for the participant's name."""

    question: str
    explanation: str
    button: str


def participant_action(action, *, group_form_too: bool = False, confirm: Confirm | None = None):
    """A POST that changes one participant's link or answers; with `confirm`, a GET first asks
    whether the facilitator is sure."""

    @login_required
    def view(request, pk: int, participant_id: int):
        if request.method != "POST" and confirm is None:
            return HttpResponseNotAllowed(["POST"])
        round_, _membership = get_round(request, pk, manage=True)
        # A joint round's shared form has no link to revoke or renew, but it can be opened again.
        participants = round_.participants.all()
        if not group_form_too:
            participants = participants.filter(is_group=False)
        participant = get_object_or_404(participants, pk=participant_id)
        name = {"name": participant.display_name}
        if request.method != "POST":
            return confirmation(
                request,
                round_,
                cancel_url=card_url(round_, participant),
                question=confirm.question % name,
                explanation=confirm.explanation % name,
                confirm=confirm.button,
            )
        message = action(participant)
        messages.success(request, message % name)
        return redirect(card_url(round_, participant))

    return view


REVOKE_QUESTION = Confirm(
    gettext_lazy("Revoke the link of %(name)s?"),
    gettext_lazy(
        "The link stops working at once: %(name)s can no longer open or change their answers. "
        "The answers given so far stay. You can make a new link later."
    ),
    gettext_lazy("Yes, revoke the link"),
)
RENEW_QUESTION = Confirm(
    gettext_lazy("Make a new link for %(name)s?"),
    gettext_lazy(
        "The old link stops working at once; send %(name)s the new one. The answers given so far stay."
    ),
    gettext_lazy("Yes, make a new link"),
)


def _revoke(participant: Participant) -> str:
    services.revoke_link(participant)
    return _("The link of %(name)s no longer works.")


def _renew(participant: Participant) -> str:
    services.renew_link(participant)
    return _("%(name)s has a new link. The old link no longer works.")


def _reopen(participant: Participant) -> str:
    services.reopen_participant(participant)
    return _("%(name)s can change their answers again.")


participant_revoke = participant_action(_revoke, confirm=REVOKE_QUESTION)


participant_renew = participant_action(_renew, confirm=RENEW_QUESTION)


participant_reopen = participant_action(_reopen, group_form_too=True)


@login_required
def participant_edit(request, pk: int, participant_id: int):
    """Correct a participant's details on the form that added them; a new e-mail address gets a new
    link (rounds.correction), which the next page offers to mail. 409 once the round's personal data
    are removed."""
    round_, _membership = get_round(request, pk, manage=True)
    participant = get_object_or_404(round_.participants.filter(is_group=False), pk=participant_id)
    stored = {name: getattr(participant, name) for name in correction.DETAILS}
    form = ParticipantForm(request.POST or None, initial=stored, round_=round_, editing=participant)
    problem = correction.refusal(participant)
    if not problem and request.method == "POST" and form.is_valid():
        try:
            done = correction.correct_participant(participant, by=request.user, **form.cleaned_data)
        except correction.CorrectionRefused as exc:
            problem = str(exc)
        except addresses.EmailTaken as taken:  # given to someone else since the check
            form.add_error("email", str(taken))
        else:
            name = {"name": participant.display_name}
            if not done.changed:
                messages.info(request, _("Nothing has changed for %(name)s.") % name)
            elif done.new_link:
                messages.success(
                    request,
                    _(
                        "The details of %(name)s have been saved. Because the e-mail address changed, "
                        "%(name)s has a new link and the old link no longer works. Send %(name)s the new link."
                    )
                    % name,
                )
                if not round_.is_closed:
                    return redirect("rounds:invite_one", pk=round_.pk, participant_id=participant.pk)
            else:
                messages.success(request, _("The details of %(name)s have been saved.") % name)
            return redirect(card_url(round_, participant))
    return render(
        request,
        "rounds/participant_edit.html",
        {"round": round_, "participant": participant, "form": form, "refused": problem},
        status=HTTPStatus.CONFLICT if problem else form_status(form),
    )


@login_required
def participant_delete(request, pk: int, participant_id: int):
    """Confirm, then delete a participant with their answers (a joint round's shared form cannot be)."""
    round_, _membership = get_round(request, pk, manage=True)
    participant = get_object_or_404(round_.participants.filter(is_group=False), pk=participant_id)
    if request.method == "POST":
        name = participant.display_name
        removal.delete_participant(participant, by=request.user)
        messages.success(request, _("%(name)s and their answers have been deleted.") % {"name": name})
        return redirect("rounds:detail", pk=round_.pk)
    return render(
        request,
        "rounds/participant_delete.html",
        {"round": round_, "participant": participant, "answer_count": answer_count_of(participant)},
    )


@login_required
def participant_merge(request, pk: int, participant_id: int):
    """Merge a duplicate participant into another one of the round; the page says which answers stay."""
    round_, _membership = get_round(request, pk, manage=True)
    duplicate = get_object_or_404(round_.participants.filter(is_group=False), pk=participant_id)
    form = ParticipantMergeForm(request.POST or None, duplicate=duplicate)
    if request.method == "POST" and form.is_valid():
        into = form.cleaned_data["into"]
        name = duplicate.display_name
        removal.merge_participant(duplicate, into=into, by=request.user)
        messages.success(
            request,
            _("%(duplicate)s has been merged into %(into)s.")
            % {"duplicate": name, "into": into.display_name},
        )
        return redirect(card_url(round_, into))
    return render(
        request,
        "rounds/participant_merge.html",
        {"round": round_, "participant": duplicate, "form": form, "answer_count": answer_count_of(duplicate)},
        status=form_status(form),
    )


def answer_count_of(participant: Participant) -> int:
    """How many answers (scores, ticks, comments) would go with the participant."""
    return (
        participant.scores.count()
        + participant.choices.count()
        + participant.comments.exclude(text="").count()
    )
