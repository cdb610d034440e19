"""Fresh static news sites, batch A (written blind from the task description).

* ``a-kurier``  -- a WordPress-like regional paper in German and Polish (``article.post``, ``div.entry-content``,
  sidebar widgets); the reader-revenue appeal sits in the MIDDLE of the article body, inside ``entry-content``.
* ``a-tribune`` -- an SSR-app-like publication in English, French and Dutch (utility-class soup, nested divs,
  hashed ``css-xxxxxx`` class names stable per component); the appeal sits after the body.

All prose is generated deterministically from per-language fact tables, so every story sentence is distinct.
``build(out)`` writes both sites under ``out/<name>/`` and returns the site names.  Standard library only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import pathlib
import random
import sys
import unicodedata

BASE = "__BASE__"


# ---- small helpers ---------------------------------------------------------------------------------------


def table(block: str) -> list[str]:
    """Entries start with '* '; indented continuation lines are joined with a single space."""
    items: list[str] = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if line.startswith("* "):
            items.append(line[2:])
        elif line:
            items[-1] += " " + line
    return items


def rows(block: str, fields: str) -> list[dict]:
    names = fields.split()
    return [dict(zip(names, (c.strip() for c in item.split(" | ")), strict=True)) for item in table(block)]


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str, words: int = 12) -> str:
    low = text.lower()
    for a, b in (("ß", "ss"), ("ł", "l"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("œ", "oe")):
        low = low.replace(a, b)
    low = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode()
    parts = "".join(ch if ch.isalnum() else " " for ch in low).split()
    return "-".join(parts[:words])


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Gold:
    """Collects story and boilerplate text in page order while the HTML is rendered."""

    def __init__(self) -> None:
        self.story: list[str] = []
        self.bp: list[dict] = []

    def s(self, text: str) -> str:
        self.story.append(text)
        return esc(text)

    def b(self, kind: str, text: str) -> str:
        self.bp.append({"kind": kind, "text": text})
        return esc(text)


# ---- language tables: German -----------------------------------------------------------------------------

DE = {
    "code": "de",
    "locale": "de_DE",
    "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "wd": ["Montag", "Dienstag", "Mittwoch", "Donnerstag"],
    "topics": rows("""
        * Bonn | Sanierung der Kennedybrücke | die Stadtverwaltung | der Stadtverwaltung
          | Kennedybrücke: Sanierung wird deutlich teurer als geplant | Verkehr
        * Kassel | Verlängerung der Straßenbahnlinie 4 | die Verkehrsgesellschaft | der Verkehrsgesellschaft
          | Straßenbahn nach Vellmar: Streit um die Linie 4 geht weiter | Nahverkehr
        * Freiburg | Erweiterung des Universitätsklinikums | die Landesregierung | der Landesregierung
          | Uniklinik Freiburg: Anbau soll bis 2028 stehen | Gesundheit
        * Rostock | Umgestaltung des Neuen Markts | die Bürgerschaft | der Bürgerschaft
          | Neuer Markt: Weniger Parkplätze, mehr Bäume für Rostock | Stadtentwicklung
        * Augsburg | Modernisierung des Hallenbads Göggingen | der Sportausschuss | des Sportausschusses
          | Hallenbad Göggingen bleibt zwei Jahre geschlossen | Sport
        * Magdeburg | Erschließung des Industriegebiets Eulenberg | die Entwicklungsgesellschaft
          | der Entwicklungsgesellschaft | Industriegebiet Eulenberg: Investor drängt auf schnellere Genehmigungen
          | Arbeitsmarkt
        * Münster | Neugestaltung des Hafenbeckens | die Hafengesellschaft | der Hafengesellschaft
          | Münsters Hafen: Pläne für neue Promenade stoßen auf Widerstand | Stadtentwicklung
        * Erfurt | Sanierung des Theaters am Domplatz | die Kulturverwaltung | der Kulturverwaltung
          | Theater am Domplatz: Spielbetrieb zieht ins Ausweichquartier | Kultur
        """,
        "P T O Og head tag",
    ),
    "first_f": "Katrin Sabine Julia Miriam Anja Claudia Petra Lena".split(),
    "first_m": "Thomas Jörg Stefan Markus Andreas Florian Uwe Dirk".split(),
    "last": "Vogel Brandt Kessler Hartmann Lorenz Winkler Seidel Krüger Böhm Franke Engel Roth".split(),
    "r1_f": ["Oberbürgermeisterin", "Baudezernentin", "Stadtbaurätin"],
    "r1_m": ["Oberbürgermeister", "Baudezernent", "Stadtbaurat"],
    "r2_f": ["Verkehrsexpertin an der Hochschule", "Fraktionschefin der Grünen im Rat",
             "Sprecherin einer Bürgerinitiative"],
    "r2_m": ["Verkehrsexperte an der Hochschule", "Fraktionschef der CDU im Rat", "Sprecher einer Bürgerinitiative"],
    "sent": table("""
        * Die {T} in {P} wird nach aktuellen Berechnungen rund {n1} Millionen Euro kosten, deutlich mehr als
          ursprünglich veranschlagt.
        * {Oc} hatte die Pläne für die {T} bereits im {m0} vorgestellt und damals mit einer Bauzeit von {n2} Monaten
          gerechnet.
        * Nach Angaben der Verwaltung in {P} sind bislang {n3} Einwendungen von Anwohnern und Gewerbetreibenden
          eingegangen.
        * „Wenn wir jetzt nicht handeln, verlieren wir weitere Jahre“, sagte {r1} {p1} am {wd} vor Journalisten in {P}.
        * Kritiker bemängeln, dass die Interessen der kleinen Geschäfte in der Innenstadt von {P} kaum berücksichtigt
          worden seien.
        * Die Opposition im Rat von {P} fordert ein unabhängiges Gutachten, bevor weitere {n4} Millionen Euro
          freigegeben werden.
        * Ein Sprecher {Og} erklärte, mit dem Land werde über zusätzliche Fördermittel für die {T} verhandelt.
        * Nach dem aktuellen Zeitplan sollen die Arbeiten für die {T} im {month} {year} beginnen und in mehreren
          Abschnitten erfolgen.
        * Zu einer Bürgerversammlung in {P} kamen am {wd}abend mehr als {n5} Menschen, die Debatte dauerte über
          drei Stunden.
        * Laut einer Umfrage im Auftrag einer Lokalzeitung befürworten {pct} Prozent der Befragten in {P} das
          Vorhaben, viele Ältere bleiben jedoch skeptisch.
        * {p2}, {r2}, verweist darauf, dass vergleichbare Projekte in anderen Städten deutlich länger gedauert
          hätten als jetzt für {P} geplant.
        * Für den Verkehr rund um die Baustelle in {P} rechnen die Planer mit Einschränkungen über mindestens {wk}
          Wochen.
        * Die Verwaltung will künftig jeden Monat einen Bericht über den Fortschritt der {T} veröffentlichen und
          weitere Bürgerdialoge anbieten.
        * Schon {y0} war in {P} ein ähnliches Vorhaben an der Finanzierung gescheitert, weshalb viele Bürger diesmal
          vorsichtig sind.
        * Umweltverbände kündigten an, die Pläne für die {T} genau zu prüfen und notfalls rechtliche Schritte
          einzuleiten.
        """),
    "quotes": ["„Die {T} ist für {P} eine Chance, die wir nicht verspielen dürfen“, sagt {p1}.",
               "„Bis heute hat mir in {P} niemand erklärt, wer zahlt, wenn die Kosten erneut steigen“, sagt {p2}."],
    "h2": ["Wie es in {P} jetzt weitergeht", "Streit um die Kosten der {T}"],
    "list_h2": "Die {T} in Zahlen",
    "list": ["Geschätzte Kosten: rund {n1} Millionen Euro", "Zugesagte Fördermittel: {n4} Millionen Euro",
             "Geplante Bauzeit in {P}: {n2} Monate"],
    "captions": ["Blick auf das Areal in {P}, auf dem die {T} im kommenden Jahr beginnen soll.",
                 "Anwohner informieren sich bei einer Ausstellung in {P} über die Pläne für die {T}."],
    "authors": ["Hanna Pietsch", "Mathias Oderberg", "Ines Kaltenbach"],
}

# ---- language tables: Polish (place and month phrases carry their preposition: "w Krakowie", "we Wrocławiu") ----

PL = {
    "code": "pl",
    "locale": "pl_PL",
    "months": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
    .split(),
    "months_w": ["w styczniu", "w lutym", "w marcu", "w kwietniu", "w maju", "w czerwcu", "w lipcu", "w sierpniu",
                 "we wrześniu", "w październiku", "w listopadzie", "w grudniu"],
    "wd": ["w poniedziałek", "we wtorek", "w środę", "w czwartek"],
    "topics": rows("""
        * Kraków | w Krakowie | przebudowa dworca głównego | przebudowy dworca głównego | urząd miasta | urzędu miasta
          | Przebudowa dworca w Krakowie: koszty rosną szybciej niż prace | transport
        * Gdańsk | w Gdańsku | budowa nowej linii tramwajowej | budowy nowej linii tramwajowej
          | zarząd transportu miejskiego | zarządu transportu miejskiego
          | Nowa linia tramwajowa w Gdańsku dzieli mieszkańców | komunikacja
        * Poznań | w Poznaniu | modernizacja szpitala miejskiego | modernizacji szpitala miejskiego
          | zarząd województwa | zarządu województwa | Szpital w Poznaniu: remont potrwa dłużej, niż obiecywano
          | zdrowie
        * Wrocław | we Wrocławiu | rewitalizacja starego browaru | rewitalizacji starego browaru | ratusz | ratusza
          | Stary browar we Wrocławiu ma zmienić się w nową dzielnicę | urbanistyka
        * Lublin | w Lublinie | rozbudowa oczyszczalni ścieków | rozbudowy oczyszczalni ścieków
          | zarząd spółki wodociągowej | zarządu spółki wodociągowej
          | Oczyszczalnia w Lublinie: rachunki za wodę mogą pójść w górę | środowisko
        * Łódź | w Łodzi | renowacja zabytkowej fabryki włókienniczej | renowacji zabytkowej fabryki włókienniczej
          | urząd miasta | urzędu miasta | Dawna fabryka w Łodzi: inwestor chce szybszych decyzji | zabytki
        * Toruń | w Toruniu | budowa miejskiego basenu | budowy miejskiego basenu | wydział sportu | wydziału sportu
          | Basen w Toruniu: kluby sportowe czekają już piąty rok | sport
        * Rzeszów | w Rzeszowie | przebudowa węzła drogowego przy obwodnicy | przebudowy węzła drogowego przy obwodnicy
          | zarząd dróg miejskich | zarządu dróg miejskich
          | Węzeł przy obwodnicy Rzeszowa: kierowcy szykują się na korki
          | drogi
        """,
        "P wP T TG O OG head tag",
    ),
    "first_f": "Anna Katarzyna Magdalena Agnieszka Joanna Ewa Monika Barbara".split(),
    "first_m": "Tomasz Piotr Marcin Krzysztof Paweł Michał Andrzej Grzegorz".split(),
    "last": "Nowak Wójcik Kowalczyk Mazur Krawczyk Zając Król Wróbel Dudek Pawlak Walczak Sikora Baran".split(),
    "r1_f": ["prezydent miasta", "wiceprezydent miasta", "rzeczniczka ratusza"],
    "r1_m": ["prezydent miasta", "wiceprezydent miasta", "rzecznik ratusza"],
    "r2_f": ["radna opozycji", "urbanistka z miejscowej politechniki", "ekonomistka z uniwersytetu"],
    "r2_m": ["radny opozycji", "urbanista z miejscowej politechniki", "ekonomista z uniwersytetu"],
    "sent": table("""
        * {Tc} {wP} ma według najnowszych wyliczeń kosztować około {n1} mln zł, znacznie więcej, niż pierwotnie
          zakładano.
        * {Oc} przedstawił plany {TG} już {wM0} i zakładał wtedy, że prace potrwają {n2} miesięcy.
        * Jak informują urzędnicy {wP}, do tej pory wpłynęło {n3} uwag od mieszkańców i przedsiębiorców.
        * „Jeśli nie zaczniemy działać teraz, stracimy kolejne lata” – przekonuje {r1} {p1} w rozmowie z
          dziennikarzami {wP}.
        * Krytycy zarzucają, że przy planowaniu {TG} niemal nie uwzględniono interesów drobnych kupców ze
          śródmieścia.
        * Opozycja w radzie miasta {wP} domaga się niezależnej ekspertyzy, zanim zostaną uruchomione kolejne {n4} mln
          zł.
        * Rzecznik {OG} przekazał, że trwają rozmowy z rządem o dodatkowym dofinansowaniu {TG}.
        * Zgodnie z obecnym harmonogramem pierwsze prace w ramach {TG} mają ruszyć {wM} {year} roku.
        * Na spotkanie z mieszkańcami {wP} przyszło {wd} wieczorem ponad {n5} osób, a dyskusja trwała ponad trzy
          godziny.
        * Z sondażu przeprowadzonego na zlecenie lokalnej gazety wynika, że {pct} proc. ankietowanych {wP} popiera tę
          inwestycję, choć starsi mieszkańcy pozostają sceptyczni.
        * {p2}, {r2}, zwraca uwagę, że podobne projekty w innych miastach trwały znacznie dłużej, niż obecnie planuje
          się {wP}.
        * Drogowcy przewidują utrudnienia w ruchu wokół placu budowy {wP} przez co najmniej {wk} tygodni.
        * Urzędnicy zapowiadają, że raz w miesiącu będą publikować raport o postępach {TG} i organizować kolejne
          konsultacje.
        * Już w {y0} roku podobny projekt {wP} upadł z powodu braku pieniędzy, dlatego wielu mieszkańców podchodzi do
          sprawy ostrożnie.
        * Organizacje ekologiczne zapowiadają, że dokładnie przeanalizują plany {TG} i w razie potrzeby skierują
          sprawę do sądu.
        """),
    "quotes": ["„{Tc} to dla miasta szansa, której nie wolno zmarnować” – mówi {p1}.",
               "„Nikt {wP} nie wyjaśnił mi dotąd, kto zapłaci, jeśli koszty znów wzrosną” – mówi {p2}."],
    "h2": ["Co dalej {wP}", "Spór o koszty {TG}"],
    "list_h2": "{Tc} w liczbach",
    "list": ["Szacowany koszt: około {n1} mln zł", "Przyznane dofinansowanie: {n4} mln zł",
             "Planowany czas prac {wP}: {n2} miesięcy"],
    "captions": ["Teren {wP}, na którym w przyszłym roku ma się rozpocząć {T}.",
                 "Mieszkańcy oglądają {wP} wystawę poświęconą planom inwestycji."],
    "authors": ["Magdalena Sikorska", "Bartosz Lis", "Zofia Czarnecka"],
}

# ---- language tables: English, French, Dutch -------------------------------------------------------------

EN = {
    "code": "en",
    "locale": "en_GB",
    "months": "January February March April May June July August September October November December".split(),
    "wd": ["Monday", "Tuesday", "Wednesday", "Thursday"],
    "topics": rows("""
        * Leeds | redevelopment of the city bus station | the city council
          | Leeds bus station revamp set to cost far more than planned | Transport
        * Bristol | extension of the harbourside ferry route | the harbour authority
          | Harbourside ferry extension divides Bristol councillors | Waterfront
        * Norwich | expansion of the university hospital | the regional health board
          | Norwich hospital expansion pushed back by a year | Health
        * Cardiff | pedestrianisation of Castle Street | the city council
          | Castle Street car ban: traders warn of empty shops | High streets
        * York | restoration of the medieval city walls | the heritage trust
          | York's medieval walls need urgent repairs, survey finds | Heritage
        """,
        "P T O head tag",
    ),
    "first_f": "Sarah Emma Rachel Priya Fiona Helen Megan Aisha".split(),
    "first_m": "James Daniel Owen Rhys Martin Tom Callum Imran".split(),
    "last": "Hughes Patel Walsh Morgan Fletcher Carter Doyle Bennett Shaw Ellis Rowe Quinn".split(),
    "r1_f": ["council leader", "transport cabinet member", "planning chief"],
    "r1_m": ["council leader", "transport cabinet member", "planning chief"],
    "r2_f": ["a transport researcher at the local university", "an opposition councillor",
             "chair of the residents' association"],
    "r2_m": ["a transport researcher at the local university", "an opposition councillor",
             "chair of the residents' association"],
    "sent": table("""
        * The {T} in {P} is now expected to cost around £{n1} million, considerably more than the figure first
          presented to councillors.
        * {Oc} first unveiled plans for the {T} in {m0} and at the time estimated that the work would take {n2}
          months.
        * Officials in {P} say they have so far received {n3} written objections from residents and local businesses.
        * “If we do not act now, we will lose several more years,” {r1} {p1} told reporters in {P} on {wd}.
        * Critics argue that the interests of small traders in the centre of {P} have barely been considered in the
          planning process.
        * Opposition councillors in {P} want an independent review before a further £{n4} million is released.
        * A spokesperson for {O} said talks with the government about extra funding for the {T} were continuing.
        * Under the current timetable, work on the {T} will begin in {month} {year} and be carried out in several
          phases.
        * More than {n5} people attended a public meeting in {P} on {wd} evening, and the discussion lasted well over
          three hours.
        * A poll commissioned by a local newspaper found that {pct} per cent of respondents in {P} back the scheme,
          although older residents remain sceptical.
        * {p2}, {r2}, points out that similar projects in other cities took considerably longer than the schedule
          now planned for {P}.
        * Planners expect traffic restrictions around the construction site in {P} to last for at least {wk} weeks.
        * The council has promised to publish a monthly progress report on the {T} and to hold further public
          consultations.
        * A similar project in {P} collapsed in {y0} because of funding problems, which is why many residents remain
          cautious this time.
        * Environmental groups have said they will examine the plans for the {T} closely and take legal action if
          necessary.
        """),
    "quotes": ["“The {T} is a chance for {P} that we must not waste,” says {p1}.",
               "“Nobody in {P} has yet explained to me who pays if the costs rise again,” says {p2}."],
    "h2": ["What happens next in {P}", "Questions over the cost of the {T}"],
    "list_h2": "The {T} in numbers",
    "list": ["Estimated cost: about £{n1} million", "Funding promised so far: £{n4} million",
             "Planned construction period in {P}: {n2} months"],
    "captions": ["The site in {P} where the {T} is due to begin next year.",
                 "Residents study the plans for the {T} at an exhibition in {P}."],
    "authors": ["Eleanor Marsh", "David Okonjo", "Grace Lindqvist"],
}

FR = {
    "code": "fr",
    "locale": "fr_FR",
    "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "wd": ["lundi", "mardi", "mercredi", "jeudi"],
    "topics": rows("""
        * Lyon | rénovation de la gare Part-Dieu | la métropole | de la métropole
          | Gare Part-Dieu : la facture des travaux s'envole | Transports
        * Nantes | création d'une nouvelle ligne de tramway | la société de transport | de la société de transport
          | Nouvelle ligne de tram à Nantes : le tracé contesté | Mobilités
        * Rennes | modernisation du centre hospitalier | l'agence régionale de santé | de l'agence régionale de santé
          | Hôpital de Rennes : le chantier prendra un an de retard | Santé
        * Bordeaux | piétonnisation des quais de la Garonne | la mairie | de la mairie
          | Quais piétons à Bordeaux : les commerçants inquiets | Commerce
        * Strasbourg | réhabilitation de l'ancienne manufacture des tabacs | la ville | de la ville
          | Manufacture des tabacs : un nouveau quartier pour Strasbourg | Urbanisme
        """,
        "P T O Od head tag",
    ),
    "first_f": "Claire Sophie Camille Nathalie Élodie Isabelle Manon Julie".split(),
    "first_m": "Julien Nicolas Thomas Pierre Antoine Laurent Mathieu Olivier".split(),
    "last": "Dubois Lefèvre Moreau Girard Bonnet Fontaine Rousseau Chevalier Perrin Masson Lambert Garnier".split(),
    "r1_f": ["la maire", "l'adjointe à l'urbanisme", "la vice-présidente chargée des travaux"],
    "r1_m": ["le maire", "l'adjoint aux transports", "le vice-président chargé des travaux"],
    "r2_f": ["conseillère municipale d'opposition", "urbaniste à l'université",
             "présidente d'un collectif d'habitants"],
    "r2_m": ["conseiller municipal d'opposition", "économiste à l'université", "président d'un collectif d'habitants"],
    "sent": table("""
        * La {T} à {P} devrait désormais coûter environ {n1} millions d'euros, bien plus que le montant annoncé au
          départ.
        * {Oc} avait présenté le projet de {T} en {m0} et tablait alors sur une durée de travaux de {n2} mois.
        * Selon les services municipaux de {P}, {n3} observations d'habitants et de commerçants ont été déposées
          jusqu'à présent.
        * « Si nous n'agissons pas maintenant, nous perdrons encore des années », a déclaré {r1} {p1} {wd} devant la
          presse à {P}.
        * Les critiques estiment que les intérêts des petits commerçants du centre de {P} ont été à peine pris en
          compte.
        * L'opposition municipale de {P} réclame une expertise indépendante avant le déblocage de {n4} millions
          d'euros supplémentaires.
        * Un porte-parole {Od} a indiqué que des discussions avec l'État sur un financement complémentaire de la {T}
          étaient en cours.
        * Selon le calendrier actuel, les travaux débuteront en {month} {year} et seront réalisés en plusieurs phases
          à {P}.
        * Plus de {n5} personnes ont assisté {wd} soir à une réunion publique à {P}, et le débat a duré plus de
          trois heures.
        * Selon un sondage commandé par un quotidien régional, {pct} % des habitants de {P} interrogés soutiennent le
          projet, mais les plus âgés restent sceptiques.
        * {p2}, {r2}, rappelle que des projets comparables dans d'autres villes ont pris bien plus de temps que ce
          qui est prévu à {P}.
        * Les urbanistes prévoient des restrictions de circulation autour du chantier de {P} pendant au moins {wk}
          semaines.
        * La collectivité promet de publier chaque mois un rapport d'avancement sur la {T} et d'organiser de
          nouvelles concertations.
        * Un projet similaire avait déjà échoué à {P} en {y0} faute de financement, ce qui explique la prudence de
          nombreux habitants.
        * Des associations de défense de l'environnement examineront de près le projet de {T} et saisiront la
          justice si nécessaire.
        """),
    "quotes": ["« La {T} est une chance pour {P} que nous ne devons pas gâcher », affirme {p1}.",
               "« Personne à {P} ne m'a encore expliqué qui paiera si les coûts augmentent encore », regrette {p2}."],
    "h2": ["Quelle suite pour {P} ?", "Le coût de la {T} en question"],
    "list_h2": "La {T} en chiffres",
    "list": ["Coût estimé : environ {n1} millions d'euros", "Financements promis : {n4} millions d'euros",
             "Durée prévue du chantier à {P} : {n2} mois"],
    "captions": ["Le site de {P} où la {T} doit commencer l'an prochain.",
                 "Des habitants découvrent le projet de {T} lors d'une exposition à {P}."],
    "authors": ["Margaux Béranger", "Hugo Delaunay", "Aïcha Benali"],
}

NL = {
    "code": "nl",
    "locale": "nl_NL",
    "months": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "wd": ["maandag", "dinsdag", "woensdag", "donderdag"],
    "topics": rows("""
        * Utrecht | renovatie van het Stationsplein | de gemeente | van de gemeente
          | Stationsplein Utrecht: renovatie wordt flink duurder | Verkeer
        * Groningen | aanleg van een fietsbrug over het Van Starkenborghkanaal | de provincie | van de provincie
          | Fietsbrug in Groningen: provincie twijfelt over de financiering | Fiets
        * Eindhoven | uitbreiding van het Catharina Ziekenhuis | het ziekenhuisbestuur | van het ziekenhuisbestuur
          | Uitbreiding Catharina Ziekenhuis loopt een jaar vertraging op | Zorg
        * Zwolle | herinrichting van de binnenstad | de gemeente | van de gemeente
          | Autoluwe binnenstad Zwolle: winkeliers vrezen leegstand | Binnenstad
        * Arnhem | herbouw van het openluchtzwembad | het sportbedrijf | van het sportbedrijf
          | Openluchtbad Arnhem blijft nog twee zomers dicht | Sport
        * Leiden | verbouwing van de stadsschouwburg | de culturele dienst | van de culturele dienst
          | Schouwburg Leiden: voorstellingen verhuizen naar tijdelijke zaal | Cultuur
        """,
        "P T O Ov head tag",
    ),
    "first_f": "Sanne Lotte Femke Anouk Esther Marieke Ilse Noor".split(),
    "first_m": "Jeroen Bas Thijs Ruud Maarten Sander Pieter Wouter".split(),
    "last": "de Vries|Jansen|Bakker|Visser|Smit|Meijer|de Boer|Mulder|Bos|Vos|Peters|Hendriks".split("|"),
    "r1_f": ["burgemeester", "wethouder verkeer", "wethouder financiën"],
    "r1_m": ["burgemeester", "wethouder verkeer", "wethouder financiën"],
    "r2_f": ["gemeenteraadslid voor de oppositie", "stedenbouwkundige aan de universiteit", "wijkraadvoorzitter"],
    "r2_m": ["oppositieraadslid", "econoom aan de universiteit", "voorzitter van een bewonersgroep"],
    "sent": table("""
        * De {T} in {P} gaat volgens de laatste berekeningen ongeveer {n1} miljoen euro kosten, fors meer dan
          oorspronkelijk geraamd.
        * {Oc} presenteerde de plannen voor de {T} in {m0} en ging toen uit van een bouwtijd van {n2} maanden.
        * Volgens ambtenaren in {P} zijn er tot nu toe {n3} zienswijzen van bewoners en ondernemers binnengekomen.
        * ‘Als we nu niet handelen, verliezen we opnieuw jaren’, zei {r1} {p1} op {wd} tegen verslaggevers in {P}.
        * Critici vinden dat bij de {T} nauwelijks rekening is gehouden met de belangen van kleine ondernemers in het
          centrum van {P}.
        * De oppositie in de gemeenteraad van {P} wil een onafhankelijk onderzoek voordat er nog eens {n4} miljoen
          euro wordt vrijgegeven.
        * Een woordvoerder {Ov} zegt dat de gesprekken met het Rijk over extra geld voor de {T} nog lopen.
        * Volgens de huidige planning begint het werk in {P} in {month} {year} en wordt het in meerdere fasen
          uitgevoerd.
        * Ruim {n5} mensen kwamen {wd}avond naar een informatieavond in {P}, waar tot laat werd gediscussieerd.
        * Uit een peiling in opdracht van een regionale krant blijkt dat {pct} procent van de ondervraagde inwoners
          van {P} achter het plan staat.
        * {p2}, {r2}, wijst erop dat vergelijkbare projecten in andere steden veel langer duurden dan nu voor {P} is
          gepland.
        * Verkeersplanners verwachten dat de omgeving van de bouwplaats in {P} minstens {wk} weken slecht
          bereikbaar is.
        * Het stadsbestuur belooft elke maand een voortgangsrapportage over de {T} te publiceren en bewoners opnieuw
          te raadplegen.
        * Een vergelijkbaar plan strandde in {P} al in {y0} door geldgebrek, waardoor veel inwoners nu voorzichtig
          zijn.
        * Milieuorganisaties kondigen aan de plannen voor de {T} nauwkeurig te bestuderen en zo nodig naar de rechter
          te stappen.
        """),
    "quotes": ["‘De {T} is voor {P} een kans die we niet mogen verspelen’, zegt {p1}.",
               "‘Niemand in {P} heeft mij nog uitgelegd wie betaalt als de kosten opnieuw stijgen’, zegt {p2}."],
    "h2": ["Hoe het nu verder gaat in {P}", "Discussie over de kosten van de {T}"],
    "list_h2": "De {T} in cijfers",
    "list": ["Geschatte kosten: ongeveer {n1} miljoen euro", "Toegezegde subsidie: {n4} miljoen euro",
             "Geplande bouwtijd in {P}: {n2} maanden"],
    "captions": ["Het terrein in {P} waar de {T} volgend jaar moet beginnen.",
                 "Bewoners bekijken de plannen voor de {T} tijdens een expositie in {P}."],
    "authors": ["Marloes Verbeek", "Koen Dijkstra", "Yara El Amrani"],
}

GALLERIES = {
    "en": {
        "head": "In pictures: tall ships return to Hull for the maritime festival",
        "intro": "Thousands of visitors lined the quaysides in Hull over the weekend as more than twenty tall ships "
        "moored in the marina for the city's first maritime festival in five years. Our photographer spent three "
        "days on the water and ashore with crews, cadets and spectators who travelled from across the North.",
        "captions": table("""
            * The Dutch three-master Oosterschelde glides past the Humber barrier shortly after sunrise on Friday.
            * Sea cadets from Grimsby climb the rigging of the brig Stavros during a training exercise.
            * Families queue along Humber Street for a chance to tour the Norwegian schooner Anna Kristina.
            * A volunteer coils ropes on the deck of the Lord Nelson, one of the few ships adapted for disabled sailors.
            * Fireworks light up the marina on Saturday night as the crews gather for the closing parade of sail.
            """),
        "tag": "Photography",
    },
    "fr": {
        "head": "En images : la Fête des lumières transforme Lyon pendant quatre nuits",
        "intro": "Pendant quatre soirs, plus d'un million et demi de visiteurs ont arpenté les rues de Lyon pour "
        "découvrir une quarantaine d'installations lumineuses, de la colline de Fourvière aux berges du Rhône. "
        "Notre photographe a suivi les artistes, les techniciens et les promeneurs jusque tard dans la nuit.",
        "captions": table("""
            * La façade de la cathédrale Saint-Jean se couvre de motifs géométriques projetés par un collectif lyonnais.
            * Sur la place des Terreaux, des enfants dansent au milieu de bulles lumineuses géantes.
            * Les lumignons traditionnels brillent aux fenêtres des immeubles du Vieux-Lyon, comme chaque 8 décembre.
            * Une technicienne règle un projecteur sur le toit du théâtre des Célestins avant l'ouverture au public.
            * La passerelle du Palais de justice, illuminée en bleu, attire les promeneurs jusqu'à minuit passé.
            """),
        "tag": "Photographie",
    },
}

# ---- template furniture per language ---------------------------------------------------------------------


def appeals(block: str) -> list[dict]:
    """'* heading | paragraph || paragraph | button' -- three rotating reader-revenue variants."""
    return [{"heading": h, "paras": p.split(" || "), "button": b} for h, p, b in (e.split(" | ") for e in table(block))]


FURN = {
    "de": {
        "byline": "Von {}",
        "date": lambda d: f"{d.day}. {DE['months'][d.month - 1]} {d.year}",
        "nav": [("Startseite", "/index.html"), ("Nachrichten", "/kategorie/nachrichten.html"),
                ("Reportagen", "/kategorie/reportagen.html"), ("Po polsku", "/kategorie/wiadomosci.html")],
        "cookie": "Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und die Nutzung "
        "unserer Website zu analysieren.",
        "cookie_buttons": ["Alle akzeptieren", "Nur notwendige"],
        "footer": ["Impressum", "Datenschutzerklärung", "Kontakt zur Redaktion",
                   "© 2025 Grenzland Kurier · Alle Rechte vorbehalten"],
        "appeals": appeals("""
            * Unabhängiger Journalismus braucht Sie | Recherchen wie diese kosten Zeit und Geld. Mit einem kleinen
              monatlichen Beitrag unterstützen Sie unsere Arbeit im Grenzland. | Jetzt unterstützen
            * Werden Sie Mitglied im Kurier-Club | Schon mehr als 40.000 Leserinnen und Leser zahlen für unsere
              Berichterstattung – und halten sie damit für alle frei zugänglich. || Mitglieder erhalten jeden Freitag
              unseren Wochenrückblick und Einladungen zu Redaktionsgesprächen. | Mitglied werden
            * Halten Sie diese Redaktion unabhängig | Wir gehören keinem Konzern und keiner Partei. Ein Abo ab 4 Euro im
              Monat sorgt dafür, dass das so bleibt. | Abo abschließen
            """),
        "newsletter": ("Der Kurier am Morgen", "Die wichtigsten Nachrichten aus dem Grenzland jeden Werktag um 6 Uhr "
                       "in Ihrem Postfach.", "Kostenlos abonnieren", "Ihre E-Mail-Adresse"),
        "latest": "Meistgelesen",
        "read_also": "Lesen Sie auch:",
        "share": ["Auf Facebook teilen", "Auf X teilen", "Per E-Mail senden", "Link kopieren"],
        "tags": "Schlagwörter:",
        "comments": "{} Kommentare",
        "credit": "Foto: {}",
        "partner": "Dieser Artikel erschien zuerst im {}. Wir veröffentlichen ihn im Rahmen unserer Kooperation "
        "mit Regionalzeitungen.",
        "partner_name": "Elbe-Anzeiger",
        "partner_author": "Lutz Hagedorn",
    },
    "pl": {
        "byline": "Autor: {}",
        "date": lambda d: f"{d.day} {PL['months'][d.month - 1]} {d.year}",
        "nav": [("Strona główna", "/index.html"), ("Wiadomości", "/kategorie/wiadomosci.html"),
                ("Reportaże", "/kategorie/reportaze.html"), ("Auf Deutsch", "/kategorie/nachrichten.html")],
        "cookie": "Używamy plików cookies, aby personalizować treści i analizować ruch w naszym serwisie.",
        "cookie_buttons": ["Akceptuję wszystkie", "Tylko niezbędne"],
        "footer": ["Stopka redakcyjna", "Polityka prywatności", "Kontakt z redakcją",
                   "© 2025 Kurier Pogranicza · Wszelkie prawa zastrzeżone"],
        "appeals": appeals("""
            * Niezależne dziennikarstwo potrzebuje Twojej pomocy | Rzetelne reportaże wymagają czasu i pieniędzy.
              Wesprzyj naszą redakcję niewielką comiesięczną wpłatą. | Wesprzyj nas
            * Dołącz do Klubu Czytelników Kuriera | Ponad 40 000 czytelników płaci za naszą pracę, dzięki czemu teksty
              pozostają otwarte dla wszystkich. || Członkowie klubu dostają cotygodniowy przegląd wydarzeń i zaproszenia
              na spotkania z redakcją. | Zostań członkiem
            * Niech ta redakcja pozostanie niezależna | Nie należymy do żadnego koncernu ani partii. Prenumerata od 15
              zł miesięcznie sprawia, że tak zostanie. | Wykup prenumeratę
            """),
        "newsletter": ("Poranny Kurier", "Najważniejsze wiadomości z pogranicza w każdy dzień roboczy o 6 rano w "
                       "Twojej skrzynce.", "Zapisz się za darmo", "Twój adres e-mail"),
        "latest": "Najczęściej czytane",
        "read_also": "Przeczytaj także:",
        "share": ["Udostępnij na Facebooku", "Udostępnij na X", "Wyślij e-mailem", "Kopiuj link"],
        "tags": "Tagi:",
        "comments": "{} komentarzy",
        "credit": "Fot. {}",
        "partner": "Ten artykuł ukazał się pierwotnie w serwisie {}. Publikujemy go w ramach współpracy "
        "redakcyjnej.",
        "partner_name": "Głos Nadwiślański",
        "partner_author": "Jolanta Bielecka",
    },
    "en": {
        "byline": "By {}",
        "date": lambda d: f"{d.day} {EN['months'][d.month - 1]} {d.year}",
        "nav": [("Home", "/index.html"), ("Top stories", "/en/index.html"), ("Français", "/fr/index.html"),
                ("Nederlands", "/nl/index.html")],
        "cookie": "We use cookies to personalise content and to analyse how our site is used.",
        "cookie_buttons": ["Accept all", "Manage preferences"],
        "footer": ["About us", "Privacy policy", "Terms of use", "© 2025 Tribune Media Ltd"],
        "appeals": appeals("""
            * Help us keep reporting | Good local journalism takes time. If you can, support our newsroom with a monthly
              contribution of any size. | Support the Tribune
            * Become a Tribune member | Join 40,000 readers who pay for independent reporting and keep it free for
              everyone else. || Members get our weekly briefing and invitations to newsroom events. | Become a member
            * Keep this newsroom independent | We are not owned by a billionaire or a party. A subscription from £4 a
              month keeps it that way. | Subscribe now
            """),
        "newsletter": ("The Morning Brief", "The day's essential stories, in your inbox every weekday at 7am.",
                       "Sign up for free", "Your email address"),
        "latest": "Most read",
        "related": "Related stories",
        "share": ["Share on Facebook", "Share on X", "Share via email", "Copy link"],
        "tags": "Topics:",
        "comments": "{} comments",
        "credit": "Photograph: {}",
    },
    "fr": {
        "byline": "Par {}",
        "date": lambda d: f"{'1er' if d.day == 1 else d.day} {FR['months'][d.month - 1]} {d.year}",
        "nav": [("Accueil", "/index.html"), ("À la une", "/fr/index.html"), ("English", "/en/index.html"),
                ("Nederlands", "/nl/index.html")],
        "cookie": "Nous utilisons des cookies pour personnaliser le contenu et analyser la fréquentation de notre "
        "site.",
        "cookie_buttons": ["Tout accepter", "Paramétrer"],
        "footer": ["À propos", "Politique de confidentialité", "Conditions d'utilisation", "© 2025 Tribune Media Ltd"],
        "appeals": appeals("""
            * Soutenez un journalisme indépendant | Nos enquêtes demandent du temps et des moyens. Faites un don, même
              modeste, pour nous aider à continuer. | Faire un don
            * Devenez membre de la Tribune | Rejoignez les 40 000 lecteurs qui paient pour une information indépendante
              et gratuite pour tous. || Les membres reçoivent notre lettre hebdomadaire et des invitations à nos
              rencontres. | Devenir membre
            * Gardez cette rédaction indépendante | Nous n'appartenons à aucun groupe industriel ni à aucun parti. Un
              abonnement dès 4 euros par mois nous permet de le rester. | Je m'abonne
            """),
        "newsletter": ("Le Réveil de la Tribune", "L'essentiel de l'actualité chaque matin à 7 heures dans votre "
                       "boîte mail.", "Je m'inscris", "Votre adresse e-mail"),
        "latest": "Les plus lus",
        "related": "À lire aussi",
        "share": ["Partager sur Facebook", "Partager sur X", "Envoyer par e-mail", "Copier le lien"],
        "tags": "Sujets :",
        "comments": "{} commentaires",
        "credit": "Photo : {}",
    },
    "nl": {
        "byline": "Door {}",
        "date": lambda d: f"{d.day} {NL['months'][d.month - 1]} {d.year}",
        "nav": [("Voorpagina", "/index.html"), ("Nieuws", "/nl/index.html"), ("English", "/en/index.html"),
                ("Français", "/fr/index.html")],
        "cookie": "Wij gebruiken cookies om inhoud te personaliseren en het gebruik van onze site te analyseren.",
        "cookie_buttons": ["Alles accepteren", "Voorkeuren beheren"],
        "footer": ["Over ons", "Privacybeleid", "Gebruiksvoorwaarden", "© 2025 Tribune Media Ltd"],
        "appeals": appeals("""
            * Steun onafhankelijke journalistiek | Goede verslaggeving kost tijd en geld. Met een kleine maandelijkse
              donatie steunt u onze redactie. | Doneer nu
            * Word lid van de Tribune | Sluit u aan bij 40.000 lezers die betalen voor onze journalistiek, zodat die
              voor iedereen gratis blijft. || Leden ontvangen elke vrijdag ons weekoverzicht en uitnodigingen voor
              redactieavonden. | Word lid
            * Houd deze redactie onafhankelijk | Wij zijn van geen enkel concern of partij. Een abonnement vanaf 4 euro
              per maand houdt dat zo. | Neem een abonnement
            """),
        "newsletter": ("De Ochtendbrief", "Elke werkdag om 7 uur het belangrijkste nieuws in uw mailbox.",
                       "Gratis aanmelden", "Uw e-mailadres"),
        "latest": "Meest gelezen",
        "related": "Lees ook",
        "share": ["Delen op Facebook", "Delen op X", "Doorsturen per e-mail", "Link kopiëren"],
        "tags": "Onderwerpen:",
        "comments": "{} reacties",
        "credit": "Foto: {}",
    },
}

LANGS = {"de": DE, "pl": PL, "en": EN, "fr": FR, "nl": NL}

# ---- prose generation ------------------------------------------------------------------------------------

MONTH_SPANS = [15, 16, 18, 20, 26, 28, 30, 36]  # also grammatical in Polish ("miesięcy")


def person(lang: dict, rng: random.Random, used: set[str], role: str) -> tuple[str, str]:
    while True:
        g = rng.choice("fm")
        name = f"{rng.choice(lang['first_' + g])} {rng.choice(lang['last'])}"
        if name not in used:
            used.add(name)
            return name, rng.choice(lang[f"{role}_{g}"])


def facts(lang: dict, topic: dict, rng: random.Random, used: set[str], pools: dict, published: dt.date) -> dict:
    ctx = dict(topic)
    ctx["p1"], ctx["r1"] = person(lang, rng, used, "r1")
    ctx["p2"], ctx["r2"] = person(lang, rng, used, "r2")
    start = published.month - 1 + rng.randint(3, 9)
    m0 = rng.randrange(12)
    months_w = lang.get("months_w", lang["months"])
    ctx.update(
        n1=pools["n1"].pop(), n4=pools["n4"].pop(), n2=rng.choice(MONTH_SPANS), n3=rng.randrange(110, 900, 5),
        n5=rng.randrange(120, 500, 10), pct=rng.randint(52, 78), wk=rng.choice([6, 8, 10, 12, 16]),
        y0=rng.randint(2009, 2019), year=published.year + start // 12, month=lang["months"][start % 12],
        wM=months_w[start % 12], m0=lang["months"][m0], wM0=months_w[m0], wd=rng.choice(lang["wd"]),
    )
    ctx["Tc"], ctx["Oc"] = cap(ctx["T"]), cap(ctx["O"])
    return ctx


def story_blocks(lang: dict, ctx: dict, rng: random.Random, li: int, figure: bool) -> list[tuple]:
    """4-5 paragraphs of three sentences; a subheading, a quote or a fact list depending on li."""
    sent = lang["sent"]
    order = [0, *rng.sample(range(1, len(sent)), len(sent) - 1)]
    lines = [sent[i].format(**ctx) for i in order]
    paras = [" ".join(lines[3 * k: 3 * k + 3]) for k in range(4 + li % 2)]
    var = li // 3 % 2
    blocks: list[tuple] = [("p", paras[0])]
    if figure:
        blocks.append(("fig", lang["captions"][var].format(**ctx)))
    for k, para in enumerate(paras[1:], start=1):
        if li % 3 == 0 and k == 2:
            blocks.append(("h2", lang["h2"][var].format(**ctx)))
        blocks.append(("p", para))
        if li % 3 == 1 and k == 1:
            blocks.append(("quote", lang["quotes"][var].format(**ctx)))
        if li % 3 == 2 and k == 2:
            blocks.append(("h2", lang["list_h2"].format(**ctx)))
            blocks.append(("list", [x.format(**ctx) for x in lang["list"]]))
    return blocks


def stamp(rng: random.Random, day: dt.date) -> dt.datetime:
    tz = dt.timezone(dt.timedelta(hours=2 if 4 <= day.month <= 10 else 1))
    return dt.datetime(day.year, day.month, day.day, rng.randint(6, 18), rng.choice([0, 15, 30, 45]), tzinfo=tz)


def link_others(arts: list[dict], rng: random.Random) -> None:
    """Most-read list (5 other headlines of the same language), related links and comment counts."""
    for a in arts:
        others = [o for o in arts if o["lang"] == a["lang"] and o is not a]
        shift = a["li"] % len(others)
        ring = others[shift:] + others[:shift]
        a["latest"] = [(o["path"], o["title"]) for o in ring[:5]]
        a["related"] = [(o["path"], o["title"]) for o in ring[-3:]] if a["li"] % 2 == 1 else []
        a["comments"] = rng.choice([5, 7, 9, 12, 16, 19, 25, 38, 47]) if a["li"] % 3 != 2 else None


# ---- shared site files -----------------------------------------------------------------------------------


def write(root: pathlib.Path, rel: str, text: str) -> None:
    target = root / rel.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def write_site_files(root: pathlib.Path, meta: dict, arts: list[dict], listings: list[str]) -> None:
    newest = max(a["published"] for a in arts)
    urls = [(p, newest.date()) for p in listings]
    for a in arts:
        mod = min(a["published"].date() + dt.timedelta(days=a["li"] % 4 * 3), dt.date(2025, 12, 31))
        urls.append((a["path"], mod))
    sm = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    sm += [f"  <url><loc>{BASE}{p}</loc><lastmod>{d.isoformat()}</lastmod></url>" for p, d in urls]
    write(root, meta["sitemap"], "\n".join([*sm, "</urlset>", ""]))
    write(root, "robots.txt", f"User-agent: *\nDisallow: {meta['disallow']}\n\nSitemap: {BASE}{meta['sitemap']}\n")
    items = []
    for a in sorted(arts, key=lambda x: x["published"], reverse=True):
        items.append(
            f"<item><title>{esc(a['title'])}</title><link>{BASE}{a['path']}</link>"
            f'<guid isPermaLink="true">{BASE}{a["path"]}</guid>'
            f"<pubDate>{email_date(a['published'])}</pubDate><dc:creator>{esc(', '.join(a['authors']))}</dc:creator>"
            f"<category>{esc(a['tags'][-1])}</category><description>{esc(a['title'])}</description></item>"
        )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{esc(meta['title'])}</title><link>{BASE}/</link>"
        f'<atom:link href="{BASE}{meta["feed"]}" rel="self" type="application/rss+xml"/>'
        f"<description>{esc(meta['title'])}</description><language>{meta['languages'][0]}</language>"
        f"<lastBuildDate>{email_date(newest)}</lastBuildDate>\n" + "\n".join(items) + "\n</channel>\n</rss>\n"
    )
    write(root, meta["feed"], feed)
    pages = {
        a["path"]: {
            "kind": a["kind"], "language": a["lang"], "title": a["title"], "author": a["authors"],
            "published": a["published"].date().isoformat(), "story": a["gold"].story, "boilerplate": a["gold"].bp,
        }
        for a in arts
    }
    site = {k: meta[k] for k in ("name", "languages", "sitemap", "feed", "article_url_regex")}
    site["pages"] = pages
    write(root, "site.json", json.dumps(site, ensure_ascii=False, indent=1) + "\n")


def email_date(when: dt.datetime) -> str:
    from email.utils import format_datetime

    return format_datetime(when)


# ---- site 1: a-kurier -- WordPress-like, German and Polish, appeal in the middle of div.entry-content ----

KURIER = {
    "name": "a-kurier", "title": "Grenzland Kurier", "languages": ["de", "pl"], "sitemap": "/sitemap.xml",
    "feed": "/feed.xml", "article_url_regex": r"^/\d{4}/\d{2}/[a-z0-9-]+\.html$", "disallow": "/wp-admin/",
}
KURIER_PHOTOGRAPHERS = {"de": "Jens Haubold", "pl": "Marta Zielińska"}
KURIER_CATEGORIES = {
    "/kategorie/nachrichten.html": ("de", "Nachrichten", None),
    "/kategorie/reportagen.html": ("de", "Reportagen", 0),
    "/kategorie/wiadomosci.html": ("pl", "Wiadomości", None),
    "/kategorie/reportaze.html": ("pl", "Reportaże", 0),
}


def kurier_open(g: Gold, lang: str, title: str, path: str, body_class: str, meta: str = "") -> str:
    nav = "".join(
        f'<li id="menu-item-{30 + i}" class="menu-item menu-item-type-taxonomy menu-item-{30 + i}">'
        f'<a href="{href}">{g.b("nav", label)}</a></li>'
        for i, (label, href) in enumerate(FURN[lang]["nav"])
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}-{lang.upper()}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} – Grenzland Kurier</title>
<link rel="canonical" href="{BASE}{path}">
<meta property="og:site_name" content="Grenzland Kurier">
<meta property="og:url" content="{BASE}{path}">
{meta}<link rel="alternate" type="application/rss+xml" title="Grenzland Kurier » Feed" href="{BASE}/feed.xml">
<link rel="stylesheet" id="grenzland-style-css" href="/wp-content/themes/grenzland/style.css?ver=6.4.3" media="all">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>
<body class="{body_class} wp-embed-responsive">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary"></a>
<header id="masthead" class="site-header">
<div class="site-branding"><a href="/index.html" class="custom-logo-link" rel="home"><img width="240" height="60"
 src="/wp-content/uploads/2023/11/grenzland-logo.svg" class="custom-logo" alt="Grenzland Kurier"></a></div>
<nav id="site-navigation" class="main-navigation" aria-label="Hauptmenü">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false"></button>
<ul id="primary-menu" class="menu">{nav}</ul>
</nav>
</header>
<div id="content" class="site-content">
"""


