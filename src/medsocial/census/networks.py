"""Turning what people type (a profile URL, "facebook.com/x", "@x") into one canonical
account per network. The rules are columns of `Network`; the few shapes of rule
(handle in the path, user@server, any web address) are normalizers in a registry keyed by
`Network.rule`, so a new network is a new row and a new kind of network one new class."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import CensusError


@dataclass(frozen=True)
class CanonicalAccount:
    handle: str
    url: str


def _split_url(text: str):
    """(host without www., path segments, query) when `text` looks like a URL, else None."""
    candidate = text
    if "://" not in candidate:
        first = candidate.split("/", 1)[0]
        if "." not in first or first.startswith("@") or " " in first:
            return None
        candidate = "https://" + candidate
    parts = urlsplit(candidate)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CensusError("Only http and https web addresses can be used.", field="address")
    host = parts.hostname.lower()
    for prefix in ("www.", "m.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    segments = [s for s in parts.path.split("/") if s]
    return host, segments, parts.query


class PathNormalizer:
    """Networks whose profile URL carries the handle in its path: facebook.com/<handle>,
    linkedin.com/company/<handle>, tiktok.com/@<handle>."""

    def normalize(self, network, text: str) -> CanonicalAccount:
        split = _split_url(text)
        prefixes = network.prefix_list()
        if (
            split is not None
            and network.default_domain
            and "/" not in text
            and split[0] not in network.host_list()
        ):
            split = None  # a domain handle such as name.bsky.social
        if split is None:
            prefix, name = self._bare(network, text, prefixes)
        else:
            host, segments, _query = split
            if host not in network.host_list():
                raise CensusError(
                    f"{text} is not a {network.name} address; pick the network it belongs to.",
                    field="address",
                )
            prefix, name = self._from_path(network, text, segments, prefixes)
        return self._canonical(network, prefix, name, text)

    def _bare(self, network, text, prefixes):
        name = text.strip().lstrip("@")
        if "/" in name:
            first, _, rest = name.partition("/")
            if first.lower() in prefixes and rest:
                return first.lower(), rest.strip("/")
            raise CensusError(
                f"{text} is neither a {network.name} handle nor a web address.", field="address"
            )
        # A bare handle takes the network's main prefix ("company" on LinkedIn), except where
        # the profile path is "/@name" and the prefixes are older URL forms (YouTube).
        return (prefixes[0] if prefixes and not network.at_in_path else ""), name

    def _from_path(self, network, text, segments, prefixes):
        if not segments:
            raise CensusError(f"{text} is the {network.name} home page, not a profile.", field="address")
        first = segments[0]
        if network.at_in_path and first.startswith("@"):
            return "", first[1:]
        if first.lower() in prefixes:
            if len(segments) < 2:
                raise CensusError(f"{text} is not a {network.name} profile.", field="address")
            return first.lower(), segments[1]
        if prefixes and not network.at_in_path:
            raise CensusError(f"{text} is not a {network.name} profile address.", field="address")
        if first.lower() in network.reserved_list() or (network.at_in_path and not prefixes):
            raise CensusError(f"{text} is a {network.name} page, not a profile.", field="address")
        return "", first

    def _canonical(self, network, prefix, name, text) -> CanonicalAccount:
        if prefix not in [p.strip().lower() for p in network.case_kept_prefixes.split(",") if p.strip()]:
            name = name.lower()
        if network.default_domain and "." not in name:
            name += network.default_domain
        if not name or (network.handle_pattern and not re.fullmatch(network.handle_pattern, name)):
            raise CensusError(f"{text} is not a valid {network.name} handle.", field="address")
        if name in network.reserved_list() and not prefix:
            raise CensusError(f"{text} is a {network.name} page, not a profile.", field="address")
        if prefix:
            handle = f"{prefix}/{name}"
        elif network.at_in_path:
            handle = f"@{name}"
        else:
            handle = name
        return CanonicalAccount(handle=handle, url=network.url_template.format(handle=handle))


class FediverseNormalizer:
    """Mastodon and friends: "@user@server" or https://server/@user → "user@server"."""

    pattern = re.compile(r"^@?([A-Za-z0-9_]{1,30})@([a-z0-9.-]+\.[a-z]{2,})$")

    def normalize(self, network, text: str) -> CanonicalAccount:
        stripped = text.strip()
        match = self.pattern.match(stripped.lower())
        if match:
            user, server = match.groups()
        else:
            split = _split_url(stripped)
            if split is None:
                raise CensusError(
                    f"Write a {network.name} account as @name@server, not {text}.", field="address"
                )
            server, segments, _ = split
            if not segments or not segments[0].startswith("@") or len(segments[0]) < 2:
                raise CensusError(f"{text} is not a {network.name} profile address.", field="address")
            user = segments[0][1:].lower()
            if not re.fullmatch(r"[a-z0-9_]{1,30}", user):
                raise CensusError(f"{text} is not a valid {network.name} handle.", field="address")
        return CanonicalAccount(handle=f"{user}@{server}", url=f"https://{server}/@{user}")


