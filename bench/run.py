"""`make bench`: how many pages a second Newsroom serves at 100,000 articles, with its page cache and without.

In order, it:

1. installs the load generator wrk when it is missing (with apt-get, as root), and checks PostgreSQL and Redis;
2. builds the PostgreSQL database `newsroom_bench` (or BENCH_DATABASE) with `seed_demo --articles 100000` (about
   three minutes), or re-uses it when it already holds that many articles (BENCH_FRESH=1 builds it anew), then
   VACUUM ANALYZE so that the planner knows the tables as it would on a server that has been up for a while;
3. finds the pages to load in the data (bench/inprocess.py): the newest article, 200 articles spread over the
   table, the busiest tag and author, words that many articles match;
4. serves the site twice with gunicorn as production does (gunicorn.conf.py, DEBUG off, Redis as the cache),
   once with the page cache and once with PAGE_CACHE_SECONDS=0, and loads each page with wrk (bench/load.lua),
   next to a bare Django view (bench/urls.py) that returns as many bytes as the article page;
5. then, in one process, counts the SQL queries of every page, rendered and served from the cache, and
   profiles uncached renders;
6. prints the results and writes them, with the machine and the targets, to docs/benchmarks.md.

Settings, from the environment: BENCH_DURATION (seconds per row, 10), BENCH_CONNECTIONS (16), BENCH_THREADS
(wrk threads, 2), BENCH_TIMEOUT (seconds before wrk gives up on a request, 30), BENCH_LONG_DURATION (30) and
BENCH_LONG_CONNECTIONS (200) for the long row, BENCH_ARTICLES (100000), BENCH_DATABASE (newsroom_bench),
BENCH_FRESH=1, BENCH_PORT (a free port), BENCH_REDIS_DB (14, flushed before each server run), and gunicorn's own
WEB_CONCURRENCY and GUNICORN_THREADS.
"""

import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg2
import redis

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
REPORT = ROOT / "docs" / "benchmarks.md"
LOAD_SCRIPT = BENCH / "load.lua"
SERVER_LOG = BENCH / ".gunicorn.log"
BIN = Path(sys.executable).parent

# BENCH_DATABASE: another name, so that two checkouts on one machine do not share (or drop) each other's.
DATABASE = os.environ.get("BENCH_DATABASE", "").strip() or "newsroom_bench"
if not re.fullmatch(r"[a-z_][a-z0-9_]*", DATABASE):
    raise SystemExit(
        f"BENCH_DATABASE must be a plain PostgreSQL name (lowercase letters, digits, _), not {DATABASE!r}."
    )
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
HOST = "127.0.0.1"

# The targets, as ratios to the bare view's requests per second and as milliseconds.
CACHED_TARGET = 0.7
NOT_MODIFIED_TARGET = 0.7
UNCACHED_ARTICLE_TARGET = 0.08
# Rendered in one process without the page cache: median milliseconds and queries at most, per page.
RENDER_TARGET_MS = 8
RENDER_TARGET_QUERIES = 6
RENDER_TARGET_PAGES = ["article", "home", "section", "tag", "author"]
SEARCH_P95_TARGET_MS = 150
SEARCH_TARGET_ARTICLES = 100_000

# The pages, in the order of the table: (name, label).
PAGES = [
    ("bare", "bare view"),
    ("home", "home"),
    ("article", "article"),
    ("section", "section"),
    ("tag", "tag"),
    ("author", "author"),
    ("search", "search"),
    ("feed", "feed"),
]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}.") from None


@dataclass
class Config:
    duration: int = field(default_factory=lambda: env_int("BENCH_DURATION", 10))
    connections: int = field(default_factory=lambda: env_int("BENCH_CONNECTIONS", 16))
    threads: int = field(default_factory=lambda: env_int("BENCH_THREADS", 2))
    timeout: int = field(default_factory=lambda: env_int("BENCH_TIMEOUT", 30))
    long_duration: int = field(default_factory=lambda: env_int("BENCH_LONG_DURATION", 30))
    long_connections: int = field(default_factory=lambda: env_int("BENCH_LONG_CONNECTIONS", 200))
    articles: int = field(default_factory=lambda: env_int("BENCH_ARTICLES", 100_000))
    fresh: bool = field(default_factory=lambda: os.environ.get("BENCH_FRESH", "").strip() in ("1", "true", "yes"))
    port: int = field(default_factory=lambda: env_int("BENCH_PORT", 0) or free_port())
    redis_url: str = field(default_factory=lambda: f"redis://{HOST}:6379/{env_int('BENCH_REDIS_DB', 14)}")
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))

    def environment(self, *, page_cache=True):
        """The environment of every process of the site: production settings, made to serve plain HTTP on
        this machine, with the bare view's URLconf (bench/settings.py)."""
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "false",
            "DATABASE_URL": DATABASE_URL,
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "SITE_URL": f"http://{HOST}:{self.port}",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "REDIS_URL": self.redis_url,
            # No access log: writing a line per request would be measured too.
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            # The benchmark's own static and media folders, so that it never touches the checkout's.
            "STATIC_ROOT": str(BENCH / ".staticfiles"),
            "MEDIA_ROOT": str(BENCH / ".media"),
        }
        if not page_cache:
            env["PAGE_CACHE_SECONDS"] = "0"
        elif env.get("PAGE_CACHE_SECONDS", "").strip() == "0":
            del env["PAGE_CACHE_SECONDS"]
        return env


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def step(message):
    print(f"\n== {message}", flush=True)


