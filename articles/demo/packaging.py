"""The demo's packaged coverage: two series (one complete, one still being published) and one live story,
each in English and Spanish, written for the demo.

Seeded after the demo's own stories, by slug, so that running the command again brings them back to this
plan: publish times move with the run, like every demo story's. Every person and group is invented.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from articles.demo.stories import compile_blocks
from articles.sanitizer import clean_html

TRANSLATION_NAMESPACE = uuid.UUID("0b8f2f4e-5c1d-4a8e-9a4f-7f1e2d3c4b5a")


@dataclass(frozen=True)
class Text:
    title: str
    slug: str
    dek: str
    body: str
    analysis: str = ""

    def html(self, markup):
        return "".join(compile_blocks(markup)) if markup else ""


@dataclass(frozen=True)
class Piece:
    """One article of the plan, in both languages. `age` as in articles/demo/stories.Story: how long ago
    the English version went live (negative: scheduled ahead); None when unpublished, with `status`."""

    key: str
    section: str
    topics: tuple
    countries: tuple
    authors: tuple
    image: str
    en: Text
    es: Text
    age: timedelta | None
    status: str = "published"
    live_for: timedelta | None = None

    @property
    def translation_key(self):
        return uuid.uuid5(TRANSLATION_NAMESPACE, self.key)

    def version(self, language):
        return self.en if language == "en" else self.es


@dataclass(frozen=True)
class SeriesPlan:
    slug: str
    title: str
    title_es: str
    summary: str
    summary_es: str
    image: str
    planned_parts: int | None
    parts: tuple = field(default_factory=tuple)


@dataclass(frozen=True)
class Update:
    """A live update, `minutes` after the coverage started, in both languages."""

    minutes: int
    en_title: str
    en: str
    es_title: str
    es: str
    pinned: bool = False
    author: str = ""


CORRIDOR = SeriesPlan(
    slug="pacific-cocaine-corridor",
    title="The Pacific Cocaine Corridor",
    title_es="El corredor de la cocaína del Pacífico",
    summary=(
        "For a year we followed cocaine from the coca fields of southern Colombia to the container terminals of "
        "Ecuador and the banks of Panama. Three parts on the route that now carries more cocaine than any other "
        "in the Americas, and on the people paid to look away."
    ),
    summary_es=(
        "Durante un año seguimos la cocaína desde los cultivos de coca del sur de Colombia hasta las terminales "
        "de contenedores de Ecuador y los bancos de Panamá. Tres entregas sobre la ruta que hoy mueve más "
        "cocaína que ninguna otra en las Américas, y sobre quienes cobran por mirar hacia otro lado."
    ),
    image="coast-night",
    planned_parts=3,
    parts=(
        Piece(
            key="corridor-1",
            section="investigations",
            topics=("cocaine", "armed-groups", "drug-policy"),
            countries=("CO", "EC"),
            authors=("rodrigo-salcedo", "lucia-benavides-ortiz"),
            image="ridges-green",
            age=timedelta(days=61, hours=3),
            en=Text(
                title="Where the corridor begins",
                slug="pacific-corridor-where-it-begins",
                dek="In Nariño, coca growers sell to whichever armed group holds the river that week.",
                body="""
The road to the coca fields of Nariño ends at the river, and from there everything moves by boat: seed,
fertilizer, gasoline and, once a month, the coca paste that growers sell to the only buyer allowed on
their stretch of water.

Over eleven months we interviewed forty-two growers, boat pilots and former members of three armed groups
along the Mira and Patía rivers. All of them described the same arrangement: the group that controls the
river sets the price, collects a tax on every kilo and decides who may leave.

## A price set by the river

Growers told us the price of a kilo of paste fell by a third in two years, while the armed groups'
tax stayed the same. The difference is paid in debt to local shopkeepers who work for the groups.

> "You do not sell to a buyer. You sell to a river, and the river has an owner," said a grower from
> Tumaco who asked not to be named.

- Three armed groups now share the rivers that drain toward the Pacific.
- Each charges growers and boat pilots separately.
- None of the growers we met had been offered a substitution program that was still running.
""",
            ),
            es=Text(
                title="Donde empieza el corredor",
                slug="corredor-pacifico-donde-empieza",
                dek="En Nariño, los cultivadores de coca venden al grupo armado que controla el río esa semana.",
                body="""
