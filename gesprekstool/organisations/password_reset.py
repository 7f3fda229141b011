"""How many password reset mails one e-mail address, and one client address, may ask for.

Without a limit anyone could make the reset page send mail after mail to someone's inbox. Requests
are counted in the database (as the join-code throttle counts wrong codes), so every app server sees
the same ones; only keyed hashes are stored, and the daily run forgets a request once its window
has passed (organisations/daily.py). Every request with a well-formed address counts, whether or not
it belongs to an account: a limit that only accounts reach would tell which addresses have one.
"""

import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import PasswordResetRequest

# The keys of the hashes: their own, so that no other hash in the project matches them.
EMAIL_KEY_SALT = "gesprekstool.organisations.password-reset.email"
IP_KEY_SALT = "gesprekstool.organisations.password-reset.ip"


def window() -> datetime.timedelta:
    """How far back requests count (host setting PASSWORD_RESET_WINDOW_MINUTES)."""
    return datetime.timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES)


def email_hash(email: str) -> str:
    """The stored form of an e-mail address; the same for every spelling in case and surrounding space."""
    return salted_hmac(EMAIL_KEY_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def ip_hash(ip: str) -> str:
    return salted_hmac(IP_KEY_SALT, ip, algorithm="sha256").hexdigest()


def record_request(*, email: str, ip: str) -> bool:
    """Record a request for a reset mail to `email` from the client address `ip`, unless the address
    (PASSWORD_RESET_EMAIL_LIMIT) or the client (PASSWORD_RESET_IP_LIMIT) already asked as often as
    allowed within the window. Returns whether it was recorded, that is whether the mail may go.

    Side effect: stores one PasswordResetRequest (hashes only) when allowed. A refused request is not
    stored, so a flood neither grows the table nor pushes the end of the wait further away. Two
    requests at the same moment may both pass the count: the limit may be passed by those few."""
    recent = PasswordResetRequest.objects.filter(created_at__gte=timezone.now() - window())
    hashed_email, hashed_ip = email_hash(email), ip_hash(ip)
    if recent.filter(email_hash=hashed_email).count() >= settings.PASSWORD_RESET_EMAIL_LIMIT:
        return False
    if recent.filter(ip_hash=hashed_ip).count() >= settings.PASSWORD_RESET_IP_LIMIT:
        return False
    PasswordResetRequest.objects.create(email_hash=hashed_email, ip_hash=hashed_ip)
    return True


def past_window() -> QuerySet[PasswordResetRequest]:
    """Requests that no longer count: made before the window that ends now."""
    return PasswordResetRequest.objects.filter(created_at__lt=timezone.now() - window())
