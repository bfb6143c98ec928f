"""Imports: CMS hospitals (both schemas), HIFLD websites and beds, account observations.

Every import reads its file with the one CSV reader (`core.csv_import`: encoding detected,
an unclosed quote or missing columns refuse the whole file), reports each bad row with its
line number and reason, and upserts the rest in batches by comparing with what is stored, so
a rerun changes nothing. With `strict=True` one bad row means nothing is written."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from medsocial.core import page_cache
from medsocial.core.csv_import import CsvFile
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years

from ..errors import CensusError
from ..models import Hospital, Network, Observation, SocialAccount
from ..networks import canonical_account
from .accounts import refresh_account_stats

Progress = Callable[[int], None] | None


@dataclass
class ImportReport:
    """What an import did: counts and the rows it refused."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    committed: bool = True

    def error(self, line: int, reason: str) -> None:
        self.errors.append((line, reason))

    def summary(self) -> str:
        parts = [f"{self.created} created", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        parts += [f"{value} {name}" for name, value in self.counts.items()]
        parts.append(f"{len(self.errors)} rejected")
        if not self.committed:
            parts.append("nothing written (strict)")
        return ", ".join(parts)


def count_rows(path) -> int:
    """Lines in a file less its header, for a progress bar's total."""
    with open(path, "rb") as handle:
        return max(sum(1 for _ in handle) - 1, 0)


# --- Hospitals ----------------------------------------------------------------------------

# Column names of the two CMS schemas, for each Hospital field.
CMS_COLUMNS = {
    "current": {
        "facility_id": "Facility ID",
        "name": "Facility Name",
        "address": "Address",
        "city": "City/Town",
        "state": "State",
        "zip_code": "ZIP Code",
        "county": "County/Parish",
        "phone": "Telephone Number",
        "hospital_type": "Hospital Type",
        "ownership": "Hospital Ownership",
        "emergency_services": "Emergency Services",
        "overall_rating": "Hospital overall rating",
    },
    "2016": {
        "facility_id": "Provider ID",
        "name": "Hospital Name",
        "address": "Address",
        "city": "City",
        "state": "State",
        "zip_code": "ZIP Code",
        "county": "County Name",
        "phone": "Phone Number",
        "hospital_type": "Hospital Type",
        "ownership": "Hospital Ownership",
        "emergency_services": "Emergency Services",
        "overall_rating": "Hospital overall rating",
    },
}
HOSPITAL_FIELDS = list(CMS_COLUMNS["current"])
US_STATES = set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP".split()
)
NAME_STOP_WORDS = {"THE", "INC", "LLC", "OF", "AT"}
NAME_SYNONYMS = {
    "SAINT": "ST",
    "MOUNT": "MT",
    "HOSP": "HOSPITAL",
    "CTR": "CENTER",
    "MED": "MEDICAL",
    "AND": "AND",
}


def name_key(name: str) -> str:
    """A hospital name reduced for matching across data sets: upper case, letters and digits,
    "&" as AND, Saint as ST, without THE/INC/LLC."""
    words = re.sub(r"[^A-Z0-9 ]", " ", name.upper().replace("&", " AND ")).split()
    return "".join(NAME_SYNONYMS.get(w, w) for w in words if w not in NAME_STOP_WORDS)


CMS_REQUIRED = ("facility_id", "name", "state", "zip_code")


def detect_cms_schema(fieldnames) -> str:
    """Which CMS layout the header is ("current" or "2016"); CensusError naming the columns
    missing from the layout it comes closest to."""
    names = set(fieldnames or [])
    missing = {
        schema: [columns[f] for f in CMS_REQUIRED if columns[f] not in names]
        for schema, columns in CMS_COLUMNS.items()
    }
    schema = min(missing, key=lambda s: len(missing[s]))
    if missing[schema]:
        other = "2016" if schema == "current" else "current"
        raise CensusError(
            f"The file is missing columns {', '.join(missing[schema])} of the CMS Hospital General "
            f"Information file (or, in its {other} layout, {', '.join(missing[other])})."
        )
    return schema


# Longest value each hospital field takes, from the model.
HOSPITAL_MAX_LENGTHS: dict[str, int] = {
    f.name: f.max_length for f in Hospital._meta.concrete_fields if f.max_length is not None
}


