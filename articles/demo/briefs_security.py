"""Brief templates, part two: violence, prisons, policing, the environment and the press.

The names of people and criminal groups come from articles/demo/reference.py and are invented.
"""

from articles.demo.stories import Template, Text

BRIEFS = [
    Template(
        key="bus-extortion",
        section="briefs",
        topics=("extortion", "gangs", "security", "homicides"),
        countries=("HN", "GT", "CO", "PE", "EC", "MX", "SV"),
        figures={"drivers": (3, 14), "routes": (6, 40), "weekly": (15, 80)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "Bus drivers in {city} strike after {drivers} colleagues are killed over extortion",
                "{routes} bus routes suspended in {city} as gangs demand weekly payments",
            ),
            dek="Transport owners say {group} demands a weekly fee for every bus. Those who refuse are "
            "threatened, and some drivers have been shot.",
            body="""
Bus drivers in {city} stopped work for a second day to protest the killing of {drivers} colleagues this
year, attacks that transport owners blame on gangs that extort the routes.

About {routes} routes were suspended, leaving thousands of workers and students to find other ways to get
around the city.

Owners say members of {group} demand a weekly payment of about ${weekly} per bus. Drivers on routes whose
owners refuse to pay are threatened, and some have been shot at the wheel.

Police commander {official} said officers would ride on some buses and that several suspected collectors
had been arrested. Drivers said similar promises had been made before.

Transport unions asked the government for a dedicated prosecutor for extortion cases and for protection
for those who report them.
""",
            analysis="""
Extortion of public transport is one of the clearest signs of territorial control in {country}. A gang
that can tax a bus route can tax almost anything along it: shops, street vendors, even homes.

Drivers pay the highest price because they are the easiest to reach. The owners who pay the fees, and the
passengers who fund them through fares, become part of the scheme without choosing to.

Strikes like this one force the issue onto the agenda for a few days. The reports that would allow a case
to be built, however, remain rare, because few victims trust that they will be protected.
""",
        ),
        es=Text(
            titles=(
                "Conductores de autobús de {city} paran tras el asesinato de {drivers} compañeros por extorsión",
                "Suspenden {routes} rutas de autobús en {city} por cobros semanales de las pandillas",
            ),
            dek="Los transportistas dicen que {group} exige una cuota semanal por cada autobús. A quienes se "
            "niegan los amenazan, y varios conductores han sido baleados.",
            body="""
Los conductores de autobús de {city} pararon por segundo día para protestar por el asesinato de
{drivers} compañeros este año, ataques que los transportistas atribuyen a pandillas que extorsionan las
rutas.

Cerca de {routes} rutas fueron suspendidas, y miles de trabajadores y estudiantes tuvieron que buscar
otras formas de moverse por la ciudad.

Los dueños dicen que miembros de {group} exigen un pago semanal de unos {weekly} dólares por autobús. A
los conductores de rutas cuyos dueños no pagan los amenazan, y algunos han sido baleados al volante.

{official_El} comandante policial {official} dijo que habrá agentes en algunos autobuses y que varios
presuntos cobradores fueron detenidos. Los conductores dijeron que ya habían escuchado promesas
parecidas.

Los sindicatos del transporte pidieron al gobierno una fiscalía dedicada a la extorsión y protección
para quienes denuncian.
""",
            analysis="""
La extorsión al transporte público es una de las señales más claras de control territorial en
{country}. Una pandilla que puede cobrarle a una ruta de autobús puede cobrarle a casi todo lo que hay en
ella: tiendas, vendedores ambulantes, incluso viviendas.

Los conductores pagan el precio más alto porque son los más fáciles de alcanzar. Los dueños que pagan las
cuotas, y los pasajeros que las financian con el pasaje, terminan siendo parte del esquema sin elegirlo.

Paros como este ponen el tema en la agenda por unos días. Las denuncias que permitirían armar un caso,
sin embargo, siguen siendo escasas, porque pocas víctimas confían en que serán protegidas.
""",
        ),
    ),
    Template(
        key="prison-riot",
        section="briefs",
        topics=("prisons", "gangs", "homicides", "justice"),
        countries=("EC", "HN", "BR", "VE", "CO", "HT", "GT"),
        figures={"dead": (4, 31), "inmates": (1800, 7400), "capacity": (900, 3200)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{dead} inmates killed in a prison riot in {city}",
                "Fight between rival gangs leaves {dead} dead in one of {country}'s most crowded prisons",
            ),
            dek="The prison holds about {inmates} inmates in space meant for {capacity}. Authorities say "
            "members of {group} started the attack.",
            body="""
At least {dead} inmates were killed in a riot at a prison in {city}, the prison authority of {country}
said, after fighting broke out between members of two rival groups.

The prison holds about {inmates} inmates in space designed for {capacity}. Guards lost control of two
wings for several hours before police and soldiers entered the prison.

Officials said members of {group} attacked their rivals with firearms and knives that had been smuggled
inside. Several of the victims were killed in their cells.

Relatives gathered outside the prison through the night waiting for news. The authorities have not yet
released the names of the dead.

The government announced that the leaders of the attack would be moved to a maximum-security prison.
""",
            analysis="""
Prison massacres in {country} follow a pattern: overcrowding, too few guards and gangs that run the
wings as their own territory. The violence inside is often a continuation of disputes on the streets.

Moving leaders to other prisons has been the standard response for years, and it has sometimes spread
the conflict instead of ending it.

Regaining control requires what governments find hardest to provide: more and better-paid guards,
working courts that reduce pretrial detention, and a clear break between the prisons and the gangs.
""",
        ),
        es=Text(
            titles=(
                "{dead} reos muertos en un motín en una cárcel de {city}",
                "Una pelea entre pandillas rivales deja {dead} muertos en una de las cárceles más hacinadas de "
                "{country}",
            ),
            dek="La cárcel alberga a unos {inmates} presos en un espacio pensado para {capacity}. Según las "
            "autoridades, miembros de {group} iniciaron el ataque.",
            body="""
Al menos {dead} reos murieron en un motín en una cárcel de {city}, informó la autoridad penitenciaria de
{country}, tras un enfrentamiento entre miembros de dos grupos rivales.

La cárcel alberga a unos {inmates} presos en un espacio diseñado para {capacity}. Los guardias perdieron
el control de dos pabellones durante varias horas, hasta que policías y militares entraron al penal.

Según las autoridades, miembros de {group} atacaron a sus rivales con armas de fuego y cuchillos
ingresados de contrabando. Varias de las víctimas fueron asesinadas en sus celdas.

Los familiares esperaron noticias toda la noche frente a la cárcel. Las autoridades aún no han dado a
conocer los nombres de los muertos.

El gobierno anunció que los cabecillas del ataque serán trasladados a una cárcel de máxima seguridad.
""",
            analysis="""
Las masacres carcelarias en {country} siguen un patrón: hacinamiento, pocos guardias y pandillas que
manejan los pabellones como territorio propio. La violencia adentro suele continuar disputas de la calle.

Trasladar a los cabecillas a otras cárceles ha sido la respuesta de siempre, y en ocasiones ha extendido
el conflicto en lugar de terminarlo.

Recuperar el control exige lo que a los gobiernos más les cuesta: más guardias y mejor pagados,
tribunales que reduzcan la prisión preventiva y una separación clara entre las cárceles y las pandillas.
""",
        ),
    ),
    Template(
        key="homicide-figures",
        section="briefs",
        topics=("homicides", "security", "police", "gangs"),
        countries=("MX", "HN", "CO", "EC", "CR", "CL", "UY", "JM", "TT", "BR"),
        figures={
            "rate": (4.5, 48.0),
            "change": (4, 27),
            "share": (40, 75),
            "trend": [
                {"trend": ("rise", "suben"), "trend_noun": ("an increase", "un aumento")},
                {"trend": ("fall", "bajan"), "trend_noun": ("a drop", "una caída")},
            ],
        },
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "Homicides in {country} {trend} by {change} percent in a year, official data show",
                "{Country} records a homicide rate of {rate} per 100,000 people",
            ),
            dek="The government defends its security policy. Researchers say the national figure hides wide "
            "differences between cities and a rise in disappearances.",
            body="""
{Country} recorded a homicide rate of {rate} per 100,000 inhabitants last year, {trend_noun} of
{change} percent from the year before, according to figures released by the national police.

About {share} percent of the killings were committed with firearms, and most victims were men under 30.
{city} and {city2} accounted for a large share of the total.

The government said its security strategy, which includes more patrols and the arrest of several gang
leaders, needed time to show its full results.

{expert}, a researcher who studies violence in {country}, said the national rate hides sharp differences
between cities, and that reports of missing people had risen at the same time.

The police said they would publish monthly figures broken down by province for the first time.
""",
            analysis="""
Homicide figures are the most watched security indicator in {region}, and the most easily misread. A
national rate can fall while violence concentrates in a few cities, or moves out of sight.

A rise in disappearances alongside fewer recorded killings should be a warning sign. Where criminal
groups choose to hide bodies, fewer homicides do not necessarily mean less violence.

Publishing detailed, regular data would allow researchers and journalists to test the government's
claims, and it is the most useful promise in this announcement.
""",
        ),
        es=Text(
            titles=(
                "Los homicidios en {country} {trend} un {change} % en un año, según datos oficiales",
                "{Country} registra una tasa de {rate} homicidios por cada 100.000 habitantes",
            ),
            dek="El gobierno defiende su política de seguridad. Los investigadores dicen que la cifra nacional "
            "esconde grandes diferencias entre ciudades y un aumento de las desapariciones.",
            body="""
{Country} registró una tasa de {rate} homicidios por cada 100.000 habitantes el año pasado, {trend_noun}
del {change} % respecto al año anterior, según cifras publicadas por la policía nacional.

Cerca del {share} % de los asesinatos se cometieron con armas de fuego, y la mayoría de las víctimas
eran hombres menores de 30 años. {city} y {city2} concentraron buena parte del total.

El gobierno dijo que su estrategia de seguridad, que incluye más patrullajes y la captura de varios
líderes de pandillas, necesita tiempo para mostrar todos sus resultados.

{expert}, investigador{expert_a} que estudia la violencia en {country}, dijo que la tasa nacional esconde
grandes diferencias entre ciudades y que las denuncias de personas desaparecidas aumentaron al mismo
tiempo.

La policía dijo que por primera vez publicará cifras mensuales desglosadas por provincia.
""",
            analysis="""
Las cifras de homicidios son el indicador de seguridad más vigilado {de_region}, y el más fácil de
malinterpretar. Una tasa nacional puede bajar mientras la violencia se concentra en pocas ciudades, o se
vuelve invisible.

Un aumento de las desapariciones junto con menos asesinatos registrados debería ser una señal de alerta.
Donde los grupos criminales deciden ocultar los cuerpos, menos homicidios no significan necesariamente
menos violencia.

Publicar datos detallados y periódicos permitiría a investigadores y periodistas poner a prueba lo que
dice el gobierno, y es la promesa más útil de este anuncio.
""",
        ),
    ),
    Template(
        key="mining-raid",
        section="briefs",
        topics=("mining", "environment", "armed-groups", "laundering"),
        countries=("PE", "BR", "CO", "VE", "EC", "GY", "SR", "BO"),
        figures={"dredges": (6, 48), "hectares": (40, 900), "mercury": (30, 400), "arrested": (3, 21)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "Troops destroy {dredges} illegal gold dredges on a river near {city}",
                "Illegal mining has cleared {hectares} hectares of forest near {city}, officials say",
            ),
            dek="The operation targeted camps controlled by {group}, which charges miners a share of the gold. "
            "Officials also seized {mercury} kilos of mercury.",
            body="""
Soldiers and environmental police destroyed {dredges} dredges used for illegal gold mining on a river
near {city}, in an operation that lasted five days, the authorities of {country} said.

Officials also seized {mercury} kilos of mercury, used to separate the gold from the sediment and then
dumped into the river, and detained {arrested} people.

Satellite images show that mining in the area has cleared about {hectares} hectares of forest, according
to the environment ministry.

Prosecutor {official} said the camps were controlled by {group}, which charges miners a share of the
gold and sells them fuel and supplies at inflated prices.

Local leaders said the dredges usually return within weeks of each operation.
""",
            analysis="""
Illegal gold has become as profitable as cocaine for some groups in {region}, with less risk: once the
gold is refined and sold, it is almost impossible to tell where it came from.

Destroying dredges is visible and costly for miners, but the machines are quickly replaced. The money is
made further along the chain, by those who buy, melt and export the gold.

Without tracing the gold itself, and the companies that certify its origin, operations like this one
will keep treating the damage rather than the business.
""",
        ),
        es=Text(
            titles=(
                "Militares destruyen {dredges} dragas de minería ilegal de oro en un río cerca de {city}",
                "La minería ilegal ha arrasado {hectares} hectáreas de bosque cerca de {city}, según las autoridades",
            ),
            dek="El operativo apuntó a campamentos controlados por {group}, que cobra a los mineros una parte del "
            "oro. También se incautaron {mercury} kilos de mercurio.",
            body="""
Militares y policías ambientales destruyeron {dredges} dragas usadas para la minería ilegal de oro en
un río cerca de {city}, en un operativo que duró cinco días, informaron las autoridades de {country}.

También se incautaron {mercury} kilos de mercurio, que se usa para separar el oro del sedimento y luego
se vierte al río, y se detuvo a {arrested} personas.

Las imágenes satelitales muestran que la minería ha arrasado unas {hectares} hectáreas de bosque en la
zona, según el ministerio de Ambiente.

{official_El} fiscal {official} dijo que los campamentos estaban controlados por {group}, que cobra a los
mineros una parte del oro y les vende combustible e insumos a precios inflados.

Líderes locales dijeron que las dragas suelen volver pocas semanas después de cada operativo.
""",
            analysis="""
El oro ilegal se ha vuelto tan rentable como la cocaína para algunos grupos {de_region}, con menos
riesgo: una vez refinado y vendido, es casi imposible saber de dónde salió.

Destruir dragas es visible y costoso para los mineros, pero las máquinas se reemplazan rápido. El dinero
se gana más adelante en la cadena, entre quienes compran, funden y exportan el oro.

Sin rastrear el oro mismo, y a las empresas que certifican su origen, operativos como este seguirán
atendiendo el daño y no el negocio.
""",
        ),
    ),
    Template(
        key="timber-seizure",
        section="briefs",
        topics=("timber", "environment", "corruption", "contraband"),
        countries=("BR", "PE", "HN", "GT", "BO", "PY", "NI"),
        figures={"cubic": (300, 4800), "trucks": (4, 30), "permits": (12, 90)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "{cubic} cubic meters of illegal timber seized in {country}",
                "Loggers used {permits} forged permits to move protected wood out of forests near {city}",
            ),
            dek="The wood was cut in protected areas and given a legal origin with forged transport permits, "
            "investigators say.",
            body="""
Environmental officials in {country} seized {cubic} cubic meters of timber and {trucks} trucks in a
sawmill near {city}, after finding that the wood had been cut in protected forests.

Investigators found {permits} transport permits that had been forged or issued for areas where no legal
logging was taking place, a method used to give illegal wood a legal origin.

Prosecutor {official} said forestry officials in {city2} were under investigation for approving the
permits.

The owners of the sawmill said they had bought the timber in good faith from licensed suppliers.

Some of the species seized are protected and their export is banned.
""",
            analysis="""
Illegal logging depends less on chainsaws than on paperwork. The trees are cut in the forest, but the
crime is completed in an office, when a permit turns them into legal wood.

Cases like this one are among the few in which the officials who sign those permits are investigated.
Most end with the seizure of the timber and the arrest of drivers.

Buyers abroad increasingly ask for proof of legal origin. Forged permits are the answer to that demand,
and the reason why control of the paperwork matters as much as control of the forest.
""",
        ),
        es=Text(
            titles=(
                "Decomisan {cubic} metros cúbicos de madera ilegal en {country}",
                "Madereros usaron {permits} permisos falsos para sacar madera protegida de los bosques cerca de {city}",
            ),
            dek="La madera fue talada en áreas protegidas y recibió un origen legal con permisos de transporte "
            "falsificados, según los investigadores.",
            body="""
Funcionarios ambientales de {country} decomisaron {cubic} metros cúbicos de madera y {trucks} camiones en
un aserradero cerca de {city}, tras comprobar que la madera había sido talada en bosques protegidos.

Los investigadores hallaron {permits} permisos de transporte falsificados o emitidos para zonas donde no
había tala legal, un método para dar un origen legal a la madera ilegal.

{official_El} fiscal {official} dijo que funcionarios forestales de {city2} son investigados por haber
aprobado los permisos.

Los dueños del aserradero dijeron que compraron la madera de buena fe a proveedores con licencia.

Algunas de las especies decomisadas están protegidas y su exportación está prohibida.
""",
            analysis="""
La tala ilegal depende menos de las motosierras que de los papeles. Los árboles se cortan en el bosque,
pero el delito se completa en una oficina, cuando un permiso los convierte en madera legal.

Casos como este están entre los pocos en los que se investiga a los funcionarios que firman esos
permisos. La mayoría termina con el decomiso de la madera y la detención de los choferes.

Los compradores en el extranjero piden cada vez más pruebas de origen legal. Los permisos falsos son la
respuesta a esa exigencia, y la razón por la que controlar los papeles importa tanto como controlar el
bosque.
""",
        ),
    ),
    Template(
        key="wildlife",
        section="briefs",
        topics=("wildlife", "environment", "contraband", "ports"),
        countries=("CO", "BR", "EC", "PE", "MX", "BO", "VE"),
        partners=("US", "ES", "CN"),
        figures={"animals": (30, 420), "species": (4, 19)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{animals} animals rescued from traffickers at the airport in {city}",
                "Birds, turtles and monkeys: {species} species found in a smuggling shipment in {country}",
            ),
            dek="The animals were packed in bags and plastic tubes for a flight to {partner}. Many did not "
            "survive the trip to the airport.",
            body="""
Police in {country} rescued {animals} wild animals of {species} species from luggage and parcels at the
airport of {city}, most of them packed in bags, socks and plastic tubes.

Among them were parrots, turtles, frogs and two young monkeys. Veterinarians said dozens of animals had
died before they were found.

The shipment was due to fly to {partner_city} in {partner}, where some of the species sell as exotic pets
for hundreds of times what the traffickers paid collectors.

Two passengers were arrested. Prosecutor {official} said they worked for a network that recruits people
in poor rural areas to capture the animals.

The survivors were taken to a rescue center, and some will be returned to the wild.
""",
            analysis="""
Wildlife trafficking gets less attention than drugs or arms, but it feeds on the same things: poverty
where the animals are captured, demand abroad and weak controls in between.

Many of these animals do not survive the trip, which means each seizure represents a much larger number
taken from the forest.

Fines for wildlife crimes remain low in much of {region}, and cases rarely reach the buyers who finance
the trade. Until they do, rescues like this one will remain a rescue, not a deterrent.
""",
        ),
        es=Text(
            titles=(
                "Rescatan a {animals} animales de manos de traficantes en el aeropuerto de {city}",
                "Aves, tortugas y monos: hallan {species} especies en un envío de contrabando en {country}",
            ),
            dek="Los animales estaban metidos en bolsas y tubos plásticos para un vuelo a {partner}. Muchos no "
            "sobrevivieron al viaje hasta el aeropuerto.",
            body="""
La policía de {country} rescató a {animals} animales silvestres de {species} especies en maletas y
paquetes en el aeropuerto de {city}, la mayoría metidos en bolsas, calcetines y tubos plásticos.

Entre ellos había loros, tortugas, ranas y dos monos jóvenes. Los veterinarios dijeron que decenas de
animales habían muerto antes de ser encontrados.

El envío debía volar a {partner_city}, en {partner}, donde algunas de las especies se venden como
mascotas exóticas por cientos de veces lo que los traficantes pagaron a los recolectores.

Dos pasajeros fueron detenidos. {official_El} fiscal {official} dijo que trabajaban para una red que
recluta a personas de zonas rurales pobres para capturar a los animales.

Los sobrevivientes fueron llevados a un centro de rescate, y algunos serán devueltos a su hábitat.
""",
            analysis="""
El tráfico de fauna recibe menos atención que el de drogas o armas, pero se alimenta de lo mismo:
pobreza donde se captura a los animales, demanda en el extranjero y controles débiles en el medio.

Muchos de estos animales no sobreviven al viaje, lo que significa que cada decomiso representa un número
mucho mayor de animales sacados del bosque.

Las multas por delitos contra la fauna siguen siendo bajas en buena parte {de_region}, y los casos rara
vez llegan a los compradores que financian el comercio. Mientras eso no cambie, rescates como este serán
solo eso, un rescate, y no un freno.
""",
        ),
    ),
    Template(
        key="police-corruption",
        section="briefs",
        topics=("police", "corruption", "gangs", "cocaine"),
        countries=("MX", "HN", "GT", "PY", "AR", "BR", "CR", "EC"),
        figures={"officers": (4, 23), "months": (6, 20)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{officers} police officers arrested in {city} for working with {group}",
                "Police officers in {country} accused of tipping off {group} before raids",
            ),
            dek="Wiretaps show the officers warned the group about operations and returned seized drugs, "
            "according to prosecutors.",
            body="""
Prosecutors in {country} arrested {officers} police officers in {city}, accusing them of working for
{group} for at least {months} months.

According to the case file, the officers warned the group about upcoming raids, let its members through
checkpoints and returned part of the drugs they seized in exchange for monthly payments.

The investigation relied on wiretaps authorized by a judge. In one of the recordings, an officer can be
heard agreeing on the time a patrol would leave an area.

The director of the police, {official}, said the force would not protect anyone who betrays the uniform
and that the internal affairs unit had helped with the investigation.

The officers were suspended without pay while the case proceeds.
""",
            analysis="""
Cases like this one are a reminder that criminal groups do not only fight the police; they also hire
it. Protection from inside a force is often worth more to a group than any weapon.

The involvement of internal affairs is encouraging, but one-off purges rarely last. The low salaries,
local rotations and weak supervision that make officers easy to recruit usually remain.

For residents of {city}, the damage is lasting: it becomes harder to report a crime to a police force
that may be sharing the information with those who committed it.
""",
        ),
        es=Text(
            titles=(
                "Detienen en {city} a {officers} policías por trabajar para {group}",
                "Acusan a policías de {country} de avisar a {group} antes de los operativos",
            ),
            dek="Las escuchas muestran que los agentes alertaban al grupo sobre los operativos y devolvían droga "
            "decomisada, según la Fiscalía.",
            body="""
La Fiscalía de {country} detuvo a {officers} policías en {city}, acusados de trabajar para {group}
durante al menos {months} meses.

Según el expediente, los agentes avisaban al grupo de los allanamientos, dejaban pasar a sus miembros
por los puestos de control y devolvían parte de la droga decomisada a cambio de pagos mensuales.

La investigación se basó en escuchas autorizadas por un juez. En una de las grabaciones, un agente
acuerda la hora en que una patrulla saldría de una zona.

{official_El} director{official_a} de la policía, {official}, dijo que la institución no protegerá a nadie
que traicione el uniforme y que la unidad de asuntos internos colaboró con la investigación.

Los agentes fueron suspendidos sin goce de sueldo mientras avanza el proceso.
""",
            analysis="""
Casos como este recuerdan que los grupos criminales no solo combaten a la policía; también la contratan.
La protección desde dentro de una institución suele valer más para un grupo que cualquier arma.

La participación de asuntos internos es alentadora, pero las purgas puntuales rara vez duran. Los
salarios bajos, las rotaciones locales y la supervisión débil que facilitan el reclutamiento de agentes
suelen quedarse.

Para los vecinos de {city}, el daño es duradero: se vuelve más difícil denunciar un delito ante una
policía que puede estar compartiendo la información con quienes lo cometieron.
""",
        ),
    ),
    Template(
        key="kidnapping",
        section="briefs",
        topics=("kidnapping", "gangs", "police", "extortion"),
        countries=("HT", "MX", "EC", "CO", "VE", "TT"),
        figures={"hostages": (2, 9), "ransom": (20, 400), "days": (3, 40)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "{hostages} kidnapping victims freed in a police operation in {city}",
                "Kidnapping ring that demanded ${ransom},000 ransoms broken up in {country}",
            ),
            dek="The victims were held for up to {days} days. Police say the ring chose them after studying "
            "their routines for weeks.",
            body="""
Police in {country} freed {hostages} people held by a kidnapping ring in a house on the outskirts of
{city}, some of whom had been captive for {days} days.

The ring demanded ransoms of up to ${ransom},000 from the victims' families, who were told to deliver
the money in small amounts at different points of the city.

Investigators said the group chose its victims, most of them shop owners and their relatives, after
watching their routines for weeks.

Commander {official} said the ring had links to {group} and that several of its members had been
arrested before for robbery.

The freed hostages received medical care and were reunited with their families.
""",
            analysis="""
Kidnapping for ransom rises where criminal groups control territory and the police struggle to
investigate. It is labor-intensive and risky, and groups turn to it when other sources of income fall.

Many kidnappings are never reported. Families often pay quietly, fearing that going to the police will
put the victim at risk, which makes official figures a poor guide to the scale of the problem.

Successful rescues like this one matter because they rebuild some of that trust. Without it, the
families of the next victims will once again negotiate alone.
""",
        ),
        es=Text(
            titles=(
                "Liberan a {hostages} víctimas de secuestro en un operativo policial en {city}",
                "Desarticulan en {country} una banda de secuestradores que pedía rescates de {ransom}.000 dólares",
            ),
            dek="Las víctimas estuvieron retenidas hasta {days} días. Según la policía, la banda las elegía "
            "tras estudiar sus rutinas durante semanas.",
            body="""
La policía de {country} liberó a {hostages} personas retenidas por una banda de secuestradores en una
casa de las afueras de {city}, algunas de las cuales llevaban {days} días cautivas.

La banda exigía rescates de hasta {ransom}.000 dólares a las familias de las víctimas, a las que pedía
entregar el dinero en montos pequeños en distintos puntos de la ciudad.

Según los investigadores, el grupo elegía a sus víctimas, en su mayoría comerciantes y sus familiares,
después de vigilar sus rutinas durante semanas.

{official_El} comandante {official} dijo que la banda tenía vínculos con {group} y que varios de sus
miembros ya habían sido detenidos antes por robo.

Los rehenes liberados recibieron atención médica y se reencontraron con sus familias.
""",
            analysis="""
El secuestro extorsivo crece donde los grupos criminales controlan el territorio y a la policía le
cuesta investigar. Exige mucha gente y mucho riesgo, y los grupos recurren a él cuando caen otros
ingresos.

Muchos secuestros nunca se denuncian. Las familias suelen pagar en silencio por temor a que acudir a la
policía ponga en riesgo a la víctima, por lo que las cifras oficiales dicen poco sobre la magnitud del
problema.

Los rescates exitosos como este importan porque reconstruyen algo de esa confianza. Sin ella, las
familias de las próximas víctimas volverán a negociar solas.
""",
        ),
    ),
    Template(
        key="troops-deployed",
        section="briefs",
        topics=("security", "military", "gangs", "justice"),
        countries=("HN", "EC", "GT", "PE", "CL", "TT", "JM", "HT"),
        figures={"troops": (800, 6000), "days": (30, 90), "detained": (120, 2400)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{Country} extends its state of emergency for {days} more days",
                "{troops} soldiers deployed to the streets of {city} as the government extends emergency powers",
            ),
            dek="The measure suspends some rights in the areas most affected by gang violence. Human rights "
            "groups question the arrests made under it.",
            body="""
The government of {country} extended a state of emergency for {days} more days in the areas most
affected by gang violence, including several neighborhoods of {city} and {city2}.

The measure allows police and soldiers to make arrests and search homes without a warrant. About {troops}
soldiers have been deployed to support the police.

Officials said {detained} people had been detained since the measure took effect, most of them accused
of belonging to {group} and other gangs.

Human rights groups said many of those detained were held for days without seeing a judge, and that
their families could not find out where they were.

Government spokesperson {official} said the emergency would last as long as necessary.
""",
            analysis="""
States of emergency have become the default security policy in much of {region}. They are quick to
announce, popular in the short term and easy to extend.

What they rarely include is a plan for what comes after: investigations that hold up in court, prisons
able to receive those detained and police forces able to keep the territory once the soldiers leave.

Mass arrests can reduce violence for a while. Without that plan, they also risk filling prisons where
gangs recruit, and building resentment in the communities that the measure says it protects.
""",
        ),
        es=Text(
            titles=(
                "{Country} extiende el estado de excepción por {days} días más",
                "Despliegan {troops} militares en las calles de {city} mientras el gobierno prorroga la excepción",
            ),
            dek="La medida suspende algunos derechos en las zonas más afectadas por la violencia de las "
            "pandillas. Organizaciones de derechos humanos cuestionan las detenciones.",
            body="""
El gobierno de {country} extendió por {days} días más el estado de excepción en las zonas más afectadas
por la violencia de las pandillas, entre ellas varios barrios de {city} y {city2}.

La medida permite a policías y militares detener personas y allanar viviendas sin orden judicial. Unos
{troops} militares fueron desplegados para apoyar a la policía.

Según las autoridades, {detained} personas han sido detenidas desde que la medida entró en vigor, la
mayoría acusadas de pertenecer a {group} y a otras pandillas.

Organizaciones de derechos humanos dijeron que muchos detenidos pasaron días sin ver a un juez y que sus
familias no pudieron averiguar dónde estaban.

{official_El} portavoz del gobierno, {official}, dijo que la excepción durará lo que sea necesario.
""",
            analysis="""
Los estados de excepción se han convertido en la política de seguridad por defecto en buena parte
{de_region}. Son rápidos de anunciar, populares en el corto plazo y fáciles de prorrogar.

Lo que rara vez incluyen es un plan para lo que viene después: investigaciones que se sostengan ante un
tribunal, cárceles capaces de recibir a los detenidos y policías capaces de mantener el territorio
cuando los militares se vayan.

Las detenciones masivas pueden reducir la violencia por un tiempo. Sin ese plan, también pueden llenar
cárceles donde las pandillas reclutan y generar resentimiento en las comunidades que la medida dice
proteger.
""",
        ),
    ),
    Template(
        key="press-threats",
        section="briefs",
        topics=("press", "armed-groups", "corruption", "justice"),
        countries=("MX", "HN", "GT", "CO", "EC", "NI", "VE"),
        figures={"threats": (12, 85), "reporters": (2, 6)},
        min_body=4,
        copies=3,
        en=Text(
            titles=(
                "Local reporters in {city} leave town after threats attributed to {group}",
                "Press groups record {threats} attacks on journalists in {country} this year",
            ),
            dek="The reporters had covered local corruption and the group's control of public contracts. "
            "Press freedom groups asked for protection.",
            body="""
{reporters} reporters from a local news site in {city} left the city with their families after receiving
threats that colleagues attribute to {group}.

The journalists had published stories about public works contracts awarded to companies linked to local
officials and, according to their editor, to the group.

Press freedom organizations said they had recorded {threats} attacks on journalists in {country} so far
this year, including threats, harassment online and lawsuits designed to silence coverage.

The state protection program said it was reviewing the case. Prosecutor {official} said an
investigation had been opened.

The news site said it would keep publishing from another city.
""",
            analysis="""
Local reporters are the most exposed journalists in {region}. They cover the people they live among, with
few resources and little protection, and their work is often the only scrutiny that local power faces.

When they leave, the cost is not only theirs. Whole areas go without independent coverage, which is
exactly the silence that groups like {group} want.

Protection programs exist in several countries but are slow and underfunded. The surest protection
remains the one that rarely comes: convictions for those who threaten and attack the press.
""",
        ),
        es=Text(
            titles=(
                "Periodistas locales de {city} abandonan la ciudad tras amenazas atribuidas a {group}",
                "Organizaciones de prensa registran {threats} agresiones contra periodistas en {country} este año",
            ),
            dek="Los periodistas habían cubierto la corrupción local y el control del grupo sobre contratos "
            "públicos. Organizaciones de prensa pidieron protección.",
            body="""
{reporters} periodistas de un medio digital local de {city} dejaron la ciudad con sus familias tras
recibir amenazas que sus colegas atribuyen a {group}.

Los periodistas habían publicado reportajes sobre contratos de obra pública adjudicados a empresas
ligadas a funcionarios locales y, según su editor, al grupo.

Las organizaciones de libertad de prensa dijeron que han registrado {threats} agresiones contra
periodistas en {country} en lo que va del año, entre ellas amenazas, acoso en redes y demandas pensadas
para silenciar la cobertura.

El mecanismo estatal de protección dijo que revisa el caso. {official_El} fiscal {official} dijo que se
abrió una investigación.

El medio dijo que seguirá publicando desde otra ciudad.
""",
            analysis="""
Los periodistas locales son los más expuestos {de_region}. Cubren a la gente entre la que viven, con pocos
recursos y poca protección, y su trabajo suele ser el único control que enfrenta el poder local.

Cuando se van, el costo no es solo suyo. Zonas enteras se quedan sin cobertura independiente, que es
justamente el silencio que buscan grupos como {group}.

Existen mecanismos de protección en varios países, pero son lentos y tienen poco presupuesto. La
protección más segura sigue siendo la que pocas veces llega: condenas para quienes amenazan y atacan a
la prensa.
""",
        ),
    ),
    Template(
        key="phone-scams",
        section="briefs",
        topics=("cyber", "extortion", "prisons", "laundering"),
        countries=("CL", "CO", "AR", "PE", "DO", "MX", "GT"),
        figures={"phones": (60, 700), "victims": (150, 2600), "accounts": (20, 140)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{phones} phones seized as police break up a scam center run from a prison in {country}",
                "Virtual kidnapping and fake debt collectors: a phone scam ring with {victims} victims in {city}",
            ),
            dek="Inmates called victims pretending to be relatives in trouble or debt collectors. Relatives "
            "outside collected the money through {accounts} bank accounts.",
            body="""
Police in {country} seized {phones} mobile phones in a search of a prison near {city}, where inmates ran
a scam center that called victims across the country, the authorities said.

The callers pretended to be relatives in an emergency, police officers or debt collectors, and in some
cases told victims that a family member had been kidnapped and would be harmed unless they paid.

Prosecutors have identified about {victims} victims so far. The money was collected through {accounts}
bank accounts and digital wallets opened in the names of people outside the prison.

Prosecutor {official} said several guards were under investigation for letting the phones in.

Officials urged anyone who receives such a call to hang up and contact the relative directly.
""",
            analysis="""
Prison scam centers show how little it takes to run a criminal business from a cell: a phone, a list of
numbers and someone outside willing to lend a bank account.

The calls are cheap and can be made thousands of times a day, so even a small share of victims who pay
makes the business profitable. Many people never report it out of shame.

Blocking signals inside prisons has been promised for years in {country}. Until it happens, and until
banks act faster on accounts used to collect the money, the calls will keep coming.
""",
        ),
        es=Text(
            titles=(
                "Decomisan {phones} teléfonos al desarticular un centro de estafas que operaba desde una cárcel de "
                "{country}",
                "Secuestros virtuales y falsos cobradores: una red de estafas telefónicas con {victims} víctimas "
                "en {city}",
            ),
            dek="Los presos llamaban a las víctimas haciéndose pasar por familiares en apuros o por cobradores. "
            "Familiares afuera cobraban el dinero a través de {accounts} cuentas bancarias.",
            body="""
La policía de {country} decomisó {phones} teléfonos celulares en una requisa en una cárcel cerca de
{city}, donde los presos operaban un centro de estafas que llamaba a víctimas de todo el país, informaron
las autoridades.

Quienes llamaban se hacían pasar por familiares en una emergencia, policías o cobradores de deudas, y en
algunos casos decían a las víctimas que un familiar había sido secuestrado y sería lastimado si no
pagaban.

La Fiscalía ha identificado hasta ahora a unas {victims} víctimas. El dinero se cobraba a través de
{accounts} cuentas bancarias y billeteras digitales abiertas a nombre de personas fuera de la cárcel.

{official_El} fiscal {official} dijo que varios guardias son investigados por permitir el ingreso de los
teléfonos.

Las autoridades pidieron a quien reciba una llamada así que cuelgue y llame directamente a su familiar.
""",
            analysis="""
Los centros de estafa en las cárceles muestran lo poco que se necesita para manejar un negocio criminal
desde una celda: un teléfono, una lista de números y alguien afuera dispuesto a prestar una cuenta.

Las llamadas son baratas y pueden hacerse miles de veces al día, así que basta con que pague una pequeña
parte de las víctimas para que el negocio sea rentable. Muchas personas no denuncian por vergüenza.

El bloqueo de señal en las cárceles se promete desde hace años en {country}. Mientras no llegue, y
mientras los bancos no actúen más rápido sobre las cuentas usadas para cobrar, las llamadas seguirán.
""",
        ),
    ),
    Template(
        key="election-violence",
        section="briefs",
        topics=("elections", "armed-groups", "corruption", "homicides"),
        countries=("MX", "CO", "EC", "PE", "HN", "BR", "GT"),
        figures={"candidates": (5, 34), "municipalities": (8, 60)},
        min_body=4,
        copies=4,
        en=Text(
            titles=(
                "{candidates} local candidates attacked or threatened ahead of elections in {country}",
                "Candidates in {municipalities} municipalities of {country} ask for protection before the vote",
            ),
            dek="Electoral authorities say criminal groups are trying to choose who runs for mayor in areas "
            "they control.",
            body="""
At least {candidates} candidates for local office in {country} have been attacked or threatened since the
campaign began, according to a count by the electoral authority.

Candidates in {municipalities} municipalities have asked for protection. Several withdrew from the race,
among them a candidate for mayor near {city} who said armed men visited her campaign office.

Electoral official {official} said criminal groups were trying to decide who runs in areas they control,
to secure influence over local police, public works and permits.

Parties said they would not field candidates in some areas because they could not guarantee their
safety.

The government announced a protection plan for candidates and polling stations in the most affected
areas.
""",
            analysis="""
Local elections are where criminal groups have the most to gain. A friendly mayor can mean control of
the police, of public contracts and of the permits that businesses need.

Violence is only the most visible part of that interest. Financing, pressure on voters and the quiet
withdrawal of candidates leave fewer traces and can matter as much.

Protection plans help candidates survive the campaign. What happens to municipal budgets after the vote
deserves as much attention, and usually gets far less.
""",
        ),
        es=Text(
            titles=(
                "{candidates} candidatos locales atacados o amenazados antes de las elecciones en {country}",
                "Candidatos de {municipalities} municipios de {country} piden protección antes de la votación",
            ),
            dek="Las autoridades electorales dicen que los grupos criminales intentan decidir quién se postula a "
            "alcalde en las zonas que controlan.",
            body="""
Al menos {candidates} candidatos a cargos locales en {country} han sido atacados o amenazados desde que
comenzó la campaña, según un conteo de la autoridad electoral.

Candidatos de {municipalities} municipios han pedido protección. Varios se retiraron de la contienda,
entre ellos una candidata a alcaldesa cerca de {city} que contó que hombres armados visitaron su oficina
de campaña.

{official_El} funcionari{official_o} electoral {official} dijo que los grupos criminales intentan decidir
quién se postula en las zonas que controlan, para asegurarse influencia sobre la policía local, las
obras públicas y los permisos.

Los partidos dijeron que no presentarán candidatos en algunas zonas porque no pueden garantizar su
seguridad.

El gobierno anunció un plan de protección para candidatos y centros de votación en las zonas más
afectadas.
""",
            analysis="""
Las elecciones locales son donde los grupos criminales tienen más para ganar. Un alcalde afín puede
significar control de la policía, de los contratos públicos y de los permisos que necesitan los
negocios.

La violencia es solo la parte más visible de ese interés. El financiamiento, la presión sobre los
votantes y el retiro silencioso de candidatos dejan menos rastro y pueden pesar lo mismo.

Los planes de protección ayudan a los candidatos a sobrevivir la campaña. Lo que pasa con los
presupuestos municipales después de la votación merece la misma atención, y suele recibir mucha menos.
""",
        ),
    ),
]
