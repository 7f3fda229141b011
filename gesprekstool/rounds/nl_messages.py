"""Dutch for msgids of the rounds app that are not in the catalogue yet (merged by scripts/messages.py)."""

NL = {
    "repeat of": "herhaling van",
    "show participants anonymised": "deelnemers anoniem tonen",
    "Results show “Participant 1 (Poverty)” instead of names.": "De uitkomsten tonen “Deelnemer 1 (Armoede)” in plaats van namen.",
    "participants may see the group results": "deelnemers mogen de uitkomsten van de groep zien",
    "results revealed at": "uitkomsten getoond op",
    "join code": "deelnamecode",
}

NL.update(
    {
        "What stands out": "Wat opvalt",
        "Show participants as “Participant 1 (Poverty)” instead of by name": "Deelnemers tonen als “Deelnemer 1 (Armoede)” in plaats van met hun naam",
        "Participants may see the group results after you have shown them": "Deelnemers mogen de uitkomsten van de groep zien nadat u ze hebt getoond",
        "observation": "observatie",
        "hidden observation": "verborgen observatie",
        "hidden observations": "verborgen observaties",
        "own observation": "eigen observatie",
        "own observations": "eigen observaties",
        "question or statement": "vraag of stelling",
        "order": "volgorde",
        "proposed by the tool": "voorgesteld door de tool",
        "conversation question": "gespreksvraag",
        "conversation questions": "gespreksvragen",
        "On theme %(theme)s the scores run from %(low)s to %(high)s (%(detail)s).": "Over thema %(theme)s lopen de scores uiteen van %(low)s tot %(high)s (%(detail)s).",
        (
            "%(count)s of the %(total)s participants does not know: “%(statement)s”",
            "%(count)s of the %(total)s participants do not know: “%(statement)s”",
        ): (
            "%(count)s van de %(total)s deelnemers weet het niet: “%(statement)s”",
            "%(count)s van de %(total)s deelnemers weten het niet: “%(statement)s”",
        ),
        "Theme %(theme)s scores low: on average %(mean)s out of 5.": "Thema %(theme)s scoort laag: gemiddeld %(mean)s van de 5.",
        (
            "After step 2, %(count)s participant changed the score on theme %(theme)s (%(details)s).",
            "After step 2, %(count)s participants changed the score on theme %(theme)s (%(details)s).",
        ): (
            "Na stap 2 paste %(count)s deelnemer de score op thema %(theme)s aan (%(details)s).",
            "Na stap 2 pasten %(count)s deelnemers de score op thema %(theme)s aan (%(details)s).",
        ),
        "Nobody chooses “%(option)s” (question %(number)s).": "Niemand kiest “%(option)s” (vraag %(number)s).",
        "Everyone chooses “%(option)s” (question %(number)s).": "Iedereen kiest “%(option)s” (vraag %(number)s).",
        "%(who)s gives theme %(theme)s a %(score)s, but ticks “%(option)s” at question %(number)s.": "%(who)s geeft thema %(theme)s een %(score)s, maar kiest bij vraag %(number)s “%(option)s”.",
        "Step 1 scores per theme": "Scores van stap 1 per thema",
        "For each theme a row; every marker is a participant, placed at the score from 1 to 5. The column with the question mark holds “weet niet”. The table below gives the same figures.": "Per thema een rij; elk teken is een deelnemer, geplaatst bij de score van 1 tot 5. De kolom met het vraagteken is “weet niet”. De tabel eronder geeft dezelfde cijfers.",
        "Legend:": "Legenda:",
        "score changed after step 2 (circle: first score)": "score aangepast na stap 2 (rondje: eerste score)",
        "The number in a marker is the participant's number.": "Het getal in een teken is het nummer van de deelnemer.",
        "The results of the group": "De uitkomsten van de groep",
        "You will see the results of the group here as soon as the facilitator shows them, so that nobody is influenced by the answers of others first.": "U ziet de uitkomsten van de groep hier zodra de gespreksleider ze laat zien. Zo laat niemand zich eerst leiden door de antwoorden van anderen.",
        "In this round the results show your name next to your answers. The facilitator and the colleagues of %(organisation)s who manage this round see them, and they are discussed in the meeting and may be shared with the alderman.": "In deze ronde staat uw naam bij uw antwoorden in de uitkomsten. De gespreksleider en de collega's van %(organisation)s die deze ronde beheren zien ze. De uitkomsten worden besproken in de bijeenkomst en kunnen worden gedeeld met de wethouder.",
        "After you hand in, you will see the results of the group once the facilitator shows them.": "Als u uw antwoorden hebt ingeleverd, ziet u de uitkomsten van de groep zodra de gespreksleider ze laat zien.",
        "Join a meeting": "Meedoen aan een bijeenkomst",
        "Give your name and your domain. You then get your own page to answer on; you do not need an account.": "Vul uw naam en uw domein in. U krijgt dan een eigen pagina om te antwoorden. U hebt geen account nodig.",
        "In the results you appear as “Participant N (domain)”; only the facilitator sees your name.": "In de uitkomsten staat u als “Deelnemer N (domein)”. Alleen de gespreksleider ziet uw naam.",
        "In this round the results show your name.": "In deze ronde staat uw naam bij de uitkomsten.",
        "Join": "Meedoen",
        "The code on the screen": "De code op het scherm",
        "Settings": "Instellingen",
        "Participants are told these choices before they answer.": "Deelnemers lezen deze keuzes voordat ze antwoorden.",
        "Save settings": "Instellingen opslaan",
        "Prepare the conversation": "Gesprek voorbereiden",
        "Presentation": "Presentatie",
        "Choose what the group will see in the meeting: what stands out, and the questions you will ask per theme. You can change everything during the meeting too.": "Kies wat de groep in de bijeenkomst ziet: wat opvalt, en de vragen die u per thema stelt. U kunt alles ook tijdens de bijeenkomst nog veranderen.",
        "Start the presentation": "Presentatie starten",
        "Hide what does not help the conversation; add what you noticed yourself.": "Verberg wat het gesprek niet helpt. Voeg toe wat u zelf opviel.",
        "Your own": "Eigen",
        "Hide": "Verbergen",
        "Nothing stands out yet: there are not enough answers.": "Er valt nog niets op: er zijn nog te weinig antwoorden.",
        ("%(counter)s hidden observation", "%(counter)s hidden observations"): (
            "%(counter)s verborgen observatie",
            "%(counter)s verborgen observaties",
        ),
        "Show again": "Weer tonen",
        "All themes": "Alle thema's",
        "What stands out to you": "Wat u opvalt",
        "Add observation": "Observatie toevoegen",
        "Questions for the group": "Vragen voor de groep",
        "Question %(n)s": "Vraag %(n)s",
        "Move up": "Omhoog",
        "Move down": "Omlaag",
        "No questions yet. Take over a proposal below, or write your own.": "Nog geen vragen. Neem hieronder een voorstel over, of schrijf zelf een vraag.",
        "Proposals for the themes that need it most": "Voorstellen voor de thema's die het meest aandacht vragen",
        "Based on the spread of the scores, low scores and “weet niet”, with the explanation of each theme in the tool.": "Op basis van de spreiding van de scores, lage scores en “weet niet”, en de toelichting bij elk thema in de tool.",
        "Take over": "Overnemen",
        "Write your own question or statement": "Zelf een vraag of stelling schrijven",
        "Question or statement": "Vraag of stelling",
        "Add question": "Vraag toevoegen",
        "Overview": "Overzicht",
        "Close presentation": "Presentatie sluiten",
        "Where does our municipality stand? Every marker is one participant.": "Waar staat onze gemeente? Elk teken is één deelnemer.",
        "%(done)s of %(total)s participants have given their scores · %(finished)s handed in": "%(done)s van de %(total)s deelnemers hebben hun scores gegeven · %(finished)s ingeleverd",
        "Show as a table": "Als tabel tonen",
        "Nothing stands out yet.": "Er valt nog niets op.",
        "For the conversation": "Voor het gesprek",
        "No questions for this theme yet.": "Nog geen vragen bij dit thema.",
        "Prepare questions": "Vragen voorbereiden",
        "Join with your phone": "Doe mee met uw telefoon",
        "QR code for %(url)s": "QR-code voor %(url)s",
        "Go to": "Ga naar",
        "or enter the code": "of vul de code",
        "at": "in op",
        "Stop joining": "Meedoen stoppen",
        "Let people in the room join with a short code or a QR code, without an account.": "Laat mensen in de zaal meedoen met een korte code of een QR-code, zonder account.",
        "Show a join code": "Code om mee te doen tonen",
        "Results for participants": "Uitkomsten voor deelnemers",
        "Participants do not see the group results in this round (see the round's settings).": "Deelnemers zien in deze ronde de uitkomsten van de groep niet (zie de instellingen van de ronde).",
        "Hide the results from participants": "Uitkomsten weer verbergen voor deelnemers",
        "Show the results to participants": "Uitkomsten tonen aan deelnemers",
        "Previous and next": "Vorige en volgende",
        "Previous: overview": "Vorige: overzicht",
        "Next: theme %(t)s": "Volgende: thema %(t)s",
        "Generated from the answers, the most important first. The differences are a start for the conversation, not a verdict.": "Gemaakt uit de antwoorden, het belangrijkste eerst. De verschillen zijn een begin van het gesprek, geen oordeel.",
        ("Show %(counter)s more observation", "Show %(counter)s more observations"): (
            "Nog %(counter)s observatie tonen",
            "Nog %(counter)s observaties tonen",
        ),
        "Average score per domain (without “weet niet”)": "Gemiddelde score per domein (zonder “weet niet”)",
        "Text": "Tekst",
        "Write what stands out, in at most 5,000 characters.": "Schrijf op wat opvalt, in maximaal 5.000 tekens.",
        "Your observation has been added.": "Uw observatie is toegevoegd.",
        "Your observation has been removed.": "Uw observatie is verwijderd.",
        "Choose a theme and write the question, in at most 5,000 characters.": "Kies een thema en schrijf de vraag op, in maximaal 5.000 tekens.",
        "The question has been added.": "De vraag is toegevoegd.",
        "The question has been removed.": "De vraag is verwijderd.",
        "A question cannot be empty or longer than 5,000 characters.": "Een vraag mag niet leeg zijn en niet langer dan 5.000 tekens.",
        "The question has been saved.": "De vraag is opgeslagen.",
        "The settings have been saved.": "De instellingen zijn opgeslagen.",
        "The results are now visible to the participants.": "De deelnemers zien nu de uitkomsten.",
        "The results are hidden from the participants again.": "De uitkomsten zijn weer verborgen voor de deelnemers.",
        "Joining with the code has been switched off.": "Meedoen met de code staat nu uit.",
        "Participants can now join with the code %(code)s.": "Deelnemers kunnen nu meedoen met de code %(code)s.",
        "There is no open meeting with this code. Check the code on the screen.": "Er is geen open bijeenkomst met deze code. Controleer de code op het scherm.",
        "Go to <strong>%(url)s</strong> and enter the code:": "Ga naar <strong>%(url)s</strong> en vul de code in:",
        "Or scan the QR code with your phone's camera.": "Of scan de QR-code met de camera van uw telefoon.",
        "This round is closed. Open it again before people join.": "Deze ronde is gesloten. Open de ronde eerst weer als mensen willen meedoen.",
        "Based on": "Waarop gebaseerd",
        "theme %(theme)s: %(value)s": "thema %(theme)s: %(value)s",
        "question %(number)s: did not tick “%(option)s”": "vraag %(number)s: “%(option)s” niet aangevinkt",
        "question %(number)s: “%(option)s”": "vraag %(number)s: “%(option)s”",
        "A meeting code has only letters and digits, for example ABC234. Check the code on the screen.": "Een code heeft alleen letters en cijfers, bijvoorbeeld ABC234. Kijk nog eens naar de code op het scherm.",
        "Check the code on the screen.": "Kijk nog eens naar de code op het scherm.",
        # Join codes: throttling and joint rounds
        "address (hashed)": "adres (versleuteld)",
        "failed join attempt": "mislukte poging om mee te doen",
        "failed join attempts": "mislukte pogingen om mee te doen",
        "In a joint round the group fills in one shared form: nobody joins with a code.": (
            "In een gezamenlijke ronde vult de groep één gedeeld formulier in: niemand doet mee met een code."
        ),
        "Too many wrong codes were typed from this network. Wait %(minutes)s minutes and try again, or ask the facilitator for your personal link.": (
            "Vanaf dit netwerk zijn te veel verkeerde codes ingevuld. Wacht %(minutes)s minuten en probeer het "
            "opnieuw, of vraag de gespreksleider om uw persoonlijke link."
        ),
        "This meeting fills in one shared form together, on the screen. You do not need to join with your phone.": (
            "In dit gesprek vult u samen één formulier in, op het scherm. U hoeft niet mee te doen met uw telefoon."
        ),
    }
)