def format_phone(raw: str) -> str:
    digits = re.sub(r"\D", "", raw or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if not digits:
        return ""
    if len(digits) != 10:
        raise CensusError(f"phone number {raw!r} does not have 10 digits")
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def clean_hospital_row(row: dict, columns: dict) -> dict:
    """The Hospital fields of one CMS row, or CensusError naming the bad value."""
    value = {name: (row.get(column) or "").strip() for name, column in columns.items()}
    for name in ("name", "address", "city", "county", "hospital_type", "ownership"):
        limit = HOSPITAL_MAX_LENGTHS[name]
        if len(" ".join(value[name].split())) > limit:
            raise CensusError(f"{columns[name]} is longer than {limit} characters")
    facility_id = value["facility_id"].upper()
    if facility_id.isdigit() and len(facility_id) < 6:
        facility_id = facility_id.zfill(6)  # spreadsheets drop the leading zeros
    if not re.fullmatch(r"[0-9A-Z]{6,10}", facility_id):
        raise CensusError(f"facility ID {value['facility_id']!r} is not a CMS certification number")
    if not value["name"]:
        raise CensusError("the hospital name is empty")
    state = value["state"].upper()
    if state not in US_STATES:
        raise CensusError(f"state {value['state']!r} is not a US state code")
    zip_code = re.sub(r"\D", "", value["zip_code"])
    if not 3 <= len(zip_code) <= 5 and len(zip_code) != 9:
        raise CensusError(f"ZIP code {value['zip_code']!r} is not a US ZIP code")
    rating = value["overall_rating"]
    if rating and rating.isdigit():
        overall_rating = int(rating)
        if not 1 <= overall_rating <= 5:
            raise CensusError(f"overall rating {rating!r} is not between 1 and 5")
    elif rating and rating.lower() not in ("not available", "n/a"):
        raise CensusError(f"overall rating {rating!r} is not a number")
    else:
        overall_rating = None
    emergency = {"yes": True, "no": False, "true": True, "false": False}.get(
        value["emergency_services"].lower()
    )
    name = " ".join(value["name"].split())
    return {
        "facility_id": facility_id,
        "name": name,
        "name_key": name_key(name),
        "address": " ".join(value["address"].split()),
        "city": " ".join(value["city"].split()),
        "state": state,
        "zip_code": zip_code[:5].zfill(5),  # spreadsheets drop the leading zeros
        "county": value["county"],
        "phone": format_phone(value["phone"]),
        "hospital_type": value["hospital_type"],
        "ownership": value["ownership"],
        "emergency_services": emergency,
        "overall_rating": overall_rating,
    }


COMPARED_HOSPITAL_FIELDS = [f for f in HOSPITAL_FIELDS if f != "facility_id"] + ["name_key"]


def import_hospitals(
    source, *, strict: bool = False, progress: Progress = None, limit: int | None = None
) -> ImportReport:
    """Upsert hospitals from a CMS Hospital General Information CSV (either schema)."""
    report = ImportReport()
    csv_file = CsvFile(source)
    columns = CMS_COLUMNS[detect_cms_schema(csv_file.header)]
    cleaned: dict[str, dict] = {}
    first_line: dict[str, int] = {}
    for row in csv_file.rows():
        if limit is not None and len(cleaned) >= limit:
            break
        if progress:
            progress(1)
        try:
            if row.problem:
                raise CensusError(row.problem)
            fields = clean_hospital_row(row.values, columns)
            if fields["facility_id"] in cleaned:
                raise CensusError(
                    f"facility ID {fields['facility_id']} already appears on line {first_line[fields['facility_id']]}"
                )
        except CensusError as exc:
            report.error(row.line, exc.message)
        else:
            cleaned[fields["facility_id"]] = fields
            first_line[fields["facility_id"]] = row.line
    if strict and report.errors:
        report.committed = False
        return report
    with transaction.atomic():
        _upsert_hospitals(cleaned, report)
    return report


def _upsert_hospitals(cleaned: dict[str, dict], report: ImportReport) -> None:
    page_cache.bump("census")  # bulk writes send no signals
    existing = {h.facility_id: h for h in Hospital.objects.filter(facility_id__in=list(cleaned))}
    to_create, to_update = [], []
    now = timezone.now()
    for facility_id, fields in cleaned.items():
        hospital = existing.get(facility_id)
        if hospital is None:
            to_create.append(Hospital(**fields))
            continue
        changed = False
        for name in COMPARED_HOSPITAL_FIELDS:
            if getattr(hospital, name) != fields[name]:
                setattr(hospital, name, fields[name])
                changed = True
        if changed:
            hospital.updated_at = now
            to_update.append(hospital)
        else:
            report.unchanged += 1
    Hospital.objects.bulk_create(to_create, batch_size=1000)
    _upsert_existing(to_update, COMPARED_HOSPITAL_FIELDS + ["updated_at"])
    report.created, report.updated = len(to_create), len(to_update)


def _upsert_existing(hospitals: list[Hospital], fields: list[str]) -> None:
    """Write changed hospitals with one INSERT … ON CONFLICT UPDATE per batch, which both
    databases run far faster than bulk_update's CASE expressions."""
    page_cache.bump("census")  # bulk writes send no signals
    Hospital.objects.bulk_create(
        hospitals, batch_size=500, update_conflicts=True, unique_fields=["facility_id"], update_fields=fields
    )


# --- HIFLD websites and beds ----------------------------------------------------------------

HIFLD_MISSING = {"", "NOT AVAILABLE", "-999"}
HIFLD_COLUMNS = ("NAME", "ZIP", "WEBSITE", "BEDS", "STATUS")


def clean_website(raw: str) -> str:
    raw = (raw or "").strip()
    if raw.upper() in HIFLD_MISSING:
        return ""
    if "://" not in raw:
        raw = "http://" + raw
    if not re.match(r"^https?://[^\s/]+\.[^\s/]+", raw, re.I):
        raise CensusError(f"website {raw!r} is not a web address")
    return raw[:300]


def import_hospital_websites(source, *, strict: bool = False, progress: Progress = None) -> ImportReport:
    """Match HIFLD rows to hospitals by normalized name and ZIP; fill in website, beds and
    whether the hospital is open. Counts matched, ambiguous and unmatched rows."""
    report = ImportReport(counts={"matched": 0, "ambiguous": 0, "unmatched": 0})
    index: dict[tuple[str, str], list[int]] = {}
    for pk, key, zip_code in Hospital.objects.values_list("pk", "name_key", "zip_code"):
        index.setdefault((key, zip_code), []).append(pk)
    updates: dict[int, dict] = {}
    csv_file = CsvFile(source)
    csv_file.require(HIFLD_COLUMNS, what="the HIFLD hospitals file")
    for row in csv_file.rows():
        line = row.line
        if progress:
            progress(1)
        fields: dict[str, str] = {}
        try:
            if row.problem:
                raise CensusError(row.problem)
            fields = row.values
            name = (fields.get("NAME") or "").strip()
            zip_code = re.sub(r"\D", "", fields.get("ZIP") or "")[:5].zfill(5)
            if not name or zip_code == "00000":
                raise CensusError("the row has no name or ZIP code")
            website = clean_website(fields.get("WEBSITE", ""))
            beds_raw = (fields.get("BEDS") or "").strip()
            beds = int(float(beds_raw)) if beds_raw and beds_raw.upper() not in HIFLD_MISSING else None
            if beds is not None and beds < 0:
                beds = None
        except (CensusError, ValueError) as exc:
            report.error(
                line, getattr(exc, "message", None) or f"beds {fields.get('BEDS')!r} is not a number"
            )
            continue
        candidates = index.get((name_key(name), zip_code), [])
        if not candidates:
            report.counts["unmatched"] += 1
            continue
        if len(candidates) > 1 or candidates[0] in updates:
            report.counts["ambiguous"] += 1
            continue
        report.counts["matched"] += 1
        values: dict[str, object] = {
            "beds": beds,
            "is_open": (fields.get("STATUS") or "OPEN").strip().upper() != "CLOSED",
        }
        if website:
            values["website"] = website
        updates[candidates[0]] = values
    if strict and report.errors:
        report.committed = False
        return report
    with transaction.atomic():
        hospitals = list(Hospital.objects.filter(pk__in=list(updates)))
        changed = []
        for hospital in hospitals:
            values = updates[hospital.pk]
            if any(getattr(hospital, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(hospital, k, v)
                changed.append(hospital)
        _upsert_existing(changed, ["website", "beds", "is_open"])
        report.updated = len(changed)
        report.unchanged = len(hospitals) - len(changed)
    return report


# --- Observations: pluggable importers ------------------------------------------------------


@dataclass(frozen=True)
class ObservationRecord:
    """One observation as an importer read it, before it is matched to an account."""

    line: int
    network: str
    address: str
    observed_on: datetime.date
    followers: int | None = None
    following: int | None = None
    posts: int | None = None


OBSERVATION_IMPORTERS: dict[str, type] = {}


def register_importer(cls):
    """Add an importer class to the registry under its `source` name. An importer turns some
    input (a CSV export, a network's API) into ObservationRecords and (line, reason) errors."""
    OBSERVATION_IMPORTERS[cls.source] = cls
    return cls


@register_importer
class CsvObservationImporter:
    """CSV exports: columns network, account (URL or handle), date (YYYY-MM-DD), followers,
    following, posts (the last three optional, at least one present)."""

    source = "csv"
    required = ("network", "account", "date")
    counts = ("followers", "following", "posts")

    def __init__(self, source):
        self.source_file = source

    def records(self, report: ImportReport, progress: Progress = None):
        csv_file = CsvFile(self.source_file)
        csv_file.header = [name.lower() for name in csv_file.header]
        csv_file.require(self.required, what="observations")
        if not set(self.counts) & set(csv_file.header):
            raise CensusError(
                f"The file is missing columns: it needs at least one of {', '.join(self.counts)}."
            )
        for row in csv_file.rows():
            if progress:
                progress(1)
            if row.problem:
                report.error(row.line, row.problem)
                continue
            values = {k: (v or "").strip() for k, v in row.values.items()}
            try:
                yield self.record(row.line, values)
            except CensusError as exc:
                report.error(row.line, exc.message)

    def record(self, line: int, row: dict) -> ObservationRecord:
        try:
            observed_on = datetime.date.fromisoformat(row["date"])
        except ValueError:
            raise CensusError(f"date {row['date']!r} is not a date (YYYY-MM-DD)") from None
        if outside_supported_years(observed_on):
            raise CensusError(f"date {row['date']!r}: {DATE_RANGE_MESSAGE}")
        numbers: dict[str, int | None] = {}
        for name in ("followers", "following", "posts"):
            raw = row.get(name, "").replace(",", "")
            if raw == "":
                numbers[name] = None
                continue
            try:
                numbers[name] = int(raw)
            except ValueError:
                raise CensusError(f"{name} {row[name]!r} is not a whole number") from None
        return ObservationRecord(
            line=line,
            network=row["network"].lower(),
            address=row["account"],
            observed_on=observed_on,
            **numbers,
        )


def import_observations(
    source,
    *,
    importer: str = "csv",
    strict: bool = False,
    progress: Progress = None,
    obs_source: str = Observation.Source.IMPORTED,
) -> ImportReport:
    """Record observations read by the named importer on accounts already in the census."""
    if importer not in OBSERVATION_IMPORTERS:
        raise CensusError(f"There is no observation importer called {importer!r}.")
    report = ImportReport()
    networks = {n.slug: n for n in Network.objects.all()}
    accounts: dict[tuple[int, str], int] = {}
    for pk, network_id, handle in SocialAccount.objects.values_list("pk", "network_id", "handle"):
        accounts[(network_id, handle)] = pk
    today = timezone.localdate()
    wanted: dict[tuple[int, datetime.date], tuple] = {}
    for record in OBSERVATION_IMPORTERS[importer](source).records(report, progress):
        try:
            network = networks.get(record.network)
            if network is None:
                raise CensusError(f"network {record.network!r} is not one the census knows")
            canonical = canonical_account(network, record.address)
            account_id = accounts.get((network.pk, canonical.handle))
            if account_id is None:
                raise CensusError(f"{network.name} account {canonical.handle} is not in the census")
            if record.observed_on > today:
                raise CensusError(f"date {record.observed_on} is in the future")
            for name in ("followers", "following", "posts"):
                if (getattr(record, name) or 0) < 0:
                    raise CensusError(f"{name} cannot be negative")
            if record.followers is None and record.following is None and record.posts is None:
                raise CensusError("the row has no followers, following or posts")
            if (account_id, record.observed_on) in wanted:
                raise CensusError(f"a second observation of {canonical.handle} on {record.observed_on}")
        except CensusError as exc:
            report.error(record.line, exc.message)
            continue
        wanted[(account_id, record.observed_on)] = (
            network.pk,
            record.followers,
            record.following,
            record.posts,
        )
    if strict and report.errors:
        report.committed = False
        return report
    with transaction.atomic():
        _upsert_observations(wanted, report, obs_source)
        refresh_account_stats({account_id for account_id, _ in wanted})
    return report


def _upsert_observations(wanted: dict, report: ImportReport, obs_source: str, batch: int = 5000) -> None:
    page_cache.bump("census")  # bulk writes send no signals
    keys = list(wanted)
    for start in range(0, len(keys), batch):
        chunk = keys[start : start + batch]
        account_ids = {a for a, _ in chunk}
        dates = {d for _, d in chunk}
        existing = {
            (o.account_id, o.observed_on): o
            for o in Observation.objects.filter(account_id__in=account_ids, observed_on__in=dates).only(
                "pk", "account_id", "observed_on", "followers", "following", "posts"
            )
        }
        to_create, to_update = [], []
        for key in chunk:
            network_id, followers, following, posts = wanted[key]
            observation = existing.get(key)
            if observation is None:
                to_create.append(
                    Observation(
                        account_id=key[0],
                        network_id=network_id,
                        observed_on=key[1],
                        month=key[1].replace(day=1),
                        followers=followers,
                        following=following,
                        posts=posts,
                        source=obs_source,
                    )
                )
            elif (observation.followers, observation.following, observation.posts) != (
                followers,
                following,
                posts,
            ):
                observation.followers, observation.following, observation.posts = followers, following, posts
                observation.source = obs_source
                to_update.append(observation)
            else:
                report.unchanged += 1
        Observation.objects.bulk_create(to_create, batch_size=2000)
        Observation.objects.bulk_update(
            to_update, ["followers", "following", "posts", "source"], batch_size=1000
        )
        report.created += len(to_create)
        report.updated += len(to_update)
