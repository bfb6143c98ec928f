"""The address of the person making a request, seen through the site's own proxies.

Behind a load balancer REMOTE_ADDR is the balancer. Each proxy appends the address it received
the request from to X-Forwarded-For, so the client is found by walking that header from the
right past the proxies the site trusts: either the addresses (or networks) in
TRUSTED_PROXIES, or a fixed number of hops, TRUSTED_PROXY_COUNT. Entries further left were
written by whoever sent the request and are never believed. Everything keyed on a person's
address (the sign-in lockout, every rate limit) goes through `client_ip`.
"""

import ipaddress

from django.conf import settings


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str | None:
    """The client's address; REMOTE_ADDR when no proxy is trusted or the header is unusable."""
    remote = request.META.get("REMOTE_ADDR") or None
    networks = [ipaddress.ip_network(item, strict=False) for item in settings.TRUSTED_PROXIES]
    hops = settings.TRUSTED_PROXY_COUNT
    if not networks and not hops:
        return remote
    forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    if networks:
        current = _address(remote or "")
        if current is None or not _trusted(current, networks):
            return remote  # the request did not come through our proxies: its header is not ours
        while forwarded:
            candidate = _address(forwarded.pop())
            if candidate is None:
                return str(current)
            current = candidate
            if not _trusted(current, networks):
                break
        return str(current)
    if len(forwarded) < hops:
        return remote  # fewer hops than our proxies add: not a request our proxies passed on
    candidate = _address(forwarded[-hops])
    return str(candidate) if candidate is not None else remote
