from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("interviews", "0005_research_by_occupation_code")]

    operations = [migrations.RemoveField(model_name="researchentry", name="occupation")]