def kurier_close(g: Gold, lang: str, sidebar: str) -> str:
    f = FURN[lang]
    foot = "".join(f'<li class="menu-item"><a href="/index.html">{g.b("footer", t)}</a></li>' for t in f["footer"][:3])
    info, text = g.b("footer", f["footer"][3]), g.b("cookie", f["cookie"])
    buttons = "".join(
        f'<button type="button" class="button cn-{k}">{g.b("cookie", t)}</button>'
        for k, t in zip(("accept", "necessary"), f["cookie_buttons"], strict=True)
    )
    return f"""{sidebar}</div><!-- #content -->
<footer id="colophon" class="site-footer">
<nav class="footer-navigation"><ul id="footer-menu" class="footer-menu">{foot}</ul></nav>
<div class="site-info">{info}</div>
</footer>
</div><!-- #page -->
<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cn-position-bottom">
<div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">{text}</span>
<span id="cn-notice-buttons" class="cn-buttons-container">{buttons}</span></div></div>
<script src="/wp-content/plugins/cookie-notice/js/front.min.js?ver=2.4.16" id="cookie-notice-front-js"></script>
</body>
</html>
"""


def kurier_sidebar(g: Gold, lang: str, latest: list[tuple[str, str]]) -> str:
    f = FURN[lang]
    head, text, button, placeholder = f["newsletter"]
    head, text, button, most = (g.b(k, x) for k, x in zip(["newsletter"] * 3 + ["latest"],
                                                            (head, text, button, f["latest"]), strict=True))
    items = "".join(f'<li><a href="{p}">{g.b("latest", t)}</a></li>' for p, t in latest)
    return f"""<aside id="secondary" class="widget-area">
<section id="newsletter-widget-2" class="widget widget_newsletter">
<h2 class="widget-title">{head}</h2>
<p class="newsletter-intro">{text}</p>
<form class="newsletter-form" action="/index.html" method="get"><input type="email" name="ne"
 placeholder="{attr(placeholder)}" required><button type="submit" class="wp-element-button">{button}</button></form>
</section>
<section id="popular-posts-3" class="widget widget_popular_posts">
<h2 class="widget-title">{most}</h2>
<ul class="wpp-list">{items}</ul>
</section>
</aside>
"""


