import pytest

from gesprekstool.futures import services
from gesprekstool.rounds import services as round_services


@pytest.fixture
def part(round_):
    return services.save_part(
        round_,
        prompts={
            "B": "Over vier jaar weten we waar armoede en gezondheid samenkomen, omdat …",
            "D": "Over vier jaar merken inwoners dat …",
        },
        experiences_question="Waar zag u dit al goed gaan?",
        # Open from the start: the rules below hold in either position (test_position.py tests "after").
        position="before",
    )


@pytest.fixture
def prompt(part):
    return part.prompts.get(theme="B", is_experiences=False)


@pytest.fixture
def third_participant(round_, other_participant):
    return round_services.add_participant(
        round_, display_name="Dirk", domain="uitvoering", department="Wijkteam"
    )
