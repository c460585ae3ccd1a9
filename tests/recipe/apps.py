from django.apps import AppConfig


class RecipeConfig(AppConfig):
    """A test app that follows the recipe of docs/architecture.md ("add a model with personal data")."""

    name = "tests.recipe"
    label = "recipe"
    default_auto_field = "django.db.models.BigAutoField"