NL.update(
    {
        # Retention, deletion and the participant's own answers
        "personal data removed at": "persoonsgegevens weggehaald op",
        "deletion announced at": "verwijdering aangekondigd op",
        "names, departments and e-mail addresses of %(count)s participants": (
            "namen, afdelingen en e-mailadressen van %(count)s deelnemers"
        ),
        "retention period": "bewaartermijn",
        "The round “%(title)s” will be deleted in %(days)s days": "De ronde “%(title)s” wordt over %(days)s dagen verwijderd",
        "Dear facilitator,": "Beste gespreksleider,",
        "The round “%(title)s” of %(organisation)s will be deleted on %(date)s, with all its answers and its "
        "action agenda. That is the retention period your organisation has chosen.": (
            "De ronde “%(title)s” van %(organisation)s wordt op %(date)s verwijderd, met alle antwoorden en de "
            "actieagenda. Dat is de bewaartermijn die uw organisatie heeft gekozen."
        ),
        "Do you want to keep something? Download the report or the round file before that day, under the tab "
        "“Download” of the round:": (
            "Wilt u iets bewaren? Download dan vóór die dag het verslag of het rondebestand, onder het tabblad "
            "“Downloaden” van de ronde:"
        ),
        "You do not need to do anything if the round may be deleted.": (
            "Mag de ronde weg? Dan hoeft u niets te doen."
        ),
        "Type the title of the round to confirm": "Typ de titel van de ronde om te bevestigen",
        "That is not the title of this round. Type “%(title)s” exactly.": (
            "Dat is niet de titel van deze ronde. Typ precies “%(title)s”."
        ),
        "My answers": "Mijn antwoorden",
        "Here you see everything you gave in this round, and what we keep about you.": (
            "Hier ziet u alles wat u in deze ronde hebt ingevuld, en wat we over u bewaren."
        ),
        "Download my answers (JSON)": "Mijn antwoorden downloaden (JSON)",
        "What we keep about you": "Wat we over u bewaren",
        "Name": "Naam",
        "Domain": "Domein",
        "Department or organisation": "Afdeling of organisatie",
        "E-mail address": "E-mailadres",
        "Questions, a correction, or do you want your answers deleted? Ask the facilitator: "
        "%(names)s (%(organisation)s).": (
            "Vragen, iets verbeteren, of wilt u uw antwoorden laten verwijderen? Vraag het de gespreksleider: "
            "%(names)s (%(organisation)s)."
        ),
        "Questions, a correction, or do you want your answers deleted? Ask the facilitator of %(organisation)s.": (
            "Vragen, iets verbeteren, of wilt u uw antwoorden laten verwijderen? Vraag het de gespreksleider "
            "van %(organisation)s."
        ),
        "Read the privacy statement": "Lees de privacyverklaring",
        "What stood out to you in step 1:": "Wat u opviel in stap 1:",
        "revised after step 2: %(score)s": "aangepast na stap 2: %(score)s",
        "Comment": "Opmerking",
        "Delete %(name)s": "%(name)s verwijderen",
        "Delete %(name)s?": "%(name)s verwijderen?",
        (
            "%(name)s (%(label)s) is deleted from this round, with %(answers)s answer. The personal link stops "
            "working. This cannot be undone.",
            "%(name)s (%(label)s) is deleted from this round, with all %(answers)s answers. The personal link "
            "stops working. This cannot be undone.",
        ): (
            "%(name)s (%(label)s) wordt uit deze ronde verwijderd, met %(answers)s antwoord. De persoonlijke "
            "link werkt dan niet meer. Dit kunt u niet ongedaan maken.",
            "%(name)s (%(label)s) wordt uit deze ronde verwijderd, met alle %(answers)s antwoorden. De "
            "persoonlijke link werkt dan niet meer. Dit kunt u niet ongedaan maken.",
        ),
        "Actions in the action agenda that this person would carry out stay, without a name.": (
            "Acties in de actieagenda die deze persoon zou uitvoeren, blijven staan, zonder naam."
        ),
        "Yes, delete %(name)s and the answers": "Ja, verwijder %(name)s en de antwoorden",
        "No, go back": "Nee, ga terug",
        "Delete %(title)s": "%(title)s verwijderen",
        "Delete the round “%(title)s”?": "De ronde “%(title)s” verwijderen?",
        (
            "The round is deleted with %(participants)s participant and all answers, observations, conversation "
            "questions and the action agenda. Personal links stop working. This cannot be undone.",
            "The round is deleted with %(participants)s participants and all answers, observations, conversation "
            "questions and the action agenda. Personal links stop working. This cannot be undone.",
        ): (
            "De ronde wordt verwijderd met %(participants)s deelnemer en alle antwoorden, opvallende punten, "
            "gespreksvragen en de actieagenda. Persoonlijke links werken dan niet meer. Dit kunt u niet ongedaan "
            "maken.",
            "De ronde wordt verwijderd met %(participants)s deelnemers en alle antwoorden, opvallende punten, "
            "gespreksvragen en de actieagenda. Persoonlijke links werken dan niet meer. Dit kunt u niet ongedaan "
            "maken.",
        ),
        "Do you want to keep something? Download the report or the round file first.": (
            "Wilt u iets bewaren? Download dan eerst het verslag of het rondebestand."
        ),
        "Delete the round for good": "De ronde definitief verwijderen",
        "Delete": "Verwijderen",
        "Personal data": "Persoonsgegevens",
        "Delete the round": "De ronde verwijderen",
        "Deleting removes the round with all participants, answers and the action agenda. This cannot be undone.": (
            "Verwijderen haalt de ronde weg met alle deelnemers, antwoorden en de actieagenda. Dit kunt u niet "
            "ongedaan maken."
        ),
        "Delete this round": "Deze ronde verwijderen",
        "Names, departments and e-mail addresses of the participants were removed on %(date)s. "
        "The answers are kept without names.": (
            "Namen, afdelingen en e-mailadressen van de deelnemers zijn op %(date)s weggehaald. "
            "De antwoorden blijven bewaard zonder namen."
        ),
        (
            "Personal data is kept until %(date)s (%(days)s day after closing). Then names, departments and "
            "e-mail addresses are removed; the answers stay.",
            "Personal data is kept until %(date)s (%(days)s days after closing). Then names, departments and "
            "e-mail addresses are removed; the answers stay.",
        ): (
            "Persoonsgegevens worden bewaard tot %(date)s (%(days)s dag na sluiten). Dan worden namen, "
            "afdelingen en e-mailadressen weggehaald; de antwoorden blijven.",
            "Persoonsgegevens worden bewaard tot %(date)s (%(days)s dagen na sluiten). Dan worden namen, "
            "afdelingen en e-mailadressen weggehaald; de antwoorden blijven.",
        ),
        (
            "Personal data is kept until %(days)s day after the round is closed. Then names, departments and "
            "e-mail addresses are removed; the answers stay.",
            "Personal data is kept until %(days)s days after the round is closed. Then names, departments and "
            "e-mail addresses are removed; the answers stay.",
        ): (
            "Persoonsgegevens worden bewaard tot %(days)s dag na het sluiten van de ronde. Dan worden namen, "
            "afdelingen en e-mailadressen weggehaald; de antwoorden blijven.",
            "Persoonsgegevens worden bewaard tot %(days)s dagen na het sluiten van de ronde. Dan worden namen, "
            "afdelingen en e-mailadressen weggehaald; de antwoorden blijven.",
        ),
        "The whole round will be deleted on %(date)s.": "De hele ronde wordt op %(date)s verwijderd.",
        (
            "The whole round is deleted %(days)s day after it is closed.",
            "The whole round is deleted %(days)s days after it is closed.",
        ): (
            "De hele ronde wordt %(days)s dag na het sluiten verwijderd.",
            "De hele ronde wordt %(days)s dagen na het sluiten verwijderd.",
        ),
        "The round itself is kept until a facilitator deletes it.": (
            "De ronde zelf blijft bewaard tot een gespreksleider haar verwijdert."
        ),
        "Change the retention periods of your organisation": "De bewaartermijnen van uw organisatie aanpassen",
        "%(name)s and their answers have been deleted.": "%(name)s en de antwoorden zijn verwijderd.",
        "The round “%(title)s” has been deleted.": "De ronde “%(title)s” is verwijderd.",
    }
)

NL.update(
    {
        "About the conversation tool": "Over de gesprekstool",
        "Practice examples, lessons and tips of other gemeenten": "Praktijkvoorbeelden, lessen en tips van andere gemeenten",
        "Want to know more?": "Meer weten?",
        "Part 2 of the tool explains its background and gathers practice examples. You may read it before, during and after filling in; your browser's back button brings you back here.": "Deel 2 van de tool vertelt over de achtergrond en verzamelt praktijkvoorbeelden. U kunt het lezen voor, tijdens en na het invullen. Met de terugknop van uw browser komt u weer hier.",
        "More on this theme": "Meer over dit thema",
        "(practice examples and tips)": "(praktijkvoorbeelden en tips)",
        "Read further": "Verder lezen",
        "Part 2 of the tool: the background of the conversation tool, and what other gemeenten do to combine poverty and health policy.": "Deel 2 van de tool: de achtergrond van de gesprekstool, en wat andere gemeenten doen om armoede- en gezondheidsbeleid te combineren.",
    }
)
