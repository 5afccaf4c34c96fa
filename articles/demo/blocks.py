"""Body blocks for the demo: inline figures from the image library, a table, a pull quote, embeds from
several providers and a SEE ALSO inside an analysis, in both languages (articles/blocks.py)."""

TABLE = {
    "en": (
        "<table><tbody><tr><th><p>Year</p></th><th><p>Cocaine seized (tonnes)</p></th>"
        "<th><p>People charged</p></th></tr>"
        "<tr><td><p>2023</p></td><td><p>4.1</p></td><td><p>12</p></td></tr>"
        "<tr><td><p>2024</p></td><td><p>6.8</p></td><td><p>19</p></td></tr>"
        "<tr><td><p>2025</p></td><td><p>9.3</p></td><td><p>31</p></td></tr></tbody></table>"
    ),
    "es": (
        "<table><tbody><tr><th><p>Año</p></th><th><p>Cocaína incautada (toneladas)</p></th>"
        "<th><p>Personas acusadas</p></th></tr>"
        "<tr><td><p>2023</p></td><td><p>4,1</p></td><td><p>12</p></td></tr>"
        "<tr><td><p>2024</p></td><td><p>6,8</p></td><td><p>19</p></td></tr>"
        "<tr><td><p>2025</p></td><td><p>9,3</p></td><td><p>31</p></td></tr></tbody></table>"
    ),
}
PULL_QUOTE = {
    "en": (
        '<aside class="pullquote"><p>“Nothing leaves the terminal unless someone inside looks the other way.”'
        "</p></aside>"
    ),
    "es": (
        '<aside class="pullquote"><p>«Nada sale de la terminal sin que alguien de adentro mire para otro lado».'
        "</p></aside>"
    ),
}
# Links as an editor pastes them; the sanitizer stores each with its provider.
EMBEDS = {
    "youtube": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    "documentcloud": "https://www.documentcloud.org/documents/20059068-the-mueller-report",
    "datawrapper": "https://datawrapper.dwcdn.net/dZnJQ/1/",
    "soundcloud": "https://soundcloud.com/newsroom-demo/episode-12-the-port",
}
# Per demo story (its position among the published stories that have an analysis): what goes after the
# body's first paragraph, and what goes at the end of the analysis.
PLAN = [
    {"body": ["figure", "table", "pullquote"], "analysis": ["see-also", "embed:documentcloud"]},
    {"body": ["figure", "embed:youtube"], "analysis": ["embed:datawrapper", "see-also"]},
    {"body": ["figure", "embed:soundcloud"], "analysis": ["see-also"]},
    {"body": ["figure"], "analysis": []},
]


def block(kind, language, *, image_id, linked_id):
    if kind == "figure":
        return f'<figure data-image="{image_id}"></figure>'
    if kind == "table":
        return TABLE[language]
    if kind == "pullquote":
        return PULL_QUOTE[language]
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
