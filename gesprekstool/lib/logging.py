"""Keep participant link tokens out of every log line."""

import logging
import re
from collections.abc import Mapping

# Matches the token segment of every personal link: participants ("/d/<token>/"), action owners
# ("/mijn-acties/<token>/"), calendar subscriptions ("/agenda-abonnement/<token>.ics"), invitations
# to join an organisation ("/uitnodiging/<token>/") and password resets ("/wachtwoord-vergeten/<uid>/<token>/").
TOKEN_IN_PATH = re.compile(
    r"(/d/|/mijn-acties/|/agenda-abonnement/|/uitnodiging/|/wachtwoord-vergeten/[A-Za-z0-9_-]+/)[A-Za-z0-9_-]{16,}"
)
REDACTED = r"\1[verborgen]"


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(REDACTED, text)


class RedactTokensFilter(logging.Filter):
    """Rewrite the message and its arguments so that no participant token survives."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(str(record.msg))
        if isinstance(record.args, Mapping):
            # logger.info("%(path)s", {"path": ...}): LogRecord keeps a single mapping as the args.
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        elif record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in args)
        # django.request attaches the request; its path would end up in error mails.
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            record.request_path = redact(request.path)
        return True
