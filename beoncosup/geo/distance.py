"""Great-circle distances, computed in Python so SQLite and PostgreSQL agree exactly."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = math.radians(lat2 - lat1)
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Box:
    south: float
    north: float
    west: float
    east: float


def bounding_box(latitude: float, longitude: float, radius_km: float) -> Box:
    """A latitude/longitude box that contains every point within ``radius_km``: a cheap SQL
    prefilter before the exact haversine check."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * max(math.cos(math.radians(latitude)), 0.01)))
    return Box(latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon)
