"""The fixed demo data: sections, countries, topics, authors and the invented names the stories use.

Every person and criminal group here is invented. Countries and public institutions are real.
"""

from dataclasses import dataclass

from articles.models import Country

NA = Country.Region.NORTH_AMERICA
CA = Country.Region.CENTRAL_AMERICA
CB = Country.Region.CARIBBEAN
SA = Country.Region.SOUTH_AMERICA
EU = Country.Region.EUROPE
AS = Country.Region.ASIA

ORGANIZATION = "organization"

# slug, English name, Spanish name, English description, Spanish description.
SECTIONS = [
    (
        "briefs",
        "Briefs",
        "Breves",
        "Short reports on the day's organized crime news across the Americas, each with our analysis of what it means.",
        "Notas cortas sobre la actualidad del crimen organizado en las Américas, cada una con nuestro análisis de lo "
        "que significa.",
    ),
    (
        "analysis",
        "Analysis",
        "Análisis",
        "Longer readings of the trends behind the headlines: criminal economies, security policies and the people "
        "caught between them.",
        "Lecturas de fondo sobre las tendencias detrás de los titulares: economías criminales, políticas de "
        "seguridad y la gente atrapada entre ambas.",
    ),
    (
        "investigations",
        "Investigations",
        "Investigaciones",
        "Months of reporting, documents and field work on the networks that profit from crime and the officials who "
        "protect them.",
        "Meses de reportería, documentos y trabajo de campo sobre las redes que lucran con el crimen y los "
        "funcionarios que las protegen.",
    ),
    (
        "explainers",
        "Explainers",
        "Claves",
        "The questions readers ask us most, answered plainly: how a crime works, who is involved and what the "
        "numbers say.",
        "Las preguntas que más nos hacen los lectores, respondidas con claridad: cómo funciona un delito, quiénes "
        "participan y qué dicen las cifras.",
    ),
    (
        ORGANIZATION,
        "The Organization",
        "La Organización",
        "News about our newsroom: our team, our partners, our awards and how we do our work.",
        "Noticias sobre nuestra redacción: el equipo, nuestros aliados, los premios y cómo hacemos nuestro trabajo.",
    ),
]


@dataclass(frozen=True)
class Place:
    iso: str
    name: str
    name_es: str
    region: str
    # How the name reads inside a sentence ("in the Dominican Republic", "en los Países Bajos").
    text_en: str
    text_es: str
    # (English, Spanish) city names; stories pick from these.
    cities: tuple
    # (English, Spanish) names of its main seaports, for stories set on the docks; none when landlocked.
    ports: tuple = ()


def _place(iso, name, name_es, region, cities, text_en=None, text_es=None):
    return Place(iso, name, name_es, region, text_en or name, text_es or name_es, tuple(cities), PORTS.get(iso, ()))


def _same(*names):
    return [(name, name) for name in names]


