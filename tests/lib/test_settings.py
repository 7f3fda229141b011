"""Settings from the environment: strict yes/no values, and a production configuration that passes
Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from gesprekstool.settings import env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


# Every spelling of yes and no is tested on parse_bool (tests/lib/test_env.py), which env_bool uses.
@pytest.mark.parametrize(("value", "expected"), [("on", True), ("FALSE", False), ("", True), ("  ", True)])
def test_env_bool(monkeypatch, value, expected):
    monkeypatch.setenv("GT_TEST_FLAG", value)

    assert env_bool("GT_TEST_FLAG", True) is expected


def test_env_bool_unset_is_the_default(monkeypatch):
    monkeypatch.delenv("GT_TEST_FLAG", raising=False)

    assert env_bool("GT_TEST_FLAG", False) is False


@pytest.mark.parametrize("value", ["ja", "2", "enabled", "tru"])
def test_env_bool_refuses_what_it_does_not_understand(monkeypatch, value):
    monkeypatch.setenv("GT_TEST_FLAG", value)

    with pytest.raises(ImproperlyConfigured, match="GT_TEST_FLAG"):
        env_bool("GT_TEST_FLAG", False)


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("GT_TEST_NUMBER", "vijf")

    with pytest.raises(ImproperlyConfigured, match="GT_TEST_NUMBER"):
        env_int("GT_TEST_NUMBER", 5)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_", "REQUIRE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env(tmp_path) -> dict[str, str]:
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "gesprekstool.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "SECURE_HSTS_PRELOAD": "1",
        "SECURE_PROXY_SSL_HEADER": "1",
        "REQUIRE_2FA": "1",
        "EMAIL_URL": "smtp+tls://gesprekstool:secret@mail.example.nl:587",
    }


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env(tmp_path))

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_warns_when_https_is_switched_off(tmp_path):
    # The test above must be able to fail: turning the HTTPS settings off is reported.
    env = {**production_env(tmp_path), "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0"}

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode == 1
    assert "security.W004" in result.stderr
    assert "security.W008" in result.stderr


def test_start_up_stops_on_an_unclear_yes_or_no(tmp_path):
    result = run_manage("check", REQUIRE_2FA="ja")

    assert result.returncode == 1
    assert (
        "REQUIRE_2FA='ja' is neither true (1, on, true, yes) nor false (0, false, no, off)" in result.stderr
    )
