from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("careers", "0006_fill_target_name_keys")]

    operations = [
        migrations.AddConstraint(
            model_name="targetoccupation",
            constraint=models.UniqueConstraint(
                fields=("owner", "name_key"), name="one_target_per_name_key"
            ),
        ),
    ]
