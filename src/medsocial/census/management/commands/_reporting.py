"""What the import commands share: a progress bar and the report printed at the end."""

import contextlib

from django.core.management.base import CommandError
from tqdm import tqdm


@contextlib.contextmanager
def progress_bar(command, total: int, unit: str):
    quiet = command.verbosity == 0 if hasattr(command, "verbosity") else False
    with tqdm(total=total, unit=f" {unit}", file=command.stderr._out, disable=quiet, mininterval=0.2) as bar:
        yield bar


def finish(command, report, *, recompute: bool = False) -> None:
    """Print every refused row and the summary; recompute when rows were written. Exits
    non-zero (CommandError) when errors meant nothing was written: `--strict` refused the file,
    or every row was refused."""
    for line, reason in report.errors:
        command.stderr.write(f"line {line}: {reason}")
    command.stdout.write(report.summary())
    if recompute and report.committed and (report.created or report.updated):
        from medsocial.census.services.recompute import recompute_census

        run = recompute_census()
        command.stdout.write(f"Census recomputed in {run.duration_ms} ms.")
    if not report.errors:
        return
    if not report.committed:
        raise CommandError(
            f"Nothing was written: {len(report.errors)} rows were refused and --strict was given."
        )
    if not (report.created or report.updated or report.unchanged or any(report.counts.values())):
        raise CommandError(f"Nothing was written: all {len(report.errors)} rows were refused.")
