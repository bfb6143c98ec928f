from functools import cached_property

from django.conf import settings

from medsocial.core import navigation


class Menus:
    """The header's menus for one request, read only when a template shows them."""

    def __init__(self, user):
        self._user = user

    @cached_property
    def personal(self) -> list[navigation.Link]:
        return navigation.personal_links(self._user)

    @cached_property
    def staff(self) -> list[navigation.ToolGroup]:
        return navigation.staff_groups(self._user)


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "menus": Menus(getattr(request, "user", None)),
    }
