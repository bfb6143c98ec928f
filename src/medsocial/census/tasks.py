"""Census background work: recompute after imports and approvals."""

from django_tasks import task


@task()
def recompute_census_task() -> int:
    from .services.recompute import recompute_census

    return recompute_census().duration_ms
