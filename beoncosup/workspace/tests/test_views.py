from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.workspace.models import SavedSearch, ServiceList, ServiceListItem, WorkspaceSettings
from beoncosup.workspace.tests.conftest import QUERY, World

pytestmark = pytest.mark.django_db


def urls(world: World) -> dict[str, tuple[str, str]]:
    """Every page of the workspace: name → (method, address). Objects are organisation A's,
    shared with it."""
    search, service_list = world.search.pk, world.service_list.pk
    return {
        "home": ("get", reverse("workspace:home")),
        "search_list": ("get", reverse("workspace:search_list")),
        "search_save": ("get", f"{reverse('workspace:search_save')}?query={quote(QUERY)}"),
        "search_edit": ("get", reverse("workspace:search_edit", kwargs={"pk": search})),
        "search_delete": ("get", reverse("workspace:search_delete", kwargs={"pk": search})),
        "search_run": ("post", reverse("workspace:search_run", kwargs={"pk": search})),
        "list_index": ("get", reverse("workspace:list_index")),
        "list_create": ("get", reverse("workspace:list_create")),
        "item_add": ("get", f"{reverse('workspace:item_add')}?service={world.service.pk}"),
        "list_detail": ("get", reverse("workspace:list_detail", kwargs={"pk": service_list})),
        "list_edit": ("get", reverse("workspace:list_edit", kwargs={"pk": service_list})),
        "list_delete": ("get", reverse("workspace:list_delete", kwargs={"pk": service_list})),
        "item_remove": (
            "post",
            reverse("workspace:item_remove", kwargs={"pk": service_list, "item_pk": world.item.pk}),
        ),
        "activity": ("get", reverse("workspace:activity")),
        "settings": ("get", reverse("workspace:settings")),
        # Last: once unshared, a colleague no longer sees the list.
        "search_unshare": ("post", reverse("workspace:search_unshare", kwargs={"pk": search})),
        "list_unshare": ("post", reverse("workspace:list_unshare", kwargs={"pk": service_list})),
    }


OBJECT_PAGES = {
    "search_edit",
    "search_delete",
    "search_run",
    "search_unshare",
    "list_detail",
    "list_edit",
    "list_delete",
    "list_unshare",
    "item_remove",
}
# What a colleague of the same organisation may do with shared things: read and run.
COLLEAGUE = {
    "search_edit": 403,
    "search_delete": 403,
    "search_run": 302,
    "search_unshare": 403,
    "list_detail": 200,
    "list_edit": 403,
    "list_delete": 403,
    "list_unshare": 403,
    "item_remove": 403,
}
OWNER = {"search_run": 302, "search_unshare": 302, "list_unshare": 302, "item_remove": 302}


def expected(who: str, name: str) -> int:
    if who == "anonymous":
        return 302
    if who in {"nobody", "staff"}:
        return 403
    if who == "outsider":
        return 404 if name in OBJECT_PAGES else 200
    if who == "colleague":
        return COLLEAGUE.get(name, 200)
    if who == "admin":  # an admin of the organisation: a colleague who may stop the sharing
        return {**COLLEAGUE, "search_unshare": 302, "list_unshare": 302}.get(name, 200)
    return OWNER.get(name, 200)


def test_the_matrix_names_every_workspace_url(world: World):
    from beoncosup.workspace.urls import urlpatterns  # noqa: PLC0415

    assert {pattern.name for pattern in urlpatterns} == set(urls(world))


@pytest.mark.parametrize(
    "who", ["anonymous", "nobody", "staff", "outsider", "colleague", "admin", "owner"]
)
def test_every_page_answers_each_person_as_the_rules_say(client: Client, world: World, who):
    if who != "anonymous":
        signed_in(client, getattr(world, who))
    answers = {}
    for name, (method, url) in urls(world).items():
        response = getattr(client, method)(url)
        answers[name] = response.status_code
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"], name

    assert answers == {name: expected(who, name) for name in answers}


def test_changes_need_post(client: Client, world: World):
    signed_in(client, world.owner)

    for name in ("search_run", "search_unshare", "list_unshare", "item_remove"):
        assert client.get(urls(world)[name][1]).status_code == 405, name


@pytest.fixture
def owner_client(client: Client, world: World) -> Client:
    return signed_in(client, world.owner)


