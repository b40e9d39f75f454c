from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("careers", "0004_element_ratings_share_one_shape")]

    operations = [
        migrations.AddField(
            model_name="targetoccupation",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="targetoccupation",
            name="declined_onet_codes",
            field=models.JSONField(
                blank=True, default=list, help_text="O*NET matches the user said no to."
            ),
        ),
    ]
