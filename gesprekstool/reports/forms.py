from django import forms


class PollForm(forms.Form):
    """The step the polling page shows (`?stap=2`): while the build is still there, the poll is
    answered with 204 and nothing is swapped."""

    stap = forms.IntegerField(required=False, min_value=0, max_value=99)
