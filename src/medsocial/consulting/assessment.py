"""The social media readiness questionnaire: dimensions, questions and scoring.

Every question is answered on the same five-step scale, from "not at all" (0) to "fully,
and we review it" (4). A dimension's score is the mean of its answers as a share of the
maximum, 0–100; 75 and above is a strength, under 50 a gap.
"""

from dataclasses import dataclass

SCALE = [
    (0, "Not at all"),
    (1, "We have talked about it"),
    (2, "Partly, informally"),
    (3, "Yes, in writing or in practice"),
    (4, "Yes, and we review it regularly"),
]
STRENGTH_FROM = 75
GAP_BELOW = 50


@dataclass(frozen=True)
class Question:
    key: str
    text: str


@dataclass(frozen=True)
class Dimension:
    key: str
    name: str
    why: str
    questions: tuple[Question, ...]
    advice: str
    # Words that find matching courses and events in the catalog.
    keywords: tuple[str, ...]
    # Course topics of the learning catalog that address this dimension.
    topics: tuple[str, ...] = ()


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "policy",
        "Social media policy",
        "A written policy tells staff what they may post, what never to share and who to ask.",
        (
            Question("policy_written", "We have a written social media policy for staff and clinicians."),
            Question(
                "policy_phi",
                "The policy explains, with examples, what counts as protected health information online.",
            ),
            Question("policy_personal", "It covers staff's personal accounts, not only the official ones."),
            Question("policy_known", "New hires are told where the policy is and sign that they read it."),
        ),
        "Write or refresh a one-page policy with concrete examples of what may and may not be shared.",
        ("policy", "HIPAA", "privacy", "professionalism"),
        ("privacy", "professionalism"),
    ),
    Dimension(
        "training",
        "Staff training",
        "People follow rules they understand; short, regular training prevents most incidents.",
        (
            Question(
                "training_onboarding",
                "Social media is part of onboarding for clinical and non-clinical staff.",
            ),
            Question("training_refresh", "Staff get a refresher at least once a year."),
            Question(
                "training_ambassadors", "Clinicians who post publicly get extra coaching as ambassadors."
            ),
            Question("training_tracked", "We know who completed the training."),
        ),
        "Give every employee a short course and track completion; coach your clinician voices.",
        ("training", "professionalism", "clinician", "ambassador"),
        ("professionalism", "foundations"),
    ),
    Dimension(
        "governance",
        "Governance and roles",
        "Clear ownership avoids orphaned accounts and slow approvals.",
        (
            Question("gov_owner", "One person or team owns social media for the organization."),
            Question(
                "gov_inventory", "We keep a list of every official account and who holds its passwords."
            ),
            Question("gov_approval", "There is an agreed, quick approval path for sensitive posts."),
            Question("gov_access", "Access is removed the day someone leaves."),
        ),
        "Name an owner, inventory every account and set up shared, revocable access.",
        ("governance", "strategy", "leadership"),
        ("strategy",),
    ),
    Dimension(
        "channels",
        "Channels and audiences",
        "Being on the networks your patients, donors and recruits use matters more than being everywhere.",
        (
            Question("channels_audience", "We know which audiences we want to reach on each network."),
            Question("channels_fit", "Each official account has a stated purpose and audience."),
            Question("channels_verified", "Our main accounts are verified or clearly marked as official."),
            Question("channels_review", "We retire accounts that no longer serve a purpose."),
        ),
        "Map audiences to networks and close or merge accounts without a purpose.",
        ("channels", "facebook", "instagram", "linkedin", "youtube", "tiktok", "audience"),
        ("platforms",),
    ),
    Dimension(
        "content",
        "Content and voice",
        "Useful, accurate and human content builds trust; a calendar keeps it steady.",
        (
            Question("content_calendar", "We plan content in an editorial calendar."),
            Question("content_review", "Health information is reviewed by a clinician before it is posted."),
            Question("content_consent", "We have written consent before showing patients or their stories."),
            Question("content_accessible", "Images carry alt text and videos have captions."),
        ),
        "Start an editorial calendar with clinical review and a consent process for patient stories.",
        ("content", "storytelling", "video", "writing", "accessibility"),
        ("foundations", "platforms"),
    ),
    Dimension(
        "engagement",
        "Community and engagement",
        "Replies and moderation are where reputations are made or lost.",
        (
            Question("engage_response", "Messages and comments are answered within one business day."),
            Question("engage_moderation", "We have published community guidelines and moderate by them."),
            Question(
                "engage_medical",
                "Staff know how to answer medical questions without giving individual advice.",
            ),
            Question(
                "engage_reviews", "We respond to online reviews in a way that protects patient privacy."
            ),
        ),
        "Set response times, publish community guidelines and give staff reply templates.",
        ("engagement", "community", "moderation", "reviews", "reputation"),
        ("crisis", "professionalism"),
    ),
    Dimension(
        "measurement",
        "Measurement",
        "What is measured against a business goal can be improved and defended in a budget meeting.",
        (
            Question("measure_goals", "Our social media goals are tied to organizational goals."),
            Question("measure_kpis", "We track a few agreed indicators with a baseline and a target."),
            Question("measure_report", "Results are reported to leadership at least each quarter."),
            Question("measure_benchmark", "We compare ourselves with similar organizations."),
        ),
        "Choose three to five KPIs tied to business goals, record baselines and report quarterly.",
        ("measurement", "analytics", "metrics", "KPI", "strategy"),
        ("measurement",),
    ),
    Dimension(
        "crisis",
        "Crisis and incident plan",
        "A breach, an outbreak or a viral complaint needs a plan that exists before the day it is needed.",
        (
            Question("crisis_plan", "We have a written plan for a social media crisis or privacy incident."),
            Question("crisis_contacts", "The plan lists who decides and how to reach them after hours."),
            Question("crisis_holding", "We keep pre-approved holding statements."),
            Question("crisis_drill", "We have rehearsed the plan in the last year."),
        ),
        "Write a crisis plan with after-hours contacts and holding statements, and rehearse it.",
        ("crisis", "incident", "emergency", "communication", "risk"),
        ("crisis",),
    ),
)

DIMENSIONS_BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}
QUESTION_KEYS = [question.key for dimension in DIMENSIONS for question in dimension.questions]
MAX_ANSWER = SCALE[-1][0]


def score(answers: dict[str, int]) -> tuple[dict[str, int], int]:
    """Scores per dimension (0–100) and the overall score, for a complete set of answers."""
    scores = {}
    for dimension in DIMENSIONS:
        values = [answers[question.key] for question in dimension.questions]
        scores[dimension.key] = round(100 * sum(values) / (MAX_ANSWER * len(values)))
    overall = round(sum(scores.values()) / len(scores))
    return scores, overall


def level(value: int) -> str:
    """ "strength", "developing" or "gap" for a dimension score."""
    if value >= STRENGTH_FROM:
        return "strength"
    if value < GAP_BELOW:
        return "gap"
    return "developing"