def kurier_appeal(g: Gold, lang: str, variant: int) -> str:
    ap = FURN[lang]["appeals"][variant]
    paras = "".join(f"<p>{g.b('appeal', p)}</p>" for p in ap["paras"])
    return (
        '<div class="wp-block-group kurier-box is-layout-constrained"><div class="wp-block-group__inner-container">'
        f'<h3 class="wp-block-heading">{g.b("appeal-heading", ap["heading"])}</h3>{paras}'
        '<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" '
        f'href="/index.html">{g.b("appeal-button", ap["button"])}</a></div></div></div></div>\n'
    )


def kurier_block(g: Gold, a: dict, blk: tuple) -> str:
    kind = blk[0]
    if kind == "p":
        return f"<p>{g.s(blk[1])}</p>\n"
    if kind == "h2":
        return f'<h2 class="wp-block-heading">{g.s(blk[1])}</h2>\n'
    if kind == "quote":
        return f'<blockquote class="wp-block-quote"><p>{g.s(blk[1])}</p></blockquote>\n'
    if kind == "list":
        return '<ul class="wp-block-list">' + "".join(f"<li>{g.s(x)}</li>" for x in blk[1]) + "</ul>\n"
    credit = FURN[a["lang"]]["credit"].format(KURIER_PHOTOGRAPHERS[a["lang"]])
    return (
        f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" '
        f'src="/wp-content/uploads/{a["path"][1:8]}{a["slug"][:20]}-1024x683.jpg" alt="">'
        f'<figcaption class="wp-element-caption">{g.s(blk[1])} <span class="credit">{g.b("credit", credit)}'
        "</span></figcaption></figure>\n"
    )


