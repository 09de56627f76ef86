"""Who counts as one visitor for the needs statistics, and the key a searched need is counted
under (docs/finder.md, "Counting searched needs"). Nothing here is stored: only the HMAC leaves.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from typing import TypedDict

from django.http import HttpRequest

from beoncosup.core.auth import client_ip

# A client with an IPv6 address usually holds a whole /64 and can change address within it
# at will: the network, not the address, is one visitor.
IPV6_VISITOR_PREFIX = 64


class EventData(TypedDict):
    """A searched need as the background task receives it (JSON-safe): the fields of an
    insights.SearchSignal, keyed by the HMAC that counts it once per visitor and day."""

    key: str
    need_code: str
    arrondissement: str
    province: str
    language: str
    audience: str
    status: str
    phase: str
    services: int
    date: str  # ISO date


def client_address(request: HttpRequest) -> str:
    """The client's address (``core.auth.client_ip``: behind BEONCOSUP_PROXY_COUNT trusted
    proxies, the address the outermost one saw); for IPv6 its /64 network."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:100]
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{ip}/{IPV6_VISITOR_PREFIX}", strict=False))
    return str(ip)


def visitor_id(request: HttpRequest) -> str:
    """The session when the visitor has one, else the client address. Used only as HMAC input
    on the request path, never stored or passed to the task queue."""
    session = getattr(request, "session", None)
    session_key = session.session_key if session is not None else None
    if session_key:
        return f"session:{session_key}"
    return f"address:{client_address(request)}"


def event_key(*, salt: str, visitor: str, fields: tuple[str, ...]) -> str:
    """HMAC-SHA256 of the visitor and the event's fields under the day's salt: equal for the
    same visitor, event and day, unrelated across days and visitors."""
    message = "\x1f".join((visitor, *fields)).encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()
