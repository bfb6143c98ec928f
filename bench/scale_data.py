"""Fill the configured database with production-scale data, on top of the demo.

    MEDSOCIAL_DATA_DIR=/work/bench-data/sqlite .venv/bin/python bench/scale_data.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medsocial_bench .venv/bin/python bench/scale_data.py
    .venv/bin/python bench/scale_data.py --scale 0.1     # a tenth of every figure, for a quick try

The sizes are those of the scale table in the architecture notes: 100,000 users, 6,000
organizations, 20,000 memberships, 200 courses / 4,000 lessons, 300,000 enrollments /
3,000,000 lesson-progress rows, 2,000 events / 200,000 registrations (each with its order),
5,000 articles / 200,000 comments, 50,000 newsletter subscribers, 1,000 consulting engagements
/ 50,000 messages, and the census at 6,000 hospitals / 40,000 accounts / 2,000,000
observations. Rows are written with COPY on PostgreSQL and multi-row inserts on SQLite, with
their ids chosen here so related rows need no read-back. Every area is marked by its own rows
("scale-" slugs, "@scale.medsocial.example" emails, "S" facility ids): an area already present
is left alone, so running the script again changes nothing. Run `medsocial migrate` and
`medsocial demo` first; the census is recomputed at the end.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

FULL = {
    "users": 100_000,
    "organizations": 6_000,
    "memberships": 20_000,
    "courses": 200,
    "lessons_per_course": 20,
    "enrollments": 300_000,
    "progress_per_enrollment": 10,
    "events": 2_000,
    "registrations": 200_000,
    "articles": 5_000,
    "comments": 200_000,
    "subscribers": 50_000,
    "engagements": 1_000,
    "messages": 50_000,
    "hospitals": 6_000,
    "accounts": 40_000,
    "observations_per_account": 50,
}
EMAIL_DOMAIN = "scale.medsocial.example"


class Writer:
    """Writes plain rows for one model: column defaults filled in, ids assigned, bulk transfer."""

    def __init__(self, connection, now):
        self.connection = connection
        self.now = now

    def next_id(self, model) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {model._meta.db_table}")
            return cursor.fetchone()[0] + 1

    def insert(self, model, rows, *, given: list[str]) -> int:
        """Insert `rows` (tuples in the order of `given`, which must start with "id")."""
        from django.db.models import NOT_PROVIDED

        connection = self.connection
        fields = {f.attname: f for f in model._meta.concrete_fields}
        filled = []  # (column, constant prepared value) or (column, field) for per-row defaults
        for attname, field in fields.items():
            if attname in given:
                continue
            if field.unique and field.has_default() and callable(field.default):
                filled.append((field.column, field))  # tokens and codes: one each
                continue
            if field.has_default():
                value = field.get_default()
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = self.now
            elif field.null:
                value = None
            elif field.default is NOT_PROVIDED and field.blank:
                value = ""
            else:
                raise SystemExit(f"{model.__name__}.{attname} needs a value")
            filled.append((field.column, field.get_db_prep_save(value, connection)))
        given_fields = [fields[name] for name in given]
        columns = [f.column for f in given_fields] + [column for column, _ in filled]

        def prepared():
            for row in rows:
                values = [f.get_db_prep_save(v, connection) for f, v in zip(given_fields, row, strict=True)]
                for _, value in filled:
                    if hasattr(value, "get_default"):
                        value = value.get_db_prep_save(value.get_default(), connection)
                    values.append(value)
                yield values

        table = model._meta.db_table
        count = 0
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for values in prepared():
                        copy.write_row(values)
                        count += 1
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
            else:
                sql = (
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
                )
                batch = []
                for values in prepared():
                    batch.append(values)
                    if len(batch) == 20_000:
                        cursor.executemany(sql, batch)
                        count += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
                    count += len(batch)
        return count


def fill(*, scale: float, stdout=print) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from medsocial.accounts.models import Membership, Organization, User
    from medsocial.census.models import Hospital, Network, Observation, SocialAccount
    from medsocial.consulting.models import Engagement, Message
    from medsocial.events.models import Event, Order, Registration, TicketType
    from medsocial.learning.models import Course, Enrollment, Lesson, LessonProgress, Module
    from medsocial.publishing.models import Article, Comment, MailingList, Subscription

    size = {name: max(1, int(value * scale)) for name, value in FULL.items()}
    size["lessons_per_course"] = FULL["lessons_per_course"]
    size["progress_per_enrollment"] = FULL["progress_per_enrollment"]
    size["observations_per_account"] = FULL["observations_per_account"]
    now = timezone.now()
    rng = random.Random(13)
    writer = Writer(connection, now)

    def area(name: str, present: bool, build) -> None:
        if present:
            stdout(f"{name}: already present, left alone")
            return
        started = time.perf_counter()
        with transaction.atomic():
            counts = build()
        stdout(f"{name}: {counts} in {time.perf_counter() - started:.1f} s")

    # --- People and organizations -----------------------------------------------------------
    def people():
        first_user = writer.next_id(User)
        users = writer.insert(
            User,
            (
                (first_user + n, f"person{n}@{EMAIL_DOMAIN}", "!", f"Person {n}", now, True)
                for n in range(size["users"])
            ),
            given=["id", "email", "password", "full_name", "date_joined", "is_active"],
        )
        first_org = writer.next_id(Organization)
        kinds = ["hospital", "health_system", "clinic", "nonprofit", "professional", "patient_association"]
        organizations = writer.insert(
            Organization,
            (
                (first_org + n, f"Scale Organization {n}", f"scale-org-{n}", kinds[n % len(kinds)], now)
                for n in range(size["organizations"])
            ),
            given=["id", "name", "slug", "kind", "created_at"],
        )
        first_membership = writer.next_id(Membership)
        memberships = writer.insert(
            Membership,
            (
                (first_membership + n, first_user + n, first_org + n % size["organizations"], now)
                for n in range(size["memberships"])
            ),
            given=["id", "user_id", "organization_id", "joined_at"],
        )
        return f"{users} users, {organizations} organizations, {memberships} memberships"

    area("people", User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists(), people)
    user_ids = list(
        User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).order_by("pk").values_list("pk", flat=True)
    )
    org_ids = list(
        Organization.objects.filter(slug__startswith="scale-org-").order_by("pk").values_list("pk", flat=True)
    )

    # --- Learning -----------------------------------------------------------------------------
    def learning():
        per_course, modules_per_course = size["lessons_per_course"], 4
        first_course = writer.next_id(Course)
        topics = [
            "foundations",
            "privacy",
            "professionalism",
            "platforms",
            "strategy",
            "measurement",
            "crisis",
        ]
        courses = writer.insert(
            Course,
            (
                (
                    first_course + n,
                    f"Scale course {n}: {topics[n % len(topics)]} in practice",
                    f"scale-course-{n}",
                    f"What course {n} teaches, in two sentences. Practical and sourced.",
                    "published",
                    now - datetime.timedelta(days=n),
                    topics[n % len(topics)],
                    now,
                    now,
                )
                for n in range(size["courses"])
            ),
            given=[
                "id",
                "title",
                "slug",
                "summary",
                "status",
                "published_at",
                "topic",
                "created_at",
                "updated_at",
            ],
        )
        first_module = writer.next_id(Module)
        writer.insert(
            Module,
            (
                (first_module + c * modules_per_course + m, first_course + c, f"Module {m + 1}", m)
                for c in range(size["courses"])
                for m in range(modules_per_course)
            ),
            given=["id", "course_id", "title", "position"],
        )
        first_lesson = writer.next_id(Lesson)
        lessons = writer.insert(
            Lesson,
            (
                (
                    first_lesson + c * per_course + n,
                    first_module + c * modules_per_course + n * modules_per_course // per_course,
                    first_course + c,
                    f"Lesson {n + 1}",
                    f"lesson-{n + 1}",
                    n,
                    "A lesson body with a few paragraphs of text.\n\n" * 5,
                )
                for c in range(size["courses"])
                for n in range(per_course)
            ),
            given=["id", "module_id", "course_id", "title", "slug", "position", "body"],
        )
        # Each person takes three courses; 300,000 enrollments at full scale.
        per_user = max(1, size["enrollments"] // len(user_ids))
        done = size["progress_per_enrollment"]
        first_enrollment = writer.next_id(Enrollment)
        pairs = [
            (user_id, (index * 7 + k * 67) % size["courses"])
            for index, user_id in enumerate(user_ids)
            for k in range(per_user)
        ][: size["enrollments"]]
        enrollments = writer.insert(
            Enrollment,
            (
                (first_enrollment + n, user_id, first_course + course, now, done)
                for n, (user_id, course) in enumerate(pairs)
            ),
            given=["id", "user_id", "course_id", "enrolled_at", "lessons_done"],
        )
        first_progress = writer.next_id(LessonProgress)
        progress = writer.insert(
            LessonProgress,
            (
                (first_progress + n * done + k, first_enrollment + n, first_lesson + course * per_course + k)
                for n, (_, course) in enumerate(pairs)
                for k in range(done)
            ),
            given=["id", "enrollment_id", "lesson_id"],
        )
        return f"{courses} courses, {lessons} lessons, {enrollments} enrollments, {progress} lesson progress"

    area("learning", Course.objects.filter(slug__startswith="scale-course-").exists(), learning)

    # --- Events -------------------------------------------------------------------------------
    def events():
        first_event = writer.next_id(Event)
        count = size["events"]
        per_event = max(1, size["registrations"] // count)
        starts = [now + datetime.timedelta(days=n - count // 2, hours=n % 9) for n in range(count)]
        writer.insert(
            Event,
            (
                (
                    first_event + n,
                    f"scale-event-{n}",
                    f"Scale webinar {n}",
                    "An hour on one practical question.",
                    starts[n],
                    starts[n] + datetime.timedelta(hours=1),
                    per_event * 2,
                    "published",
                    "https://meet.example.org/scale",
                    now,
                    now,
                )
                for n in range(count)
            ),
            given=[
                "id", "slug", "title", "summary", "starts_at", "ends_at", "capacity", "status", "join_url",
                "created_at", "updated_at",
            ],
        )  # fmt: skip
        first_ticket = writer.next_id(TicketType)
        writer.insert(
            TicketType,
            ((first_ticket + n, first_event + n, "Standard") for n in range(count)),
            given=["id", "event_id", "name"],
        )
        first_registration = writer.next_id(Registration)
        registrations = writer.insert(
            Registration,
            (
                (
                    first_registration + e * per_event + k,
                    first_event + e,
                    user_ids[(e * 37 + k) % len(user_ids)],
                    first_ticket + e,
                    "confirmed",
                    now,
                    now,
                )
                for e in range(count)
                for k in range(per_event)
            ),
            given=["id", "event_id", "user_id", "ticket_type_id", "status", "created_at", "confirmed_at"],
        )
        first_order = writer.next_id(Order)
        writer.insert(
            Order,
            ((first_order + n, first_registration + n, 0, 0, "free", now) for n in range(count * per_event)),
            given=["id", "registration_id", "base_price", "total", "payment_status", "created_at"],
        )
        return f"{count} events, {registrations} registrations with their orders"

    area("events", Event.objects.filter(slug__startswith="scale-event-").exists(), events)

    # --- Publishing ---------------------------------------------------------------------------
    def publishing():
        first_article = writer.next_id(Article)
        count = size["articles"]
        body = "A paragraph of an article about health care social media.\n\n" * 12
        html = "<p>A paragraph of an article about health care social media.</p>\n" * 12
        articles = writer.insert(
            Article,
            (
                (
                    first_article + n,
                    f"Scale article {n}",
                    f"scale-article-{n}",
                    "A summary of the article.",
                    body,
                    html,
                    "published",
                    now - datetime.timedelta(hours=n + 24),
                    now,
                )
                for n in range(count)
            ),
            given=[
                "id",
                "title",
                "slug",
                "summary",
                "body",
                "body_html",
                "status",
                "published_at",
                "updated_at",
            ],
        )
        per_article = max(1, size["comments"] // count)
        first_comment = writer.next_id(Comment)
        comments = writer.insert(
            Comment,
            (
                (
                    first_comment + a * per_article + k,
                    first_article + a,
                    user_ids[(a * 13 + k) % len(user_ids)],
                    "A thoughtful comment.",
                    "<p>A thoughtful comment.</p>",
                    "approved",
                    now,
                )
                for a in range(count)
                for k in range(per_article)
            ),
            given=["id", "article_id", "user_id", "body", "body_html", "status", "created_at"],
        )
        mailing_list = MailingList.objects.order_by("pk").first()
        if mailing_list is None:
            mailing_list = MailingList.objects.create(name="Scale list", slug="scale-list")
        first_subscription = writer.next_id(Subscription)
        subscribers = writer.insert(
            Subscription,
            (
                (first_subscription + n, mailing_list.pk, f"reader{n}@{EMAIL_DOMAIN}", "confirmed")
                for n in range(size["subscribers"])
            ),
            given=["id", "mailing_list_id", "email", "status"],
        )
        return f"{articles} articles, {comments} comments, {subscribers} newsletter subscribers"

    area("publishing", Article.objects.filter(slug__startswith="scale-article-").exists(), publishing)

    # --- Consulting ---------------------------------------------------------------------------
    def consulting():
        first_engagement = writer.next_id(Engagement)
        count = size["engagements"]
        stages = ["new", "qualified", "proposal", "active", "completed"]
        engagements = writer.insert(
            Engagement,
            (
                (
                    first_engagement + n,
                    org_ids[n % len(org_ids)],
                    f"Contact {n}",
                    f"contact{n}@{EMAIL_DOMAIN}",
                    "quarter",
                    "unknown",
                    "consulting",
                    stages[n % len(stages)],
                )
                for n in range(count)
            ),
            given=[
                "id",
                "organization_id",
                "contact_name",
                "contact_email",
                "timeline",
                "budget",
                "service",
                "stage",
            ],
        )
        per_engagement = max(1, size["messages"] // count)
        first_message = writer.next_id(Message)
        messages = writer.insert(
            Message,
            (
                (
                    first_message + e * per_engagement + k,
                    first_engagement + e,
                    "A message in the workspace.",
                    now,
                )
                for e in range(count)
                for k in range(per_engagement)
            ),
            given=["id", "engagement_id", "body", "created_at"],
        )
        return f"{engagements} engagements, {messages} messages"

    area(
        "consulting",
        Engagement.objects.filter(contact_email__endswith="@" + EMAIL_DOMAIN).exists(),
        consulting,
    )

    # --- Census: topped up to the target, whatever the demo loaded ------------------------------
    def census():
        existing = Hospital.objects.count()
        to_add = max(0, size["hospitals"] - existing)
        first_hospital = writer.next_id(Hospital)
        states = "CA TX NY FL IL PA OH GA NC MI NJ VA WA AZ MA TN IN MO MD WI".split()
        types = ["Acute Care Hospitals", "Critical Access Hospitals", "Psychiatric", "Childrens"]
        writer.insert(
            Hospital,
            (
                (
                    first_hospital + n,
                    f"S{n:05d}",
                    f"Scale Medical Center {n}",
                    f"SCALEMEDICALCENTER{n}",
                    f"City {n % 500}",
                    states[n % len(states)],
                    types[n % len(types)],
                    "Voluntary non-profit - Private",
                    rng.randint(10, 900),
                    True,
                    now,
                    now,
                )
                for n in range(to_add)
            ),
            given=[
                "id", "facility_id", "name", "name_key", "city", "state", "hospital_type", "ownership", "beds",
                "is_open", "created_at", "updated_at",
            ],
        )  # fmt: skip
        hospital_ids = list(Hospital.objects.order_by("pk").values_list("pk", flat=True))
        networks = list(Network.objects.order_by("pk").values_list("pk", "slug"))
        accounts_to_add = max(0, size["accounts"] - SocialAccount.objects.count())
        months = size["observations_per_account"]
        today = datetime.date.today()
        last = today.year * 12 + today.month - 2

        def month(index: int) -> datetime.date:
            return datetime.date(index // 12, index % 12 + 1, 1)

        first_account = writer.next_id(SocialAccount)
        writer.insert(
            SocialAccount,
            (
                (
                    first_account + n,
                    hospital_ids[(n * 7919) % len(hospital_ids)],
                    networks[n % len(networks)][0],
                    f"scale{n}",
                    f"https://example.org/{networks[n % len(networks)][1]}/scale{n}",
                    month(last - months - n % 60),
                    month(last),
                    now,
                    now,
                )
                for n in range(accounts_to_add)
            ),
            given=[
                "id", "hospital_id", "network_id", "handle", "url", "first_seen", "last_active_on", "created_at",
                "updated_at",
            ],
        )  # fmt: skip

        def observations():
            for n in range(accounts_to_add):
                followers, posts = rng.randint(10, 5000), rng.randint(0, 500)
                for offset, index in enumerate(range(last - months + 1, last + 1)):
                    followers += rng.randint(-5, 60)
                    posts += rng.randint(0, 12)
                    day = month(index)
                    yield (
                        first_observation + n * months + offset,
                        first_account + n,
                        networks[n % len(networks)][0],
                        day + datetime.timedelta(days=14),
                        day,
                        max(followers, 0),
                        posts,
                        True,
                        now,
                        "generated",  # synthetic benchmark rows, marked as the demo's are
                    )

        first_observation = writer.next_id(Observation)
        observed = writer.insert(
            Observation,
            observations(),
            given=[
                "id",
                "account_id",
                "network_id",
                "observed_on",
                "month",
                "followers",
                "posts",
                "month_last",
                "recorded_at",
                "source",
            ],
        )
        from medsocial.census.services.accounts import refresh_account_stats

        refresh_account_stats(
            list(SocialAccount.objects.filter(handle__startswith="scale").values_list("pk", flat=True)),
            batch_size=2000,
        )
        return f"{to_add} hospitals, {accounts_to_add} accounts, {observed} observations"

    area("census", Hospital.objects.filter(facility_id__startswith="S0").exists(), census)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    from medsocial.census.services.recompute import recompute_census

    started = time.perf_counter()
    recompute_census()
    stdout(f"census recomputed in {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full figures (default 1)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medsocial.settings")
    import django

    django.setup()
    started = time.perf_counter()
    fill(scale=args.scale, stdout=lambda line: print(line, flush=True))
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
