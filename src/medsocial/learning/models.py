"""Courses, their content, learners' progress, certificates and CE credits.

Data and invariants only; every write goes through `learning.services`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from medsocial.accounts.models import Profession
from medsocial.awards.openbadges import new_salt, verification_code
from medsocial.learning.content import video_player_url


class Topic(models.TextChoices):
    FOUNDATIONS = "foundations", "Foundations"
    PRIVACY = "privacy", "Privacy and confidentiality"
    PROFESSIONALISM = "professionalism", "Professional boundaries"
    PLATFORMS = "platforms", "Platforms"
    STRATEGY = "strategy", "Strategy"
    MEASUREMENT = "measurement", "Measuring results"
    CRISIS = "crisis", "Criticism and crises"


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", "Introductory"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class Course(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.TextField(help_text="One or two sentences shown in the catalog.")
    description = models.TextField(blank=True, help_text="Markdown shown on the course page.")
    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.FOUNDATIONS)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.INTRODUCTORY)
    audience = models.CharField(
        max_length=200,
        blank=True,
        help_text="Professions the course is written for, comma separated (empty: everyone).",
    )
    estimated_hours = models.DecimalField(max_digits=5, decimal_places=1, default=1)
    ce_hours = models.DecimalField("CE credit hours", max_digits=5, decimal_places=2, default=0)
    validity_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Certificates expire after this many months (empty: never)."
    )
    cover_image = models.ImageField(upload_to="learning/covers/", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    instructors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="courses_taught", blank=True)
    search_text = models.TextField(
        blank=True, editable=False, help_text="Title, summary and lesson text, for search."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "topic"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learning:course", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def topics(self) -> list[str]:
        return [self.get_topic_display()]

    @property
    def audience_list(self) -> list[str]:
        return [p.strip() for p in self.audience.split(",") if p.strip()]

    @property
    def audience_labels(self) -> list[str]:
        labels = dict(Profession.choices)
        return [labels.get(p, p) for p in self.audience_list]


class Module(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["course", "position", "id"]

    def __str__(self):
        return self.title


class Lesson(models.Model):
    # Set by selectors for the pages that show them, not stored.
    percent: int

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    position = models.PositiveIntegerField(default=0)
    body = models.TextField(blank=True, help_text="Markdown. Raw HTML is not allowed.")
    media_file = models.FileField(upload_to="learning/media/", blank=True, help_text="Audio or video.")
    embed_url = models.URLField(
        blank=True,
        help_text="A video on another site: YouTube and Vimeo play in the page, others are linked.",
    )
    estimated_minutes = models.PositiveSmallIntegerField(default=10)

    class Meta:
        ordering = ["module__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="lesson_slug_unique_in_course")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learning:lesson", args=[self.course.slug, self.slug])

    @property
    def video_player_url(self) -> str | None:
        return video_player_url(self.embed_url)

    @property
    def media_kind(self) -> str:
        name = self.media_file.name.lower() if self.media_file else ""
        if name.endswith((".mp3", ".m4a", ".ogg", ".wav", ".oga")):
            return "audio"
        return "video" if name else ""


class LessonResource(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="learning/resources/")
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class Quiz(models.Model):
    """A graded check at the end of a module (or of the whole course when `module` is empty)."""

    class AnswerReveal(models.TextChoices):
        WHEN_DONE = "when_done", "Once the learner passed or has no attempt left"
        ALWAYS = "always", "After every attempt"
        NEVER = "never", "Never"

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="quizzes")
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="quizzes", null=True, blank=True
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    intro = models.TextField(blank=True)
    pass_mark = models.PositiveSmallIntegerField(default=70, help_text="Percent of points needed to pass.")
    max_attempts = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty: unlimited.")
    shuffle_questions = models.BooleanField(default=True)
    reveal_answers = models.CharField(
        "Show the correct answers",
        max_length=10,
        choices=AnswerReveal.choices,
        default=AnswerReveal.WHEN_DONE,
        help_text="When a learner sees the right answers to the questions they got wrong.",
    )

    class Meta:
        ordering = ["course", "id"]
        verbose_name_plural = "quizzes"
        constraints = [models.UniqueConstraint(fields=["course", "slug"], name="quiz_slug_unique_in_course")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learning:quiz", args=[self.course.slug, self.slug])


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", "Single choice"
        MULTIPLE = "multiple", "Multiple choice"
        TRUE_FALSE = "true_false", "True or false"
        PATIENT_DETAILS = "patient_details", "Find what reveals the patient"

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    prompt = models.TextField()
    post_text = models.TextField(
        blank=True, help_text="For “find what reveals the patient”: the post the learner examines."
    )
    answer_spans = models.JSONField(
        default=list,
        blank=True,
        help_text="For “find what reveals the patient”: [start, end] offsets in the post of every "
        "detail that identifies the patient, as the author marked them.",
    )
    feedback_correct = models.TextField(blank=True)
    feedback_incorrect = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    points = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["quiz", "position", "id"]

    def __str__(self):
        return self.prompt[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["question", "position", "id"]

    def __str__(self):
        return self.text


class Enrollment(models.Model):
    # Set by selectors for the pages that show them, not stored.
    assignment: "Assignment | None"
    percent: int

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrollments")
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Recertification starts a new cycle: progress and quiz attempts count per cycle.
    cycle = models.PositiveSmallIntegerField(default=1)
    last_lesson = models.ForeignKey(
        Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lessons_done = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_enrollment_per_course")]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.user} in {self.course}"


class LessonProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="lesson_done_once")]

    def __str__(self):
        return f"{self.lesson} done"


class QuizAttempt(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    cycle = models.PositiveSmallIntegerField(default=1)
    number = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=list, help_text="Per question: correct or not, feedback.")
    score = models.PositiveSmallIntegerField(help_text="Percent.")
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "quiz", "cycle", "number"], name="attempt_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.quiz} attempt {self.number}: {self.score}%"


# Kept under these names: migrations refer to them as field defaults.
_certificate_code = verification_code
_salt = new_salt


class Certificate(models.Model):
    code = models.CharField(max_length=20, unique=True, default=_certificate_code)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates")
    # Copied at issue time: what the paper says must not change when a profile or course does.
    recipient_name = models.CharField(max_length=200)
    course_title = models.CharField(max_length=200)
    ce_hours = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=300, blank=True)
    recipient_salt = models.CharField(max_length=32, default=_salt)
    expiry_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    replaces = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaced_by"
    )

    class Meta:
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.code} — {self.course_title}"

    def get_absolute_url(self):
        return reverse("learning:verify", args=[self.code])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def status(self) -> str:
        if self.is_revoked:
            return "revoked"
        if self.is_expired:
            return "expired"
        return "valid"


class Assignment(models.Model):
    """An organization asked one of its members to take a course by a date."""

    # Set by selectors for the pages that show them, not stored.
    percent: int
    overdue: bool

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="course_assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_assignments"
    )
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="assignments")
    due_on = models.DateField(null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user", "course"], name="assignment_once_per_member"
            )
        ]

    def __str__(self):
        return f"{self.course} for {self.user}"


class CECredit(models.Model):
    """Continuing-education hours a person earned, from a completed course or an attended event.

    `source_key` identifies what earned the hours ("course:12", "event:4"), so awarding the
    same thing twice keeps one row.
    """

    class Source(models.TextChoices):
        COURSE = "course", "Course"
        EVENT = "event", "Event"
        OTHER = "other", "Other"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ce_credits")
    source = models.CharField(max_length=10, choices=Source.choices)
    source_key = models.CharField(max_length=100)
    title = models.CharField(max_length=250)
    hours = models.DecimalField(max_digits=5, decimal_places=2)
    earned_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-earned_on", "title"]
        verbose_name = "CE credit"
        constraints = [
            models.UniqueConstraint(fields=["user", "source_key"], name="ce_credit_once_per_source"),
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="ce_credit_hours_not_negative"),
        ]

    def __str__(self):
        return f"{self.hours} h — {self.title}"
