import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# django.contrib.admin.models.ADDITION, fixed here as a migration must not import models.
ADDITION = 1


def creators_from_admin_log(apps, schema_editor):
    """Name as creator whoever added each article in the admin, as its log says."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("admin", "LogEntry")
    Article = apps.get_model("articles", "Article")
    content_type = ContentType.objects.filter(
        app_label="articles", model="article"
    ).first()
    if content_type is None:
        return
    additions = LogEntry.objects.filter(
        content_type=content_type, action_flag=ADDITION
    ).values_list("object_id", "user_id")
    for object_id, user_id in additions.iterator():
        if object_id.isdigit():
            Article.objects.filter(pk=int(object_id), created_by=None).update(
                created_by_id=user_id
            )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0014_hero_image_pixel_limit_help"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="created by",
            ),
        ),
        migrations.RunPython(creators_from_admin_log, migrations.RunPython.noop),
    ]
