"""Template tags for finding one's way: breadcrumbs on deep pages."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/_breadcrumbs.html")
def breadcrumbs(*trail):
    """`{% breadcrumbs "Learn" learn_url course.title course_url lesson.title %}`: label and
    address pairs from the top down, ending with the current page's label (not a link)."""
    *pairs, current = trail
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes label/url pairs, then the page's own label")
    crumbs = [{"label": pairs[i], "url": pairs[i + 1]} for i in range(0, len(pairs), 2)]
    return {"crumbs": crumbs, "current": current}


@register.filter
def get_item(mapping, key):
    """`{{ groups|get_item:section.key }}`: a dictionary's value in a template."""
    return mapping.get(key)
