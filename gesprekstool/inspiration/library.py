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
from pathlib import Path
from typing import Any

from django.apps import apps as global_apps
from django.db import connections, transaction
from django.utils.dateparse import parse_datetime

from . import search

FORMAT = "gesprekstool-inspiration"
VERSION = 1
SHIPPED = Path(__file__).resolve().parent / "data" / "library.json"

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


def read(path: str | Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except json.JSONDecodeError as error:
        raise LibraryFormatError(f"{path}: geen geldige JSON ({error})") from error


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


def validate(data: Any) -> None:
    """Raise LibraryFormatError naming the first problem found."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryFormatError(
            f'Dit is geen export van de inspiratiebibliotheek ("format" moet "{FORMAT}" zijn).'
        )
    version = data.get("version")
    if not isinstance(version, int) or not 1 <= version <= VERSION:
        raise LibraryFormatError(
            f"Versie {version!r} wordt niet ondersteund; deze installatie leest versie 1 t/m {VERSION}."
        )
    required = {
        "themes": ("code", "title", "intro"),
        "tags": ("slug", "kind", "name"),
        "entries": ("slug", "kind", "title", "organisation_name", "summary", "lessons", "themes"),
        "rules": ("slug", "theme", "reason", "entries"),
    }
    for section, keys in required.items():
        items = data.get(section, [])
        if not isinstance(items, list):
            raise LibraryFormatError(f'"{section}" moet een lijst zijn.')
        for n, item in enumerate(items, start=1):
            missing = [k for k in keys if not isinstance(item, dict) or k not in item]
            if missing:
                raise LibraryFormatError(f"{section} nr. {n}: ontbreekt {', '.join(missing)}.")


def import_library(data: dict[str, Any], *, apps=global_apps, using: str = "default") -> ImportReport:
    """Bring the database's shared library in line with `data`. Entries, tags and rules that are not in
    the document are left alone; an entry whose slug belongs to a gemeente's private entry or proposal is
    skipped rather than overwritten. Writes the search index of every entry it creates or changes."""
    validate(data)
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
                for k, v in values.items():
                    setattr(obj, k, v)
                obj.save(using=self.using)
                self.report.updated.append(f"{name.lower()} {item[key]}")
            else:
                self.report.unchanged += 1

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
            for k, v in values.items():
                setattr(entry, k, v)
            entry.save(using=self.using)
            self.report.updated.append(f"entry {slug}")
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
            for k, v in values.items():
                setattr(rule, k, v)
            rule.save(using=self.using)
            self.report.updated.append(f"rule {slug}")
        links.filter(rule=rule).delete()
        model = self.apps.get_model("inspiration", "RuleEntry")
        links.bulk_create([model(rule=rule, entry=entry, position=n) for n, entry in enumerate(entries)])
