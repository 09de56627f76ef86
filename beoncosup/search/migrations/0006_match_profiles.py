"""The matcher's profiles become generic (issue #11): one MatchProfile per (kind, object id) of
any registered catalogue, and MatchNeed rows for the needs it addresses, instead of the
service-only ServiceProfile. The services' profiles are copied over here (with their need
links), so no index rebuild is needed after upgrading."""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000
COLUMNS = (
    "active", "statuses", "audiences", "phases", "cancer_types", "delivery", "costs", "access",
    "languages", "areas", "radius_km", "minimum_age", "maximum_age", "remote", "points",
    "min_lat", "max_lat", "min_lon", "max_lon", "assured_date",
)


def copy_profiles(apps, schema_editor):
    ServiceProfile = apps.get_model("search", "ServiceProfile")
    MatchProfile = apps.get_model("search", "MatchProfile")
    MatchNeed = apps.get_model("search", "MatchNeed")
    Service = apps.get_model("directory", "Service")
    links = Service._meta.get_field("needs").remote_field.through
    ids = list(ServiceProfile.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = ServiceProfile.objects.filter(pk__in=batch).values("service_id", *COLUMNS)
        MatchProfile.objects.bulk_create(
            [
                MatchProfile(kind="service", object_id=str(row.pop("service_id")), **row)
                for row in rows
            ],
            batch_size=BATCH,
        )
        keys = dict(
            MatchProfile.objects.filter(
                kind="service", object_id__in=[str(pk) for pk in batch]
            ).values_list("object_id", "pk")
        )
        MatchNeed.objects.bulk_create(
            [
                MatchNeed(profile_id=keys[str(service_id)], kind="service", code=code)
                for service_id, code in links.objects.filter(service_id__in=batch)
                .values_list("service_id", "need__code")
                .distinct()
            ],
            batch_size=BATCH,
        )


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0005_drop_has_radius'),
        ('directory', '0003_hsds_list_order'),
    ]

    operations = [
        migrations.AlterField(
            model_name='searchdocument',
            name='kind',
            field=models.CharField(max_length=10),
        ),
        migrations.CreateModel(
            name='MatchProfile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=10)),
                ('object_id', models.CharField(max_length=64)),
                ('active', models.BooleanField(default=True)),
                ('statuses', models.CharField(blank=True, max_length=200)),
                ('audiences', models.CharField(blank=True, max_length=100)),
                ('phases', models.CharField(blank=True, max_length=100)),
                ('cancer_types', models.CharField(blank=True, max_length=200)),
                ('delivery', models.CharField(blank=True, max_length=100)),
                ('costs', models.CharField(blank=True, max_length=100)),
                ('access', models.CharField(blank=True, max_length=100)),
                ('languages', models.CharField(blank=True, max_length=200)),
                ('areas', models.TextField(blank=True)),
                ('radius_km', models.PositiveSmallIntegerField(null=True)),
                ('minimum_age', models.PositiveSmallIntegerField(null=True)),
                ('maximum_age', models.PositiveSmallIntegerField(null=True)),
                ('remote', models.BooleanField(default=False)),
                ('points', models.TextField(blank=True)),
                ('min_lat', models.FloatField(null=True)),
                ('max_lat', models.FloatField(null=True)),
                ('min_lon', models.FloatField(null=True)),
                ('max_lon', models.FloatField(null=True)),
                ('assured_date', models.DateField(null=True)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='match_profile_unique')],
            },
        ),
        migrations.CreateModel(
            name='MatchNeed',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=10)),
                ('code', models.CharField(max_length=60)),
                ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='needs', to='search.matchprofile')),
            ],
        ),
        migrations.AddIndex(
            model_name='matchneed',
            index=models.Index(fields=['kind', 'code', 'profile'], name='match_need_lookup'),
        ),
        migrations.RunPython(copy_profiles, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='ServiceProfile',
        ),
    ]
