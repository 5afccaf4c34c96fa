"""The demo's own 100 stories: which template, where, when, in what state, and how they link up.

Everything here is decided by fixed seeds, so every run plans the same stories with the same slugs;
only the publish times move, relative to the moment of the run. The templates are dealt out in the
order of their files' names (articles/demo/content/stories/): a new file changes the plan of the others.
"""

import random
from collections import Counter
from datetime import timedelta

from articles.demo import reference, translations
from articles.demo.loader import read_folder
from articles.demo.pictures import PICTURE_TOPICS
from articles.demo.stories import make_story, template_from_content


def load_templates():
    """The story templates of articles/demo/content/stories/, in the order of their files' names."""
    return [template_from_content(key, content) for key, content in read_folder("stories")]


TEMPLATES = load_templates()

# The newest story went live a couple of hours ago (so the news sitemap of the last two days is never
# empty); the oldest about eighteen months ago.
NEWEST = timedelta(hours=2)
OLDEST = timedelta(days=540)
SCHEDULED = 3
DRAFTS = 3
IN_REVIEW = 3
CORRECTED = 8
# The demo's embargoed investigation lifts on the hour after this long.
EMBARGO_LIFTS_IN = timedelta(days=3)


def _relatedness(story, other):
    return 2 * len(set(story.topics) & set(other.topics)) + len(set(story.countries) & set(other.countries))


def _pick_links(story, candidates, rng):
    """SEE ALSO and related picks for `story` among `candidates` (published before it)."""
    if not candidates:
        return
    ranked = sorted(candidates, key=lambda other: (-_relatedness(story, other), rng.random()))
    closest = ranked[:6]
    if story.paragraphs >= 2 and rng.random() < 0.7:
        target = rng.choice(closest)
        story.see_also.append((target.key, rng.randint(1, min(3, story.paragraphs - 1))))
    if rng.random() < 0.6:
        taken = {key for key, _ in story.see_also}
        picks = [other.key for other in closest if other.key not in taken]
        story.related.extend(rng.sample(picks, min(len(picks), rng.randint(1, 3))))


def demo_stories(*, newsroom, templates=TEMPLATES):
    """The demo's stories, newest first, with statuses, publish ages, links and corrections set."""
    stories = []
    for template in templates:
        places = random.Random(f"places-{template.key}").sample(template.countries, template.copies)
        for copy, iso in enumerate(places, start=1):
            rng = random.Random(f"demo-{template.key}-{copy}")
            key = f"{template.key}-{copy}"
            stories.append(
                make_story(
                    template, rng, key=key, country_iso=iso, newsroom=newsroom, age=None, pictures=PICTURE_TOPICS
                )
            )
    # Spread the pictures: each story with a lead image gets the least used of those that suit it.
    used = Counter()
    for story in stories:
        if story.image is not None:
            fitting = [key for key, topics in PICTURE_TOPICS if set(topics) & set(story.topics)]
            story.image = min(fitting or [key for key, _ in PICTURE_TOPICS], key=lambda key: used[key])
            used[story.image] += 1
    slugs = [story.en.slug for story in stories] + [story.es.slug for story in stories]
    if len(set(slugs)) != len(slugs):
        raise ValueError("Two demo stories have the same slug: give their templates' headlines a place slot.")

    rng = random.Random("demo-timeline")
    rng.shuffle(stories)
    news = [story for story in stories if story.section != reference.ORGANIZATION]
    scheduled = news[:SCHEDULED]
    drafts = news[SCHEDULED : SCHEDULED + DRAFTS]
    in_review = news[SCHEDULED + DRAFTS : SCHEDULED + DRAFTS + IN_REVIEW]
    for story in scheduled:
        story.age = -timedelta(hours=rng.uniform(2, 6 * 24))
    for story, status in [*((story, "draft") for story in drafts), *((story, "review") for story in in_review)]:
        story.status = status
    # On the desk's calendar: each draft and piece in review planned for a day of the next two weeks.
    for number, story in enumerate((*drafts, *in_review)):
        story.planned_in = 1 + 2 * number
    # One investigation under embargo, shared with partner outlets, lifting in both languages at once
    # a few days from now (articles/demo/seeding.py gives it its partner links).
    taken = {story.key for story in (*scheduled, *drafts, *in_review)}
    embargoed = next(story for story in news if story.section == "investigations" and story.key not in taken)
    embargoed.status = "embargoed"
    embargoed.age = -EMBARGO_LIFTS_IN
    embargoed.translation_delay = timedelta(0)
    published = [story for story in stories if story.status == "published" and story not in scheduled]
    # The lead story of the home page is news, not the organization's own.
    lead = next(story for story in published if story.section == "briefs")
    published.remove(lead)
    published.insert(0, lead)
    last = len(published) - 1
    for index, story in enumerate(published):
        spread = (OLDEST - NEWEST) * (index / last) ** 1.4
        story.age = NEWEST + spread + (timedelta(minutes=rng.randint(0, 180)) if index else timedelta(0))

    for index, story in enumerate(published):
        _pick_links(story, published[index + 1 :], rng)
    for story in (*scheduled, *drafts, *in_review, embargoed):
        _pick_links(story, published, rng)

    # Corrected some hours or days after going live, and always before now, in both languages.
    older = [story for story in published if story.age > timedelta(days=5) and story.section != reference.ORGANIZATION]
    for number, story in enumerate(rng.sample(older, CORRECTED)):
        delay = timedelta(hours=rng.uniform(3, min(story.age.total_seconds() / 3600 * 0.3, 240)))
        story.corrections.append((number % len(reference.CORRECTIONS), delay))
        if number == 0:
            # One story corrected twice: a correction, then an update a day later.
            story.corrections.append((1, delay + timedelta(days=1)))

    # The translation desk: Spanish versions still in progress, and originals changed since their
    # translation was brought up to date, among published news other than the lead.
    candidates = [story for story in published[1:] if story.section != reference.ORGANIZATION and not story.corrections]
    picks = rng.sample(candidates, translations.IN_PROGRESS + translations.OUTDATED)
    for number, story in enumerate(picks[: translations.IN_PROGRESS]):
        story.translation = "machine" if number == 0 else "draft"
    for number, story in enumerate(picks[translations.IN_PROGRESS :]):
        story.translation, story.update = "outdated", number % len(translations.UPDATES)
    return sorted(stories, key=lambda story: story.age if story.age is not None else timedelta(0))
