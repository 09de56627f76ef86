from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link


class HubConfig(AppConfig):
    """The information hub: Wagtail topic and article pages in four languages, with review dates,
    validity periods, sources and an editorial workflow."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.hub"
    label = "hub"

    def ready(self) -> None:
        # Imported here: they read the models, which load after the app registry.
        from beoncosup.feedback.pages import page_target_kind  # noqa: PLC0415
        from beoncosup.feedback.targets import target_kind_register  # noqa: PLC0415
        from beoncosup.hub.fragments import articles_for_need  # noqa: PLC0415
        from beoncosup.hub.models import ArticlePage  # noqa: PLC0415
        from beoncosup.hub.selectors import articles_for_needs  # noqa: PLC0415
        from beoncosup.taxonomy.extensions import (  # noqa: PLC0415
            need_section_register,
            reading_finder_register,
        )

        need_section_register(key="hub", order=20, render=articles_for_need)
        # "Something is wrong here?" on every article: a resolved report records the review.
        target_kind_register(
            page_target_kind(
                code="article",
                label=_("article"),
                model=ArticlePage,
                reviewed_on_field="last_reviewed_on",
                reviewed_by_field="reviewed_by",
            )
        )
        reading_finder_register(key="hub", find=articles_for_needs)
        nav_entry_register(
            key="hub",
            order=60,
            render=nav_link(
                label=_("Information"),
                url_name="wagtail_serve",
                url_args=("",),
                current=lambda match: match.url_name == "wagtail_serve" or match.app_name == "hub",
            ),
        )
