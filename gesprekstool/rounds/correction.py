"""Correcting a participant's details (name, domain, department, e-mail address) after a typing
mistake, without deleting them and their answers."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from . import addresses, log
from .models import Participant
from .services import lock, renew_link

# The details a facilitator types when adding a participant (forms.ParticipantForm), in its order.
DETAILS = ("display_name", "domain", "department", "email")


class CorrectionRefused(Exception):
    """Details that may not be corrected; the message is meant for the facilitator."""


@dataclass(frozen=True)
class Correction:
    """What a correction changed: the names of the details, and whether the link was renewed."""

    changed: tuple[str, ...]
    new_link: bool


def refusal(participant: Participant) -> str:
    """Why the participant's details cannot be corrected, or "" when they can. Once a round's
    personal data are removed its participants are only a number and a domain, for good."""
    if participant.round.personal_data_removed_at is not None:
        return _(
            "The personal data of this round have been removed. "
            "The details of its participants can no longer be changed."
        )
    return ""


def correct_participant(
    participant: Participant, *, by, display_name: str, domain: str, department: str = "", email: str = ""
) -> Correction:
    """Store the corrected details of a participant; their answers stay.

    A changed e-mail address may mean that the link went to someone else: when the address was
    not empty and the link works, the link is renewed (services.renew_link): the old link stops
    working and the participant counts as not mailed yet. A first address, where there was none,
    keeps the link (nothing was mailed), and so do a new name, domain or department. A mail that
    failed is forgotten with the address it went to.

    Side effects, in one transaction: one UPDATE of the participant (two with a new link); one line
    in the activity log naming the participant's number and domain and which details changed, never
    their old or new values. Details that are already stored (a form sent twice) change nothing and
    are not logged. Raises CorrectionRefused, changing nothing, when the round's personal data have
    been removed, and addresses.EmailTaken, changing nothing, when the new e-mail address belongs
    to another participant of the round (their own current address is theirs to keep).
    """
    wanted = {"display_name": display_name, "domain": domain, "department": department, "email": email}
    with transaction.atomic():
        if email != participant.email:
            addresses.lock_round(participant.round)  # before the participant (addresses.lock_round)
        lock(participant)
        participant.refresh_from_db()
        problem = refusal(participant)
        if problem:
            raise CorrectionRefused(problem)
        changed = tuple(name for name in DETAILS if getattr(participant, name) != wanted[name])
        if not changed:
            return Correction(changed=(), new_link=False)
        if "email" in changed:
            addresses.ensure_free(participant.round, email, excluding=participant)
        new_link = "email" in changed and bool(participant.email) and participant.link_active
        for name in changed:
            setattr(participant, name, wanted[name])
        if "email" in changed:
            participant.mail_failed_at = None
        participant.save(update_fields=[*changed, "mail_failed_at"])
        if new_link:
            renew_link(participant)
        log.record(
            participant.round,
            actor=by,
            action=log.Action.PARTICIPANT_CORRECTED,
            detail=_detail(participant, changed, new_link),
        )
    return Correction(changed=changed, new_link=new_link)


def _detail(participant: Participant, changed: tuple[str, ...], new_link: bool) -> str:
    """The log's detail: "Participant 3 (Health): name, e-mail address, new link"."""
    details = [str(Participant._meta.get_field(name).verbose_name) for name in changed]
    if new_link:
        details.append(_("new link"))
    return f"{participant.label}: {', '.join(details)}"
