from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from beoncosup.api import api
from beoncosup.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/fhir/", include("beoncosup.referrals.fhir.urls")),
    path("api/", api.urls),
    # The admin signs in through allauth and its MFA: no second, weaker login form.
    path("admin/login/", core_views.admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("", include("beoncosup.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("beoncosup.accounts.urls")),
    path("", include("beoncosup.providers.urls")),
    path("", include("beoncosup.workspace.urls")),
    path("", include("beoncosup.referrals.urls")),
    path("", include("beoncosup.insights.urls")),
    path("", include("beoncosup.training.urls")),
    path("", include("beoncosup.network.urls")),
    path("", include("beoncosup.research.urls")),
    path("", include("beoncosup.consultations.urls")),
    path("", include("beoncosup.participation.urls")),
    path("", include("beoncosup.feedback.urls")),
    path("", include("beoncosup.jobs.urls")),
    path("", include("beoncosup.workplans.urls")),
    path("", include("beoncosup.taxonomy.urls")),
    path("", include("beoncosup.directory.urls")),
    path("", include("beoncosup.screening.urls")),
    path("", include("beoncosup.finder.urls")),
    path("", include("beoncosup.navigator.urls")),
    # The hub: its own views first, then Wagtail serves the page tree under the same prefix.
    path(pgettext_lazy("URL path", "info/"), include("beoncosup.hub.urls")),
    # Wagtail's own sign-in form for private pages would skip the second factor: it redirects
    # to allauth's instead (WAGTAIL_FRONTEND_LOGIN_URL sends people there in the first place).
    path(
        pgettext_lazy("URL path", "info/"),
        include([path("_util/login/", core_views.admin_login, name="frontend_login")]),
    ),
    path(pgettext_lazy("URL path", "info/"), include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
