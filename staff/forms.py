from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code"),
        min_length=6,
        max_length=6,
        help_text=_("From your authenticator app, e.g. “492 817” typed as 492817."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]{6}",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())