La carretera hacia los cultivos de coca de Nariño termina en el río, y desde ahí todo se mueve en lancha:
semillas, abono, gasolina y, una vez al mes, la pasta de coca que los cultivadores venden al único comprador
permitido en su tramo de agua.

Durante once meses entrevistamos a cuarenta y dos cultivadores, lancheros y exintegrantes de tres grupos
armados a lo largo de los ríos Mira y Patía. Todos describieron el mismo acuerdo: el grupo que controla el
río fija el precio, cobra un impuesto por cada kilo y decide quién puede salir.

## Un precio que fija el río

Los cultivadores nos contaron que el precio del kilo de pasta cayó un tercio en dos años, mientras el
impuesto de los grupos armados siguió igual. La diferencia se paga con deudas en las tiendas del pueblo,
que trabajan para los grupos.

> "Uno no le vende a un comprador. Le vende a un río, y el río tiene dueño", dijo un cultivador de Tumaco
> que pidió no ser nombrado.

- Tres grupos armados se reparten hoy los ríos que bajan hacia el Pacífico.
- Cada uno cobra por separado a cultivadores y lancheros.
- Ninguno de los cultivadores que conocimos había recibido un programa de sustitución que siguiera vigente.
""",
            ),
        ),
        Piece(
            key="corridor-2",
            section="investigations",
            topics=("ports", "cocaine", "corruption"),
            countries=("EC", "CO"),
            authors=("rodrigo-salcedo",),
            image="coast-blue",
            age=timedelta(days=54, hours=5),
            en=Text(
                title="The containers nobody opens",
                slug="pacific-corridor-containers-nobody-opens",
                dek="At Ecuador's busiest port, one scanner in four was out of service for most of last year.",
                body="""
Cocaine that leaves Colombia by river reaches Ecuador's coast within days, and most of it leaves the
country inside shipping containers, hidden among bananas, shrimp and ceramic tiles.

Internal maintenance logs we obtained show that one of the four container scanners at the port of
Guayaquil was out of service for 230 days last year, and a second for 96. Inspectors told us that on busy
nights fewer than one container in a hundred was opened.

## Contamination on the dock

Most seizures in Europe are of "contaminated" containers: legitimate cargo into which bags of cocaine were
slipped after the exporter sealed it. That requires people on the dock, and prosecutors say they are paid
per container.

> "The exporter never knows. The cocaine goes in after the last check and before the ship," a customs
> inspector told us.

- 230 days without one of the port's four scanners.
- Dockworkers are offered, prosecutors say, several months' wages per container.
- Three inspectors who reported irregularities were moved to other posts within weeks.
""",
            ),
            es=Text(
                title="Los contenedores que nadie abre",
                slug="corredor-pacifico-contenedores-que-nadie-abre",
                dek=(
                    "En el puerto más activo de Ecuador, uno de cada cuatro escáneres estuvo fuera "
                    "de servicio casi todo el año pasado."
                ),
                body="""
La cocaína que sale de Colombia por río llega a la costa ecuatoriana en pocos días, y la mayor parte deja
el país dentro de contenedores, escondida entre banano, camarón y baldosas de cerámica.

Los registros internos de mantenimiento que obtuvimos muestran que uno de los cuatro escáneres de
contenedores del puerto de Guayaquil estuvo fuera de servicio 230 días el año pasado, y otro 96. Los
inspectores nos dijeron que en las noches de más trabajo se abría menos de un contenedor de cada cien.

## Contaminación en el muelle

La mayoría de las incautaciones en Europa son de contenedores "contaminados": carga legal en la que se
introducen bolsas de cocaína después de que el exportador la sella. Para eso hace falta gente en el muelle,
y los fiscales dicen que se les paga por contenedor.

> "El exportador nunca se entera. La cocaína entra después del último control y antes del barco", nos dijo
> un inspector de aduanas.

