# Interests, Work Values, Skills and Work Context now share one abstract model.
# Only Django's record of the models changes: Skill's rating is named `value` but keeps
# its column `importance`, so no table, column or index is altered.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0003_wage_details"),
    ]

    operations = [
        migrations.AlterField(
            model_name="skill",
            name="importance",
            field=models.FloatField(db_column="importance"),
        ),
        migrations.RenameField(
            model_name="skill",
            old_name="importance",
            new_name="value",
        ),
        migrations.AlterModelOptions(
            name="skill",
            options={"ordering": ["-value"]},
        ),
        migrations.AlterField(
            model_name="workcontext",
            name="value",
            field=models.FloatField(),
        ),
    ]
