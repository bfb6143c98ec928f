from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save

# The cached page areas (core.page_cache) that show each app's rows. Accounts hold the names of
# authors, speakers, instructors and hospitals' organizations, shown everywhere.
AREAS_SHOWING_APP = {
    "learning": ("learning",),
    "events": ("events",),
    "census": ("census",),
    "publishing": ("publishing",),
    "accounts": ("learning", "events", "census", "publishing"),
}
# Rows written all day long that no anonymous page shows: saving them keeps the caches warm.
NOT_ON_PUBLIC_PAGES = {
    "accounts.membership",
    "accounts.invitation",
    "accounts.personalaccesstoken",
    "learning.lessonprogress",
    "learning.quizattempt",
    "learning.certificate",
    "learning.assignment",
    "learning.cecredit",
    "events.order",
    "events.calendarfeed",
    "events.agendaitem",
    "events.review",
    "events.workshoprequest",
    "census.accountsubmission",
    "publishing.subscription",
    "publishing.delivery",
    "publishing.issue",
    "publishing.commenterban",
}
# Saves of a user that change nothing a page shows (signing in, a new password).
PRIVATE_USER_FIELDS = {"last_login", "password"}


def _areas_for(sender, update_fields=None) -> tuple[str, ...]:
    meta = sender._meta
    if meta.label_lower in NOT_ON_PUBLIC_PAGES:
        return ()
    if meta.label_lower == "accounts.user" and update_fields and set(update_fields) <= PRIVATE_USER_FIELDS:
        return ()
    return AREAS_SHOWING_APP.get(meta.app_label, ())


def _row_changed(sender, update_fields=None, **kwargs):
    from medsocial.core import page_cache

    areas = _areas_for(sender, update_fields)
    if areas:
        page_cache.bump(*areas)


class CoreConfig(AppConfig):
    name = "medsocial.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        # Every save or delete through the ORM makes the cached pages showing it stale; the
        # services that write in bulk (no signals) call page_cache.bump() themselves.
        post_save.connect(_row_changed, dispatch_uid="page-cache-save")
        post_delete.connect(_row_changed, dispatch_uid="page-cache-delete")
        m2m_changed.connect(_row_changed, dispatch_uid="page-cache-m2m")
        # Every statement on every connection: writes make the signed-in pages that read the
        # written tables stale (core.personal_cache), whatever code path ran them.
        from django.db import connections

        from medsocial.core import personal_cache

        connection_created.connect(personal_cache.install, dispatch_uid="personal-cache-install")
        for connection in connections.all(initialized_only=True):
            personal_cache.install(connection)
