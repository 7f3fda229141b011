"""Mailing participants their link, and reminding those who have not handed in (rounds/invitations.py)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.organisations.services import mail_is_configured

from . import invitations
from .access import get_round
from .forms import LinkMailForm
from .invitations import Kind
from .models import Participant


@login_required
def round_invite(request, pk: int, participant_id: int | None = None):
    """Mail the link to everyone not mailed yet, or (participant_id) to one participant."""
    return _link_mail(request, pk, kind=Kind.INVITATION, participant_id=participant_id)


@login_required
def round_remind(request, pk: int):
    """Mail a reminder to everyone with an address who has not handed in."""
    return _link_mail(request, pk, kind=Kind.REMINDER, participant_id=None)


def _link_mail(request, pk: int, *, kind: Kind, participant_id: int | None):
    round_, membership = get_round(request, pk, manage=True)
    if round_.is_joint:
        raise Http404
    participant = None
    if participant_id is not None:
        participant = get_object_or_404(round_.participants.filter(is_group=False), pk=participant_id)
    form = LinkMailForm(request.POST or None, initial={"intro": invitations.default_intro(round_, kind=kind)})
    status = HTTPStatus.OK
    if request.method == "POST":
        if not form.is_valid():
            status = HTTPStatus.UNPROCESSABLE_ENTITY
        elif not form.cleaned_data["preview"]:
            refusal = _refusal(round_)
            if refusal:
                messages.error(request, refusal)
                status = HTTPStatus.CONFLICT
            else:
                try:
                    outcome = invitations.send_link_mails(
                        round_,
                        kind=kind,
                        intro=form.cleaned_data["intro"],
                        by=request.user,
                        participant=participant,
                    )
                except invitations.MailRefused as exc:
                    messages.error(request, str(exc))
                    status = HTTPStatus.CONFLICT
                else:
                    _report(request, outcome)
                    return redirect(reverse("rounds:detail", kwargs={"pk": round_.pk}) + "#per-mail")
    intro = form.cleaned_data["intro"] if form.is_bound and form.is_valid() else form["intro"].value()
    if participant is not None:
        due = [participant] if invitations.can_be_mailed(participant) else []
    else:
        due = invitations.recipients(round_, kind=kind)
    subject, body = invitations.preview(round_, kind=kind, intro=intro, participant=due[0] if due else None)
    return render(
        request,
        "rounds/round_invite.html",
        {
            "round": round_,
            "membership": membership,
            "kind": str(kind),
            "form": form,
            "participant": participant,
            "due": due,
            "without_address": invitations.without_address(round_),
            "failed": invitations.failed(round_),
            "mail_configured": mail_is_configured(),
            "preview_subject": subject,
            "preview_body": body,
            "reminder_hours": int(invitations.REMINDER_INTERVAL.total_seconds() // 3600),
        },
        status=status,
    )


def _refusal(round_) -> str:
    if not mail_is_configured():
        return _("This server cannot send e-mail. Copy the links on the round page and send them yourself.")
    return ""


def _report(request, outcome: invitations.MailOutcome) -> None:
    if outcome.sent:
        messages.success(
            request,
            ngettext(
                "%(count)s e-mail has been sent.", "%(count)s e-mails have been sent.", len(outcome.sent)
            )
            % {"count": len(outcome.sent)},
        )
    if outcome.failed:
        messages.error(
            request,
            _("Could not send to: %(names)s. Check the address, or copy the link and send it yourself.")
            % {"names": ", ".join(names_of(outcome.failed))},
        )
    if not outcome.sent and not outcome.failed:
        messages.info(request, _("There was nobody to mail."))


def names_of(participants: list[Participant]) -> list[str]:
    return [p.display_name for p in participants]
