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
}
