"""Export and import of the shared library as one JSON document (format described in docs/inspiration.md).

The shipped library (data/library.json) is such a document; migration 0003 imports it, so every
installation starts with part 2 of the tool and the three practice articles. `import_library` takes the
model registry as an argument so that it runs with the historical models inside a migration.

Only public entries travel: a gemeente's private entries and proposals stay where they were made.
Importing is idempotent: entries, themes, tags and rules are matched on their code or slug and only
written when something differs.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connections, transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from gesprekstool.lib import jsonfile

from . import search

FORMAT = "gesprekstool-inspiration"
VERSION = 1
SHIPPED = Path(__file__).resolve().parent / "data" / "library.json"
SCHEMA_PATH = Path(__file__).resolve().parent / "inspiration-library.schema.json"
# The shipped library is about 100 kB; a library ten thousand times that size is not a library.
MAX_BYTES = 10 * 1024 * 1024

THEME_FIELDS = ("title", "intro")
TAG_FIELDS = ("kind", "name", "position")
ENTRY_FIELDS = (
    "kind",
    "title",
    "organisation_name",
    "summary",
    "lessons",
    "source",
    "source_url",
    "position",
)
RULE_FIELDS = (
    "when_low",
    "when_divergent",
    "when_unknown",
    "ticked",
    "not_ticked",
    "reason",
    "priority",
    "active",
    "notes",
)
ENTRY_DEFAULTS = {
    "source": "",
    "source_url": "",
    "position": 1000,
    "tags": [],
    "retired_at": None,
    "organisation": None,
}
RULE_DEFAULTS = {
    "when_low": False,
    "when_divergent": False,
    "when_unknown": False,
    "ticked": "",
    "not_ticked": "",
    "priority": 10,
    "active": True,
    "notes": "",
}


class LibraryFormatError(ValueError):
    """The document is not a library export this version can read."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def read(path: str | Path) -> Any:
    """The parsed JSON of a library export, read no further than MAX_BYTES; LibraryFormatError if it
    is not JSON. OSError (a missing file) is the caller's to report."""
    with open(path, "rb") as f:
        raw = f.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise LibraryFormatError(
            _("The file is larger than %(limit)s MB; a library export is never that large.")
            % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    return jsonfile.parse(raw, error=LibraryFormatError, what=_("a library export"))


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_library() -> dict[str, Any]:
    """The shared library (themes, tags, public entries including retired ones, rules) as plain data."""
    from django.db.models import Prefetch  # noqa: PLC0415 - keeps this module importable from migrations

    from .models import Entry, RuleEntry, SuggestionRule, Tag, Theme  # noqa: PLC0415

    public = Entry.Visibility.PUBLIC
    entries = (
        Entry.objects.filter(visibility=public)
        .select_related("organisation")
        .prefetch_related("themes", "tags")
        .order_by("position", "slug")
    )
    rules = SuggestionRule.objects.prefetch_related(
        Prefetch(
            "rule_entries",
            queryset=RuleEntry.objects.filter(entry__visibility=public).select_related("entry"),
        )
    ).order_by("theme_id", "priority", "slug")
    return {
        "format": FORMAT,
        "version": VERSION,
        "themes": [
            {"code": t.code, "title": t.title, "intro": t.intro} for t in Theme.objects.order_by("code")
        ],
        "tags": [
            {"slug": t.slug, "kind": t.kind, "name": t.name, "position": t.position}
            for t in Tag.objects.order_by("kind", "position", "slug")
        ],
        "entries": [
            {
                "slug": e.slug,
                **{name: getattr(e, name) for name in ENTRY_FIELDS},
                "themes": sorted(t.code for t in e.themes.all()),
                "tags": sorted(t.slug for t in e.tags.all()),
                "organisation": e.organisation.slug if e.organisation else None,
                "retired_at": e.retired_at.isoformat() if e.retired_at else None,
            }
            for e in entries
        ],
        "rules": [
            {
                "slug": r.slug,
                "theme": r.theme_id,
                **{name: getattr(r, name) for name in RULE_FIELDS},
                "entries": [re.entry.slug for re in r.rule_entries.all()],
            }
            for r in rules
        ],
    }


def validate(data: Any, *, apps=global_apps, using: str = "default") -> None:
    """Check a library export before anything is written; LibraryFormatError names the first problem
    and where it is ("entries[3].source_url: ..."). Checks the format and version, the JSON Schema
    (inspiration-library.schema.json: slugs, theme codes, kinds, sizes), characters no database can
    store, web addresses (http and https only), slugs that appear twice, references to themes, tags
    and entries (in the file or already in the database), moments, and the rules' answer codes and
    placeholders. Reads the database, writes nothing."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryFormatError(
            _("This is not an export of the inspiration library (“format” must be “%(format)s”).")
            % {"format": FORMAT}
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        raise LibraryFormatError(
            _("Version %(version)s is not supported; this installation reads version 1 to %(supported)s.")
            % {"version": json.dumps(version)[:20], "supported": VERSION}
        )
    jsonfile.check_schema(
        data,
        SCHEMA_PATH,
        error=LibraryFormatError,
        message=_("The file does not match the library schema at %(where)s: %(problem)s"),
    )
    jsonfile.check_strings(data, [], error=LibraryFormatError)
    for section, key in (("themes", "code"), ("tags", "slug"), ("entries", "slug"), ("rules", "slug")):
        _check_unique(data.get(section, []), section, key)

    def known(name: str, key: str, section: str, field: str) -> set[str]:
        in_file = {item[field] for item in data.get(section, [])}
        return in_file | set(
            apps.get_model("inspiration", name).objects.using(using).values_list(key, flat=True)
        )

    themes = known("Theme", "code", "themes", "code")
    tags = known("Tag", "slug", "tags", "slug")
    entries = known("Entry", "slug", "entries", "slug")
    for i, item in enumerate(data.get("entries", [])):
        at = ["entries", i]
        _check_url(item.get("source_url", ""), [*at, "source_url"])
        _check_references(item["themes"], themes, [*at, "themes"], _("there is no theme “%(value)s”."))
        _check_references(item.get("tags", []), tags, [*at, "tags"], _("there is no tag “%(value)s”."))
        if item.get("retired_at"):
            try:
                datetime.fromisoformat(item["retired_at"])
            except ValueError:
                _refuse([*at, "retired_at"], _("“%(value)s” is not a real moment."), value=item["retired_at"])
    for i, item in enumerate(data.get("rules", [])):
        at = ["rules", i]
        if item["theme"] not in themes:
            _refuse([*at, "theme"], _("there is no theme “%(value)s”."), value=item["theme"])
        _check_references(
            item["entries"], entries, [*at, "entries"], _("there is no library entry “%(value)s”.")
        )
        _check_rule({**RULE_DEFAULTS, **item}, at)


def _refuse(path: list, message: str, **values) -> None:
    raise LibraryFormatError(f"{jsonfile.where(path)}: " + message % values)


def _check_unique(items: list, section: str, key: str) -> None:
    seen = set()
    for i, item in enumerate(items):
        if item[key] in seen:
            _refuse([section, i, key], _("“%(value)s” appears twice in the file."), value=item[key])
        seen.add(item[key])


def _check_references(values: list[str], known: set[str], path: list, message: str) -> None:
    for j, value in enumerate(values):
        if value not in known:
            _refuse([*path, j], message, value=value)


def _check_url(value: str, path: list) -> None:
    """Only http and https: the address becomes a link every user may click."""
    if not value:
        return
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("http", "https"):
        _refuse(path, _("only http and https addresses are allowed."))
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        _refuse(path, _("“%(value)s” is not a web address."), value=value[:100])


def _check_rule(rule: dict, at: list) -> None:
    from gesprekstool.instrument import CURRENT_VERSION, load_instrument  # noqa: PLC0415

    from .models import OPTION_CODE, option_codes, reason_is_valid  # noqa: PLC0415

    options = {o.code for q in load_instrument(CURRENT_VERSION).questions for o in q.options}
    for field_name in ("ticked", "not_ticked"):
        value = rule[field_name]
        leftover = OPTION_CODE.sub("", value.lower()).replace(",", "").split()
        unknown = [c for c in option_codes(value) if c not in options]
        if leftover or unknown:
            _refuse(
                [*at, field_name],
                _("not an answer code of the tool: %(codes)s"),
                codes=", ".join(leftover + unknown)[:100],
            )
    if not reason_is_valid(rule["reason"]):
        _refuse(
            [*at, "reason"],
            _("use only {pattern}, {scores}, {ticked_by} and {not_ticked_by} between braces."),
        )


def import_library(data: dict[str, Any], *, apps=global_apps, using: str = "default") -> ImportReport:
    """Bring the database's shared library in line with `data`. Entries, tags and rules that are not in
    the document are left alone; an entry whose slug belongs to a gemeente's private entry or proposal is
    skipped rather than overwritten. Writes the search index of every entry it creates or changes."""
    validate(data, apps=apps, using=using)
    importer = _Importer(apps, using)
    with transaction.atomic(using=using):
        importer.simple("Theme", data.get("themes", []), "code", THEME_FIELDS, {})
        importer.simple("Tag", data.get("tags", []), "slug", TAG_FIELDS, {"position": 0})
        importer.load_lookups()
        for item in data.get("entries", []):
            importer.entry({**ENTRY_DEFAULTS, **item})
        importer.entries = {e.slug: e for e in importer.objects("Entry").all()}
        for item in data.get("rules", []):
            importer.rule({**RULE_DEFAULTS, **item})
    return importer.report


def _lookup(mapping, keys, what, slug):
    try:
        return [mapping[k] for k in keys]
    except KeyError as error:
        raise LibraryFormatError(f"{slug}: onbekende {what} {error.args[0]!r}.") from error


class _Importer:
    """One import run: the model registry and database to use, lookups, and what happened."""

    def __init__(self, apps, using: str):
        self.apps = apps
        self.using = using
        self.report = ImportReport()
        self.themes: dict = {}
        self.tags: dict = {}
        self.entries: dict = {}

    def objects(self, name: str, app: str = "inspiration"):
        return self.apps.get_model(app, name).objects.using(self.using)

    def load_lookups(self) -> None:
        self.themes = {t.code: t for t in self.objects("Theme").all()}
        self.tags = {t.slug: t for t in self.objects("Tag").all()}

    def simple(self, name: str, items: list, key: str, fields: tuple, defaults: dict) -> None:
        for item in items:
            values = {field: item.get(field, defaults.get(field)) for field in fields}
            obj = self.objects(name).filter(**{key: item[key]}).first()
            if obj is None:
                self.objects(name).create(**{key: item[key]}, **values)
                self.report.created.append(f"{name.lower()} {item[key]}")
            elif any(getattr(obj, k) != v for k, v in values.items()):
                self.update(obj, values, f"{name.lower()} {item[key]}")
            else:
                self.report.unchanged += 1

    def update(self, obj, values: dict, label: str) -> None:
        """Write `values` to the stored `obj` and report it as updated under `label`."""
        for k, v in values.items():
            setattr(obj, k, v)
        obj.save(using=self.using)
        self.report.updated.append(label)

    def entry(self, item: dict) -> None:
        slug = item["slug"]
        values = {name: item[name] for name in ENTRY_FIELDS}
        values["retired_at"] = parse_datetime(item["retired_at"]) if item["retired_at"] else None
        organisation = (
            self.objects("Organisation", "organisations").filter(slug=item["organisation"]).first()
            if item["organisation"]
            else None
        )
        values["organisation_id"] = organisation.pk if organisation else None
        values["visibility"] = "public"
        themes = _lookup(self.themes, item["themes"], "thema", slug)
        tags = _lookup(self.tags, item["tags"], "label", slug)
        title, body = search.index_parts(
            title=values["title"],
            organisation_name=values["organisation_name"],
            summary=values["summary"],
            lessons=values["lessons"],
            source=values["source"],
            labels=[t.name for t in tags],
        )
        values["search_title"], values["search_body"] = title, body
        entry = self.objects("Entry").filter(slug=slug).first()
        if entry is not None and entry.visibility != "public":
            self.report.skipped.append(slug)
            return
        if entry is None:
            entry = self.objects("Entry").create(slug=slug, **values)
            self.report.created.append(f"entry {slug}")
        else:
            same_fields = all(getattr(entry, k) == v for k, v in values.items())
            same_themes = {t.pk for t in entry.themes.all()} == {t.pk for t in themes}
            same_tags = {t.pk for t in entry.tags.all()} == {t.pk for t in tags}
            if same_fields and same_themes and same_tags:
                self.report.unchanged += 1
                return
            self.update(entry, values, f"entry {slug}")
        entry.themes.set(themes)
        entry.tags.set(tags)
        search.write_index(entry.pk, title, body, connection=connections[self.using])

    def rule(self, item: dict) -> None:
        slug = item["slug"]
        values = {name: item[name] for name in RULE_FIELDS}
        values["theme_id"] = _lookup(self.themes, [item["theme"]], "thema", slug)[0].pk
        entries = _lookup(self.entries, item["entries"], "bibliotheekitem", slug)
        links = self.objects("RuleEntry")
        rule = self.objects("SuggestionRule").filter(slug=slug).first()
        if rule is None:
            rule = self.objects("SuggestionRule").create(slug=slug, **values)
            self.report.created.append(f"rule {slug}")
        else:
            current = list(
                links.filter(rule=rule).order_by("position", "id").values_list("entry_id", flat=True)
            )
            if all(getattr(rule, k) == v for k, v in values.items()) and current == [e.pk for e in entries]:
                self.report.unchanged += 1
                return
            self.update(rule, values, f"rule {slug}")
        links.filter(rule=rule).delete()
        model = self.apps.get_model("inspiration", "RuleEntry")
        links.bulk_create([model(rule=rule, entry=entry, position=n) for n, entry in enumerate(entries)])
