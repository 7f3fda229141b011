"""Starting an organisation and inviting its members (roles and leaving: members.py).

Every change lands in the organisation's activity log. Invitation tokens exist only in the
link (mail or printed); the database keeps their SHA-256 hash.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import activity
from .language import preferred_language
from .models import Invitation, Membership, Organisation

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOKEN_BYTES = 32  # 256 bits, well above the 128 the link must carry


class TeamError(Exception):
    """A change that was refused; `message` is for the user, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvitationUnusable(TeamError):
    """The link opens no invitation: `reason` is one of UNKNOWN, EXPIRED, ACCEPTED, WITHDRAWN."""

    UNKNOWN = "unknown"

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SentInvitation:
    invitation: Invitation
    link: str  # carries the one-time token; show it or mail it, never store or log it
    mailed: bool


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(token: str) -> str:
    return settings.SITE_URL + reverse("organisations:invitation", kwargs={"token": token})


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
        # The address becomes the user name of a new account, which holds at most 150 characters.
        if len(email) > get_user_model()._meta.get_field("username").max_length:
            raise ValidationError("too long")
    except ValidationError as error:
        raise TeamError(_("“%(email)s” is not a valid e-mail address.") % {"email": email}) from error
    return email


def user_label(user) -> str:
    return user.get_full_name() or user.email or user.get_username()


# --- Organisations ----------------------------------------------------------------------------------------


@transaction.atomic
def create_organisation(
    *, name: str, slug: str, created_by, kind: str = Organisation.Kind.MUNICIPALITY
) -> Organisation:
    """A new, empty organisation. Side effect: an ORGANISATION_CREATED line in its log.

    Raises TeamError for an empty name or a slug that is malformed or taken.
    """
    name = (name or "").strip()
    slug = (slug or "").strip()
    if not name or len(name) > Organisation._meta.get_field("name").max_length:
        raise TeamError(_("Give the organisation a name of at most 200 characters."))
    if not SLUG.match(slug) or len(slug) > Organisation._meta.get_field("slug").max_length:
        raise TeamError(
            _(
                "The short name “%(slug)s” may contain only lower-case letters, digits and hyphens, "
                "for example municipality-exampletown."
            )
            % {"slug": slug}
        )
    if Organisation.objects.filter(slug=slug).exists():
        raise TeamError(_("The short name “%(slug)s” is already in use.") % {"slug": slug})
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(name=name, slug=slug, kind=kind)
    except IntegrityError as error:  # the same slug, created a moment ago
        raise TeamError(_("The short name “%(slug)s” is already in use.") % {"slug": slug}) from error
    activity.record(
        organisation=organisation, actor=created_by, action=activity.Action.ORGANISATION_CREATED, subject=name
    )
    return organisation


@transaction.atomic
def start_organisation(
    *, name: str, slug: str, facilitator_email: str, created_by, send: bool = True
) -> SentInvitation:
    """A new organisation and an invitation for its first facilitator, together or not at all.

    Side effects: see create_organisation and invite (mail when `send`).
    """
    email = normalise_email(facilitator_email)
    organisation = create_organisation(name=name, slug=slug, created_by=created_by)
    return invite(
        organisation=organisation,
        email=email,
        role=Membership.Role.FACILITATOR,
        invited_by=created_by,
        send=send,
    )


# --- Invitations ------------------------------------------------------------------------------------------


