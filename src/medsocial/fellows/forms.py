from django import forms

from medsocial.fellows.models import Review


class PortfolioForm(forms.Form):
    statement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What you have done for health care social media and what it changed (at least 100 characters).",
    )
    links = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Web addresses of your work, one per line (articles, talks, campaigns, at most 10).",
    )
    file = forms.FileField(
        required=False, help_text="Optional: one PDF, Word, PowerPoint, PNG or JPEG file, at most 10 MB."
    )
    directory_consent = forms.BooleanField(
        required=False,
        label="List me in the public Fellows directory",
        help_text="Your name, credentials and level appear in the directory. You can withdraw this at any time.",
    )

    def clean_links(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]


class ReviewForm(forms.Form):
    comments = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    decision = forms.ChoiceField(choices=Review.Decision.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required to return or decline: the person reads it.",
    )

    def __init__(self, rubric, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        for item in rubric:
            self.fields[f"score_{item.pk}"] = forms.IntegerField(
                label=f"{item.title} (0–{item.max_score})",
                min_value=0,
                max_value=item.max_score,
                help_text=item.guidance,
            )
        self.order_fields([f"score_{item.pk}" for item in rubric] + ["comments", "decision", "reason"])

    def scores(self) -> dict:
        return {str(item.pk): self.cleaned_data[f"score_{item.pk}"] for item in self.rubric}


class ListingForm(forms.Form):
    listed = forms.BooleanField(required=False)
