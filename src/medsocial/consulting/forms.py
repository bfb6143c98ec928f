"""Forms parse and present input; the rules live in the services, which forms call."""

from django import forms
from django.utils import timezone

from medsocial.accounts.models import Organization
from medsocial.consulting import assessment
from medsocial.consulting.models import KPI, BusinessGoal, Engagement, Network
from medsocial.consulting.services.workspace import allowed_upload_summary, max_upload_bytes


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class AssessmentForm(forms.Form):
    """One radio group per question, grouped by dimension in the template."""

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        for dimension in assessment.DIMENSIONS:
            for question in dimension.questions:
                self.fields[question.key] = forms.TypedChoiceField(
                    label=question.text,
                    choices=assessment.SCALE,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": "Choose an answer."},
                )
        if organizations:
            self.fields["organization"] = forms.ModelChoiceField(
                queryset=organizations,
                required=False,
                to_field_name="slug",
                empty_label="Don't save to an organization",
                help_text="Saved results join the organization's history, so you can see change over time.",
                label="Save the results for",
            )

    def dimension_groups(self):
        for dimension in assessment.DIMENSIONS:
            yield dimension, [self[question.key] for question in dimension.questions]


class RequestForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label="A new organization (give its name below)",
        label="Organization",
    )
    new_organization_name = forms.CharField(max_length=200, required=False, label="New organization's name")
    new_organization_kind = forms.ChoiceField(
        choices=[("", "Choose…"), *Organization.Kind.choices], required=False, label="Kind of organization"
    )
    contact_name = forms.CharField(max_length=150, label="Contact person")
    contact_title = forms.CharField(max_length=150, required=False, label="Job title")
    contact_email = forms.EmailField(label="Contact email")
    contact_phone = forms.CharField(max_length=40, required=False, label="Phone")
    business_goals = forms.MultipleChoiceField(
        choices=[c for c in BusinessGoal.choices if c[0] != BusinessGoal.OTHER],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Business goals",
        help_text="What should social media do for your organization? Choose all that apply.",
    )
    goals_details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="In your own words",
        help_text="Other goals, or more about the ones you chose.",
    )
    current_channels = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Current channels",
        help_text="The accounts you run today, one per line (network and address).",
    )
    timeline = forms.ChoiceField(choices=Engagement.Timeline.choices, widget=forms.RadioSelect)
    budget = forms.ChoiceField(choices=Engagement.Budget.choices, label="Budget range")
    service = forms.ChoiceField(
        choices=Engagement.Service.choices, widget=forms.RadioSelect, label="Preferred service"
    )

    def __init__(self, *args, organizations=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            organizations if organizations is not None else Organization.objects.none()
        )
        if user is not None and not self.is_bound:
            self.initial.setdefault("contact_name", user.full_name)
            self.initial.setdefault("contact_email", user.email)
            first = self.fields["organization"].queryset.first()
            if first is not None:
                self.initial.setdefault("organization", first.slug)


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=Engagement.Stage.choices, label="Move to")
    note = forms.CharField(max_length=300, required=False, label="Note (optional)")


class AssignCoachForm(forms.Form):
    coach = forms.ModelChoiceField(queryset=None, label="Coach", empty_label="Choose a coach…")

    def __init__(self, *args, coaches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches
        self.fields["coach"].label_from_instance = lambda user: user.display_name


class ProposalForm(forms.Form):
    scope = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    deliverables = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), help_text="One per line.")
    starts_on = forms.DateField(widget=DateInput(), label="Starts on")
    ends_on = forms.DateField(widget=DateInput(), label="Ends on")
    fee = forms.DecimalField(max_digits=10, decimal_places=2, min_value=0, label="Fee (USD)")


class ProposalAnswerForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Note to the team (optional)"
    )


class SessionForm(forms.Form):
    title = forms.CharField(max_length=200)
    starts_at = forms.DateTimeField(widget=DateTimeInput(), label="Starts at", help_text="In your time zone.")
    duration_minutes = forms.IntegerField(min_value=15, max_value=480, initial=60, label="Duration (minutes)")
    location = forms.CharField(
        max_length=300, required=False, help_text="A room, an address or a video call link."
    )
    agenda = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class SessionEditForm(SessionForm):
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)


class ActionItemForm(forms.Form):
    title = forms.CharField(max_length=300, label="What needs to be done")
    owner = forms.ModelChoiceField(queryset=None, required=False, empty_label="Nobody yet")
    due_on = forms.DateField(widget=DateInput(), label="Due on")

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
        self.fields["owner"].label_from_instance = lambda user: user.display_name


class DocumentForm(forms.Form):
    title = forms.CharField(max_length=200, required=False, help_text="Leave empty to use the file name.")
    file = forms.FileField()
    comment = forms.CharField(max_length=300, required=False, label="What changed (optional)")

    def __init__(self, *args, new_version=False, **kwargs):
        super().__init__(*args, **kwargs)
        limit = max_upload_bytes() // 1_048_576
        self.fields["file"].help_text = f"{allowed_upload_summary()}; up to {limit} MB."
        if new_version:
            del self.fields["title"]


class MessageForm(forms.Form):
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Message", max_length=5000)


class GoalForm(forms.Form):
    business_goal = forms.ChoiceField(choices=BusinessGoal.choices, label="Business goal it serves")
    title = forms.CharField(max_length=300, label="What", help_text="The specific, measurable change.")
    owner = forms.CharField(max_length=150, label="Who", help_text="The person or team responsible.")
    due_on = forms.DateField(widget=DateInput(), label="By when")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class KPIForm(forms.Form):
    metric = forms.ChoiceField(choices=KPI.Metric.choices)
    label = forms.CharField(max_length=150, required=False, help_text="Optional; required for “Other”.")
    channel = forms.ChoiceField(choices=Network.choices)
    baseline_value = forms.DecimalField(max_digits=14, decimal_places=2, label="Baseline")
    baseline_on = forms.DateField(widget=DateInput(), label="Baseline date")
    target_value = forms.DecimalField(max_digits=14, decimal_places=2, label="Target")
    target_on = forms.DateField(widget=DateInput(), label="Target deadline")


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(widget=DateInput(), label="Date", initial=timezone.localdate)
    value = forms.DecimalField(max_digits=14, decimal_places=2)
    note = forms.CharField(max_length=300, required=False)