def _issue(invitation: Invitation) -> str:
    """Give the invitation a fresh token and validity; the previous link stops working."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    invitation.token_hash = hash_token(token)
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=settings.INVITATION_DAYS)
    return token


def _mail(invitation: Invitation, link: str) -> None:
    # The invitee's language when they already have an account, else the inviter's (the page's).
    language = preferred_language(email=invitation.email, default=translation.get_language())
    with translation.override(language):
        context = {
            "organisation": invitation.organisation,
            "role": invitation.get_role_display(),
            "inviter": user_label(invitation.invited_by) if invitation.invited_by else "",
            "link": link,
            "expires_at": invitation.expires_at,
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string("organisations/mail/invitation_subject.txt", context)
        body = render_to_string("organisations/mail/invitation.txt", context)
    send_mail(" ".join(subject.split()), body, None, [invitation.email])


@transaction.atomic
def invite(
    *, organisation: Organisation, email: str, role: str, invited_by, send: bool = True
) -> SentInvitation:
    """Invite an e-mail address to the organisation with a role.

    An open invitation for the same address is renewed instead (new link, new role, new validity;
    the old link stops working). Side effects: one Invitation row, a MEMBER_INVITED (or
    INVITATION_RESENT) log line, and the invitation mail when `send`. Raises TeamError for a bad
    address, an unknown role, or someone who is already a member.
    """
    email = normalise_email(email)
    if role not in Membership.Role.values:
        raise TeamError(_("Choose a role."))
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise TeamError(
            _("%(email)s is already a member of %(organisation)s.")
            % {"email": email, "organisation": organisation.name}
        )
    invitation = (
        Invitation.objects.select_for_update().open().filter(organisation=organisation, email=email).first()
    )
    action = activity.Action.INVITATION_RESENT
    if invitation is None:
        invitation = Invitation(organisation=organisation, email=email)
        action = activity.Action.MEMBER_INVITED
    invitation.role = role
    invitation.invited_by = invited_by if getattr(invited_by, "is_authenticated", False) else None
    token = _issue(invitation)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError as error:  # the same address invited a moment ago, from another window
        raise TeamError(_("An invitation to %(email)s was sent a moment ago.") % {"email": email}) from error
    activity.record(
        organisation=organisation,
        actor=invited_by,
        action=action,
        subject=email,
        detail=invitation.get_role_display(),
    )
    link = invitation_link(token)
    if send:
        _mail(invitation, link)
    return SentInvitation(invitation=invitation, link=link, mailed=send)


def _locked_open(invitation: Invitation) -> Invitation:
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=invitation.pk)
    )
    if locked.accepted_at or locked.withdrawn_at:
        raise TeamError(_("This invitation has already been accepted or withdrawn."))
    return locked


@transaction.atomic
def resend(*, invitation: Invitation, actor, send: bool = True) -> SentInvitation:
    """Send an open (possibly expired) invitation again with a new link and a new validity.

    The old link stops working. Side effects: INVITATION_RESENT in the log, the mail when `send`.
    """
    invitation = _locked_open(invitation)
    if getattr(actor, "is_authenticated", False):
        invitation.invited_by = actor
    token = _issue(invitation)
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at", "invited_by"])
    activity.record(
        organisation=invitation.organisation,
        actor=actor,
        action=activity.Action.INVITATION_RESENT,
        subject=invitation.email,
        detail=invitation.get_role_display(),
    )
    link = invitation_link(token)
    if send:
        _mail(invitation, link)
    return SentInvitation(invitation=invitation, link=link, mailed=send)


@transaction.atomic
def withdraw(*, invitation: Invitation, actor) -> Invitation:
    """Withdraw an open invitation: its link stops working. Side effect: INVITATION_WITHDRAWN in the log."""
    invitation = _locked_open(invitation)
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    activity.record(
        organisation=invitation.organisation,
        actor=actor,
        action=activity.Action.INVITATION_WITHDRAWN,
        subject=invitation.email,
    )
    return invitation


def _unusable(invitation: Invitation | None) -> InvitationUnusable | None:
    if invitation is None:
        return InvitationUnusable(
            InvitationUnusable.UNKNOWN,
            _("This invitation link is not known. Check that you copied the whole link."),
        )
    status = invitation.status
    if status == Invitation.Status.WITHDRAWN:
        return InvitationUnusable(status, _("This invitation has been withdrawn."))
    if status == Invitation.Status.ACCEPTED:
        return InvitationUnusable(
            status, _("This invitation has already been used. An invitation link works once.")
        )
    if status == Invitation.Status.EXPIRED:
        return InvitationUnusable(status, _("This invitation has expired."))
    return None


def find_invitation(token: str, *, lock: bool = False) -> Invitation:
    """The open invitation behind a link; raises InvitationUnusable saying why not."""
    invitation = None
    if token and len(token) <= 100:
        queryset = Invitation.objects.select_related("organisation", "invited_by")
        if lock:
            queryset = queryset.select_for_update(of=("self",))
        invitation = queryset.filter(token_hash=hash_token(token)).first()
    if problem := _unusable(invitation):
        raise problem
    return invitation


def account_for(email: str):
    """The existing account with this e-mail address (case-insensitive), or None."""
    return get_user_model()._default_manager.filter(email__iexact=email).order_by("pk").first()


def _join(invitation: Invitation, user) -> tuple[Membership, bool]:
    membership, joined = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if joined:
        activity.record(
            organisation=invitation.organisation,
            actor=user,
            action=activity.Action.MEMBER_JOINED,
            subject=user_label(user),
            detail=membership.get_role_display(),
        )
    return membership, joined


@transaction.atomic
def accept_with_new_account(*, token: str, first_name: str, last_name: str, password: str):
    """Accept an invitation by creating an account: user name and e-mail are the invited address.

    `password` must have passed Django's password validators (the form does that). Side effects: a
    User, a Membership, the invitation marked as used, MEMBER_JOINED in the log. Raises
    InvitationUnusable for a link that no longer works, TeamError when the address has an account.
    """
    invitation = find_invitation(token, lock=True)
    if account_for(invitation.email) is not None:
        raise TeamError(
            _("There is already an account for %(email)s. Log in with it and open the link again.")
            % {"email": invitation.email}
        )
    user_model = get_user_model()
    if user_model._default_manager.filter(username__iexact=invitation.email).exists():
        raise TeamError(_("There is already an account with this user name. Ask the helpdesk for help."))
    user = user_model._default_manager.create_user(
        username=invitation.email,
        email=invitation.email,
        password=password,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    membership, _joined = _join(invitation, user)
    return membership


@transaction.atomic
def accept_with_account(*, token: str, user) -> tuple[Membership, bool]:
    """Accept an invitation with the logged-in account whose e-mail address it was sent to.

    Returns the membership and whether it is new: someone already in the team keeps their role and
    the invitation is closed. Side effects: a Membership, the invitation marked as used,
    MEMBER_JOINED in the log. Raises InvitationUnusable, or TeamError for another address.
    """
    invitation = find_invitation(token, lock=True)
    if (user.email or "").strip().lower() != invitation.email:
        raise TeamError(
            _(
                "This invitation is for %(invited)s, but you are logged in as %(current)s. Log out and "
                "open the link again, or ask for an invitation to your own address."
            )
            % {"invited": invitation.email, "current": user.email or user.get_username()}
        )
    return _join(invitation, user)


UNSENT_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


def mail_is_configured() -> bool:
    """False when mail goes nowhere (console or dummy backend): then links are shown or printed instead."""
    return settings.EMAIL_BACKEND not in UNSENT_BACKENDS
