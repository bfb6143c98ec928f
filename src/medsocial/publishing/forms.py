import json

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from medsocial.accounts.roles import Role, group_name
from medsocial.core.forms import ModelMultipleChoiceField
from medsocial.publishing.models import Category, Episode, MailingList, Tag


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text="Markdown: *emphasis*, **bold**, [links](https://…), lists and quotes.",
    )
    name = forms.CharField(label="Name", max_length=100, required=False)
    email = forms.EmailField(label="Email (not published)", required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # A field people never see; automated posters fill it in.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["name"]
            del self.fields["email"]
        else:
            self.fields["name"].required = True
            self.fields["email"].required = True


class SignUpForm(forms.Form):
    email = forms.EmailField(label="Email address")
    lists = ModelMultipleChoiceField(
        queryset=MailingList.objects.all(),
        label="Lists",
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )


def _people():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__name=group_name(Role.EDITOR))
            | Q(authored_articles__isnull=False)
            | Q(is_superuser=True)
            | Q(groups__name=group_name(Role.SITE_ADMIN))
        )
        .distinct()
        .order_by("full_name", "email")
    )


# What a source's citation and link columns hold.
SOURCE_LENGTH = 500


class ArticleForm(forms.Form):
    title = forms.CharField(max_length=200)
    slug = forms.SlugField(
        max_length=200, required=False, help_text="Leave empty to make one from the title."
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 18}), help_text="Markdown.")
    authors = ModelMultipleChoiceField(queryset=None, required=False)
    reviewer = forms.ModelChoiceField(queryset=None, required=False, label="Medical reviewer")
    categories = ModelMultipleChoiceField(
        queryset=Category.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.CharField(required=False, help_text="Comma separated.")
    sources = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="One per line: citation | https://link (the link is optional).",
    )
    disclosure = forms.CharField(
        label="Conflicts of interest and funding", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_health_information = forms.BooleanField(
        required=False, initial=True, label="This is health information"
    )
    last_reviewed_at = forms.DateField(
        required=False, label="Last reviewed on", widget=forms.DateInput(attrs={"type": "date"})
    )
    cover_image = forms.ImageField(required=False)
    cover_alt = forms.CharField(required=False, max_length=250, label="Cover image description")
    comments_open = forms.BooleanField(required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authors"].queryset = _people()
        self.fields["reviewer"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("full_name")
        )

    def clean_sources(self):
        pairs = []
        for line in self.cleaned_data["sources"].splitlines():
            if not line.strip():
                continue
            citation, _, url = line.partition("|")
            url = url.strip()
            if url and not url.startswith(("http://", "https://")):
                raise forms.ValidationError("Source links must start with http:// or https://.")
            if len(citation.strip()) > SOURCE_LENGTH or len(url) > SOURCE_LENGTH:
                raise forms.ValidationError(
                    f"A source's citation and its link can have at most {SOURCE_LENGTH} characters each."
                )
            pairs.append((citation.strip(), url))
        return pairs

    def clean_tags(self):
        from django.utils.text import slugify

        tags = []
        for name in {t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()}:
            tag, _ = Tag.objects.get_or_create(slug=slugify(name)[:80] or "tag", defaults={"name": name[:80]})
            tags.append(tag)
        return tags


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        required=False,
        label="Publish at (leave empty for now)",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


ARTWORK_HELP = "Square JPEG or PNG, 1400 to 3000 pixels a side, as podcast apps require."


class EpisodeForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Give the episode a title."})
    audio = forms.FileField(
        required=False, help_text="MP3 or M4A. When editing, leave empty to keep the current file."
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    show_notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, help_text="Markdown."
    )
    transcript = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)
    chapters = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text='JSON list, e.g. [{"startTime": 0, "title": "Welcome"}].',
    )
    # At most what the PositiveIntegerField columns hold on every database.
    number = forms.IntegerField(required=False, min_value=0, max_value=2**31 - 1)
    season = forms.IntegerField(required=False, min_value=0, max_value=2**31 - 1)
    kind = forms.ChoiceField(choices=Episode.Kind.choices, initial=Episode.Kind.FULL, label="Episode type")
    explicit = forms.BooleanField(required=False)
    cover_art = forms.ImageField(required=False, help_text=ARTWORK_HELP)
    # The format a datetime-local input accepts, so an episode's date shows when it is edited
    # (any other format leaves the input empty, and saving would make the episode a draft).
    published_at = forms.DateTimeField(
        required=False,
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Leave empty to keep it as a draft; a future time schedules it.",
    )

    def clean_chapters(self):
        raw = self.cleaned_data["chapters"].strip()
        if not raw:
            return []
        try:
            return json.loads(raw)
        except ValueError:
            raise forms.ValidationError("Chapters must be valid JSON.") from None


class ShowForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    author = forms.CharField(max_length=200, help_text="Shown as the show's author in podcast apps.")
    owner_name = forms.CharField(max_length=200)
    owner_email = forms.EmailField(help_text="Podcast directories write here to confirm who owns the show.")
    category = forms.CharField(max_length=100, help_text="An Apple Podcasts category, e.g. Health & Fitness.")
    subcategory = forms.CharField(max_length=100, required=False, help_text="e.g. Medicine.")
    language = forms.RegexField(
        regex=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
        max_length=10,
        help_text="A language code, e.g. en-us.",
        error_messages={"invalid": "Give a language code such as en or en-us."},
    )
    explicit = forms.BooleanField(required=False)
    cover_art = forms.ImageField(required=False, help_text=ARTWORK_HELP)


class IssueForm(forms.Form):
    mailing_list = forms.ModelChoiceField(queryset=MailingList.objects.all(), label="List")
    subject = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), help_text="Markdown.")


class TestSendForm(forms.Form):
    email = forms.EmailField(label="Send a test to")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file", help_text="Columns: email, list (slug), name, status (pending or confirmed)."
    )
