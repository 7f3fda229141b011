"""The health endpoint for load balancers: "ok" while the database answers, 503 when it does not."""

from http import HTTPStatus

from django.db import OperationalError, connection


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
