import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gesprekstool.agenda.models import Action, ActionNote, OwnerLink


def test_demo_follow_up_is_idempotent(db, capsys):
    call_command("demo")

    call_command("demo_follow_up")
    call_command("demo_follow_up")

    assert ActionNote.objects.count() == 1
    assert OwnerLink.objects.count() == 1
    assert dict(Action.objects.values_list("theme", "status")) == {"B": "open", "D": "bezig", "F": "open"}
    assert Action.objects.get(theme="F").email == "bestuursadviseur@voorbeeldstad.example"
    assert f"/mijn-acties/{OwnerLink.objects.get().token}/" in capsys.readouterr().out


def test_demo_follow_up_needs_the_demo(db):
    with pytest.raises(CommandError, match="manage.py demo"):
        call_command("demo_follow_up")
