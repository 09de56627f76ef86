"""Re-encrypt every value encrypted at rest with the first key of BEONCOSUP_FIELD_KEY, so an
old key can then be removed from the list (docs/privacy.md, "Keys")."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction

from beoncosup.core.crypto import MARK, EncryptedTextField, reencrypt


def _rotate_json(value: Any) -> tuple[Any, bool]:
    """The JSON value with each encrypted string re-encrypted, and whether anything changed."""
    if isinstance(value, str) and value.startswith(MARK):
        return reencrypt(value), True
    if isinstance(value, dict):
        changed = False
        out = {}
        for key, item in value.items():
            out[key], hit = _rotate_json(item)
            changed = changed or hit
        return out, changed
    if isinstance(value, list):
        pairs = [_rotate_json(item) for item in value]
        return [item for item, _hit in pairs], any(hit for _item, hit in pairs)
    return value, False


class Command(BaseCommand):
    help = (
        "Re-encrypt the encrypted fields (referrals' personal data, TOTP secrets) with the "
        "first key listed in BEONCOSUP_FIELD_KEY."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            encrypted: list[Any] = [
                f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)
            ]
            json_fields: list[Any] = [
                f for f in model._meta.concrete_fields if isinstance(f, models.JSONField)
            ]
            if not encrypted and not json_fields:
                continue
            names = [f.attname for f in encrypted + json_fields]
            count = 0
            manager = model._base_manager
            for pk, *values in manager.values_list("pk", *names).iterator():
                changes: dict[str, Any] = {}
                for field, value in zip(encrypted + json_fields, values, strict=True):
                    if isinstance(field, EncryptedTextField):
                        if value:
                            changes[field.attname] = value  # saved again: encrypted anew
                    else:
                        rotated, hit = _rotate_json(value)
                        if hit:
                            changes[field.attname] = rotated
                if changes:
                    with transaction.atomic():
                        manager.filter(pk=pk).update(**changes)
                    count += 1
            if count:
                self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
            total += count
        self.stdout.write(f"Done: {total} rows.")
