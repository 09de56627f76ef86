"""Jobs: the pages (namespace ``jobs``); each audience's views module lists its own paths."""

from __future__ import annotations

from beoncosup.jobs.views import editors, employers, public

app_name = "jobs"

urlpatterns = [*public.urlpatterns, *employers.urlpatterns, *editors.urlpatterns]
