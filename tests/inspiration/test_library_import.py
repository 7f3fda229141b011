"""Moving the library between installations: export, import, reindex, and what an import refuses (in Dutch,
changing nothing)."""

import io
import json
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from gesprekstool.inspiration import library, search, services
from gesprekstool.inspiration.models import Entry, RuleEntry, SuggestionRule, Tag, Theme
from tests.factories import OrganisationFactory

from .conftest import make_entry


def test_export_of_a_fresh_installation_is_the_shipped_file(shipped):
    assert library.dumps(library.export_library()) == library.SHIPPED.read_text(encoding="utf-8")


def empty_library():
    RuleEntry.objects.all().delete()
    SuggestionRule.objects.all().delete()
    Entry.objects.all().delete()
    Tag.objects.all().delete()
    Theme.objects.all().delete()


def test_export_then_import_into_an_empty_database_gives_the_same_library(shipped, tmp_path):
    organisation = OrganisationFactory(slug="testdorp")
    published = make_entry(
        title="Gepubliceerd voorbeeld", themes="AB", tags=["bereiken"], organisation=organisation
    )
    services.retire(make_entry(title="Ingetrokken voorbeeld"))
    make_entry(title="Eigen geheim", visibility="private", organisation=organisation)
    path = tmp_path / "export.json"
    call_command("inspiration", "export", str(path), stdout=io.StringIO())
    before = json.loads(path.read_text(encoding="utf-8"))

    empty_library()
    call_command("inspiration", "import", str(path), stdout=io.StringIO())

    assert library.export_library() == before
    assert Entry.objects.filter(slug=published.slug, organisation=organisation).exists()
    assert not Entry.objects.filter(title="Eigen geheim").exists()  # private entries stay home
    assert Entry.objects.get(title="Ingetrokken voorbeeld").retired_at is not None
    assert [Entry.objects.get(pk=pk).slug for pk in search.ranked_ids("gepubliceerd voorbeeld")] == [
        published.slug
    ]


def test_importing_twice_changes_nothing(shipped):
    data = library.read(library.SHIPPED)
    stamps = dict(Entry.objects.values_list("slug", "updated_at"))
    rules = dict(SuggestionRule.objects.values_list("slug", "updated_at"))
    links = list(RuleEntry.objects.values_list("pk", flat=True).order_by("pk"))

    report = library.import_library(data)

    assert (report.created, report.updated, report.skipped) == ([], [], [])
    assert dict(Entry.objects.values_list("slug", "updated_at")) == stamps
    assert dict(SuggestionRule.objects.values_list("slug", "updated_at")) == rules
    assert list(RuleEntry.objects.values_list("pk", flat=True).order_by("pk")) == links


def test_import_updates_changed_entries_and_keeps_others(shipped):
    data = library.read(library.SHIPPED)
    data["entries"][0]["title"] = "Nieuwe titel"
    data["entries"] = data["entries"][:1]
    data["rules"] = []
    report = library.import_library(data)
    assert report.updated == [f"entry {data['entries'][0]['slug']}"]
    assert Entry.objects.get(slug=data["entries"][0]["slug"]).title == "Nieuwe titel"
    assert Entry.objects.filter(visibility="public").count() == 58


def test_import_does_not_overwrite_a_gemeentes_own_entry(shipped):
    own = make_entry(title="Van ons", visibility="private", organisation=OrganisationFactory())
    data = library.read(library.SHIPPED)
    data["entries"][0]["slug"] = own.slug
    report = library.import_library(data)
    assert report.skipped == [own.slug]
    own.refresh_from_db()
    assert (own.title, own.visibility) == ("Van ons", "private")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "iets-anders"}, "format"),
        ({"version": 99}, "Versie 99"),
        ({"entries": [{"slug": "x"}]}, r"entries\[0\]: mist “kind”"),
        ({"entries": "geen lijst"}, "entries: moet een lijst zijn"),
    ],
)
def test_import_refuses_what_it_cannot_read(shipped, tmp_path, change, message):
    data = {**library.read(library.SHIPPED), **change}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("inspiration", "import", str(path))


