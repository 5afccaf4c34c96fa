"""Explainer templates: the questions readers ask most, answered plainly under subheads.

The names of people and criminal groups come from articles/demo/reference.py and are invented.
"""

from articles.demo.stories import Template, Text

EXPLAINERS = [
    Template(
        key="explainer-fentanyl",
        section="explainers",
        topics=("fentanyl", "synthetics", "drug-policy", "ports"),
        countries=("MX", "US", "CA"),
        partners=("CN",),
        figures={"milligrams": (2, 3)},
        copies=2,
        en=Text(
            titles=(
                "Fentanyl in {country}, explained: where it comes from and why it is so deadly",
                "What you need to know about fentanyl trafficking in {country}",
            ),
            seo_title="Fentanyl in {country_name}, explained",
            dek="A synthetic opioid that fits in an envelope has changed the drug trade. Here is how it is "
            "made, moved and sold, and what governments are doing about it.",
            body="""
Fentanyl is a synthetic opioid, first developed as a painkiller for hospitals. It is far stronger than
heroin: about {milligrams} milligrams, the weight of a few grains of salt, can kill a person without
tolerance.

That strength is what makes it attractive to traffickers. A small parcel holds what once needed a truck,
and production does not depend on crops, weather or land.

## Where does it come from?

Most illicit fentanyl is made from chemical precursors, many of them legal industrial products that are
shipped from {partner} and other countries and diverted along the way. Small labs turn them into powder
and pills.

In {country}, the drug enters the market pressed into counterfeit pills or mixed into other drugs, often
without the buyer knowing. That is the main reason for the rise in overdoses.

## Who controls the trade?

Large criminal groups coordinate the purchase of precursors and the crossing of borders, but much of the
production and retail is done by smaller networks that buy and resell. In {city}, police describe a
market of many small sellers rather than a single boss.

> "Fentanyl rewards whoever has a chemist and a contact at a port. You no longer need an army," said
{expert}, who studies synthetic drug markets.

## What is being done?

Governments have focused on three fronts, with mixed results:

- Controlling precursors at the source and at ports, with more chemicals added to control lists.
- Seizing labs and shipments, which disrupts supply only briefly.
- Expanding access to naloxone, a medicine that reverses overdoses, and to treatment.

The <a href="https://www.unodc.org/">United Nations Office on Drugs and Crime</a> publishes yearly data on
synthetic drug markets. Researchers agree on one point: enforcement alone has not reduced the supply.
""",
        ),
        es=Text(
            titles=(
                "Claves del fentanilo en {country}: de dónde viene y por qué es tan letal",
                "Lo que hay que saber sobre el tráfico de fentanilo en {country}",
            ),
            seo_title="Claves del fentanilo en {country_name}",
            dek="Un opioide sintético que cabe en un sobre cambió el narcotráfico. Así se fabrica, se mueve y se "
            "vende, y esto es lo que hacen los gobiernos.",
            body="""
El fentanilo es un opioide sintético, desarrollado como analgésico para hospitales. Es mucho más potente
que la heroína: unos {milligrams} miligramos, el peso de unos pocos granos de sal, pueden matar a una
persona sin tolerancia.

Esa potencia es lo que lo hace atractivo para los traficantes. Un paquete pequeño contiene lo que antes
necesitaba un camión, y la producción no depende de cultivos, del clima ni de la tierra.

## ¿De dónde viene?

La mayor parte del fentanilo ilícito se fabrica con precursores químicos, muchos de ellos productos
industriales legales que se envían desde {partner} y otros países y se desvían en el camino. Pequeños
laboratorios los convierten en polvo y pastillas.

En {country}, la droga llega al mercado en pastillas falsificadas o mezclada con otras drogas, a menudo
sin que el comprador lo sepa. Esa es la principal razón del aumento de las sobredosis.

## ¿Quién controla el negocio?

Los grandes grupos criminales coordinan la compra de precursores y el cruce de fronteras, pero buena parte
de la producción y la venta al menudeo está en manos de redes más pequeñas que compran y revenden. En
{city}, la policía describe un mercado de muchos vendedores pequeños y no de un solo jefe.

> "El fentanilo premia a quien tiene un químico y un contacto en un puerto. Ya no hace falta un
ejército", dijo {expert}, que estudia los mercados de drogas sintéticas.

## ¿Qué se está haciendo?

Los gobiernos se han concentrado en tres frentes, con resultados dispares:

- Controlar los precursores en el origen y en los puertos, con más químicos en las listas de control.
- Decomisar laboratorios y cargamentos, lo que frena la oferta solo por poco tiempo.
- Ampliar el acceso a la naloxona, un medicamento que revierte las sobredosis, y al tratamiento.

La <a href="https://www.unodc.org/">Oficina de las Naciones Unidas contra la Droga y el Delito</a> publica
cada año datos sobre los mercados de drogas sintéticas. Los investigadores coinciden en algo: la
persecución por sí sola no ha reducido la oferta.
""",
        ),
    ),
    Template(
        key="explainer-laundering",
        section="explainers",
        topics=("laundering", "corruption", "justice", "cyber"),
        countries=("PA", "CO", "PY", "DO", "UY", "AR", "MX"),
        figures={"share": (2, 5)},
        copies=2,
        en=Text(
            titles=(
                "Five ways criminal money is laundered in {country}",
                "How does money laundering work in {country}? A guide",
            ),
            seo_title="How criminal money is laundered in {country_name}",
            dek="From cash businesses to property and cryptocurrency, these are the methods that investigators "
            "in {country} find most often, and why they are so hard to stop.",
            body="""
Crime produces cash, and cash is a problem. It is bulky, it attracts attention and it cannot buy a house
or a company without raising questions. Laundering is the work of turning it into money that looks
legitimate.

Estimates vary widely, but international bodies put laundered money at {share} percent or more of the
world economy. In {country}, these are the methods that investigators find most often.

## The five most common methods

Cases reviewed by prosecutors in {city} and elsewhere show the same patterns again and again:

- <strong>Cash businesses:</strong> restaurants, car washes and shops that declare more sales than they make.
- <strong>Real estate:</strong> property bought through companies, relatives or notaries who do not ask.
- <strong>Trade:</strong> invoices for imports and exports with inflated or invented values.
- <strong>Front companies:</strong> firms with no employees that move money between accounts.
- <strong>Cryptocurrency:</strong> digital assets exchanged through platforms with weak identity checks.

## Why is it so hard to stop?

Laundering needs professionals: lawyers, accountants, notaries and bankers. Most are honest, but a few
willing ones can move a fortune, and they are rarely prosecuted.

> "We catch the money at the beginning and sometimes at the end. The middle, where the professionals
work, is where cases die," said {expert}, a former financial investigator.

## What the authorities do

Banks must report suspicious transactions to a financial intelligence unit, and prosecutors can seize
assets. The <a href="https://www.fatf-gafi.org/">Financial Action Task Force</a> reviews how well each
country applies these rules, and its reports can affect a country's access to credit.

Registries that show who really owns each company would make the biggest difference. {Country}, like
most of its neighbors, is still building one.
""",
        ),
        es=Text(
            titles=(
                "Cinco formas en que se lava el dinero criminal en {country}",
                "¿Cómo funciona el lavado de dinero en {country}? Una guía",
            ),
            seo_title="Cómo se lava el dinero criminal en {country_name}",
            dek="De los negocios de efectivo a los bienes raíces y las criptomonedas, estos son los métodos que "
            "más encuentran los investigadores en {country}, y por qué cuesta tanto frenarlos.",
            body="""
El crimen produce efectivo, y el efectivo es un problema. Ocupa espacio, llama la atención y no sirve
para comprar una casa o una empresa sin despertar preguntas. Lavar es el trabajo de convertirlo en
dinero que parezca legítimo.

Las estimaciones varían mucho, pero los organismos internacionales calculan que el dinero lavado equivale
al {share} % o más de la economía mundial. En {country}, estos son los métodos que más encuentran los
investigadores.

## Los cinco métodos más comunes

Los casos revisados por la Fiscalía en {city} y otras ciudades muestran los mismos patrones una y otra
vez:

- <strong>Negocios de efectivo:</strong> restaurantes, autolavados y tiendas que declaran más ventas de
las que tienen.
- <strong>Bienes raíces:</strong> propiedades compradas a través de empresas, familiares o notarios que
no preguntan.
- <strong>Comercio:</strong> facturas de importación y exportación con valores inflados o inventados.
- <strong>Empresas fachada:</strong> firmas sin empleados que mueven dinero entre cuentas.
- <strong>Criptomonedas:</strong> activos digitales cambiados en plataformas con controles de identidad
débiles.

## ¿Por qué cuesta tanto frenarlo?

El lavado necesita profesionales: abogados, contadores, notarios y banqueros. La mayoría son honestos,
pero unos pocos dispuestos pueden mover una fortuna, y casi nunca son procesados.

> "Atrapamos el dinero al principio y a veces al final. En el medio, donde trabajan los profesionales, es
donde mueren los casos", dijo {expert}, exinvestigador{expert_a} financier{expert_o}.

## Qué hacen las autoridades

Los bancos deben reportar las operaciones sospechosas a una unidad de inteligencia financiera, y la
Fiscalía puede incautar bienes. El <a href="https://www.fatf-gafi.org/">Grupo de Acción Financiera
Internacional</a> evalúa cómo aplica cada país estas reglas, y sus informes pueden afectar el acceso de
un país al crédito.

Los registros que muestran quién es el verdadero dueño de cada empresa marcarían la mayor diferencia.
{Country}, como la mayoría de sus vecinos, todavía está construyendo uno.
""",
        ),
    ),
    Template(
        key="explainer-emergency",
        section="explainers",
        topics=("security", "justice", "military", "gangs"),
        countries=("HN", "EC", "PE", "GT", "SV"),
        figures={"days": (30, 60)},
        en=Text(
            titles=(
                "What is a state of emergency, and what does it change in {country}?",
                "States of emergency in {country}: the questions and the answers",
            ),
            seo_title="States of emergency in {country_name}, explained",
            dek="Governments across the region use them against gangs. Here is what they allow, what they "
            "suspend and what the evidence says about their results.",
            body="""
A state of emergency, or state of exception, is a legal tool that allows a government to suspend some
constitutional rights for a limited time, usually {days} days at first, in response to a serious threat.

In {country}, as in several of its neighbors, it has become the main response to gang violence, renewed
again and again.

## What rights are suspended?

It depends on the decree, but the most common are:

- The right not to have your home searched without a court order.
- Limits on how long someone can be held before seeing a judge.
- Freedom of movement and of assembly in the areas covered.
- In some cases, the privacy of communications.

## Who decides, and for how long?

The executive declares it, and in most countries the legislature must approve or renew it. Courts can
review whether it is justified, though they rarely overturn one.

## Does it work?

Violence often falls in the first months, as soldiers and police flood the areas covered and gangs lie
low. Whether the decline lasts depends on what is built during that time: investigations, prisons that
the state controls and a police force that can stay.

> "An emergency buys time. The question is always what the government does with it," said {expert}, a
constitutional lawyer in {city}.

Human rights groups have documented arbitrary detentions and deaths in custody under several of these
measures. The <a href="https://www.oas.org/en/iachr/">Inter-American Commission on Human Rights</a> has
asked governments to keep them exceptional and temporary, as the law intends.
""",
        ),
        es=Text(
            titles=(
                "¿Qué es un estado de excepción y qué cambia en {country}?",
                "Estados de excepción en {country}: las preguntas y las respuestas",
            ),
            seo_title="Claves del estado de excepción en {country_name}",
            dek="Los gobiernos de la región los usan contra las pandillas. Esto es lo que permiten, lo que "
            "suspenden y lo que dice la evidencia sobre sus resultados.",
            body="""
Un estado de excepción, o de emergencia, es una herramienta legal que permite a un gobierno suspender
algunos derechos constitucionales por un tiempo limitado, normalmente {days} días al principio, ante una
amenaza grave.

En {country}, como en varios de sus vecinos, se ha convertido en la principal respuesta a la violencia de
las pandillas, renovada una y otra vez.

## ¿Qué derechos se suspenden?

Depende del decreto, pero los más comunes son:

- El derecho a que no se allane la vivienda sin orden judicial.
- Los límites al tiempo que alguien puede estar detenido antes de ver a un juez.
- La libertad de circulación y de reunión en las zonas incluidas.
- En algunos casos, la privacidad de las comunicaciones.

## ¿Quién lo decide, y por cuánto tiempo?

Lo declara el Ejecutivo, y en la mayoría de los países el Congreso debe aprobarlo o renovarlo. Los
tribunales pueden revisar si está justificado, aunque rara vez anulan uno.

## ¿Funciona?

La violencia suele bajar en los primeros meses, cuando soldados y policías llenan las zonas incluidas y
las pandillas se repliegan. Que la caída dure depende de lo que se construya en ese tiempo:
investigaciones, cárceles que controle el Estado y una policía capaz de quedarse.

> "Una excepción compra tiempo. La pregunta es siempre qué hace el gobierno con él", dijo {expert},
abogad{expert_o} constitucionalista en {city}.

Organizaciones de derechos humanos han documentado detenciones arbitrarias y muertes bajo custodia
durante varias de estas medidas. La <a href="https://www.oas.org/es/cidh/">Comisión Interamericana de
Derechos Humanos</a> ha pedido a los gobiernos que sean excepcionales y temporales, como manda la ley.
""",
        ),
    ),
]
