"""The demo's programme: "Gezond in... regio Demo" with invented gemeenten and generated rounds, and
the demo user as its adviser, so that the programme page has figures. Idempotent.

Every name here is made up, and says so: "(verzonnen)". The scores are drawn from a seeded random
generator, so every load gives the same figures.
"""

import datetime
import random

from django.utils import timezone

from gesprekstool.agenda.models import Action
from gesprekstool.organisations.models import Organisation
from gesprekstool.programmes.models import Programme, ProgrammeMember
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round

PROGRAMME_SLUG = "demo-regio"
PROGRAMME_NAME = "Gezond in... regio Demo (verzonnen)"
# (name, slug, what it shares, its usual score): all invented.
GEMEENTEN = [
    ("Gemeente Fictiedam (verzonnen)", "demo-fictiedam", ProgrammeMember.Sharing.NAMED, 3.6),
    ("Gemeente Bedachtdorp (verzonnen)", "demo-bedachtdorp", ProgrammeMember.Sharing.NAMED, 2.4),
    ("Gemeente Verzinsveld (verzonnen)", "demo-verzinsveld", ProgrammeMember.Sharing.ANONYMOUS, 3.0),
    ("Gemeente Droomwijk (verzonnen)", "demo-droomwijk", ProgrammeMember.Sharing.ANONYMOUS, 2.8),
    ("Gemeente Proefhoven (verzonnen)", "demo-proefhoven", ProgrammeMember.Sharing.ANONYMOUS, 3.3),
    ("Gemeente Nepzijl (verzonnen)", "demo-nepzijl", ProgrammeMember.Sharing.ANONYMOUS, 2.1),
    ("Gemeente Zwijgrade (verzonnen)", "demo-zwijgrade", ProgrammeMember.Sharing.NOTHING, 3.0),
]
DOMAINS = [Participant.Domain.POVERTY, Participant.Domain.HEALTH, Participant.Domain.EXECUTION]
ACTION_TEXTS = {
    "B": "Cijfers van armoede en gezondheid per wijk naast elkaar leggen.",
    "D": "Samen met de GGD signalen van schulden oppakken.",
    "F": "Een gezamenlijke notitie voor beide wethouders.",
}


def _score(rng: random.Random, usual: float, theme_index: int) -> int:
    if rng.random() < 0.08:
        return 6  # weet niet
    value = round(usual + (theme_index % 3 - 1) * 0.5 + rng.uniform(-1.2, 1.2))
    return min(5, max(1, value))


def _round(organisation, *, title: str, held_on: datetime.date, usual: float, rng: random.Random) -> Round:
    round_ = services.create_round(organisation=organisation, title=title, held_on=held_on, mode="individual")
    for n in range(4):
        participant = services.add_participant(
            round_, display_name=f"Deelnemer {n + 1} (verzonnen)", domain=DOMAINS[n % len(DOMAINS)]
        )
        for i, theme in enumerate(round_.instrument.themes):
            services.save_score(participant, theme=theme.code, value=_score(rng, usual, i))
        services.complete_step(participant, step=1)
    return round_


def load_programme(adviser, home: Organisation) -> Programme:
    """The programme with its gemeenten, their two rounds each and a few actions; the demo user advises
    it and the demo gemeente takes part with its name."""
    programme, _created = Programme.objects.get_or_create(
        slug=PROGRAMME_SLUG, defaults={"name": PROGRAMME_NAME}
    )
    programme.advisers.add(adviser)
    ProgrammeMember.objects.get_or_create(
        programme=programme, organisation=home, defaults={"sharing": ProgrammeMember.Sharing.NAMED}
    )
    today = timezone.localdate()
    for index, (name, slug, sharing, usual) in enumerate(GEMEENTEN):
        organisation, _created = Organisation.objects.get_or_create(slug=slug, defaults={"name": name})
        ProgrammeMember.objects.get_or_create(
            programme=programme, organisation=organisation, defaults={"sharing": sharing}
        )
        if organisation.rounds.exists():
            continue
        rng = random.Random(index)  # noqa: S311 - invented demo figures, not security
        _round(
            organisation,
            title="Armoede en gezondheid 2025",
            held_on=today - datetime.timedelta(days=400),
            usual=usual - 0.4,
            rng=rng,
        )
        latest = _round(
            organisation,
            title="Armoede en gezondheid 2026",
            held_on=today - datetime.timedelta(days=30),
            usual=usual,
            rng=rng,
        )
        for theme, text in list(ACTION_TEXTS.items())[: 1 + index % 3]:
            Action.objects.create(
                round=latest,
                theme=theme,
                description=text,
                status=Action.Status.DONE if index % 2 else Action.Status.OPEN,
            )
    return programme
