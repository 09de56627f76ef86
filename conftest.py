"""Shared pytest configuration.

Playwright's sync API runs an event loop in the test thread, which Django would otherwise
treat as async context and refuse database access from.
"""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
