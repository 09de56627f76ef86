"""A service's capacity for new referrals, as its provider states it (issue #15)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.directory.enums import CapacityStatus, WaitingBand


class ServiceCapacity(models.Model):
    """Open, on a waiting list (with a band) or closed to new referrals, since the date the
    provider stated it. No row means "not stated": the finder ranks it as open and shows
    nothing. Written only through directory.services.capacity_set."""

    service = models.OneToOneField(
        "directory.Service",
        on_delete=models.CASCADE,
        related_name="capacity",
        verbose_name=_("service"),
    )
    status = models.CharField(_("capacity"), max_length=20, choices=CapacityStatus.choices)
    # Only for a waiting list ("" otherwise).
    waiting_band = models.CharField(
        _("waiting time"), max_length=30, choices=WaitingBand.choices, blank=True
    )
    as_of = models.DateField(_("as of"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("service capacity")
        verbose_name_plural = _("service capacities")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=CapacityStatus.WAITING_LIST) & ~models.Q(waiting_band="")
                )
                | (~models.Q(status=CapacityStatus.WAITING_LIST) & models.Q(waiting_band="")),
                name="service_capacity_band_only_for_waiting_list",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_id}: {self.status}"

    @property
    def is_closed(self) -> bool:
        return self.status == CapacityStatus.CLOSED
