"""Brief templates, part one: drugs, routes and money.

Each brief is a short news story (four to six paragraphs) with the newsroom's analysis (two or three).
The names of people and criminal groups come from articles/demo/reference.py and are invented.
"""

from articles.demo.stories import Template, Text

BRIEFS = [
    Template(
        key="port-cocaine",
        section="briefs",
        topics=("cocaine", "ports", "contraband", "laundering"),
        countries=("EC", "CO", "PA", "CR", "DO", "BR", "PE"),
        partners=("ES", "NL", "US"),
        figures={"tonnes": (1.2, 8.9), "containers": (2, 9), "arrested": (3, 14)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{tonnes} tonnes of cocaine found in fruit containers at a port in {country}",
                "Port workers among {arrested} arrested after cocaine seizure in {port}",
            ),
            dek="The shipment was bound for {partner}. Prosecutors say a crew inside the port loaded it after "
            "the containers had been inspected.",
            body="""
Anti-narcotics police in {country} found {tonnes} tonnes of cocaine hidden among boxes of fruit in
{containers} shipping containers at the port of {port}, the Attorney General's Office said.

The containers were due to sail to {partner_port} in {partner}. Investigators said the drugs had been
loaded after the cargo passed the port's scanners, a method known as "rip-on, rip-off" that needs help
from people with access to the terminal.

{arrested} people were arrested, among them two crane operators and a customs inspector. Prosecutor
{official} said the network worked for {group}, which has moved cocaine through the port for at least
three years.

The exporter, a fruit company registered in {city2}, said it had no knowledge of the shipment and was
cooperating with the authorities.

It was the largest seizure at the port this year. Officials said the cocaine would have sold for more
than ten times its local value once it reached Europe.

A judge is expected to rule this week on whether the suspects will await trial in detention.
""",
            analysis="""
Seizures at the docks are only part of the story. The arrests of port workers point to what makes a
port useful to traffickers: not the containers, but the people who can open and close them unnoticed.

{group} has invested in exactly that kind of access. Groups that control a port crew can rent it out to
other exporters, which turns a trafficking network into a logistics business.

Scanners and sniffer dogs help, but they cannot replace vetting and rotating the staff who work in the
most sensitive parts of a terminal. Few ports in {region} do either consistently.
""",
        ),
        es=Text(
            titles=(
                "Hallan {tonnes} toneladas de cocaína en contenedores de fruta en un puerto de {country}",
                "Trabajadores portuarios entre los {arrested} detenidos tras un decomiso de cocaína en {port}",
            ),
            dek="El cargamento iba hacia {partner}. La Fiscalía dice que una cuadrilla del puerto lo cargó "
            "después de que los contenedores fueran inspeccionados.",
            body="""
La policía antinarcóticos de {country} encontró {tonnes} toneladas de cocaína escondidas entre cajas de
fruta en {containers} contenedores en el puerto de {port}, informó la Fiscalía General.

Los contenedores debían zarpar hacia {partner_port}, en {partner}. Según los investigadores, la droga se
cargó después de que la mercancía pasara por los escáneres del puerto, un método conocido como
"gancho ciego" que requiere ayuda de personas con acceso a la terminal.

Fueron detenidas {arrested} personas, entre ellas dos operadores de grúa y un inspector de aduanas.
{official_El} fiscal {official} dijo que la red trabajaba para {group}, que mueve cocaína por el puerto
desde hace al menos tres años.

La exportadora, una empresa frutícola registrada en {city2}, dijo que desconocía el cargamento y que
colabora con las autoridades.

Es el mayor decomiso en el puerto este año. Las autoridades señalaron que la cocaína habría valido más
de diez veces su precio local al llegar a Europa.

Se espera que un juez decida esta semana si los sospechosos esperarán el juicio en prisión.
""",
            analysis="""
Los decomisos en los muelles son solo una parte de la historia. La detención de trabajadores portuarios
muestra lo que hace útil un puerto para los traficantes: no los contenedores, sino las personas que
pueden abrirlos y cerrarlos sin que nadie lo note.

{group} ha invertido justamente en ese tipo de acceso. Un grupo que controla una cuadrilla portuaria
puede alquilarla a otros exportadores, lo que convierte una red de tráfico en un negocio logístico.

Los escáneres y los perros detectores ayudan, pero no reemplazan la verificación y la rotación del
personal en las zonas más sensibles de una terminal. Pocos puertos {de_region} hacen ambas cosas de
manera constante.
""",
        ),
    ),
    Template(
        key="narco-sub",
        section="briefs",
        topics=("cocaine", "ports", "security", "armed-groups"),
        countries=("CO", "EC", "GT", "SV", "MX", "HN"),
        figures={"tonnes": (1.5, 4.2), "crew": (3, 5), "miles": (80, 320)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "Navy intercepts semi-submersible with {tonnes} tonnes of cocaine off {country}",
                "{crew} detained as navy stops a cocaine 'narco sub' in the Pacific off {country}",
            ),
            dek="The vessel, built in a mangrove shipyard, was spotted by a patrol aircraft about {miles} "
            "nautical miles from the coast.",
            body="""
The navy of {country} intercepted a semi-submersible vessel carrying {tonnes} tonnes of cocaine in the
Pacific Ocean, about {miles} nautical miles from the coast, officials said.

A patrol aircraft spotted the vessel, which sat barely above the waterline. Its crew of {crew} tried to
sink it by opening its valves, but sailors recovered most of the packages before it went under.

Navy officials said the vessel was made of fiberglass and wood in a hidden shipyard in the mangroves,
and that it could carry enough fuel to reach Central America without stopping.

The crew members, all fishermen from small coastal towns, were handed to prosecutors. One of them told
investigators he had been promised the equivalent of a year's income for the trip.

The authorities said the cargo belonged to {group}, which has used similar vessels before.
""",
            analysis="""
Semi-submersibles remain one of the cheapest ways to move cocaine north. A vessel costs far less than
the cargo it carries, and traffickers treat them as disposable.

The crews are the most exposed and the least important link in the chain. Arresting them rarely reaches
the people who finance the shipyards, who often stay in {city} or abroad.

Every interception also says something about the ones that get through. Naval officials across
{region} admit that they stop only a fraction of these trips.
""",
        ),
        es=Text(
            titles=(
                "La Armada intercepta un semisumergible con {tonnes} toneladas de cocaína frente a {country}",
                "Detienen a {crew} tripulantes de un 'narcosubmarino' en el Pacífico frente a {country}",
            ),
            dek="La embarcación, construida en un astillero escondido en el manglar, fue detectada por un avión "
            "de patrullaje a unas {miles} millas náuticas de la costa.",
            body="""
La Armada de {country} interceptó un semisumergible que transportaba {tonnes} toneladas de cocaína en el
océano Pacífico, a unas {miles} millas náuticas de la costa, informaron las autoridades.

Un avión de patrullaje detectó la embarcación, que apenas sobresalía del agua. Sus {crew} tripulantes
intentaron hundirla abriendo las válvulas, pero los marinos recuperaron la mayoría de los paquetes.

Según la Armada, la nave estaba hecha de fibra de vidrio y madera en un astillero oculto en el manglar,
y podía cargar combustible suficiente para llegar a Centroamérica sin detenerse.

Los tripulantes, todos pescadores de pequeños pueblos costeros, fueron entregados a la Fiscalía. Uno de
ellos dijo a los investigadores que le habían prometido el equivalente a un año de ingresos por el viaje.

Las autoridades dijeron que la carga pertenecía a {group}, que ya había usado embarcaciones similares.
""",
            analysis="""
Los semisumergibles siguen siendo una de las formas más baratas de mover cocaína hacia el norte. Una
embarcación cuesta mucho menos que la carga que transporta, y los traficantes la consideran desechable.

Las tripulaciones son el eslabón más expuesto y menos importante de la cadena. Detenerlas rara vez
conduce a quienes financian los astilleros, que suelen quedarse en {city} o en el extranjero.

Cada intercepción también dice algo sobre las que no se detectan. Los mandos navales {de_region}
admiten que solo frenan una fracción de estos viajes.
""",
        ),
    ),
    Template(
        key="fentanyl-lab",
        section="briefs",
        topics=("fentanyl", "synthetics", "drug-policy", "military"),
        countries=("MX", "GT", "CA"),
        figures={"pills": (40, 900), "chemicals": (1.1, 9.6), "arrested": (2, 7)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "Police find a fentanyl lab with {pills},000 pills near {city}",
                "Synthetic drug lab dismantled in {country}; {chemicals} tonnes of chemicals seized",
            ),
            dek="The lab, set up in a rented farmhouse, could press thousands of counterfeit pills a day, "
            "according to the authorities.",
            body="""
Security forces in {country} dismantled a laboratory producing fentanyl pills on the outskirts of
{city}, seizing about {pills},000 tablets and {chemicals} tonnes of chemicals, officials said.

The lab was set up in a rented farmhouse with industrial pill presses, molds and dyes used to make the
tablets look like prescription painkillers. {arrested} people were detained at the site.

Officials said the chemicals had entered the country as legal industrial products and were diverted to
the lab. Several drums carried labels of companies that said they had never heard of the buyers.

Prosecutor {official} said the lab supplied {group}, which sends pills north in small parcels and in
cars crossing the border.

Health officials warned that pills pressed in labs like this one often carry uneven doses, which makes
them especially deadly.

The suspects face charges of drug production and criminal association.
""",
            analysis="""
Labs like this one need little space and few specialists. That makes each seizure easy to replace, and
shows why counting labs says little about how much fentanyl is being produced.

The weak point is supply. Every pill starts with chemicals that are bought, shipped and declared
somewhere. Tracking who orders them, and who lends their company's name, does more damage than a raid.

For now, most enforcement in {country} still happens at the end of the chain, with armed agents at
the door, rather than with customs officers reading invoices.
""",
        ),
        es=Text(
            titles=(
                "Hallan un laboratorio de fentanilo con {pills}.000 pastillas cerca de {city}",
                "Desmantelan un laboratorio de drogas sintéticas en {country}; incautan {chemicals} toneladas "
                "de químicos",
            ),
            dek="El laboratorio, instalado en una finca alquilada, podía fabricar miles de pastillas falsificadas "
            "al día, según las autoridades.",
            body="""
Las fuerzas de seguridad de {country} desmantelaron un laboratorio que fabricaba pastillas de fentanilo
en las afueras de {city} y decomisaron unas {pills}.000 tabletas y {chemicals} toneladas de químicos,
informaron las autoridades.

El laboratorio estaba instalado en una finca alquilada, con prensas industriales, moldes y colorantes
para que las tabletas parecieran analgésicos de receta. {arrested} personas fueron detenidas en el lugar.

Según las autoridades, los químicos entraron al país como productos industriales legales y fueron
desviados al laboratorio. Varios tambos tenían etiquetas de empresas que aseguraron no conocer a los
compradores.

{official_El} fiscal {official} dijo que el laboratorio abastecía a {group}, que envía las pastillas hacia
el norte en paquetes pequeños y en autos que cruzan la frontera.

Las autoridades sanitarias advirtieron que las pastillas de laboratorios como este suelen tener dosis
desiguales, lo que las hace especialmente letales.

Los sospechosos enfrentan cargos por producción de drogas y asociación delictuosa.
""",
            analysis="""
Laboratorios como este necesitan poco espacio y pocos especialistas. Por eso cada decomiso es fácil de
reemplazar, y contar laboratorios dice poco sobre cuánto fentanilo se produce.

El punto débil es el abastecimiento. Cada pastilla empieza con químicos que alguien compra, transporta y
declara. Rastrear quién los pide, y quién presta el nombre de su empresa, causa más daño que un operativo.

Por ahora, la mayor parte de la persecución en {country} ocurre al final de la cadena, con agentes armados en
la puerta, y no con funcionarios de aduanas leyendo facturas.
""",
        ),
    ),
    Template(
        key="precursors",
        section="briefs",
        topics=("synthetics", "ports", "fentanyl", "contraband"),
        countries=("MX", "GT", "HN", "BZ", "PA"),
        partners=("CN",),
        figures={"tonnes": (4.0, 38.0), "containers": (2, 11)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "Customs in {country} hold {tonnes} tonnes of drug precursors shipped from {partner}",
                "Chemicals for synthetic drugs seized in {containers} containers at {port}",
            ),
            dek="The cargo was declared as cleaning products. Officials say it could have produced millions of "
            "doses of synthetic drugs.",
            body="""
Customs officers at the port of {port} in {country} held {containers} containers with {tonnes}
tonnes of chemicals used to make synthetic drugs, the tax and customs authority said.

The shipment arrived from {partner_port}, in {partner}, and was declared as industrial cleaning
products. Laboratory tests found precursors that are controlled in {country} but not in every country
along the route.

The importer was a company set up eight months ago with a registered address in {city2}. When officials
visited the address they found a small shop with no link to the business.

Prosecutor {official} said the case is being investigated together with the anti-money laundering
unit, because the chemicals were paid for through several intermediaries.

No arrests have been made. The chemicals will be destroyed under judicial supervision.
""",
            analysis="""
Precursor seizures are growing across {region}, and so is the creativity of the paperwork behind them.
Shell importers with short lives are the rule rather than the exception.

Controls differ from country to country, and traffickers route shipments through wherever the rules are
weakest. A chemical that is flagged in one port can pass freely through the next.

Cooperation with exporting countries has improved, but most of these cases still depend on an alert
customs officer noticing that the paperwork does not add up.
""",
        ),
        es=Text(
            titles=(
                "Aduanas de {country} retiene {tonnes} toneladas de precursores enviados desde {partner}",
                "Decomisan químicos para drogas sintéticas en {containers} contenedores en {port}",
            ),
            dek="La carga estaba declarada como productos de limpieza. Según las autoridades, alcanzaba para "
            "producir millones de dosis de drogas sintéticas.",
            body="""
Funcionarios de aduanas en el puerto de {port}, en {country}, retuvieron {containers} contenedores con
{tonnes} toneladas de químicos usados para fabricar drogas sintéticas, informó la autoridad tributaria y
aduanera.

El cargamento llegó desde {partner_port}, en {partner}, declarado como productos de limpieza
industrial. Las pruebas de laboratorio hallaron precursores que están controlados en {country}, pero no
en todos los países de la ruta.

La importadora era una empresa creada hace ocho meses con domicilio en {city2}. Cuando los funcionarios
visitaron la dirección encontraron una pequeña tienda sin relación con el negocio.

{official_El} fiscal {official} dijo que el caso se investiga junto con la unidad contra el lavado de
dinero, porque los químicos se pagaron a través de varios intermediarios.

No hay detenidos. Los químicos serán destruidos bajo supervisión judicial.
""",
            analysis="""
Los decomisos de precursores crecen en toda la región, y también la creatividad de los papeles que los
acompañan. Las importadoras fachada de vida corta son la regla, no la excepción.

Los controles cambian de un país a otro, y los traficantes envían los cargamentos por donde las reglas
son más débiles. Un químico que genera alertas en un puerto puede pasar sin problemas por el siguiente.

La cooperación con los países exportadores ha mejorado, pero la mayoría de estos casos todavía depende
de que un funcionario de aduanas atento note que los papeles no cuadran.
""",
        ),
    ),
    Template(
        key="laundering-network",
        section="briefs",
        topics=("laundering", "corruption", "justice", "cocaine"),
        countries=("PA", "CO", "PY", "UY", "DO", "AR", "MX"),
        figures={"millions": (12, 180), "companies": (8, 45), "properties": (6, 60), "arrested": (4, 16)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "Prosecutors in {country} freeze {properties} properties tied to a ${millions} million laundering "
                "scheme",
                "{arrested} arrested in {city} over laundering network that used {companies} shell companies",
            ),
            dek="The network moved money for {group} through real estate, car dealerships and an exchange "
            "house, according to investigators.",
            body="""
Prosecutors in {country} ordered the seizure of {properties} properties and the freezing of dozens of
bank accounts linked to a network accused of laundering about ${millions} million for {group}.

{arrested} people were arrested in raids in {city} and {city2}, among them a notary, two real estate
agents and the owner of an exchange house.

According to the case file, the network used {companies} companies with no employees to buy apartments,
farmland and luxury cars, which were then sold or rented to turn cash into clean income.

Prosecutor {official} said the investigation began with a tip from a bank that noticed repeated cash
deposits just under the reporting threshold.

Defense lawyers for the notary said their client had only certified documents presented to him and
would prove his innocence in court.

The assets will be managed by the state while the case is under way.
""",
            analysis="""
The most telling detail in this case is the list of professions among the detainees. Laundering at this
scale is impossible without notaries, agents and accountants willing to look away.

Real estate remains one of the easiest places to hide money in {region}: registries are fragmented,
beneficial owners are rarely verified and cash purchases are still common.

Freezing assets is the easy part. Cases like this one often take years to reach a verdict, and many
seized properties lose value, or are quietly returned, before they do.
""",
        ),
        es=Text(
            titles=(
                "La Fiscalía de {country} congela {properties} propiedades ligadas a un esquema de lavado de "
                "{millions} millones de dólares",
                "{arrested} detenidos en {city} por una red de lavado que usaba {companies} empresas fachada",
            ),
            dek="La red movía dinero de {group} a través de bienes raíces, concesionarios de autos y una casa de "
            "cambio, según los investigadores.",
            body="""
La Fiscalía de {country} ordenó la incautación de {properties} propiedades y el congelamiento de decenas
de cuentas bancarias vinculadas a una red acusada de lavar unos {millions} millones de dólares para
{group}.

{arrested} personas fueron detenidas en allanamientos en {city} y {city2}, entre ellas un notario, dos
agentes inmobiliarios y el dueño de una casa de cambio.

Según el expediente, la red usaba {companies} empresas sin empleados para comprar apartamentos, fincas y
autos de lujo, que luego vendía o alquilaba para convertir efectivo en ingresos limpios.

{official_El} fiscal {official} dijo que la investigación comenzó por una alerta de un banco que notó
depósitos en efectivo repetidos justo por debajo del umbral de reporte.

Los abogados del notario dijeron que su cliente solo certificó los documentos que le presentaron y que
demostrará su inocencia ante el tribunal.

Los bienes serán administrados por el Estado mientras avanza el proceso.
""",
            analysis="""
El detalle más revelador del caso es la lista de profesiones de los detenidos. Un lavado de esta escala
es imposible sin notarios, agentes y contadores dispuestos a mirar hacia otro lado.

Los bienes raíces siguen siendo uno de los lugares más fáciles para esconder dinero {de_region}: los
registros están fragmentados, casi nunca se verifica quién es el verdadero dueño y las compras en
efectivo todavía son comunes.

Congelar los bienes es la parte fácil. Casos como este suelen tardar años en llegar a una sentencia, y
muchas propiedades incautadas pierden valor, o se devuelven sin ruido, antes de que eso ocurra.
""",
        ),
    ),
    Template(
        key="arms-seizure",
        section="briefs",
        topics=("arms", "smuggling", "gangs", "ports"),
        countries=("MX", "HN", "JM", "HT", "TT", "EC", "DO", "BZ"),
        partners=("US",),
        figures={"rifles": (20, 140), "rounds": (5, 60), "arrested": (2, 6)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{rifles} rifles bought in {partner} seized on their way to gangs in {country}",
                "Police in {country} seize an arms shipment hidden in a cargo of used appliances",
            ),
            dek="Serial numbers traced the weapons to gun shops in {partner}. Investigators say they were "
            "meant for {group}.",
            body="""
Police in {country} seized {rifles} rifles, a dozen pistols and about {rounds},000 rounds of ammunition
hidden in a shipment of used washing machines and refrigerators that arrived in {city}.

Serial numbers on several of the weapons matched purchases made at gun shops in {partner}, where
investigators believe buyers with clean records acquired them on behalf of others.

{arrested} people were arrested, including the customs broker who handled the shipment. Commander
{official} said the weapons were meant for {group}, which is fighting a rival group for control of
several neighborhoods.

Officials in {partner} have been asked to identify the original buyers.

Most of the firearms recovered in {country} in the past year came from abroad, according to police
figures.
""",
            analysis="""
Guns are the one product that flows in the opposite direction to the drugs. They are bought legally in
{partner}, moved in small quantities and turned into the most important tool of the groups that fight
over territory in {country}.

Each rifle that reaches a gang raises the cost of every conflict. A single shipment like this can
change the balance between rival groups for months.

Tracing is the best tool available, but it depends on quick answers between agencies in two countries,
and those answers often come after the weapons have already been used.
""",
        ),
        es=Text(
            titles=(
                "Incautan {rifles} fusiles comprados en {partner} que iban a pandillas de {country}",
                "La policía de {country} decomisa un cargamento de armas escondido entre electrodomésticos usados",
            ),
            dek="Los números de serie llevaron a armerías en {partner}. Según los investigadores, las armas "
            "eran para {group}.",
            body="""
La policía de {country} decomisó {rifles} fusiles, una docena de pistolas y unas {rounds}.000
municiones escondidas en un cargamento de lavadoras y refrigeradoras usadas que llegó a {city}.

Los números de serie de varias armas coinciden con compras hechas en armerías de {partner}, donde los
investigadores creen que compradores sin antecedentes las adquirieron por encargo de otros.

Fueron detenidas {arrested} personas, entre ellas el agente aduanero que tramitó el envío. {official_El}
comandante {official} dijo que las armas eran para {group}, que se disputa con un grupo rival el control
de varios barrios.

Se pidió a las autoridades de {partner} que identifiquen a los compradores originales.

La mayoría de las armas de fuego recuperadas en {country} el último año vinieron del extranjero, según
cifras policiales.
""",
            analysis="""
Las armas son el único producto que viaja en sentido contrario a la droga. Se compran legalmente en
{partner}, se mueven en cantidades pequeñas y se convierten en la herramienta más importante de los
grupos que se disputan territorio en {country}.

Cada fusil que llega a una pandilla encarece todos los conflictos. Un solo envío como este puede
cambiar el equilibrio entre grupos rivales durante meses.

El rastreo es la mejor herramienta disponible, pero depende de respuestas rápidas entre agencias de dos
países, y esas respuestas suelen llegar cuando las armas ya fueron usadas.
""",
        ),
    ),
    Template(
        key="migrant-smuggling",
        section="briefs",
        topics=("smuggling", "trafficking", "corruption", "police"),
        countries=("GT", "MX", "PA", "CR", "CL", "DO", "HN", "BZ"),
        figures={"migrants": (40, 180), "arrested": (3, 12), "fee": (3, 15)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{migrants} migrants found locked in a truck near {city}",
                "Smuggling network that charged migrants up to ${fee},000 dismantled in {country}",
            ),
            dek="The migrants had paid smugglers for a trip north. Prosecutors say officials at two "
            "checkpoints were paid to let the trucks through.",
            body="""
Police in {country} found {migrants} migrants, among them children, locked inside the trailer of a
truck stopped at a checkpoint near {city}. Several needed medical care for dehydration.

The migrants told officials they had paid between $2,000 and ${fee},000 each for a trip that was meant
to take them north in a few days, but had lasted weeks.

Prosecutors said the truck belonged to a network that has moved migrants through {country} for at least
two years. {arrested} people were arrested in raids in {city} and {city2}.

Among the detainees were two officials accused of taking payments to let the trucks pass through their
checkpoints without inspection, prosecutor {official} said.

The migrants were taken to a shelter, where they can request protection.
""",
            analysis="""
Migrant smuggling has become one of the most profitable criminal businesses in {region}, and it is no
longer run only by small family networks. Groups like {group} tax or control the routes themselves.

The arrest of officials shows where the business is most vulnerable: it depends on checkpoints that
look the other way. It also shows why crackdowns alone tend to push migrants onto more dangerous routes.

Smugglers sell a service that migrants feel they have no alternative to. As long as legal paths remain
narrow, the demand for that service will outlast any single network.
""",
        ),
        es=Text(
            titles=(
                "Hallan a {migrants} migrantes encerrados en un camión cerca de {city}",
                "Desarticulan en {country} una red que cobraba hasta {fee}.000 dólares a migrantes",
            ),
            dek="Los migrantes habían pagado a traficantes por un viaje hacia el norte. Según la Fiscalía, "
            "funcionarios de dos puestos de control cobraban por dejar pasar los camiones.",
            body="""
La policía de {country} encontró a {migrants} migrantes, entre ellos niños, encerrados en el remolque de
un camión detenido en un puesto de control cerca de {city}. Varios necesitaron atención médica por
deshidratación.

Los migrantes dijeron a las autoridades que habían pagado entre 2.000 y {fee}.000 dólares cada uno por
un viaje que debía llevarlos al norte en pocos días, pero que duró semanas.

Según la Fiscalía, el camión pertenecía a una red que mueve migrantes por {country} desde hace al menos
dos años. {arrested} personas fueron detenidas en allanamientos en {city} y {city2}.

Entre los detenidos hay dos funcionarios acusados de cobrar por dejar pasar los camiones sin inspección,
dijo {official_el} fiscal {official}.

Los migrantes fueron llevados a un albergue, donde pueden solicitar protección.
""",
            analysis="""
El tráfico de migrantes se ha convertido en uno de los negocios criminales más rentables {de_region}, y
ya no lo manejan solo pequeñas redes familiares. Grupos como {group} cobran peaje o controlan las rutas.

La detención de funcionarios muestra dónde es más vulnerable el negocio: depende de puestos de control
que miran hacia otro lado. También muestra por qué la mano dura empuja a los migrantes hacia rutas más
peligrosas.

Los traficantes venden un servicio para el que los migrantes sienten que no hay alternativa. Mientras
las vías legales sigan siendo estrechas, la demanda sobrevivirá a cualquier red.
""",
        ),
    ),
    Template(
        key="fuel-theft",
        section="briefs",
        topics=("fuel", "contraband", "corruption", "armed-groups"),
        countries=("MX", "VE", "CO", "EC", "BO", "PE"),
        figures={"liters": (60, 900), "taps": (5, 40), "trucks": (3, 18)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "Authorities in {country} seize {liters},000 liters of stolen fuel near {city}",
                "{taps} illegal pipeline taps found in a month around {city}",
            ),
            dek="The fuel was stored in a warehouse and sold to gas stations and farms. Officials say the "
            "network had help from inside the state oil company.",
            body="""
Authorities in {country} seized about {liters},000 liters of stolen fuel stored in a warehouse on the
outskirts of {city}, along with {trucks} tanker trucks used to distribute it.

Investigators said the fuel came from illegal taps on a pipeline that crosses the region. Technicians
found {taps} taps in the past month alone, some of them dangerously close to houses.

The fuel was sold at a discount to gas stations, farms and transport companies. Prosecutor {official}
said several employees of the state oil company were under investigation for sharing pressure data and
maintenance schedules.

Local residents said armed men guarded the area around the warehouse at night.

The case was handed to a special unit that investigates crimes against the energy sector.
""",
            analysis="""
Fuel theft rarely gets the attention that drugs do, but for groups like {group} it is a steady source
of cash with lower risks and a market that never closes.

The involvement of insiders is the constant in these cases. Tapping a pipeline without causing a blast
requires technical knowledge that comes from people who know how it works.

Every tap also endangers the communities around it. Spills and fires tend to hurt residents long after
the network has moved elsewhere.
""",
        ),
        es=Text(
            titles=(
                "Autoridades de {country} decomisan {liters}.000 litros de combustible robado cerca de {city}",
                "Hallan {taps} tomas clandestinas en un ducto en un solo mes en los alrededores de {city}",
            ),
            dek="El combustible se almacenaba en una bodega y se vendía a gasolineras y fincas. Las autoridades "
            "dicen que la red tenía ayuda dentro de la petrolera estatal.",
            body="""
Las autoridades de {country} decomisaron unos {liters}.000 litros de combustible robado almacenado en una
bodega en las afueras de {city}, junto con {trucks} camiones cisterna usados para distribuirlo.

Según los investigadores, el combustible salía de tomas clandestinas en un ducto que atraviesa la región.
Los técnicos hallaron {taps} tomas solo en el último mes, algunas peligrosamente cerca de viviendas.

El combustible se vendía con descuento a gasolineras, fincas y empresas de transporte. {official_El}
fiscal {official} dijo que varios empleados de la petrolera estatal son investigados por compartir
datos de presión y calendarios de mantenimiento.

Vecinos de la zona dijeron que hombres armados vigilaban los alrededores de la bodega por las noches.

El caso pasó a una unidad especial que investiga delitos contra el sector energético.
""",
            analysis="""
El robo de combustible rara vez recibe la atención que recibe la droga, pero para grupos como {group} es
una fuente constante de dinero, con menos riesgos y un mercado que nunca cierra.

La participación de personas de adentro es la constante en estos casos. Perforar un ducto sin provocar
una explosión exige conocimientos técnicos que vienen de quienes saben cómo funciona.

Cada toma pone en peligro a las comunidades cercanas. Los derrames y los incendios suelen afectar a los
vecinos mucho después de que la red se haya mudado a otro lugar.
""",
        ),
    ),
    Template(
        key="coca-report",
        section="briefs",
        topics=("cocaine", "drug-policy", "armed-groups", "environment"),
        countries=("CO", "PE", "BO"),
        figures={
            "hectares": (18, 240),
            "change": (3, 19),
            "trend": [
                {"trend": ("rise", "suben"), "trend_noun": ("an increase", "un aumento")},
                {"trend": ("fall", "bajan"), "trend_noun": ("a drop", "una caída")},
            ],
        },
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "Coca crops in {country} {trend} to {hectares},000 hectares, official survey finds",
                "New survey: coca cultivation in {country} shifts toward border areas",
            ),
            dek="The annual survey found fewer crops in traditional areas and more near borders and protected "
            "forests, where the state is hardly present.",
            body="""
Coca cultivation in {country} covered about {hectares},000 hectares last year, {trend_noun} of {change}
percent from the year before, according to the annual survey produced with the
<a href="https://www.unodc.org/">United Nations Office on Drugs and Crime</a>.

The survey found that crops shrank in some traditional growing areas but spread into border regions and
protected forests, where eradication teams rarely go.

Productivity per hectare also rose, the report said, because of better-yielding plants and more
efficient processing in laboratories close to the fields.

The government said the figures showed the need to combine eradication with support for farmers.
Farmer associations in {city} said promised programs had not reached most of their members.

{expert}, an analyst who has studied coca markets for years, said the hectare count alone hides the
more important trend: how much cocaine the crops can now produce.
""",
            analysis="""
The hectare figure will dominate the headlines, but it is the least useful number in the survey. Where
the crops move, and how productive they become, says more about the market than the total.

The shift toward borders and protected areas means that the cocaine economy is settling where armed
groups such as {group} face the least resistance, and where the environmental damage is greatest.

Governments in the region have alternated between forced eradication and voluntary substitution for
decades. Neither has worked for long without roads, markets and land titles for the farmers involved.
""",
        ),
        es=Text(
            titles=(
                "Los cultivos de coca en {country} {trend} a {hectares}.000 hectáreas, según el informe oficial",
                "Nuevo informe: los cultivos de coca en {country} se desplazan hacia las zonas de frontera",
            ),
            dek="El informe anual halló menos cultivos en las zonas tradicionales y más cerca de las fronteras y "
            "de bosques protegidos, donde el Estado casi no está presente.",
            body="""
Los cultivos de coca en {country} ocuparon unas {hectares}.000 hectáreas el año pasado, {trend_noun} del
{change} % respecto al año anterior, según el informe anual elaborado con la
<a href="https://www.unodc.org/">Oficina de las Naciones Unidas contra la Droga y el Delito</a>.

El informe halló que los cultivos se redujeron en algunas zonas tradicionales, pero se extendieron hacia
regiones de frontera y bosques protegidos, adonde los equipos de erradicación casi no llegan.

La productividad por hectárea también aumentó, según el informe, por plantas más rendidoras y un
procesamiento más eficiente en laboratorios cercanos a los cultivos.

El gobierno dijo que las cifras muestran la necesidad de combinar la erradicación con apoyo a los
campesinos. Asociaciones campesinas de {city} dijeron que los programas prometidos no llegaron a la
mayoría de sus miembros.

{expert}, analista que estudia los mercados de la coca desde hace años, dijo que el conteo de hectáreas
esconde la tendencia más importante: cuánta cocaína pueden producir ahora esos cultivos.
""",
            analysis="""
La cifra de hectáreas dominará los titulares, pero es el dato menos útil del informe. Hacia dónde se
mueven los cultivos, y cuánto rinden, dice más sobre el mercado que el total.

El desplazamiento hacia fronteras y áreas protegidas significa que la economía de la cocaína se asienta
donde grupos armados como {group} encuentran menos resistencia, y donde el daño ambiental es mayor.

Los gobiernos de la región han alternado durante décadas entre la erradicación forzosa y la sustitución
voluntaria. Ninguna ha funcionado por mucho tiempo sin caminos, mercados y títulos de tierra para los
campesinos.
""",
        ),
    ),
    Template(
        key="extradition",
        section="briefs",
        topics=("extradition", "justice", "cocaine", "armed-groups"),
        countries=("CO", "HN", "GT", "MX", "EC", "DO", "PA", "PY"),
        partners=("US",),
        figures={"years": (4, 15), "tonnes": (10, 90)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{Country} extradites alleged leader of {group} to {partner}",
                "Alleged {group} boss flown to {partner} to face drug trafficking charges",
            ),
            dek="He is accused of sending at least {tonnes} tonnes of cocaine north. His lawyers fought the "
            "extradition for {years} years.",
            body="""
{Country} extradited to {partner} a man prosecutors describe as a leader of {group}, after a legal battle
that lasted {years} years.

He faces charges in a federal court of conspiring to send at least {tonnes} tonnes of cocaine north
through Central America and Mexico. He was arrested in {city} at the request of prosecutors in {partner}.

His lawyers argued that he should be tried at home, where he also faces charges of homicide and
laundering. The Supreme Court rejected the appeal last month.

Officials said he was flown out under heavy guard from an air base near {city2}.

Victims' groups in {country} said they feared the extradition would leave crimes committed at home
unpunished, as has happened in earlier cases.
""",
            analysis="""
Extradition remains the strongest tool that governments in the region have against traffickers, and the
one the traffickers fear most. It removes them from prisons they can control and courts they can delay.

But it comes at a cost. Those extradited often trade information for lower sentences abroad, while the
victims of their violence at home never see a trial, and the networks behind them adapt.

For {group}, the departure of a leader is more likely to open a succession fight than to end the group.
The coming months in {city} will show which of the two it is.
""",
        ),
        es=Text(
            titles=(
                "{Country} extradita a {partner} al presunto jefe de {group}",
                "El presunto líder de {group}, enviado a {partner} para enfrentar cargos por narcotráfico",
            ),
            dek="Se le acusa de enviar al menos {tonnes} toneladas de cocaína hacia el norte. Sus abogados "
            "pelearon la extradición durante {years} años.",
            body="""
{Country} extraditó a {partner} a un hombre que la Fiscalía describe como uno de los jefes de {group},
tras una batalla legal que duró {years} años.

Enfrenta cargos en un tribunal federal por conspirar para enviar al menos {tonnes} toneladas de cocaína
hacia el norte a través de Centroamérica y México. Fue detenido en {city} a pedido de fiscales de
{partner}.

Sus abogados sostuvieron que debía ser juzgado en su país, donde también enfrenta cargos por homicidio y
lavado de dinero. La Corte Suprema rechazó la apelación el mes pasado.

Las autoridades dijeron que salió del país bajo fuerte custodia desde una base aérea cerca de {city2}.

Organizaciones de víctimas de {country} dijeron temer que la extradición deje impunes los crímenes
cometidos en el país, como ocurrió en casos anteriores.
""",
            analysis="""
La extradición sigue siendo la herramienta más fuerte que tienen los gobiernos de la región contra los
traficantes, y la que más temen. Los saca de cárceles que pueden controlar y de tribunales que pueden
demorar.

Pero tiene un costo. Los extraditados suelen cambiar información por condenas más cortas en el
extranjero, mientras las víctimas de su violencia nunca ven un juicio, y las redes detrás de ellos se
adaptan.

Para {group}, la salida de un jefe probablemente abra una pelea por la sucesión antes que acabar con el
grupo. Los próximos meses en {city} dirán cuál de las dos cosas ocurre.
""",
        ),
    ),
]
