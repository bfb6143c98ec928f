import pytest

from medsocial.census.errors import CensusError
from medsocial.census.networks import canonical_account

from .factories import network

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "https://www.facebook.com/MayoClinic/",
        "facebook.com/mayoclinic",
        "@mayoclinic",
        "http://m.facebook.com/MayoClinic?ref=bookmarks",
    ],
)
def test_facebook_addresses_of_one_page_give_one_canonical_account(address):
    assert canonical_account(network("facebook"), address).handle == "mayoclinic"
    assert canonical_account(network("facebook"), address).url == "https://www.facebook.com/mayoclinic"


@pytest.mark.parametrize(
    ("slug", "address", "handle", "url"),
    [
        ("x", "https://twitter.com/MayoClinic", "mayoclinic", "https://x.com/mayoclinic"),
        ("x", "x.com/mayoclinic", "mayoclinic", "https://x.com/mayoclinic"),
        (
            "youtube",
            "https://www.youtube.com/@MayoClinic",
            "@mayoclinic",
            "https://www.youtube.com/@mayoclinic",
        ),
        (
            "youtube",
            "https://youtube.com/channel/UCa1B2c3",
            "channel/UCa1B2c3",
            "https://www.youtube.com/channel/UCa1B2c3",
        ),
        (
            "linkedin",
            "https://www.linkedin.com/company/mayo-clinic/",
            "company/mayo-clinic",
            "https://www.linkedin.com/company/mayo-clinic/",
        ),
        ("linkedin", "mayo-clinic", "company/mayo-clinic", "https://www.linkedin.com/company/mayo-clinic/"),
        ("tiktok", "@MayoClinic", "@mayoclinic", "https://www.tiktok.com/@mayoclinic"),
        (
            "threads",
            "https://www.threads.net/@mayoclinic",
            "@mayoclinic",
            "https://www.threads.net/@mayoclinic",
        ),
        (
            "bluesky",
            "mayoclinic.bsky.social",
            "profile/mayoclinic.bsky.social",
            "https://bsky.app/profile/mayoclinic.bsky.social",
        ),
        (
            "bluesky",
            "@mayoclinic",
            "profile/mayoclinic.bsky.social",
            "https://bsky.app/profile/mayoclinic.bsky.social",
        ),
        ("mastodon", "@Mayo@Mastodon.Social", "mayo@mastodon.social", "https://mastodon.social/@mayo"),
        (
            "mastodon",
            "https://mastodon.social/@mayo",
            "mayo@mastodon.social",
            "https://mastodon.social/@mayo",
        ),
        ("instagram", "instagram.com/mayoclinic/", "mayoclinic", "https://www.instagram.com/mayoclinic/"),
        ("blog", "https://www.mayoclinic.org/blog/", "mayoclinic.org/blog", "https://mayoclinic.org/blog"),
    ],
)
def test_each_network_normalizes_to_its_canonical_handle_and_url(slug, address, handle, url):
    canonical = canonical_account(network(slug), address)
    assert (canonical.handle, canonical.url) == (handle, url)


@pytest.mark.parametrize(
    ("slug", "address", "message"),
    [
        ("facebook", "https://twitter.com/mayoclinic", "not a Facebook address"),
        ("instagram", "https://www.facebook.com/mayoclinic", "not a Instagram address"),
        ("facebook", "https://www.facebook.com/groups/12345", "not a profile"),
        ("facebook", "https://www.facebook.com/", "home page"),
        ("youtube", "https://www.youtube.com/watch?v=abc", "not a profile"),
        ("x", "@a_handle_far_too_long_for_x", "not a valid"),
        ("blog", "mayoclinic", "full web address"),
        ("mastodon", "mayoclinic", "@name@server"),
        ("facebook", "", "Give the account"),
    ],
)
def test_addresses_that_are_not_profiles_of_the_network_are_refused(slug, address, message):
    with pytest.raises(CensusError, match=message):
        canonical_account(network(slug), address)