def kurier_article(a: dict, post_id: int) -> str:
    g = a["gold"] = Gold()
    f = FURN[a["lang"]]
    pub = a["published"].isoformat()
    meta = (
        f'<meta property="og:type" content="article">\n<meta property="og:title" content="{attr(a["title"])}">\n'
        f'<meta property="og:locale" content="{LANGS[a["lang"]]["locale"]}">\n'
        f'<meta property="article:published_time" content="{pub}">\n'
        f'<meta name="author" content="{attr(", ".join(a["authors"]))}">\n'
    )
    body_class = f"post-template-default single single-post postid-{post_id}"
    out = [kurier_open(g, a["lang"], a["title"], a["path"], body_class, meta)]
    out.append(
        '<div id="primary" class="content-area"><main id="main" class="site-main">\n'
        f'<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard hentry '
        f'category-{slugify(a["tags"][-1])}">\n<header class="entry-header"><h1 class="entry-title">{esc(a["title"])}'
        f'</h1><div class="entry-meta"><span class="byline">{esc(f["byline"].format(", ".join(a["authors"])))}</span>'
        f' <span class="posted-on"><time class="entry-date published" datetime="{pub}">'
        f'{esc(f["date"](a["published"]))}</time></span></div></header>\n<div class="entry-content">\n'
    )
    appeal_after = 2 + a["li"] % 2
    n_p = sum(1 for b in a["blocks"] if b[0] == "p")
    seen = 0
    for blk in a["blocks"]:
        if blk[0] == "p":
            seen += 1
            if seen == n_p and a["related"]:
                path, title = a["related"][0]
                g.b("related", f"{f['read_also']} {title}")
                out.append(f'<p class="read-also"><strong>{esc(f["read_also"])}</strong> <a href="{path}">'
                           f"{esc(title)}</a></p>\n")
        out.append(kurier_block(g, a, blk))
        if blk[0] == "p" and seen == appeal_after:
            out.append(kurier_appeal(g, a["lang"], a["appeal"]))
    if a["kind"] == "partner-copy":
        out.append(f'<p class="partner-note"><em>{g.b("partner-note", f["partner"].format(f["partner_name"]))}'
                   "</em></p>\n")
    tags = ", ".join(f'<a href="/kategorie/{"nachrichten" if a["lang"] == "de" else "wiadomosci"}.html" rel="tag">'
                     f"{esc(t)}</a>" for t in a["tags"])
    g.b("tags", f"{f['tags']} {', '.join(a['tags'])}")
    share = "".join(f'<li class="share-{i}"><button type="button" class="share-button">{g.b("share", t)}</button></li>'
                    for i, t in enumerate(f["share"]))
    out.append(f'</div><!-- .entry-content -->\n<footer class="entry-footer"><span class="tags-links">'
               f'{esc(f["tags"])} {tags}</span>\n<div class="sharedaddy sd-sharing-enabled"><ul>{share}</ul></div>\n')
    if a["comments"]:
        out.append(f'<span class="comments-link"><a href="{a["path"]}#comments">'
                   f'{g.b("comments", f["comments"].format(a["comments"]))}</a></span>\n')
    out.append("</footer>\n</article>\n</main></div>\n")
    out.append(kurier_close(g, a["lang"], kurier_sidebar(g, a["lang"], a["latest"])))
    return "".join(out)


