"""Forms: they parse and shape input; the rules live in services (`services.rules`), so the API
and the CLI get the same refusals. Model forms here skip Django's uniqueness and constraint
checks for that reason (the services check them with a message naming the field)."""

import zoneinfo

from django import forms
from django.utils import timezone

from medsocial.core import dates
from medsocial.core.forms import ModelMultipleChoiceField
from medsocial.events.models import (
    TIME_ZONE_CHOICES,
    DiscountCode,
    Event,
    Question,
    Room,
    Session,
    Speaker,
    TicketType,
    Track,
)

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time typed in a named time zone (the event's), stored as an aware datetime.

    A year outside 1900–2200 is not read at all: converting it between time zones could fall
    outside what Python and the database can hold."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", [LOCAL_INPUT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            year = value.strip()[:4]
            if year.isdigit() and not dates.EARLIEST_YEAR <= int(year) <= dates.LATEST_YEAR:
                raise forms.ValidationError(dates.DATE_RANGE_MESSAGE, code="out_of_range")
        parsed = super().to_python(value)
        if parsed is not None and not dates.EARLIEST_YEAR <= parsed.year <= dates.LATEST_YEAR:
            raise forms.ValidationError(dates.DATE_RANGE_MESSAGE, code="out_of_range")
        return parsed


class PartForm(forms.ModelForm):
    """Parses a model's fields; uniqueness, constraints and the other rules are the services' to
    check (with a message on the field concerned), so pages and the API refuse alike."""

    def _post_clean(self):
        self.instance.validate_constraints = lambda exclude=None: None
        try:
            super()._post_clean()
        finally:
            del self.instance.validate_constraints

    def validate_unique(self):
        pass


def _localize(form, names, tzname):
    """Re-read naive inputs in `tzname` (Django would use the viewer's zone)."""
    tz = zoneinfo.ZoneInfo(tzname)
    for name in names:
        value = form.cleaned_data.get(name)
        if value:
            naive = (
                timezone.make_naive(value, timezone.get_current_timezone())
                if timezone.is_aware(value)
                else value
            )
            form.cleaned_data[name] = timezone.make_aware(naive.replace(fold=0), tz)


def _initial_local(form, names, tzname):
    tz = zoneinfo.ZoneInfo(tzname)
    for name in names:
        value = getattr(form.instance, name, None)
        if value:
            form.initial[name] = timezone.localtime(value, tz).strftime(LOCAL_INPUT)


class RegistrationForm(forms.Form):
    """Ticket, optional discount code and the event's questions (as question_<id> fields)."""

    ticket_type = forms.ModelChoiceField(
        queryset=TicketType.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    discount_code = forms.CharField(required=False, max_length=40, label="Discount code")

    pay_with_points = forms.BooleanField(required=False, label="Pay with my points")

    def __init__(
        self, event: Event, *args, ticket_types=None, questions=None, prices=None, points_balance=0, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.event = event
        # Any ticket id is accepted here; the service refuses one of another event with a message.
        self.fields["ticket_type"].queryset = TicketType.objects.all()
        types = ticket_types if ticket_types is not None else list(event.ticket_types.filter(is_active=True))
        prices = prices or {}
        self.fields["ticket_type"].choices = [
            (
                t.pk,
                f"{t.name} — {'Free' if prices.get(t.pk, t.price) == 0 else '$' + str(prices.get(t.pk, t.price))}",
            )
            for t in types
        ]
        if types:
            self.fields["ticket_type"].initial = types[0].pk
        if not any(t.price for t in types):
            del self.fields["discount_code"]
        if points_balance > 0 and any(t.price for t in types):
            self.fields[
                "pay_with_points"
            ].help_text = f"You have {points_balance:,} points; one point pays one dollar."
        else:
            del self.fields["pay_with_points"]
        for question in questions if questions is not None else event.questions.all():
            name = f"question_{question.pk}"
            if question.kind == Question.Kind.CHOICE:
                field = forms.ChoiceField(
                    choices=[("", "—")] + [(o, o) for o in question.options], required=False
                )
            else:
                field = forms.CharField(max_length=2000, required=False)
            field.label = question.label + (" *" if question.required else "")
            self.fields[name] = field

    def answers(self) -> dict:
        return {
            k.removeprefix("question_"): v for k, v in self.cleaned_data.items() if k.startswith("question_")
        }


class EventForm(PartForm):
    """Times are typed in the event's own time zone."""

    TIMES = [
        "starts_at",
        "ends_at",
        "registration_opens_at",
        "registration_closes_at",
        "cancellation_deadline",
    ]
    starts_at = LocalDateTimeField(label="Starts (event's local time)")
    ends_at = LocalDateTimeField(label="Ends (event's local time)")
    registration_opens_at = LocalDateTimeField(required=False)
    registration_closes_at = LocalDateTimeField(required=False)
    cancellation_deadline = LocalDateTimeField(required=False)

    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES, initial="America/New_York")

    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "kind",
            "status",
            "summary",
            "description",
            "cover_image",
            "organizer",
            "visibility",
            "organization",
            "members_only",
            "time_zone",
            "starts_at",
            "ends_at",
            "venue_name",
            "venue_address",
            "join_url",
            "recording_url",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "cancellation_deadline",
            "ce_hours",
            "checkin_opens_minutes_before",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "venue_address": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            _initial_local(self, self.TIMES, self.instance.time_zone)

    def clean(self):
        data = super().clean()
        if data.get("time_zone"):
            _localize(self, self.TIMES, data["time_zone"])
        return data


class TicketTypeForm(PartForm):
    early_bird_until = LocalDateTimeField(required=False)

    class Meta:
        model = TicketType
        fields = [
            "name",
            "description",
            "price",
            "member_price",
            "early_bird_price",
            "early_bird_until",
            "quantity",
            "is_active",
            "position",
        ]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event is not None and self.instance.pk:
            _initial_local(self, ["early_bird_until"], event.time_zone)

    def clean(self):
        data = super().clean()
        if self.event:
            _localize(self, ["early_bird_until"], self.event.time_zone)
        return data


class DiscountCodeForm(PartForm):
    valid_until = LocalDateTimeField(required=False)

    class Meta:
        model = DiscountCode
        fields = ["code", "kind", "value", "max_uses", "valid_until", "is_active"]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event is not None and self.instance.pk:
            _initial_local(self, ["valid_until"], event.time_zone)

    def clean(self):
        data = super().clean()
        if self.event:
            _localize(self, ["valid_until"], self.event.time_zone)
        return data


class QuestionForm(PartForm):
    class Meta:
        model = Question
        fields = ["label", "kind", "choices", "required", "position"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)


class TrackForm(PartForm):
    class Meta:
        model = Track
        fields = ["name", "position"]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)


class RoomForm(PartForm):
    class Meta:
        model = Room
        fields = ["name", "capacity"]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)


class SpeakerForm(PartForm):
    class Meta:
        model = Speaker
        fields = ["name", "slug", "email", "title", "organization_name", "bio", "photo"]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)


