"""The first managed list of skills (the coordinator adds more or switches them off)."""

from django.db import migrations

SKILLS = [
    ("boodschappen", "Boodschappen doen"),
    ("klussen", "Kleine klussen in huis"),
    ("tuin", "Tuinieren"),
    ("wandelen", "Samen wandelen"),
    ("gezelschap", "Gezelschap, een praatje"),
    ("computer", "Computer en telefoon"),
    ("administratie", "Post en administratie"),
    ("formulieren", "Formulieren invullen"),
    ("budget", "Budgetteren"),
    ("huiswerk", "Huiswerkbegeleiding"),
    ("taal", "Nederlandse taal oefenen"),
    ("vervoer", "Vervoer, autorijden"),
    ("koken", "Koken"),
    ("dementie", "Omgaan met dementie"),
    ("jongeren", "Jongeren begeleiden"),
    ("sport", "Sporten en bewegen"),
]


def add(apps, schema_editor):
    Skill = apps.get_model("volunteers", "Skill")
    Skill.objects.bulk_create([Skill(code=code, name=name) for code, name in SKILLS], ignore_conflicts=True)


def remove(apps, schema_editor):
    apps.get_model("volunteers", "Skill").objects.filter(code__in=[c for c, _n in SKILLS]).delete()


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
