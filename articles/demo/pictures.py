"""The demo's lead images and author portraits, drawn with Pillow: illustrated maps and abstract pieces.
What each picture shows and says (style, palette, topics, alt text and caption in both languages) is in
articles/demo/content/pictures.toml.

Each picture is drawn from a fixed seed, so a key always gives the same image. Smooth fields are computed
on a small grid and enlarged (cheap and soft); lines and shapes are drawn at twice the size and reduced,
which antialiases them.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageMath, ImageOps

from articles.demo.loader import read

SIZE = (1600, 900)
PORTRAIT_SIZE = (600, 600)
JPEG_QUALITY = 84


@dataclass(frozen=True)
class Picture:
    key: str
    style: str
    palette: tuple  # colors the style draws with, darkest first
    topics: tuple  # topic keys of the stories it suits
    alt: str
    caption: str
    alt_es: str
    caption_es: str


_content = read("pictures.toml")
# Dark, middle and light tones (and an accent) of a few palettes that sit well together on the site.
PALETTES = {name: tuple(colors) for name, colors in _content["palettes"].items()}
PICTURES = [
    Picture(
        key=picture["key"],
        style=picture["style"],
        palette=PALETTES[picture["palette"]],
        topics=tuple(picture["topics"]),
        alt=picture["en"]["alt"],
        caption=picture["en"]["caption"],
        alt_es=picture["es"]["alt"],
        caption_es=picture["es"]["caption"],
    )
    for picture in _content["pictures"]
]
# Author portraits take these palettes in turn; their alt text names the person ({name}).
PORTRAIT_PALETTES = tuple(PALETTES[name] for name in _content["portraits"]["palettes"])
PORTRAIT_ALT = {language: _content["portraits"][language]["alt"] for language in ("en", "es")}
# Every picture's credit, naming the newsroom ({newsroom}).
CREDIT = {language: _content["credit"][language] for language in ("en", "es")}

PICTURE_TOPICS = [(picture.key, picture.topics) for picture in PICTURES]


def _rgb(color):
    return tuple(int(color[index : index + 2], 16) for index in (1, 3, 5))


def _field(rng, *, bumps=10, grid=(48, 27), size=SIZE):
    """A smooth random height field over the picture, from 0 to 255: (greyscale image, float image).

    The float copy gives smooth contour lines, where 256 grey levels would draw them as steps.
    """
    columns, rows = grid
    hills = [
        (
            rng.uniform(-0.1, 1.1) * columns,
            rng.uniform(-0.1, 1.1) * rows,
            rng.uniform(0.06, 0.23) * columns,
            rng.uniform(-0.8, 1.3),
        )
        for _ in range(bumps)
    ]
    values = []
    for y in range(rows):
        for x in range(columns):
            height = 0.0
            for hx, hy, radius, weight in hills:
                height += weight * math.exp(-((x - hx) ** 2 + (y - hy) ** 2) / (2 * radius * radius))
            values.append(height)
    low, high = min(values), max(values)
    small = Image.new("F", grid)
    small.putdata([255 * (value - low) / (high - low or 1) for value in values])
    heights = small.resize(size, Image.Resampling.BICUBIC)
    return heights.convert("L"), heights


def _contours(heights, step, *, offset=0, width=1.6):
    """A mask of the contour lines of the float field `heights`, one every `step` levels."""
    lines = ImageMath.lambda_eval(
        lambda names: names["convert"]((((names["h"] + offset) % step) < width) * 255, "L"), h=heights
    )
    return lines.filter(ImageFilter.SMOOTH)


def _paint(base, mask, color, opacity=255):
    """`base`, with `color` laid over it where `mask` is set, at `opacity`."""
    if opacity < 255:
        mask = mask.point([value * opacity // 255 for value in range(256)])
    base.paste(_rgb(color), (0, 0, *base.size), mask)
    return base


class _Ink:
    """Shapes drawn on a mask at twice the size, then reduced: antialiased without a slow renderer."""

    def __init__(self):
        self.mask = Image.new("L", (SIZE[0] * 2, SIZE[1] * 2))
        self.draw = ImageDraw.Draw(self.mask)

    def line(self, points, width, *, dash=None):
        points = [(x * 2, y * 2) for x, y in points]
        if dash is None:
            self.draw.line(points, fill=255, width=width * 2, joint="curve")
            return
        on, off = dash
        for start, end in zip(points, points[1:], strict=False):
            length = math.dist(start, end)
            position = 0.0
            while position < length:
                stop = min(position + on * 2, length)
                first = [start[i] + (end[i] - start[i]) * position / length for i in (0, 1)]
                last = [start[i] + (end[i] - start[i]) * stop / length for i in (0, 1)]
                self.draw.line([tuple(first), tuple(last)], fill=255, width=width * 2)
                position += (on + off) * 2

    def dot(self, center, radius):
        x, y = center[0] * 2, center[1] * 2
        self.draw.ellipse([x - radius * 2, y - radius * 2, x + radius * 2, y + radius * 2], fill=255)

    def ring(self, center, radius, width):
        x, y = center[0] * 2, center[1] * 2
        box = [x - radius * 2, y - radius * 2, x + radius * 2, y + radius * 2]
        self.draw.ellipse(box, outline=255, width=width * 2)

    def rectangle(self, box):
        self.draw.rectangle([value * 2 for value in box], fill=255)

    def reduced(self):
        return self.mask.resize(SIZE, Image.Resampling.BOX)


def _curve(rng, start, end, *, bend=0.25, steps=40):
    """A gently bending path from `start` to `end`."""
    (x0, y0), (x1, y1) = start, end
    normal = (-(y1 - y0), x1 - x0)
    lift = rng.uniform(-bend, bend)
    wobble = rng.uniform(0, math.tau)
    points = []
    for index in range(steps + 1):
        t = index / steps
        arc = math.sin(math.pi * t) * lift + 0.03 * math.sin(3 * math.pi * t + wobble)
        points.append((x0 + (x1 - x0) * t + normal[0] * arc, y0 + (y1 - y0) * t + normal[1] * arc))
    return points


def _edge_point(rng):
    width, height = SIZE
    side = rng.randrange(4)
    if side == 0:
        return (rng.uniform(0, width), -20)
    if side == 1:
        return (width + 20, rng.uniform(0, height))
    if side == 2:
        return (rng.uniform(0, width), height + 20)
    return (-20, rng.uniform(0, height))


def _terrain(rng, palette):
    dark, middle, light, accent = palette
    field, heights = _field(rng, bumps=14)
    image = ImageOps.colorize(field, black=dark, white=light, mid=middle)
    image = _paint(image, _contours(heights, 12), dark, 110)
    image = _paint(image, _contours(heights, 48, offset=6), dark, 200)
    ink = _Ink()
    stops = [(rng.uniform(150, 450), rng.uniform(150, 750)), (rng.uniform(650, 950), rng.uniform(150, 750))]
    stops.append((rng.uniform(1150, 1450), rng.uniform(150, 750)))
    for start, end in zip(stops, stops[1:], strict=False):
        ink.line(_curve(rng, start, end), 5, dash=(14, 12))
    for stop in stops:
        ink.dot(stop, 14)
    return _paint(image, ink.reduced(), accent)


def _coast(rng, palette):
    dark, middle, light, accent = palette
    field, heights = _field(rng, bumps=9)
    # Land where the field is high, sea below; a shore band between the two.
    sea = ImageOps.colorize(field, black=dark, white=middle)
    land = ImageOps.colorize(field, black=light, white=middle, mid=light)
    shore = field.point([255 if level > 128 else 0 for level in range(256)]).filter(ImageFilter.GaussianBlur(1))
    image = Image.composite(land, sea, shore)
    image = _paint(image, _contours(heights, 16, offset=8), light, 60)
    ink = _Ink()
    port = (rng.uniform(500, 1100), rng.uniform(300, 600))
    for _ in range(4):
        ink.line(_curve(rng, _edge_point(rng), port, bend=0.3), 4, dash=(18, 14))
    ink.dot(port, 16)
    image = _paint(image, ink.reduced(), accent)
    ring = _Ink()
    ring.ring(port, 34, 3)
    return _paint(image, ring.reduced(), accent, 160)


def _river(rng, palette):
    dark, middle, light, water = palette
    field, heights = _field(rng, bumps=16)
    image = ImageOps.colorize(field, black=dark, white=light, mid=middle)
    image = _paint(image, _contours(heights, 20), dark, 70)
    width, height = SIZE
    trunk = _curve(rng, (-20, rng.uniform(200, 700)), (width + 20, rng.uniform(200, 700)), bend=0.2, steps=80)
    streams = [(trunk, 26)]
    for _ in range(4):
        joint = trunk[rng.randrange(15, 65)]
        source = (joint[0] + rng.uniform(-300, 300), rng.choice((-20, height + 20)))
        streams.append((_curve(rng, source, joint, bend=0.25), 9))
    banks, water_ink = _Ink(), _Ink()
    for path, stream_width in streams:
        banks.line(path, stream_width + 8)
        water_ink.line(path, stream_width)
    image = _paint(image, banks.reduced(), light, 150)
    return _paint(image, water_ink.reduced(), water)


def _night(rng, palette):
    dark, middle, light, lights = palette
    field, _ = _field(rng, bumps=8)
    image = ImageOps.colorize(field, black=dark, white=middle)
    width, height = SIZE
    streets = _Ink()
    angle = rng.uniform(-0.25, 0.25)
    spacing = rng.uniform(70, 110)
    for index in range(-12, 30):
        offset = index * spacing
        streets.line([(offset, -50), (offset + math.tan(angle) * (height + 100), height + 50)], 3)
        streets.line([(-50, offset), (width + 50, offset - math.tan(angle) * (width + 100))], 3)
    for _ in range(3):
        streets.line(_curve(rng, _edge_point(rng), _edge_point(rng), bend=0.2), 9)
    image = _paint(image, streets.reduced(), light, 70)
    glow, sparks = _Ink(), _Ink()
    for _ in range(140):
        center = (rng.uniform(0, width), rng.uniform(0, height))
        glow.dot(center, rng.uniform(8, 22))
        sparks.dot(center, rng.uniform(1.5, 4))
    image = _paint(image, glow.reduced().filter(ImageFilter.BoxBlur(12)), lights, 150)
    return _paint(image, sparks.reduced(), lights)


def _bars(rng, palette):
    dark, middle, light, accent = palette
    field, _ = _field(rng, bumps=5)
    glow = ImageOps.colorize(field, black=light, white=accent)
    image = Image.blend(Image.new("RGB", SIZE, _rgb(light)), glow, 0.35)
    width, height = SIZE
    shadows, bars = _Ink(), _Ink()
    gap = rng.uniform(120, 170)
    lean = rng.uniform(120, 260)
    x = rng.uniform(40, 90)
    while x < width:
        shadows.draw.polygon(
            [(x * 2, 0), ((x + 26) * 2, 0), ((x + 26 + lean) * 2, height * 2), ((x + lean) * 2, height * 2)], fill=255
        )
        bars.rectangle((x, 0, x + 26, height))
        x += gap
    bars.rectangle((0, height * 0.12, width, height * 0.12 + 22))
    image = _paint(image, shadows.reduced().filter(ImageFilter.BoxBlur(6)), middle, 90)
    return _paint(image, bars.reduced(), dark, 235)


def _ledger(rng, palette):
    dark, middle, light, accent = palette
    field, _ = _field(rng, bumps=4)
    image = ImageOps.colorize(field, black=light, white=light, mid=middle).filter(ImageFilter.BoxBlur(4))
    image = Image.blend(Image.new("RGB", SIZE, _rgb(light)), image, 0.35)
    width, height = SIZE
    grid = _Ink()
    for x in range(0, width, 80):
        grid.line([(x, 0), (x, height)], 1)
    for y in range(0, height, 80):
        grid.line([(0, y), (width, y)], 1)
    image = _paint(image, grid.reduced(), middle, 90)
    for color, thickness in ((dark, 6), (accent, 5), (middle, 4)):
        series = _Ink()
        level = rng.uniform(250, 650)
        points = []
        for x in range(-20, width + 60, 60):
            level = min(max(level + rng.uniform(-70, 70), 120), height - 120)
            points.append((x, level))
        series.line(points, thickness)
        for point in rng.sample(points, 4):
            series.dot(point, thickness * 2.2)
        image = _paint(image, series.reduced(), color)
    bubbles = _Ink()
    for _ in range(7):
        bubbles.dot((rng.uniform(100, width - 100), rng.uniform(100, height - 100)), rng.uniform(30, 90))
    return _paint(image, bubbles.reduced(), accent, 70)


def _border(rng, palette):
    dark, middle, light, accent = palette
    field, heights = _field(rng, bumps=12)
    width, height = SIZE
    line = _curve(rng, (rng.uniform(500, 1100), -20), (rng.uniform(500, 1100), height + 20), bend=0.15, steps=60)
    side = _Ink()
    side.draw.polygon([(x * 2, y * 2) for x, y in [*line, (width + 20, height + 20), (width + 20, -20)]], fill=255)
    left = ImageOps.colorize(field, black=middle, white=light)
    right = ImageOps.colorize(field, black=dark, white=middle, mid=middle)
    image = Image.composite(right, left, side.reduced())
    image = _paint(image, _contours(heights, 24), dark, 60)
    border = _Ink()
    border.line(line, 6, dash=(22, 14))
    image = _paint(image, border.reduced(), light)
    routes = _Ink()
    for _ in range(3):
        crossing = line[rng.randrange(10, 50)]
        routes.line(_curve(rng, (rng.uniform(-20, 300), rng.uniform(0, height)), crossing, bend=0.3), 5)
        routes.line(_curve(rng, crossing, (width + 20, rng.uniform(0, height)), bend=0.3), 5)
        routes.dot(crossing, 13)
    return _paint(image, routes.reduced(), accent)


def _pages(rng, palette):
    dark, middle, light, accent = palette
    field, _ = _field(rng, bumps=5)
    image = ImageOps.colorize(field, black=dark, white=middle)
    width, height = SIZE
    for _ in range(5):
        sheet_width, sheet_height = rng.uniform(420, 560), rng.uniform(560, 700)
        center = (rng.uniform(250, width - 250), rng.uniform(300, height - 200))
        angle = rng.uniform(-14, 14)
        sheet = Image.new("L", (int(sheet_width), int(sheet_height)), 255)
        text = ImageDraw.Draw(sheet)
        y = 60
        while y < sheet_height - 50:
            text.rectangle([40, y, sheet_width - rng.uniform(40, 140), y + 9], fill=120)
            y += 26
        sheet = sheet.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)
        mask = sheet.point([255 if value else 0 for value in range(256)])
        position = (int(center[0] - sheet.width / 2), int(center[1] - sheet.height / 2))
        shadow = Image.new("L", SIZE)
        shadow.paste(mask, (position[0] + 14, position[1] + 18))
        image = _paint(image, shadow.filter(ImageFilter.BoxBlur(10)), dark, 120)
        tinted = ImageOps.colorize(sheet, black=accent, white=light)
        image.paste(tinted, position, mask)
    return image


STYLES = {
    "terrain": _terrain,
    "coast": _coast,
    "river": _river,
    "night": _night,
    "bars": _bars,
    "ledger": _ledger,
    "border": _border,
    "pages": _pages,
}


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True)
    return buffer.getvalue()


def draw(picture):
    """The JPEG bytes of `picture`, 1600 by 900."""
    return _jpeg(STYLES[picture.style](random.Random(picture.key), picture.palette))


def portrait(name, palette):
    """JPEG bytes of a square illustrated avatar for `name`: a silhouette on soft shapes in `palette`."""
    rng = random.Random(name)
    dark, middle, light, _ = palette
    field, _ = _field(rng, bumps=6, grid=(24, 24), size=PORTRAIT_SIZE)
    image = ImageOps.colorize(field, black=dark, white=middle)
    width, height = PORTRAIT_SIZE
    mask = Image.new("L", (width * 2, height * 2))
    shapes = ImageDraw.Draw(mask)
    shapes.ellipse([width * 0.6, height * 0.32, width * 1.4, height * 1.12], fill=255)
    shapes.ellipse([width * 0.24, height * 1.24, width * 1.76, height * 2.6], fill=255)
    mask = mask.resize(PORTRAIT_SIZE, Image.Resampling.BOX)
    return _jpeg(Image.composite(Image.new("RGB", PORTRAIT_SIZE, _rgb(light)), image, mask))
