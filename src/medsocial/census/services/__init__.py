"""Census writes. Import from here: `from medsocial.census import services`."""

from .accounts import (
    add_account,
    can_edit_accounts,
    check_observation,
    record_observation,
    refresh_account_stats,
    resolve_account,
    update_account,
)
from .imports import (
    OBSERVATION_IMPORTERS,
    ImportReport,
    import_hospital_websites,
    import_hospitals,
    import_observations,
    register_importer,
)
from .recompute import recompute_census
from .submissions import approve, merge, reject, submit

__all__ = [
    "OBSERVATION_IMPORTERS",
    "ImportReport",
    "add_account",
    "approve",
    "can_edit_accounts",
    "check_observation",
    "import_hospital_websites",
    "import_hospitals",
    "import_observations",
    "merge",
    "record_observation",
    "recompute_census",
    "refresh_account_stats",
    "register_importer",
    "reject",
    "resolve_account",
    "submit",
    "update_account",
]
