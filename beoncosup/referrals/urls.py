"""The referral pages (docs/referrals.md). The person's own page lives under a private link
(``r/<token>/``) that needs no account."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.referrals.views import follow, inbox, person, refer, team

app_name = "referrals"


def _p(route: str) -> str:
    return pgettext_lazy("URL path", route)  # type: ignore[return-value]


urlpatterns = [
    # A professional refers a person (from a finder result, a plan or a service page).
    path(_p("referrals/new/"), refer.refer, name="refer"),
    path(_p("referrals/new/consent/"), refer.refer_consent, name="refer_consent"),
    # A person refers themselves, without an account.
    path(_p("referrals/self/"), refer.self_refer, name="self_refer"),
    path(_p("referrals/self/consent/"), refer.self_refer_consent, name="self_refer_consent"),
    # The referrer and the care team follow up.
    path(_p("referrals/"), follow.followed, name="followed"),
    path(_p("referrals/notices/read/"), follow.notices_read, name="notices_read"),
    path(_p("referrals/<uuid:referral_id>/"), follow.detail, name="detail"),
    path(_p("referrals/<uuid:referral_id>/cancel/"), follow.cancel, name="cancel"),
    path(_p("referrals/people/<uuid:case_id>/"), team.case, name="case"),
    path(_p("referrals/people/<uuid:case_id>/team/"), team.team_add, name="team_add"),
    path(
        _p("referrals/people/<uuid:case_id>/team/<int:member_id>/remove/"),
        team.team_remove,
        name="team_remove",
    ),
    path(_p("referrals/people/<uuid:case_id>/notes/"), team.note_add, name="note_add"),
    path(_p("referrals/people/<uuid:case_id>/refer/"), team.case_refer, name="case_refer"),
    path(_p("referrals/people/<uuid:case_id>/link/"), team.link_renew, name="link_renew"),
    # The receiving service's inbox.
    path(_p("inbox/"), inbox.inbox, name="inbox"),
    path(_p("inbox/<uuid:referral_id>/"), inbox.detail, name="inbox_detail"),
    path(_p("inbox/<uuid:referral_id>/status/"), inbox.move, name="inbox_move"),
    path(_p("inbox/services/<uuid:service_id>/"), inbox.service_settings, name="service_settings"),
    # The person's private page.
    path("r/<str:token>/", person.page, name="person"),
    path(_p("r/<str:token>/withdraw/"), person.withdraw, name="person_withdraw"),
    path(_p("r/<str:token>/cancel/<uuid:referral_id>/"), person.cancel, name="person_cancel"),
    path(_p("r/<str:token>/my-data.json"), person.export_json, name="person_export_json"),
    path(_p("r/<str:token>/my-data.pdf"), person.export_pdf, name="person_export_pdf"),
    path(_p("r/<str:token>/erase/"), person.erase, name="person_erase"),
]
