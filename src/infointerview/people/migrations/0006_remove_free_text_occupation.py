from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("people", "0005_occupation_lists")]

    operations = [
        migrations.RemoveIndex(model_name="person", name="people_pers_owner_i_ac13cb_idx"),
        migrations.RemoveField(model_name="person", name="occupation"),
        migrations.RemoveField(model_name="organizationlead", name="occupation"),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                fields=["owner", "target", "position"], name="people_pers_owner_i_61179a_idx"
            ),
        ),
    ]
