"""Articles, podcasts, comments and the newsletter: data and invariants only."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Category(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publishing:category", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(
        blank=True, help_text="One or two sentences shown in lists, feeds and link previews."
    )
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(blank=True, editable=False)
    cover_image = models.ImageField(upload_to="publishing/covers/", blank=True)
    cover_alt = models.CharField("cover image description", max_length=250, blank=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="articles")
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="authored_articles", blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="Medical reviewer (optional).",
    )
    is_health_information = models.BooleanField(
        default=True,
        help_text="Health information must name an author, a date and at least one source to be published.",
    )
    disclosure = models.TextField("conflicts of interest and funding", blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(null=True, blank=True, help_text="When a scheduled article goes live.")
    published_at = models.DateTimeField(null=True, blank=True)
    last_reviewed_at = models.DateField(null=True, blank=True)
    comments_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publishing:article", args=[self.slug])

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at is not None


class Source(models.Model):
    """A reference the article relies on."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    citation = models.CharField(max_length=500)
    url = models.URLField(max_length=500, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.citation


class ArticleRevision(models.Model):
    """A copy of the article's words each time an editor saves it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.created_at:%Y-%m-%d %H:%M})"


class Show(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField()
    author = models.CharField(max_length=200, help_text="Shown as the show's author in podcast apps.")
    owner_name = models.CharField(max_length=200)
    owner_email = models.EmailField()
    cover_art = models.ImageField(upload_to="publishing/shows/", blank=True)
    category = models.CharField(max_length=100, default="Health & Fitness")
    subcategory = models.CharField(max_length=100, blank=True, default="Medicine")
    language = models.CharField(max_length=10, default="en-us")
    explicit = models.BooleanField(default=False)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publishing:show", args=[self.slug])


class Episode(models.Model):
    class Kind(models.TextChoices):
        FULL = "full", "Full"
        TRAILER = "trailer", "Trailer"
        BONUS = "bonus", "Bonus"

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="episodes")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    summary = models.TextField(blank=True)
    show_notes = models.TextField(blank=True, help_text="Markdown.")
    show_notes_html = models.TextField(blank=True, editable=False)
    transcript = models.TextField(blank=True)
    chapters = models.JSONField(default=list, blank=True, help_text='[{"startTime": 0, "title": "Intro"}, …]')
    audio = models.FileField(upload_to="publishing/audio/")
    audio_mime = models.CharField(max_length=40, editable=False)
    audio_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    duration_seconds = models.PositiveIntegerField(default=0, editable=False)
    number = models.PositiveIntegerField(null=True, blank=True)
    season = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FULL)
    explicit = models.BooleanField(default=False)
    cover_art = models.ImageField(upload_to="publishing/episodes/", blank=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True)
    comments_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["show", "slug"], name="episode_slug_per_show")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publishing:episode", args=[self.show.slug, self.slug])

    @property
    def duration_hms(self) -> str:
        h, rest = divmod(self.duration_seconds, 3600)
        m, s = divmod(rest, 60)
        return f"{h:02d}:{m:02d}:{s:02d}"

    @property
    def audio_extension(self) -> str:
        return "m4a" if self.audio_mime == "audio/mp4" else "mp3"

    @property
    def publication_status(self) -> str:
        """ "draft" without a date, "scheduled" before its date, "published" from then on."""
        if self.published_at is None:
            return "draft"
        return "scheduled" if self.published_at > timezone.now() else "published"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Held for moderation"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"
        DELETED = "deleted", "Deleted by its author"

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    episode = models.ForeignKey(
        Episode, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publishing_comments",
    )
    guest_name = models.CharField(max_length=100, blank=True)
    guest_email = models.EmailField(blank=True)
    body = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    concerns = models.JSONField(default=list, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    delete_token = models.CharField(max_length=64, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(article__isnull=False, episode__isnull=True)
                    | models.Q(article__isnull=True, episode__isnull=False)
                ),
                name="comment_on_article_or_episode",
            )
        ]

    def __str__(self):
        return f"Comment by {self.author_name}"

    def get_absolute_url(self):
        return f"{self.target.get_absolute_url()}#comment-{self.pk}"

    @property
    def author_name(self) -> str:
        return self.user.display_name if self.user_id else self.guest_name

    @property
    def author_email(self) -> str:
        return self.user.email if self.user_id else self.guest_email

    @property
    def target(self):
        return self.article if self.article_id else self.episode


class CommenterBan(models.Model):
    """A person whose comments are refused, by email (signed-in users by their account email)."""

    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return self.email


class MailingList(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField()
    name = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "email"], name="one_subscription_per_list")
        ]

    def __str__(self):
        return f"{self.email} · {self.mailing_list}"


# A send that has not moved for this long has stopped (its worker died or its tasks were lost)
# and may be resumed. Far longer than one email takes, so a live send is never taken for one.
SEND_STALLED_AFTER = datetime.timedelta(minutes=15)


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    mailing_list = models.ForeignKey(MailingList, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    recipients_count = models.PositiveIntegerField(default=0)
    sent_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # When the send last moved: deliveries were queued or settled, or the send was resumed.
    progressed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    def send_stalled(self, now: datetime.datetime | None = None) -> bool:
        """Still sending, but nothing has moved for SEND_STALLED_AFTER."""
        if self.status != self.Status.SENDING:
            return False
        last_moved = self.progressed_at or self.sent_at
        return last_moved is not None and last_moved < (now or timezone.now()) - SEND_STALLED_AFTER


class Delivery(models.Model):
    """One issue to one subscription. The unique pair keeps an address from being queued twice;
    the claim (queued → sending, a conditional update) keeps a batch delivered twice from
    sending twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    error = models.CharField(max_length=300, blank=True)
    # When a worker claimed it; a claim older than SEND_STALLED_AFTER belongs to a worker that died.
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The queued task whose run claimed it: that task's next attempt takes the claim over at once.
    claimed_by = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscription"], name="one_delivery_per_issue")
        ]

    def __str__(self):
        return f"{self.issue_id} → {self.subscription_id}: {self.status}"


class SearchDocument(models.Model):
    """One searchable article or episode, kept up to date by the services that change them."""

    kind = models.CharField(max_length=10)  # "article" | "episode"
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField()
    url = models.CharField(max_length=400)
    summary = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_search_document")]

    def __str__(self):
        return f"{self.kind}: {self.title}"
