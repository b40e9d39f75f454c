"""Login throttling: django-axes counts failures per (name, address) and per name.

Five wrong passwords for one name from one address lock that pair only, so the other
people behind the same school proxy still sign in. A name guessed at from many
addresses is locked everywhere at a looser limit.
"""

from __future__ import annotations

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address, with an IPv4 one seen through a dual-stack socket written as IPv4."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted_proxy(address, proxies) -> bool:
    return address is not None and any(address in network for network in proxies)


def client_address(request: HttpRequest) -> str | None:
    """The address that sent the request, as axes should count it.

    X-Forwarded-For is read only when the peer is a proxy the deployment named in
    INFOINTERVIEW_TRUSTED_PROXIES, and then from the right: the first address that is not
    one of those proxies was written by them, whatever the client put to its left.
    """
    peer = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXIES
    if not _is_trusted_proxy(_address(peer or ""), proxies):
        return peer
    hops = [_address(hop) for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        if hop is None:
            return peer
        if not _is_trusted_proxy(hop, proxies):
            return str(hop)
    return peer


class PairAndNameHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per (name, address) and a looser one per name.

    Needs AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]. Axes
    compares one failure count with AXES_FAILURE_LIMIT; the name's count is reported on
    that scale, so it reaches the limit exactly when AXES_USERNAME_FAILURE_LIMIT is reached.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_pair, by_name = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        pair_limit, name_limit = settings.AXES_FAILURE_LIMIT, settings.AXES_USERNAME_FAILURE_LIMIT
        return max(by_pair, by_name * pair_limit // name_limit)