# Setting up ------------------------------------------------------------------------------------------------


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        step("Installing wrk")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        raise SystemExit("The benchmark needs the load generator wrk: install it, e.g. sudo apt-get install wrk")


def check_redis(config):
    try:
        redis.Redis.from_url(config.redis_url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        raise SystemExit(
            f"The benchmark needs Redis on {HOST}:6379 ({error}); `make test-services` starts one."
        ) from None


def database_connection(name):
    url = urlsplit(DATABASE_URL)
    try:
        connection = psycopg2.connect(urlunsplit(url._replace(path=f"/{name}")), connect_timeout=5)
    except psycopg2.OperationalError as error:
        raise SystemExit(
            f"The benchmark needs PostgreSQL on {url.hostname}:{url.port} with trust login for {url.username}: {error}"
        ) from None
    connection.autocommit = True
    return connection


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(config, env):
    """The bench database with at least `config.articles` articles, built only when it has fewer."""
    # closing(), not `with connection`: psycopg2 opens a transaction for that even in autocommit mode, and
    # CREATE DATABASE and VACUUM refuse to run inside one.
    with contextlib.closing(database_connection("postgres")) as server, server.cursor() as cursor:
        if config.fresh:
            step(f"Dropping the database {DATABASE} (BENCH_FRESH)")
            # FORCE: a server left over from an interrupted run must not keep it alive.
            cursor.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE DATABASE {DATABASE}")

    step(f"Migrating {DATABASE}")
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    with contextlib.closing(database_connection(DATABASE)) as database, database.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_article")
        (articles,) = cursor.fetchone()
        if articles >= config.articles:
            print(f"Re-using {articles:,} articles (BENCH_FRESH=1 builds the database anew).")
        else:
            step(f"Seeding {config.articles:,} articles (about three minutes for 100,000)")
            manage("seed_demo", "--articles", str(config.articles), env=env)
        # A bulk load leaves the planner without statistics and the visibility map empty, which a server in
        # service never is (autovacuum sees to both): measure that server, not the moment after the load.
        step("VACUUM ANALYZE")
        cursor.execute("VACUUM (ANALYZE)")


def inprocess(command, request, *, env, scratch):
    """Runs `python -m bench.inprocess` and returns its JSON answer."""
    answer = scratch / f"{command}-{secrets.token_hex(4)}.json"
    args = [sys.executable, "-m", "bench.inprocess", command]
    if request is not None:
        question = scratch / f"{command}-question.json"
        question.write_text(json.dumps(request))
        args.append(str(question))
    subprocess.run([*args, str(answer)], cwd=ROOT, env=env, check=True)
    return json.loads(answer.read_text())


# The server ------------------------------------------------------------------------------------------------


class Server:
    """gunicorn serving the site as in production, for one `with` block; stopped however the block ends."""

    def __init__(self, config, env, label):
        self.config, self.env, self.label = config, env, label
        self.process = None

    def __enter__(self):
        # Every run starts from an empty cache, so that nothing stored by an earlier run is measured.
        redis.Redis.from_url(self.config.redis_url).flushdb()
        step(f"Starting gunicorn ({self.label}) on {HOST}:{self.config.port}")
        with socket.socket() as probe:
            if probe.connect_ex((HOST, self.config.port)) == 0:
                # Whatever listens there would answer the health check and take the load.
                raise SystemExit(f"Something already listens on {HOST}:{self.config.port}: choose another BENCH_PORT.")
        self.log = SERVER_LOG.open("a")
        self.log.write(f"\n--- {datetime.datetime.now():%Y-%m-%d %H:%M:%S} {self.label}\n")
        self.log.flush()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "newsroom.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            # Its own session: Ctrl-C reaches this script, which then stops the server in order.
            start_new_session=True,
        )
        try:
            self.wait_until_healthy()
        except BaseException:
            # `with` calls __exit__ only once __enter__ has returned.
            self.__exit__()
            raise
        return self

    def wait_until_healthy(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail(f"gunicorn exited with status {self.process.returncode}")
            try:
                if fetch(self.config.port, "/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        self.fail("/healthz did not answer 200 within 60 seconds")

    def __exit__(self, *exc_info):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def fail(self, message):
        self.log.flush()
        tail = SERVER_LOG.read_text(errors="replace").splitlines()[-30:]
        raise SystemExit(f"{message}. The end of {SERVER_LOG.relative_to(ROOT)}:\n" + "\n".join(tail))

    def workers(self):
        """gunicorn's worker count and threads, as its configuration file works them out from this environment."""
        with mock.patch.dict(os.environ, self.env, clear=True):
            conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        return conf["workers"], conf["threads"]


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def fetch(port, path, headers=None):
    """One GET, without following redirects."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


# Load ------------------------------------------------------------------------------------------------------


@dataclass
class Row:
    key: str  # a page of PAGES, "article-304" or "article-long"
    page: str
    cache: str  # "on" or "off"
    x_cache: str
    result: dict | None  # what bench/load.lua reported; None when the row could not be measured
    queries: dict | None
    baseline: float | None  # the bare view's requests per second in the run just before this row

    @property
    def ratio(self):
        if not (self.result and self.baseline):
            return None
        return self.result["requests_per_second"] / self.baseline


def wrk(config, path, *, connections=None, duration=None, args=(), expect=None):
    """Loads `path` with wrk and returns the JSON that bench/load.lua reports. With `expect`, every answer with
    another status is an error; otherwise every answer that is not a 2xx or 3xx."""
    connections = connections or config.connections
    command = [
        "wrk",
        f"-t{min(config.threads, connections)}",
        f"-c{connections}",
        f"-d{duration or config.duration}s",
        # A request unanswered after this long counts as an error. gunicorn's own limit by default: a slow
        # page then shows in the latency instead of vanishing from it as a timeout.
        "--timeout",
        f"{config.timeout}s",
        "-s",
        str(LOAD_SCRIPT),
        f"http://{HOST}:{config.port}{path}",
        "--",
        *args,
    ]
    # An environment variable, not an argument: the script must know before it starts whether it needs to see
    # every response, which costs wrk time.
    env = {**os.environ, "BENCH_EXPECT": str(expect)} if expect else None
    finished = subprocess.run(command, capture_output=True, text=True, env=env)
    for line in finished.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            result = json.loads(line.removeprefix("BENCH_RESULT "))
            if not result["requests"]:
                # No answer at all: wrk's percentiles of nothing are zeros, which would read as fast.
                result.update(p50_ms=None, p95_ms=None, p99_ms=None)
            return result
    raise SystemExit(f"wrk printed no result for {path}:\n{finished.stdout}{finished.stderr}")


def x_cache(answer):
    return answer.headers.get("X-Cache") or "—"


def load_row(config, label, path, **options):
    """One wrk run, with a line of progress."""
    print(f"  {label:<44}", end="", flush=True)
    result = wrk(config, path, **options)
    # wrk stops with requests still in the workers (seconds' worth for a slow page): let them finish, or the
    # next row would start on a busy server.
    time.sleep(min(config.timeout, (result["p99_ms"] or 0) / 1000) + 0.5)
    print(
        f"{result['requests_per_second']:>9,.1f} req/s   p95 {number(result['p95_ms'], 1):>7} ms   "
        f"errors {result['errors']:,}",
        flush=True,
    )
    return result


def run_server(config, env, *, cached, urls, rotations):
    """One server run: ask for every page twice (the first stores it when the cache is on; the second shows
    what readers get), then load each page right after the bare view, so that each ratio compares two runs
    made under the same conditions. Returns the rows, gunicorn's (workers, threads) and how busy the machine
    was before."""
    mode = "on" if cached else "off"
    # Anything else busy on the machine takes cores from the server: the report says how busy it was.
    busy = cpu_busy()
    with Server(config, env, "page cache on" if cached else "page cache off (PAGE_CACHE_SECONDS=0)") as server:
        samples = {}
        for name, path in urls.items():
            for _ in range(2):
                samples[name] = fetch(config.port, path)
                if samples[name].status != 200:
                    server.fail(f"{path} answered {samples[name].status}, not 200")

        bare_results = []

        def paired(key, label, x_cache_seen, path, **options):
            bare = load_row(config, f"bare view, cache {mode}", urls["bare"])
            bare_results.append(bare)
            result = load_row(config, label, path, **options)
            return Row(key, label.split(", cache")[0], mode, x_cache_seen, result, None, bare["requests_per_second"])

        rows = []
        for name, label in PAGES[1:]:
            rotation = rotations.get(name)
            args = [f"paths={rotation}"] if rotation else []
            note = f" ({len(Path(rotation).read_text().split())} addresses in turn)" if rotation else ""
            rows.append(paired(name, f"{label}, cache {mode}{note}", x_cache(samples[name]), urls[name], args=args))
        if cached:
            etag = samples["article"].headers.get("ETag")
            if etag:
                sample = x_cache(fetch(config.port, urls["article"], {"If-None-Match": etag}))
                # Any answer but a 304 counts as an error on this row (bench/load.lua).
                row = paired(
                    "article-304", "article, 304", sample, urls["article"], args=[f"if-none-match={etag}"], expect=304
                )
                rows.append(row)
            else:
                print("  article, 304: not available, the article page sent no ETag")
                rows.append(Row("article-304", "article, 304", mode, "—", None, None, None))
            # No bare run at 200 connections to compare with: this row is about errors, not speed.
            label = f"article, {config.long_connections} connections, {config.long_duration} s"
            result = load_row(
                config, label, urls["article"], connections=config.long_connections, duration=config.long_duration
            )
            rows.append(Row("article-long", label, mode, x_cache(samples["article"]), result, None, None))
        workers = server.workers()

    # The bare view's row: its median run, the spread of all its runs in `spread`.
    bare_results.sort(key=lambda result: result["requests_per_second"])
    median = bare_results[len(bare_results) // 2]
    bare_row = Row("bare", "bare view", mode, x_cache(samples["bare"]), median, None, median["requests_per_second"])
    spread = (bare_results[0]["requests_per_second"], bare_results[-1]["requests_per_second"], len(bare_results))
    return [bare_row, *rows], workers, busy, spread


def page_size(config, env, path):
    """The byte size of `path` as the server sends it, for the bare view to send as many."""
    with Server(config, env, "measuring the article page") as server:
        answer = fetch(config.port, path)
        if answer.status != 200:
            server.fail(f"{path} answered {answer.status}, not 200")
    return len(answer.body)


# The report ------------------------------------------------------------------------------------------------


# The report ------------------------------------------------------------------------------------------------


def cpu_busy(seconds=3):
    """The share of the machine's CPU time that was in use over `seconds`, from /proc/stat."""

    def sample():
        values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = values[3] + values[4]  # idle and waiting for I/O
        return sum(values), idle

    total_before, idle_before = sample()
    time.sleep(seconds)
    total, idle = sample()
    return 1 - (idle - idle_before) / max(total - total_before, 1)


def machine(config, workers, threads, busy):
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    os_release = Path("/etc/os-release").read_text() if Path("/etc/os-release").exists() else ""
    pretty = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', os_release, re.MULTILINE)
    with contextlib.closing(database_connection(DATABASE)) as database, database.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (postgres,) = cursor.fetchone()
    redis_version = redis.Redis.from_url(config.redis_url).info("server")["redis_version"]
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split()[:2]
    packages = subprocess.run(
        [sys.executable, "-c", "import django, gunicorn; print(django.get_version(), gunicorn.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return [
        ("CPU", model.group(1).strip() if model else platform.processor() or "unknown"),
        ("cores", str(os.cpu_count())),
        ("memory", f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "unknown"),
        ("system", f"{pretty.group(1) if pretty else platform.system()}, Linux {platform.release()}"),
        ("Python", platform.python_version()),
        ("Django", packages[0]),
        ("PostgreSQL", postgres.split()[0]),
        ("Redis", redis_version),
        ("gunicorn", f"{packages[1]}, {workers} workers × {threads} thread{'s' if threads > 1 else ''} (sync)"),
        ("load generator", " ".join(wrk_version) + " on the same machine"),
        (
            "CPU in use by other programs",
            f"{busy['on']:.0%} before the run with the cache, {busy['off']:.0%} before the run without "
            "(measured over 3 s while the benchmark was idle)",
        ),
        ("code", f"commit {commit.stdout.strip() or 'unknown'} and any changes not yet committed"),
        ("date", f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"),
    ]


def number(value, decimals=0):
    return "—" if value is None else f"{value:,.{decimals}f}"


def table(rows):
    """The results as a header and lines of cells."""
    header = ["page", "cache", "X-Cache", "req/s", "ratio to bare", "p50 ms", "p95 ms", "p99 ms", "errors", "queries"]
    lines = []
    for row in rows:
        result = row.result or {}
        rate = result.get("requests_per_second")
        lines.append(
            [
                row.page,
                row.cache,
                row.x_cache,
                number(rate, 1 if rate is not None and rate < 100 else 0),
                number(row.ratio, 3 if row.ratio is not None and row.ratio < 0.1 else 2),
                number(result.get("p50_ms"), 1),
                number(result.get("p95_ms"), 1),
                number(result.get("p99_ms"), 1),
                number(result.get("errors")),
                "—" if row.queries is None else str(row.queries["queries"]),
            ]
        )
    return header, lines


def ratio_check(target, row, minimum, decimals=2):
    """(target, measured, met) for a ratio to bare. Errors fail it: an error page answered fast is no success."""
    if row.result is None:
        return (target, "not available: the page sent no ETag", None)
    errors = row.result["errors"]
    if row.ratio is not None and round(row.ratio, decimals) == minimum:
        decimals += 1  # 0.695 is not 0.70, which would read as met
    measured = f"{number(row.ratio, decimals)} × bare"
    if errors:
        measured += f", {errors:,} errors"
    return (target, measured, row.ratio is not None and row.ratio >= minimum and not errors)


def check_targets(rows, config, articles, profile):
    """Each target as (target, measured, met), met being True, False or None (not measured)."""
    row = {(row.key, row.cache): row for row in rows}
    renders = []
    for name in RENDER_TARGET_PAGES:
        timing = profile["timings"][name]
        measured = (
            f"{timing['render_ms']:.1f} ms ({timing['cpu_ms']:.1f} ms of CPU), {timing['queries']} queries; "
            f"right after a change {timing['cold_ms']:.1f} ms, {timing['cold_queries']} queries"
        )
        if articles < SEARCH_TARGET_ARTICLES:
            measured += f", at only {articles:,} articles"
        renders.append(
            (
                f"uncached {name} ≤ {RENDER_TARGET_MS} ms in one process (median), ≤ {RENDER_TARGET_QUERIES} queries",
                measured,
                timing["render_ms"] <= RENDER_TARGET_MS
                and timing["queries"] <= RENDER_TARGET_QUERIES
                and articles >= SEARCH_TARGET_ARTICLES,
            )
        )
    checks = [
        ratio_check(f"cached {label} ≥ {CACHED_TARGET} × bare", row[name, "on"], CACHED_TARGET)
        for name, label in PAGES[1:]
    ]
    checks.append(
        ratio_check(
            f"304 to If-None-Match ≥ {NOT_MODIFIED_TARGET} × bare, every answer a 304",
            row["article-304", "on"],
            NOT_MODIFIED_TARGET,
        )
    )
    checks.append(
        ratio_check(
            f"uncached article ≥ {UNCACHED_ARTICLE_TARGET} × bare",
            row["article", "off"],
            UNCACHED_ARTICLE_TARGET,
            decimals=3,
        )
    )

    search = row["search", "off"].result
    p95 = search["p95_ms"]
    measured = f"{number(p95)} ms"
    if search["errors"]:
        # Timed-out requests have no latency: p95 alone would leave out the slowest.
        measured += f", {search['errors']:,} errors"
    if articles < SEARCH_TARGET_ARTICLES:
        measured += f", at only {articles:,} articles"
    checks.append(
        (
            f"uncached search p95 ≤ {SEARCH_P95_TARGET_MS} ms at {SEARCH_TARGET_ARTICLES:,} articles",
            measured,
            p95 is not None
            and p95 <= SEARCH_P95_TARGET_MS
            and not search["errors"]
            and articles >= SEARCH_TARGET_ARTICLES,
        )
    )

    checks += renders
    long = row["article-long", "on"].result
    as_asked = config.long_connections >= 200 and config.long_duration >= 30
    measured = f"{long['errors']:,} errors in {long['requests']:,} requests"
    if not as_asked:
        measured += f" with only {config.long_connections} connections for {config.long_duration} s"
    checks.append(("cached article, 200 connections for 30 s, no error", measured, long["errors"] == 0 and as_asked))
    return checks


def mark(met):
    return {True: "✓", False: "✗", None: "–"}[met]


def markdown_table(header, lines):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return "\n".join(out)


def text_table(header, lines):
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines, strict=True)]
    # Words to the left, numbers to the right.
    return "\n".join(
        "  ".join(
            cell.ljust(width) if index < 3 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in [header, *lines]
    )


def area_table(summary):
    lines = ["| where | share of own time |", "|---|---|"]
    lines += [f"| {area['area']} | {area['share']:.0%} |" for area in summary["areas"] if area["share"] >= 0.01]
    return lines


def own_time_table(summary):
    lines = ["| function | calls per request | own ms | cumulative ms |", "|---|---|---|---|"]
    lines += [
        f"| `{row['function']}` | {row['calls_per_render']:g} | {row['own_ms']:.3f} | {row['cumulative_ms']:.3f} |"
        for row in summary["by_own"]
    ]
    return lines


def hits_section(hits):
    """What a page costs served from the cache, next to the bare view, measured in one process."""
    timings = hits["timings"]
    article = hits["article"]
    bare_ms = timings["bare"]["ms"]
    lines = [
        "### Served from the cache",
        "",
        "In one process, through Django's test client, with the server's settings and Redis: the median of "
        f"{hits['requests']} requests for each page once it is stored. Without the network, gunicorn and wrk "
        "sharing the cores, this comparison is steadier than the one under load, though not the same.",
        "",
        "| page | ms per request | ratio to bare | X-Cache |",
        "|---|---|---|---|",
    ]
    for name, label in PAGES:
        timing = timings[name]
        lines.append(f"| {label} | {timing['ms']:.2f} | {bare_ms / timing['ms']:.2f} | {timing['x_cache'] or '—'} |")
    lines += [
        "",
        f"The article page served from the cache, {article['renders']} requests under cProfile "
        f"({article['ms_per_render_profiled']:.2f} ms each under the profiler). Own time by where the code lives:",
        "",
        *area_table(article),
        "",
        "Functions with the most own time per request:",
        "",
        *own_time_table(article),
    ]
    return "\n".join(lines)


def limits_section(profile, hits):
    """What holds the pages back: a page from the cache next to the bare view; then the uncached pages, their
    time in PostgreSQL and their slowest queries, and the profile of the uncached article page."""
    timings = profile["timings"]
    article = profile["article"]
    lines = [
        hits_section(hits),
        "",
        "### Rendered without the cache",
        "",
        "Measured in one process with Django's test client (no network, no gunicorn) and the page cache off, on "
        f"the same database: the median of {profile['renders']} renders of each page (its wall time, the CPU "
        "time of the process in it, and how much went to PostgreSQL: the queries' own times, as Django's cursor "
        "wrapper records them), with the fragment cache (newsroom/fragments.py) as renders between two changes "
        "find it: sections, organization news and teasers there, the related content of each article the "
        "first time it is rendered not (the article row goes through many articles). Then the same renders "
        "right after a change, each with the fragment cache emptied first. Other programs on the machine slow "
        "wall times down; CPU times less so.",
        "",
        "| page | render ms | CPU ms | SQL ms | SQL share | queries | after a change: ms | queries |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, label in PAGES[1:]:
        timing = timings[name]
        share = timing["sql_ms"] / timing["render_ms"]
        lines.append(
            f"| {label} | {timing['render_ms']:.1f} | {timing['cpu_ms']:.1f} | {timing['sql_ms']:.1f} | {share:.0%} "
            f"| {timing['queries']} | {timing['cold_ms']:.1f} | {timing['cold_queries']} |"
        )
    slowest_name, slowest_label = max(PAGES[1:], key=lambda page: timings[page[0]]["render_ms"])
    waiting = [label for name, label in PAGES[1:] if timings[name]["sql_ms"] > 0.5 * timings[name]["render_ms"]]
    lines += [
        "",
        f"The slowest page to render is the {slowest_label} page ({timings[slowest_name]['render_ms']:.0f} ms). "
        + (
            "Every page spends more than half its time waiting for PostgreSQL."
            if len(waiting) == len(PAGES) - 1
            else f"Pages that spend more than half their time waiting for PostgreSQL: {', '.join(waiting)}; the "
            "others spend most of it in Python, in the worker."
            if waiting
            else "Every page spends most of its time in Python, in the worker, rather than waiting for PostgreSQL."
        ),
        "",
        "The slowest queries of each page (median over the renders; column lists elided):",
        "",
        "| page | ms | query |",
        "|---|---|---|",
    ]
    for name, label in PAGES[1:]:
        for query in timings[name]["slowest_queries"]:
            sql = query["sql"].replace("|", "\\|")
            lines.append(f"| {label} | {query['ms']:.1f} | `{sql}` |")
    lines += [
        "",
        f"The uncached article page under cProfile, {article['renders']} renders over the same articles "
        f"({article['ms_per_render_profiled']:.1f} ms each under the profiler, which slows every Python call down: "
        "the shares say more than the milliseconds). Own time by where the code lives:",
        "",
        *area_table(article),
    ]
    lines += [
        "",
        "Functions with the most cumulative time per request (leaving out the request's path through the test "
        "client, the handler and the middleware, which holds nearly all of it):",
        "",
        "| function | calls per request | cumulative ms | own ms |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| `{row['function']}` | {row['calls_per_render']:g} | {row['cumulative_ms']:.2f} | {row['own_ms']:.2f} |"
        for row in article["by_cumulative"]
    ]
    lines += ["", "Functions with the most own time per request:", "", *own_time_table(article)]
    return "\n".join(lines)


def write_report(*, config, rows, checks, machine_rows, data, profile, hits, spreads):
    header, lines = table(rows)
    words = ", ".join(f"“{word['word']}” ({word['articles']:,})" for word in data["search_words"])
    machine_table = "\n".join(f"| {name} | {value} |" for name, value in machine_rows)
    target_table = "\n".join(f"| {target} | {measured} | {mark(met)} |" for target, measured, met in checks)
    bare_runs = "; ".join(
        f"cache {mode}: {count} runs from {low:,.0f} to {high:,.0f} req/s"
        for mode, (low, high, count) in spreads.items()
    )
    REPORT.write_text(f"""# Benchmarks

<!-- Written by `make bench` (bench/run.py): the next run replaces this whole file. -->

How many reader pages a second one server delivers at {data["articles"]:,} articles, from the full-page cache
and rendered anew, next to a bare Django view: the ratio to the bare view says how close a page comes to the
least that gunicorn, Django and our middleware cost for an answer of the same size.

## Running it

```sh
make bench
```

It needs PostgreSQL on 127.0.0.1:5432 where the user `postgres` logs in without a password, Redis on
127.0.0.1:6379, and `wrk` (installed with apt-get when it is missing and `make bench` runs as root). The first
run builds the database `{DATABASE}` with `seed_demo --articles 100000` (about three minutes); later runs re-use
it. A run takes about seven minutes (ten the first time), prints the table and writes this file.

| variable | default | |
|---|---|---|
| `BENCH_DURATION` | `10` | seconds of load per row |
| `BENCH_CONNECTIONS` | `16` | open connections per row |
| `BENCH_THREADS` | `2` | wrk threads |
| `BENCH_TIMEOUT` | `30` | seconds before wrk counts an unanswered request as an error |
| `BENCH_LONG_DURATION`, `BENCH_LONG_CONNECTIONS` | `30`, `200` | the long row on the cached article |
| `BENCH_ARTICLES` | `100000` | articles in the database (fewer for a quick try; the search target needs 100,000) |
| `BENCH_DATABASE` | `newsroom_bench` | the PostgreSQL database to build and load (one per checkout on a shared host) |
| `BENCH_FRESH` | | `1` drops `{DATABASE}` and builds it again |
| `BENCH_PORT` | a free port | where gunicorn listens |
| `BENCH_REDIS_DB` | `14` | the Redis database that serves as the cache, emptied before each server run |
| `WEB_CONCURRENCY`, `GUNICORN_THREADS` | see `gunicorn.conf.py` | gunicorn's workers and threads |

## How it measures

- **The server** is gunicorn with the project's `gunicorn.conf.py` and production settings (`DEBUG` off,
  hashed static files, Redis as the cache), serving plain HTTP without an access log. It runs twice: with the
  page cache, then with `PAGE_CACHE_SECONDS=0`. `bench/settings.py` only adds the bare view's address.
- **The bare view** (`/bench/bare/<size>/`, in `bench/urls.py`) answers with as many bytes as the article page
  ({data["article_bytes"]:,}) through the same middleware, with no database, template or cache behind it (it is
  marked `never_cache`). It is loaded right before each page, on the same server, and the page's ratio is to
  that run, so that both saw the machine in the same state.
- **The pages**: the home page, the newest English article, the section, the tag and the author with the most
  English articles (`/news/{data["section"]["slug"]}/`, {data["section"]["articles"]:,} articles,
  `/tags/{data["tag"]["slug"]}/`, {data["tag"]["articles"]:,}, and
  `/authors/{data["author"]["slug"]}/`, {data["author"]["articles"]:,}), search, and the RSS feed. With the cache,
  each is one address, asked for before the load. Without it, the article row goes through
  {len(data["article_rotation"])} articles spread over the table, in both languages, and the search row through the
  words {words} (matching articles in brackets), so that the database is not answering for one hot row.
- **The load**: `wrk -t{config.threads} -c{config.connections} -d{config.duration}s --timeout {config.timeout}s` per
  row, with `bench/load.lua`, which reports requests per second, latency percentiles and errors: connect, read,
  write and timeout errors, plus every answer that is not a 2xx or 3xx (on the 304 row, every answer but a 304).
  The timeout is gunicorn's own, so that a slow page shows in the latency rather than dropping out of it.
  wrk runs on the same machine and takes its share of the cores.
- **X-Cache** is the header of the second request for the page, after the one that warms it (`—`: no header).
- **Queries** are counted in one process with Django's test client and `CaptureQueriesContext`, with the
  server's settings, database and Redis: for a cached row, the queries of a request served from the cache (the
  304 row: a request with the page's ETag); for an uncached row, those of one render.
- **The database** holds {data["articles"]:,} articles ({data["published"]:,} published) from `seed_demo`,
  vacuumed and analyzed as autovacuum keeps a database in service.

## The machine

| | |
|---|---|
{machine_table}

## Results

{markdown_table(header, lines)}

The bare view ran right before every page row, and each ratio is to that run: the bare view's row shows its
median run ({bare_runs}). Where those differ much, something else on the machine was taking its cores.

## Targets

| target | measured | met |
|---|---|---|
{target_table}

## What limits it

{limits_section(profile, hits)}
""")


# Everything ------------------------------------------------------------------------------------------------


def stop_on_signal(signum, _frame):
    # An exception, so that the `with Server` blocks stop gunicorn on the way out.
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)
    config = Config()
    if min(config.connections, config.long_connections, config.duration, config.long_duration, config.threads) < 1:
        raise SystemExit("BENCH_CONNECTIONS, BENCH_DURATION, their LONG forms and BENCH_THREADS must be at least 1.")
    ensure_wrk()
    check_redis(config)
    SERVER_LOG.write_text("")  # the log of this run only
    env_cached = config.environment(page_cache=True)
    env_uncached = config.environment(page_cache=False)

    prepare_database(config, env_uncached)
    step("Collecting static files")
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env_uncached)

    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as scratch_name:
        scratch = Path(scratch_name)
        step("Finding the pages to load")
        data = inprocess("targets", None, env=env_uncached, scratch=scratch)
        data["article_bytes"] = page_size(config, env_uncached, data["article"])
        urls = {
            "bare": f"/bench/bare/{data['article_bytes']}/",
            "home": "/",
            "article": data["article"],
            "section": f"/news/{data['section']['slug']}/",
            "tag": f"/tags/{data['tag']['slug']}/",
            "author": f"/authors/{data['author']['slug']}/",
            "search": f"/search/?q={quote(data['search_words'][0]['word'])}",
            "feed": "/feed/",
        }
        for name, path in urls.items():
            print(f"  {name:<8}{path}")
        # Without the cache, the article and search rows go through many addresses (bench/load.lua).
        rotations = {"article": scratch / "articles.txt", "search": scratch / "searches.txt"}
        rotations["article"].write_text("\n".join(data["article_rotation"]) + "\n")
        rotations["search"].write_text(
            "\n".join(f"/search/?q={quote(word['word'])}" for word in data["search_words"]) + "\n"
        )

        step(f"Load: {config.duration} s and {config.connections} connections a row")
        cached_rows, (workers, threads), busy_on, spread_on = run_server(
            config, env_cached, cached=True, urls=urls, rotations={}
        )
        uncached_rows, _, busy_off, spread_off = run_server(
            config, env_uncached, cached=False, urls=urls, rotations=rotations
        )

        # In one process, after the load so that nothing else competes for the cores, with the same cache.
        step("Counting the queries of each page")
        pages = [{"name": name, "path": path} for name, path in urls.items()]
        pages.append({"name": "article-304", "path": urls["article"], "conditional": True})
        queries = {}
        for mode, env in (("on", env_cached), ("off", env_uncached)):
            redis.Redis.from_url(config.redis_url).flushdb()
            queries[mode] = inprocess("queries", {"pages": pages}, env=env, scratch=scratch)
        step("Timing pages served from the cache, next to the bare view")
        redis.Redis.from_url(config.redis_url).flushdb()
        hits = inprocess("hits", {"pages": pages[:-1]}, env=env_cached, scratch=scratch)
        step("Profiling uncached renders")
        profile = inprocess(
            "profile",
            {"pages": pages[1:-1], "article_rotation": data["article_rotation"]},
            env=env_uncached,
            scratch=scratch,
        )
        redis.Redis.from_url(config.redis_url).flushdb()

    # Each page with the cache and then without; then the rows only the cached server has.
    rows = []
    for name, _label in PAGES:
        rows += [row for row in cached_rows + uncached_rows if row.key == name]
    rows += [row for row in cached_rows if row.key not in dict(PAGES)]
    for row in rows:
        row.queries = queries[row.cache].get("article" if row.key == "article-long" else row.key)
    checks = check_targets(rows, config, data["articles"], profile)
    write_report(
        config=config,
        rows=rows,
        checks=checks,
        machine_rows=machine(config, workers, threads, {"on": busy_on, "off": busy_off}),
        data=data,
        profile=profile,
        hits=hits,
        spreads={"on": spread_on, "off": spread_off},
    )

    step(f"Results: {data['articles']:,} articles, {workers} gunicorn workers")
    print(text_table(*table(rows)))
    print()
    for target, measured, met in checks:
        print(f"  {mark(met)} {target}: {measured}")
    print(f"\nWritten to {REPORT.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
