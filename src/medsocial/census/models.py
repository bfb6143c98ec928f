"""The census: US hospitals, their social accounts per network, dated observations, the
moderation of crowd submissions, the history of every change, and precomputed figures."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse


class Network(models.Model):
    """A social network (or blog, podcast) and the rules that turn a URL or handle into its
    canonical account. Networks are rows, so adding one needs no code."""

    class Rule(models.TextChoices):
        PATH = "path", "Handle in the URL path"
        FEDIVERSE = "fediverse", "user@server (federated)"
        WEBSITE = "website", "Any web address"

    slug = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    rule = models.CharField(max_length=20, choices=Rule.choices, default=Rule.PATH)
    # Comma-separated host names the network answers on (without "www.").
    hosts = models.CharField(max_length=300, blank=True)
    # Full-match regex a canonical handle (without prefix or "@") must satisfy.
    handle_pattern = models.CharField(max_length=200, blank=True)
    # Comma-separated path segments that introduce a handle ("company", "channel"); the first
    # is used for a bare handle. Empty: the handle is the first path segment.
    path_prefixes = models.CharField(max_length=200, blank=True)
    # Whether the profile path writes the handle as "@name" (TikTok, Threads, YouTube).
    at_in_path = models.BooleanField(default=False)
    # Prefixes whose identifiers are case-sensitive (YouTube channel ids).
    case_kept_prefixes = models.CharField(max_length=100, blank=True)
    # First path segments that are site pages, not profiles ("watch", "search", "share").
    reserved_paths = models.TextField(blank=True)
    # Canonical profile URL; "{handle}" is the canonical handle (with its prefix).
    url_template = models.CharField(max_length=200, blank=True)
    # Suffix added to a bare handle without a dot (Bluesky: ".bsky.social").
    default_domain = models.CharField(max_length=60, blank=True)
    abbreviation = models.CharField(max_length=4, blank=True, help_text="Shown on the icon badge.")
    color = models.CharField(max_length=7, default="#555555")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def host_list(self) -> list[str]:
        return [h.strip().lower() for h in self.hosts.split(",") if h.strip()]

    def prefix_list(self) -> list[str]:
        return [p.strip().lower() for p in self.path_prefixes.split(",") if p.strip()]

    def reserved_list(self) -> set[str]:
        return {p.strip().lower() for p in self.reserved_paths.split(",") if p.strip()}


class Hospital(models.Model):
    """A hospital from the CMS Hospital General Information file (facility id is the key)."""

    facility_id = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    # Name reduced to letters and digits, for matching other data sets.
    name_key = models.CharField(max_length=200, db_index=True)
    address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, db_index=True)
    zip_code = models.CharField(max_length=10, blank=True, db_index=True)
    county = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    hospital_type = models.CharField(max_length=80, blank=True, db_index=True)
    ownership = models.CharField(max_length=80, blank=True, db_index=True)
    emergency_services = models.BooleanField(null=True)
    overall_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    website = models.URLField(max_length=300, blank=True)
    beds = models.PositiveIntegerField(null=True, blank=True)
    is_open = models.BooleanField(default=True)
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="census_hospitals",
    )
    # Precomputed by the census recompute, so the list sorts without aggregating observations.
    account_count = models.PositiveIntegerField(default=0)
    total_followers = models.BigIntegerField(default=0, db_index=True)
    follower_growth = models.BigIntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["state", "name"]), models.Index(fields=["account_count", "name"])]

    def __str__(self):
        return f"{self.name} ({self.city}, {self.state})"

    def get_absolute_url(self):
        return reverse("census:hospital", args=[self.facility_id])

    @property
    def bed_band(self) -> str:
        return bed_band(self.beds)


BED_BANDS = [
    (0, 25, "under 25 beds"),
    (25, 100, "25–99 beds"),
    (100, 300, "100–299 beds"),
    (300, 10**9, "300 beds or more"),
]


def bed_band(beds: int | None) -> str:
    if beds is None:
        return ""
    for low, high, label in BED_BANDS:
        if low <= beds < high:
            return label
    return ""


def bed_band_range(beds: int | None) -> tuple[int, int] | None:
    if beds is None:
        return None
    for low, high, _label in BED_BANDS:
        if low <= beds < high:
            return low, high
    return None


class SocialAccount(models.Model):
    """One hospital account on one network, by its canonical handle."""

    hospital = models.ForeignKey(Hospital, on_delete=models.CASCADE, related_name="accounts")
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="accounts")
    handle = models.CharField(max_length=200)
    url = models.URLField(max_length=300)
    first_seen = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    # Kept current by the services that record observations.
    latest_followers = models.BigIntegerField(null=True, blank=True)
    latest_observed_on = models.DateField(null=True, blank=True)
    last_active_on = models.DateField(null=True, blank=True)
    followers_year_ago = models.BigIntegerField(null=True, blank=True)
    # Made up by the demo data generator, not found on the network.
    is_generated = models.BooleanField(default=False, db_default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["network__position", "handle"]
        constraints = [
            models.UniqueConstraint(fields=["network", "handle"], name="census_account_unique_handle")
        ]
        indexes = [models.Index(fields=["hospital", "network"])]

    def __str__(self):
        return f"{self.network.name}: {self.handle}"

    def is_dormant(self, today: datetime.date | None = None) -> bool:
        """No observation has shown activity for 12 months (or none ever did)."""
        if self.closed_on:
            return False
        today = today or datetime.date.today()
        last = self.last_active_on or self.first_seen
        return last < dormant_cutoff(today)


def dormant_cutoff(today: datetime.date) -> datetime.date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


class Observation(models.Model):
    """The figures of one account on one date."""

    class Source(models.TextChoices):
        IMPORTED = "imported", "Imported from a file"
        SUBMITTED = "submitted", "Submitted by a person"
        GENERATED = "generated", "Generated demo data"

    # The unique (account, observed_on) constraint serves as the account index.
    account = models.ForeignKey(
        SocialAccount, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    # Copied from the account (which never changes network) so the census groups without a join.
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+", db_index=False)
    observed_on = models.DateField()
    month = models.DateField(help_text="First day of the observation's month.")
    followers = models.BigIntegerField(null=True, blank=True)
    following = models.BigIntegerField(null=True, blank=True)
    posts = models.BigIntegerField(null=True, blank=True)
    # Where the figures came from; "generated" rows are the demo's invention, never a measurement.
    source = models.CharField(max_length=20, choices=Source.choices)
    # True on the account's last observation of its month: the one the monthly census counts.
    month_last = models.BooleanField(default=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["account", "observed_on"]
        constraints = [
            models.UniqueConstraint(fields=["account", "observed_on"], name="census_observation_one_per_day"),
            models.CheckConstraint(
                condition=models.Q(followers__gte=0) | models.Q(followers__isnull=True),
                name="census_followers_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=["imported", "submitted", "generated"]),
                name="census_observation_source_known",
            ),
        ]
        indexes = [
            # The monthly follower series reads every account's month-closing counts in account
            # and month order (to find each count's successor): this index hands them over in
            # that order with every column the query needs, so there is no sort and no table read.
            models.Index(
                fields=["month_last", "account", "month", "observed_on", "followers", "network"],
                name="census_obs_account_month",
            ),
            # Answers "is any generated row left?" (the demo notice) without scanning the table.
            models.Index(
                fields=["source"], condition=models.Q(source="generated"), name="census_obs_generated"
            ),
        ]

    def __str__(self):
        return f"{self.account_id} on {self.observed_on}"


class AccountSubmission(models.Model):
    """A crowd submission waiting for a moderator: a new account, a correction, a closure."""

    class Kind(models.TextChoices):
        NEW = "new", "New account"
        CORRECTION = "correction", "Correction"
        CLOSED = "closed", "Closed account"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        MERGED = "merged", "Merged into an existing account"

    hospital = models.ForeignKey(Hospital, on_delete=models.CASCADE, related_name="submissions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEW)
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(
        SocialAccount, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    address = models.CharField("URL or handle", max_length=300, blank=True)
    followers = models.BigIntegerField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.hospital.name}"


class AccountChange(models.Model):
    """The history: one row per change to an account, with who made it and what it was."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        CLOSED = "closed", "Closed"
        REOPENED = "reopened", "Reopened"
        MERGED = "merged", "Merged submission"
        OBSERVED = "observed", "Observation recorded"
        REJECTED = "rejected", "Submission rejected"

    hospital = models.ForeignKey(Hospital, on_delete=models.CASCADE, related_name="changes")
    account = models.ForeignKey(
        SocialAccount, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    submission = models.ForeignKey(
        AccountSubmission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d})"


