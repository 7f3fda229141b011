"""An action as the follow-up tests see it: what is stored of it, the progress form an owner or a
review posts about it, and a date that has passed."""

import datetime

from django.utils import timezone

from gesprekstool.agenda.models import Action

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def stored(action) -> dict:
    return Action.objects.filter(pk=action.pk).values("status", "description", "department", "version").get()


def progress_data(action, **overrides) -> dict:
    prefix = f"actie-{action.pk}"
    data = {"status": action.status, "note": "", "version": str(action.version), **overrides}
    return {f"{prefix}-{k}": v for k, v in data.items()}
