"""What the tests of the library pages share: their addresses, the titles found, a practice's form data and
tag ids."""

from django.urls import reverse

INDEX = reverse("inspiration:index")
SEARCH = reverse("inspiration:search")
CREATE = reverse("inspiration:create")


def entry_url(entry):
    return reverse("inspiration:entry", kwargs={"slug": entry.slug})


def found_titles(response):
    return [e.title for e in response.context["page"].object_list]


def form_data(**overrides):
    data = {
        "title": "Financieel spreekuur bij de huisarts",
        "organisation_name": "Gemeente Testdorp",
        "kind": "example",
        "summary": "Elke dinsdag zit een schuldhulpmaatje in het gezondheidscentrum.",
        "lessons": "Begin klein en maak afspraken met de huisartsen.",
        "themes": ["D"],
        "focus": [],
        "roles": [],
        "groups": [],
        "source": "",
        "source_url": "",
        "visibility": "private",
    }
    return {**data, **overrides}


def tag_ids(*slugs):
    from gesprekstool.inspiration.models import Tag  # noqa: PLC0415

    return [t.pk for t in Tag.objects.filter(slug__in=slugs)]