def test_import_refuses_unknown_themes_and_missing_files(shipped, tmp_path):
    data = library.read(library.SHIPPED)
    data["entries"][0]["themes"] = ["Z"]
    with pytest.raises(library.LibraryFormatError, match=r"entries\[0\].themes\[0\]: er is geen thema “Z”"):
        library.import_library(data)
    with pytest.raises(CommandError, match="nergens.json: No such file"):
        call_command("inspiration", "import", str(tmp_path / "nergens.json"))
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="JSON"):
        call_command("inspiration", "import", str(tmp_path / "kapot.json"))


def test_reindex_command_rebuilds_the_index(shipped):
    Entry.objects.update(search_title="", search_body="")
    search.clear_index()
    assert search.ranked_ids("Goed Bezig") == []
    out = io.StringIO()
    call_command("inspiration", "reindex", stdout=out)
    assert "58" in out.getvalue()
    assert search.ranked_ids("Goed Bezig")


def test_migration_loads_the_shipped_library_into_an_empty_database(shipped):
    empty_library()
    migration = import_module("gesprekstool.inspiration.migrations.0003_shipped_library")
    migration.load(
        apps, SimpleNamespace(connection=connection)
    )  # what the migration uses of its schema editor
    assert Entry.objects.count() == 58
    assert SuggestionRule.objects.count() == len(library.read(library.SHIPPED)["rules"])


def test_the_shipped_library_matches_the_schema_in_docs(db):
    docs = Path(__file__).resolve().parents[2] / "docs" / "inspiration-library.schema.json"
    assert docs.read_text(encoding="utf-8") == library.SCHEMA_PATH.read_text(encoding="utf-8")
    library.validate(library.read(library.SHIPPED))  # the database is not needed for the shipped file


def _set(data, path, value):
    *parents, last = path
    for part in parents:
        data = data[part]
    data[last] = value


# Links an entry may not carry (only http and https addresses), by the entry that carries them.
REFUSED_LINKS = {
    "javascript link": (3, "javascript:alert(document.cookie)"),
    "data link": (0, "data:text/html,<script>alert(1)</script>"),
    "JaVaScRiPt link": (1, " JaVaScRiPt:alert(1)"),
    "ftp link": (1, "ftp://example.org/x"),
}

# Slugs that are not of the form an address may carry.
REFUSED_SLUGS = {
    "slug with a space": "met spatie",
    "slug with a slash": "a/b",
    "slug with a newline": "abc\n",
    "empty slug": "",
}

