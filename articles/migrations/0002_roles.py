from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Journalist": [
        ("articles", "article", ["add", "change", "view"]),
        ("articles", "subheading", ["add", "change", "delete", "view"]),
        ("articles", "articleauthor", ["add", "change", "delete", "view"]),
        ("articles", "section", ["view"]),
        ("taggit", "tag", ["add", "view"]),
    ],
    "Editor": [
        ("articles", "article", ["add", "change", "view", "publish", "edit_any"]),
        ("articles", "subheading", ["add", "change", "delete", "view"]),
        ("articles", "articleauthor", ["add", "change", "delete", "view"]),
        ("articles", "section", ["view"]),
        ("taggit", "tag", ["add", "change", "view"]),
    ],
    "Administrator": [
        ("articles", "section", ["add", "change", "delete", "view"]),
        ("auth", "user", ["add", "change", "view"]),
        ("auth", "group", ["view"]),
        ("articles", "article", ["view"]),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, model, actions in grants:
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label=app_label,
                        codename=f"{action}_{model}",
                    )
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