PORTS = {
    "MX": (("Manzanillo", "Manzanillo"), ("Lázaro Cárdenas", "Lázaro Cárdenas"), ("Veracruz", "Veracruz")),
    "US": (("Houston", "Houston"), ("Miami", "Miami")),
    "CA": (("Vancouver", "Vancouver"), ("Montreal", "Montreal")),
    "GT": (("Puerto Quetzal", "Puerto Quetzal"), ("Santo Tomás de Castilla", "Santo Tomás de Castilla")),
    "HN": (("Puerto Cortés", "Puerto Cortés"),),
    "SV": (("Acajutla", "Acajutla"),),
    "NI": (("Corinto", "Corinto"),),
    "CR": (("Moín", "Moín"), ("Caldera", "Caldera")),
    "PA": (("Balboa", "Balboa"), ("Colón", "Colón")),
    "BZ": (("Belize City", "Ciudad de Belice"),),
    "DO": (("Caucedo", "Caucedo"), ("Haina", "Haina")),
    "HT": (("Port-au-Prince", "Puerto Príncipe"),),
    "CU": (("Mariel", "Mariel"),),
    "JM": (("Kingston", "Kingston"),),
    "TT": (("Port of Spain", "Puerto España"), ("Point Lisas", "Point Lisas")),
    "CO": (("Buenaventura", "Buenaventura"), ("Cartagena", "Cartagena"), ("Santa Marta", "Santa Marta")),
    "VE": (("Puerto Cabello", "Puerto Cabello"), ("La Guaira", "La Guaira")),
    "EC": (("Guayaquil", "Guayaquil"), ("Posorja", "Posorja"), ("Puerto Bolívar", "Puerto Bolívar")),
    "PE": (("Callao", "Callao"), ("Paita", "Paita")),
    "BR": (("Santos", "Santos"), ("Paranaguá", "Paranaguá"), ("Itajaí", "Itajaí")),
    "UY": (("Montevideo", "Montevideo"),),
    "AR": (("Rosario", "Rosario"), ("Buenos Aires", "Buenos Aires")),
    "CL": (("San Antonio", "San Antonio"), ("Valparaíso", "Valparaíso")),
    "GY": (("Georgetown", "Georgetown"),),
    "SR": (("Paramaribo", "Paramaribo"),),
    "ES": (("Algeciras", "Algeciras"), ("Valencia", "Valencia")),
    "NL": (("Rotterdam", "Rotterdam"),),
    "CN": (("Shanghai", "Shanghái"), ("Ningbo", "Ningbo")),
}

COUNTRIES = [
    _place(
        "MX",
        "Mexico",
        "México",
        NA,
        [*_same("Culiacán", "Tijuana", "Guadalajara", "Monterrey", "Morelia"), ("Mexico City", "Ciudad de México")],
    ),
    _place(
        "US",
        "United States",
        "Estados Unidos",
        NA,
        _same("Houston", "Miami", "Phoenix", "San Diego", "Chicago"),
        text_en="the United States",
    ),
    _place("CA", "Canada", "Canadá", NA, _same("Vancouver", "Toronto", "Montreal")),
    _place(
        "GT",
        "Guatemala",
        "Guatemala",
        CA,
        [("Guatemala City", "Ciudad de Guatemala"), *_same("Quetzaltenango", "Puerto Barrios", "Huehuetenango")],
    ),
    _place("HN", "Honduras", "Honduras", CA, _same("Tegucigalpa", "San Pedro Sula", "La Ceiba", "Choloma")),
    _place("SV", "El Salvador", "El Salvador", CA, _same("San Salvador", "Santa Ana", "San Miguel", "Soyapango")),
    _place("NI", "Nicaragua", "Nicaragua", CA, _same("Managua", "León", "Bluefields")),
    _place("CR", "Costa Rica", "Costa Rica", CA, _same("San José", "Limón", "Puntarenas")),
    _place("PA", "Panama", "Panamá", CA, [("Panama City", "Ciudad de Panamá"), *_same("Colón", "David")]),
    _place("BZ", "Belize", "Belice", CA, [("Belize City", "Ciudad de Belice"), *_same("Orange Walk")]),
    _place(
        "DO",
        "Dominican Republic",
        "República Dominicana",
        CB,
        _same("Santo Domingo", "Santiago de los Caballeros", "Puerto Plata"),
        text_en="the Dominican Republic",
    ),
    _place("HT", "Haiti", "Haití", CB, [("Port-au-Prince", "Puerto Príncipe"), ("Cap-Haïtien", "Cabo Haitiano")]),
    _place("CU", "Cuba", "Cuba", CB, [("Havana", "La Habana"), *_same("Santiago de Cuba")]),
    _place("JM", "Jamaica", "Jamaica", CB, _same("Kingston", "Montego Bay", "Spanish Town")),
    _place(
        "TT",
        "Trinidad and Tobago",
        "Trinidad y Tobago",
        CB,
        [("Port of Spain", "Puerto España"), *_same("San Fernando")],
    ),
    _place("CO", "Colombia", "Colombia", SA, _same("Bogotá", "Medellín", "Cali", "Buenaventura", "Cúcuta", "Tumaco")),
    _place("VE", "Venezuela", "Venezuela", SA, _same("Caracas", "Maracaibo", "Ciudad Guayana", "San Cristóbal")),
    _place("EC", "Ecuador", "Ecuador", SA, _same("Guayaquil", "Quito", "Esmeraldas", "Manta", "Durán")),
    _place("PE", "Peru", "Perú", SA, _same("Lima", "Trujillo", "Piura", "Pucallpa", "Puerto Maldonado")),
    _place("BO", "Bolivia", "Bolivia", SA, _same("La Paz", "Santa Cruz", "Cochabamba")),
    _place(
        "BR", "Brazil", "Brasil", SA, [*_same("São Paulo", "Manaus", "Belém"), ("Rio de Janeiro", "Río de Janeiro")]
    ),
    _place("PY", "Paraguay", "Paraguay", SA, _same("Asunción", "Ciudad del Este", "Pedro Juan Caballero")),
    _place("UY", "Uruguay", "Uruguay", SA, _same("Montevideo", "Salto", "Rivera")),
    _place("AR", "Argentina", "Argentina", SA, _same("Buenos Aires", "Rosario", "Córdoba")),
    _place("CL", "Chile", "Chile", SA, _same("Santiago", "Valparaíso", "Antofagasta", "Arica")),
    _place("GY", "Guyana", "Guyana", SA, _same("Georgetown", "Linden", "Bartica")),
    _place("SR", "Suriname", "Surinam", SA, _same("Paramaribo", "Albina")),
    _place("ES", "Spain", "España", EU, _same("Madrid", "Algeciras", "Valencia", "Barcelona")),
    _place(
        "NL",
        "Netherlands",
        "Países Bajos",
        EU,
        _same("Rotterdam", "Amsterdam"),
        text_en="the Netherlands",
        text_es="los Países Bajos",
    ),
    _place("CN", "China", "China", AS, [("Shanghai", "Shanghái"), ("Guangzhou", "Cantón")]),
]

