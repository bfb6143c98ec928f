"""What the import commands share: a progress bar and the report printed at the end."""

import contextlib

from tqdm import tqdm


@contextlib.contextmanager
def progress_bar(command, total: int, unit: str):
    quiet = command.verbosity == 0 if hasattr(command, "verbosity") else False
    with tqdm(total=total, unit=f" {unit}", file=command.stderr._out, disable=quiet, mininterval=0.2) as bar:
        yield bar


def finish(command, report, *, recompute: bool = False) -> None:
    for line, reason in report.errors:
        command.stderr.write(f"line {line}: {reason}")
    command.stdout.write(report.summary())
    if recompute and report.committed and (report.created or report.updated):
        from medsocial.census.services.recompute import recompute_census

        run = recompute_census()
        command.stdout.write(f"Census recomputed in {run.duration_ms} ms.")
