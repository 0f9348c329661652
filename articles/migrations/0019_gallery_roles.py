from django.contrib.auth.management import create_permissions
from django.db import migrations

# Journalists and editors make galleries for the stories they may edit.
GRANTS = {
    role: [("gallery", ["add", "change", "delete", "view"]), ("galleryimage", ["add", "change", "delete", "view"])]
    for role in ("Journalist", "Editor")
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, models in GRANTS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for model, actions in models:
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label="articles", codename=f"{action}_{model}"
                    )
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    gallery_permissions = Permission.objects.filter(
        content_type__app_label="articles",
        content_type__model__in=["gallery", "galleryimage"],
    )
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*gallery_permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_galleries"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
