"""Kept only for ``finder.views``' import of SESSION_KEY (being edited elsewhere): import it from
``finder.plan_session`` and delete this module. The header's plan item is no longer a context
processor: FinderConfig.ready() registers it with core.site."""

from beoncosup.finder.plan_session import SESSION_KEY

__all__ = ["SESSION_KEY"]
