from django.contrib import admin, messages
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from medsocial.core import task_queue
from medsocial.core.models import EmailDelivery

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskAdmin(DBTaskResultAdmin):
    """The queue for site staff: failed tasks with their error, and retry or discard."""

    list_display = (*DBTaskResultAdmin.list_display, "attempts", "last_error")
    actions = ["retry", "discard"]

    @admin.display(description="attempts")
    def attempts(self, obj):
        return len(obj.worker_ids)

    @admin.display(description="last error")
    def last_error(self, obj):
        return (obj.traceback.strip().splitlines() or [""])[-1][:200] if obj.traceback else ""

    def _each(self, request, queryset, operation, done: str):
        count = 0
        for task in queryset:
            try:
                operation(str(task.pk))
                count += 1
            except task_queue.TaskQueueError as exc:
                self.message_user(request, str(exc), messages.ERROR)
        if count:
            self.message_user(request, f"{count} task(s) {done}.", messages.SUCCESS)

    @admin.action(description="Retry the selected failed or stuck tasks")
    def retry(self, request, queryset):
        self._each(request, queryset, task_queue.retry_task, "queued again")

    @admin.action(description="Discard the selected tasks")
    def discard(self, request, queryset):
        self._each(request, queryset, task_queue.discard_task, "discarded")


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(admin.ModelAdmin):
    list_display = ("key", "recipients", "subject", "status", "attempt", "claimed_at", "sent_at", "error")
    list_filter = ("status",)
    search_fields = ("recipients", "subject")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
