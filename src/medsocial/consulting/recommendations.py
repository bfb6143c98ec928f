"""Courses and events that close an organization's readiness gaps.

The catalog and the event calendar belong to other apps; their selectors are looked up through
`course_source()` and `event_source()` so tests can swap in stand-ins.
"""

from django.db.models import Q

from medsocial.consulting import assessment

PER_DIMENSION = 2
TEXT_FIELDS = ("title", "name", "summary", "subtitle", "description", "topic", "tags", "keywords")


def _matching(queryset, dimension: assessment.Dimension) -> list:
    """Items of `queryset` on the dimension's topics, or whose text mentions its keywords.
    Items on a matching topic come first."""
    fields = {field.name for field in queryset.model._meta.get_fields() if getattr(field, "concrete", False)}
    query = Q()
    for keyword in dimension.keywords:
        for name in (name for name in TEXT_FIELDS if name in fields):
            query |= Q(**{f"{name}__icontains": keyword})
    if "topic" in fields and dimension.topics:
        on_topic = list(queryset.filter(topic__in=dimension.topics)[:PER_DIMENSION])
        if len(on_topic) >= PER_DIMENSION or not query:
            return on_topic
        others = queryset.filter(query).exclude(pk__in=[item.pk for item in on_topic])
        return on_topic + list(others[: PER_DIMENSION - len(on_topic)])
    if not query:
        return []
    return list(queryset.filter(query)[:PER_DIMENSION])


def course_source():
    """learning's `published_courses()`."""
    from medsocial.learning.selectors import published_courses

    return published_courses


def event_source():
    """events' `upcoming_events(viewer=...)`."""
    from medsocial.events.selectors import upcoming_events

    return upcoming_events


def weakest_dimensions(scores: dict[str, int], *, limit: int = 3) -> list[assessment.Dimension]:
    """Dimensions below the strength threshold, weakest first."""
    below = [(value, key) for key, value in scores.items() if value < assessment.STRENGTH_FROM]
    return [
        assessment.DIMENSIONS_BY_KEY[key]
        for _, key in sorted(below)[:limit]
        if key in assessment.DIMENSIONS_BY_KEY
    ]


def recommendations_for(scores: dict[str, int], *, viewer) -> dict:
    """{"courses": [(dimension, course)…], "events": [(dimension, event)…]} for the weakest
    dimensions."""
    dimensions = weakest_dimensions(scores)
    published_courses, upcoming_events = course_source(), event_source()
    result = {"courses": [], "events": []}
    seen_courses, seen_events = set(), set()
    for dimension in dimensions:
        for course in _matching(published_courses(), dimension):
            if course.pk not in seen_courses:
                seen_courses.add(course.pk)
                result["courses"].append((dimension, course))
        for event in _matching(upcoming_events(viewer=viewer), dimension):
            if event.pk not in seen_events:
                seen_events.add(event.pk)
                result["events"].append((dimension, event))
    return result
