from django import forms


class RevokeAwardForm(forms.Form):
    reason = forms.CharField(
        max_length=300, help_text="Shown on the verification page and to badge verifiers."
    )
