"""The public statement pages (no login): privacy and accessibility."""

from django.conf import settings
from django.shortcuts import render

from .models import Statement
from .text import blocks, default_text


def _statement(request, kind: str, extra: dict | None = None):
    statement = Statement.objects.filter(kind=kind).first()
    if statement is None:
        title, body = default_text(kind)
        updated = None
    else:
        title, body, updated = statement.title, statement.body, statement.updated_at
    context = {"title": title, "blocks": blocks(body), "updated": updated, "kind": kind, **(extra or {})}
    return render(request, "statements/statement.html", context)


def privacy(request):
    return _statement(
        request,
        Statement.Kind.PRIVACY,
        {
            "retention": {
                "participant_days": settings.RETENTION_PARTICIPANT_DAYS,
                "round_days": settings.RETENTION_ROUND_DAYS,
                "owner_email_days": settings.RETENTION_OWNER_EMAIL_DAYS,
                "activity_days": settings.ACTIVITY_LOG_DAYS,
            }
        },
    )


def accessibility(request):
    return _statement(request, Statement.Kind.ACCESSIBILITY)
