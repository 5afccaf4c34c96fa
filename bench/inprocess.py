"""The measurements of `make bench` that are taken inside one Django process, on the bench database.

    python -m bench.inprocess targets OUT        what to load: articles, the busiest tag and author, search words
    python -m bench.inprocess queries IN OUT     SQL queries per page, with the page cache as PAGE_CACHE_SECONDS says
    python -m bench.inprocess profile IN OUT     where the time of an uncached page goes
    python -m bench.inprocess hits IN OUT        what a page served from the cache costs next to the bare view

bench/run.py runs these with DJANGO_SETTINGS_MODULE=bench.settings and the environment of the benchmark's server,
Redis included: the page cache reads its content version from Redis when it has it and from the database
otherwise, so a memory cache would count a query that the server does not make. IN and OUT are JSON files, so
that nothing Django logs on standard output can get mixed into the results.
"""

import cProfile
import json
import pstats
import random
import re
import statistics
import sys
import sysconfig
import time
from collections import Counter, defaultdict
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.postgres.search import SearchQuery  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import SEARCH_CONFIGS, Article, ArticleAuthor, TaggedArticle  # noqa: E402

HOST = "127.0.0.1"
# Uncached article loads rotate over this many articles, so that the database is not asked for one hot row.
ROTATION_SIZE = 200
# Search words: the commonest words of this many recent headlines are the candidates...
HEADLINES_SAMPLED = 500
CANDIDATE_WORDS = 12
# ...and the ones that match the most articles are searched for.
SEARCH_WORDS = 8
# Renders timed per page without the profiler, and article renders under it.
TIMED_RENDERS = 20
PROFILED_RENDERS = 50
PROFILE_ROWS = 15
# Requests timed per page, and article requests profiled, when pages come from the cache.
TIMED_HITS = 200
PROFILED_HITS = 500
# The slowest queries of each page, shown in the report.
SLOWEST_QUERIES = 2
SQL_SHOWN = 300

REPO = Path(settings.BASE_DIR).resolve()
SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"]).resolve()
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


# One client for every request: each new one builds the middleware anew, and whitenoise's reads every static file.
client = Client(headers={"host": HOST})


def get(path, **headers):
    """One anonymous GET, as wrk sends it: never a cookie."""
    client.cookies.clear()
    return client.get(path, headers=headers)


# Targets ---------------------------------------------------------------------------------------------------


def targets():
    """The pages to load, from the data itself: the newest English article, a spread of articles in both
    languages, the tag and the author with the most English articles, and English words many articles match."""
    published = Article.objects.published()
    english = published.in_language("en")
    newest = english.select_related("section").order_by("-publish_at", "-pk").first()
    if newest is None:
        raise SystemExit("The bench database has no published English article.")

    # A fixed seed: every run loads the same articles, so runs compare.
    ids = list(published.order_by("pk").values_list("pk", flat=True))
    sample = random.Random(20240101).sample(ids, min(ROTATION_SIZE, len(ids)))
    rotation = [
        article.get_absolute_url() for article in Article.objects.filter(pk__in=sample).select_related("section")
    ]

    tag = (
        TaggedArticle.objects.filter(content_object__in=english)
        .values("tag__slug")
        .annotate(articles=Count("pk"))
        .order_by("-articles", "tag__slug")
        .first()
    )
    author = (
        ArticleAuthor.objects.filter(article__in=english)
        .values("author__slug")
        .annotate(articles=Count("pk"))
        .order_by("-articles", "author__slug")
        .first()
    )
    section = english.order_by().values("section__slug").annotate(articles=Count("pk")).order_by("-articles").first()
    return {
        "articles": Article.objects.count(),
        "section": {"slug": section["section__slug"], "articles": section["articles"]},
        "published": published.count(),
        "article": newest.get_absolute_url(),
        "article_rotation": sorted(rotation),
        "tag": {"slug": tag["tag__slug"], "articles": tag["articles"]},
        "author": {"slug": author["author__slug"], "articles": author["articles"]},
        "search_words": search_words(english),
    }


def search_words(english):
    """Words that many English articles match, most matches first, as [{"word", "articles"}]."""
    headlines = english.order_by("-publish_at").values_list("title", flat=True)[:HEADLINES_SAMPLED]
    words = Counter(word.lower() for title in headlines for word in title.split() if word.isalpha() and len(word) > 4)
    matches = [
        {"word": word, "articles": english.filter(search_vector=SearchQuery(word, config=SEARCH_CONFIGS["en"])).count()}
        for word, _count in words.most_common(CANDIDATE_WORDS)
    ]
    # Stop words match nothing; the rest, most matches first.
    matches = sorted((match for match in matches if match["articles"]), key=lambda match: -match["articles"])
    return matches[:SEARCH_WORDS]


# Queries ---------------------------------------------------------------------------------------------------


