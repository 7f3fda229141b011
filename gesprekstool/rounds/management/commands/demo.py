"""Load the demo: a gemeente, a facilitator and a filled-in round. Safe to run twice."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gesprekstool.agenda.demo import extend_demo
from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.organisations.models import Membership, Organisation
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round

USERNAME = "gespreksleider"
EMAIL = "sanne.bakker@voorbeeldstad.example"
PASSWORD = "demo-gesprekstool"  # noqa: S105 - a demo account, printed on purpose
ROUND_TITLE = "Armoede en gezondheid – najaar 2026"

# name, domain, department, finished, scores (A-F, 6 = weet niet), revised, step-2 answers, comments, note
PEOPLE = [
    {
        "name": "Fatima El Amrani",
        "domain": Participant.Domain.POVERTY,
        "department": "Afdeling Werk en Inkomen",
        "finished": True,
        "scores": {"A": 4, "B": 3, "C": 2, "D": 2, "E": 3, "F": 4},
        "revised": {"C": 3},
        "choices": {
            "1": {"1a": "", "1b": ""},
            "2": {"2a": ""},
            "3": {"3b": "", "3d": ""},
            "4": {"4d": "", "4e": ""},
            "5": {
                "5a": "",
                "5b": "Gezinnen met kinderen in de bijstand en mensen met een laag inkomen en schulden.",
            },
            "6": {"6a": "", "6b": ""},
            "7": {"7a": "", "7c": ""},
            "8": {"8b": "", "8e": ""},
            "9": {"9a": "", "9c": ""},
            "10": {"10d": ""},
            "11": {"11b": ""},
            "12": {"12b": ""},
            "13": {"13c": ""},
            "14": {"14a": "", "14f": ""},
        },
        "comments": {
            "D": "We vinden mensen met schulden vaak pas als het al te laat is. De vroegsignalering loopt via de "
            "woningcorporatie, maar de GGD doet daar niet aan mee.",
            "F": "De wethouder armoede wil dit graag; bij gezondheid is het nog niet besproken.",
        },
        "note": "Ik denk dat we op papier meer verbinden dan in de praktijk.",
    },
    {
        "name": "Joost de Vries",
        "domain": Participant.Domain.HEALTH,
        "department": "Afdeling Publieke Gezondheid",
        "finished": True,
        "scores": {"A": 4, "B": 4, "C": 3, "D": 5, "E": 4, "F": 3},
        "revised": {},
        "choices": {
            "1": {"1a": "", "1c": "", "1d": ""},
            "2": {"2b": "", "2c": ""},
            "3": {"3d": "", "3e": ""},
            "4": {"4b": "Nota Gezond Voorbeeldstad 2024-2027, hoofdstuk bestaanszekerheid."},
            "5": {"5a": "", "5c": ""},
            "6": {"6b": ""},
            "7": {"7a": "", "7b": "", "7c": ""},
            "8": {"8a": "", "8b": "", "8g": ""},
            "9": {"9a": "", "9e": "", "9f": ""},
            "10": {"10a": ""},
            "11": {"11c": ""},
            "12": {"12a": "Het coalitieakkoord noemt 'gezond opgroeien in elke wijk'."},
            "13": {"13b": "", "13c": ""},
            "14": {"14b": "", "14d": "", "14g": ""},
        },
        "comments": {
            "B": "De gezondheidsmonitor van de GGD geeft cijfers per wijk; die delen we nog te weinig."
        },
        "note": "",
    },
    {
        "name": "Marieke Jansen",
        "domain": Participant.Domain.EXECUTION,
        "department": "Sociaal wijkteam Noord",
        "finished": True,
        "scores": {"A": 3, "B": 6, "C": 2, "D": 3, "E": 2, "F": 6},
        "revised": {"E": 3},
        "choices": {
            "1": {"1a": "", "1b": ""},
            "2": {
                "2e": "We horen wel signalen in de wijk, maar er is geen overzicht van hoe vaak het samen voorkomt."
            },
            "3": {"3i": ""},
            "4": {"4f": "Wij merken vooral dat de loketten nog apart werken."},
            "5": {"5c": ""},
            "6": {"6a": ""},
            "7": {"7c": ""},
            "8": {"8a": "", "8d": ""},
            "9": {"9b": ""},
            "10": {"10b": ""},
            "11": {"11d": ""},
            "12": {"12b": ""},
            "13": {"13d": "Dat weet ik eerlijk gezegd niet."},
            "14": {"14e": ""},
        },
        "comments": {
            "D": "Het daadwerkelijk bereiken van mensen is het lastigst. Ervaringsdeskundigen zouden hierbij helpen.",
        },
        "note": "Bij B en F weet ik het echt niet; dat zegt misschien ook iets.",
    },
    {
        "name": "Ahmed Yilmaz",
        "domain": Participant.Domain.SOCIETY,
        "department": "Stichting Welzijn Voorbeeldstad",
        "finished": False,
        "scores": {"A": 2, "B": 3, "C": 2, "D": 2, "E": 3, "F": 3},
        "revised": {},
        "choices": {
            "1": {"1b": "", "1f": "Mensen met weinig geld stellen zorg uit; dat zien wij elke week."},
            "2": {"2c": ""},
            "3": {"3f": "", "3g": ""},
        },
        "comments": {"A": "Een visie op papier is er, maar inwoners merken er weinig van."},
        "note": "",
    },
]

ACTIONS = [
    (
        "D",
        "Afspraken maken met GGD en woningcorporatie over het samen oppakken van signalen van schulden.",
        0,
        "Afdeling Werk en Inkomen",
        42,
    ),
    (
        "B",
        "Cijfers van de gezondheidsmonitor en de armoedemonitor per wijk naast elkaar leggen.",
        1,
        "Afdeling Publieke Gezondheid",
        60,
    ),
    ("F", "Notitie voor beide wethouders over een gezamenlijke aanpak.", None, "Bestuursondersteuning", 30),
]


class Command(BaseCommand):
    help = "Load a demo gemeente, a facilitator account and a filled-in round (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            organisation, _ = Organisation.objects.get_or_create(
                slug="voorbeeldstad", defaults={"name": "Gemeente Voorbeeldstad"}
            )
            user, created = get_user_model().objects.get_or_create(
                username=USERNAME, defaults={"first_name": "Sanne", "last_name": "Bakker", "email": EMAIL}
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            elif not user.email:  # a demo loaded before accounts had addresses
                user.email = EMAIL
                user.save(update_fields=["email"])
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": Membership.Role.FACILITATOR}
            )
            round_ = Round.objects.filter(organisation=organisation, title=ROUND_TITLE).first()
            if round_ is None:
                round_ = self.create_round(organisation, user)
            owner_link = extend_demo()
        self.report(round_)
        self.stdout.write(
            f"  Fatima's personal action link: {settings.SITE_URL}"
            f"{reverse('follow_up:owner', kwargs={'token': owner_link.token})}"
        )

    def create_round(self, organisation, user) -> Round:
        round_ = services.create_round(
            organisation=organisation,
            title=ROUND_TITLE,
            held_on=timezone.localdate() - timedelta(days=7),
            mode=Round.Mode.INDIVIDUAL,
            created_by=user,
        )
        participants = []
        for person in PEOPLE:
            p = services.add_participant(
                round_, display_name=person["name"], domain=person["domain"], department=person["department"]
            )
            services.mark_opened(p)
            for theme, value in person["scores"].items():
                services.save_score(p, theme=theme, value=value)
            if person["note"]:
                services.save_step1_note(p, text=person["note"])
            services.complete_step(p, step=1)
            for question, choices in person["choices"].items():
                services.save_question(p, question=question, choices=choices)
            for theme, text in person["comments"].items():
                services.save_comment(p, theme=theme, text=text)
            if person["finished"]:
                services.complete_step(p, step=2)
                for theme, value in person["revised"].items():
                    services.save_revised_score(p, theme=theme, value=value)
                services.finish(p)
            participants.append(p)
        for theme, text, owner, department, days in ACTIONS:
            Action.objects.create(
                round=round_,
                theme=theme,
                description=text,
                owner=participants[owner] if owner is not None else None,
                owner_name="" if owner is not None else "Wethouder Armoede (via bestuursadviseur)",
                department=department,
                due_on=date.today() + timedelta(days=days),
            )
        Agreement.objects.create(
            round=round_,
            follow_up=Agreement.FollowUp.MEET_AGAIN,
            next_meeting_on=timezone.localdate() + timedelta(days=90),
            accountability="De beleidsmedewerker armoede zet de acties op de agenda van het tweewekelijkse overleg sociaal domein.",
            notes="Eén deelnemer was nog niet klaar met stap 2; we bespreken die antwoorden in de volgende bijeenkomst.",
        )
        return round_

    def report(self, round_: Round) -> None:
        site = settings.SITE_URL
        self.stdout.write(self.style.SUCCESS("Demo loaded: Gemeente Voorbeeldstad."))
        self.stdout.write(f"  Log in at {site}{reverse('login')}")
        self.stdout.write(f"    user name: {USERNAME} (or {EMAIL})")
        self.stdout.write(f"    password:  {PASSWORD}")
        self.stdout.write(f"  Results:     {site}{reverse('rounds:results', kwargs={'pk': round_.pk})}")
        self.stdout.write("  Participants' personal links:")
        for p in round_.participants.filter(is_group=False).order_by("position"):
            self.stdout.write(f"    {p.label:<45} {site}{reverse('fill:intro', kwargs={'key': p.token})}")
