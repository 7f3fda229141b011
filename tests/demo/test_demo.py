"""`manage.py demo` and `manage.py demo_follow_up`: the demo data, safe to load twice."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gesprekstool.agenda.models import Action, ActionNote, OwnerLink
from gesprekstool.demo.data import EMAIL, ORGANISATION_SLUG, PASSWORD, PEOPLE, ROUND_TITLE, USERNAME
from gesprekstool.demo.figures import FIGURES
from gesprekstool.demo.future import CONTRIBUTIONS
from gesprekstool.demo.programme import PROGRAMME_SLUG
from gesprekstool.futures import cooperation
from gesprekstool.futures.models import Contribution, Group
from gesprekstool.indicators.models import Indicator, RoundIndicator
from gesprekstool.programmes.figures import programme_figures
from gesprekstool.programmes.models import Programme
from gesprekstool.rounds.models import Round


def test_demo_follow_up_is_idempotent(db, capsys):
    call_command("demo")

    call_command("demo_follow_up")
    call_command("demo_follow_up")

    assert ActionNote.objects.count() == 1
    assert OwnerLink.objects.count() == 1
    actions = Action.objects.filter(round__organisation__slug=ORGANISATION_SLUG)
    # A and E: a contribution and a missing link of the picture of the future (demo/future.py).
    assert dict(actions.values_list("theme", "status")) == {
        "A": "open",
        "B": "open",
        "D": "bezig",
        "E": "open",
        "F": "open",
    }
    assert actions.get(theme="F").email == "bestuursadviseur@voorbeeldstad.example"
    assert f"/mijn-acties/{OwnerLink.objects.get().token}/" in capsys.readouterr().out


def test_demo_follow_up_needs_the_demo(db):
    with pytest.raises(CommandError, match="manage.py demo"):
        call_command("demo_follow_up")


def test_demo_loads_once_and_prints_the_login_and_the_links(db):
    first, second = StringIO(), StringIO()

    call_command("demo", stdout=first)
    call_command("demo", stdout=second)

    round_ = Round.objects.get(title=ROUND_TITLE)
    lines = second.getvalue().splitlines()
    assert (
        Round.objects.filter(organisation=round_.organisation).count(),
        round_.participants.filter(is_group=False).count(),
    ) == (1, len(PEOPLE))
    assert lines[:5] == [
        "Demo loaded: Gemeente Voorbeeldstad.",
        "  Log in at http://127.0.0.1:8000/inloggen/",
        f"    user name: {USERNAME} (or {EMAIL})",
        f"    password:  {PASSWORD}",
        f"  Results:     http://127.0.0.1:8000/rondes/{round_.pk}/resultaten/",
    ]
    # The login, the results, the participants' links, the action link and the programme.
    assert len(lines) == 5 + 1 + len(PEOPLE) + 1 + 1
    assert lines[-1] == "  Programme:   http://127.0.0.1:8000/programmas/demo-regio/"
    assert first.getvalue().splitlines()[:6] == lines[:6]


def test_demo_round_has_invented_figures_beside_theme_b_once(db):
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())

    round_ = Round.objects.get(title=ROUND_TITLE)
    chosen = RoundIndicator.objects.filter(round=round_).select_related("indicator")
    assert sorted((c.indicator.name, c.indicator.source, c.themes) for c in chosen) == sorted(
        (name, "Voorbeeldcijfers, verzonnen", ["B"]) for name, _value, _unit, _year in FIGURES
    )
    assert Indicator.objects.count() == len(FIGURES)


def test_demo_has_a_programme_of_invented_gemeenten_that_the_demo_user_advises(db):
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())

    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    figures = programme_figures(programme)
    assert list(programme.advisers.values_list("username", flat=True)) == [USERNAME]
    assert (figures.members, figures.sharing, len(figures.counted), figures.enough) == (8, 7, 7, True)
    assert all(
        "(verzonnen)" in g.organisation.name
        for g in figures.counted
        if g.organisation.slug != ORGANISATION_SLUG
    )
    assert [g.previous is not None for g in figures.counted].count(True) == 6


def test_demo_round_has_a_filled_picture_of_the_future_once(db):
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())

    round_ = Round.objects.get(title=ROUND_TITLE)
    contributions = Contribution.objects.filter(prompt__part__round=round_)
    assert (
        list(round_.future_part.prompts.values_list("theme", flat=True)),
        contributions.count(),
        contributions.filter(hidden_at__isnull=False).count(),
        contributions.filter(merged_into__isnull=False).count(),
        contributions.filter(action__isnull=False).count(),
        Group.objects.filter(prompt__part__round=round_).count(),
    ) == (["A", "D", "E", ""], len(CONTRIBUTIONS), 1, 1, 1, 3)
    links = cooperation.missing_links(round_.future_part)
    assert [(link.label, link.count, bool(link.action_id)) for link in links[:2]] == [
        ("Afdeling Publieke Gezondheid – Afdeling Werk en Inkomen", 3, False),
        ("Afdeling Werk en Inkomen – Huisartsen", 3, True),
    ]
