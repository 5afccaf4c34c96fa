"""Templates of the longer pieces: analysis and investigations, with subheads, a quotation and a list.

The names of people and criminal groups come from articles/demo/reference.py and are invented.
"""

from articles.demo.stories import Template, Text

FEATURES = [
    Template(
        key="analysis-extortion",
        section="analysis",
        topics=("extortion", "gangs", "security", "laundering", "prisons"),
        countries=("HN", "GT", "SV", "EC", "PE", "CO"),
        figures={"share": (30, 70), "businesses": (20, 90)},
        copies=2,
        en=Text(
            titles=(
                "How extortion became the business model of {group} in {country}",
                "The quiet tax: why extortion outlasts every crackdown in {country}",
            ),
            seo_title="Why extortion outlasts every crackdown in {country_name}",
            dek="Drugs make headlines, but for gangs like {group} the steady income comes from the weekly "
            "payments of shop owners, drivers and families.",
            body="""
Ask a shop owner in {city} what organized crime costs them and the answer is rarely about drugs. It is
about the envelope that someone collects every week, the phone call that sets the amount, and what
happens to those who refuse.

Extortion has become the main business of groups like {group}. It requires no imports, no routes and no
buyers abroad, only control of a neighborhood and a reputation for violence.

## A business built on territory

The logic is simple. A group that controls a street can charge everyone who works on it. In parts of
{city}, business associations estimate that {share} percent of small businesses pay someone.

The payments are usually modest, set at what a business can bear without closing. That is precisely
what makes them sustainable: a predictable income, collected for years.

> "We do not call it extortion anymore. We call it the rent. It is one more bill, and it is the one you
cannot be late with," said a shop owner who asked not to be named for her safety.

## What the crackdowns miss

Governments in {country} have answered with mass arrests, states of emergency and new prisons. Arrests
of collectors are frequent; convictions of the people who receive the money are not.

Collectors are easy to replace, and many are teenagers recruited for the job. The money, meanwhile,
moves into businesses that the groups own or control, from car washes to small transport companies.

Researchers who study the problem point to the same gaps:

- Few victims report, because they do not trust that they will be protected.
- Prosecutors rarely follow the money beyond the first account that receives it.
- Much of the extortion is still ordered from prisons by phone.
- Businesses that launder the money are seldom investigated.

## What would change the equation

{expert}, who has studied extortion in {region} for a decade, says the answer lies less in force than in
making the business unprofitable: protecting those who report, seizing the assets of the groups and
cutting their communication from prisons.

Until then, extortion will remain what it has become in {city}: a quiet tax that everyone pays and few
dare to name.
""",
        ),
        es=Text(
            titles=(
                "Cómo la extorsión se convirtió en el modelo de negocio de {group} en {country}",
                "El impuesto silencioso: por qué la extorsión sobrevive a cada ofensiva en {country}",
            ),
            seo_title="Por qué la extorsión sobrevive a cada ofensiva en {country_name}",
            dek="La droga acapara los titulares, pero para pandillas como {group} el ingreso constante viene de "
            "los pagos semanales de comerciantes, conductores y familias.",
            body="""
Pregúntele a un comerciante de {city} cuánto le cuesta el crimen organizado y la respuesta rara vez
habla de drogas. Habla del sobre que alguien recoge cada semana, de la llamada que fija el monto y de lo
que les pasa a quienes se niegan.

La extorsión se ha convertido en el principal negocio de grupos como {group}. No requiere importaciones,
rutas ni compradores en el extranjero; solo el control de un barrio y una reputación de violencia.

## Un negocio construido sobre el territorio

La lógica es sencilla. Un grupo que controla una calle puede cobrarle a todo el que trabaja en ella. En
partes de {city}, las asociaciones de comerciantes calculan que el {share} % de los pequeños negocios le
paga a alguien.

Los pagos suelen ser modestos, fijados en lo que un negocio puede soportar sin cerrar. Eso es justamente
lo que los hace sostenibles: un ingreso previsible, cobrado durante años.

> "Ya no le decimos extorsión. Le decimos la renta. Es una cuenta más, y es la única que no se puede
pagar tarde", dijo una comerciante que pidió no ser identificada por su seguridad.

## Lo que las ofensivas no ven

Los gobiernos de {country} han respondido con detenciones masivas, estados de excepción y cárceles
nuevas. Las capturas de cobradores son frecuentes; las condenas de quienes reciben el dinero, no.

Los cobradores son fáciles de reemplazar, y muchos son adolescentes reclutados para la tarea. El dinero,
mientras tanto, pasa a negocios que los grupos poseen o controlan, desde autolavados hasta pequeñas
empresas de transporte.

Los investigadores que estudian el problema señalan los mismos vacíos:

- Pocas víctimas denuncian, porque no confían en que serán protegidas.
- La Fiscalía rara vez sigue el dinero más allá de la primera cuenta que lo recibe.
- Buena parte de la extorsión todavía se ordena desde las cárceles por teléfono.
- Los negocios que lavan el dinero casi nunca son investigados.

## Lo que cambiaría la ecuación

{expert}, que estudia la extorsión {de_region} desde hace una década, dice que la respuesta está menos en
la fuerza que en volver el negocio poco rentable: proteger a quienes denuncian, incautar los bienes de
los grupos y cortar su comunicación desde las cárceles.

Hasta entonces, la extorsión seguirá siendo lo que ya es en {city}: un impuesto silencioso que todos
pagan y pocos se atreven a nombrar.
""",
        ),
    ),
    Template(
        key="analysis-ports",
        section="analysis",
        topics=("ports", "cocaine", "corruption", "security"),
        countries=("EC", "CR", "PA", "BR", "CO", "DO"),
        partners=("ES", "NL"),
        figures={"containers": (1, 3), "tonnes": (40, 190)},
        copies=2,
        en=Text(
            titles=(
                "Why Europe-bound cocaine is moving through the ports of {country}",
                "The new cocaine gateway: how {country} became a stop on the route to {partner}",
            ),
            seo_title="Why Europe-bound cocaine moves through {country_name}",
            dek="Record seizures at ports like {port} are a symptom of a wider shift: European demand, "
            "container traffic and the corruption that connects them.",
            body="""
Five years ago, few people outside the shipping industry knew the name of the port of {port}. Today it
appears in court files in {partner} almost every month.

Authorities in {country} seized about {tonnes} tonnes of cocaine at their ports last year, most of it
bound for Europe. That is a fraction of what passes through, according to customs officials.

## Following the containers

The shift has less to do with {country} than with the route. European demand for cocaine has grown, and
the drug travels best hidden in the enormous flow of legal trade: bananas, shrimp, timber, scrap metal.

Only {containers} or so in every hundred containers is physically inspected at most ports in the region.
Traffickers do not need to beat the system, only to be among the ones that are not chosen.

> "The scanner does not decide which container is opened. A person does. That is where the groups put
their money," said {expert}, who advises port authorities on security.

## The human link

Every large seizure in the past year has led investigators to people inside the ports: crane operators,
security guards, customs officers, clerks who can change a container's position in the yard.

Groups such as {group} recruit them with offers that can equal years of salary, and with threats when
money is not enough. Several port workers who refused have been killed.

Investigators and port officials describe the same weak points:

- Workers with access to sensitive areas are rarely vetted or rotated.
- Exporters' identities are easy to fake or borrow.
- Information on container positions is shared too widely.
- Cooperation with destination ports depends on informal contacts.

## What comes next

Governments in {country} and in {partner} have promised more scanners and joint investigations. Both will
help. But as long as the demand remains and a single worker can be bought, the route will adapt faster
than the controls.

For the residents of {city}, the cost is already visible: the violence that comes with the fight for
control of the docks.
""",
        ),
        es=Text(
            titles=(
                "Por qué la cocaína que va a Europa pasa por los puertos de {country}",
                "La nueva puerta de la cocaína: cómo {country} se volvió una escala en la ruta hacia {partner}",
            ),
            seo_title="Por qué la cocaína rumbo a Europa pasa por {country_name}",
            dek="Los decomisos récord en puertos como {port} son el síntoma de un cambio más amplio: la demanda "
            "europea, el tráfico de contenedores y la corrupción que los une.",
            body="""
Hace cinco años, pocos fuera del sector naviero conocían el nombre del puerto de {port}. Hoy aparece
en expedientes judiciales de {partner} casi todos los meses.

Las autoridades de {country} decomisaron unas {tonnes} toneladas de cocaína en sus puertos el año pasado,
la mayoría con destino a Europa. Según funcionarios de aduanas, es una fracción de lo que pasa.

## Siguiendo los contenedores

El cambio tiene menos que ver con {country} que con la ruta. La demanda europea de cocaína ha crecido, y
la droga viaja mejor escondida en el enorme flujo del comercio legal: banano, camarón, madera, chatarra.

En la mayoría de los puertos de la región solo se inspecciona físicamente {containers} de cada cien
contenedores, más o menos. Los traficantes no necesitan burlar el sistema, solo estar entre los que no
son elegidos.

> "El escáner no decide qué contenedor se abre. Lo decide una persona. Ahí es donde los grupos ponen su
dinero", dijo {expert}, asesor{expert_a} de autoridades portuarias en temas de seguridad.

## El eslabón humano

Cada gran decomiso del último año llevó a los investigadores a personas dentro de los puertos:
operadores de grúa, guardias, funcionarios de aduanas, empleados que pueden cambiar la posición de un
contenedor en el patio.

Grupos como {group} los reclutan con ofertas que pueden igualar años de salario, y con amenazas cuando
el dinero no alcanza. Varios trabajadores portuarios que se negaron fueron asesinados.

Investigadores y funcionarios portuarios describen los mismos puntos débiles:

- Los trabajadores con acceso a zonas sensibles casi nunca son verificados ni rotados.
- La identidad de los exportadores es fácil de falsificar o de tomar prestada.
- La información sobre la posición de los contenedores se comparte demasiado.
- La cooperación con los puertos de destino depende de contactos informales.

## Lo que viene

Los gobiernos de {country} y de {partner} han prometido más escáneres e investigaciones conjuntas. Ambas
cosas ayudarán. Pero mientras exista la demanda y baste con comprar a un solo trabajador, la ruta se
adaptará más rápido que los controles.

Para los vecinos de {city}, el costo ya es visible: la violencia que llega con la pelea por el control de
los muelles.
""",
        ),
    ),
    Template(
        key="analysis-military",
        section="analysis",
        topics=("military", "security", "police", "homicides"),
        countries=("MX", "HN", "EC", "PE", "GT", "CL"),
        figures={"soldiers": (8, 95), "years": (3, 12), "complaints": (120, 1900)},
        copies=2,
        en=Text(
            titles=(
                "Soldiers on the streets of {country}: what {years} years of data show",
                "{Country}'s bet on the military for public security, examined",
            ),
            seo_title="Soldiers on the streets of {country_name}: what the data show",
            dek="Governments keep sending troops to fight crime. The evidence on whether it works is thinner "
            "than the announcements suggest.",
            body="""
When violence spikes in {country}, the response has become predictable: soldiers in the streets. There
are now about {soldiers},000 troops assigned to public security tasks, a mission that was meant to be
temporary {years} years ago.

We reviewed official figures on homicides, arrests and complaints in the areas where troops were
deployed, and spoke with officers, residents and researchers.

## Short-term calm, long-term doubts

In several cities, homicides fell in the first months after the troops arrived. In most of them, the
decline did not last beyond the first year, and in some the violence moved to neighboring areas.

Soldiers are trained to confront an enemy, not to investigate a crime. Arrests rose, but few of them led
to convictions, because cases were built without the evidence that courts require.

> "We can take a street. We cannot hold it forever, and we cannot build a case. That is not what we
were trained for," said a retired army officer who served in two deployments.

## The cost for residents

Human rights offices received about {complaints} complaints against the armed forces over the period,
from unlawful searches to arbitrary detentions. Few were resolved.

Residents interviewed in {city} described mixed feelings: relief at first, then distrust. Several said
they would still rather call a soldier than a police officer they believe works for {group}.

What the data suggest works better:

- Police forces with investigative capacity and fair pay.
- Prosecutors who can build cases against the leaders, not only the foot soldiers.
- Clear limits and civilian oversight of any military role.
- Prevention programs in the neighborhoods where groups recruit.

## An exit that never comes

Every government promises that the deployment is temporary. None has yet built the police that would
allow the soldiers to leave. Until that changes, the military will remain the answer that is easiest to
announce and hardest to end.
""",
        ),
        es=Text(
            titles=(
                "Militares en las calles de {country}: lo que muestran {years} años de datos",
                "La apuesta de {country} por los militares en la seguridad pública, bajo la lupa",
            ),
            seo_title="Militares en las calles de {country_name}: lo que dicen los datos",
            dek="Los gobiernos siguen enviando tropas a combatir el crimen. La evidencia de que funciona es más "
            "débil de lo que sugieren los anuncios.",
            body="""
Cuando la violencia se dispara en {country}, la respuesta ya es previsible: militares en las calles. Hoy
hay unos {soldiers}.000 efectivos asignados a tareas de seguridad pública, una misión que debía ser
temporal hace {years} años.

Revisamos las cifras oficiales de homicidios, detenciones y denuncias en las zonas donde se desplegaron
tropas, y hablamos con oficiales, vecinos e investigadores.

## Calma a corto plazo, dudas a largo plazo

En varias ciudades, los homicidios bajaron en los primeros meses tras la llegada de las tropas. En la
mayoría, la caída no duró más allá del primer año, y en algunas la violencia se trasladó a zonas vecinas.

Los soldados están entrenados para enfrentar a un enemigo, no para investigar un delito. Las detenciones
aumentaron, pero pocas terminaron en condenas, porque los casos se armaron sin las pruebas que exigen
los tribunales.

> "Podemos tomar una calle. No podemos quedarnos para siempre, y no podemos armar un caso. Para eso no
nos entrenaron", dijo un oficial retirado del ejército que participó en dos despliegues.

## El costo para los vecinos

Las oficinas de derechos humanos recibieron unas {complaints} denuncias contra las fuerzas armadas en ese
periodo, desde allanamientos ilegales hasta detenciones arbitrarias. Pocas se resolvieron.

Los vecinos entrevistados en {city} describieron sentimientos encontrados: alivio al principio, luego
desconfianza. Varios dijeron que aun así prefieren llamar a un soldado que a un policía que, creen,
trabaja para {group}.

Lo que según los datos funciona mejor:

- Policías con capacidad de investigación y salarios justos.
- Fiscales capaces de armar casos contra los jefes, no solo contra los soldados rasos.
- Límites claros y control civil de cualquier papel militar.
- Programas de prevención en los barrios donde los grupos reclutan.

## Una salida que nunca llega

Cada gobierno promete que el despliegue es temporal. Ninguno ha construido todavía la policía que
permitiría que los soldados se vayan. Mientras eso no cambie, los militares seguirán siendo la respuesta
más fácil de anunciar y la más difícil de terminar.
""",
        ),
    ),
    Template(
        key="investigation-gold",
        section="investigations",
        topics=("mining", "laundering", "environment", "corruption", "armed-groups"),
        countries=("PE", "CO", "VE", "EC", "BO", "GY"),
        partners=("US", "CA", "ES"),
        figures={"tonnes": (6, 38), "exporters": (5, 14), "months": (7, 14), "documents": (900, 4200)},
        copies=2,
        republishable=False,
        en=Text(
            titles=(
                "The gold trail: how illegal gold from {country} reaches refineries in {partner}",
                "Paper mines: the companies that turned illegal gold from {country} into legal exports",
            ),
            seo_title="The gold trail: illegal gold from {country_name}",
            dek="Over {months} months we traced {tonnes} tonnes of gold exported from {country} to "
            "mines that produce little or nothing. The buyers say they did their checks.",
            body="""
The river camps near {city} produce gold and almost nothing else: mercury in the water, cleared forest,
and the presence of {group}, which collects its share from every dredge.

The gold that leaves those camps does not look illegal for long. Over {months} months, our team
reviewed {documents} export records, company filings and court documents to follow it.

## Mines that exist on paper

We found that {exporters} exporters shipped about {tonnes} tonnes of gold declared as coming from small
legal mines. When our reporters visited several of those mines, they found abandoned pits, farmland or,
in one case, a concession that had never been worked.

The paper mines serve one purpose: to give gold from illegal camps a legal origin. Once a mine is
registered, its production is rarely checked against what it actually extracts.

> "The permit is the product. Whoever controls the paperwork controls the gold," said a former official
of the mining registry, who spoke on condition of anonymity.

## From the river to the refinery

The exporters sold the gold to traders in {partner_city}, in {partner}, who in turn supplied refineries
that make bars for banks and jewelers. Several of the exporters shared addresses, accountants and legal
representatives.

Asked about our findings, two of the buyers said they had carried out the checks the law requires and
had suspended purchases from the companies named. The others did not respond.

What we found, in short:

- Declared production at several mines far exceeded what their equipment could extract.
- The same people appeared as owners of exporters that competed on paper.
- Payments to miners were made in cash, leaving no trace of the gold's real origin.
- Official inspections were announced days in advance.

## What the authorities say

Prosecutor {official} said an investigation into three of the exporters had been opened after our
questions. The mining agency said it lacked staff to inspect more than a small share of registered mines.

Our methodology and the documents behind this investigation are available on request to researchers. We
shared our findings with the companies named before publication.
""",
        ),
        es=Text(
            titles=(
                "La ruta del oro: cómo el oro ilegal de {country} llega a refinerías de {partner}",
                "Minas de papel: las empresas que convirtieron el oro ilegal de {country} en exportaciones legales",
            ),
            seo_title="La ruta del oro: el oro ilegal de {country_name}",
            dek="Una investigación de {months} meses rastreó {tonnes} toneladas de oro exportadas desde "
            "{country} a minas que producen poco o nada. Los compradores dicen que hicieron sus controles.",
            body="""
Los campamentos del río cerca de {city} producen oro y casi nada más: mercurio en el agua, bosque
arrasado y la presencia de {group}, que cobra su parte de cada draga.

El oro que sale de esos campamentos no parece ilegal por mucho tiempo. Durante {months} meses, nuestro
equipo revisó {documents} registros de exportación, documentos societarios y expedientes judiciales para
seguirlo.

## Minas que existen en el papel

Encontramos que {exporters} exportadoras enviaron unas {tonnes} toneladas de oro declarado como
proveniente de pequeñas minas legales. Cuando nuestros reporteros visitaron varias de esas minas,
hallaron pozos abandonados, potreros o, en un caso, una concesión que nunca se explotó.

Las minas de papel tienen un solo propósito: dar un origen legal al oro de los campamentos ilegales. Una
vez registrada una mina, rara vez se compara su producción con lo que realmente extrae.

> "El permiso es el producto. Quien controla los papeles controla el oro", dijo un exfuncionario del
registro minero que habló bajo condición de anonimato.

## Del río a la refinería

Las exportadoras vendieron el oro a comerciantes de {partner_city}, en {partner}, que a su vez
abastecieron a refinerías que fabrican lingotes para bancos y joyeros. Varias de las exportadoras
compartían direcciones, contadores y representantes legales.

Consultados sobre nuestros hallazgos, dos de los compradores dijeron haber hecho los controles que exige
la ley y haber suspendido las compras a las empresas mencionadas. Los demás no respondieron.

Lo que encontramos, en resumen:

- La producción declarada de varias minas superaba con creces lo que sus equipos podían extraer.
- Las mismas personas figuraban como dueñas de exportadoras que en el papel competían entre sí.
- Los pagos a los mineros se hacían en efectivo, sin dejar rastro del origen real del oro.
- Las inspecciones oficiales se anunciaban con días de anticipación.

## Lo que dicen las autoridades

{official_El} fiscal {official} dijo que se abrió una investigación sobre tres de las exportadoras tras
nuestras preguntas. La agencia minera dijo que no tiene personal para inspeccionar más que una pequeña
parte de las minas registradas.

La metodología y los documentos de esta investigación están disponibles para investigadores que los
soliciten. Compartimos nuestros hallazgos con las empresas mencionadas antes de publicar.
""",
        ),
    ),
    Template(
        key="investigation-prison-calls",
        section="investigations",
        topics=("prisons", "extortion", "corruption", "cyber", "gangs"),
        countries=("GT", "HN", "EC", "CO", "CL", "PE"),
        figures={"calls": (40, 260), "guards": (6, 30), "months": (6, 12), "prisons": (3, 9)},
        copies=2,
        en=Text(
            titles=(
                "Inside the prison call centers: how {group} runs extortion from behind bars in {country}",
                "Calls from a cell: the extortion network that {country}'s prisons cannot switch off",
            ),
            seo_title="Inside the prison call centers of {country_name}",
            dek="Court files, leaked phone records and interviews show how inmates in {prisons} prisons place "
            "thousands of extortion calls a day, with help from guards.",
            body="""
The call came on a Tuesday afternoon. The voice on the line knew the names of the children, the school
they attended and the time the family's shop closed. It asked for a first payment by Friday.

The man on the line was in prison. Over {months} months, we reconstructed how {group} runs extortion from
{prisons} prisons in {country}, using court files, phone records shared by investigators and interviews
with former inmates, guards and victims.

## A call center with cells

Investigators estimate that inmates linked to the group place about {calls},000 calls a month. Some
read from scripts; others are trained to recognize fear in a voice and adjust the amount.

Lists of potential victims are bought or compiled outside: leaked databases, social media, and people
who work in shops and banks.

> "Inside there is nothing to do but make calls. It is a job, with shifts and targets," said a former
inmate who served time in a prison near {city}.

## The guards' share

Phones, chargers and signal boosters enter the prisons through visits, deliveries and, according to
court files, through guards. Prosecutors have charged {guards} guards in the past two years.

Signal blockers installed at two prisons were switched off within months, officially for maintenance.
Our reporters found them still off during the period we examined.

What the records show:

- Calls follow shift patterns that match prison schedules.
- Phones seized in searches reappear with new numbers within days.
- Payments go to accounts opened by relatives and recruited strangers.
- Victims who report rarely hear back from investigators.

## The response

The prison authority said it had carried out hundreds of searches and that blocking technology was being
renewed. Prosecutor {official} said extortion from prisons was a priority but acknowledged that most
cases stop at the people who collect the money.

We asked the lawyers of members of {group} for comment through the courts where they are on trial. They
did not reply.
""",
        ),
        es=Text(
            titles=(
                "Dentro de los call centers carcelarios: cómo {group} extorsiona desde las cárceles de {country}",
                "Llamadas desde una celda: la red de extorsión que las cárceles de {country} no logran apagar",
            ),
            seo_title="Dentro de los call centers carcelarios de {country_name}",
            dek="Expedientes judiciales, registros telefónicos filtrados y entrevistas muestran cómo presos de "
            "{prisons} cárceles hacen miles de llamadas de extorsión al día, con ayuda de guardias.",
            body="""
La llamada llegó un martes por la tarde. La voz sabía el nombre de los hijos de quien contestó, la
escuela a la que iban y la hora en que cerraba el negocio familiar. Pidió un primer pago para el viernes.

El hombre al otro lado de la línea estaba preso. Durante {months} meses reconstruimos cómo {group}
extorsiona desde {prisons} cárceles de {country}, con expedientes judiciales, registros telefónicos
compartidos por investigadores y entrevistas con exreclusos, guardias y víctimas.

## Un call center con celdas

Los investigadores calculan que los presos vinculados al grupo hacen unas {calls}.000 llamadas al mes.
Algunos leen guiones; otros están entrenados para reconocer el miedo en una voz y ajustar el monto.

Las listas de posibles víctimas se compran o se arman afuera: bases de datos filtradas, redes sociales y
personas que trabajan en tiendas y bancos.

> "Adentro no hay nada que hacer más que llamar. Es un trabajo, con turnos y metas", dijo un exrecluso
que cumplió condena en una cárcel cerca de {city}.

## La parte de los guardias

Los teléfonos, cargadores y amplificadores de señal entran a las cárceles en las visitas, en las
encomiendas y, según los expedientes, a través de guardias. La Fiscalía ha acusado a {guards} guardias
en los últimos dos años.

Los bloqueadores de señal instalados en dos cárceles se apagaron a los pocos meses, oficialmente por
mantenimiento. Nuestros reporteros los encontraron todavía apagados durante el periodo que revisamos.

Lo que muestran los registros:

- Las llamadas siguen patrones de turnos que coinciden con los horarios de la cárcel.
- Los teléfonos decomisados en las requisas reaparecen con números nuevos en pocos días.
- Los pagos van a cuentas abiertas por familiares y por desconocidos reclutados.
- Las víctimas que denuncian rara vez vuelven a saber de los investigadores.

## La respuesta

La autoridad penitenciaria dijo que ha hecho cientos de requisas y que la tecnología de bloqueo se está
renovando. {official_El} fiscal {official} dijo que la extorsión desde las cárceles es una prioridad,
pero reconoció que la mayoría de los casos se detiene en quienes cobran el dinero.

Pedimos comentarios a los abogados de miembros de {group} a través de los tribunales donde se los
juzga. No respondieron.
""",
        ),
    ),
]
