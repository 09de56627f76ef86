"""The finder filters on cancer type: profiles get the services' cancer types (filled here for
services indexed before, so no rebuild is needed)."""

from django.db import migrations, models


def fill(apps, schema_editor):
    Service = apps.get_model("directory", "Service")
    ServiceProfile = apps.get_model("search", "ServiceProfile")
    for pk, types in Service.objects.exclude(cancer_types=[]).values_list("pk", "cancer_types"):
        codes = sorted(set(types or []))
        if codes:
            ServiceProfile.objects.filter(service_id=pk).update(
                cancer_types=f"|{'|'.join(codes)}|"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_scope_index_sqlite"),
        ("directory", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="serviceprofile",
            name="cancer_types",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