# What a hand-edited or hostile library export may hold, and the place and words of the refusal.
BAD_LIBRARIES = {
    **{
        name: (
            ("entries", index, "source_url"),
            link,
            rf"entries\[{index}\].source_url: alleen http- en https-adressen zijn toegestaan",
        )
        for name, (index, link) in REFUSED_LINKS.items()
    },
    "not an address": (("entries", 1, "source_url"), "https://", r"“https://” is geen webadres"),
    **{
        name: (
            ("entries", 2, "slug"),
            slug,
            r"schema van de bibliotheek bij entries\[2\].slug: heeft niet de juiste vorm",
        )
        for name, slug in REFUSED_SLUGS.items()
    },
    "tag slug": (("tags", 0, "slug"), "é", r"tags\[0\].slug: heeft niet de juiste vorm"),
    "theme code": (("themes", 0, "code"), "/", r"themes\[0\].code: heeft niet de juiste vorm"),
    "unknown kind": (("entries", 0, "kind"), "recipe", r"entries\[0\].kind: moet een van deze waarden"),
    "unknown tag kind": (("tags", 0, "kind"), "colour", r"tags\[0\].kind: moet een van deze waarden"),
    "title too long": (("entries", 0, "title"), "x" * 201, r"entries\[0\].title: is langer dan 200 tekens"),
    "empty title": (("entries", 0, "title"), "", r"entries\[0\].title: is leeg"),
    "title not a text": (("entries", 0, "title"), 12, r"entries\[0\].title: moet een tekst zijn"),
    "huge position": (("entries", 0, "position"), 10**30, r"entries\[0\].position: valt buiten"),
    "negative position": (("tags", 0, "position"), -1, r"tags\[0\].position: valt buiten"),
    "unknown key": (("entries", 0, "onclick"), "x", r"entries\[0\]: heeft onbekende sleutels: “onclick”"),
    "no themes": (("entries", 0, "themes"), [], r"entries\[0\].themes"),
    "unknown theme": (("entries", 0, "themes"), ["Q"], r"entries\[0\].themes\[0\]: er is geen thema “Q”"),
    "unknown tag": (
        ("entries", 0, "tags"),
        ["nergens"],
        r"entries\[0\].tags\[0\]: er is geen label “nergens”",
    ),
    "rule theme": (("rules", 0, "theme"), "Q", r"rules\[0\].theme: er is geen thema “Q”"),
    "rule entry": (
        ("rules", 0, "entries"),
        ["bestaat-niet"],
        r"rules\[0\].entries\[0\]: er is geen bibliotheekitem “bestaat-niet”",
    ),
    "rule answer code": (
        ("rules", 0, "ticked"),
        "99z",
        r"rules\[0\].ticked: geen antwoordcode van de tool: 99z",
    ),
    "rule placeholder": (
        ("rules", 0, "reason"),
        "Laag: {scores.__class__}",
        r"rules\[0\].reason: gebruik tussen accolades alleen",
    ),
    "rule broken brace": (("rules", 0, "reason"), "Laag {", r"rules\[0\].reason: gebruik tussen accolades"),
    "impossible moment": (
        ("entries", 0, "retired_at"),
        "2026-02-30T10:00:00+00:00",
        r"entries\[0\].retired_at: “2026-02-30T10:00:00\+00:00” is geen bestaand tijdstip",
    ),
    "NUL": (("entries", 0, "summary"), "a\x00b", r"entries\[0\].summary bevat een NUL-teken"),
    "lone surrogate": (
        ("entries", 0, "lessons"),
        "a\ud800b",
        r"entries\[0\].lessons bevat een ongeldig teken",
    ),
    "version true": (("version",), True, "Versie true wordt niet ondersteund"),
    "themes not a list": (("themes",), {"A": 1}, "themes: moet een lijst zijn"),
}


@pytest.mark.parametrize("case", BAD_LIBRARIES.values(), ids=BAD_LIBRARIES.keys())
def test_import_refuses_a_bad_library_in_dutch_and_changes_nothing(shipped, tmp_path, case):
    path_in_file, value, message = case
    data = library.read(library.SHIPPED)
    data["entries"][0]["title"] = "Dit zou een wijziging zijn"
    _set(data, path_in_file, value)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = library.export_library()

    with pytest.raises(CommandError, match=message):
        call_command("inspiration", "import", str(path))

    assert library.export_library() == before


def test_import_refuses_a_slug_that_appears_twice(shipped):
    data = library.read(library.SHIPPED)
    data["entries"][5]["slug"] = data["entries"][2]["slug"]
    with pytest.raises(library.LibraryFormatError, match=r"entries\[5\].slug: “.*” komt twee keer voor"):
        library.import_library(data)


def test_import_may_refer_to_what_the_database_already_has(shipped):
    data = library.read(library.SHIPPED)
    data["themes"], data["tags"] = [], []
    assert library.import_library(data).changed is False


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfe{}", "geen UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "te diep genest om een export van de bibliotheek te zijn"),
        (b'{"format": "gesprekstool-inspiration", "format": "x"}', "“format” komt twee keer voor"),
        (b'{"version": NaN}', "NaN"),
        (b"[1, 2]", "geen export van de inspiratiebibliotheek"),
        (b"null", "geen export van de inspiratiebibliotheek"),
    ],
)
def test_import_refuses_corrupt_files_without_a_traceback(shipped, tmp_path, raw, message):
    path = tmp_path / "kapot.json"
    path.write_bytes(raw)
    with pytest.raises(CommandError, match=message):
        call_command("inspiration", "import", str(path))


def test_import_refuses_a_directory_and_a_huge_file(shipped, tmp_path):
    with pytest.raises(CommandError, match="Is a directory"):
        call_command("inspiration", "import", str(tmp_path))
    huge = tmp_path / "groot.json"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    with pytest.raises(CommandError, match="groter dan 10 MB"):
        call_command("inspiration", "import", str(huge))
