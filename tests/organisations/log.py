"""What an organisation's activity log says, for the tests of what writes it."""

from gesprekstool.organisations.models import ActivityEntry


def log_of(organisation) -> list[tuple[str, str, str, str]]:
    return [
        (e.action, e.actor_name, e.subject, e.detail)
        for e in ActivityEntry.objects.filter(organisation=organisation).order_by("pk")
    ]