- 230 días sin uno de los cuatro escáneres del puerto.
- A los estibadores se les ofrece, según los fiscales, el sueldo de varios meses por contenedor.
- Tres inspectores que denunciaron irregularidades fueron trasladados en pocas semanas.
""",
            ),
        ),
        Piece(
            key="corridor-3",
            section="investigations",
            topics=("laundering", "cocaine", "ports"),
            countries=("PA", "EC"),
            authors=("lucia-benavides-ortiz", "mariana-quintero"),
            image="ledger-sea",
            age=timedelta(days=47, hours=2),
            en=Text(
                title="Where the money lands",
                slug="pacific-corridor-where-the-money-lands",
                dek="Seventeen companies registered in Panama moved the proceeds through fruit exports and property.",
                body="""
The last stretch of the corridor is the shortest: the money. Using company registries, shipping manifests
and court files from four countries, we traced seventeen companies registered in Panama that bought fruit
from Ecuadorian exporters named in cocaine seizures abroad.

None of the seventeen had employees. Nine shared the same registered agent, and eleven bought apartments
in Panama City within two years of being created, paying in full and in cash transfers from abroad.

## A paper trail in plain sight

The pattern is familiar to investigators: export the fruit at a loss, and bring the profit home through
the sale of property. Panama's financial intelligence unit flagged four of the companies in 2022; none has
been charged.

> "Every document we needed was public. What was missing was anyone putting them side by side," said our
> data editor.

- 17 companies, no employees, one registered agent for nine of them.
- 26 apartments bought outright within two years.
- 4 companies flagged to prosecutors; 0 charged so far.
""",
            ),
            es=Text(
                title="Adonde llega el dinero",
                slug="corredor-pacifico-adonde-llega-el-dinero",
                dek=(
                    "Diecisiete empresas registradas en Panamá movieron las ganancias con "
                    "exportaciones de fruta y propiedades."
                ),
                body="""
El último tramo del corredor es el más corto: el dinero. Con registros mercantiles, manifiestos de carga y
expedientes judiciales de cuatro países, rastreamos diecisiete empresas registradas en Panamá que compraban
fruta a exportadores ecuatorianos mencionados en incautaciones de cocaína en el exterior.

Ninguna de las diecisiete tenía empleados. Nueve compartían el mismo agente residente, y once compraron
apartamentos en Ciudad de Panamá en menos de dos años desde su creación, al contado y con transferencias
desde el exterior.

## Un rastro de papel a la vista

El patrón es conocido para los investigadores: exportar la fruta a pérdida y traer la ganancia de vuelta con
la venta de propiedades. La unidad de análisis financiero de Panamá alertó sobre cuatro de las empresas en
2022; ninguna ha sido acusada.

> "Cada documento que necesitábamos era público. Lo que faltaba era que alguien los pusiera uno al lado del
> otro", dijo nuestra editora de datos.

- 17 empresas, sin empleados, con un mismo agente residente para nueve de ellas.
- 26 apartamentos comprados al contado en dos años.
- 4 empresas señaladas ante la fiscalía; ninguna acusada hasta ahora.
""",
            ),
        ),
    ),
)

PRISONS = SeriesPlan(
    slug="prison-empires",
    title="Prison Empires",
    title_es="Imperios carcelarios",
    summary=(
        "Gangs run whole wings of the region's prisons: they sell beds, phones and protection, and order crimes "
        "outside. A series in four parts on how prisons became headquarters, published as our reporting is "
        "ready."
    ),
    summary_es=(
        "Las pandillas controlan pabellones enteros de las cárceles de la región: venden camas, teléfonos y "
        "protección, y ordenan delitos afuera. Una serie en cuatro partes sobre cómo las cárceles se "
        "volvieron cuarteles, que publicamos a medida que termina nuestra reportería."
    ),
    image="bars-slate",
    planned_parts=4,
    parts=(
        Piece(
            key="prisons-1",
            section="investigations",
            topics=("prisons", "gangs", "justice"),
            countries=("EC",),
            authors=("ignacio-bravo",),
            image="bars-slate",
            age=timedelta(days=9, hours=4),
            en=Text(
                title="The rent for a bed",
                slug="prison-empires-rent-for-a-bed",
                dek="In Ecuador's largest prison, inmates pay the gang that runs their wing for a place to sleep.",
                body="""