PLACES = {place.iso: place for place in COUNTRIES}
# (English, Spanish) names of each region, as the stories use them in a sentence.
REGION_NAMES = {
    NA: ("North America", "Norteamérica"),
    CA: ("Central America", "Centroamérica"),
    CB: ("the Caribbean", "el Caribe"),
    SA: ("South America", "Sudamérica"),
    EU: ("Europe", "Europa"),
    AS: ("Asia", "Asia"),
}
LATIN_AMERICA = tuple(place.iso for place in COUNTRIES if place.region in (CA, CB, SA) or place.iso == "MX")

# key, English name, English slug, Spanish name, Spanish slug. English stories get English tags and
# Spanish stories their Spanish equivalents, so each topic is two tags.
TOPICS = [
    ("extortion", "Extortion", "extortion", "Extorsión", "extorsion"),
    ("cocaine", "Cocaine", "cocaine", "Cocaína", "cocaina"),
    ("fentanyl", "Fentanyl", "fentanyl", "Fentanilo", "fentanilo"),
    ("laundering", "Money laundering", "money-laundering", "Lavado de dinero", "lavado-de-dinero"),
    ("prisons", "Prisons", "prisons", "Cárceles", "carceles"),
    ("gangs", "Gangs", "gangs", "Pandillas", "pandillas"),
    ("mining", "Illegal mining", "illegal-mining", "Minería ilegal", "mineria-ilegal"),
    ("environment", "Environmental crime", "environmental-crime", "Delitos ambientales", "delitos-ambientales"),
    ("arms", "Arms trafficking", "arms-trafficking", "Tráfico de armas", "trafico-de-armas"),
    ("corruption", "Corruption", "corruption", "Corrupción", "corrupcion"),
    ("smuggling", "Migrant smuggling", "migrant-smuggling", "Tráfico de migrantes", "trafico-de-migrantes"),
    ("security", "Security policy", "security-policy", "Política de seguridad", "politica-de-seguridad"),
    ("trafficking", "Human trafficking", "human-trafficking", "Trata de personas", "trata-de-personas"),
    ("homicides", "Homicides", "homicides", "Homicidios", "homicidios"),
    ("police", "Police reform", "police-reform", "Reforma policial", "reforma-policial"),
    ("military", "Militarization", "militarization", "Militarización", "militarizacion"),
    ("synthetics", "Synthetic drugs", "synthetic-drugs", "Drogas sintéticas", "drogas-sinteticas"),
    ("ports", "Ports", "ports", "Puertos", "puertos"),
    ("timber", "Timber trafficking", "timber-trafficking", "Tráfico de madera", "trafico-de-madera"),
    ("wildlife", "Wildlife trafficking", "wildlife-trafficking", "Tráfico de fauna", "trafico-de-fauna"),
    ("cyber", "Cybercrime", "cybercrime", "Cibercrimen", "cibercrimen"),
    ("kidnapping", "Kidnapping", "kidnapping", "Secuestro", "secuestro"),
    ("contraband", "Contraband", "contraband", "Contrabando", "contrabando"),
    ("extradition", "Extradition", "extradition", "Extradición", "extradicion"),
    ("armed-groups", "Armed groups", "armed-groups", "Grupos armados", "grupos-armados"),
    ("drug-policy", "Drug policy", "drug-policy", "Política de drogas", "politica-de-drogas"),
    ("justice", "Justice system", "justice-system", "Sistema de justicia", "sistema-de-justicia"),
    ("elections", "Elections", "elections", "Elecciones", "elecciones"),
    ("fuel", "Fuel theft", "fuel-theft", "Robo de combustible", "robo-de-combustible"),
    ("press", "Press freedom", "press-freedom", "Libertad de prensa", "libertad-de-prensa"),
]


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    role: str
    role_es: str
    bio: str
    bio_es: str
    # Where they report from: stories set in these regions prefer them in the byline.
    beats: tuple = ()
    email: str = ""
    website: str = ""
    x_handle: str = ""
    photo: bool = False
    # The demo staff account that writes as this author, if any.
    account: str = ""


