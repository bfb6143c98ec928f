"""The ladder a new hub starts with: five levels, their badges and the review rubric.

Staff change thresholds and rubric items in the admin afterwards; `install_default_ladder` only
creates what is missing, so it never overwrites their edits. A data migration runs it with the
historical models; demo data and tests call it with the real ones."""

from decimal import Decimal

LEVELS = [
    {
        "slug": "resident",
        "name": "Resident",
        "rank": 1,
        "colour": "#546e7a",
        "description": "Has started learning to use social media well and safely in health care.",
        "thresholds": {"min_courses": 1, "min_ce_hours": Decimal("1")},
    },
    {
        "slug": "bronze",
        "name": "Bronze Fellow",
        "rank": 2,
        "colour": "#8d5524",
        "description": "Has built a foundation: several courses and a first event with peers.",
        "thresholds": {"min_courses": 3, "min_ce_hours": Decimal("6"), "min_events": 1},
    },
    {
        "slug": "silver",
        "name": "Silver Fellow",
        "rank": 3,
        "colour": "#78909c",
        "description": "Shares what they know: published on the hub and takes part in its events.",
        "thresholds": {"min_courses": 6, "min_ce_hours": Decimal("15"), "min_events": 3, "min_articles": 1},
    },
    {
        "slug": "gold",
        "name": "Gold Fellow",
        "rank": 4,
        "colour": "#b8860b",
        "description": "Leads others: speaks, writes and coaches health care teams.",
        "thresholds": {
            "min_courses": 10,
            "min_ce_hours": Decimal("30"),
            "min_events": 5,
            "min_articles": 2,
            "min_talks": 1,
            "min_mentoring": 2,
        },
    },
    {
        "slug": "platinum",
        "name": "Platinum Fellow",
        "rank": 5,
        "colour": "#37474f",
        "description": "Shapes the field: a sustained record of teaching, speaking, writing and coaching.",
        "thresholds": {
            "min_courses": 15,
            "min_ce_hours": Decimal("50"),
            "min_events": 8,
            "min_articles": 4,
            "min_talks": 3,
            "min_mentoring": 10,
        },
    },
]

RUBRIC = [
    (
        "Impact on patients and the public",
        "Shows what changed for patients, families or the public because of the work.",
    ),
    (
        "Privacy and professionalism",
        "Every example respects patient privacy, the organization's policy and professional standards.",
    ),
    ("Quality of the work shared", "Accurate, sourced, accessible content suited to each network."),
    (
        "Leadership and teaching others",
        "Helps colleagues and teams use social media well: teaching, coaching, speaking.",
    ),
]

CRITERIA_NARRATIVE = (
    "Meet the level's criteria on the hub (courses completed, CE hours, events attended, articles "
    "published, talks given, coaching sessions led), then submit a portfolio that the hub's "
    "reviewers approve against the Fellows rubric."
)


def install_default_ladder(level_model, badge_class_model, rubric_model) -> None:
    for spec in LEVELS:
        badge_class, _ = badge_class_model.objects.get_or_create(
            slug=f"fellows-{spec['slug']}",
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "criteria": CRITERIA_NARRATIVE,
                "colour": spec["colour"],
                "caption": "Fellows" if spec["slug"] != "resident" else "Fellows ladder",
                "tags": ["fellows"],
            },
        )
        if not level_model.objects.filter(slug=spec["slug"]).exists():
            level_model.objects.create(
                slug=spec["slug"],
                name=spec["name"],
                rank=spec["rank"],
                description=spec["description"],
                badge_class=badge_class,
                **spec["thresholds"],
            )
    if not rubric_model.objects.exists():
        for position, (title, guidance) in enumerate(RUBRIC, start=1):
            rubric_model.objects.create(position=position, title=title, guidance=guidance, max_score=4)
