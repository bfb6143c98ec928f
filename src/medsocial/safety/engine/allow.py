"""An organization's allow-list, prepared once for fast look-ups while scanning."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .types import AllowListError

KEYS = ("phones", "addresses", "urls", "emails")

_ABBREVIATIONS = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "lane": "ln",
    "drive": "dr",
    "court": "ct",
    "place": "pl",
    "terrace": "ter",
    "circle": "cir",
    "parkway": "pkwy",
    "highway": "hwy",
    "trail": "trl",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "suite": "ste",
}


def canonical_address(value: str) -> str:
    words = re.findall(r"[a-z0-9]+", value.lower())
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


class AllowList:
    """Phones (compared by their last ten digits), addresses (compared word by word with
    street-type abbreviations folded), URLs (host, and path prefix if given) and emails."""

    __slots__ = ("phone_digits", "addresses", "zips", "hosts", "emails")

    def __init__(
        self,
        *,
        phones: Iterable[str] = (),
        addresses: Iterable[str] = (),
        urls: Iterable[str] = (),
        emails: Iterable[str] = (),
    ):
        self.phone_digits = frozenset(d[-10:] for d in map(_digits, phones) if len(d) >= 7)
        self.addresses = tuple(canonical_address(a) for a in addresses if a.strip())
        self.zips = frozenset(z for a in addresses for z in re.findall(r"\b\d{5}\b", a))
        hosts = []
        for url in urls:
            rest = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().lower())
            host, _, path = rest.partition("/")
            if host:
                hosts.append((host.split(":")[0], "/" + path.rstrip("/") if path.strip("/") else ""))
        self.hosts = tuple(hosts)
        self.emails = frozenset(e.strip().lower() for e in emails if e.strip())

    @classmethod
    def from_value(cls, allowed) -> AllowList:
        """An AllowList from None, an AllowList, an `Allowed` or a mapping with the keys
        phones, addresses, urls and emails (each a list of strings). Anything else, an unknown
        key or a value that is not a list of strings raises AllowListError."""
        if allowed is None:
            return EMPTY
        if isinstance(allowed, AllowList):
            return allowed
        if isinstance(allowed, Mapping):
            unknown = sorted(str(k) for k in allowed if k not in KEYS)
            if unknown:
                raise AllowListError(
                    f"The allow-list has an unknown key “{unknown[0]}”; "
                    "use phones, addresses, urls and emails."
                )
            values = {key: allowed.get(key) for key in KEYS}
        elif all(hasattr(allowed, key) for key in KEYS):
            values = {key: getattr(allowed, key) for key in KEYS}
        else:
            raise AllowListError(
                "The allow-list must be a mapping with the keys phones, addresses, urls and emails, "
                f"not {type(allowed).__name__}."
            )
        for key, value in values.items():
            if value is None:
                values[key] = ()
            elif isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
                raise AllowListError(f"The allow-list's {key} must be a list of strings, not one value.")
            else:
                value = tuple(value)
                bad = next((v for v in value if not isinstance(v, str)), None)
                if bad is not None:
                    raise AllowListError(
                        f"The allow-list's {key} must hold strings; one entry is {type(bad).__name__}."
                    )
                values[key] = value
        return _prepared(tuple(values[key] for key in KEYS))

    def host_allowed(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == h or host.endswith("." + h) for h, _p in self.hosts)

    def url_allowed(self, host: str, path: str) -> bool:
        host = host.lower().removeprefix("www.")
        for allowed_host, allowed_path in self.hosts:
            if host == allowed_host or host.endswith("." + allowed_host):
                if not allowed_path or path.lower().startswith(allowed_path):
                    return True
        return False

    def address_allowed(self, text: str) -> bool:
        value = canonical_address(text)
        return bool(value) and any(f" {value} " in f" {a} " for a in self.addresses)


EMPTY = AllowList()


@lru_cache(maxsize=256)
def _prepared(values: tuple[tuple[str, ...], ...]) -> AllowList:
    """Organizations check many posts with the same allow-list: prepare it once."""
    return AllowList(**dict(zip(KEYS, values, strict=True)))
