"""The demo courses, in the order they are loaded."""

from __future__ import annotations

from beoncosup.training.demo.programme import PROGRAMME
from beoncosup.training.demo.workshops import BAD_NEWS, NURSES, SOCIAL

COURSES = [SOCIAL, NURSES, BAD_NEWS, PROGRAMME]
SLUGS = [spec.slug for spec in COURSES]
