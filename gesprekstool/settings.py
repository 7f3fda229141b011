"""One settings file for every environment, driven by environment variables.

Development needs none of them: SQLite in the project folder, DEBUG on, console e-mail.
Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.env import email_settings, parse_bool, parse_int

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """A yes/no setting. A value that is neither clearly true nor clearly false stops start-up:
    `REQUIRE_2FA=ja` must not quietly mean "no"."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return parse_bool(name, value)  # anything but a clear yes or no stops start-up


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """A whole number from the environment; anything else, or one below `minimum`, stops start-up."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    number = parse_int(name, value)
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} is less than {minimum}.")
    return number


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # The admin (/beheer/) only for staff who passed the second login step; see lib/admin.py.
    "gesprekstool.lib.admin.VerifiedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: its collectstatic (lib/management/commands) leaves out build artefacts.
    "gesprekstool.lib",
    # Named as itself: pytest-django's live server (browser tests) serves static files only then.
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    # Django's own form templates, for the project's form renderer (lib/forms.py).
    "django.forms",
    "gesprekstool.statements",
    "gesprekstool.instrument",
    "gesprekstool.organisations",
    "gesprekstool.twofactor",
    "gesprekstool.rounds",
    "gesprekstool.agenda",
    "gesprekstool.inspiration",
    "gesprekstool.monitoring",
    "gesprekstool.reports",
    "gesprekstool.indicators",
    "gesprekstool.programmes",
    "gesprekstool.futures",
    "gesprekstool.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "gesprekstool.lib.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gesprekstool.lib.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gesprekstool.twofactor.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gesprekstool.urls"
WSGI_APPLICATION = "gesprekstool.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gesprekstool" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gesprekstool.organisations.context_processors.current_organisation",
            ],
        },
    },
]

# Every form field rendered with the NL Design System field markup: `{{ form.field.as_field_group }}`.
FORM_RENDERER = "gesprekstool.lib.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections in production: a new connection per request cost an autosave about a
        # fifth of its time (docs/performance.md). Each gunicorn thread keeps one: WEB_CONCURRENCY x
        # WEB_THREADS connections per app server. Development closes them after every request.
        conn_max_age=env_int("CONN_MAX_AGE", 0 if DEBUG else 60),
        # A kept connection that the database closed is replaced, not used.
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the facilitator's result page read while participants write; IMMEDIATE
    # avoids "database is locked" upgrades when two answers arrive at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not the in-memory default: the browser tests' live server answers from
    # several threads, and shared-cache memory databases lock whole tables.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("TEST_SQLITE_NAME", str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3"))
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a login attempt while the account or the address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "gesprekstool.organisations.auth.EmailOrUsernameBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "rounds:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "gesprekstool" / "locale"]
# The language switch (Django's set_language) remembers the choice per browser in this cookie, for a year;
# LanguageMiddleware reads only the cookie, never the browser's Accept-Language.
LANGUAGE_COOKIE_NAME = "gesprekstool_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "gesprekstool" / "static",
    ("nlds/components", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("nlds/tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_REFERRER_POLICY = "same-origin"  # participant links never leak through the Referer header
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS. Production defaults assume the site is only reachable over HTTPS; a host that terminates
# TLS at a proxy sets SECURE_PROXY_SSL_HEADER=1 (the proxy must set X-Forwarded-Proto itself).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The health check answers plain HTTP so a load balancer can probe the app server directly.
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]

# Content-Security-Policy: no inline script or style anywhere, nothing from other sites.
# htmx is told not to inject its indicator <style> and not to eval (see base.html's htmx-config).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The browser features no page uses; see gesprekstool.lib.middleware.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

# Two-factor login (django-otp: an authenticator app and ten recovery codes).
# REQUIRE_2FA=1 sends every logged-in user without a confirmed app to the setup page first.
REQUIRE_2FA = env_bool("REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Gesprekstool"
# Minutes between entering the password and entering the code.
TWO_FACTOR_LOGIN_TIMEOUT = timedelta(minutes=5)

# Login throttling (django-axes, state in the database so every app server sees the same count).
# Locked per account and, separately, per address, after AXES_FAILURE_LIMIT failed attempts.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gesprekstool.twofactor.views.lockout"
AXES_CLIENT_IP_CALLABLE = "gesprekstool.lib.client_ip.client_ip"
AXES_VERBOSE = False
# No log of every successful login with its address: personal data the tool does not need
# (the activity log records what members do).
AXES_DISABLE_ACCESS_LOG = True
# How many proxies (load balancer, reverse proxy) stand in front of the app and append to
# X-Forwarded-For. 0: the address is the connection's own (REMOTE_ADDR), the header is ignored.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Join codes: wrong codes one address may try within the window before it must wait.
JOIN_CODE_ATTEMPT_LIMIT = env_int("JOIN_CODE_ATTEMPT_LIMIT", 20)
JOIN_CODE_ATTEMPT_WINDOW = timedelta(minutes=env_int("JOIN_CODE_ATTEMPT_MINUTES", 10))

# Password reset mails (organisations/password_reset.py): how many one e-mail address, and one client
# address, may ask for within the window. More is refused (429) without a mail.
PASSWORD_RESET_EMAIL_LIMIT = env_int("PASSWORD_RESET_EMAIL_LIMIT", 3, minimum=1)
PASSWORD_RESET_IP_LIMIT = env_int("PASSWORD_RESET_IP_LIMIT", 10, minimum=1)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60, minimum=1)

# --- Production: static files, mail, app servers (issue 10, item 1; README "Running it for real") ---
# App servers keep nothing on local disk at run time: sessions live in the database, there are no
# uploads and no file or memory caches that a second server would miss. Static files are collected
# at deploy time (scripts/serve.sh) and served by WhiteNoise, compressed, with far-future headers.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
if not DEBUG:
    # Only in production: in development runserver serves the source folders, and the tests
    # render pages without a collected manifest.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "gesprekstool.lib.storage.StaticFilesStorage"},
    }
    # Pages link the hashed names only ({% static %}); no second, uncompressed copy to compress.
    WHITENOISE_KEEP_ONLY_HASHED_FILES = True

# Mail: EMAIL_URL (smtp://user:password@host:587/?tls=1, smtps://..., console:) or EMAIL_HOST and
# friends; see gesprekstool/lib/env.py. Development prints mails to the console.
globals().update(email_settings(os.environ))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gesprekstool@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# --- end of the production block ---

# How long an invitation link to join an organisation stays valid.
INVITATION_DAYS = env_int("INVITATION_DAYS", 7)
# How long a password reset link stays valid (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24


def env_days(name: str, default: int | None, *, never: bool = False) -> int | None:
    """A number of days from the environment; where `never` is allowed, "never" means no limit.
    Anything else stops start-up."""
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if never and value == "never":
        return None
    if not value.isdigit() or int(value) < 1:
        allowed = "a whole number of days (1 or more)" + (" or 'never'" if never else "")
        raise RuntimeError(f"{name} must be {allowed}, not {value!r}.")
    return int(value)


# Retention of personal data (docs/privacy.md). The host sets the defaults for new organisations and
# the longest period a facilitator may choose; each organisation may choose shorter periods.
RETENTION_PARTICIPANT_DAYS = env_days("RETENTION_PARTICIPANT_DAYS", 90)
RETENTION_ROUND_DAYS = env_days("RETENTION_ROUND_DAYS", None, never=True)  # None: kept until deleted by hand
RETENTION_OWNER_EMAIL_DAYS = env_days("RETENTION_OWNER_EMAIL_DAYS", 90)
RETENTION_MAX_DAYS = env_days("RETENTION_MAX_DAYS", 730)
ACTIVITY_LOG_DAYS = env_days("ACTIVITY_LOG_DAYS", 365)

# Exports that take seconds (PDF, Word, Excel) are prepared outside the request (reports/builds.py):
# "thread" starts a thread in the app server after the request's transaction commits (gunicorn has no
# task queue here); "inline" builds within the request (the tests). A build that shows no sign of
# life for EXPORT_BUILD_STALE_SECONDS (its server was stopped) is started again by the next request.
EXPORT_BUILDS = os.environ.get("EXPORT_BUILDS", "thread").strip() or "thread"
if EXPORT_BUILDS not in ("thread", "inline"):
    raise RuntimeError(f"EXPORT_BUILDS must be 'thread' or 'inline', not {EXPORT_BUILDS!r}.")
EXPORT_BUILD_STALE_SECONDS = env_int("EXPORT_BUILD_STALE_SECONDS", 180)

# The largest text a participant may write in one field.
MAX_ANSWER_TEXT = 5000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "gesprekstool.lib.logging.RedactTokensFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
    },
    # The filter also sits on the loggers that log request paths, so that every handler (error mail,
    # a log shipper, pytest's caplog) receives the redacted record, whatever order handlers run in.
    "loggers": {
        "django.server": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact_tokens"],
        },
        "django.request": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
            "filters": ["redact_tokens"],
        },
        # A refused CSRF check logs the path as well ("Forbidden (...): /d/<token>/...").
        "django.security.csrf": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
            "filters": ["redact_tokens"],
        },
        "gesprekstool": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
