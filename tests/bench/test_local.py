"""The in-process part of the benchmark (bench/local.py): every page and export it names answers,
and the unchanged live polls are the empty 204 they are meant to measure."""

from argparse import Namespace

import pytest

from bench.local import PAGES, exports, pages

pytestmark = pytest.mark.django_db


def test_pages_measures_every_page_with_its_status(capsys):
    pages(Namespace(sizes=[2], runs=1, pages=None))

    rows = [line.split(" | ") for line in capsys.readouterr().out.splitlines()[2:]]
    assert [(row[1], row[4]) for row in rows] == [
        (name, "204" if "unchanged" in name else "200") for name, _url, _query in PAGES
    ]


def test_exports_writes_each_file_it_measures(capsys, tmp_path):
    exports(Namespace(sizes=[2], runs=1, formats=["xlsx", "json"], demo=False, out=str(tmp_path)))

    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["xlsx", "json"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["2-deelnemers.json", "2-deelnemers.xlsx"]
