"""The researcher's exports: the list (one row per hospital) and the census figures, as CSV
or JSON, with stable column names documented in EXPORTS.md and on the data page."""

from .models import CensusFigure
from .selectors import accounts_by_network

HOSPITAL_COLUMNS = [
    ("facility_id", "CMS certification number (6 characters)"),
    ("name", "Hospital name as CMS publishes it"),
    ("address", "Street address"),
    ("city", "City or town"),
    ("state", "Two-letter state or territory code"),
    ("zip_code", "Five-digit ZIP code"),
    ("county", "County or parish"),
    ("hospital_type", "CMS hospital type"),
    ("ownership", "CMS hospital ownership"),
    ("emergency_services", "true, false or empty when unknown"),
    ("overall_rating", "CMS overall star rating 1–5, empty when not available"),
    ("beds", "Beds from the HIFLD file, empty when unknown"),
    ("website", "Hospital website from the HIFLD file"),
    ("is_open", "false when HIFLD lists the hospital as closed"),
    ("accounts_open", "Open social accounts in the census"),
    ("total_followers", "Sum of the latest follower counts of its open accounts"),
    ("follower_growth_12m", "Followers gained over the last 12 months"),
]
NETWORK_COLUMN = (
    "<network>_urls",
    "One column per network (x_urls, facebook_urls …): canonical URLs of its open accounts there, separated by spaces",
)
NOTE_COLUMN = (
    "data_note",
    "Empty for measured data; while the census holds generated demo data, the notice saying so (last column)",
)

FIGURE_COLUMNS = [
    ("dimension", "overall, network, state, hospital_type, ownership, month or year"),
    ("key", "The value of the dimension (a state code, a type, a year); empty for overall and month"),
    ("network", "Network slug, or empty for all networks together"),
    ("period", "First day of the month or year for month and year rows; empty otherwise"),
    ("hospitals", "Hospitals in the group (the M of “N of M”)"),
    ("hospitals_present", "Hospitals with at least one open account (on the network, when one is given)"),
    (
        "accounts_active",
        "Open accounts with activity in the last 12 months; for month/year rows, accounts open at the period's end",
    ),
    (
        "accounts_dormant",
        "Open accounts with no observed activity in the last 12 months (current figures only)",
    ),
    ("accounts_closed", "Accounts closed (current figures only)"),
    ("accounts_opened", "Accounts first seen in the month or year"),
    (
        "followers",
        "Followers: latest counts for current figures; for month rows, each account's latest count up to the month's end "
        "(the computation day for the current month), carried forward at most 90 days (year rows: December, or the latest month)",
    ),
    NOTE_COLUMN,
]


def hospital_rows(queryset, network_list, *, notice: str = "", chunk: int = 1000):
    """Dicts with the hospital columns, one URL column per network and the data note, a chunk
    at a time."""
    start = 0
    while True:
        hospitals = list(queryset[start : start + chunk])
        if not hospitals:
            return
        table = accounts_by_network(hospitals)
        for h in hospitals:
            row = {
                "facility_id": h.facility_id,
                "name": h.name,
                "address": h.address,
                "city": h.city,
                "state": h.state,
                "zip_code": h.zip_code,
                "county": h.county,
                "hospital_type": h.hospital_type,
                "ownership": h.ownership,
                "emergency_services": h.emergency_services,
                "overall_rating": h.overall_rating,
                "beds": h.beds,
                "website": h.website,
                "is_open": h.is_open,
                "accounts_open": h.account_count,
                "total_followers": h.total_followers,
                "follower_growth_12m": h.follower_growth,
            }
            mine = table.get(h.pk, {})
            for network in network_list:
                row[f"{network.slug}_urls"] = " ".join(a.url for a in mine.get(network.slug, []))
            row["data_note"] = notice
            yield row
        start += chunk


def hospital_fieldnames(network_list) -> list[str]:
    return [name for name, _ in HOSPITAL_COLUMNS] + [f"{n.slug}_urls" for n in network_list] + ["data_note"]


def figure_rows(*, notice: str = ""):
    """Dicts with the figure columns, every figure in a stable order."""
    for figure in CensusFigure.objects.order_by("dimension", "key", "network", "period").iterator(
        chunk_size=2000
    ):
        yield {
            "dimension": figure.dimension,
            "key": figure.key,
            "network": figure.network,
            "period": figure.period.isoformat() if figure.period else "",
            "hospitals": figure.hospitals,
            "hospitals_present": figure.hospitals_present,
            "accounts_active": figure.accounts_active,
            "accounts_dormant": figure.accounts_dormant,
            "accounts_closed": figure.accounts_closed,
            "accounts_opened": figure.accounts_opened,
            "followers": figure.followers,
            "data_note": notice,
        }


def figure_fieldnames() -> list[str]:
    return [name for name, _ in FIGURE_COLUMNS]