class SessionForm(PartForm):
    starts_at = LocalDateTimeField()
    ends_at = LocalDateTimeField()

    class Meta:
        model = Session
        fields = [
            "title",
            "format",
            "abstract",
            "track",
            "room",
            "starts_at",
            "ends_at",
            "capacity",
            "speakers",
        ]
        widgets = {"abstract": forms.Textarea(attrs={"rows": 3}), "speakers": forms.CheckboxSelectMultiple}
        field_classes = {"speakers": ModelMultipleChoiceField}

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event is not None:
            self.fields["track"].queryset = event.tracks.all()
            self.fields["room"].queryset = event.rooms.all()
            if self.instance.pk:
                _initial_local(self, ["starts_at", "ends_at"], event.time_zone)

    def clean(self):
        data = super().clean()
        if self.event:
            _localize(self, ["starts_at", "ends_at"], self.event.time_zone)
        return data


def many_to_many_of(form) -> dict:
    """A model form's many-to-many values (a session's speakers), for `save_event_part`."""
    names = {f.name for f in form.instance._meta.many_to_many}
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


PART_FORMS = {
    "ticket-type": (TicketTypeForm, "ticket type"),
    "discount-code": (DiscountCodeForm, "discount code"),
    "question": (QuestionForm, "question"),
    "track": (TrackForm, "track"),
    "room": (RoomForm, "room"),
    "speaker": (SpeakerForm, "speaker"),
    "session": (SessionForm, "session"),
}


