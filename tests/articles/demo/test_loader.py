"""The demo's content files (articles/demo/content/) and their loader: the files are the demo, and adding
one adds to it."""

import shutil

import pytest

from articles.demo import loader, plan
from articles.demo.stories import check_template, template_from_content

NEW_STORY = '''
section = "briefs"
topics = ["arms", "smuggling", "contraband"]
countries = ["MX", "GT"]
partners = ["US"]
min_body = 4
copies = 2

[figures]
rifles = [40, 300]

[en]
titles = ["Soldiers find a tunnel with {rifles} rifles under the border in {country}"]
dek = """
The tunnel ran from a warehouse in {city} and was lit and ventilated, prosecutors said.
"""
body = """
Soldiers in {country} found a tunnel under the border with {partner} holding {rifles} rifles, the
Attorney General's Office said.

The tunnel started in a warehouse in {city} and had electric light and ventilation.

Prosecutor {official} said it had been used for at least a year by {group}.

No one was arrested at the site. The owner of the warehouse could not be reached.
"""
analysis = """
Weapons travel south through the same routes that drugs travel north.

Tunnels like this one need engineers, money and time: they are built by groups that expect to stay.
"""

[es]
titles = ["Militares hallan un túnel con {rifles} fusiles bajo la frontera en {country}"]
dek = """
El túnel salía de una bodega en {city} y tenía luz y ventilación, según la Fiscalía.
"""
body = """
Militares de {country} encontraron un túnel bajo la frontera con {partner} con {rifles} fusiles,
informó la Fiscalía General.

El túnel empezaba en una bodega de {city} y tenía luz eléctrica y ventilación.

{official_El} fiscal {official} dijo que {group} lo usaba desde hacía al menos un año.

Nadie fue detenido en el lugar. No fue posible contactar al dueño de la bodega.
"""
analysis = """
Las armas viajan al sur por las mismas rutas por las que la droga viaja al norte.

Túneles como este necesitan ingenieros, dinero y tiempo: los construyen grupos que piensan quedarse.
"""
'''


@pytest.fixture
def content(tmp_path, monkeypatch):
    """A copy of the demo's content folder, read instead of the real one."""
    folder = tmp_path / "content"
    shutil.copytree(loader.CONTENT, folder)
    monkeypatch.setattr(loader, "CONTENT", folder)
    return folder


def test_a_story_file_added_is_two_more_stories_of_the_plan(content):
    (content / "stories" / "036-border-tunnel.toml").write_text(NEW_STORY)

    templates = plan.load_templates()
    assert len(templates) == len(plan.TEMPLATES) + 1
    new = templates[-1]
    assert new.key == "border-tunnel"
    assert check_template(new) == []
    stories = plan.demo_stories(newsroom="Newsroom", templates=templates)
    assert len(stories) == len(plan.demo_stories(newsroom="Newsroom")) + 2
    added = [story for story in stories if story.key.startswith("border-tunnel-")]
    assert sorted(story.countries[0] for story in added) == ["GT", "MX"]
    for story in added:
        assert story.en.title.startswith("Soldiers find a tunnel with ")
        assert story.es.title.startswith("Militares hallan un túnel con ")
        assert story.en.body.count("<p>") == 4
        assert "{" not in story.en.body + story.es.body + story.en.analysis + story.es.analysis


def test_the_demo_is_what_the_files_say(content):
    """Editing a file changes the demo: the headline and byline of a template, read anew."""
    path = content / "stories" / "031-org-award.toml"
    path.write_text(path.read_text().replace("wins the Horizonte Prize", "wins the Meridiano Prize"))

    award = next(template for template in plan.load_templates() if template.key == "org-award")
    assert award.en.titles == ("Our investigation into prison call centers wins the Meridiano Prize in {city}",)
    assert award.authors == ("newsroom-staff",)


def test_texts_are_read_as_one_paragraph_and_markup_keeps_its_blocks(content):
    (content / "example.toml").write_text(
        'dek = """\nWrapped over\n   two lines."""\n'
        'body = """\nFirst paragraph,\nwrapped.\n\n## A subheading\n"""\n'
        "[es]\n"
        'names = ["Una  lista", """\ncon saltos\nde línea"""]\n'
    )

    read = loader.read("example.toml")
    assert read["dek"] == "Wrapped over two lines."
    assert read["body"] == "First paragraph,\nwrapped.\n\n## A subheading\n"
    assert read["es"]["names"] == ["Una lista", "con saltos de línea"]


def test_the_number_in_front_only_orders_a_folder(content):
    folder = content / "people"
    assert [key for key, _ in loader.read_folder("people")][:2] == ["valeria-montoya-rios", "tomas-echeverria"]
    shutil.copy(folder / "02-tomas-echeverria.toml", folder / "00-tomas-echeverria-copy.toml")
    assert loader.read_folder("people")[0][0] == "tomas-echeverria-copy"


def test_a_misspelt_field_is_refused_with_the_story_named(content):
    path = content / "stories" / "001-port-cocaine.toml"
    path.write_text(path.read_text().replace("copies = 4", "coppies = 4"))
    key, template = loader.read_folder("stories")[0]

    with pytest.raises(ValueError, match="Story template port-cocaine: unknown fields coppies"):
        template_from_content(key, template)


def test_a_file_that_is_not_toml_is_named_in_the_error(content):
    (content / "stories" / "037-broken.toml").write_text('section = "briefs\n')

    with pytest.raises(ValueError, match=r"stories/037-broken\.toml"):
        plan.load_templates()


def test_durations():
    assert loader.duration(None) is None
    assert loader.duration({"days": 2, "hours": 6}).total_seconds() == (2 * 24 + 6) * 3600
    assert loader.duration({"days": -2, "hours": -3}).total_seconds() == -(2 * 24 + 3) * 3600
