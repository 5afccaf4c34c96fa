"""Body blocks for the demo: inline figures from the image library, a table, a pull quote, embeds from
several providers and a SEE ALSO inside an analysis, in both languages (articles/blocks.py). What they
say, and which stories get which, is in articles/demo/content/blocks.toml.
"""

from django.utils.html import escape

from articles.demo.loader import read

_content = read("blocks.toml")
# Links as an editor pastes them; the sanitizer stores each with its provider.
EMBEDS = dict(_content["embeds"])
# Per demo story (its position among the published stories that have an analysis): what goes after the
# body's first paragraph, and what goes at the end of the analysis.
PLAN = [{"body": list(layout["body"]), "analysis": list(layout["analysis"])} for layout in _content["layouts"]]


def _cells(tag, row):
    return "<tr>" + "".join(f"<{tag}><p>{escape(cell)}</p></{tag}>" for cell in row) + "</tr>"


def table(language):
    """The demo's data table in `language`: its first row is the heading."""
    heading, *rows = _content[language]["table"]
    return f"<table><tbody>{_cells('th', heading)}{''.join(_cells('td', row) for row in rows)}</tbody></table>"


def pull_quote(language):
    return f'<aside class="pullquote"><p>{escape(_content[language]["pull_quote"])}</p></aside>'


def block(kind, language, *, image_id, linked_id):
    if kind == "figure":
        return f'<figure data-image="{image_id}"></figure>'
    if kind == "table":
        return table(language)
    if kind == "pullquote":
        return pull_quote(language)
    if kind == "see-also":
        return f'<aside data-see-also="{linked_id}"></aside>' if linked_id else ""
    provider = kind.split(":", 1)[1]
    return f'<figure data-embed="{provider}" data-url="{EMBEDS[provider]}"></figure>'


def with_blocks(body, analysis, plan, language, *, image_id, linked_id):
    """`body` and `analysis` with the blocks of `plan` placed: after the body's first paragraph, and at
    the end of the analysis."""
    added = "".join(block(kind, language, image_id=image_id, linked_id=linked_id) for kind in plan["body"])
    head, separator, tail = body.partition("</p>")
    body = f"{head}{separator}{added}{tail}" if separator else body + added
    analysis += "".join(block(kind, language, image_id=image_id, linked_id=linked_id) for kind in plan["analysis"])
    return body, analysis
