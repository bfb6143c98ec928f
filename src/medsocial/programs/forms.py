"""Forms only parse; the services decide (and name the field they refuse)."""

from django import forms

from medsocial.accounts.models import Organization
from medsocial.programs.models import Plan


class JoinForm(forms.Form):
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), widget=forms.RadioSelect, empty_label=None)
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        required=False,
        label="For organization",
        help_text="Organization plans only: one you administer.",
    )

    def __init__(self, *args, plans, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda plan: (
            f"{plan.name} — ${plan.yearly_dues:,.2f} a year"
            + (f", {plan.seats} seats" if plan.seats else "")
            + (f", {plan.yearly_points:,} points" if plan.yearly_points else "")
        )
        self.fields["organization"].queryset = organizations
        if not organizations.exists():
            del self.fields["organization"]


class CoveredStaffForm(forms.Form):
    email = forms.EmailField(label="Staff member's email address", max_length=254)


class TransferForm(forms.Form):
    email = forms.CharField(label="Staff member's email address", max_length=254)
    # Text, not an integer field: the service gives the one message for negative or fractional points.
    points = forms.CharField(label="Points", max_length=20)
    memo = forms.CharField(label="Note (optional)", max_length=200, required=False)


class BulkTransferForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="Columns: email, points and, optionally, memo.")