A new inmate in the Litoral penitentiary of Guayaquil learns the price list on the first night: a mattress
on the floor, a bed in a shared cell, a cell of one's own. Relatives pay by bank transfer to accounts held
outside the prison.

Former inmates and relatives we interviewed described payments that, added up over a year, exceed what
the state spends on each inmate's food.

## An economy inside the walls

The gang that runs each wing sets the prices, keeps the accounts and enforces debts. Guards, several
inmates said, are paid to keep out of the wings after dark.

> "The state gives you a number. Everything else you buy," said a man released last year after four years
> inside.

- Beds, phones and visits all have a price.
- Payments reach accounts outside, in relatives' names.
- Debts are collected from families, not only from inmates.
""",
            ),
            es=Text(
                title="El alquiler de una cama",
                slug="imperios-carcelarios-alquiler-de-una-cama",
                dek=(
                    "En la mayor cárcel de Ecuador, los presos pagan a la banda que controla su "
                    "pabellón por un lugar donde dormir."
                ),
                body="""
Un preso nuevo en la Penitenciaría del Litoral de Guayaquil aprende la lista de precios la primera noche: un
colchón en el suelo, una cama en una celda compartida, una celda propia. Los familiares pagan por
transferencia a cuentas de fuera de la cárcel.

Los expresos y familiares que entrevistamos describieron pagos que, sumados en un año, superan lo que el
Estado gasta en la comida de cada preso.

## Una economía entre muros

La banda que controla cada pabellón fija los precios, lleva las cuentas y cobra las deudas. Los guardias,
según varios presos, cobran por no entrar a los pabellones después del anochecer.

> "El Estado te da un número. Todo lo demás lo compras", dijo un hombre que salió el año pasado tras cuatro
> años adentro.

- Las camas, los teléfonos y las visitas tienen precio.
- Los pagos llegan a cuentas de afuera, a nombre de familiares.
- Las deudas se cobran a las familias, no solo a los presos.
""",
            ),
        ),
        Piece(
            key="prisons-2",
            section="investigations",
            topics=("prisons", "extortion", "gangs"),
            countries=("HN", "SV"),
            authors=("diego-arce-villalobos", "ignacio-bravo"),
            image="bars-dusk",
            age=timedelta(days=2, hours=6),
            en=Text(
                title="Extortion by phone, from a cell",
                slug="prison-empires-extortion-from-a-cell",
                dek="Most extortion calls traced by Honduran police last year came from inside prisons.",
                body="""
The calls come at the same time of day, in the same words, and police in Honduras say most of them come
from the same places: prison wings where signal blockers were installed and then quietly switched off.

Police records we obtained show that of the extortion calls traced last year, six in ten were placed from
inside a prison. Bus companies, shopkeepers and schools were the most frequent targets.

## Blockers that do not block

Two telecommunications engineers who inspected the equipment told us the blockers in two prisons worked
at a fraction of their power. Contracts for their maintenance were renewed every year without complaint.

> "We measured the signal inside the wing. You could make a video call," one of them said.

- Six in ten traced extortion calls came from prisons.
- Blockers in two prisons ran at a fraction of their power.
- Their maintenance contracts were renewed every year.
""",
            ),
            es=Text(
                title="Extorsión por teléfono, desde una celda",
                slug="imperios-carcelarios-extorsion-desde-una-celda",
                dek=(
                    "La mayoría de las llamadas de extorsión rastreadas por la policía hondureña el "
                    "año pasado salieron de las cárceles."
                ),
                body="""
Las llamadas llegan a la misma hora, con las mismas palabras, y la policía de Honduras dice que la mayoría
sale de los mismos lugares: pabellones donde se instalaron bloqueadores de señal que luego se apagaron sin
ruido.

Los registros policiales que obtuvimos muestran que seis de cada diez llamadas de extorsión rastreadas el
año pasado se hicieron desde una cárcel. Las empresas de buses, las tiendas y las escuelas fueron los
blancos más frecuentes.

## Bloqueadores que no bloquean

