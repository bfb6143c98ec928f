"""How a census hospital page presents itself to social networks and search engines
(schema.org Hospital, with its social accounts as `sameAs`)."""

from django.http import Http404

from medsocial.census.models import Hospital
from medsocial.core import sharing


def hospital_meta(hospital: Hospital, accounts: list) -> sharing.PageMeta:
    """Sharing metadata of a hospital's census page; `accounts` are the ones the page shows."""
    place = ", ".join(p for p in (hospital.city, hospital.state) if p)
    description = (
        f"Social media accounts of {hospital.name} ({place}) in the {len(accounts)} network"
        f"{'s' if len(accounts) != 1 else ''} the hospital social media census follows, with follower history."
    )
    image = sharing.card_path("hospital", hospital.facility_id, hospital.name)
    data = {
        "@context": sharing.SCHEMA,
        "@type": "Hospital",
        "name": hospital.name,
        "url": sharing.absolute_url(hospital.get_absolute_url()),
        "image": sharing.absolute_url(image),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": hospital.address,
            "addressLocality": hospital.city,
            "addressRegion": hospital.state,
            "postalCode": hospital.zip_code,
            "addressCountry": "US",
        },
        "sameAs": [a.url for a in accounts if a.url] + ([hospital.website] if hospital.website else []),
    }
    if hospital.phone:
        data["telephone"] = hospital.phone
    return sharing.PageMeta(
        title=f"{hospital.name} on social media",
        description=description,
        path=hospital.get_absolute_url(),
        image=image,
        image_alt=f"{hospital.name}: census card",
        structured_data=[data],
    )


def card_text(key: str) -> tuple[str, str]:
    hospital = Hospital.objects.filter(facility_id=key).only("name", "city", "state").first()
    if hospital is None:
        raise Http404("No such hospital")
    return f"Hospital census · {hospital.city}, {hospital.state}"[:60], hospital.name
