import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0007_one_target_per_name_key"),
        ("interviews", "0003_calendar_feed_moves_to_agenda"),
    ]

    operations = [
        migrations.AddField(
            model_name="researchentry",
            name="onet_code",
            field=models.CharField(
                blank=True, help_text="The O*NET occupation the research is about.", max_length=10
            ),
        ),
        migrations.AddField(
            model_name="researchentry",
            name="target",
            field=models.ForeignKey(
                blank=True,
                help_text="The list it belongs to, when the occupation is on the shortlist.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="research",
                to="careers.targetoccupation",
            ),
        ),
    ]
