"""Deployment checks (`manage.py check --deploy`, run by scripts/serve.sh at every start)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from .env import CONSOLE_BACKEND


@register(Tags.security, deploy=True)
def mail_is_sent(app_configs, **kwargs):
    if settings.EMAIL_BACKEND != CONSOLE_BACKEND:
        return []
    return [
        Warning(
            "Mails are printed to the log, not sent: reminders will not arrive.",
            hint="Set EMAIL_URL or EMAIL_HOST (README, 'Running it for real', Mail).",
            id="gt_lib.W001",
        )
    ]
