"""Dutch for msgids of the two-step login (merged into the catalogue by scripts/messages.py)."""

NL = {
    # Login throttling (django-axes' lockout page)
    "Too many attempts": "Te vaak geprobeerd",
    (
        "Logging in failed too often for this account or from this address. To protect the account, logging in is paused. Try again in %(minutes)s minute.",
        "Logging in failed too often for this account or from this address. To protect the account, logging in is paused. Try again in %(minutes)s minutes.",
    ): (
        "Inloggen is te vaak mislukt voor dit account of vanaf dit adres. Om het account te beschermen kunt u "
        "even niet inloggen. Probeer het over %(minutes)s minuut opnieuw.",
        "Inloggen is te vaak mislukt voor dit account of vanaf dit adres. Om het account te beschermen kunt u "
        "even niet inloggen. Probeer het over %(minutes)s minuten opnieuw.",
    ),
    "Forgot your password? Ask the person who manages your team for help.": (
        "Wachtwoord vergeten? Vraag de beheerder van uw team om hulp."
    ),
    # Forms
    "Code": "Code",
    "The 6 digits your authenticator app shows now, or one of your recovery codes.": (
        "De 6 cijfers die uw authenticator-app nu toont, of een van uw herstelcodes."
    ),
    "Code from the app": "Code uit de app",
    "The 6 digits your authenticator app shows for Gesprekstool.": (
        "De 6 cijfers die uw authenticator-app toont bij Gesprekstool."
    ),
    "Your password": "Uw wachtwoord",
    "That password is not correct.": "Dat wachtwoord klopt niet.",
    # Pages
    "No access to the admin": "Geen toegang tot het beheer",
    "Your account does not have access to the admin. Ask the host of this site if you need it.": (
        "Uw account heeft geen toegang tot het beheer. Vraag de beheerder van deze website als u die nodig heeft."
    ),
    "Turn two-step login off": "Tweestapsverificatie uitzetten",
    "After this, your password alone is enough to log in. Your app and recovery codes stop working.": (
        "Daarna is alleen uw wachtwoord genoeg om in te loggen. Uw app en herstelcodes werken dan niet meer."
    ),
    "Turn off": "Uitzetten",
    "Enter your code": "Vul uw code in",
    "Open the authenticator app on your phone and enter the 6 digits it shows for Gesprekstool. No phone at hand? Enter one of your recovery codes.": (
        "Open de authenticator-app op uw telefoon en vul de 6 cijfers in die de app toont bij Gesprekstool. "
        "Geen telefoon bij de hand? Vul dan een van uw herstelcodes in."
    ),
    "Two-step login": "Tweestapsverificatie",
    "With two-step login you enter a code from an app on your phone after your password. Someone who learns your password still cannot log in.": (
        "Met tweestapsverificatie vult u na uw wachtwoord een code in uit een app op uw telefoon. Iemand die uw "
        "wachtwoord kent, kan dan toch niet inloggen."
    ),
    "Two-step login is on.": "Tweestapsverificatie staat aan.",
    ("You have %(counter)s recovery code left.", "You have %(counter)s recovery codes left."): (
        "U heeft nog %(counter)s herstelcode.",
        "U heeft nog %(counter)s herstelcodes.",
    ),
    "Make new recovery codes": "Nieuwe herstelcodes maken",
    "Use another phone": "Een andere telefoon gebruiken",
    "Two-step login is off.": "Tweestapsverificatie staat uit.",
    "Turn two-step login on": "Tweestapsverificatie aanzetten",
    "Your recovery codes": "Uw herstelcodes",
    "Keep these codes somewhere safe, for example in your password manager. Each code works once, when you do not have your phone. They are shown only now.": (
        "Bewaar deze codes op een veilige plek, bijvoorbeeld in uw wachtwoordmanager. Elke code werkt één keer, "
        "voor als u uw telefoon niet bij de hand heeft. U ziet ze alleen nu."
    ),
    "I have saved them": "Ik heb ze bewaard",
    "Set up two-step login": "Tweestapsverificatie instellen",
    "Install an authenticator app on your phone, for example the one your organisation advises, Microsoft Authenticator, Google Authenticator or FreeOTP.": (
        "Installeer een authenticator-app op uw telefoon, bijvoorbeeld de app die uw organisatie aanraadt, "
        "Microsoft Authenticator, Google Authenticator of FreeOTP."
    ),
    "In the app, add an account and scan this QR code.": "Voeg in de app een account toe en scan deze QR-code.",
    "Enter the 6 digits the app then shows.": "Vul de 6 cijfers in die de app daarna toont.",
    "Cannot scan? Type this key into the app (time-based):": (
        "Lukt scannen niet? Typ dan deze sleutel over in de app (op tijd gebaseerd):"
    ),
    "Turn on": "Aanzetten",
    # Messages
    "Log in again: the time to enter the code has passed.": (
        "Log opnieuw in: de tijd om de code in te vullen is voorbij."
    ),
    "You used a recovery code; %(count)s are left. Make new ones on the two-step login page.": (
        "U heeft een herstelcode gebruikt; er zijn er nog %(count)s. Maak nieuwe op de pagina "
        "Tweestapsverificatie."
    ),
    "That code is not correct. Check the app and try again.": (
        "Die code klopt niet. Kijk in de app en probeer het opnieuw."
    ),
    "That code is not correct. Check the time on your phone and try again.": (
        "Die code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer het opnieuw."
    ),
    "QR code for your authenticator app": "QR-code voor uw authenticator-app",
    "Two-step login is required on this site; it cannot be turned off.": (
        "Tweestapsverificatie is verplicht op deze website; u kunt het niet uitzetten."
    ),
    "The admin asks for two-step login. Set up your authenticator app first.": (
        "Het beheer vraagt om tweestapsverificatie. Stel eerst uw authenticator-app in."
    ),
}
