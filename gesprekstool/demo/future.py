"""The demo round's picture of the future: prompts for three themes, invented contributions with dots
(one hidden, one merged, two headings, one turned into an action) and cooperation marks, one pair of
which became an action. Made once; safe to run twice."""

from django.db import transaction
from django.utils import timezone

from gesprekstool.agenda import services as agenda_services
from gesprekstool.futures import cooperation
from gesprekstool.futures.models import Contribution, FuturePart, Group, Prompt, Vote
from gesprekstool.rounds.models import Round

# The participants by their place in data.PEOPLE: Fatima (poverty), Joost (health), Marieke (the
# neighbourhood team), Ahmed (the welfare foundation).
FATIMA, JOOST, MARIEKE, AHMED = range(4)

PROMPTS = {
    "A": "Over vier jaar weet iedereen in onze gemeente waarom armoede, schulden en gezondheid bij elkaar "
    "horen, omdat …",
    "D": "Over vier jaar merken inwoners van onze aanpak van armoede en gezondheid dat …",
    "E": "Over vier jaar weten de gemeente en haar partners wie wat doet. Samen …",
}
EXPERIENCES = "Waar zag u dit al goed gaan?"

# theme, writer, text, voters, heading (or ""), and what the facilitator did with it
CONTRIBUTIONS = [
    (
        "A",
        FATIMA,
        "de wethouders armoede en gezondheid één gezamenlijke visie hebben vastgesteld.",
        [JOOST, MARIEKE, AHMED],
        "Eén visie",
        "action",
    ),
    (
        "A",
        JOOST,
        "het in elke beleidsnota over armoede ook over gezondheid gaat, en andersom.",
        [FATIMA, MARIEKE],
        "Eén visie",
        "",
    ),
    ("A", MARIEKE, "inwoners zelf hebben meegeschreven aan wat we willen bereiken.", [AHMED], "", ""),
    ("A", AHMED, "Dit is allemaal zinloos, de wethouder luistert toch niet.", [], "", "hidden"),
    (
        "D",
        MARIEKE,
        "ze met één vraag bij één loket terechtkunnen, voor geld én voor gezondheid.",
        [FATIMA, JOOST, AHMED],
        "Eén loket",
        "",
    ),
    (
        "D",
        FATIMA,
        "we ze eerder vinden: bij de huisarts, op school en bij de woningcorporatie.",
        [JOOST, MARIEKE],
        "Eerder signaleren",
        "",
    ),
    (
        "D",
        JOOST,
        "de huisarts weet waar je met geldzorgen naartoe kunt.",
        [FATIMA, AHMED],
        "Eerder signaleren",
        "",
    ),
    ("D", AHMED, "ervaringsdeskundigen meedenken en meedoen in de wijk.", [MARIEKE, JOOST], "", ""),
    (
        "D",
        FATIMA,
        "vroegsignalering van schulden samen met de GGD gebeurt.",
        [],
        "Eerder signaleren",
        "merged",
    ),
    (
        "E",
        JOOST,
        "kennen we elkaars gezicht: elke maand een overleg van wijkteam, GGD en schuldhulp.",
        [FATIMA, MARIEKE, AHMED],
        "",
        "",
    ),
    ("E", AHMED, "financieren we welzijnswerk voor meerdere jaren, niet per project.", [MARIEKE], "", ""),
    ("E", MARIEKE, "hebben we één sociale kaart die iedereen bijhoudt.", [JOOST, AHMED], "", ""),
    (
        "",
        FATIMA,
        "Bij de voedselbank zit sinds vorig jaar een praktijkondersteuner van de huisarts.",
        [JOOST, MARIEKE],
        "",
        "",
    ),
    (
        "",
        MARIEKE,
        "In Noord lopen wijkteam en jeugdgezondheidszorg samen spreekuur in de school.",
        [FATIMA, AHMED],
        "",
        "",
    ),
    (
        "",
        AHMED,
        "Het spreekuur 'Geld en gezondheid' in het buurthuis: mensen komen voor het een en "
        "praten over het ander.",
        [FATIMA, JOOST],
        "",
        "",
    ),
]

