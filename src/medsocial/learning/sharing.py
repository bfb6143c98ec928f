"""How a course presents itself to social networks and search engines (schema.org Course)."""

from decimal import Decimal

from django.http import Http404

from medsocial.core import sharing
from medsocial.learning import selectors
from medsocial.learning.models import Course


def _hours(value: Decimal) -> str:
    """ISO 8601 duration for a number of hours, e.g. 1.5 -> PT1H30M."""
    minutes = int(round(Decimal(value) * 60))
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def course_meta(course: Course, instructors: list) -> sharing.PageMeta:
    """Sharing metadata of a course page; `instructors` are the ones the view already loaded."""
    url = sharing.absolute_url(course.get_absolute_url())
    image = sharing.image_or_card(course.cover_image, kind="course", key=course.slug, title=course.title)
    data = {
        "@context": sharing.SCHEMA,
        "@type": "Course",
        "name": course.title,
        "description": sharing.plain_summary(course.summary or course.description, 500),
        "url": url,
        "image": sharing.absolute_url(image),
        "provider": sharing.site_organization(),
        "educationalLevel": course.get_level_display(),
        "about": course.get_topic_display(),
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "hasCourseInstance": {
            "@type": "CourseInstance",
            "courseMode": "online",
            "courseWorkload": _hours(course.estimated_hours),
        },
    }
    if instructors:
        data["hasCourseInstance"]["instructor"] = [
            {"@type": "Person", "name": p.display_name} for p in instructors
        ]
    if course.ce_hours:
        hours = course.ce_hours.normalize()
        data["educationalCredentialAwarded"] = {
            "@type": "EducationalOccupationalCredential",
            "name": f"Certificate of completion, {hours:f} CE credit hour{'s' if hours != 1 else ''}",
            "credentialCategory": "Continuing education certificate",
        }
    if course.audience_labels:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(course.audience_labels)}
    return sharing.PageMeta(
        title=course.title,
        description=sharing.plain_summary(course.summary or course.description),
        path=course.get_absolute_url(),
        image=image,
        image_alt=f"Cover of the course {course.title}",
        structured_data=[data],
    )


def card_text(key: str) -> tuple[str, str]:
    """The generated card's text for a published course (404 for drafts)."""
    course = selectors.published_courses().filter(slug=key).only("title").first()
    if course is None:
        raise Http404("No such course")
    return "Course", course.title
