"""The organisations' part of `manage.py daily`: forget invitations some time after their link stopped
working, and requests for a password reset mail once they no longer count."""

import datetime

from django.utils import timezone

from gesprekstool.lib.daily import daily_job

from . import password_reset
from .models import Invitation

# An invitation holds an e-mail address of someone who may never have joined; the activity log keeps
# that it happened. A month after the link's last possible day the row is of no use to anyone.
KEEP_AFTER_EXPIRY = datetime.timedelta(days=30)


@daily_job("invitations", order=50)
def forget_invitations_job(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Delete invitations whose link expired more than 30 days before `today` (open, used or withdrawn)."""
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    old = Invitation.objects.filter(expires_at__lt=start_of_today - KEEP_AFTER_EXPIRY)
    count = old.count()
    if dry_run:
        return [f"{count} old invitation(s) would be deleted."]
    old.delete()
    return [f"{count} old invitation(s) deleted."]


@daily_job("password_reset_requests", order=50)
def forget_password_reset_requests_job(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Delete the password reset requests made before the throttle's window that ends now. `today`
    plays no part: a request that no longer counts is of no use whatever day the run acts as."""
    old = password_reset.past_window()
    if dry_run:
        return [f"{old.count()} password reset request(s) would be deleted."]
    deleted, _per_model = old.delete()
    return [f"{deleted} password reset request(s) deleted."]