class CheckInForm(forms.Form):
    payload = forms.CharField(
        label="Ticket code or QR scan",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off", "inputmode": "text"}),
    )


class ProposalForm(forms.Form):
    title = forms.CharField(max_length=200)
    abstract = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}))
    format = forms.ChoiceField(choices=[c for c in Session.Format.choices if c[0] != Session.Format.BREAK])
    speaker_name = forms.CharField(max_length=150, label="Speaker name")
    speaker_email = forms.EmailField(label="Speaker email")
    speaker_organization = forms.CharField(max_length=200, required=False, label="Speaker organization")
    speaker_bio = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label="Speaker bio"
    )
    co_speakers = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Co-speakers",
        help_text="One per line: name, email, organization",
    )

    def speakers(self) -> list[dict]:
        data = self.cleaned_data
        result = [
            {
                "name": data["speaker_name"],
                "email": data["speaker_email"],
                "organization": data["speaker_organization"],
                "bio": data["speaker_bio"],
            }
        ]
        for line in data.get("co_speakers", "").splitlines():
            parts = [p.strip() for p in line.split(",")]
            if parts and parts[0]:
                result.append(
                    {
                        "name": parts[0],
                        "email": parts[1] if len(parts) > 1 else "",
                        "organization": parts[2] if len(parts) > 2 else "",
                    }
                )
        return result


class ReviewForm(forms.Form):
    score = forms.TypedChoiceField(choices=[(i, str(i)) for i in range(1, 6)], coerce=int)
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])
    starts_at = LocalDateTimeField(required=False)
    ends_at = LocalDateTimeField(required=False)
    track = forms.ModelChoiceField(queryset=Track.objects.none(), required=False)
    room = forms.ModelChoiceField(queryset=Room.objects.none(), required=False)
    capacity = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)

    def __init__(self, event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["track"].queryset = event.tracks.all()
        self.fields["room"].queryset = event.rooms.all()

    def clean(self):
        data = super().clean()
        _localize(self, ["starts_at", "ends_at"], self.event.time_zone)
        return data


class WorkshopRequestForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=None, empty_label=None)
    topics = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), help_text="What should the workshop cover?"
    )
    audience_size = forms.IntegerField(min_value=1, max_value=5000)
    preferred_dates = forms.CharField(
        max_length=300, help_text="For example: any Tuesday in March, or 2–3 options."
    )
    location = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="Address and room.")

    def __init__(self, organizations, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ScheduleWorkshopForm(forms.Form):
    title = forms.CharField(max_length=200)
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES, initial="America/New_York")
    starts_at = LocalDateTimeField(label="Starts (local time)")
    ends_at = LocalDateTimeField(label="Ends (local time)")
    capacity = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    ce_hours = forms.DecimalField(max_digits=5, decimal_places=2, initial=0, min_value=0)

    def clean(self):
        data = super().clean()
        if data.get("time_zone"):
            _localize(self, ["starts_at", "ends_at"], data["time_zone"])
        return data


class DeclineWorkshopForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RefundForm(forms.Form):
    amount = forms.DecimalField(max_digits=8, decimal_places=2, min_value=0)
