"""Dutch for msgids of the statements app (merged into the catalogue by scripts/messages.py)."""

NL = {
    "Statements": "Verklaringen",
    "Privacy statement": "Privacyverklaring",
    "Accessibility statement": "Toegankelijkheidsverklaring",
    "page": "pagina",
    "text": "tekst",
    "last changed": "laatst gewijzigd",
    "statement": "verklaring",
    "statements": "verklaringen",
    "Plain text. An empty line starts a new paragraph; a line starting with “## ” is a heading; "
    "lines starting with “- ” form a list. HTML is shown as text.": (
        "Gewone tekst. Een lege regel begint een nieuwe alinea; een regel die begint met “## ” is een kopje; "
        "regels die beginnen met “- ” vormen een lijst. HTML wordt als tekst getoond."
    ),
    "Retention periods on this site": "Bewaartermijnen op deze website",
    "Unless the organisation of your round has chosen shorter periods:": (
        "Tenzij de organisatie van uw ronde kortere termijnen heeft gekozen:"
    ),
    "Whole rounds: kept until the facilitator deletes them.": (
        "Hele rondes: bewaard tot de gespreksleider ze verwijdert."
    ),
    "Last changed on %(date)s.": "Laatst gewijzigd op %(date)s.",
    (
        "Names, departments and e-mail addresses of participants: removed %(days)s day after the round closes.",
        "Names, departments and e-mail addresses of participants: removed %(days)s days after the round closes.",
    ): (
        "Namen, afdelingen en e-mailadressen van deelnemers: weggehaald %(days)s dag nadat de ronde sluit.",
        "Namen, afdelingen en e-mailadressen van deelnemers: weggehaald %(days)s dagen nadat de ronde sluit.",
    ),
    (
        "Whole rounds: deleted %(days)s day after closing.",
        "Whole rounds: deleted %(days)s days after closing.",
    ): (
        "Hele rondes: verwijderd %(days)s dag na het sluiten.",
        "Hele rondes: verwijderd %(days)s dagen na het sluiten.",
    ),
    (
        "E-mail addresses of people who carry out an action: removed %(days)s day after the action is done "
        "or dropped.",
        "E-mail addresses of people who carry out an action: removed %(days)s days after the action is done "
        "or dropped.",
    ): (
        "E-mailadressen van mensen die een actie uitvoeren: weggehaald %(days)s dag nadat de actie klaar of "
        "vervallen is.",
        "E-mailadressen van mensen die een actie uitvoeren: weggehaald %(days)s dagen nadat de actie klaar of "
        "vervallen is.",
    ),
    (
        "The activity log: lines are deleted after %(days)s day.",
        "The activity log: lines are deleted after %(days)s days.",
    ): (
        "Het logboek: regels worden na %(days)s dag verwijderd.",
        "Het logboek: regels worden na %(days)s dagen verwijderd.",
    ),
}