Dos ingenieros de telecomunicaciones que revisaron los equipos nos dijeron que los bloqueadores de dos
cárceles funcionaban a una fracción de su potencia. Los contratos de mantenimiento se renovaron cada año
sin objeciones.

> "Medimos la señal dentro del pabellón. Se podía hacer una videollamada", dijo uno de ellos.

- Seis de cada diez llamadas de extorsión rastreadas salieron de cárceles.
- Los bloqueadores de dos cárceles funcionaban a una fracción de su potencia.
- Sus contratos de mantenimiento se renovaron cada año.
""",
            ),
        ),
        Piece(
            key="prisons-3",
            section="investigations",
            topics=("prisons", "corruption", "justice"),
            countries=("GT", "HN"),
            authors=("diego-arce-villalobos",),
            image="bars-slate",
            age=-timedelta(days=2, hours=3),
            en=Text(
                title="The guards' second salary",
                slug="prison-empires-guards-second-salary",
                dek="Guards earn less than a bus driver; the gangs they watch pay them more.",
                body="""
A prison guard in Guatemala earns less than a city bus driver and works shifts of twenty-four hours. We
spoke to fourteen guards and former guards in two countries about the offers that come with the job.

Most described being approached within their first months. The offers were not for large favours at first:
a phone let through, a search skipped, a transfer delayed.

## Small favours, then large ones

Prosecutors in both countries told us that the guards later charged in escapes had almost all started
with small favours, paid in cash by relatives of inmates outside the prison.

> "Nobody asks you to open the door on the first day. They ask you to look at your phone for a minute,"
> said a former guard.

- Fourteen guards and former guards interviewed.
- Most were approached in their first months on the job.
- Shifts of twenty-four hours, for less than a bus driver's wage.
""",
            ),
            es=Text(
                title="El segundo sueldo de los guardias",
                slug="imperios-carcelarios-segundo-sueldo-guardias",
                dek="Los guardias ganan menos que un chofer de bus; las pandillas que vigilan les pagan más.",
                body="""
Un guardia penitenciario en Guatemala gana menos que un chofer de bus urbano y trabaja turnos de
veinticuatro horas. Hablamos con catorce guardias y exguardias de dos países sobre las ofertas que llegan
con el trabajo.

La mayoría contó que lo abordaron en sus primeros meses. Al principio no se pedían grandes favores: dejar
pasar un teléfono, saltarse una requisa, retrasar un traslado.

## Favores pequeños, luego grandes

Fiscales de ambos países nos dijeron que los guardias acusados después por fugas casi siempre empezaron con
favores pequeños, pagados en efectivo por familiares de los presos fuera de la cárcel.

> "Nadie te pide abrir la puerta el primer día. Te piden que mires tu teléfono un minuto", dijo un
> exguardia.

- Catorce guardias y exguardias entrevistados.
- A la mayoría la abordaron en sus primeros meses de trabajo.
- Turnos de veinticuatro horas, por menos del sueldo de un chofer de bus.
""",
            ),
        ),
        Piece(
            key="prisons-4",
            section="investigations",
            topics=("prisons", "security", "gangs"),
            countries=("SV", "HN", "EC"),
            authors=("ignacio-bravo", "diego-arce-villalobos"),
            image="bars-dusk",
            age=None,
            status="review",
            en=Text(
                title="Taking the prisons back",
                slug="prison-empires-taking-the-prisons-back",
                dek="Mass transfers and new maximum-security prisons have not ended gang rule inside.",
                body="""
Governments across the region have answered prison violence with the army, mass transfers and new
maximum-security buildings. We compared what changed inside in three countries a year after each crackdown.

In every case the number of violent deaths fell at first. In two of the three, the gangs' businesses
moved with the transferred leaders to their new prisons.

## What lasted

Former officials told us the measures that lasted were the least visible: paying guards on time, rotating
them between prisons, and keeping records of every visit and transfer.

> "You can move a leader in a night. Moving the money takes him a week," said a former prison director.

- Violent deaths fell after each crackdown.
- In two of three countries, the rackets followed the leaders.
- The measures that lasted were administrative, not military.
""",
            ),
            es=Text(
                title="Recuperar las cárceles",
                slug="imperios-carcelarios-recuperar-las-carceles",
                dek=(
                    "Los traslados masivos y las nuevas cárceles de máxima seguridad no han "
                    "terminado con el control de las pandillas."
                ),
                body="""
