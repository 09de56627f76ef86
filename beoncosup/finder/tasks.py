"""Background work of the finder (django-tasks): thin wrappers around services.

Tasks receive JSON-safe arguments only, and never anything that identifies a visitor: the
searched-need signals arrive already keyed by their HMAC (finder.counting).
"""

from __future__ import annotations

from django_tasks import task

# services enqueues these tasks and the tasks call services: importing the module (not its
# names) lets the two refer to each other whichever is imported first.
from beoncosup.finder import services
from beoncosup.finder.counting import EventData


@task()
def count_searched_needs(events: list[EventData]) -> int:
    """Records searched-need signals off the request path; returns how many were new."""
    return services.search_signals_count(events=events)


# The name this task had before the needs insights (issue #16), for rows already queued.
count_unmet_needs = count_searched_needs