def test_saving_a_search_from_the_finder(owner_client: Client, world: World):
    page = owner_client.get(f"{reverse('workspace:search_save')}?query={quote(QUERY)}")
    assert page.context["form"].initial["name"] == "label en – 9000"
    assert "remember_default" in page.content.decode()

    response = owner_client.post(
        reverse("workspace:search_save"),
        {"query": QUERY + "&page=2", "name": "", "organisation": world.org_a.pk},
    )

    assert response.status_code == 302
    saved = SavedSearch.objects.latest("id")
    assert (saved.name, saved.query, saved.shared, saved.organisation) == (
        "label en – 9000",
        QUERY,
        False,
        world.org_a,
    )


def test_remember_as_default_sets_the_defaults_and_the_visit(owner_client, world):
    owner_client.post(
        reverse("workspace:search_save"),
        {"query": QUERY, "organisation": world.org_a.pk, "remember_default": "on"},
    )

    defaults = WorkspaceSettings.objects.get(user=world.owner)
    assert (defaults.postcode, defaults.languages) == ("9000", ["nl"])
    finder = owner_client.get(reverse("finder:finder"))
    assert finder.context["form"].initial["postcode"] == "9000"


@pytest.mark.parametrize(
    "data",
    [
        {"query": "need=MED-PAIN&evil=1"},
        {"query": "need=MED-PAIN&q=a%00b"},
        {"query": "need=MED-PAIN", "name": "x" * 121},
        {"query": "need=MED-PAIN", "name": "nul\x00"},
        {"query": "need=MED-PAIN", "organisation": "999999"},
    ],
    ids=["unknown-parameter", "nul-in-query", "name-too-long", "nul-in-name", "other-org"],
)
def test_a_bad_search_is_not_saved(owner_client: Client, world: World, data):
    before = SavedSearch.objects.count()

    response = owner_client.post(reverse("workspace:search_save"), data)

    # A NUL anywhere is refused by the site's middleware, before the form (also 400).
    assert response.status_code == 400
    assert SavedSearch.objects.count() == before


def test_saving_in_an_organisation_one_does_not_belong_to_is_refused(owner_client, world):
    response = owner_client.post(
        reverse("workspace:search_save"),
        {"query": QUERY, "organisation": world.org_b.pk, "shared": "on"},
    )

    assert response.status_code == 400
    assert not SavedSearch.objects.filter(organisation=world.org_b).exists()


def test_an_unknown_parameter_in_the_link_shows_why(owner_client: Client):
    response = owner_client.get(f"{reverse('workspace:search_save')}?query=need%3DMED-PAIN%26x%3D1")

    assert response.status_code == 400
    assert "The finder does not know these parts of the search: x." in response.content.decode()


def test_running_a_search_opens_the_finder(owner_client: Client, world: World):
    response = owner_client.post(reverse("workspace:search_run", kwargs={"pk": world.search.pk}))

    assert response["Location"] == f"{reverse('finder:finder')}?{QUERY}#result-summary"


def test_rename_and_unshare_a_search(owner_client: Client, world: World):
    url = reverse("workspace:search_edit", kwargs={"pk": world.search.pk})
    assert owner_client.post(url, {"name": ""}).status_code == 400

    owner_client.post(url, {"name": "Pijn"})

    world.search.refresh_from_db()
    assert (world.search.name, world.search.shared) == ("Pijn", False)


def test_adding_a_service_to_a_new_list(owner_client: Client, world: World):
    response = owner_client.post(
        reverse("workspace:item_add"),
        {"service": world.service.pk, "new_list_name": "Nieuw", "note": "Wachtlijst"},
    )

    new = ServiceList.objects.get(name="Nieuw")
    assert response["Location"] == reverse("workspace:list_detail", kwargs={"pk": new.pk})
    assert (new.organisation, new.shared) == (world.org_a, False)
    assert list(new.items.values_list("service_id", "note")) == [(world.service.pk, "Wachtlijst")]


@pytest.mark.parametrize(
    "data",
    [
        {"new_list_name": ""},
        {"new_list_name": "Lijst", "note": "x" * 201},
        {"new_list_name": "Lijst", "note": "a\x00"},
    ],
    ids=["no-list", "note-too-long", "nul-in-note"],
)
def test_a_bad_add_changes_nothing(owner_client: Client, world: World, data):
    response = owner_client.post(
        reverse("workspace:item_add"), {"service": world.service.pk, **data}
    )

    assert response.status_code == 400
    assert (ServiceList.objects.count(), ServiceListItem.objects.count()) == (1, 1)


