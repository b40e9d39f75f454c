import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0007_one_target_per_name_key"),
        ("people", "0003_copy_database_aside"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="target",
            field=models.ForeignKey(
                blank=True,
                help_text="The occupation whose list of names this person is on.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="people",
                to="careers.targetoccupation",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="declined_onet_codes",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="organizationlead",
            name="target",
            field=models.ForeignKey(
                blank=True,
                help_text="The occupation whose list of names this lead is on.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="leads",
                to="careers.targetoccupation",
            ),
        ),
        migrations.AlterField(
            model_name="organizationlead",
            name="occupation",
            field=models.CharField(blank=True, max_length=200),
        ),
    ]
