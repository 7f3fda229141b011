"""Suggestions from answer patterns. The rules are the shipped data (data/library.json)."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from gesprekstool.inspiration import services
from gesprekstool.inspiration.models import Entry, SuggestionRule, Theme
from gesprekstool.inspiration.suggestions import suggestions_for
from gesprekstool.rounds.results import round_results
from tests.factories import RuleEntryFactory, SuggestionRuleFactory, answered

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")


def suggested(round_, theme=None):
    return [
        (s.theme_code, s.entry.slug)
        for s in suggestions_for(round_results(round_))
        if theme is None or s.theme_code == theme
    ]


def by_slug(round_):
    return {s.entry.slug: s for s in suggestions_for(round_results(round_))}


def test_low_or_divergent_d_without_reaching_leads_to_examples_of_making_contact(round_):
    answered(round_, "Fatima", scores={"D": 2}, choices={"7": ["7a", "7c"]})
    answered(round_, "Joost", scores={"D": 5}, choices={"7": ["7a", "7b", "7c"]})
    answered(round_, "Marieke", scores={"D": 3}, choices={"7": ["7a", "7c"]})
    found = by_slug(round_)
    assert "rotterdam-goed-bezig" in found
    assert "heerlen-noord-vindplaatsen" in found
    reason = found["rotterdam-goed-bezig"].reason
    assert "(7b)" in reason
    assert "2, 5 and 3" in reason or "2, 5 en 3" in reason
    assert "2 " in reason.split("(7b)")[0]  # two of the three who answered did not tick it


def test_reaching_ticked_by_everyone_gives_no_reaching_suggestion(round_):
    answered(round_, "Fatima", scores={"D": 2}, choices={"7": ["7a", "7b", "7c"]})
    answered(round_, "Joost", scores={"D": 5}, choices={"7": ["7a", "7b", "7c"]})
    assert "rotterdam-goed-bezig" not in dict(suggested(round_, "D")).values()
    assert suggested(round_, "D") == []


def test_high_agreeing_scores_on_d_give_no_suggestion_even_without_reaching(round_):
    answered(round_, "Fatima", scores={"D": 4}, choices={"7": ["7a"]})
    answered(round_, "Joost", scores={"D": 5}, choices={"7": ["7a"]})
    assert suggested(round_, "D") == []


def test_not_ticked_only_counts_participants_who_answered_the_question(round_):
    answered(round_, "Fatima", scores={"D": 1})
    answered(round_, "Joost", scores={"D": 2})
    d = [slug for _code, slug in suggested(round_, "D")]
    # Nobody answered question 7, so the rules about 7a, 7b and 7c stay silent; the low score still speaks.
    assert d == ["drie-doelen-kies-een-focus", "rotterdam-goed-bezig", "utrecht-life-events"]
    assert all("7b" not in s.reason for s in suggestions_for(round_results(round_)) if s.theme_code == "D")


def test_tender_answer_10d_leads_to_result_oriented_work_in_rotterdam(round_):
    answered(round_, "Fatima", scores={"E": 4}, choices={"10": ["10d"]})
    found = by_slug(round_)
    assert found["rotterdam-resultaatgericht-werken"].theme_code == "E"
    assert "(10d)" in found["rotterdam-resultaatgericht-werken"].reason
    assert "1 " in found["rotterdam-resultaatgericht-werken"].reason


@pytest.mark.parametrize(
    ("theme", "scores", "choices", "expected"),
    [
        ("A", {"A": 4}, {"1": ["1e"]}, "onderzoek-geldzorgen-en-gezondheid"),
        ("A", {"A": 6}, {}, "scp-armoede-in-kaart"),
        ("B", {"B": 4}, {"2": ["2e"]}, "waarstaatjegemeente-gezondheidsverschillen"),
        ("B", {"B": 4}, {"3": ["3a", "3d"]}, "vaals-photovoice"),
        ("C", {"C": 4}, {"4": ["4a"]}, "manieren-om-beleid-te-combineren"),
        ("C", {"C": 4}, {"5": ["5e"]}, "opgaven-waar-armoede-en-gezondheid-samenkomen"),
        ("C", {"C": 4}, {"6": ["6a", "6b"]}, "beleid-maken-met-inwoners"),
        ("D", {"D": 2}, {"7": ["7b", "7c"]}, "amsterdam-vroeg-eropaf"),
        ("D", {"D": 2}, {"7": ["7a", "7b"]}, "mobility-mentoring"),
        ("E", {"E": 4}, {"9": ["9h"]}, "leeuwarden-armoedepact"),
        ("E", {"E": 4}, {"11": ["11d"]}, "onderzoeksafdeling-en-ggd-monitor"),
        ("E", {"E": 2}, {"9": ["9a"]}, "rol-inkoper-gemeentepolis"),
        ("F", {"F": 4}, {"12": ["12b"]}, "lelystad-een-wethouder"),
        ("F", {"F": 4}, {"13": ["13d"]}, "oude-ijsselstreek-vertrouwen"),
        ("F", {"F": 4}, {"14": ["14a"]}, "city-deal-inclusieve-stad"),
        ("F", {"F": 6}, {}, "randvoorwaarden-voor-een-gecombineerde-aanpak"),
    ],
)
def test_every_theme_has_rules_that_answer_its_gaps(round_, theme, scores, choices, expected):
    answered(round_, "Fatima", scores=scores, choices=choices)
    assert (theme, expected) in suggested(round_)


def test_a_revised_score_counts_instead_of_the_first(round_):
    answered(round_, "Fatima", scores={"D": 1}, revised={"D": 4})
    answered(round_, "Joost", scores={"D": 4})
    assert suggested(round_, "D") == []


def test_at_most_three_per_theme_without_duplicates_and_each_gap_gets_an_answer(round_):
    answered(round_, "Fatima", scores={"D": 1}, choices={"7": ["7d"]})
    answered(round_, "Joost", scores={"D": 5}, choices={"7": ["7d"]})
    d = suggestions_for(round_results(round_))
    slugs = [s.entry.slug for s in d if s.theme_code == "D"]
    assert len(slugs) == 3 == len(set(slugs))
    # 7a, 7b and 7c are all missing: the three rules each bring their first entry.
    assert {s.rule for s in d if s.theme_code == "D"} == {"d-bereiken", "d-signaleren", "d-ondersteunen"}


def test_themes_come_in_order_and_a_round_without_participants_gets_nothing(round_):
    assert suggestions_for(round_results(round_)) == []
    answered(round_, "Fatima", scores={"F": 6, "A": 6, "C": 1})
    assert [code for code, _slug in suggested(round_)] == sorted(code for code, _slug in suggested(round_))


def test_retired_and_non_public_entries_are_not_suggested(round_, organisation):
    services.retire(Entry.objects.get(slug="rotterdam-resultaatgericht-werken"))
    rule = SuggestionRule.objects.get(slug="e-aanbesteding")
    private = make_entry(title="Eigen aanpak", themes="E", visibility="private", organisation=organisation)
    RuleEntryFactory(rule=rule, entry=private, position=0)
    answered(round_, "Fatima", scores={"E": 4}, choices={"10": ["10d"]})
    found = [slug for _code, slug in suggested(round_, "E")]
    assert "rotterdam-resultaatgericht-werken" not in found
    assert private.slug not in found
    assert found[0] == "rol-opdrachtgever-sturen"


def test_rules_are_data_an_adviser_can_change(round_):
    answered(round_, "Fatima", scores={"E": 4}, choices={"10": ["10d"]})
    SuggestionRule.objects.filter(slug="e-aanbesteding").update(active=False)
    assert suggested(round_, "E") == []
    rule = SuggestionRuleFactory(
        slug="e-eigen-regel", theme=Theme.objects.get(code="E"), ticked="10d", reason="Zie {ticked_by}."
    )
    RuleEntryFactory(rule=rule, entry=Entry.objects.get(slug="lekker-in-je-lijf"))
    found = suggestions_for(round_results(round_))
    assert [(s.entry.slug, s.rule) for s in found] == [("lekker-in-je-lijf", "e-eigen-regel")]


def test_a_reason_with_a_typo_is_shown_as_written(round_):
    answered(round_, "Fatima", scores={"E": 4}, choices={"10": ["10d"]})
    SuggestionRule.objects.filter(slug="e-aanbesteding").update(reason="Kijk hier {tikfout}")
    assert by_slug(round_)["rotterdam-resultaatgericht-werken"].reason == "Kijk hier {tikfout}"


@pytest.mark.parametrize("participants", [1, 6])
def test_suggestions_take_two_queries(round_, django_assert_num_queries, participants):
    for n in range(participants):
        answered(round_, f"P{n}", scores={"D": 1 + n % 5, "E": 2}, choices={"7": ["7a"], "10": ["10d"]})
    results = round_results(round_)
    with django_assert_num_queries(2):
        found = suggestions_for(results)
    assert found


def test_rule_validation_checks_codes_conditions_and_placeholders():
    theme = Theme.objects.get(code="D")
    with pytest.raises(ValidationError) as error:
        SuggestionRule(slug="x", theme=theme, ticked="7b, 99z", reason="Waarom {onbekend}").full_clean()
    assert set(error.value.message_dict) == {"ticked", "reason"}
    with pytest.raises(ValidationError) as error:
        SuggestionRule(slug="y", theme=theme, reason="Altijd").full_clean()
    assert "when_low" in error.value.message_dict
    SuggestionRule(
        slug="z", theme=theme, when_low=True, not_ticked="7b", reason="{pattern} {scores}"
    ).full_clean()


def test_shipped_rules_are_valid():
    for rule in SuggestionRule.objects.all():
        rule.full_clean()
        assert 2 <= rule.rule_entries.count() <= 3, rule.slug


def test_the_include_shows_each_reason_once_with_its_entries(round_):
    answered(round_, "Fatima", scores={"E": 4}, choices={"10": ["10d"]})
    html = render_to_string(
        "inspiration/suggestions.html", {"suggestions": suggestions_for(round_results(round_))}
    )
    assert html.count("(10d)") == 1
    assert "/inspiratie/voorbeeld/rotterdam-resultaatgericht-werken/" in html
    assert "E. De rol van de gemeente" in html


def test_the_include_without_suggestions_says_so():
    html = render_to_string("inspiration/suggestions.html", {"suggestions": []})
    assert "/inspiratie/" in html


def test_the_results_page_shows_the_suggestions_as_its_panel(facilitator_client, round_):
    answered(round_, "Fatima", scores={"E": 4}, choices={"10": ["10d"]})

    html = facilitator_client.get(reverse("rounds:results", kwargs={"pk": round_.pk})).content.decode()

    assert html.count('id="suggestions-heading"') == 1
    assert html.count("(10d)") == 1
    assert "/inspiratie/voorbeeld/rotterdam-resultaatgericht-werken/" in html


@pytest.mark.parametrize("participants", [1, 3])
def test_the_results_page_with_suggestions_takes_a_fixed_number_of_queries(
    facilitator_client, round_, django_assert_num_queries, participants
):
    for n in range(participants):
        answered(round_, f"Deelnemer {n}", scores={"D": 1 + n, "E": 4}, choices={"7": ["7a"], "10": ["10d"]})
    page_url = reverse("rounds:results", kwargs={"pk": round_.pk})

    # 14 (with the round's version, rounds/analysis.py), 1 for the local figures beside the themes
    # (gesprekstool/indicators) and 1 for the programmes panel (the organisation takes part in no programme).
    with django_assert_num_queries(16):
        response = facilitator_client.get(page_url)

    assert response.status_code == HTTPStatus.OK
    assert "/inspiratie/voorbeeld/rotterdam-resultaatgericht-werken/" in response.content.decode()