def queries(pages):
    """For each page ({"name", "path", "conditional"}): the queries of one request after a first one, which
    both warms the process and, with the page cache on, stores the page. A conditional page is asked for
    again with the ETag of the first answer."""
    counts = {}
    for page in pages:
        first = get(page["path"])
        headers = {}
        if page.get("conditional"):
            if not first.has_header("ETag"):
                counts[page["name"]] = None
                continue
            headers["if-none-match"] = first["ETag"]
        with CaptureQueriesContext(connection) as captured:
            response = get(page["path"], **headers)
        counts[page["name"]] = {
            "queries": len(captured),
            "status": response.status_code,
            "x_cache": response.get("X-Cache"),
        }
    return counts


# Profile ---------------------------------------------------------------------------------------------------


def forget_fragments():
    """Empty the fragment cache (newsroom/fragments.py), as a change to content does."""
    if "redis" in settings.CACHES["default"]["BACKEND"].lower():
        client = cache._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match="*fragment:*", count=1000))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


def cold_renders(paths):
    """The median milliseconds, CPU milliseconds and query count of renders of `paths` right after a change:
    the fragment cache emptied before each one."""
    totals, cpu, counts = [], [], []
    for number in range(TIMED_RENDERS):
        forget_fragments()
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            get(paths[number % len(paths)])
            totals.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        counts.append(len(captured))
    return 1000 * statistics.median(totals), 1000 * statistics.median(cpu), max(counts)


def profile(pages, rotation):
    """Where an uncached page spends its time.

    Each page is rendered TIMED_RENDERS times without a profiler (total, CPU and SQL time per render, as SQL
    time is what the database adds), with the fragments that other renders left in the cache, as renders
    between two changes find them (the article page goes through `rotation`, so its related content is
    mostly not there yet); then TIMED_RENDERS times more, each right after the fragment cache was emptied,
    as the first renders after a change find it; then the article page PROFILED_RENDERS times under
    cProfile, over `rotation`.
    """
    timings = {}
    for page in pages:
        paths = rotation if page["name"] == "article" else [page["path"]]
        for path in paths[:3]:
            get(path)  # templates compiled, connection open
        totals, sql, cpu, counts = [], [], [], []
        # The times of the first, second... query of every render: a view makes its queries in the same order.
        by_position = defaultdict(list)
        for number in range(TIMED_RENDERS):
            with CaptureQueriesContext(connection) as captured:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = get(paths[number % len(paths)])
                totals.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            counts.append(len(captured))
            if response.status_code != 200:
                raise SystemExit(f"{paths[number % len(paths)]} answered {response.status_code} in the profile.")
            sql.append(sum(float(query["time"]) for query in captured.captured_queries))
            for position, query in enumerate(captured.captured_queries):
                by_position[position].append((float(query["time"]), query["sql"]))
        slowest = sorted(
            (
                {"ms": 1000 * statistics.median(seconds for seconds, _sql in runs), "sql": shorten(runs[-1][1])}
                for runs in by_position.values()
            ),
            key=lambda query: -query["ms"],
        )
        cold_ms, cold_cpu_ms, cold_queries = cold_renders(paths)
        timings[page["name"]] = {
            "render_ms": 1000 * statistics.median(totals),
            "cpu_ms": 1000 * statistics.median(cpu),
            "sql_ms": 1000 * statistics.median(sql),
            "queries": max(counts),
            "cold_ms": cold_ms,
            "cold_cpu_ms": cold_cpu_ms,
            "cold_queries": cold_queries,
            "slowest_queries": slowest[:SLOWEST_QUERIES],
        }

    return {"renders": TIMED_RENDERS, "timings": timings, "article": profiled(rotation, PROFILED_RENDERS)}


def hits(pages):
    """What each page costs when it comes from the cache, next to the bare view, and a profile of the article
    page served from the cache. In one process there is no network, no gunicorn and no load generator taking
    turns on the cores: the comparison is steadier than under load, if not the same."""
    if not settings.PAGE_CACHE_SECONDS:
        raise SystemExit("hits needs the page cache on.")
    timings = {}
    for page in pages:
        get(page["path"])  # stored
        seconds = []
        for _ in range(TIMED_HITS):
            started = time.perf_counter()
            response = get(page["path"])
            seconds.append(time.perf_counter() - started)
        timings[page["name"]] = {"ms": 1000 * statistics.median(seconds), "x_cache": response.get("X-Cache")}
    article = next(page["path"] for page in pages if page["name"] == "article")
    return {"requests": TIMED_HITS, "timings": timings, "article": profiled([article], PROFILED_HITS)}


def profiled(paths, requests):
    """`requests` GETs over `paths` under cProfile, summarized."""
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for number in range(requests):
        get(paths[number % len(paths)])
    profiler.disable()
    return summarize(pstats.Stats(profiler), time.perf_counter() - started, requests)


# A join's condition: `JOIN "articles_section" ON (...)` reads as well without it.
JOIN_CONDITION = re.compile(r'(JOIN "\w+"(?: \w+)?) ON \([^()]*\)')


