"""Invitations into a programme, joining, what a gemeente shares, leaving, and logging exports.

Invitation links work like the team's (organisations/services.py): a random token in the link only,
its SHA-256 hash in the database, valid for INVITATION_DAYS, usable once. Every change a gemeente
makes lands in its own activity log, and so does every download of the programme's figures.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gesprekstool.organisations import activity
from gesprekstool.organisations.models import Membership
from gesprekstool.organisations.services import TOKEN_BYTES, InvitationUnusable, TeamError, hash_token

from .models import Programme, ProgrammeInvitation, ProgrammeMember


@dataclass(frozen=True)
class NewInvitation:
    invitation: ProgrammeInvitation
    link: str  # carries the one-time token; show it once, never store or log it


def create_invitation(*, programme: Programme, kind: str, label: str, invited_by) -> NewInvitation:
    """A new invitation link for a gemeente or an adviser. Side effect: one ProgrammeInvitation row."""
    if kind not in ProgrammeInvitation.Kind.values:
        raise TeamError(_("Choose whom the invitation is for."))
    label = (label or "").strip()
    if not label or len(label) > ProgrammeInvitation._meta.get_field("label").max_length:
        raise TeamError(_("Say for whom the invitation is, in at most 200 characters."))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    invitation = ProgrammeInvitation.objects.create(
        programme=programme,
        kind=kind,
        label=label,
        token_hash=hash_token(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_DAYS),
    )
    link = settings.SITE_URL + reverse("programmes:invitation", kwargs={"token": token})
    return NewInvitation(invitation=invitation, link=link)


def find_invitation(token: str, *, lock: bool = False) -> ProgrammeInvitation:
    """The open invitation behind a link; raises InvitationUnusable saying why not."""
    invitation = None
    if token and len(token) <= 100:
        queryset = ProgrammeInvitation.objects.select_related("programme")
        if lock:
            queryset = queryset.select_for_update(of=("self",))
        invitation = queryset.filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise InvitationUnusable(
            InvitationUnusable.UNKNOWN,
            _("This invitation link is not known. Check that you copied the whole link."),
        )
    if invitation.status == ProgrammeInvitation.Status.ACCEPTED:
        raise InvitationUnusable(
            invitation.status, _("This invitation has already been used. An invitation link works once.")
        )
    if invitation.status == ProgrammeInvitation.Status.EXPIRED:
        raise InvitationUnusable(invitation.status, _("This invitation has expired."))
    return invitation


def _use(invitation: ProgrammeInvitation) -> None:
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])


def _record(member: ProgrammeMember, *, action: str, actor, detail: str | None = None) -> None:
    """A line in the gemeente's log about its place in the programme; the detail says what it
    shares unless told otherwise."""
    activity.record(
        organisation=member.organisation,
        actor=actor,
        action=action,
        subject=member.programme.name,
        detail=member.get_sharing_display() if detail is None else detail,
    )


@transaction.atomic
def join(*, token: str, membership: Membership, sharing: str, actor) -> ProgrammeMember:
    """The membership's organisation joins the programme of a gemeente invitation, sharing `sharing`.

    The caller has checked that `membership` is a facilitator's. Side effects: a ProgrammeMember, the
    invitation used up, PROGRAMME_JOINED in the organisation's log. Raises InvitationUnusable, or
    TeamError for an adviser's invitation, an unknown choice or a gemeente that is already a member.
    """
    invitation = find_invitation(token, lock=True)
    if invitation.kind != ProgrammeInvitation.Kind.GEMEENTE:
        raise TeamError(_("This invitation is for an adviser, not for a municipality."))
    if sharing not in ProgrammeMember.Sharing.values:
        raise TeamError(_("Choose what you share."))
    organisation = membership.organisation
    try:
        with transaction.atomic():
            member = ProgrammeMember.objects.create(
                programme=invitation.programme, organisation=organisation, sharing=sharing
            )
    except IntegrityError as error:
        raise TeamError(
            _("%(organisation)s already takes part in %(programme)s.")
            % {"organisation": organisation.name, "programme": invitation.programme.name}
        ) from error
    _use(invitation)
    _record(member, action=activity.Action.PROGRAMME_JOINED, actor=actor)
    return member


@transaction.atomic
def become_adviser(*, token: str, user) -> Programme:
    """The user becomes an adviser of the programme of an adviser invitation.

    Side effects: the user added to the programme's advisers, the invitation used up. Raises
    InvitationUnusable, or TeamError for a gemeente's invitation.
    """
    invitation = find_invitation(token, lock=True)
    if invitation.kind != ProgrammeInvitation.Kind.ADVISER:
        raise TeamError(_("This invitation is for a municipality, not for an adviser."))
    invitation.programme.advisers.add(user)
    _use(invitation)
    return invitation.programme


@transaction.atomic
def change_sharing(*, member: ProgrammeMember, sharing: str, actor) -> ProgrammeMember:
    """What the gemeente shares from now on; the programme's figures follow at once (they are computed
    live). Side effect: PROGRAMME_SHARING_CHANGED in the organisation's log."""
    if sharing not in ProgrammeMember.Sharing.values:
        raise TeamError(_("Choose what you share."))
    member.sharing = sharing
    member.save(update_fields=["sharing"])
    _record(member, action=activity.Action.PROGRAMME_SHARING_CHANGED, actor=actor)
    return member


@transaction.atomic
def leave(*, member: ProgrammeMember, actor) -> None:
    """The gemeente leaves the programme: its membership is deleted, so nothing of it is in the
    programme's figures any more. Side effect: PROGRAMME_LEFT in the organisation's log."""
    _record(member, action=activity.Action.PROGRAMME_LEFT, actor=actor, detail="")
    member.delete()


def record_export(*, programme: Programme, organisations: list, actor, fmt: str) -> None:
    """Tell every gemeente whose figures went into a download: a PROGRAMME_EXPORTED line in its log."""
    for organisation in organisations:
        activity.record(
            organisation=organisation,
            actor=actor,
            action=activity.Action.PROGRAMME_EXPORTED,
            subject=programme.name,
            detail=fmt,
        )
