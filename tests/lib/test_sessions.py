"""The daily clean-up of expired log-in sessions."""

import datetime
from io import StringIO

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone


def make_session(expires_in: datetime.timedelta) -> str:
    store = SessionStore()
    store["who"] = "someone"
    store.set_expiry(expires_in)
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_daily_deletes_expired_sessions_and_keeps_live_ones(db):
    expired = [make_session(datetime.timedelta(days=-1)), make_session(datetime.timedelta(minutes=-1))]
    live = make_session(datetime.timedelta(days=14))
    out = StringIO()

    call_command("daily", "--only", "sessions", stdout=out)

    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert "  2 expired session(s) deleted." in out.getvalue().splitlines()
    assert len(expired) == 2


def test_daily_dry_run_counts_expired_sessions_and_deletes_none(db):
    make_session(datetime.timedelta(days=-1))
    make_session(datetime.timedelta(days=1))
    out = StringIO()

    call_command("daily", "--only", "sessions", "--dry-run", stdout=out)

    assert Session.objects.count() == 2
    assert "  1 expired session(s) would be deleted." in out.getvalue().splitlines()
