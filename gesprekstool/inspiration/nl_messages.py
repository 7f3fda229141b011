"""Dutch for the msgids of the inspiration app (merged into the catalogue by scripts/messages.py)."""

NL = {
    # admin
    "Current": "Actueel",
    "Retired": "Ingetrokken",
    "focus": "focus",
    "role of the municipality": "rol van de gemeente",
    "target group": "doelgroep",
    "Content": "Inhoud",
    "Themes and labels": "Thema's en labels",
    "Source": "Bron",
    "Publication": "Publicatie",
    "History": "Geschiedenis",
    "themes": "thema's",
    "current": "actueel",
    "Publish for everyone": "Publiceren voor iedereen",
    ("%(n)d entry published.", "%(n)d entries published."): (
        "%(n)d item gepubliceerd.",
        "%(n)d items gepubliceerd.",
    ),
    "Retire (no longer show or suggest)": "Intrekken (niet meer tonen of voorstellen)",
    ("%(n)d entry retired.", "%(n)d entries retired."): (
        "%(n)d item ingetrokken.",
        "%(n)d items ingetrokken.",
    ),
    "Bring back retired entries": "Ingetrokken items terugzetten",
    ("%(n)d entry brought back.", "%(n)d entries brought back."): (
        "%(n)d item teruggezet.",
        "%(n)d items teruggezet.",
    ),
    "When does the rule fire?": "Wanneer geldt de regel?",
    "Every condition you fill in must hold. Of the score conditions, one is enough.": (
        "Elke voorwaarde die u invult, moet kloppen. Van de voorwaarden over scores is één genoeg."
    ),
    "What the facilitator sees": "Wat de gespreksleider ziet",
    "conditions": "voorwaarden",
    "low": "laag",
    "divergent": "uiteenlopend",
    # models
    "Inspiration": "Inspiratie",
    "code": "code",
    "explanation": "toelichting",
    "tag": "label",
    "tags": "labels",
    "Role of the municipality": "Rol van de gemeente",
    "Focus": "Focus",
    "Target group": "Doelgroep",
    "Practice example": "Praktijkvoorbeeld",
    "Lesson": "Les",
    "Tip": "Tip",
    "Public: every user sees it": "Openbaar: iedere gebruiker ziet het",
    "Private: only our organisation sees it": "Eigen: alleen onze organisatie ziet het",
    "Proposed: a programme adviser decides on publishing it for everyone": (
        "Voorgesteld: een programma-adviseur beslist over publiceren voor iedereen"
    ),
    "municipality or organisation": "gemeente of organisatie",
    "Whose practice or publication this is, for example “Gemeente Lelystad”.": (
        "Van wie de praktijk of publicatie is, bijvoorbeeld “Gemeente Lelystad”."
    ),
    "summary": "samenvatting",
    "What it is and how it works, in your own words.": "Wat het is en hoe het werkt, in uw eigen woorden.",
    "what others can learn from it": "wat anderen ervan kunnen leren",
    "source": "bron",
    "web address of the source": "webadres van de bron",
    "order in the library": "volgorde in de bibliotheek",
    "visibility": "zichtbaarheid",
    "added by organisation": "toegevoegd door organisatie",
    "Empty for the shared library; set when a gemeente adds its own practice.": (
        "Leeg voor de gedeelde bibliotheek; ingevuld als een gemeente een eigen praktijk toevoegt."
    ),
    "added by": "toegevoegd door",
    "retired at": "ingetrokken op",
    "A retired entry is no longer shown or suggested, but it is kept with its history.": (
        "Een ingetrokken item wordt niet meer getoond of voorgesteld, maar blijft bewaard met zijn geschiedenis."
    ),
    "library entry": "bibliotheekitem",
    "library entries": "bibliotheekitems",
    "when the scores are low": "bij lage scores",
    "The average score is below 3 (neutral).": "De gemiddelde score is lager dan 3 (neutraal).",
    "when the scores diverge": "bij uiteenlopende scores",
    "The highest and lowest score are 2 or more apart.": "De hoogste en laagste score liggen 2 of meer uit elkaar.",
    "when someone answered “weet niet”": "als iemand “weet niet” antwoordde",
    "At least one score 6.": "Minstens één score 6.",
    "when someone ticked": "als iemand aankruiste",
    "Codes of answers from step 2, separated by commas, for example “10d” or “9h, 11d”.": (
        "Codes van antwoorden uit stap 2, gescheiden door komma's, bijvoorbeeld “10d” of “9h, 11d”."
    ),
    "when someone did not tick": "als iemand niet aankruiste",
    "Codes of answers from step 2, for example “7b”. Holds when a participant who answered the question "
    "ticked none of them.": (
        "Codes van antwoorden uit stap 2, bijvoorbeeld “7b”. Geldt als een deelnemer die de vraag beantwoordde, "
        "geen van deze antwoorden aankruiste."
    ),
    "reason shown": "getoonde reden",
    "One line. May use {pattern} (how the scores look: “are low”, “diverge”), {scores} (the scores on the "
    "theme), {ticked_by} and {not_ticked_by} (how many participants).": (
        "Eén regel. U kunt {pattern} gebruiken (hoe de scores eruitzien: “zijn laag”, “lopen uiteen”), {scores} "
        "(de scores op het thema), {ticked_by} en {not_ticked_by} (hoeveel deelnemers)."
    ),
    "suggested entries": "voorgestelde items",
    "priority": "voorrang",
    "Lower numbers come first when several rules fire.": "Lagere getallen komen eerst als meer regels gelden.",
    "active": "actief",
    "notes for advisers": "toelichting voor adviseurs",
    "suggestion rule": "suggestieregel",
    "suggestion rules": "suggestieregels",
    "Not an answer code of the tool: %(codes)s": "Geen antwoordcode van de tool: %(codes)s",
    "Choose at least one condition, otherwise the rule would always fire.": (
        "Kies minstens één voorwaarde, anders geldt de regel altijd."
    ),
    "Use only {pattern}, {scores}, {ticked_by} and {not_ticked_by} between braces.": (
        "Gebruik tussen accolades alleen {pattern}, {scores}, {ticked_by} en {not_ticked_by}."
    ),
    "rule": "regel",
    "entry": "item",
    "suggested entry": "voorgesteld item",
    # suggestions
    ("%(n)d participant", "%(n)d participants"): ("%(n)d deelnemer", "%(n)d deelnemers"),
    "%(list)s and %(last)s": "%(list)s en %(last)s",
    "are low": "zijn laag",
    "diverge": "lopen uiteen",
    "include “weet niet”": "bevatten “weet niet”",
    "%(n)d of the %(total)s": "%(n)d van de %(total)s",
    # forms
    "Search words": "Zoekwoorden",
    "Which themes of the tool does it help with?": "Bij welke thema's van de tool helpt het?",
    "On behalf of": "Namens",
    "Short and concrete, for example “Financieel spreekuur in het gezondheidscentrum”.": (
        "Kort en concreet, bijvoorbeeld “Financieel spreekuur in het gezondheidscentrum”."
    ),
    "What should another gemeente know before it starts something similar?": (
        "Wat moet een andere gemeente weten voordat zij iets vergelijkbaars begint?"
    ),
    "A report, article or contact person where others can read more.": (
        "Een rapport, artikel of contactpersoon waar anderen meer kunnen lezen."
    ),
    "The shared library (no gemeente)": "De gedeelde bibliotheek (geen gemeente)",
    "Only for our organisation": "Alleen voor onze organisatie",
    "Propose it for everyone: a programme adviser publishes it": (
        "Voorstellen voor iedereen: een programma-adviseur publiceert het"
    ),
    "Public: publish it in the library at once": "Openbaar: meteen publiceren in de bibliotheek",
    "Who may see it?": "Wie mag het zien?",
    "You are not a member of that organisation.": "U bent geen lid van die organisatie.",
    "Choose the gemeente this practice belongs to.": "Kies de gemeente waar deze praktijk bij hoort.",
    # views
    "Saved. Only members of %(name)s see this practice.": "Opgeslagen. Alleen leden van %(name)s zien deze praktijk.",
    "Saved and proposed for everyone. A programme adviser will look at it.": (
        "Opgeslagen en voorgesteld voor iedereen. Een programma-adviseur bekijkt het."
    ),
    "Saved and published in the library.": "Opgeslagen en gepubliceerd in de bibliotheek.",
    # templates
    "Themes:": "Thema's:",
    "Only for your organisation": "Alleen voor uw organisatie",
    "Proposed, not yet published": "Voorgesteld, nog niet gepubliceerd",
    "Only members of %(name)s see this practice.": "Alleen leden van %(name)s zien deze praktijk.",
    "This practice is proposed for everyone. Until a programme adviser publishes it, only its own "
    "organisation and the programme advisers see it.": (
        "Deze praktijk is voorgesteld voor iedereen. Tot een programma-adviseur hem publiceert, zien alleen de "
        "eigen organisatie en de programma-adviseurs hem."
    ),
    "What is it?": "Wat is het?",
    "What can you learn from it?": "Wat kunt u ervan leren?",
    "Edit": "Bewerken",
    "Edit, publish or retire in the administration": "Bewerken, publiceren of intrekken in het beheer",
    "More on the same themes": "Meer over dezelfde thema's",
    "Edit practice": "Praktijk bewerken",
    "Share a practice of your own": "Eigen praktijk delen",
    "Describe what your gemeente does and what others can learn from it. Keep it for your own organisation, "
    "or propose it for everyone: a programme adviser then reads it and publishes it in the library.": (
        "Beschrijf wat uw gemeente doet en wat anderen ervan kunnen leren. Houd het voor uw eigen organisatie, "
        "of stel het voor aan iedereen: een programma-adviseur leest het dan en publiceert het in de bibliotheek."
    ),
    "The practice was not saved. Please look at the points marked below.": (
        "De praktijk is niet opgeslagen. Kijk naar de punten die hieronder zijn gemarkeerd."
    ),
    "Save practice": "Praktijk opslaan",
    "Cancel": "Annuleren",
    "Inspiration: practice examples, lessons and tips": "Inspiratie: praktijkvoorbeelden, lessen en tips",
    "Learn from other gemeenten. The library holds the practice examples, lessons, tips and sources of part 2 "
    "of the tool, and what programme advisers and gemeenten add to it.": (
        "Leer van andere gemeenten. De bibliotheek bevat de praktijkvoorbeelden, lessen, tips en bronnen uit deel "
        "2 van de tool, en wat programma-adviseurs en gemeenten eraan toevoegen."
    ),
    "Search the library": "Zoeken in de bibliotheek",
    "Search": "Zoeken",
    "For example: schulden, vindplaatsen, Súdwest-Fryslân.": "Bijvoorbeeld: schulden, vindplaatsen, Súdwest-Fryslân.",
    ("%(counter)s proposal waits to be published", "%(counter)s proposals wait to be published"): (
        "%(counter)s voorstel wacht op publicatie",
        "%(counter)s voorstellen wachten op publicatie",
    ),
    "By theme": "Per thema",
    ("%(counter)s item", "%(counter)s items"): ("%(counter)s item", "%(counter)s items"),
    "Added by your organisation": "Toegevoegd door uw organisatie",
    "Practices your organisation added that are not public (yet).": (
        "Praktijken die uw organisatie toevoegde en die (nog) niet openbaar zijn."
    ),
    "“%(query)s” in the library": "“%(query)s” in de bibliotheek",
    "Search and filter": "Zoeken en filteren",
    "Clear search and filters": "Zoekopdracht en filters wissen",
    ("%(counter)s result", "%(counter)s results"): ("%(counter)s resultaat", "%(counter)s resultaten"),
    ("%(counter)s item in the library", "%(counter)s items in the library"): (
        "%(counter)s item in de bibliotheek",
        "%(counter)s items in de bibliotheek",
    ),
    "Nothing found. Try fewer or other words, or clear the filters.": (
        "Niets gevonden. Probeer minder of andere woorden, of wis de filters."
    ),
    "Pages of results": "Pagina's met resultaten",
    "Previous page": "Vorige pagina",
    "Page %(number)s of %(total)s": "Pagina %(number)s van %(total)s",
    "Next page": "Volgende pagina",
    "Themes": "Thema's",
    "About the tool": "Over de tool",
    "Inspiration for your answers": "Inspiratie bij uw antwoorden",
    "Where your answers show a gap, these practice examples and tips from the library may help. Each comes "
    "with the reason it is suggested.": (
        "Waar uw antwoorden een gat laten zien, kunnen deze praktijkvoorbeelden en tips uit de bibliotheek helpen. "
        "Bij elk staat waarom het wordt voorgesteld."
    ),
    "Why:": "Waarom:",
    "The answers give no reason for specific suggestions yet.": (
        "De antwoorden geven nog geen aanleiding voor gerichte suggesties."
    ),
    "Browse the whole inspiration library": "Bekijk de hele inspiratiebibliotheek",
    "Other themes": "Andere thema's",
    "Search and filter within this theme": "Zoeken en filteren binnen dit thema",
    ("%(counter)s item for this theme", "%(counter)s items for this theme"): (
        "%(counter)s item bij dit thema",
        "%(counter)s items bij dit thema",
    ),
    "No items for this theme yet.": "Nog geen items bij dit thema.",
    # Importing a library export (manage.py inspiration import)
    "The file is larger than %(limit)s MB; a library export is never that large.": "Het bestand is groter dan %(limit)s MB; een export van de bibliotheek is nooit zo groot.",
    "a library export": "een export van de bibliotheek",
    "This is not an export of the inspiration library (“format” must be “%(format)s”).": "Dit is geen export van de inspiratiebibliotheek (“format” moet “%(format)s” zijn).",
    "Version %(version)s is not supported; this installation reads version 1 to %(supported)s.": "Versie %(version)s wordt niet ondersteund; deze installatie leest versie 1 t/m %(supported)s.",
    "The file does not match the library schema at %(where)s: %(problem)s": "Het bestand past niet bij het schema van de bibliotheek bij %(where)s: %(problem)s",
    "there is no theme “%(value)s”.": "er is geen thema “%(value)s”.",
    "there is no tag “%(value)s”.": "er is geen label “%(value)s”.",
    "there is no library entry “%(value)s”.": "er is geen bibliotheekitem “%(value)s”.",
    "“%(value)s” is not a real moment.": "“%(value)s” is geen bestaand tijdstip.",
    "“%(value)s” appears twice in the file.": "“%(value)s” komt twee keer voor in het bestand.",
    "only http and https addresses are allowed.": "alleen http- en https-adressen zijn toegestaan.",
    "“%(value)s” is not a web address.": "“%(value)s” is geen webadres.",
    "not an answer code of the tool: %(codes)s": "geen antwoordcode van de tool: %(codes)s",
    "use only {pattern}, {scores}, {ticked_by} and {not_ticked_by} between braces.": "gebruik tussen accolades alleen {pattern}, {scores}, {ticked_by} en {not_ticked_by}.",
    "Enter a web address that starts with http:// or https://.": "Vul een webadres in dat begint met http:// of https://.",
}