# writer, party, party: who should work more closely together
MARKS = [
    (FATIMA, "Afdeling Werk en Inkomen", "Afdeling Publieke Gezondheid"),
    (FATIMA, "Huisartsen", "Afdeling Werk en Inkomen"),
    (FATIMA, "GGD", "Woningcorporatie"),
    (JOOST, "Afdeling Werk en Inkomen", "Afdeling Publieke Gezondheid"),
    (JOOST, "Huisartsen", "Afdeling Werk en Inkomen"),
    (JOOST, "gezondheid", "maatschappelijk"),
    (MARIEKE, "Afdeling Werk en Inkomen", "Afdeling Publieke Gezondheid"),
    (MARIEKE, "Huisartsen", "Sociaal wijkteam Noord"),
    (MARIEKE, "GGD", "Woningcorporatie"),
    (AHMED, "Huisartsen", "Afdeling Werk en Inkomen"),
    (AHMED, "Stichting Welzijn Voorbeeldstad", "Sociaal wijkteam Noord"),
]
# The missing link the facilitator already turned into an action.
LINK_TO_ACTION = ("Huisartsen", "Afdeling Werk en Inkomen")


def add_demo_future(round_: Round) -> None:
    """Give the demo round its picture of the future, unless it has one. Side effects: the part, its
    prompts, headings, contributions, dots and marks, and two actions on the agenda (themes A and E)."""
    if FuturePart.objects.filter(round=round_).exists():
        return
    people = list(round_.participants.filter(is_group=False).order_by("position"))
    with transaction.atomic():
        # Open from the start: the demo's fourth participant has not handed in, and wrote and marked too.
        part = FuturePart.objects.create(round=round_, position=FuturePart.Position.BEFORE)
        prompts = {
            theme: Prompt.objects.create(part=part, theme=theme, text=text, position=n)
            for n, (theme, text) in enumerate(PROMPTS.items())
        }
        prompts[""] = Prompt.objects.create(part=part, theme="", text=EXPERIENCES, is_experiences=True)
        groups: dict[tuple[str, str], Group] = {}
        kept: dict[str, Contribution] = {}
        for theme, writer, text, voters, heading, fate in CONTRIBUTIONS:
            prompt = prompts[theme]
            group = None
            if heading:
                key = (theme, heading)
                if key not in groups:
                    groups[key] = Group.objects.create(prompt=prompt, heading=heading, position=len(groups))
                group = groups[key]
            contribution = Contribution.objects.create(
                prompt=prompt, participant=people[writer], text=text, group=group
            )
            Vote.objects.bulk_create(Vote(contribution=contribution, participant=people[v]) for v in voters)
            if fate == "hidden":
                contribution.hidden_at = timezone.now()
                contribution.save(update_fields=["hidden_at", "updated_at"])
            elif fate == "merged":
                contribution.merged_into = kept[theme]
                contribution.save(update_fields=["merged_into", "updated_at"])
            elif fate == "action":
                contribution.action = agenda_services.add_action(
                    round_,
                    theme=theme,
                    description=f"Over vier jaar: {text}",
                    owner_name="Beleidsteam sociaal domein",
                )
                contribution.save(update_fields=["action", "updated_at"])
            if group is not None and heading == "Eerder signaleren" and theme not in kept:
                kept[theme] = contribution  # the near-duplicate later in the list is merged into this one
        for writer, party_a, party_b in MARKS:
            cooperation.add_mark(people[writer], party_a=party_a, party_b=party_b)
        cooperation.link_to_action(
            part, party_a=LINK_TO_ACTION[0], party_b=LINK_TO_ACTION[1], theme="E", owner_name="Wijkteam Noord"
        )