Los gobiernos de la región han respondido a la violencia carcelaria con el ejército, traslados masivos y
nuevos edificios de máxima seguridad. Comparamos lo que cambió adentro en tres países un año después de
cada ofensiva.

En todos los casos las muertes violentas bajaron al principio. En dos de los tres, los negocios de las
pandillas se mudaron con los líderes trasladados a sus nuevas cárceles.

## Lo que duró

Exfuncionarios nos dijeron que las medidas que duraron fueron las menos visibles: pagar a tiempo a los
guardias, rotarlos entre cárceles y registrar cada visita y cada traslado.

> "A un líder lo mueves en una noche. Mover el dinero le toma una semana", dijo un exdirector de cárceles.

- Las muertes violentas bajaron tras cada ofensiva.
- En dos de tres países, los negocios siguieron a los líderes.
- Las medidas que duraron fueron administrativas, no militares.
""",
            ),
        ),
    ),
)

SERIES = (CORRIDOR, PRISONS)

LIVE = Piece(
    key="live-litoral",
    section="briefs",
    topics=("prisons", "gangs", "security"),
    countries=("EC",),
    authors=("andres-penaloza", "rodrigo-salcedo"),
    image="bars-dusk",
    age=timedelta(hours=5),
    live_for=timedelta(hours=5, minutes=10),
    en=Text(
        title="Live: Inmates take over wings of the Litoral penitentiary in Guayaquil",
        slug="live-litoral-penitentiary-guayaquil",
        dek="Gunfire was heard inside Ecuador's largest prison before dawn; the army has surrounded it.",
        body="""
Inmates have taken control of at least two wings of the Litoral penitentiary in Guayaquil, Ecuador's
largest prison, after clashes that began before dawn.

The prison service said guards withdrew from the wings to protect themselves, and that the army and police
have surrounded the complex. Relatives gathered outside the main gate as shots were heard inside.

The Litoral has been the scene of the country's deadliest prison massacres. Control of its wings is
disputed by gangs that also fight over the port routes for cocaine leaving Guayaquil.

This page is updated as we confirm new information. The most important facts are pinned at the top of the
updates.
""",
        analysis="""
Riots in the Litoral rarely start inside the prison. They follow changes in the balance of power outside:
an arrest, an extradition, a transfer of leaders, a lost shipment.

The question to watch is not whether the army retakes the wings, which it will, but which gang runs them
afterwards, and whether the authorities will know.
""",
    ),
    es=Text(
        title="En vivo: presos toman pabellones de la Penitenciaría del Litoral en Guayaquil",
        slug="en-vivo-penitenciaria-litoral-guayaquil",
        dek="Se escucharon disparos dentro de la mayor cárcel de Ecuador antes del amanecer; el ejército la rodeó.",
        body="""
Los presos tomaron el control de al menos dos pabellones de la Penitenciaría del Litoral en Guayaquil, la
mayor cárcel de Ecuador, tras enfrentamientos que empezaron antes del amanecer.

El servicio penitenciario dijo que los guardias se retiraron de los pabellones para protegerse, y que el
ejército y la policía rodearon el complejo. Familiares se reunieron frente a la puerta principal mientras se
escuchaban disparos adentro.

El Litoral ha sido escenario de las peores masacres carcelarias del país. El control de sus pabellones lo
disputan bandas que también pelean por las rutas portuarias de la cocaína que sale de Guayaquil.

Esta página se actualiza a medida que confirmamos nueva información. Los datos más importantes están
fijados al principio de las actualizaciones.
""",
        analysis="""
Los motines en el Litoral rara vez empiezan dentro de la cárcel. Siguen a cambios en el equilibrio de poder
afuera: una captura, una extradición, un traslado de líderes, un cargamento perdido.

