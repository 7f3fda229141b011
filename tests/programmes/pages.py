"""What the tests of the programme pages share: the sharing choices and the programme page's address."""

from django.urls import reverse

from gesprekstool.programmes.models import ProgrammeMember

NAMED = ProgrammeMember.Sharing.NAMED
ANONYMOUS = ProgrammeMember.Sharing.ANONYMOUS


def detail_url(programme) -> str:
    return reverse("programmes:detail", kwargs={"slug": programme.slug})
