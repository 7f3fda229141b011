"""One settings file for every environment, driven by environment variables.

Development needs none of them: SQLite in the project folder, DEBUG on, console e-mail.
Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.env import email_settings, parse_bool, parse_int

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return parse_bool(name, value)  # anything but a clear yes or no stops start-up


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
    "gesprekstool.lib.storage.StaticFilesConfig",  # django.contrib.staticfiles, ignoring build artefacts
    "django_htmx",
    "template_partials",
    "gesprekstool.lib",
    "gesprekstool.instrument",
    "gesprekstool.organisations",
    "gesprekstool.rounds",
    "gesprekstool.agenda",
    "gesprekstool.inspiration",
    "gesprekstool.monitoring",
    "gesprekstool.reports",
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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=parse_int("CONN_MAX_AGE", os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,  # a kept connection that the database closed is replaced, not used
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
