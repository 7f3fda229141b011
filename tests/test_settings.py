import pytest
from django.core.exceptions import ImproperlyConfigured

from gesprekstool.settings import env_days, env_int


@pytest.mark.parametrize(("value", "expected"), [(None, 90), ("30", 30), (" 365 ", 365)])
def test_env_days_reads_whole_days(monkeypatch, value, expected):
    if value is not None:
        monkeypatch.setenv("TEST_DAYS", value)

    assert env_days("TEST_DAYS", 90) == expected


def test_env_days_never_only_where_allowed(monkeypatch):
    monkeypatch.setenv("TEST_DAYS", "never")

    assert env_days("TEST_DAYS", 730, never=True) is None
    with pytest.raises(RuntimeError, match="TEST_DAYS must be a whole number of days"):
        env_days("TEST_DAYS", 90)


@pytest.mark.parametrize("value", ["0", "-5", "drie", "", "1.5"])
def test_env_days_refuses_what_it_does_not_understand(monkeypatch, value):
    monkeypatch.setenv("TEST_DAYS", value)

    with pytest.raises(RuntimeError):
        env_days("TEST_DAYS", 90, never=True)


@pytest.mark.parametrize(("value", "expected"), [(None, 3), ("1", 1), (" 12 ", 12)])
def test_env_int_reads_a_number_at_or_above_its_minimum(monkeypatch, value, expected):
    if value is not None:
        monkeypatch.setenv("TEST_LIMIT", value)

    assert env_int("TEST_LIMIT", 3, minimum=1) == expected


@pytest.mark.parametrize(
    ("value", "message"), [("0", "is less than 1"), ("-2", "is less than 1"), ("drie", "not a whole number")]
)
def test_env_int_refuses_a_number_below_its_minimum(monkeypatch, value, message):
    monkeypatch.setenv("TEST_LIMIT", value)

    with pytest.raises(ImproperlyConfigured, match=message):
        env_int("TEST_LIMIT", 3, minimum=1)
