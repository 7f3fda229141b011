"""The health endpoint for load balancers ("ok" while the database answers, 503 when it does not), and
the status of a page with a form."""

from http import HTTPStatus

import pytest
from django import forms
from django.db import OperationalError, connection

from gesprekstool.lib.views import form_status


def test_health_says_ok_when_the_database_answers(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/gezond/")

    assert response.status_code == HTTPStatus.OK
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain"
    assert "no-store" in response["Cache-Control"]


def test_health_is_503_when_the_database_does_not_answer(client, db, monkeypatch, caplog):
    def unreachable():
        raise OperationalError("connection to server at 10.0.0.5 failed: password authentication failed")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", unreachable)  # the outside boundary: the database server
        response = client.get("/gezond/")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.content == b"database unavailable"
    assert [r.getMessage() for r in caplog.records if r.name == "gesprekstool.lib.views"] == [
        "Health check: the database does not answer (OperationalError)."
    ]


def test_health_answers_only_get_and_head(client, db):
    assert client.head("/gezond/").status_code == HTTPStatus.OK
    assert client.post("/gezond/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


class NameForm(forms.Form):
    name = forms.CharField(max_length=5)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (None, HTTPStatus.OK),
        ({"name": "Anna"}, HTTPStatus.OK),
        ({"name": ""}, HTTPStatus.UNPROCESSABLE_ENTITY),
        ({"name": "Annemarie"}, HTTPStatus.UNPROCESSABLE_ENTITY),
    ],
    ids=["fresh", "sent-and-valid", "sent-and-empty", "sent-and-too-long"],
)
def test_form_status_is_422_only_for_a_form_that_was_sent_and_refused(data, expected):
    assert form_status(NameForm(data)) == expected


def test_form_status_is_422_for_an_error_the_view_adds_after_validation():
    form = NameForm({"name": "Anna"})
    assert form.is_valid()

    form.add_error("name", "Deze naam is al in gebruik.")

    assert form_status(form) == HTTPStatus.UNPROCESSABLE_ENTITY
