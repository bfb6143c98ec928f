"""Demo data for the Fellows ladder: `load()` is idempotent (a second run changes nothing).

The default ladder comes from the migration. Three demo people hold levels from portfolios the
site admin approved (Gold, Silver, Bronze; two listed in the directory), and the nurse's
Resident portfolio waits for a review."""

from datetime import timedelta

from django.utils import timezone

from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import User
from medsocial.awards.models import BadgeClass
from medsocial.fellows import criteria, selectors, services
from medsocial.fellows.ladder import install_default_ladder
from medsocial.fellows.models import Fellow, Level, Portfolio, RubricItem

# (email local part, level, listed, days ago, statement, figures recorded when it was approved)
HISTORY = [
    (
        "instructor",
        "gold",
        True,
        120,
        "I teach the hub's privacy and professionalism courses, spoke at two summits on patient stories "
        "done safely, and coach three hospital communication teams through their first year on social media.",
        {"courses": "12", "ce_hours": "34.5", "events": "7", "articles": "3", "talks": "2", "mentoring": "9"},
    ),
    (
        "coach",
        "silver",
        True,
        75,
        "I built the recruitment campaign playbook our partner hospitals use and wrote about measuring it "
        "honestly; I attend the hub's workshops to keep my own practice current.",
        {"courses": "7", "ce_hours": "16", "events": "4", "articles": "1", "talks": "0", "mentoring": "4"},
    ),
    (
        "events",
        "bronze",
        False,
        30,
        "I run the hub's webinars and workshops and took the foundation courses to understand what our "
        "speakers teach, so I can help them make every session accessible and safe to share.",
        {"courses": "3", "ce_hours": "6.5", "events": "5", "articles": "0", "talks": "0", "mentoring": "0"},
    ),
]

IN_REVIEW_STATEMENT = (
    "On our unit I started a staff-only group for sharing good practice, and I completed the hub's first "
    "course so that every post we make about our work protects patients' privacy."
)


def load(*, stdout=None, small: bool = False) -> None:
    install_default_ladder(Level, BadgeClass, RubricItem)
    if Portfolio.objects.exists():
        return
    reviewer = User.objects.get(email=demo_email("admin"))
    rubric = selectors.rubric()
    levels = {level.slug: level for level in selectors.levels()}
    for local, slug, listed, days_ago, statement, figures in HISTORY:
        person = User.objects.get(email=demo_email(local))
        # Their earlier rungs came before the hub kept records; the demo keeps only the latest.
        portfolio = Portfolio.objects.create(
            person=person,
            level=levels[slug],
            statement=statement,
            links=["https://medsocial.example/articles/"],
            directory_consent=listed,
            criteria_figures=figures,
            submitted_at=timezone.now() - timedelta(days=days_ago + 10),
        )
        services.review_portfolio(
            portfolio=portfolio,
            reviewer=reviewer,
            scores={str(item.pk): item.max_score - (n % 2) for n, item in enumerate(rubric)},
            comments="A clear record of teaching others, with privacy handled well throughout.",
            decision="approve",
        )
        Fellow.objects.filter(person=person).update(since=timezone.now() - timedelta(days=days_ago))
    nurse = User.objects.get(email=demo_email("nurse"))
    nurse_figures = criteria.figures_for(nurse)
    resident = levels["resident"]
    if criteria.unmet(resident, nurse_figures):
        # A small demo without the nurse's certificate: the portfolio is recorded as it would be.
        Portfolio.objects.create(
            person=nurse,
            level=resident,
            statement=IN_REVIEW_STATEMENT,
            links=["https://medsocial.example/"],
            directory_consent=True,
            criteria_figures=criteria.figures_as_json(nurse_figures),
        )
    else:
        services.submit_portfolio(
            person=nurse,
            statement=IN_REVIEW_STATEMENT,
            links=["https://medsocial.example/"],
            directory_consent=True,
        )
    if stdout is not None:
        stdout.write(
            f"  Fellows: {Fellow.objects.count()} Fellows, {Portfolio.objects.filter(status='in_review').count()} portfolio in review"
        )
