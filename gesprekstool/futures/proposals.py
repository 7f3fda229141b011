"""The prompts the tool proposes for the picture of the future: one unfinished sentence per theme,
written for this project from the theme explanations of the instrument, and the question for
experiences. The facilitator may change every one of them."""

from django.utils.translation import gettext_lazy as _

PROMPTS = {
    "A": _(
        "In four years everyone in our municipality knows why poverty, debts and health belong together, because …"
    ),
    "B": _(
        "In four years we know better which residents live in poverty and have health problems, and where. "
        "We can tell from …"
    ),
    "C": _(
        "In four years our policy for poverty and our policy for health have the same goals. You notice that in …"
    ),
    "D": _("In four years residents notice from our approach to poverty and health that …"),
    "E": _("In four years the municipality and its partners know who does what. Together we …"),
    "F": _(
        "In four years the council, the staff and the partners support the combined approach. "
        "We notice that because …"
    ),
}

EXPERIENCES = _("Where have you already seen this go well?")


def proposed_prompt(theme: str) -> str:
    """The proposed prompt for a theme code; a general one for a code this list does not know."""
    text = PROMPTS.get(theme)
    if text is None:
        return str(_("In four years we are proud of our approach to poverty and health, because …"))
    return str(text)