class CensusFigure(models.Model):
    """A precomputed census figure. `dimension` says how it is cut (overall, network, state,
    type, ownership, month, year); `key` is the value of that cut; `network` is a network
    slug or "" for all networks; `period` is set for time series."""

    dimension = models.CharField(max_length=20)
    key = models.CharField(max_length=100, blank=True)
    network = models.CharField(max_length=30, blank=True)
    period = models.DateField(null=True, blank=True)
    hospitals = models.PositiveIntegerField(default=0)
    hospitals_present = models.PositiveIntegerField(default=0)
    accounts_active = models.PositiveIntegerField(default=0)
    accounts_dormant = models.PositiveIntegerField(default=0)
    accounts_closed = models.PositiveIntegerField(default=0)
    accounts_opened = models.PositiveIntegerField(default=0)
    followers = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["dimension", "key", "network", "period"]
        indexes = [models.Index(fields=["dimension", "network", "period"])]
        # One set of figures: a second copy of any figure is refused (NULL periods need their own).
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "key", "network", "period"],
                condition=models.Q(period__isnull=False),
                name="census_figure_one_per_period",
            ),
            models.UniqueConstraint(
                fields=["dimension", "key", "network"],
                condition=models.Q(period__isnull=True),
                name="census_figure_one_current",
            ),
        ]

    def __str__(self):
        return f"{self.dimension}:{self.key}:{self.network}:{self.period}"


class CensusRun(models.Model):
    """When the figures were last computed, and how long that took."""

    computed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    as_of = models.DateField()
    # Whether generated (demo) accounts or observations existed when the figures were computed.
    demo_data = models.BooleanField(default=False, db_default=False)

    class Meta:
        ordering = ["-computed_at"]
        get_latest_by = "computed_at"

    def __str__(self):
        return f"Census of {self.as_of}"