# The byline of the organization's own news.
STAFF_AUTHOR = "newsroom-staff"

AUTHORS = [
    Person(
        "valeria-montoya-rios",
        "Valeria Montoya Ríos",
        "Editor-in-chief",
        "Directora editorial",
        "Valeria has covered organized crime and justice in the Andes for two decades. Before leading our "
        "newsroom she ran the investigative unit of a Bogotá daily and taught reporting on armed conflict.",
        "Valeria ha cubierto el crimen organizado y la justicia en los Andes durante dos décadas. Antes de dirigir "
        "nuestra redacción encabezó la unidad investigativa de un diario de Bogotá y enseñó periodismo sobre "
        "conflicto armado.",
        beats=(SA,),
        email="valeria.montoya@newsroom.example",
        x_handle="vmontoya_rios",
        photo=True,
    ),
    Person(
        "tomas-echeverria",
        "Tomás Echeverría",
        "Managing editor",
        "Editor general",
        "Tomás edits our daily briefs and plans coverage with correspondents across the region. He spent ten years "
        "as a court reporter in Mexico City.",
        "Tomás edita nuestras notas diarias y planifica la cobertura con los corresponsales de la región. Fue "
        "reportero de tribunales en Ciudad de México durante diez años.",
        beats=(NA, CA),
        email="tomas.echeverria@newsroom.example",
        photo=True,
        account="editor",
    ),
    Person(
        "lucia-benavides-ortiz",
        "Lucía Benavides Ortiz",
        "Senior investigator",
        "Investigadora principal",
        "Lucía follows the money: shell companies, property registries and court files. Her work on laundering "
        "through real estate led to three criminal cases.",
        "Lucía sigue el rastro del dinero: empresas fachada, registros de propiedad y expedientes judiciales. Su "
        "trabajo sobre lavado a través de bienes raíces dio origen a tres causas penales.",
        beats=(CA, SA),
        website="https://luciabenavides.example",
        x_handle="lbenavides_inv",
        photo=True,
    ),
    Person(
        "rodrigo-salcedo",
        "Rodrigo Salcedo",
        "Investigator, Andean region",
        "Investigador, región andina",
        "Rodrigo reports from Lima on cocaine production, illegal mining and the prisons of Peru, Ecuador and Bolivia.",
        "Rodrigo reporta desde Lima sobre producción de cocaína, minería ilegal y las cárceles de Perú, Ecuador y "
        "Bolivia.",
        beats=(SA,),
        x_handle="rsalcedo_andes",
    ),
    Person(
        "camila-ferraz",
        "Camila Ferraz",
        "Brazil and Southern Cone correspondent",
        "Corresponsal en Brasil y el Cono Sur",
        "Camila writes about prison gangs, port security and environmental crime in the Amazon from São Paulo.",
        "Camila escribe sobre pandillas carcelarias, seguridad portuaria y delitos ambientales en la Amazonía "
        "desde São Paulo.",
        beats=(SA,),
        website="https://camilaferraz.example",
        photo=True,
    ),
    Person(
        "diego-arce-villalobos",
        "Diego Arce Villalobos",
        "Central America editor",
        "Editor para Centroamérica",
        "Diego has reported on gangs, extortion and migration in the Northern Triangle since 2010. He is based in "
        "Tegucigalpa.",
        "Diego reporta sobre pandillas, extorsión y migración en el Triángulo Norte desde 2010. Vive en Tegucigalpa.",
        beats=(CA,),
        email="diego.arce@newsroom.example",
        x_handle="diegoarce_ca",
    ),
    Person(
        "mariana-quintero",
        "Mariana Quintero",
        "Data editor",
        "Editora de datos",
        "Mariana builds the databases behind our investigations, from homicide records to seizure logs, and "
        "teaches our reporters to question official numbers.",
        "Mariana construye las bases de datos detrás de nuestras investigaciones, desde registros de homicidios "
        "hasta bitácoras de incautaciones, y enseña a nuestros reporteros a cuestionar las cifras oficiales.",
        beats=(NA, CA, CB, SA),
        website="https://marianaquintero.example",
        photo=True,
    ),
    Person(
        "andres-penaloza",
        "Andrés Peñaloza",
        "Staff writer",
        "Redactor",
        "Andrés writes daily briefs on security and justice. He joined us from a regional radio station in the "
        "Colombian Pacific.",
        "Andrés escribe notas diarias sobre seguridad y justicia. Llegó desde una radio regional del Pacífico "
        "colombiano.",
        beats=(SA, CA),
        account="writer",
    ),
    Person(
        "sofia-lindqvist-ramos",
        "Sofía Lindqvist Ramos",
        "Researcher, Southern Cone",
        "Investigadora, Cono Sur",
        "Sofía studies drug markets and policing in Argentina, Chile, Paraguay and Uruguay.",
        "Sofía estudia los mercados de drogas y la labor policial en Argentina, Chile, Paraguay y Uruguay.",
        beats=(SA,),
    ),
    Person(
        "desmond-clarke",
        "Desmond Clarke",
        "Caribbean correspondent",
        "Corresponsal en el Caribe",
        "Desmond covers gun violence, gangs and maritime trafficking from Kingston.",
        "Desmond cubre la violencia armada, las pandillas y el tráfico marítimo desde Kingston.",
        beats=(CB,),
        x_handle="dclarke_caribe",
    ),
    Person(
        "elena-varga-castillo",
        "Elena Varga Castillo",
        "Mexico correspondent",
        "Corresponsal en México",
        "Elena reports on synthetic drugs, disappearances and the arms trade across the US-Mexico border.",
        "Elena reporta sobre drogas sintéticas, desapariciones y el tráfico de armas en la frontera entre México y "
        "Estados Unidos.",
        beats=(NA,),
        email="elena.varga@newsroom.example",
        photo=True,
    ),
    Person(
        "julian-cardenas-mejia",
        "Julián Cárdenas Mejía",
        "Investigator, environmental crime",
        "Investigador, delitos ambientales",
        "Julián investigates illegal gold, timber and wildlife trafficking in the Amazon basin.",
        "Julián investiga el tráfico ilegal de oro, madera y fauna en la cuenca amazónica.",
        beats=(SA,),
    ),
    Person(
        "paula-aranda",
        "Paula Aranda",
        "Translator and copy editor",
        "Traductora y correctora",
        "Paula makes sure every story reads as well in English as in Spanish.",
        "Paula se asegura de que cada historia se lea tan bien en inglés como en español.",
    ),
    Person(
        "ignacio-bravo",
        "Ignacio Bravo",
        "Investigative fellow",
        "Becario de investigación",
        "Ignacio joined our fellowship program to investigate fuel theft and contraband along the Andean borders.",
        "Ignacio se sumó a nuestro programa de becas para investigar el robo de combustible y el contrabando en las "
        "fronteras andinas.",
        beats=(SA,),
    ),
    Person(
        STAFF_AUTHOR,
        "Newsroom Staff",
        "Newsroom staff",
        "Equipo de la redacción",
        "News from our team, written together.",
        "Noticias de nuestro equipo, escritas en conjunto.",
    ),
]

