"""One settings file for every environment, driven by environment variables.

Development needs none of them: SQLite in the project folder, DEBUG on, console e-mail.
Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "gesprekstool.lib",
    "gesprekstool.statements",
    "gesprekstool.instrument",
    "gesprekstool.organisations",
    "gesprekstool.rounds",
    "gesprekstool.agenda",
    "gesprekstool.inspiration",
    "gesprekstool.monitoring",
    "gesprekstool.reports",
    "gesprekstool.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
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
AUTHENTICATION_BACKENDS = ["gesprekstool.organisations.auth.EmailOrUsernameBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "rounds:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "gesprekstool" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "gesprekstool" / "static",
    ("nlds/components", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("nlds/tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"  # participant links never leak through the Referer header
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gesprekstool@localhost")
# How long an invitation link to join an organisation stays valid.
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "7"))
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
