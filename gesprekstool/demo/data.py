"""The demo's facts: the gemeente, the facilitator's login, the round and what its participants answered.
Used by `manage.py demo` and `manage.py demo_follow_up`, and by browser tests that log in as the facilitator."""

from gesprekstool.rounds.models import Participant

ORGANISATION_SLUG = "voorbeeldstad"
ORGANISATION_NAME = "Gemeente Voorbeeldstad"
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
