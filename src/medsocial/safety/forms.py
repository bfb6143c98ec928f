from django import forms

from medsocial.safety.models import AllowedIdentifier, PolicyRule


class CheckForm(forms.Form):
    text = forms.CharField(
        label="Draft post",
        required=False,
        strip=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "spellcheck": "true", "placeholder": "Paste or type your draft here…"}
        ),
    )
    organization = forms.ModelChoiceField(
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label="Site-wide rules only",
        label="Check against the rules of",
    )

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if organizations is None or not organizations.exists():
            del self.fields["organization"]


class ImageForm(forms.Form):
    image = forms.ImageField(
        label="Image to check",
        help_text="JPEG, PNG or WebP, up to 15 MB. The image is checked in memory and not stored.",
    )


class RuleForm(forms.ModelForm):
    class Meta:
        model = PolicyRule
        fields = [
            "name",
            "severity",
            "explanation",
            "phrases",
            "pattern",
            "unless",
            "exceptions",
            "is_active",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3}) for f in ("explanation", "phrases", "unless", "exceptions")
        }


class AllowedForm(forms.ModelForm):
    class Meta:
        model = AllowedIdentifier
        fields = ["kind", "value", "note"]
