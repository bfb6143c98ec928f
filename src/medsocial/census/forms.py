from django import forms

from .models import AccountSubmission, Network, SocialAccount

# The largest count the database stores (a 64-bit integer column); more is refused at the field.
LARGEST_COUNT = 2**63 - 1


class SubmissionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you telling us?", choices=AccountSubmission.Kind.choices, initial="new"
    )
    network = forms.ModelChoiceField(
        queryset=Network.objects.all(),
        required=False,
        empty_label="Choose a network",
        help_text="For a new account.",
    )
    account = forms.ModelChoiceField(
        queryset=SocialAccount.objects.none(),
        required=False,
        help_text="For a correction or a closed account.",
    )
    address = forms.CharField(
        label="Profile URL or handle",
        max_length=300,
        required=False,
        help_text="For example https://www.facebook.com/YourHospital or @yourhospital.",
    )
    followers = forms.IntegerField(label="Followers today", required=False, max_value=LARGEST_COUNT)
    closed_on = forms.DateField(
        label="Closed on", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label="Note for the moderators", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    email = forms.EmailField(
        label="Your email", required=False, help_text="So a moderator can reach you; not shown."
    )

    def __init__(self, *args, hospital, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = hospital.accounts.select_related("network")
        if user.is_authenticated:
            del self.fields["email"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == AccountSubmission.Kind.NEW and not data.get("network"):
            self.add_error("network", "Choose the network of the account.")
        return data


class AccountForm(forms.Form):
    network = forms.ModelChoiceField(queryset=Network.objects.all(), empty_label="Choose a network")
    address = forms.CharField(label="Profile URL or handle", max_length=300)
    first_seen = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="When the account started, if known; today otherwise.",
    )
    followers = forms.IntegerField(label="Followers today", required=False, max_value=LARGEST_COUNT)


class AccountEditForm(forms.Form):
    address = forms.CharField(label="Profile URL or handle", max_length=300, required=False)
    first_seen = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    closed_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reopen = forms.BooleanField(required=False, label="Reopen (the account is active again)")


class ObservationForm(forms.Form):
    observed_on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    followers = forms.IntegerField(required=False, max_value=LARGEST_COUNT)
    following = forms.IntegerField(required=False, max_value=LARGEST_COUNT)
    posts = forms.IntegerField(label="Posts count", required=False, max_value=LARGEST_COUNT)


class RejectForm(forms.Form):
    # The reason is emailed to the submitter, so it is required and says what to write.
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": "Say why the submission is rejected."},
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=SocialAccount.objects.none(), label="Merge into")

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = submission.hospital.accounts.select_related("network")
