from itertools import groupby

from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.generic import ListView, TemplateView

from articles.models import Article, Section
from articles.views import NewerOlderPagesMixin
from sections.models import HOME_TOP_STORIES, FrontPin, front_version

LATEST_STORIES = 6
STORIES_PER_SECTION = 4


class HomeFront:
    """
    The home page's stories, read from the database only when first used:
    the lead and the top stories as editors pinned them, each empty or expired
    slot filled with the newest story; then the newest; then the sections.
    """

    @cached_property
    def curated(self):
        cards = Article.objects.for_cards()
        pinned = {
            article.pin_slot: article
            for article in FrontPin.objects.on_home().pinned_articles(cards)
        }
        slots = 1 + HOME_TOP_STORIES
        newest = iter(
            cards.published()
            .exclude(pk__in=[article.pk for article in pinned.values()])
            .newest_first()[: slots + LATEST_STORIES]
        )
        chosen = [pinned.get(slot) or next(newest, None) for slot in range(slots)]
        return [article for article in chosen if article], list(newest)

    @property
    def lead(self):
        top, _ = self.curated
        return top[0] if top else None

    @property
    def top_stories(self):
        return self.curated[0][1:]

    @property
    def latest(self):
        return self.curated[1][:LATEST_STORIES]

    @cached_property
    def section_blocks(self):
        shown = [article.pk for part in self.curated for article in part]
        blocks = (
            Article.objects.published()
            .exclude(pk__in=shown)
            .newest_per_section(STORIES_PER_SECTION)
        )
        return [
            (section, list(articles))
            for section, articles in groupby(blocks, key=lambda a: a.section)
        ]


class HomeView(TemplateView):
    template_name = "sections/home.html"

    def get_context_data(self, **kwargs):
        front = HomeFront()
        return super().get_context_data(
            front_version=front_version(),
            # Lazy: the template reads them only when its cached fragments are missing.
            lead=SimpleLazyObject(lambda: front.lead),
            top_stories=SimpleLazyObject(lambda: front.top_stories),
            latest=SimpleLazyObject(lambda: front.latest),
            section_blocks=SimpleLazyObject(lambda: front.section_blocks),
            **kwargs,
        )


class SectionDetailView(NewerOlderPagesMixin, ListView):
    """A section front: its pinned top story, if any, then its stories newest first."""

    template_name = "sections/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.active(), slug=self.kwargs["section"]
        )
        self.pins = FrontPin.objects.filter(section=self.section)
        return (
            Article.objects.published()
            .filter(section=self.section)
            .exclude(pk__in=self.pins.showing().values("article"))
            .newest_first()
            .values_list("pk", flat=True)
        )

    def front_version(self):
        return front_version()

    def get_context_data(self, **kwargs):
        # A story moved to another section since it was pinned leaves this front.
        pinned = self.pins.pinned_articles(
            Article.objects.for_cards().filter(section=self.section)
        )
        return super().get_context_data(
            section=self.section,
            # Read only when the cards' fragment is missing.
            top_story=SimpleLazyObject(lambda: pinned.first()),
            **kwargs,
        )
