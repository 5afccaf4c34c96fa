"""How long `manage.py import_wordpress` takes on a large archive, and a second run of it.

    .venv/bin/python bench/wordpress_import.py [--posts 20000] [--database-url postgres://…/newsroom_wpbench]

Writes a WordPress export of `--posts` posts (half English, half Spanish, every English post paired with a
Spanish one through Polylang; 12 categories, 300 tags, 25 authors; each post 500 to 900 words of classic
editor markup with headings, lists, links to other posts, a caption shortcode and an embed), then on a new
database (SQLite in a temporary folder by default; with --database-url, that PostgreSQL database, emptied
first) runs the migrations, the import without pictures, and the import again (which must change nothing),
and prints the seconds of each. Pictures are left out: fetching them depends on the old site, not on us.
"""

import argparse
import itertools
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

BASE_DIR = Path(__file__).resolve().parents[1]
SITE = "https://archive.newsroom.example"
# A few real words of each language, over which vocabulary() adds made-up ones.
PROSE = (
    "the gang charges drivers every week at the depot gate and the police say they have no complaint on file "
    "prosecutors opened a case after the ledgers were seized in a raid on a house near the border crossing "
    "la pandilla cobra a los choferes cada semana en el portón de la terminal y la policía dice que no hay "
    "denuncias los fiscales abrieron un caso tras el decomiso de los libros contables en una casa cercana"
)
WORDS = PROSE.split()
SYLLABLES = "ba be ca co da de fa ga la lo ma me na no pa pe ra re sa se ta te va ve ri mi so tu"


def vocabulary(rng, size=6000):
    """Made-up words over the real ones, used as a language uses its words: a few very often, most rarely."""
    syllables = SYLLABLES.split()
    made_up = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    words = WORDS + sorted(made_up)
    return words, list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))


VOCABULARY, CUMULATIVE_WEIGHTS = vocabulary(random.Random(1))


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def paragraph(rng, words):
    text = " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE_WEIGHTS, k=words))
    return text[0].upper() + text[1:] + "."


def body(rng, post_id, posts):
    parts = []
    for number in range(rng.randint(8, 14)):
        parts.append(paragraph(rng, rng.randint(45, 70)))
        if number == 2:
            other = rng.randint(1, posts)
            parts.append(f'As we reported <a href="{SITE}/?p={other}">earlier</a>, the <strong>payments</strong> grew.')
        if number == 4:
            parts.append(f"<h2>{paragraph(rng, 5)}</h2>")
        if number == 6:
            parts.append("<ul>\n<li>" + "</li>\n<li>".join(paragraph(rng, 8) for _ in range(3)) + "</li>\n</ul>")
        if number == 8 and post_id % 10 == 0:
            parts.append("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return "\n\n".join(parts)


def write_export(path, posts, seed=20):
    rng = random.Random(seed)
    categories = [(f"section-{n}", f"Section {n}", f"seccion-{n}", f"Sección {n}") for n in range(6)]
    tags = [(f"topic-{n}", f"Topic {n}") for n in range(150)] + [(f"tema-{n}", f"Tema {n}") for n in range(150)]
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Archive</title><link>{SITE}</link><language>en-US</language>"
            f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for n in range(25):
            out.write(
                f"<wp:author><wp:author_id>{n + 1}</wp:author_id><wp:author_login>{cdata(f'writer{n}')}"
                f"</wp:author_login><wp:author_display_name>{cdata(f'Writer Number {n}')}</wp:author_display_name>"
                "</wp:author>\n"
            )
        term_id = 100
        for en_slug, en_name, es_slug, es_name in categories:
            group = 'a:2:{s:2:"en";i:%d;s:2:"es";i:%d;}' % (term_id, term_id + 1)  # noqa: UP031 - PHP's braces
            out.write(
                f"<wp:category><wp:term_id>{term_id}</wp:term_id><wp:category_nicename>{en_slug}"
                f"</wp:category_nicename><wp:cat_name>{cdata(en_name)}</wp:cat_name></wp:category>\n"
                f"<wp:category><wp:term_id>{term_id + 1}</wp:term_id><wp:category_nicename>{es_slug}"
                f"</wp:category_nicename><wp:cat_name>{cdata(es_name)}</wp:cat_name></wp:category>\n"
                f"<wp:term><wp:term_id>{term_id + 2}</wp:term_id><wp:term_taxonomy>term_translations"
                f"</wp:term_taxonomy><wp:term_slug>pll_c{term_id}</wp:term_slug><wp:term_description>"
                f"{cdata(group)}</wp:term_description>"
                "</wp:term>\n"
            )
            term_id += 3
        for slug, name in tags:
            out.write(f"<wp:tag><wp:tag_slug>{slug}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n")
        for post_id in range(1, posts + 1):
            english = post_id % 2 == 1
            pair = (post_id + 1) // 2
            category = categories[pair % len(categories)]
            slug = f"story-{pair}" if english else f"nota-{pair}"
            date = f"20{10 + pair % 14:02d}-{1 + pair % 12:02d}-{1 + pair % 28:02d} 1{pair % 10}:00:00"
            language = "en" if english else "es"
            topic_slugs = {rng.randrange(150) for _ in range(3)}
            terms = "".join(
                f'<category domain="post_tag" nicename="{"topic" if english else "tema"}-{n}">'
                f"{cdata(('Topic ' if english else 'Tema ') + str(n))}</category>"
                for n in sorted(topic_slugs)
            )
            title = escape(paragraph(rng, rng.randint(6, 12)))
            out.write(
                f"<item><title>{title}</title><link>{SITE}/{'' if english else 'es/'}{date[:10].replace('-', '/')}/"
                f"{slug}/</link><dc:creator>{cdata(f'writer{pair % 25}')}</dc:creator>"
                f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>'
                f"<content:encoded>{cdata(body(rng, post_id, posts))}</content:encoded>"
                f"<excerpt:encoded>{cdata(paragraph(rng, 20))}</excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date>"
                f"<wp:post_date_gmt>{date}</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>"
                f"<wp:status>{'draft' if pair % 50 == 0 else 'publish'}</wp:status>"
                "<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>"
                f'<category domain="category" nicename="{category[0] if english else category[2]}">'
                f"{cdata(category[1] if english else category[3])}</category>{terms}"
                f'<category domain="language" nicename="{language}">{language}</category>'
                f'<category domain="post_translations" nicename="pll_{pair}">pll_{pair}</category>'
                "</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def manage(env, *args):
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--database-url", help="A PostgreSQL database to use (emptied first).")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsroom-wpbench-") as folder:
        export = Path(folder) / "export.xml"
        started = time.monotonic()
        write_export(export, options.posts)
        size = export.stat().st_size / 1_000_000
        print(f"Wrote an export of {options.posts:,} posts ({size:.0f} MB) in {time.monotonic() - started:.1f}s.")
        env = {
            **os.environ,
            "DEBUG": "true",
            "MEDIA_ROOT": str(Path(folder) / "media"),
            "DATABASE_URL": options.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
        }
        manage(env, "migrate", "--noinput")
        if options.database_url:
            manage(env, "flush", "--noinput")
        first = manage(env, "import_wordpress", str(export), "--no-images")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"Import: {first:.1f}s ({options.posts / first:,.0f} posts a second), at most {peak:,.0f} MB in memory.")
        second = manage(env, "import_wordpress", str(export), "--no-images")
        print(f"Second run (changes nothing): {second:.1f}s.")


if __name__ == "__main__":
    main()
