"""Demo data for articles, podcasts and newsletter: `load()` is idempotent (a second run changes nothing)."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from medsocial.accounts.demo import demo_email
from medsocial.core.markdown import COMMENT, render_markdown
from medsocial.publishing.audio import silent_mp3
from medsocial.publishing.models import Article, Category, Comment, Episode, Show, Source, Subscription
from medsocial.publishing.services.search_index import index_article, index_episode

CATEGORIES = [
    ("Privacy", "privacy", "Keeping patients unidentifiable in every post."),
    ("Strategy", "strategy", "Planning, measuring and staffing social media in a health system."),
    ("Crisis communication", "crisis-communication", "What to post when things go wrong."),
]

ARTICLES = [
    {
        "slug": "five-checks-before-posting-from-the-unit",
        "title": "Five checks before posting from the unit",
        "summary": "A photo from a busy shift can reveal more than you think. Run these five checks first.",
        "category": "privacy",
        "author": "nurse",
        "reviewer": "pharmacist",
        "days_ago": 30,
        "body": (
            "Clinicians post to celebrate teams, teach and recruit. Most privacy incidents come from "
            "ordinary moments, not bad intent.\n\n## The five checks\n\n"
            "1. **Background:** whiteboards, monitors and wristbands are readable in a phone photo.\n"
            "2. **Time and place:** a date plus a unit plus a rare condition can identify a person.\n"
            "3. **Consent:** written consent from the patient, on your organization's form.\n"
            "4. **Tone:** would you be comfortable if the patient's family read it?\n"
            "5. **Policy:** your organization's social media policy has the final word.\n\n"
            "> When in doubt, leave it out.\n"
        ),
        "sources": [
            (
                "U.S. Department of Health and Human Services. Summary of the HIPAA Privacy Rule.",
                "https://www.hhs.gov/hipaa/for-professionals/privacy/laws-regulations/index.html",
            ),
            (
                "National Council of State Boards of Nursing. A Nurse's Guide to the Use of Social Media.",
                "https://www.ncsbn.org/",
            ),
        ],
    },
    {
        "slug": "measuring-what-matters-on-hospital-social-media",
        "title": "Measuring what matters on hospital social media",
        "summary": "Followers are easy to count and hard to interpret. Start from the goal, then pick the number.",
        "category": "strategy",
        "author": "editor",
        "reviewer": None,
        "days_ago": 12,
        "body": (
            "A health system's accounts serve several goals at once: public health information, "
            "recruitment, community trust. Each needs its own measure.\n\n"
            "- **Reach** for campaigns with a public health message.\n"
            "- **Applications started** for recruitment posts.\n"
            "- **Response time** for messages from patients and families.\n\n"
            "Report a small set every month, and say what you will change because of it."
        ),
        "sources": [("Pew Research Center. Social Media Use in 2024.", "https://www.pewresearch.org/")],
    },
    {
        "slug": "the-first-hour-of-a-crisis",
        "title": "The first hour of a crisis",
        "summary": "A holding statement, one source of truth, and a channel watch: what to do before you know everything.",
        "category": "crisis-communication",
        "author": "coach",
        "reviewer": "nurse",
        "days_ago": 3,
        "body": (
            "In the first hour you will not have all the facts. Publish a short holding statement that "
            "says what you know, what you are doing, and when you will update.\n\n"
            "Point every channel to one page you keep current, and watch replies for questions you can answer."
        ),
        "sources": [
            (
                "Centers for Disease Control and Prevention. Crisis and Emergency Risk Communication (CERC) manual.",
                "https://emergency.cdc.gov/cerc/",
            )
        ],
    },
]

EPISODES = [
    (
        1,
        "Consent, photos and the patient's story",
        "How one children's hospital asks families before a story goes online.",
        "Welcome to the show. Today we talk about consent forms, photos on the ward, and how families decide.",
    ),
    (
        2,
        "Answering comments without giving advice",
        "Replying kindly when people ask about their own symptoms in public.",
        "People ask about their own symptoms in the comments. We answer with care and point them to a clinician.",
    ),
    (
        3,
        "Building a clinician creator program",
        "Training, policy and support for staff who post.",
        "A creator program starts with training, a clear policy and someone to call when a post goes wrong.",
    ),
]


def _user(local):
    return get_user_model().objects.filter(email=demo_email(local)).first()


def load(*, stdout=None, small: bool = False) -> None:
    now = timezone.now()
    categories = {}
    for name, slug, description in CATEGORIES:
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    for spec in ARTICLES:
        if Article.objects.filter(slug=spec["slug"]).exists():
            continue
        published = now - timedelta(days=spec["days_ago"])
        article = Article.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"],
            body_html=render_markdown(spec["body"]),
            status=Article.Status.PUBLISHED,
            publish_at=published,
            published_at=published,
            last_reviewed_at=date.today() - timedelta(days=max(spec["days_ago"] - 2, 0)),
            reviewer=_user(spec["reviewer"]) if spec["reviewer"] else None,
            disclosure="No outside funding. The authors report no conflicts of interest.",
        )
        author = _user(spec["author"])
        if author:
            article.authors.add(author)
        article.categories.add(categories[spec["category"]])
        for position, (citation, url) in enumerate(spec["sources"]):
            Source.objects.create(article=article, citation=citation, url=url, position=position)
        article.revisions.create(
            title=article.title, summary=article.summary, body=article.body, editor=author
        )
        index_article(article)

    show, _ = Show.objects.get_or_create(
        slug="the-careful-post",
        defaults={
            "title": "The Careful Post",
            "description": "Short conversations about social media in health care: privacy, trust and doing it well.",
            "author": "MedSocial editors",
            "owner_name": "MedSocial editors",
            "owner_email": "podcast@medsocial.example",
        },
    )
    for number, title, summary, transcript in EPISODES:
        if Episode.objects.filter(show=show, number=number).exists():
            continue
        audio = silent_mp3(4 + number)
        episode = Episode(
            show=show,
            title=title,
            slug=f"episode-{number}",
            summary=summary,
            number=number,
            season=1,
            show_notes=f"{summary}\n\n- Read more in our [articles](/articles/).",
            transcript=transcript,
            published_at=now - timedelta(days=30 - number * 7),
            chapters=[{"startTime": 0, "title": "Welcome"}, {"startTime": 2, "title": title}],
            audio_mime="audio/mpeg",
            audio_bytes=len(audio),
            duration_seconds=round(4 + number),
        )
        episode.show_notes_html = render_markdown(episode.show_notes)
        episode.audio.save(f"the-careful-post-{number}.mp3", ContentFile(audio), save=False)
        episode.save()
        index_episode(episode)

    first = Article.objects.filter(slug=ARTICLES[0]["slug"]).first()
    if first and not first.comments.exists():
        learner = _user("learner")
        top = Comment.objects.create(
            article=first,
            user=learner,
            body="The whiteboard check caught me last week. Thank you for this list.",
            status=Comment.Status.APPROVED,
            body_html=render_markdown(
                "The whiteboard check caught me last week. Thank you for this list.", COMMENT
            ),
        )
        Comment.objects.create(
            article=first,
            parent=top,
            user=_user("nurse"),
            status=Comment.Status.APPROVED,
            body="Glad it helped. We put a sticky note on the unit phone as a reminder.",
            body_html=render_markdown(
                "Glad it helped. We put a sticky note on the unit phone as a reminder.", COMMENT
            ),
        )
        Comment.objects.create(
            article=first,
            guest_name="Sam Rivera",
            guest_email="sam.rivera@example.org",
            status=Comment.Status.PENDING,
            body="Does this apply to volunteers too?",
            body_html=render_markdown("Does this apply to volunteers too?", COMMENT),
        )
    for email in ("reader@example.org",):
        from medsocial.publishing.models import MailingList

        general = MailingList.objects.filter(slug="general").first()
        if general:
            Subscription.objects.get_or_create(
                mailing_list=general,
                email=email,
                defaults={"status": Subscription.Status.CONFIRMED, "confirmed_at": now},
            )
    if stdout:
        stdout.write("Publishing: articles, a podcast with three episodes, comments.\n")
