import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")

application = get_wsgi_application()

# What start-up created (settings, URL patterns, templates, Wagtail's registries…) lives as
# long as the process. Freezing it keeps Python's cyclic garbage collector from re-scanning
# all of it whenever a request allocates many objects: a finder search over 100,000 services
# otherwise pays pauses of 50-150 ms (docs/benchmarks.md).
gc.freeze()