class WebsiteNormalizer:
    """Blogs and podcasts: any web address; the handle is host and path without "www."."""

    def normalize(self, network, text: str) -> CanonicalAccount:
        split = _split_url(text.strip())
        if split is None:
            raise CensusError(
                f"Give the full web address of the {network.name}, not {text}.", field="address"
            )
        host, segments, _ = split
        if "." not in host:
            raise CensusError(f"{text} is not a web address.", field="address")
        path = "/".join(segments).lower()
        handle = f"{host}/{path}" if path else host
        return CanonicalAccount(handle=handle, url=f"https://{handle}")


NORMALIZERS = {
    "path": PathNormalizer(),
    "fediverse": FediverseNormalizer(),
    "website": WebsiteNormalizer(),
}


def canonical_account(network, text: str) -> CanonicalAccount:
    """The canonical handle and URL of `text` on `network`, or CensusError saying why not."""
    text = (text or "").strip()
    if not text:
        raise CensusError("Give the account's web address or handle.", field="address")
    if len(text) > 300:
        raise CensusError("That address is too long.", field="address")
    return NORMALIZERS[network.rule].normalize(network, text)


# The networks the census starts with (seeded by a migration; edit them in the admin).
NETWORK_SEED = [
    dict(
        slug="x",
        name="X (Twitter)",
        abbreviation="X",
        color="#000000",
        hosts="twitter.com,x.com",
        handle_pattern=r"[a-z0-9_]{1,15}",
        url_template="https://x.com/{handle}",
        reserved_paths="home,search,explore,i,intent,share,hashtag,settings,login,messages,notifications,tos,privacy",
    ),
    dict(
        slug="facebook",
        name="Facebook",
        abbreviation="f",
        color="#1877f2",
        hosts="facebook.com,fb.com",
        handle_pattern=r"[a-z0-9][a-z0-9.\-]{1,49}",
        url_template="https://www.facebook.com/{handle}",
        reserved_paths="pages,groups,watch,sharer,sharer.php,share,events,photo.php,profile.php,login,home.php,help,marketplace,gaming,policies,privacy,hashtag,search",
    ),
    dict(
        slug="instagram",
        name="Instagram",
        abbreviation="IG",
        color="#c13584",
        hosts="instagram.com",
        handle_pattern=r"[a-z0-9._]{1,30}",
        url_template="https://www.instagram.com/{handle}/",
        reserved_paths="p,reel,reels,explore,stories,accounts,direct,tv,about,legal",
    ),
    dict(
        slug="youtube",
        name="YouTube",
        abbreviation="YT",
        color="#ff0000",
        hosts="youtube.com",
        handle_pattern=r"[A-Za-z0-9._\-]{3,100}",
        url_template="https://www.youtube.com/{handle}",
        path_prefixes="channel,c,user",
        at_in_path=True,
        case_kept_prefixes="channel",
        reserved_paths="watch,results,feed,playlist,shorts,embed,live,premium,about",
    ),
    dict(
        slug="linkedin",
        name="LinkedIn",
        abbreviation="in",
        color="#0a66c2",
        hosts="linkedin.com",
        handle_pattern=r"[a-z0-9\-_.%]{2,100}",
        url_template="https://www.linkedin.com/{handle}/",
        path_prefixes="company,school,showcase,in",
    ),
    dict(
        slug="tiktok",
        name="TikTok",
        abbreviation="TT",
        color="#010101",
        hosts="tiktok.com",
        handle_pattern=r"[a-z0-9._]{2,24}",
        url_template="https://www.tiktok.com/{handle}",
        at_in_path=True,
    ),
    dict(
        slug="threads",
        name="Threads",
        abbreviation="Th",
        color="#333333",
        hosts="threads.net,threads.com",
        handle_pattern=r"[a-z0-9._]{1,30}",
        url_template="https://www.threads.net/{handle}",
        at_in_path=True,
    ),
    dict(
        slug="bluesky",
        name="Bluesky",
        abbreviation="bs",
        color="#1185fe",
        hosts="bsky.app",
        handle_pattern=r"[a-z0-9][a-z0-9\-]*(\.[a-z0-9\-]+)+",
        url_template="https://bsky.app/{handle}",
        path_prefixes="profile",
        default_domain=".bsky.social",
    ),
    dict(slug="mastodon", name="Mastodon", abbreviation="M", color="#6364ff", rule="fediverse"),
    dict(
        slug="pinterest",
        name="Pinterest",
        abbreviation="P",
        color="#bd081c",
        hosts="pinterest.com",
        handle_pattern=r"[a-z0-9_]{3,30}",
        url_template="https://www.pinterest.com/{handle}/",
        reserved_paths="pin,search,ideas,today,business,login,settings,categories",
    ),
    dict(slug="blog", name="Blog", abbreviation="B", color="#2e7d32", rule="website"),
    dict(slug="podcast", name="Podcast", abbreviation="Pod", color="#8e24aa", rule="website"),
]


def seed_networks(network_model) -> None:
    """Create the starting networks when there are none (a new database, or one just flushed).
    Takes the model so a migration can pass its historical one."""
    if network_model.objects.exists():
        return
    for position, fields in enumerate(NETWORK_SEED):
        values = dict(fields, position=position * 10)
        network_model.objects.create(**values)
