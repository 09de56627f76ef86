import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")

application = get_wsgi_application()


def _warm_needs_matcher() -> None:
    """Load the needs matcher's model and vectors now, not on the first request (one query
    would otherwise wait about a second). A database that is not migrated yet only delays
    this to the first request."""
    import logging  # noqa: PLC0415

    from django.db import DatabaseError  # noqa: PLC0415

    from beoncosup.search.needs import warm  # noqa: PLC0415

    try:
        loaded = warm()
    except DatabaseError:
        logging.getLogger("beoncosup.search").warning("needs matcher not warmed: no database")
    else:
        logging.getLogger("beoncosup.search").info("needs matcher warmed: %s", loaded)


_warm_needs_matcher()

# What start-up created (settings, URL patterns, templates, Wagtail's registries…) lives as
# long as the process. Freezing it keeps Python's cyclic garbage collector from re-scanning
# all of it whenever a request allocates many objects: a finder search over 100,000 services
# otherwise pays pauses of 50-150 ms (docs/benchmarks.md).
gc.freeze()
