"""Dutch for msgids of the organisations app (merged into the catalogue by scripts/messages.py)."""

NL = {
    # Activity log
    "Organisation created": "Organisatie aangemaakt",
    "Member invited": "Lid uitgenodigd",
    "Invitation sent again": "Uitnodiging opnieuw verstuurd",
    "Invitation withdrawn": "Uitnodiging ingetrokken",
    "Member joined": "Lid aangesloten",
    "Role changed": "Rol gewijzigd",
    "Member removed": "Lid verwijderd",
    "Results shown to participants": "Resultaten getoond aan deelnemers",
    "Round downloaded": "Ronde gedownload",
    "Participant deleted": "Deelnemer verwijderd",
    "Round deleted": "Ronde verwijderd",
    "Personal data removed": "Persoonsgegevens verwijderd",
    "Retention periods changed": "Bewaartermijnen gewijzigd",
    "done by": "gedaan door",
    "what happened": "wat er gebeurde",
    "subject": "onderwerp",
    "detail": "toelichting",
    "when": "wanneer",
    "activity log entry": "regel in het logboek",
    "activity log": "logboek",
    # organisation chooser (organisations/choice.py)
    "Choose an organisation.": "Kies een organisatie.",
    "You are not a member of any organisation yet. Ask a colleague who is facilitator to add you.": "U bent nog geen lid van een organisatie. Vraag een collega die gespreksleider is om u toe te voegen.",
    # Retention periods and the activity log page
    "keep names and e-mail addresses of participants (days after closing)": (
        "namen en e-mailadressen van deelnemers bewaren (dagen na sluiten)"
    ),
    "delete whole rounds (days after closing)": "hele rondes verwijderen (dagen na sluiten)",
    "Empty: rounds are kept until a facilitator deletes them.": (
        "Leeg: rondes blijven bewaard tot een gespreksleider ze verwijdert."
    ),
    "keep e-mail addresses of action owners (days after the action is done or dropped)": (
        "e-mailadressen van uitvoerders van acties bewaren (dagen nadat de actie klaar of vervallen is)"
    ),
    "Remove names, departments and e-mail addresses of participants after": (
        "Namen, afdelingen en e-mailadressen van deelnemers weghalen na"
    ),
    "Delete whole rounds after": "Hele rondes verwijderen na",
    "Remove e-mail addresses of action owners after": "E-mailadressen van uitvoerders van acties weghalen na",
    "Days after the round is closed. The answers stay, without names.": (
        "Dagen nadat de ronde is gesloten. De antwoorden blijven, zonder namen."
    ),
    "Days after the round is closed. Leave empty to keep rounds until you delete them. "
    "The facilitators get an e-mail 14 days before.": (
        "Dagen nadat de ronde is gesloten. Laat leeg om rondes te bewaren tot u ze verwijdert. "
        "De gespreksleiders krijgen 14 dagen van tevoren een e-mail."
    ),
    "Days after the action is done or dropped.": "Dagen nadat de actie klaar of vervallen is.",
    "Choose a number of days from %(min)s to %(max)s.": "Kies een aantal dagen van %(min)s tot en met %(max)s.",
    "Activity log": "Logboek",
    (
        "Who showed results, downloaded a round, changed roles or members, deleted participants or rounds, "
        "and when. Lines are deleted after %(days)s day.",
        "Who showed results, downloaded a round, changed roles or members, deleted participants or rounds, "
        "and when. Lines are deleted after %(days)s days.",
    ): (
        "Wie resultaten toonde, een ronde downloadde, rollen of leden veranderde, deelnemers of rondes "
        "verwijderde, en wanneer. Regels worden na %(days)s dag verwijderd.",
        "Wie resultaten toonde, een ronde downloadde, rollen of leden veranderde, deelnemers of rondes "
        "verwijderde, en wanneer. Regels worden na %(days)s dagen verwijderd.",
    ),
    "Retention periods": "Bewaartermijnen",
    "When": "Wanneer",
    "What": "Wat",
    "About": "Waarover",
    "Detail": "Toelichting",
    "the system": "het systeem",
    "Pages of the activity log": "Pagina's van het logboek",
    "Nothing has been logged yet.": "Er staat nog niets in het logboek.",
    "Personal data is kept no longer than needed. Choose how long your organisation keeps names and "
    "e-mail addresses. Every night the tool removes what has passed its period.": (
        "Persoonsgegevens bewaren we niet langer dan nodig. Kies hoe lang uw organisatie namen en "
        "e-mailadressen bewaart. Elke nacht haalt de tool weg wat over de termijn is."
    ),
    "Save retention periods": "Bewaartermijnen opslaan",
    "The retention periods have been saved.": "De bewaartermijnen zijn opgeslagen.",
    "names": "namen",
    "owner e-mail addresses": "e-mailadressen van uitvoerders",
    "%(what)s %(old)s → %(new)s days": "%(what)s %(old)s → %(new)s dagen",
    "never": "nooit",
}