# Invented names for the officials and researchers quoted in the stories: (name, gender) so the Spanish
# text can say "el fiscal" or "la fiscal".
OFFICIALS = [
    ("Marta Quiroga", "f"),
    ("Héctor Villalba", "m"),
    ("Rosa Elena Iturbe", "f"),
    ("Fernando Cuéllar", "m"),
    ("Adriana Solís Paz", "f"),
    ("Gustavo Riera", "m"),
    ("Carolina Mendieta", "f"),
    ("Óscar Larrañaga", "m"),
    ("Beatriz Ocampo", "f"),
    ("Raúl Ferrándiz", "m"),
]
EXPERTS = [
    ("Natalia Restrepo Gil", "f"),
    ("Martín Aguirre Lobo", "m"),
    ("Inés Carvajal", "f"),
    ("Sebastián Prado", "m"),
    ("Gabriela Hinojosa", "f"),
    ("Joaquín Mora Vidal", "m"),
    ("Daniela Zárate", "f"),
    ("Emilio Santacruz", "m"),
]
# Invented criminal groups, named the way such groups name themselves.
GROUPS = [
    "Los Garzas",
    "Los Tejones",
    "Los Mirlos",
    "Los Centinelas",
    "Los Zorzales",
    "Los Alcaravanes",
    "Los Venados",
    "Los Búhos",
    "Los Caimanes del Sur",
    "Los Cerreros",
]

# (kind, English, Spanish) notes attached to a few stories; written to fit any of them.
CORRECTIONS = [
    (
        "correction",
        "An earlier version of this article gave an incorrect figure in the third paragraph. It has been corrected.",
        "Una versión anterior de este artículo daba una cifra incorrecta en el tercer párrafo. Ya fue corregida.",
    ),
    (
        "update",
        "This article was updated with a statement from the authorities received after publication.",
        "Este artículo fue actualizado con un comunicado de las autoridades recibido después de su publicación.",
    ),
    (
        "correction",
        "An earlier version misspelled the name of one of the people quoted. We regret the error.",
        "Una versión anterior escribió mal el nombre de una de las personas citadas. Lamentamos el error.",
    ),
    (
        "update",
        "Updated to add the response of the defense, which asked us to publish it after this article went live.",
        "Actualizado para incluir la respuesta de la defensa, que nos la hizo llegar después de la publicación.",
    ),
]