def kurier_listing(lang: str, title: str, path: str, arts: list[dict]) -> str:
    g = Gold()
    teasers = "".join(
        f'<article class="post type-post hentry"><header class="entry-header"><h2 class="entry-title">'
        f'<a href="{a["path"]}" rel="bookmark">{esc(a["title"])}</a></h2><div class="entry-meta"><time '
        f'datetime="{a["published"].isoformat()}">{esc(FURN[a["lang"]]["date"](a["published"]))}</time></div>'
        "</header></article>\n"
        for a in sorted(arts, key=lambda x: x["published"], reverse=True)
    )
    body = (f'<div id="primary" class="content-area"><main id="main" class="site-main">\n<header class="page-header">'
            f'<h1 class="page-title">{esc(title)}</h1></header>\n{teasers}</main></div>\n')
    latest = [(a["path"], a["title"]) for a in arts if a["lang"] == lang][:5]
    return kurier_open(g, lang, title, path, "archive category") + body + kurier_close(g, lang, kurier_sidebar(
        g, lang, latest))


def build_kurier(root: pathlib.Path) -> str:
    rng = random.Random("a-kurier/2024")
    pools = {"n1": rng.sample(range(24, 160), 24), "n4": rng.sample(range(4, 23), 18)}
    used = {FURN["de"]["partner_author"], FURN["pl"]["partner_author"]}
    arts = []
    for i in range(16):
        lang, li = ("de", "pl")[i % 2], i // 2
        lt, f = LANGS[lang], FURN[lang]
        topic = lt["topics"][li]
        published = stamp(rng, dt.date(2024, 1, 9) + dt.timedelta(days=i * 40 + rng.randint(0, 12)))
        ctx = facts(lt, topic, rng, used, pools, published)
        partner = li == 5
        slug = slugify(topic["head"])
        arts.append({
            "lang": lang, "li": li, "kind": "partner-copy" if partner else "article", "slug": slug,
            "path": f"/{published.year}/{published.month:02d}/{slug}.html", "title": topic["head"],
            "authors": [f["partner_author"] if partner else lt["authors"][li % 3]], "published": published,
            "blocks": story_blocks(lt, ctx, rng, li, figure=li % 2 == 0), "tags": [ctx["P"], topic["tag"]],
            "appeal": li % 3,
        })
    link_others(arts, rng)
    for n, a in enumerate(arts):
        write(root, a["path"], kurier_article(a, 4100 + n * 7))
    listings = ["/index.html", *KURIER_CATEGORIES]
    write(root, "/index.html", kurier_listing("de", "Grenzland Kurier – Nachrichten aus dem Grenzland", "/index.html",
                                              arts))
    for path, (lang, title, parity) in KURIER_CATEGORIES.items():
        chosen = [a for a in arts if a["lang"] == lang and (parity is None or a["li"] % 2 == parity)]
        write(root, path, kurier_listing(lang, title, path, chosen))
    write_site_files(root, KURIER, arts, listings)
    return KURIER["name"]


