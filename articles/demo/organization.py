"""Templates of the organization's own news: awards, bureaus, fellowships and how we work.

The prize, its jury and every person named here are invented.
"""

from articles.demo import reference
from articles.demo.stories import Template, Text

EDITOR_IN_CHIEF = "valeria-montoya-rios"

ORGANIZATION_NEWS = [
    Template(
        key="org-award",
        section=reference.ORGANIZATION,
        topics=("press", "prisons", "extortion"),
        countries=("CO", "MX"),
        authors=(reference.STAFF_AUTHOR,),
        en=Text(
            titles=("Our investigation into prison call centers wins the Horizonte Prize in {city}",),
            dek="The jury recognized a year of reporting on extortion run from prisons, published in English "
            "and Spanish.",
            body="""
Our investigation into the extortion networks that operate from prisons has won the Horizonte Prize for
investigative reporting, awarded at a ceremony in {city}.

The jury highlighted the use of court records and phone data to show how calls placed from cells reach
thousands of families, and the care taken to protect the victims who spoke to us.

The team behind the investigation worked for almost a year across several countries, with the support
of our data desk and our translators, so that it could be published in English and Spanish on the same
day.

"This prize belongs to the sources who trusted us, often at great risk," said our editor-in-chief,
Valeria Montoya Ríos. "It is also a reminder that this kind of work depends on our readers' support."

The prize money will fund a reporting fellowship for a local journalist next year.
""",
        ),
        es=Text(
            titles=("Nuestra investigación sobre los call centers carcelarios gana el Premio Horizonte en {city}",),
            dek="El jurado reconoció un año de reportería sobre la extorsión desde las cárceles, publicada en "
            "inglés y en español.",
            body="""
Nuestra investigación sobre las redes de extorsión que operan desde las cárceles ganó el Premio Horizonte
al periodismo de investigación, entregado en una ceremonia en {city}.

El jurado destacó el uso de expedientes judiciales y datos telefónicos para mostrar cómo las llamadas
hechas desde las celdas llegan a miles de familias, y el cuidado puesto en proteger a las víctimas que
hablaron con nosotros.

El equipo trabajó casi un año en varios países, con el apoyo de nuestra mesa de datos y de nuestras
traductoras, para que la investigación se publicara en inglés y en español el mismo día.

"Este premio es de las fuentes que confiaron en nosotros, muchas veces con gran riesgo", dijo nuestra
directora editorial, Valeria Montoya Ríos. "También nos recuerda que este trabajo depende del apoyo de
nuestros lectores".

El dinero del premio financiará una beca de reportería para un periodista local el próximo año.
""",
        ),
    ),
    Template(
        key="org-bureau",
        section=reference.ORGANIZATION,
        topics=("press", "security", "gangs"),
        countries=("GT", "HN", "EC"),
        authors=(reference.STAFF_AUTHOR,),
        en=Text(
            titles=("We are opening a bureau in {city}",),
            dek="Two reporters and a researcher will cover {country} and its neighbors from the ground, in "
            "partnership with local media.",
            body="""
{newsroom} is opening a bureau in {city}, our first permanent presence in {country}. Two reporters and
a researcher will join the team in the coming weeks.

For years we have covered {country} from a distance, relying on short trips and on the courage of local
journalists. A bureau lets us follow stories for months rather than days.

The bureau will work closely with local newsrooms, sharing our data and training, and co-publishing
stories that they are free to republish.

The bureau is funded by readers' donations and by a grant from a foundation that supports independent
journalism. As always, no funder has a say in what we cover.

If you are a journalist in {country} and would like to work with us, we would like to hear from you.
""",
        ),
        es=Text(
            titles=("Abrimos una oficina en {city}",),
            dek="Dos periodistas y una investigadora cubrirán {country} y sus vecinos desde el terreno, en "
            "alianza con medios locales.",
            body="""
{newsroom} abre una oficina en {city}, nuestra primera presencia permanente en {country}. Dos periodistas
y una investigadora se sumarán al equipo en las próximas semanas.

Durante años cubrimos {country} a distancia, con viajes cortos y gracias a la valentía de periodistas
locales. Una oficina nos permite seguir las historias durante meses y no solo días.

La oficina trabajará de cerca con redacciones locales, compartiendo nuestros datos y capacitaciones, y
copublicando historias que podrán republicar libremente.

La oficina se financia con donaciones de lectores y con un aporte de una fundación que apoya el
periodismo independiente. Como siempre, ningún financiador opina sobre lo que cubrimos.

Si eres periodista en {country} y te gustaría trabajar con nosotros, queremos saber de ti.
""",
        ),
    ),
    Template(
        key="org-fellowship",
        section=reference.ORGANIZATION,
        topics=("press", "corruption", "laundering"),
        countries=("CO", "PE", "MX"),
        authors=(reference.STAFF_AUTHOR,),
        figures={"fellows": (4, 8), "weeks": (10, 16)},
        en=Text(
            titles=("Applications open for our investigative fellowship in {region}",),
            dek="{fellows} journalists will spend {weeks} weeks reporting on organized crime and corruption with "
            "our editors.",
            body="""
Applications are open for the next edition of our investigative fellowship, which will bring together
{fellows} journalists from across {region} for {weeks} weeks of reporting.

Fellows will work on a story of their choice about organized crime or corruption in their country, with
the support of our editors, our data desk and our lawyers.

The fellowship begins with a week of training in {city} on following the money, using public records and
staying safe, both online and in the field.

We especially welcome applications from journalists outside the capitals and from local and community
media. Fellows receive a stipend and a travel budget.

Stories produced during the fellowship are published by {newsroom} and by the fellows' own newsrooms.
""",
        ),
        es=Text(
            titles=("Abrimos la convocatoria de nuestra beca de investigación en {region}",),
            dek="{fellows} periodistas pasarán {weeks} semanas investigando el crimen organizado y la corrupción "
            "con nuestros editores.",
            body="""
Está abierta la convocatoria para la próxima edición de nuestra beca de investigación, que reunirá a
{fellows} periodistas de distintos países {de_region} durante {weeks} semanas de reportería.

Los becarios trabajarán en una historia de su elección sobre crimen organizado o corrupción en su país,
con el apoyo de nuestros editores, nuestra mesa de datos y nuestros abogados.

La beca comienza con una semana de formación en {city} sobre cómo seguir el dinero, usar registros
públicos y cuidar la seguridad, tanto en internet como en el terreno.

Nos interesan especialmente las postulaciones de periodistas de fuera de las capitales y de medios
locales y comunitarios. Los becarios reciben un estipendio y un presupuesto de viaje.

Las historias producidas durante la beca se publican en {newsroom} y en los medios de los becarios.
""",
        ),
    ),
    Template(
        key="org-translation",
        section=reference.ORGANIZATION,
        topics=("press", "justice"),
        countries=("CO",),
        authors=("paula-aranda", EDITOR_IN_CHIEF),
        en=Text(
            titles=("How we publish every story in English and Spanish",),
            dek="Translation is part of our reporting, not an afterthought. Here is how a story travels between "
            "our two languages.",
            body="""
Every story we publish appears in English and in Spanish, usually on the same day. Readers often ask us
how, and why we make the effort.

The why is simple. Organized crime in the Americas crosses borders and languages, and so do the people
who need to understand it: residents, officials, researchers and journalists in the region and beyond.

Translation starts while the story is still being reported. Our translators join the editing, flag
terms that do not travel well and check that quotes keep their meaning. Legal terms are the hardest: a
"fiscal" is not quite a "prosecutor" everywhere.

Each version is then edited on its own, so that it reads as if it had been written in that language.
Our team in {city} reviews the final texts side by side before they go live.

Both versions are free to republish under a
<a href="https://creativecommons.org/licenses/by-nc/4.0/">Creative Commons license</a>, as long as you
credit {newsroom} and link to the original.
""",
        ),
        es=Text(
            titles=("Cómo publicamos cada historia en inglés y en español",),
            dek="La traducción es parte de nuestra reportería, no un agregado. Así viaja una historia entre "
            "nuestros dos idiomas.",
            body="""
Cada historia que publicamos aparece en inglés y en español, por lo general el mismo día. Los lectores
suelen preguntarnos cómo lo hacemos, y por qué nos tomamos el trabajo.

El porqué es sencillo. El crimen organizado en las Américas cruza fronteras e idiomas, y también las
personas que necesitan entenderlo: vecinos, funcionarios, investigadores y periodistas de la región y
de fuera de ella.

La traducción empieza mientras la historia todavía se está reporteando. Nuestras traductoras participan
en la edición, señalan los términos que no viajan bien y verifican que las citas mantengan su sentido.
Los términos legales son los más difíciles: un "fiscal" no equivale exactamente a un "prosecutor" en
todas partes.

Luego cada versión se edita por separado, para que se lea como si hubiera sido escrita en ese idioma.
Nuestro equipo en {city} revisa los textos finales lado a lado antes de publicarlos.

Ambas versiones pueden republicarse libremente bajo una <a
href="https://creativecommons.org/licenses/by-nc/4.0/deed.es">licencia Creative Commons</a>, siempre que
se cite a {newsroom} y se enlace al original.
""",
        ),
    ),
    Template(
        key="org-annual-report",
        section=reference.ORGANIZATION,
        topics=("press", "security"),
        countries=("CO",),
        authors=(EDITOR_IN_CHIEF,),
        figures={"donors": (2100, 5800), "stories": (420, 690), "republished": (90, 260)},
        en=Text(
            titles=("Our year in numbers: what your donations paid for",),
            dek="{donors} readers gave to our work this year. Here is what their support made possible, and "
            "what we plan next.",
            body="""
This year, {donors} readers made a donation to {newsroom}, most of them small monthly gifts. Reader
donations are now our largest source of income, and the one that keeps us independent.

Here is some of what that support paid for:

- {stories} stories, every one of them in English and Spanish.
- Two long investigations, each more than six months in the making.
- Legal review of every story before publication.
- Safety training and equipment for our reporters in the field.

Our stories were republished {republished} times by other media, from local radio stations to national
newspapers, under our Creative Commons license.

Next year we want to open a second bureau and expand our data desk. We will report back on both.

Thank you. None of this happens without you.
""",
        ),
        es=Text(
            titles=("Nuestro año en cifras: lo que pagaron sus donaciones",),
            dek="{donors} lectores apoyaron nuestro trabajo este año. Esto es lo que su aporte hizo posible, y lo "
            "que planeamos para el próximo.",
            body="""
Este año, {donors} lectores hicieron una donación a {newsroom}, la mayoría pequeños aportes mensuales.
Las donaciones de los lectores son hoy nuestra principal fuente de ingresos, y la que nos mantiene
independientes.

Esto es parte de lo que pagó ese apoyo:

- {stories} historias, todas en inglés y en español.
- Dos investigaciones largas, cada una con más de seis meses de trabajo.
- Revisión legal de cada historia antes de publicarla.
- Formación y equipos de seguridad para nuestros reporteros en el terreno.

Nuestras historias fueron republicadas {republished} veces por otros medios, desde radios locales hasta
diarios nacionales, bajo nuestra licencia Creative Commons.

El próximo año queremos abrir una segunda oficina y ampliar nuestra mesa de datos. Les contaremos cómo
nos va con ambas cosas.

Gracias. Nada de esto sería posible sin ustedes.
""",
        ),
    ),
]
