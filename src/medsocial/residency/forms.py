"""Forms only parse; the services decide (and name the field they refuse)."""

from django import forms

from medsocial.residency.models import CapstoneReview
from medsocial.residency.services.applications import REASON_MAX, STATEMENT_MAX
from medsocial.residency.services.capstone import COMMENTS_MAX, PLAN_MAX, SCORE_COMMENT_MAX


class ApplicationForm(forms.Form):
    # Lengths are checked by the service, which says how long the statement is.
    statement = forms.CharField(
        label="Your statement",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=STATEMENT_MAX * 2,
        help_text="Why you want to join and what you hope to do: 80 to 3,000 characters.",
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("waitlist", "Waitlist"), ("decline", "Decline")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason (shown to the applicant when declining)",
        required=False,
        max_length=REASON_MAX * 2,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MentorForm(forms.Form):
    email = forms.CharField(label="Mentor's email address", max_length=254)


class AssignMentorForm(forms.Form):
    mentor = forms.TypedChoiceField(label="Mentor", coerce=int, choices=())

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].choices = [
            (m.user_id, f"{m.user.display_name} ({m.resident_count} of 8)") for m in mentors
        ]


class AssignmentForm(forms.Form):
    text = forms.CharField(label="Your answer", widget=forms.Textarea(attrs={"rows": 6}), max_length=40_000)


class CapstoneForm(forms.Form):
    plan = forms.CharField(
        label="Your social media plan",
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=PLAN_MAX * 2,
        help_text="Goals, audiences, channels, a content calendar, how you will measure it and how you keep patients' information private: at least 200 characters.",
    )
    attachment = forms.FileField(
        label="Attachment (optional)",
        required=False,
        help_text="PDF, Word, PowerPoint, OpenDocument, text or an image; up to 10 MB.",
    )


class ReviewForm(forms.Form):
    """One score (and note) per rubric criterion, comments and the decision."""

    comments = forms.CharField(
        label="Comments for the resident",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=COMMENTS_MAX * 2,
    )
    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            (CapstoneReview.Decision.RETURNED, "Return for changes"),
            (CapstoneReview.Decision.ACCEPTED, "Accept the plan"),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.CharField(
                label=f"{criterion.name} (0–{criterion.max_score})",
                max_length=10,
                help_text=criterion.description,
                widget=forms.NumberInput(attrs={"min": 0, "max": criterion.max_score, "step": 1}),
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=f"Note on {criterion.name} (optional)", required=False, max_length=SCORE_COMMENT_MAX * 2
            )
        self.order_fields(
            [*(f for c in self.criteria for f in (f"score_{c.pk}", f"note_{c.pk}")), "comments", "decision"]
        )

    def scores(self):
        from medsocial.residency.services.capstone import Score

        return [
            Score(
                criterion_id=c.pk,
                score=self.cleaned_data.get(f"score_{c.pk}"),
                comment=self.cleaned_data.get(f"note_{c.pk}", ""),
            )
            for c in self.criteria
        ]