def shorten(sql):
    """A query as the report shows it: every SELECT's list of columns and join's condition elided, cut to
    SQL_SHOWN characters."""
    parts, done = [], 0
    for select in re.finditer(r"\bSELECT ", sql):
        start = select.end()
        if start < done:
            continue  # inside a list already elided
        # The list ends at the FROM of the same level of parentheses (a subquery in the list has its own).
        depth, end = 0, None
        for index in range(start, len(sql)):
            if sql[index] == "(":
                depth += 1
            elif sql[index] == ")":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and sql.startswith(" FROM ", index):
                end = index
                break
        if end is not None and end - start > 40:
            parts += [sql[done:start], "…"]
            done = end
    sql = JOIN_CONDITION.sub(r"\1", "".join([*parts, sql[done:]]))
    return sql if len(sql) <= SQL_SHOWN else sql[: SQL_SHOWN - 1] + "…"


def where(filename):
    """Where a function lives, as (origin, short name): ("library", "django/template/base.py"),
    ("newsroom", "articles/models/queries.py"), ("python", "inspect.py"), or ("builtin", "~") for C functions."""
    if filename.startswith(("<", "~")):
        return "builtin", filename
    path = Path(filename).resolve()
    for origin, root in (("library", SITE_PACKAGES), ("newsroom", REPO), ("python", STDLIB)):
        if path.is_relative_to(root):
            return origin, str(path.relative_to(root))
    return "other", filename


# Libraries' code by area, the first match winning: (area, the starts of the short names).
LIBRARY_AREAS = [
    ("waiting for PostgreSQL (psycopg2's execute and fetch)", ("psycopg2/",)),
    ("Redis client (redis-py, Django's cache)", ("redis/", "django/core/cache/")),
    ("Django ORM (building SQL, making model objects)", ("django/db/",)),
    ("Django templates", ("django/template/", "django/templatetags/")),
    ("Django URLs and translation", ("django/urls/", "django/utils/translation/")),
    ("Django HTTP, middleware and handlers", ("django/core/handlers/", "django/http/", "django/middleware/")),
    ("Django utilities (escaping, dates, text)", ("django/utils/",)),
    ("test client (measurement only)", ("django/test/",)),
    ("Django, other", ("django/",)),
    ("other libraries (taggit, whitenoise, axes…)", ("",)),
]


def area_of(origin, name, function):
    if origin == "builtin":
        # C functions are named by what they belong to: psycopg2's cursor.execute is waiting for PostgreSQL,
        # and Python sockets are only the Redis connection's (psycopg2 has its own, in C).
        if "psycopg2" in function:
            return "waiting for PostgreSQL (psycopg2's execute and fetch)"
        if "socket" in function:
            return "waiting for Redis (sockets)"
        return "Python built-ins (C functions)"
    if origin == "newsroom":
        return "Newsroom code (views, models, middleware, template tags)"
    if origin == "library":
        return next(area for area, prefixes in LIBRARY_AREAS if name.startswith(prefixes))
    return "Python standard library"


def summarize(stats, elapsed, requests):
    """The profile as JSON: own time by area, and the top functions by own and by cumulative time."""
    rows = []
    for (filename, line, function), (_primitive, calls, own, cumulative, _callers) in stats.stats.items():
        origin, name = where(filename)
        label = f"{name}:{line} {function}" if line else function
        area = area_of(origin, name, function)
        rows.append({"function": label, "area": area, "calls": calls, "own": own, "cumulative": cumulative})
    total_own = sum(row["own"] for row in rows) or 1
    areas = defaultdict(float)
    for row in rows:
        areas[row["area"]] += row["own"]

    def per_render(row):
        return {
            "function": row["function"],
            "calls_per_render": row["calls"] / requests,
            "own_ms": 1000 * row["own"] / requests,
            "cumulative_ms": 1000 * row["cumulative"] / requests,
        }

    # The request's own path through the test client, the handler and every middleware holds nearly all of
    # the time and says nothing about what is slow: leave out what holds 95% or more.
    wrappers = 0.95 * total_own
    by_cumulative = [row for row in rows if row["cumulative"] < wrappers]
    return {
        "renders": requests,
        "ms_per_render_profiled": 1000 * elapsed / requests,
        "areas": sorted(
            ({"area": area, "share": own / total_own} for area, own in areas.items()), key=lambda row: -row["share"]
        ),
        "by_own": [per_render(row) for row in sorted(rows, key=lambda row: -row["own"])[:PROFILE_ROWS]],
        "by_cumulative": [
            per_render(row) for row in sorted(by_cumulative, key=lambda row: -row["cumulative"])[:PROFILE_ROWS]
        ],
    }


def main(argv):
    if len(argv) < 2 or argv[0] not in ("targets", "queries", "profile", "hits"):
        raise SystemExit(__doc__)
    command, *files = argv
    if command == "targets":
        result = targets()
    else:
        request = json.loads(Path(files[0]).read_text())
        if command == "queries":
            result = queries(request["pages"])
        elif command == "hits":
            result = hits(request["pages"])
        else:
            result = profile(request["pages"], request["article_rotation"])
    Path(files[-1]).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