# ---- site 2: a-tribune -- SSR app, English/French/Dutch, hashed class names, appeal after the body -------

TRIBUNE = {
    "name": "a-tribune", "title": "Tribune", "languages": ["en", "fr", "nl"], "sitemap": "/sitemap.xml",
    "feed": "/rss.xml", "article_url_regex": r"^/(en|fr|nl)/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html$",
    "disallow": "/api/",
}
TRIBUNE_PHOTOGRAPHERS = {"en": "Sam Okafor", "fr": "Léa Marchand", "nl": "Joris van Dijk"}


def cx(component: str, utilities: str = "") -> str:
    """Emotion-style hashed class, stable per component across pages, plus utility-class soup."""
    digest = int(hashlib.sha1(f"tribune/{component}".encode()).hexdigest()[:10], 16)
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    code = ""
    while len(code) < 6:
        digest, r = divmod(digest, 36)
        code += chars[r]
    return f"css-{code} {utilities}".strip()


def tribune_open(g: Gold, lang: str, title: str, path: str, meta: str = "") -> str:
    nav = "".join(f'<a class="{cx("navlink", "text-sm font-medium hover:underline")}" href="{h}">{g.b("nav", t)}</a>'
                  for t, h in FURN[lang]["nav"])
    return f"""<!DOCTYPE html>
<html lang="{lang}" class="__variable_5c1e2a">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{esc(title)} | Tribune</title>
<link rel="canonical" href="{BASE}{path}">
<meta property="og:url" content="{BASE}{path}">
<meta property="og:site_name" content="Tribune">
{meta}<link rel="alternate" type="application/rss+xml" href="{BASE}/rss.xml">
<meta name="next-head-count" content="12">
<link rel="preload" href="/_next/static/css/4f1c9e0d2a7b.css" as="style">
<link rel="stylesheet" href="/_next/static/css/4f1c9e0d2a7b.css" data-n-g="">
<noscript data-n-css=""></noscript>
</head>
<body>
<div id="__next"><div class="{cx("shell", "flex min-h-screen flex-col bg-white text-neutral-900 antialiased")}">
<header class="{cx("masthead", "sticky top-0 z-40 border-b border-neutral-200 bg-white/95 backdrop-blur")}">
<div class="{cx("masthead-inner", "mx-auto flex max-w-6xl items-center justify-between px-4 py-3")}">
<a href="/index.html" aria-label="Tribune" class="{cx("logo", "block h-6 w-28")}"><svg viewBox="0 0 112 24"
 aria-hidden="true"><path d="M0 0h112v24H0z"></path></svg></a>
<div class="{cx("nav-wrap", "flex items-center gap-4")}"><nav class="{cx("nav", "hidden gap-6 md:flex")}">{nav}</nav>
<button type="button" aria-label="Menu" class="{cx("burger", "md:hidden")}"><span class="{cx("burger-bar")}">
</span></button></div></div>
</header>
<main class="{cx("main", "flex-1")}">
<div class="{cx("grid", "mx-auto grid max-w-6xl grid-cols-12 gap-8 px-4 py-8")}">
"""


