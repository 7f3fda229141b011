"""A user's preferred language: the one they last chose with the switch, kept on their memberships
so that mails to them (password reset, deletion warnings, invitations to another organisation) are in it."""

from django.contrib.auth.models import AbstractBaseUser

from gesprekstool.lib.language import language_of, supported

from .models import Membership


def set_preferred_language(*, user: AbstractBaseUser, language: str) -> None:
    """Remember ``language`` for ``user``. Side effect: updates every membership of the user (a user
    without a membership, such as a staff member, keeps no preference)."""
    language = supported(language)
    if language:
        Membership.objects.filter(user=user).exclude(language=language).update(language=language)


def preferred_language(
    *, user: AbstractBaseUser | None = None, email: str = "", default: str | None = None
) -> str:
    """The language to write to ``user`` (or to the active user with address ``email``) in: the one
    they chose last, else ``default``, else Dutch."""
    memberships = Membership.objects.exclude(language="")
    if user is not None:
        memberships = memberships.filter(user=user)
    elif email:
        memberships = memberships.filter(user__email__iexact=email.strip(), user__is_active=True)
    else:
        return language_of(default)
    return language_of(memberships.values_list("language", flat=True).first() or default)