def test_adding_to_someone_elses_list_is_refused(client: Client, world: World):
    signed_in(client, world.colleague)

    response = client.post(
        reverse("workspace:item_add"),
        {"service": world.service.pk, "service_list": world.service_list.pk},
    )

    assert response.status_code == 400
    assert ServiceListItem.objects.count() == 1


def test_an_unknown_service_is_404(owner_client: Client):
    url = reverse("workspace:item_add")

    assert owner_client.get(f"{url}?service=nonsense").status_code == 404
    assert (
        owner_client.get(f"{url}?service=00000000-0000-0000-0000-000000000000").status_code == 404
    )


def test_the_list_page_shows_the_note_and_the_warning_on_adding(owner_client, world):
    detail = owner_client.get(
        reverse("workspace:list_detail", kwargs={"pk": world.service_list.pk})
    )
    adding = owner_client.get(f"{reverse('workspace:item_add')}?service={world.service.pk}")

    assert "Eerst bellen" in detail.content.decode()
    assert "Never write anything about a patient here." in adding.content.decode()


def test_an_organisation_admin_stops_the_sharing(client: Client, world: World):
    signed_in(client, world.admin)

    client.post(reverse("workspace:list_unshare", kwargs={"pk": world.service_list.pk}))

    world.service_list.refresh_from_db()
    assert world.service_list.shared is False
    assert (
        client.get(
            reverse("workspace:list_detail", kwargs={"pk": world.service_list.pk})
        ).status_code
        == 404
    )


def test_settings_keep_a_valid_postcode_and_languages(owner_client: Client, world: World):
    url = reverse("workspace:settings")
    bad = owner_client.post(url, {"postcode": "0000", "languages": ["xx"]})
    assert bad.status_code == 400
    assert not WorkspaceSettings.objects.exists()

    owner_client.post(url, {"postcode": "Gent", "languages": ["fr", "nl"]})

    defaults = WorkspaceSettings.objects.get()
    assert (defaults.postcode, defaults.languages) == ("9000", ["fr", "nl"])


def test_activity_shows_mine_and_colleagues_changes_to_shared_lists(client, world):
    signed_in(client, world.colleague)
    AuditEvent.objects.create(action="auth.login", actor=world.colleague, actor_label="c")

    page = client.get(reverse("workspace:activity"))

    own = [event.action for event, _label in page.context["events"]]
    shared = [event.action for event, _label in page.context["shared_events"]]
    assert own == ["auth.login", "auth.signed_in"]
    assert shared == ["workspace.list_item_added", "workspace.list_created"]


def test_the_finder_offers_the_controls_to_professionals_only(client: Client, world: World):
    url = f"{reverse('finder:finder')}?{QUERY}"
    anonymous = client.get(url).content.decode()
    signed_in(client, world.owner)
    professional = client.get(url).content.decode()

    assert reverse("workspace:search_save") not in anonymous
    assert reverse("workspace:item_add") not in anonymous
    assert reverse("workspace:search_save") in professional
    assert f"{reverse('workspace:item_add')}?service={world.service.pk}" in professional


# Per page: the session, the user and their roles and second factor (8 queries, the site's) and
# the Referrals navigation entry (1),
# then the page's own reads, the same for one or three things.
LIST_PAGE_QUERIES = {"home": 15, "search_list": 13, "list_index": 13, "activity": 16}


@pytest.mark.parametrize("count", [1, 3])
def test_list_pages_make_a_fixed_number_of_queries(
    client: Client, world: World, django_assert_max_num_queries, count
):
    for index in range(count):
        service_list = ServiceList.objects.create(
            owner=world.owner, name=f"L{index}", organisation=world.org_a, shared=True
        )
        ServiceListItem.objects.create(service_list=service_list, service=world.service)
        SavedSearch.objects.create(
            owner=world.colleague,
            name=f"S{index}",
            query=QUERY,
            organisation=world.org_a,
            shared=True,
        )
    signed_in(client, world.owner)
    for name, queries in LIST_PAGE_QUERIES.items():
        with django_assert_max_num_queries(queries, info=name):
            assert client.get(reverse(f"workspace:{name}")).status_code == 200
    with django_assert_max_num_queries(14, info="list_detail"):
        assert (
            client.get(reverse("workspace:list_detail", kwargs={"pk": service_list.pk})).status_code
            == 200
        )