def tribune_close(g: Gold, lang: str, rail: str, page_id: int, slug: str) -> str:
    f = FURN[lang]
    links = "".join(f'<a class="{cx("footlink", "hover:underline")}" href="/index.html">{g.b("footer", t)}</a>'
                    for t in f["footer"][:3])
    copy, text = g.b("footer", f["footer"][3]), g.b("cookie", f["cookie"])
    buttons = "".join(f'<button type="button" class="{cx("cookie-btn", "rounded border px-4 py-2 text-sm")}">'
                      f'{g.b("cookie", t)}</button>' for t in f["cookie_buttons"])
    data = json.dumps({"props": {"pageProps": {"id": page_id, "lang": lang, "slug": slug}, "__N_SSP": True},
                       "page": "/[lang]/[...slug]", "buildId": "tR1bUnE-a7", "isFallback": False})
    return f"""{rail}</div>
</main>
<footer class="{cx("footer", "mt-16 border-t border-neutral-200 bg-neutral-50")}">
<div class="{cx("footer-inner", "mx-auto flex max-w-6xl flex-col gap-4 px-4 py-10 md:flex-row md:justify-between")}">
<div class="{cx("footer-links", "flex flex-wrap gap-4 text-sm")}">{links}</div>
<div class="{cx("footer-copy", "text-xs text-neutral-500")}">{copy}</div></div>
</footer>
</div>
<div role="dialog" aria-live="polite" class="{cx("cookie", "fixed inset-x-0 bottom-0 z-50 bg-neutral-900 text-white")}">
<div class="{cx("cookie-inner", "mx-auto flex max-w-4xl items-center gap-4 p-4")}"><div class="{cx("cookie-text")}">
{text}</div><div class="{cx("cookie-actions", "flex gap-2")}">{buttons}</div></div></div>
</div>
<script id="__NEXT_DATA__" type="application/json">{data}</script>
<script src="/_next/static/chunks/main-3f9a1b7c.js" defer=""></script>
</body>
</html>
"""


def tribune_rail(g: Gold, lang: str, latest: list[tuple[str, str]]) -> str:
    f = FURN[lang]
    head, text, button, placeholder = f["newsletter"]
    head, text, button, most = (g.b(k, x) for k, x in zip(["newsletter"] * 3 + ["latest"],
                                                            (head, text, button, f["latest"]), strict=True))
    items = "".join(f'<li class="{cx("rail-item", "border-b py-3")}"><a class="{cx("rail-link", "font-serif")}" '
                    f'href="{p}">{g.b("latest", t)}</a></li>' for p, t in latest)
    return f"""<aside class="{cx("rail", "col-span-12 flex flex-col gap-8 lg:col-span-4")}">
<div class="{cx("nl-box", "rounded-lg border border-neutral-200 p-5")}">
<div class="{cx("nl-inner", "flex flex-col gap-2")}">
<h2 class="{cx("nl-title", "font-serif text-xl")}">{head}</h2>
<p class="{cx("nl-text", "text-sm text-neutral-600")}">{text}</p>
<form class="{cx("nl-form", "mt-2 flex gap-2")}" action="/index.html" method="get"><input type="email" name="email"
 placeholder="{attr(placeholder)}" class="{cx("nl-input", "flex-1 rounded border px-3 py-2")}"><button type="submit"
 class="{cx("nl-button", "rounded bg-black px-4 py-2 text-white")}">{button}</button></form>
</div></div>
<div class="{cx("most-read", "flex flex-col")}"><h2 class="{cx("rail-title", "mb-2 text-xs font-bold uppercase")}">
{most}</h2><ol class="{cx("rail-list", "list-none")}">{items}</ol></div>
</aside>
"""


