"""`medsocial check-post FILE|-`: check a draft post from a file or standard input.

Exit status: 0 no block-level finding, 1 at least one block-level finding (so a publishing
pipeline can stop), 2 the input could not be checked (missing file, binary data, too long)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from medsocial.accounts.models import Organization
from medsocial.safety import engine, services
from medsocial.safety.default_rules import DEFAULT_RULES


class Command(BaseCommand):
    help = "Check a draft social media post for patient information and policy problems."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of a text file, or - to read standard input")
        parser.add_argument(
            "--organization", help="Slug of the organization whose rules and allow-list apply"
        )
        parser.add_argument("--json", action="store_true", help="Print the findings as JSON")
        parser.add_argument(
            "--mode",
            choices=[engine.FULL, engine.FAST],
            default=engine.FULL,
            help="full: rules and the named-entity model (default); fast: rules only",
        )

    def handle(self, *args, file, organization=None, json=False, mode=engine.FULL, **options):
        data = self._read(file)
        try:
            analysis = self._check(data, organization, mode)
        except (services.SafetyError, engine.EngineError) as exc:
            raise CommandError(exc.message, returncode=2) from None
        if json:
            self.stdout.write(
                _json_dump(
                    {
                        "findings": [f.as_dict() for f in analysis.findings],
                        "redacted_text": analysis.redacted_text,
                        "has_blocking": analysis.has_blocking,
                        "mode": analysis.mode,
                    }
                )
            )
        else:
            self._print(analysis)
        if analysis.has_blocking:
            sys.exit(1)

    def _check(self, data: bytes, slug: str | None, mode: str) -> engine.Analysis:
        try:
            org = None
            if slug:
                org = Organization.objects.filter(slug=slug).first()
                if org is None:
                    raise CommandError(f"No organization with the slug “{slug}”.", returncode=2)
            return services.check_post(text=data, organization=org, mode=mode)
        except DatabaseError:
            if slug:
                raise CommandError(
                    "The database is not reachable, so organization rules cannot be loaded.", returncode=2
                ) from None
            # Usable in a publishing pipeline without a database: the shipped default rules apply.
            self.stderr.write("Database not reachable: checking with the built-in default rules.")
            return engine.analyze(data, rules=DEFAULT_RULES, mode=mode)

    def _read(self, file) -> bytes:
        try:
            if file == "-":
                return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
            with open(file, "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.", returncode=2) from None

    def _print(self, analysis):
        text = analysis.text
        if not analysis.findings:
            self.stdout.write("No findings.")
            return
        for f in analysis.findings:
            line = text.count("\n", 0, f.start) + 1
            column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            label = f"policy: {f.rule}" if f.category == "policy" else f.category
            self.stdout.write(f"{line}:{column}: {f.severity.upper()} {label} “{f.text}” — {f.explanation}")
        blocking = sum(1 for f in analysis.findings if f.severity == "block")
        self.stdout.write(f"{len(analysis.findings)} findings, {blocking} blocking.")
        self.stdout.write("Redacted version:\n" + analysis.redacted_text)


def _json_dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
