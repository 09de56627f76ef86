"""Demo training content for ``make run`` (development only; refused in production): the four
kinds of course the institute runs, with trainers, past editions (attendance, same-day
evaluations, a follow-up, certificates) and coming ones (one full, with a waiting list).

Every row is marked as demo, and every course says so in its summary. People and places are
made up; the sources cited are real publications. A second run makes nothing new while the
demo courses exist; ``replace=True`` deletes the demo training rows and makes them afresh
(dates move with today).
"""

from beoncosup.training.demo.courses import SLUGS
from beoncosup.training.demo.loader import (
    demo_training_delete,
    demo_training_exists,
    demo_training_load,
)
from beoncosup.training.demo.workshops import NURSES

__all__ = [
    "NURSES",
    "SLUGS",
    "demo_training_delete",
    "demo_training_exists",
    "demo_training_load",
]
