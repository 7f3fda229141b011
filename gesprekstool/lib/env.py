"""Reading settings from environment variables, strictly: a value the settings do not understand
stops start-up with a message that names the variable, instead of quietly meaning something else.

Imported by settings.py, so it may import nothing from Django but its exceptions.
"""

from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


def parse_bool(name: str, value: str) -> bool:
    """`value` of the variable `name` as a boolean; anything but a clear yes or no is refused."""
    normalised = value.strip().lower()
    if normalised in TRUE:
        return True
    if normalised in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is neither true ({', '.join(sorted(TRUE))}) nor false ({', '.join(sorted(FALSE))})."
    )


def parse_int(name: str, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"

# scheme -> (use TLS via STARTTLS, use SSL from the first byte, default port)
SMTP_SCHEMES = {
    "smtp": (False, False, 25),
    "smtp+tls": (True, False, 587),
    "submission": (True, False, 587),
    "smtps": (False, True, 465),
}
EMAIL_URL_OPTIONS = {"tls", "ssl", "timeout"}


def email_settings_from_url(url: str, *, name: str = "EMAIL_URL") -> dict:
    """Django's EMAIL_* settings from one URL:

    smtp://user:password@mail.example.nl:587/?tls=1   plain SMTP, then STARTTLS
    smtp+tls://user:password@mail.example.nl          the same (port 587 by default)
    smtps://user:password@mail.example.nl             TLS from the first byte (port 465 by default)
    smtp://127.0.0.1:25                               a local relay, no login
    console:                                          print mails to the log (development)

    User and password are percent-decoded (write "@" in a password as %40). Query options:
    tls, ssl (booleans) and timeout (seconds). Anything else is refused.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": CONSOLE_BACKEND}
    if scheme not in SMTP_SCHEMES:
        known = ", ".join(["console", *SMTP_SCHEMES])
        raise ImproperlyConfigured(f"{name}: unknown scheme {parts.scheme!r}; use one of {known}.")
    use_tls, use_ssl, default_port = SMTP_SCHEMES[scheme]
    if not parts.hostname:
        raise ImproperlyConfigured(f"{name}: the URL names no mail server host.")
    try:
        port = parts.port or default_port
    except ValueError:
        raise ImproperlyConfigured(f"{name}: the port is not a number.") from None
    if parts.path not in ("", "/"):
        raise ImproperlyConfigured(f"{name}: an SMTP URL has no path; put options after '?'.")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = set(options) - EMAIL_URL_OPTIONS
    if unknown:
        raise ImproperlyConfigured(
            f"{name}: unknown option(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(EMAIL_URL_OPTIONS))}."
        )
    if "tls" in options:
        use_tls = parse_bool(f"{name} option tls", options["tls"])
    if "ssl" in options:
        use_ssl = parse_bool(f"{name} option ssl", options["ssl"])
    timeout = parse_int(f"{name} option timeout", options["timeout"]) if "timeout" in options else None
    return smtp_settings(
        name=name,
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
        timeout=timeout,
    )


def smtp_settings(
    *,
    name: str,
    host: str,
    port: int,
    user: str,
    password: str,
    use_tls: bool,
    use_ssl: bool,
    timeout: int | None,
) -> dict:
    if use_tls and use_ssl:
        raise ImproperlyConfigured(f"{name}: choose TLS (STARTTLS) or SSL, not both.")
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        # A mail server that does not answer must not hold the daily run forever.
        "EMAIL_TIMEOUT": timeout if timeout is not None else 30,
    }


def email_settings(environ) -> dict:
    """The EMAIL_* settings from the environment: EMAIL_URL, or EMAIL_HOST with EMAIL_PORT,
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL and EMAIL_TIMEOUT, or
    else EMAIL_BACKEND (default: the console, for development)."""
    url = environ.get("EMAIL_URL", "").strip()
    host = environ.get("EMAIL_HOST", "").strip()
    if url and host:
        raise ImproperlyConfigured("Set EMAIL_URL or EMAIL_HOST, not both.")
    if url:
        return email_settings_from_url(url)
    if host:
        use_ssl = parse_bool("EMAIL_USE_SSL", environ.get("EMAIL_USE_SSL", "0"))
        use_tls = parse_bool("EMAIL_USE_TLS", environ.get("EMAIL_USE_TLS", "0"))
        default_port = 465 if use_ssl else 587 if use_tls else 25
        return smtp_settings(
            name="EMAIL_HOST",
            host=host,
            port=parse_int("EMAIL_PORT", environ.get("EMAIL_PORT", str(default_port))),
            user=environ.get("EMAIL_HOST_USER", ""),
            password=environ.get("EMAIL_HOST_PASSWORD", ""),
            use_tls=use_tls,
            use_ssl=use_ssl,
            timeout=parse_int("EMAIL_TIMEOUT", environ["EMAIL_TIMEOUT"])
            if "EMAIL_TIMEOUT" in environ
            else None,
        )
    return {"EMAIL_BACKEND": environ.get("EMAIL_BACKEND", CONSOLE_BACKEND)}