def tribune_block(g: Gold, a: dict, blk: tuple) -> str:
    wrap = cx("block", "relative")
    kind = blk[0]
    if kind == "p":
        inner = f'<p class="{cx("para", "text-lg leading-8")}">{g.s(blk[1])}</p>'
    elif kind == "h2":
        inner = f'<h2 class="{cx("subhead", "mt-4 font-serif text-2xl font-bold")}">{g.s(blk[1])}</h2>'
    elif kind == "quote":
        inner = (f'<blockquote class="{cx("quote", "border-l-4 border-amber-500 pl-4 italic")}"><p>{g.s(blk[1])}'
                 "</p></blockquote>")
    elif kind == "list":
        inner = (f'<ul class="{cx("list", "list-disc pl-6")}">'
                 + "".join(f'<li class="{cx("list-item")}">{g.s(x)}</li>' for x in blk[1]) + "</ul>")
    else:  # figure: ("fig", caption) or ("fig", caption, number)
        credit = FURN[a["lang"]]["credit"].format(TRIBUNE_PHOTOGRAPHERS[a["lang"]])
        num = blk[2] if len(blk) > 2 else 0
        inner = (
            f'<figure class="{cx("figure", "my-2")}">'
            f'<div class="{cx("img-wrap", "relative aspect-video bg-neutral-100")}"><img alt="" loading="lazy" '
            f'src="/_next/image?url=%2Fmedia%2F{a["slug"][:24]}-{num}.jpg&amp;w=1200&amp;q=75" '
            f'class="{cx("img", "object-cover")}"></div>'
            f'<figcaption class="{cx("caption", "mt-2 text-sm text-neutral-600")}"><span>{g.s(blk[1])}</span> '
            f'<span class="{cx("credit", "uppercase tracking-wide")}">{g.b("credit", credit)}</span>'
            "</figcaption></figure>"
        )
    return f'<div class="{wrap}">{inner}</div>\n'


def tribune_article(a: dict, page_id: int) -> str:
    g = a["gold"] = Gold()
    f = FURN[a["lang"]]
    pub = a["published"].isoformat()
    meta = (
        f'<meta property="og:type" content="article"><meta property="og:title" content="{attr(a["title"])}">\n'
        f'<meta property="article:published_time" content="{pub}">'
        f'<meta name="author" content="{attr(", ".join(a["authors"]))}">\n'
    )
    by_prefix = f["byline"].format("")
    out = [tribune_open(g, a["lang"], a["title"], a["path"], meta)]
    out.append(
        f'<div class="{cx("col", "col-span-12 lg:col-span-8")}">\n<div class="{cx("head", "flex flex-col gap-3")}">'
        f'<h1 class="{cx("h1", "font-serif text-3xl leading-tight md:text-5xl")}">{esc(a["title"])}</h1>\n'
        f'<div class="{cx("meta", "flex flex-wrap items-center gap-x-3 text-sm text-neutral-600")}"><div>'
        f'<span>{esc(by_prefix)}</span><span class="{cx("author", "font-semibold")}">{esc(", ".join(a["authors"]))}'
        f'</span></div><time datetime="{pub}">{esc(f["date"](a["published"]))}</time></div></div>\n'
        f'<div class="{cx("body", "mt-6 flex flex-col gap-5")}">\n'
    )
    out += [tribune_block(g, a, blk) for blk in a["blocks"]]
    out.append("</div>\n")
    ap = f["appeals"][a["appeal"]]
    paras = "".join(f'<p class="{cx("appeal-text", "text-base")}">{g.b("appeal", p)}</p>' for p in ap["paras"])
    out.append(
        f'<div class="{cx("appeal", "mt-10 rounded-lg bg-amber-50 p-6")}">'
        f'<div class="{cx("appeal-inner", "flex flex-col gap-3")}">'
        f'<h3 class="{cx("appeal-title", "font-serif text-2xl")}">{g.b("appeal-heading", ap["heading"])}</h3>{paras}'
        f'<div><button type="button" class="{cx("appeal-btn", "rounded-full bg-black px-5 py-2 text-white")}">'
        f'{g.b("appeal-button", ap["button"])}</button></div></div></div>\n'
    )
    share = "".join(f'<button type="button" class="{cx("share-btn", "rounded-full border px-3 py-1 text-sm")}">'
                    f'{g.b("share", t)}</button>' for t in f["share"])
    out.append(f'<div class="{cx("share", "mt-6 flex flex-wrap gap-2")}">{share}</div>\n')
    g.b("tags", f"{f['tags']} {', '.join(a['tags'])}")
    tags = ", ".join(f'<a class="{cx("tag", "underline")}" href="/{a["lang"]}/index.html">{esc(t)}</a>'
                     for t in a["tags"])
    out.append(f'<div class="{cx("tags", "mt-4 text-sm")}"><span>{esc(f["tags"])}</span> {tags}</div>\n')
    if a["related"]:
        rel_head = g.b("related", f["related"])
        items = "".join(f'<li class="{cx("related-item", "py-2")}"><a href="{p}">{g.b("related", t)}</a></li>'
                        for p, t in a["related"])
        out.append(f'<section class="{cx("related", "mt-8 border-t pt-6")}">'
                   f'<h2 class="{cx("related-title", "font-bold")}">{rel_head}</h2>'
                   f'<ul class="{cx("related-list")}">{items}</ul></section>\n')
    if a["comments"]:
        out.append(f'<div class="{cx("comments", "mt-8")}">'
                   f'<button type="button" class="{cx("comments-btn", "underline")}">'
                   f'{g.b("comments", f["comments"].format(a["comments"]))}</button></div>\n')
    out.append("</div>\n")
    out.append(tribune_close(g, a["lang"], tribune_rail(g, a["lang"], a["latest"]), page_id, a["slug"]))
    return "".join(out)


def tribune_listing(lang: str, title: str, path: str, arts: list[dict], page_id: int) -> str:
    g = Gold()
    cards = "".join(
        f'<div class="{cx("card", "border-b py-4")}">'
        f'<a class="{cx("card-link", "font-serif text-xl")}" href="{a["path"]}">'
        f'{esc(a["title"])}</a><div class="{cx("card-meta", "text-sm text-neutral-500")}"><time>'
        f'{esc(FURN[a["lang"]]["date"](a["published"]))}</time></div></div>\n'
        for a in sorted(arts, key=lambda x: x["published"], reverse=True)
    )
    body = (f'<div class="{cx("col", "col-span-12 lg:col-span-8")}"><h1 class="{cx("section-title", "text-3xl")}">'
            f"{esc(title)}</h1>\n{cards}</div>\n")
    latest = [(a["path"], a["title"]) for a in arts if a["lang"] == lang][:5]
    return tribune_open(g, lang, title, path) + body + tribune_close(g, lang, tribune_rail(g, lang, latest), page_id,
                                                                      path.strip("/"))


def gallery_blocks(lang: str) -> list[tuple]:
    gal = GALLERIES[lang]
    return [("p", gal["intro"]), *(("fig", c, n + 1) for n, c in enumerate(gal["captions"]))]


def build_tribune(root: pathlib.Path) -> str:
    rng = random.Random("a-tribune/2024")
    pools = {"n1": rng.sample(range(24, 160), 24), "n4": rng.sample(range(4, 23), 18)}
    used: set[str] = set()
    arts = []
    for i in range(18):
        lang, li = ("en", "fr", "nl")[i % 3], i // 3
        lt = LANGS[lang]
        published = stamp(rng, dt.date(2024, 2, 2) + dt.timedelta(days=i * 36 + rng.randint(0, 10)))
        gallery = lang in GALLERIES and li == 3
        if gallery:
            title, tags = GALLERIES[lang]["head"], [GALLERIES[lang]["tag"]]
            authors, blocks = [TRIBUNE_PHOTOGRAPHERS[lang]], gallery_blocks(lang)
        else:
            topic = lt["topics"][li - (li > 3 and lang in GALLERIES)]
            ctx = facts(lt, topic, rng, used, pools, published)
            title, tags, authors = topic["head"], [ctx["P"], topic["tag"]], [lt["authors"][li % 3]]
            blocks = story_blocks(lt, ctx, rng, li, figure=li % 2 == 0)
        slug = slugify(title)
        arts.append({
            "lang": lang, "li": li, "kind": "gallery" if gallery else "article", "slug": slug, "title": title,
            "path": f"/{lang}/{published.year}/{published.month:02d}/{published.day:02d}/{slug}.html",
            "authors": authors, "published": published, "blocks": blocks, "tags": tags, "appeal": li % 3,
        })
    link_others(arts, rng)
    for n, a in enumerate(arts):
        write(root, a["path"], tribune_article(a, 880 + n))
    write(root, "/index.html", tribune_listing("en", "Tribune: news in English, French and Dutch", "/index.html",
                                               arts, 1))
    sections = {"en": "Top stories", "fr": "À la une", "nl": "Nieuws"}
    for n, (lang, title) in enumerate(sections.items()):
        write(root, f"/{lang}/index.html", tribune_listing(lang, title, f"/{lang}/index.html",
                                                           [a for a in arts if a["lang"] == lang], 2 + n))
    write_site_files(root, TRIBUNE, arts, ["/index.html", *(f"/{lang}/index.html" for lang in sections)])
    return TRIBUNE["name"]


# ---- entry points ----------------------------------------------------------------------------------------


def build(out: pathlib.Path) -> list[str]:
    out = pathlib.Path(out)
    return [build_kurier(out / "a-kurier"), build_tribune(out / "a-tribune")]


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "freshsites-a")
    for site_name in build(target):
        gold = json.loads((target / site_name / "site.json").read_text(encoding="utf-8"))
        kinds: dict[str, int] = {}
        for page in gold["pages"].values():
            key = f"{page['language']}/{page['kind']}"
            kinds[key] = kinds.get(key, 0) + 1
        print(f"{site_name}: {len(gold['pages'])} pages -> {target / site_name}  {kinds}")