La pregunta no es si el ejército recuperará los pabellones, que lo hará, sino qué banda los controlará
después, y si las autoridades lo sabrán.
""",
    ),
)

LIVE_UPDATES = (
    Update(
        5,
        "Clashes before dawn",
        "Neighbours of the prison report bursts of gunfire from inside the walls. The prison service confirms "
        '"an incident" in two wings and says it is gathering information.',
        "Enfrentamientos antes del amanecer",
        "Vecinos de la cárcel reportan ráfagas de disparos dentro de los muros. El servicio penitenciario "
        'confirma "un incidente" en dos pabellones y dice que está recabando información.',
        author="andres-penaloza",
    ),
    Update(
        40,
        "",
        'Guards have withdrawn from wings 8 and 9, the prison service says, "to protect their lives". No guard '
        "is reported missing.",
        "",
        'Los guardias se retiraron de los pabellones 8 y 9, dice el servicio penitenciario, "para proteger sus '
        'vidas". No se reporta ningún guardia desaparecido.',
        author="andres-penaloza",
    ),
    Update(
        95,
        "Army surrounds the complex",
        "Soldiers and police special forces have taken positions around the Litoral. The road to the main gate "
        "is closed to traffic.",
        "El ejército rodea el complejo",
        "Militares y fuerzas especiales de la policía tomaron posiciones alrededor del Litoral. La vía hacia la "
        "puerta principal está cerrada al tránsito.",
        author="rodrigo-salcedo",
    ),
    Update(
        150,
        "",
        "Dozens of relatives are waiting outside the main gate for news. Several told our reporter they have not "
        "been able to reach inmates by phone since the morning.",
        "",
        "Decenas de familiares esperan noticias frente a la puerta principal. Varios dijeron a nuestro reportero "
        "que no han podido comunicarse por teléfono con los presos desde la mañana.",
        author="andres-penaloza",
    ),
    Update(
        210,
        "Government confirms deaths",
        "The interior ministry confirms that inmates have died in the clashes but gives no figure. It says "
        "forensic teams cannot enter the wings yet.",
        "El gobierno confirma muertes",
        "El ministerio del Interior confirma que hay presos muertos en los enfrentamientos, pero no da una cifra. "
        "Dice que los equipos forenses aún no pueden entrar a los pabellones.",
        author="rodrigo-salcedo",
    ),
    Update(
        280,
        "",
        "Negotiators from the ombudsman's office have entered the prison, the office says, to talk with inmates "
        "in wing 9.",
        "",
        "Negociadores de la Defensoría del Pueblo entraron a la cárcel, según la institución, para hablar con los "
        "presos del pabellón 9.",
        author="andres-penaloza",
    ),
    Update(
        290,
        "What we know",
        "Inmates control at least two wings of the Litoral. Guards withdrew; the army and police surround the "
        "prison. The government confirms deaths but no figure. Negotiators are inside.",
        "Lo que sabemos",
        "Los presos controlan al menos dos pabellones del Litoral. Los guardias se retiraron; el ejército y la "
        "policía rodean la cárcel. El gobierno confirma muertes, pero no da una cifra. Hay negociadores adentro.",
        pinned=True,
    ),
    Update(
        160,
        "Where to find news of a relative",
        "The prison service has opened a telephone line for relatives, 1800-CARCEL, and says it will publish "
        "lists of injured inmates once it has them.",
        "Dónde buscar noticias de un familiar",
        "El servicio penitenciario habilitó una línea telefónica para familiares, 1800-CARCEL, y dice que "
        "publicará listas de presos heridos cuando las tenga.",
        pinned=True,
    ),
)


PIECES = (*(part for series in SERIES for part in series.parts), LIVE)
# Articles the packaging adds to the demo: each piece in both languages.
ARTICLES = 2 * len(PIECES)


def update_html(text):
    return clean_html(f"<p>{text}</p>")


def seed(seeder):
    """Write the series, their parts and the live story with its updates, as the plan above says.

    `seeder` is the DemoSeeder of the run, with its reference rows (sections, tags, authors, images) loaded.
    """
    from articles.demo.seeding import LANGUAGES, _sync_by_key, _sync_rows
    from articles.models import Article, ArticleAuthor, LiveUpdate, Series, SeriesPart, TaggedArticle

    refs, now = seeder.refs, seeder.now
    ids = {}
    for piece in PIECES:
        english_at = now - piece.age if piece.age is not None else None
        for language in LANGUAGES:
            text = piece.version(language)
            # A translation goes out an hour after the original, unless that would be in the future.
            publish_at = english_at
            if english_at is not None and language == "es":
                publish_at = english_at + min(
                    timedelta(hours=1), piece.age / 2 if piece.age > timedelta(0) else timedelta(hours=1)
                )
            live_start = now - piece.live_for if piece.live_for else None
            fields = {
                "title": text.title,
                "section": refs.sections[piece.section],
                "language": language,
                "translation_key": piece.translation_key,
                "dek": text.dek,
                "body": text.html(text.body),
                "analysis": text.html(text.analysis),
                "status": piece.status,
                "publish_at": publish_at,
                "primary_country": refs.countries[piece.countries[0]],
                "primary_tag": refs.tags[piece.topics[0], language],
                "lead_image": refs.images[piece.image],
                "live_started_at": live_start,
                "live_ended_at": None,
                # The Spanish side translates the English one as first published: up to date.
                "revision": 1,
                "source_revision": 1 if language == "es" else None,
            }
            # Stamped as changed when it went live (auto_now would say "now").
            fields["updated_at"] = publish_at or now
            # Written as the other demo stories are, without save(): a rerun leaves no history entries (the
            # text is sanitized already, by compile_blocks).
            pk = Article.objects.filter(slug=text.slug).values_list("pk", flat=True).first()
            if pk is None:
                pk = Article.objects.bulk_create([Article(slug=text.slug, **fields)])[0].pk
            else:
                Article.objects.filter(pk=pk).update(**fields)
            ids[piece.key, language] = pk
    owners = list(ids.values())
    _sync_rows(
        Article.countries.through,
        "article",
        owners,
        [
            Article.countries.through(article_id=ids[piece.key, language], country_id=refs.countries[iso].pk)
            for piece in PIECES
            for language in LANGUAGES
            for iso in piece.countries
        ],
        ("article_id", "country_id"),
    )
    _sync_rows(
        ArticleAuthor,
        "article",
        owners,
        [
            ArticleAuthor(article_id=ids[piece.key, language], author_id=refs.authors[slug].pk, position=position)
            for piece in PIECES
            for language in LANGUAGES
            for position, slug in enumerate(piece.authors)
        ],
        ("article_id", "author_id"),
        ("position",),
    )
    _sync_rows(
        TaggedArticle,
        "content_object",
        owners,
        [
            TaggedArticle(content_object_id=ids[piece.key, language], tag_id=refs.tags[topic, language].pk)
            for piece in PIECES
            for language in LANGUAGES
            for topic in piece.topics
        ],
        ("content_object_id", "tag_id"),
    )

    series = _sync_by_key(
        Series,
        "slug",
        [
            {
                "slug": plan.slug,
                "title": plan.title,
                "title_es": plan.title_es,
                "summary": plan.summary,
                "summary_es": plan.summary_es,
                "lead_image_id": refs.images[plan.image].pk,
                "planned_parts": plan.planned_parts,
            }
            for plan in SERIES
        ],
    )
    _sync_rows(
        SeriesPart,
        "article",
        owners,
        [
            SeriesPart(series_id=series[plan.slug].pk, article_id=ids[part.key, language], position=position)
            for plan in SERIES
            for position, part in enumerate(plan.parts, start=1)
            for language in LANGUAGES
        ],
        ("article_id",),
        ("series_id", "position"),
    )

    start = now - LIVE.live_for
    updates = []
    for update in LIVE_UPDATES:
        for language in LANGUAGES:
            english = language == "en"
            updates.append(
                LiveUpdate(
                    article_id=ids[LIVE.key, language],
                    published_at=start + timedelta(minutes=update.minutes),
                    title=update.en_title if english else update.es_title,
                    body=update_html(update.en if english else update.es),
                    pinned=update.pinned,
                    author_id=refs.authors[update.author].pk if update.author else None,
                )
            )
    _sync_rows(
        LiveUpdate,
        "article",
        [ids[LIVE.key, language] for language in LANGUAGES],
        updates,
        ("article_id", "body"),
        ("published_at", "title", "pinned", "author_id"),
    )
