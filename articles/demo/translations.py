"""The demo's translation desk: stories whose translation is missing, in progress or outdated.

Most demo stories are pairs that are up to date. These show the other states: two fresh English briefs
nobody has translated yet, and the words that make two published originals outdated (an update added to
the English text after the Spanish version was brought up to date).
"""

from dataclasses import dataclass

# How many published pairs of the plan have a Spanish version still in progress (the first of them a
# machine draft no one has reviewed), and how many have an original that changed since.
IN_PROGRESS = 2
OUTDATED = 2


@dataclass(frozen=True)
class Untranslated:
    slug: str
    title: str
    dek: str
    body: str
    country: str  # ISO code
    topics: tuple  # topic keys (reference.TOPICS), the first is the label
    author: str  # author slug
    hours_ago: int
    analysis: str = ""


UNTRANSLATED = [
    Untranslated(
        slug="guayaquil-dock-workers-describe-a-fee-for-looking-away",
        title="Guayaquil dock workers describe a new fee for looking away",
        dek="Crane operators and tally clerks say a gang now pays them, and fines them, by the container.",
        body=(
            "<p>Three crane operators and two tally clerks at private terminals in Guayaquil told us that since "
            "August a gang has paid workers on the night shift a fixed sum for every container they leave "
            "unchecked, and charges those who refuse a weekly fine of similar size.</p>"
            "<p>The workers, who asked not to be named, said the payments arrive by mobile transfer from "
            "accounts that change every few weeks. One of them kept the messages: 38 transfers in eleven "
            "weeks, each sent within an hour of a ship leaving for Antwerp or Rotterdam.</p>"
            "<p>The port authority said it had received no complaint and that every terminal scans the "
            "containers it loads. Two of the workers said the scanners on their berth had been out of "
            "service for most of the autumn.</p>"
            "<p>Police in Guayas province recorded four killings of port employees this year, against one in "
            "all of last year. None has led to a charge.</p>"
        ),
        analysis=(
            "<p>Paying workers rather than threatening them is cheaper and quieter for a trafficking network, "
            "and the fine for refusing turns a bribe into extortion. It also spreads the risk: a clerk who "
            "has taken one payment has a reason never to report the next.</p>"
            "<p>Scanners out of service on the berths that ship to Europe would matter more than any single "
            "payment. Which terminals had working scanners, and on which nights, is a question the port "
            "authority can answer from its own records.</p>"
        ),
        country="EC",
        topics=("ports", "cocaine", "extortion"),
        author="rodrigo-salcedo",
        hours_ago=3,
    ),
    Untranslated(
        slug="honduran-prosecutors-seize-properties-of-a-bus-extortion-ring",
        title="Honduran prosecutors seize 40 properties of a bus-route extortion ring",
        dek="The seizure follows the money that drivers on four San Pedro Sula routes paid every week.",
        body=(
            "<p>Prosecutors in Honduras seized 40 houses, shops and vehicles that they say were bought with the "
            "weekly fees a gang took from bus drivers on four routes in San Pedro Sula.</p>"
            "<p>According to the asset forfeiture unit, the ring passed the money through a used-car lot and "
            "two hardware stores registered to relatives of its leaders, and bought property in cash to "
            "keep it out of the banks.</p>"
            "<p>Drivers' unions welcomed the seizure but said the fees had not stopped: a new group began "
            "collecting on two of the routes within a month of the arrests.</p>"
            "<p>Seven people were charged with money laundering. Their lawyers said the businesses were "
            "legitimate and that the prosecutors had confused family savings with the gang's income.</p>"
        ),
        analysis=(
            "<p>Seizing what an extortion ring owns hurts it more than arresting the men who collect, who are "
            "quickly replaced. But the speed with which another group took over two routes shows that the "
            "market itself, drivers who pay to keep working, is untouched.</p>"
            "<p>Whether the properties are forfeited in the end will take years in the courts. Until then, "
            "the drivers' weekly payments are the better measure of whether anything has changed.</p>"
        ),
        country="HN",
        topics=("extortion", "laundering", "gangs"),
        author="mariana-quintero",
        hours_ago=26,
    ),
]

# Added to the English text of an outdated original after its translation was brought up to date: what
# the comparison view shows the translator.
UPDATES = [
    "<p><strong>Update:</strong> After this article was published, the prosecutor's office said it had opened an "
    "inquiry into the officials named in the leaked records, and two of them were suspended while it runs.</p>",
    "<p><strong>Update:</strong> A week after publication, the interior ministry confirmed the figures cited "
    "here and said it would publish them every quarter from now on.</p>",
]
