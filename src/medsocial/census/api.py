"""`/api/v1/census/`: hospitals (filter, search, paginate), a hospital with its accounts,
accounts, observations, the census figures and networks. Public read."""

import datetime

from django.http import Http404, HttpResponse
from ninja import Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from medsocial.api.pagination import PageNumberPagination
from medsocial.core.page_cache import cache_page_for_visitors

from . import selectors
from .models import CensusFigure, Observation, SocialAccount

router = Router(tags=["census"])
DEMO_HEADER = "X-Data-Notice"


def _mark_demo_data(response: HttpResponse) -> None:
    """While generated (demo) rows exist, every census answer says so in a header; the
    `/census/notice` endpoint says it in the body."""
    notice = selectors.demo_notice()
    if notice:
        response[DEMO_HEADER] = notice


class NoticeOut(Schema):
    demo_data: bool
    notice: str
    followers_note: str


class NetworkOut(Schema):
    slug: str
    name: str


class HospitalOut(Schema):
    facility_id: str
    name: str
    address: str
    city: str
    state: str
    zip_code: str
    county: str
    phone: str
    hospital_type: str
    ownership: str
    emergency_services: bool | None
    overall_rating: int | None
    beds: int | None
    website: str
    is_open: bool
    accounts_open: int
    total_followers: int
    follower_growth_12m: int

    @staticmethod
    def resolve_accounts_open(obj):
        return obj.account_count

    @staticmethod
    def resolve_follower_growth_12m(obj):
        return obj.follower_growth


class AccountOut(Schema):
    id: int
    hospital: str
    network: str
    handle: str
    url: str
    first_seen: datetime.date
    closed_on: datetime.date | None
    verified: bool
    latest_followers: int | None
    latest_observed_on: datetime.date | None
    last_active_on: datetime.date | None
    generated: bool

    @staticmethod
    def resolve_generated(obj):
        return obj.is_generated

    @staticmethod
    def resolve_hospital(obj):
        return obj.hospital.facility_id

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug

    @staticmethod
    def resolve_verified(obj):
        return obj.verified_by_id is not None


class HospitalDetailOut(HospitalOut):
    accounts: list[AccountOut]

    @staticmethod
    def resolve_accounts(obj):
        return list(
            obj.accounts.select_related("network", "hospital").order_by("network__position", "handle")
        )


class ObservationOut(Schema):
    account: int
    network: str
    observed_on: datetime.date
    followers: int | None
    following: int | None
    posts: int | None
    source: str

    @staticmethod
    def resolve_account(obj):
        return obj.account_id

    @staticmethod
    def resolve_network(obj):
        return obj.network.slug


class FigureOut(Schema):
    dimension: str
    key: str
    network: str
    period: datetime.date | None
    hospitals: int
    hospitals_present: int
    accounts_active: int
    accounts_dormant: int
    accounts_closed: int
    accounts_opened: int
    followers: int


@router.get("/networks", response=list[NetworkOut], auth=None)
def list_networks(request, response: HttpResponse):
    _mark_demo_data(response)
    return selectors.networks()


@router.get("/hospitals", response=list[HospitalOut], auth=None)
@decorate_view(cache_page_for_visitors("census"))
@paginate(PageNumberPagination)
def list_hospitals(
    request,
    response: HttpResponse,
    q: str = "",
    state: str = "",
    hospital_type: str = "",
    ownership: str = "",
    network: str = "",
    presence: str = "",
    sort: str = "name",
):
    """Hospitals with the list page's filters: search by name or city, state, type, ownership,
    network (has an open account there), presence ("any" or "none"), sort (name, state,
    followers, growth)."""
    _mark_demo_data(response)
    return selectors.hospital_list(
        q=q,
        state=state,
        hospital_type=hospital_type,
        ownership=ownership,
        network=network,
        presence=presence,
        sort=sort,
    )


@router.get("/hospitals/{facility_id}", response=HospitalDetailOut, auth=None)
def get_hospital(request, response: HttpResponse, facility_id: str):
    _mark_demo_data(response)
    return selectors.get_hospital(facility_id)


@router.get("/accounts", response=list[AccountOut], auth=None)
@paginate(PageNumberPagination)
def list_accounts(
    request,
    response: HttpResponse,
    network: str = "",
    state: str = "",
    hospital: str = "",
    open_only: bool = False,
):
    """Accounts, optionally of one network, state or hospital (facility id); `generated` marks
    the demo's invented accounts."""
    _mark_demo_data(response)
    qs = SocialAccount.objects.select_related("hospital", "network").order_by("pk")
    if network:
        qs = qs.filter(network__slug=network)
    if state:
        qs = qs.filter(hospital__state=state.upper())
    if hospital:
        qs = qs.filter(hospital__facility_id=hospital)
    if open_only:
        qs = qs.filter(closed_on__isnull=True)
    return qs


@router.get("/accounts/{account_id}/observations", response=list[ObservationOut], auth=None)
@paginate(PageNumberPagination)
def list_observations(request, response: HttpResponse, account_id: int, since: datetime.date | None = None):
    """An account's observations, oldest first; `source` is imported, submitted or generated
    (demo data, never measured)."""
    _mark_demo_data(response)
    if not SocialAccount.objects.filter(pk=account_id).exists():
        raise Http404("No such account.")
    qs = Observation.objects.filter(account_id=account_id).select_related("network").order_by("observed_on")
    if since:
        qs = qs.filter(observed_on__gte=since)
    return qs


@router.get("/figures", response=list[FigureOut], auth=None)
@paginate(PageNumberPagination)
def list_figures(request, response: HttpResponse, dimension: str = "", network: str | None = None):
    """The precomputed census figures (columns documented on /census/data/)."""
    _mark_demo_data(response)
    qs = CensusFigure.objects.order_by("dimension", "key", "network", "period")
    if dimension:
        qs = qs.filter(dimension=dimension)
    if network is not None:
        qs = qs.filter(network=network)
    return qs


@router.get("/notice", response=NoticeOut, auth=None)
def get_notice(request, response: HttpResponse):
    """Whether the census holds generated demo data (then every census answer carries an
    `X-Data-Notice` header), and how follower figures are counted."""
    _mark_demo_data(response)
    notice = selectors.demo_notice()
    return {
        "demo_data": bool(notice),
        "notice": notice,
        "followers_note": selectors.followers_note(selectors.latest_run()),
    }
