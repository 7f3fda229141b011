"""Static files for production: hashed names, gzip and Brotli copies, a missing url() in vendor CSS
left alone, the packages' build artefacts not collected, and a second collectstatic that compresses
only what changed."""

import gzip
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SITE_CSS = ".logo { background: url(logo.svg); } .arrow { background: url(pijltje.svg); }\n" * 40
SITE_JS = "document.addEventListener('DOMContentLoaded', () => console.log('gesprekstool'));\n" * 40


@pytest.fixture
def static_settings(settings, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "site.css").write_text(SITE_CSS)
    (source / "site.js").write_text(SITE_JS)
    (source / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    (source / "tokens.json").write_text("{}")
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "gesprekstool.lib.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_KEEP_ONLY_HASHED_FILES = True
    return source, tmp_path / "static"


def collect():
    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())


def hashed(root: Path, stem: str, suffix: str) -> Path:
    [path] = [p for p in root.glob(f"{stem}.*{suffix}") if p.name.count(".") == 2]
    return path


def test_collectstatic_writes_hashed_and_compressed_files_only(static_settings):
    _, root = static_settings

    collect()

    css = hashed(root, "site", ".css")
    assert sorted(p.name.replace(css.name.split(".")[1], "HASH") for p in root.glob("site.*.css*")) == [
        "site.HASH.css",
        "site.HASH.css.br",
        "site.HASH.css.gz",
    ]
    assert not (root / "site.css").exists()
    assert not list(root.glob("tokens*"))
    text = css.read_text()
    assert f'url("{hashed(root, "logo", ".svg").name}")' in text
    assert "url(pijltje.svg)" in text  # missing in the package: left as written instead of failing


def test_a_second_collectstatic_compresses_only_what_changed(static_settings):
    _, root = static_settings
    collect()
    css_br = hashed(root, "site", ".css").with_suffix(".css.br")
    js_gz = hashed(root, "site", ".js").with_suffix(".js.gz")
    js_gz.write_bytes(js_gz.read_bytes()[:-10])  # a copy cut short, as by a crash
    kept = css_br.stat().st_mtime_ns

    collect()

    assert css_br.stat().st_mtime_ns == kept
    assert gzip.decompress(js_gz.read_bytes()).decode() == SITE_JS
