"""Held-out fresh sites, batch D.

Two static news sites written blind from a short description:

* ``d-heraldo`` - a Spanish/Polish regional daily on an old Joomla-style CMS
  (``div.item-page``, ``div[itemprop=articleBody]``, ``div.moduletable``, ``div.custom``).
* ``d-tidewire`` - an English/German/Portuguese digital-native outlet on a headless React CMS
  (nested ``div``s with ``data-testid`` attributes, ``story-body``, ``promo-slot``, ``rail``).

Story prose is generated from per-language fact tables (places, topics, people, numbers); every
sentence template names the article's own place or topic, so no sentence repeats across pages.
Deterministic: fixed per-article seeds, standard library only.
"""

from __future__ import annotations

import datetime
import email.utils
import html
import json
import pathlib
import random
import sys
from collections import Counter

BASE = "__BASE__"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def lines(block: str) -> list[str]:
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


def num(sep: str):
    return lambda n: f"{n:,}".replace(",", sep)


def dec(mark: str):
    return lambda x: f"{x:.1f}".replace(".", mark)


class Furniture:
    """Collects boilerplate blocks (kind, visible text) while a page is rendered."""

    def __init__(self) -> None:
        self.items: list[dict] = []

    def __call__(self, kind: str, text: str) -> str:
        self.items.append({"kind": kind, "text": text})
        return esc(text)


def write(root: pathlib.Path, url: str, text: str) -> None:
    rel = url.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# prose engine
# ---------------------------------------------------------------------------------------------

FEATURES = [("sub", "quote"), ("list",), ("sub",), ("quote", "list"), ("sub", "list"), ("quote",),
            ("sub", "quote", "list")]


def fill(tpl: str, rng: random.Random, lang: dict, art: dict) -> str:
    m = rng.randint(12, 485)
    if m % 10 == 0:
        m += 3
    k = rng.randrange(12)
    months = lang["months"]
    slots = {
        "place": art["place"], "t": art["t"], "T": cap(art["t"]), "t2": art["t2"], "cur": art.get("cur", ""),
        "a": rng.randint(2, 9), "b": rng.randint(11, 94), "c": rng.randint(120, 980),
        "d": lang["int"](rng.randint(1200, 46000)), "pop": lang["int"](art["pop"]), "m": lang["dec"](m / 10),
        "p": rng.randint(4, 46),
        "y": rng.randint(2012, 2021), "y2": rng.randint(2026, 2029), "day": rng.randint(2, 28),
        "mon": months[k], "mon2": lang.get("months_gen", months)[k], "wmon": lang.get("months_in", months)[k],
        "wd": rng.choice(lang["weekdays"]), "Inst": cap(art["inst"]),
        "speaker": art["speaker"][0], "role": art["speaker"][1],
    }
    return tpl.format(**slots)


def compose(rng: random.Random, lang: dict, art: dict, feats: tuple) -> list:
    """Story blocks: ("p", text) | ("h", text) | ("ul", [items]) | ("q", text)."""
    pool = list(lang["body"])
    rng.shuffle(pool)
    blocks: list = []
    for i in range(rng.randint(4, 6)):
        target = rng.randint(32, 50)
        sents = [fill(rng.choice(lang["lead"]) if i == 0 else pool.pop(), rng, lang, art)]
        while len(" ".join(sents).split()) < target:
            sents.append(fill(pool.pop(), rng, lang, art))
        if i == 2 and "list" in feats:
            sents.append(fill(lang["list_intro"], rng, lang, art))
        if i == 2 and "sub" in feats:
            blocks.append(("h", fill(rng.choice(lang["sub"]), rng, lang, art)))
        blocks.append(("p", " ".join(sents)))
        if i == 2 and "list" in feats:
            blocks.append(("ul", [fill(x, rng, lang, art) for x in rng.sample(lang["items"], 3)]))
        if i == 3 and "quote" in feats:
            blocks.append(("q", fill(rng.choice(lang["quote"]), rng, lang, art)))
    for kind, text in blocks:
        if kind == "p" and not 30 <= len(text.split()) <= 90:
            raise ValueError(f"paragraph length out of range: {text}")
    return blocks


def story_texts(blocks: list) -> list[str]:
    out: list[str] = []
    for kind, val in blocks:
        out.extend(val if kind == "ul" else [val])
    return out


def make_articles(site: str, code: str, lang: dict, entries: list, first_id: int, shift: int) -> list[dict]:
    arts = []
    for k, entry in enumerate(entries):
        slug, title, place, t, t2, section = entry[:6]
        rng = random.Random(f"{site}/{slug}")
        art = {"lang": code, "slug": slug, "title": title, "place": place, "t": t, "t2": t2, "section": section,
               "id": first_id + k, "kind": "article", "cur": entry[6] if len(entry) > 6 else ""}
        art["inst"] = rng.choice(lang["inst"])
        art["pop"] = rng.randint(48, 160) * 1000 + rng.randrange(1000)
        name, role = rng.choice(lang["speakers"])
        art["speaker"] = (name, role.format(place=place))
        art["authors"] = rng.sample(lang["authors"], 2 if k % 4 == 3 else 1)
        day = datetime.date(2024, 1, 8) + datetime.timedelta(days=rng.randrange(660))
        art["pub"] = datetime.datetime(day.year, day.month, day.day, rng.randint(7, 20), rng.randrange(60))
        art["lastmod"] = day + datetime.timedelta(days=rng.randrange(25))
        art["blocks"] = compose(rng, lang, art, FEATURES[(k + shift) % len(FEATURES)])
        tags = lang["tags"]
        art["tags"] = [tags[k % len(tags)], tags[(k + 3) % len(tags)]]
        art["variant"] = k % 3
        art["comments"] = rng.randint(3, 140) if k % 3 != 1 else None
        art["has_related"] = k % 2 == 0
        art["rng"] = rng
        arts.append(art)
    return arts


def link_articles(arts: list[dict]) -> None:
    for art in arts:
        same = [a for a in arts if a["lang"] == art["lang"] and a is not art]
        same.sort(key=lambda a: a["pub"], reverse=True)
        art["latest"] = same[:5]
        art["related"] = art["rng"].sample(same, 2) if art["has_related"] else []


def date_text(lang: dict, d: datetime.datetime) -> str:
    months = lang.get("months_gen", lang["months"])
    return lang["date_fmt"].format(day=d.day, month=months[d.month - 1], year=d.year)


def iso(d: datetime.datetime, offset: int) -> str:
    tz = datetime.timezone(datetime.timedelta(hours=offset))
    return d.replace(tzinfo=tz).isoformat()


def spain_offset(d: datetime.datetime) -> int:
    return 2 if 4 <= d.month <= 10 else 1


# ---------------------------------------------------------------------------------------------
# site 1 - d-heraldo (es, pl) - Joomla-like regional daily
# ---------------------------------------------------------------------------------------------

ES = {
    "code": "es", "hl": "es-es", "int": num("."), "dec": dec(","),
    "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "weekdays": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "date_fmt": "{day} de {month} de {year}",
    "lead": lines("""
        {T} centrará el debate político en {place} durante las próximas semanas, después de que el gobierno local presentara el {wd} un calendario de {a} fases y un presupuesto de {m} millones de euros.
        El pleno de {place} dio luz verde el pasado {wd} al expediente {t2}, un proyecto que acumula {b} meses de tramitación y que movilizará {m} millones de euros.
        Después de {a} años de informes, recursos y promesas, {t} empieza a tomar forma en {place}, donde el asunto ha marcado buena parte de la legislatura.
        Vecinos, comerciantes y técnicos de {place} coinciden en que {t} será uno de los cambios más visibles del municipio desde {y}.
    """),  # noqa: E501
    "body": lines("""
        Según los datos facilitados por el consistorio, {t} afectará directamente a unas {d} personas y a {c} negocios del término municipal de {place}.
        La oposición critica que el calendario {t2} se haya conocido antes en la prensa que en la comisión informativa, celebrada el {day} de {mon}.
        {Inst} ha comprometido {m} millones de euros adicionales, aunque esa partida todavía no figura en ningún presupuesto aprobado para {place}.
        En {place} viven actualmente {pop} personas empadronadas, y cerca del {p} por ciento supera los 65 años, un dato que los técnicos han tenido muy en cuenta.
        Los comerciantes de la zona calculan pérdidas de hasta {c} euros semanales por establecimiento durante la puesta en marcha {t2}.
        El informe técnico {t2}, de {c} páginas, recomienda revisar cada {a} meses el grado de cumplimiento y publicar los resultados en la web municipal.
        Fuentes municipales de {place} explican que la primera fase arrancará en {mon} y que el objetivo es terminar antes de que acabe {y2}.
        Los técnicos revisaron {c} alegaciones presentadas por particulares y colectivos antes de cerrar el documento definitivo {t2}.
        La asociación de vecinos de {place} ha recogido {d} firmas para pedir que cualquier cambio se consulte antes con los barrios afectados.
        El coste {t2} por habitante rondará los {b} euros, una cifra que el equipo de gobierno considera asumible sin subir impuestos.
        Más de {c} personas acudieron a la última sesión informativa en {place}, celebrada en la casa de cultura, y plantearon {b} preguntas a los técnicos.
        {Inst} supervisará la ejecución {t2} y deberá emitir un informe de seguimiento antes del {day} de {mon} de {y2}.
        No es la primera vez que {place} intenta resolver este problema, ya que en {y} se aprobó una propuesta similar que nunca llegó a ejecutarse.
        El gobierno local asegura que {t} generará {b} empleos directos y que al menos la mitad se cubrirán con personas inscritas en la bolsa municipal.
        Para financiar {t}, el municipio de {place} recurrirá a un préstamo de {m} millones de euros a devolver en {b} años.
        Los grupos de la oposición en {place} han anunciado que presentarán una moción para crear una comisión de seguimiento con {a} representantes vecinales.
        La empresa adjudicataria dispondrá de {b} semanas para presentar un plan de trabajo detallado {t2}, con plazos y penalizaciones por retraso.
        Desde {y}, el número de quejas registradas en {place} sobre esta cuestión ha pasado de {b} a {c} al año, según el registro municipal.
        El calendario {t2} incluye una revisión intermedia en {mon} de {y2}, cuando se decidirá si hace falta ampliar el presupuesto.
        Los vecinos de {place} podrán consultar toda la documentación en la oficina de atención ciudadana durante {b} días hábiles.
    """),  # noqa: E501
    "quote": lines("""
        «En {place} llevamos {a} años esperando una respuesta y no vamos a dejar pasar esta oportunidad. La gente de {place} está cansada de promesas y quiere ver resultados», afirmó {speaker}, {role}.
        «Lo importante {t2} no es el día de la inauguración, sino que todo siga funcionando dentro de diez años. Por eso pedimos reglas claras para controlar la gestión {t2}», señaló {speaker}, {role}.
        «En las últimas semanas hemos recibido cerca de {c} llamadas de vecinos de {place}. Casi todos quieren saber cuándo empieza {t} y quién lo paga», explicó {speaker}, {role}.
    """),  # noqa: E501
    "sub": ["Qué cambia en {place}", "Los plazos {t2}", "Las dudas de los vecinos de {place}", "Cuánto costará {t}"],
    "list_intro": "Estas son las claves {t2}:",
    "items": ["Inversión prevista en {place}: {m} millones de euros", "Plazo de ejecución {t2}: {b} meses",
              "Vecinos afectados en {place}: unos {d}", "Sesiones informativas en {place} hasta {mon}: {a}"],
    "inst": ["la Diputación de Alicante", "la Mancomunidad de la Marina Alta", "la Conselleria de Infraestructuras",
             "la Confederación Hidrográfica del Júcar"],
    "speakers": [("Carmen Ribes", "concejala de Urbanismo de {place}"),
                 ("Vicente Crespo", "portavoz de la asociación de vecinos del centro"),
                 ("Rosa Montaner", "presidenta de la asociación de comerciantes de {place}"),
                 ("Pau Signes", "ingeniero y asesor técnico del consistorio"), ("Elena Sivera", "alcaldesa de {place}"),
                 ("Tomás Bolufer", "secretario comarcal de un sindicato agrario"),
                 ("Isabel Cardona", "trabajadora social con veinte años de experiencia en la zona")],
    "authors": ["Lucía Ferrer Climent", "Javier Soler Ripoll", "Marta Ivars Pastor", "Andrés Llorca Moll",
                "Noelia Bertomeu Sala", "Ricardo Mengual Ortí"],
    "tags": ["Obras públicas", "Vida en los barrios", "Servicios sociales", "Naturaleza", "Costa y playas",
             "Transporte público", "Agua y regadío"],
    # furniture
    "brand": "El Heraldo de la Marina", "crumb": "Está aquí:", "home": "Portada",
    "nav": [("Portada", "/"), ("Actualidad comarcal", "/es/seccion/comarca.html"),
            ("Municipios", "/es/seccion/municipios.html"),
            ("Sociedad", "/es/seccion/sociedad.html"), ("Todas las noticias", "/es/noticias.html"),
            ("Wersja polska", "/pl/wiadomosci.html")],
    "sections": {"comarca": "Actualidad comarcal", "municipios": "Municipios", "sociedad": "Sociedad"},
    "section_url": "/es/seccion/{}.html", "list_url": "/es/noticias.html", "list_title": "Todas las noticias",
    "art_url": "/es/noticias/{id}-{slug}.html",
    "byline": "Escrito por", "and": " y ", "published": "Publicado:",
    "share": ["Compartir en Facebook", "Compartir en X", "Enviar por WhatsApp", "Enviar por correo"],
    "comments": "Ver los {n} comentarios", "related": "Lea también", "latest": "Lo más leído",
    "newsletter": ("Boletín de la mañana",
                   "Recibe cada día a las 7.00 las noticias de la Marina en tu correo electrónico.",
                   "Quiero recibirlo"),
    "nl_action": "/es/boletin.html", "nl_ph": "tu@correo.es", "sub_href": "/es/suscripcion.html",
    "footer": ["© 2025 Editorial Marina Press S.L. Todos los derechos reservados.", "Aviso legal",
               "Política de privacidad", "Contacto", "Publicidad", "Volver arriba"],
    "cookie": ("Utilizamos cookies propias y de terceros para analizar el tráfico y mostrarle publicidad "
               "personalizada. "
               "Puede aceptarlas o configurarlas en cualquier momento.", ["Aceptar y cerrar", "Configurar cookies"]),
    "appeals": [
        ("Sin muros de pago en lo esencial",
         ["El Heraldo cuenta cada día lo que pasa en los plenos, los juzgados y los barrios de la comarca.",
          "Con la suscripción digital accedes a todas las noticias, a la hemeroteca y a la edición en PDF desde 1,99 "
          "euros al mes."], "Suscribirme ahora"),
        ("Hazte socio del Heraldo",
         ["Los socios reciben el periódico del domingo en casa, entradas para los encuentros con la redacción y "
          "descuentos en comercios de la zona."], "Quiero ser socio"),
        ("El periodismo local necesita tu apoyo",
         ["Sin lectores que nos apoyen no podríamos mantener corresponsales en cada municipio.",
          "Cualquier aportación, desde 3 euros, nos ayuda a seguir informando con independencia."],
         "Apoyar al Heraldo"),
    ],
}

ES_ARTICLES = [
    ("denia-aprueba-remodelacion-paseo-maritimo", "Dénia aprueba la remodelación del paseo marítimo tras dos años de "
     "retrasos", "Dénia", "la remodelación del paseo marítimo", "de la remodelación del paseo marítimo", "municipios"),
    ("xabia-limita-coches-granadella", "Xàbia limitará el acceso en coche a la Granadella durante todo el verano",
     "Xàbia", "la restricción de tráfico en la Granadella", "de la restricción de tráfico en la Granadella", "comarca"),
    ("calp-centro-dia-mayores-antiguo-mercado", "Calp abrirá un centro de día para mayores en el antiguo mercado",
     "Calp", "el nuevo centro de día", "del nuevo centro de día", "sociedad"),
    ("altea-regantes-sequia", "Los regantes de Altea piden medidas urgentes ante la sequía", "Altea",
     "el plan de riego de emergencia", "del plan de riego de emergencia", "comarca"),
    ("benissa-autobus-nocturno-costa", "Benissa recupera el autobús nocturno hasta la costa", "Benissa",
     "el autobús nocturno", "del autobús nocturno", "municipios"),
    ("teulada-licita-depuradora", "Teulada licita por fin la depuradora que debía estar lista en 2021", "Teulada",
     "la nueva depuradora", "de la nueva depuradora", "municipios"),
    ("pego-marjal-plan-incendios", "El marjal de Pego tendrá un plan contra incendios propio", "Pego",
     "el plan contra incendios del marjal", "del plan contra incendios del marjal", "comarca"),
]

PL = {
    "code": "pl", "hl": "pl-pl", "int": num(" "), "dec": dec(","),
    "months": ("styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad "
               "grudzień").split(),
    "months_gen": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
    .split(),
    "months_in": ["w styczniu", "w lutym", "w marcu", "w kwietniu", "w maju", "w czerwcu", "w lipcu", "w sierpniu",
                  "we wrześniu", "w październiku", "w listopadzie", "w grudniu"],
    "weekdays": ["w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek"],
    "date_fmt": "{day} {month} {year}",
    "lead": lines("""
        {T} będzie w najbliższych tygodniach głównym tematem debaty w gminie {place}, gdzie władze {wd} przedstawiły harmonogram prac i budżet w wysokości {m} mln euro.
        Rada gminy {place} {wd} zatwierdziła dokumentację dotyczącą {t2}, nad którą urzędnicy pracowali przez około {b} miesięcy.
        Po latach sporów i analiz sprawa {t2} wreszcie nabiera tempa, a mieszkańcy gminy {place} mogą spodziewać się pierwszych zmian już {wmon}.
        Mieszkańcy, przedsiębiorcy i urzędnicy z gminy {place} zgodnie przyznają, że {t} będzie jedną z najbardziej widocznych zmian od {y} roku.
    """),  # noqa: E501
    "body": lines("""
        Według danych urzędu {t} obejmie około {d} mieszkańców i blisko {c} firm działających na terenie gminy {place}.
        Opozycja zarzuca władzom, że szczegóły {t2} trafiły najpierw do mediów, a dopiero {day} {mon2} do komisji rady.
        {Inst} deklaruje dodatkowe {m} mln euro, choć ta kwota nie trafiła jeszcze do budżetu gminy {place}.
        Gmina {place} liczy obecnie około {pop} zameldowanych mieszkańców, a blisko {p} procent z nich to cudzoziemcy, w tym liczna grupa Polaków.
        Lokalni przedsiębiorcy szacują, że w okresie wdrażania {t2} mogą tracić do {c} euro tygodniowo na jeden lokal.
        Raport techniczny dotyczący {t2} liczy około {c} stron i zaleca regularne kontrole postępu prac co kwartał.
        Urzędnicy z gminy {place} zapowiadają, że pierwszy etap ruszy {wmon}, a całość ma być gotowa do końca {y2} roku.
        Zanim powstała ostateczna wersja {t2}, urzędnicy przeanalizowali blisko {c} uwag zgłoszonych przez mieszkańców i organizacje.
        Stowarzyszenie mieszkańców gminy {place} zebrało około {d} podpisów pod petycją o konsultacje z każdą dzielnicą.
        Koszt {t2} w przeliczeniu na jednego mieszkańca wyniesie około {b} euro, co zdaniem władz nie wymaga podnoszenia podatków.
        Na ostatnie spotkanie informacyjne w gminie {place} przyszło około {c} osób, które zadały blisko {b} pytań.
        {Inst} będzie nadzorował realizację {t2} i do {day} {mon2} {y2} roku ma przedstawić raport z postępów.
        To nie pierwsza próba rozwiązania tego problemu w gminie {place}, bo już w {y} roku przyjęto tam podobny plan, którego nigdy nie zrealizowano.
        Władze przekonują, że {t} stworzy około {b} miejsc pracy, a co najmniej połowę z nich otrzymają osoby zarejestrowane w lokalnym urzędzie pracy.
        Na sfinansowanie {t2} gmina {place} zaciągnie kredyt w wysokości {m} mln euro, spłacany przez około {b} lat.
        Radni opozycji w gminie {place} zapowiadają wniosek o powołanie zespołu monitorującego, w którym zasiądą przedstawiciele mieszkańców.
        Wykonawca będzie miał około {b} tygodni na przedstawienie szczegółowego harmonogramu {t2}, z terminami i karami za opóźnienia.
        Od {y} roku liczba skarg w tej sprawie składanych w urzędzie gminy {place} wzrosła z około {b} do ponad {c} rocznie.
        Harmonogram {t2} przewiduje ocenę w połowie realizacji {wmon} {y2} roku, kiedy radni zdecydują, czy trzeba zwiększyć budżet.
        Mieszkańcy gminy {place} mogą zapoznać się z pełną dokumentacją w biurze obsługi mieszkańców przez około {b} dni roboczych.
    """),  # noqa: E501
    "quote": lines("""
        „W gminie {place} czekamy na to od lat i nie pozwolimy, żeby ta szansa nam uciekła. Mieszkańcy gminy {place} są zmęczeni obietnicami i chcą wreszcie zobaczyć efekty” – mówi {speaker}, {role}.
        „Najważniejsze w przypadku {t2} nie jest samo otwarcie, tylko to, czy wszystko będzie działać za dziesięć lat. Dlatego prosimy o jasne zasady kontroli {t2}” – podkreśla {speaker}, {role}.
        „Przez ostatnie tygodnie odebraliśmy blisko {c} telefonów od mieszkańców gminy {place}. Prawie wszyscy pytają o terminy {t2} i o to, kto za to zapłaci” – relacjonuje {speaker}, {role}.
    """),  # noqa: E501
    "sub": ["Co się zmieni w gminie {place}", "Terminy {t2}", "Wątpliwości mieszkańców gminy {place}",
            "Ile będzie kosztować {t}"],
    "list_intro": "Najważniejsze informacje dotyczące {t2}:",
    "items": ["Planowane nakłady w gminie {place}: {m} mln euro", "Czas realizacji {t2}: około {b} miesięcy",
              "Mieszkańcy objęci zmianami w gminie {place}: około {d}",
              "Spotkania informacyjne w gminie {place}: do końca {mon2}"],
    "inst": ["Zarząd prowincji Alicante", "Urząd wspólnoty gmin Marina Baixa", "Regionalny urząd do spraw środowiska",
             "Fundusz rozwoju regionu Walencji"],
    "speakers": [("Joanna Maj", "przewodnicząca Stowarzyszenia Polaków na Costa Blanca"),
                 ("Krzysztof Dąbrowski", "właściciel restauracji na wybrzeżu"),
                 ("Ewa Lis", "tłumaczka współpracująca z urzędem gminy {place}"),
                 ("Jan Pietrzak", "radny gminy {place}"),
                 ("Barbara Górecka", "dyrektorka polskiej szkoły sobotniej"),
                 ("Adam Wilk", "koordynator wolontariuszy")],
    "authors": ["Agnieszka Wróblewska", "Tomasz Jabłoński", "Katarzyna Nowicka", "Paweł Zieliński", "Magdalena Sikora",
                "Marcin Kowalczyk"],
    "tags": ["Inwestycje", "Życie gminy", "Polonia w Hiszpanii", "Zdrowie", "Komunikacja", "Turystyka", "Przyroda"],
    "brand": "Kurier Mariny", "crumb": "Jesteś tutaj:", "home": "Strona główna",
    "nav": [("Strona główna", "/"), ("Wybrzeże", "/pl/dzial/wybrzeze.html"), ("Sprawy lokalne", "/pl/dzial/gminy.html"),
            ("Polonia", "/pl/dzial/polonia.html"), ("Wszystkie wiadomości", "/pl/wiadomosci.html"),
            ("Versión en español", "/es/noticias.html")],
    "sections": {"wybrzeze": "Wybrzeże", "gminy": "Sprawy lokalne", "polonia": "Polonia"},
    "section_url": "/pl/dzial/{}.html", "list_url": "/pl/wiadomosci.html", "list_title": "Wszystkie wiadomości",
    "art_url": "/pl/wiadomosci/{id}-{slug}.html",
    "byline": "Tekst:", "and": " i ", "published": "Opublikowano:",
    "share": ["Udostępnij na Facebooku", "Udostępnij na X", "Wyślij przez WhatsApp", "Wyślij e-mailem"],
    "comments": "Zobacz komentarze ({n})", "related": "Przeczytaj także", "latest": "Najczęściej czytane",
    "newsletter": ("Poranny biuletyn",
                   "Codziennie o 7.00 najważniejsze wiadomości z Costa Blanca prosto na Twoją skrzynkę.",
                   "Zapisz mnie"),
    "nl_action": "/pl/biuletyn.html", "nl_ph": "twoj@adres.pl", "sub_href": "/pl/prenumerata.html",
    "footer": ["© 2025 Editorial Marina Press S.L. Wszelkie prawa zastrzeżone.", "Nota prawna", "Polityka prywatności",
               "Kontakt", "Reklama", "Do góry"],
    "cookie": ("Używamy plików cookie, aby analizować ruch i dopasowywać reklamy. Możesz je zaakceptować lub zmienić "
               "ustawienia w dowolnej chwili.", ["Akceptuję i zamykam", "Ustawienia cookie"]),
    "appeals": [
        ("Prenumerata cyfrowa Kuriera",
         ["Codziennie relacjonujemy to, co dzieje się w urzędach, sądach i na osiedlach wybrzeża.",
          "Prenumerata daje dostęp do wszystkich artykułów, archiwum i wydania PDF już od 1,99 euro miesięcznie."],
         "Zamawiam prenumeratę"),
        ("Dołącz do klubu czytelników",
         ["Członkowie klubu dostają niedzielne wydanie do domu, zaproszenia na spotkania z redakcją i zniżki w "
          "lokalnych sklepach."], "Chcę dołączyć"),
        ("Wesprzyj niezależne dziennikarstwo",
         ["Bez wsparcia czytelników nie moglibyśmy utrzymać korespondentów w każdej gminie.",
          "Każda wpłata, już od 3 euro, pomaga nam dalej pisać niezależnie."], "Wspieram Kurier"),
    ],
}

PL_ARTICLES = [
    ("benidorm-oplata-turystyczna", "Benidorm wprowadza nową opłatę turystyczną od przyszłego sezonu", "Benidorm",
     "nowa opłata turystyczna", "nowej opłaty turystycznej", "wybrzeze"),
    ("la-nucia-kursy-hiszpanskiego", "La Nucia otwiera bezpłatne kursy hiszpańskiego dla cudzoziemców", "La Nucia",
     "program bezpłatnych kursów językowych", "programu bezpłatnych kursów językowych", "polonia"),
    ("finestrat-przychodnia-polska-rejestracja", "Gmina Finestrat buduje przychodnię z polskojęzyczną rejestracją",
     "Finestrat", "budowa nowej przychodni", "budowy nowej przychodni", "polonia"),
    ("alfas-del-pi-najem-krotkoterminowy", "L'Alfàs del Pi zaostrza zasady najmu krótkoterminowego", "L'Alfàs del Pi",
     "reforma najmu krótkoterminowego", "reformy najmu krótkoterminowego", "gminy"),
    ("polop-protest-kamieniolom", "Mieszkańcy gminy Polop protestują przeciwko rozbudowie kamieniołomu", "Polop",
     "rozbudowa kamieniołomu", "rozbudowy kamieniołomu", "gminy"),
    ("villajoyosa-remont-plazy", "Villajoyosa remontuje plażę miejską przed sezonem letnim", "Villajoyosa",
     "remont plaży miejskiej", "remontu plaży miejskiej", "wybrzeze"),
    ("el-campello-nocna-linia-autobusowa", "El Campello uruchamia nocną linię autobusową do Alicante", "El Campello",
     "nowa nocna linia autobusowa", "nowej nocnej linii autobusowej", "wybrzeze"),
]


def s1_page(lang: dict, url: str, title: str, meta: str, crumb: str | None, main_fn, aside_fn, body_class: str):
    F = Furniture()
    out = [f'<!DOCTYPE html>\n<html lang="{lang["hl"]}" dir="ltr">\n<head>\n<meta charset="utf-8" />',
           f'<base href="{BASE}{url}" />', meta,
           '<meta name="generator" content="Joomla! - Open Source Content Management" />',
           f"<title>{esc(title)} - {esc(lang['brand'])}</title>",
           f'<link href="{BASE}{url}" rel="canonical" />',
           f'<link href="{BASE}/feed.xml" rel="alternate" type="application/rss+xml" title="RSS 2.0" />',
           '<link href="/templates/marina/css/template.css?v=3.9.28" rel="stylesheet" />',
           '<script src="/media/jui/js/jquery.min.js?v=3.9.28"></script>\n</head>',
           f'<body class="site com_content {body_class} no-layout no-task fluid">',
           '<div class="body"><div class="container-fluid">',
           '<header class="header" role="banner"><div class="header-inner clearfix">'
           '<a class="brand pull-left" href="/">'
           f'<span class="site-title">{F("nav", lang["brand"])}</span></a></div></header>']
    items = "".join(f'<li class="item-{101 + i}"><a href="{h}">{F("nav", t)}</a></li>'
                    for i, (t, h) in enumerate(lang["nav"]))
    out.append('<nav class="navigation" role="navigation"><div class="nav-collapse">'
               f'<ul class="nav menu nav-pills mod-list">{items}</ul></div></nav>')
    crumbs = f'<li>{F("nav", lang["crumb"])}</li><li><a href="/" class="pathway">{F("nav", lang["home"])}</a></li>'
    if crumb:
        crumbs += f'<li class="active"><span>{F("nav", crumb)}</span></li>'
    out.append(f'<div class="moduletable"><ul class="breadcrumb">{crumbs}</ul></div>')
    out.append('<div class="row-fluid"><main id="content" role="main" class="span9">'
               '<div id="system-message-container"></div>')
    out.append(main_fn(F))
    out.append('</main>\n<div id="aside" class="span3">')
    out.append(aside_fn(F))
    out.append("</div></div></div></div>")
    foot = lang["footer"]
    first = F("footer", foot[0])
    links = "".join(f'<li><a href="/{lang["code"]}/info/{i}.html">{F("footer", t)}</a></li>'
                    for i, t in enumerate(foot[1:-1]))
    out.append('<footer class="footer" role="contentinfo"><div class="container-fluid"><hr /><div class="moduletable">'
               f'<div class="custom"><p>{first}</p><ul class="footer-links">{links}</ul></div></div>'
               f'<p class="pull-right"><a href="#top" id="back-top">{F("footer", foot[-1])}</a></p></div></footer>')
    text, buttons = lang["cookie"]
    text = F("cookie", text)
    btns = "".join(f'<button type="button" class="btn btn-cookie-{i}">{F("cookie", b)}</button>'
                   for i, b in enumerate(buttons))
    out.append(f'<div id="cookie-notice" class="moduletable cookie-module"><div class="custom"><p>{text}</p>'
               f"{btns}</div></div>")
    out.append("</body>\n</html>\n")
    return "\n".join(out), F.items


def s1_aside(lang: dict, latest: list[dict]):
    def fn(F: Furniture) -> str:
        title = F("latest", lang["latest"])
        lis = "".join(f'<li><a href="{a["url"]}">{F("latest", a["title"])}</a></li>' for a in latest)
        head, text, button = lang["newsletter"]
        return (f'<div class="moduletable mostread-module"><h3>{title}</h3>'
                f'<ul class="mostread mod-list">{lis}</ul></div>\n'
                f'<div class="moduletable newsletter-module"><h3>{F("newsletter", head)}</h3><div class="custom">'
                f'<p>{F("newsletter", text)}</p><form action="{lang["nl_action"]}" method="post">'
                f'<input type="email" name="email" placeholder="{lang["nl_ph"]}" />'
                f'<button type="submit" class="btn">{F("newsletter", button)}</button></form></div></div>')
    return fn


def s1_body(blocks: list) -> str:
    out = []
    for kind, val in blocks:
        if kind == "p":
            out.append(f'<p style="text-align: justify;">{esc(val)}</p>')
        elif kind == "h":
            out.append(f"<h3>{esc(val)}</h3>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in val) + "</ul>")
        else:
            out.append(f"<blockquote><p>{esc(val)}</p></blockquote>")
    return "\n".join(out)


def s1_article(lang: dict, art: dict) -> tuple[str, list]:
    pub = iso(art["pub"], art["tz"])
    meta = "\n".join([
        f'<meta name="keywords" content="{esc(", ".join(art["tags"]))}" />',
        f'<meta name="author" content="{esc(", ".join(art["authors"]))}" />',
        f'<meta name="description" content="{esc(art["title"])}" />',
        '<meta property="og:type" content="article" />',
        f'<meta property="og:title" content="{esc(art["title"])}" />',
        f'<meta property="og:url" content="{BASE}{art["url"]}" />',
        f'<meta property="og:site_name" content="{esc(lang["brand"])}" />',
        f'<meta property="article:published_time" content="{pub}" />',
        f'<meta property="article:section" content="{esc(lang["sections"][art["section"]])}" />'])

    def main(F: Furniture) -> str:
        names = lang["and"].join(f'<span itemprop="name">{esc(a)}</span>' for a in art["authors"])
        tags = "".join(f'<li class="tag-{11 + i} tag-list{i}" itemprop="keywords"><a href="/{lang["code"]}/etiquetas/'
                       f'{art["id"]}-{i}.html" class="label label-info">{F("tags", t)}</a></li>'
                       for i, t in enumerate(art["tags"]))
        share = "".join(f'<li><button type="button" class="share-btn share-{i}">{F("share", s)}</button></li>'
                        for i, s in enumerate(lang["share"]))
        head, paras, button = lang["appeals"][art["variant"]]
        head_html = f'<h3>{F("appeal-heading", head)}</h3>'
        paras_html = "".join(f'<p>{F("appeal", p)}</p>' for p in paras)
        appeal = (f'<div class="moduletable appeal-module"><div class="custom">{head_html}{paras_html}<p>'
                  f'<a class="btn btn-primary btn-large" href="{lang["sub_href"]}">{F("appeal-button", button)}</a>'
                  "</p></div></div>")
        parts = [f'<div class="item-page" itemscope>\n<meta itemprop="inLanguage" content="{lang["hl"][:2]}-'
                 f'{lang["hl"][-2:].upper()}" />',
                 f'<div class="page-header"><h1 itemprop="headline">{esc(art["title"])}</h1></div>',
                 f'<dl class="article-info muted"><dd class="createdby" itemprop="author">{esc(lang["byline"])} {names}'
                 f'</dd><dd class="published"><span class="icon-calendar" aria-hidden="true"></span>'
                 f'<time datetime="{pub}" itemprop="datePublished">{esc(lang["published"])} '
                 f'{esc(date_text(lang, art["pub"]))}</time></dd></dl>',
                 f'<ul class="tags inline">{tags}</ul>',
                 f'<div itemprop="articleBody">\n{s1_body(art["blocks"])}\n</div>',
                 f'<div class="moduletable share-module"><ul class="share-buttons">{share}</ul></div>', appeal]
        if art["comments"]:
            parts.append(f'<div class="jcomments-links"><a href="#comments" class="comments-link">'
                         f'{F("comments", lang["comments"].format(n=art["comments"]))}</a></div>')
        if art["related"]:
            title = F("related", lang["related"])
            lis = "".join(f'<li><a href="{a["url"]}">{F("related", a["title"])}</a></li>' for a in art["related"])
            parts.append(f'<div class="moduletable related-module"><h3>{title}</h3>'
                         f'<ul class="relateditems mod-list">{lis}</ul></div>')
        parts.append("</div>")
        return "\n".join(parts)

    return s1_page(lang, art["url"], art["title"], meta, lang["sections"][art["section"]], main,
                   s1_aside(lang, art["latest"]), f"view-article itemid-{art['id']}")


def s1_listing(lang: dict, url: str, heading: str, arts: list[dict], latest: list[dict]) -> str:
    def main(F: Furniture) -> str:
        items = "".join(f'<div class="leading-{i} clearfix"><div class="page-header"><h2 itemprop="name">'
                        f'<a href="{a["url"]}">{esc(a["title"])}</a></h2></div><dl class="article-info muted">'
                        f'<dd class="published"><time>{esc(date_text(lang, a["pub"]))}</time></dd></dl></div>'
                        for i, a in enumerate(arts))
        return (f'<div class="blog-featured"><div class="page-header"><h1>{esc(heading)}</h1></div>'
                f'<div class="items-leading clearfix">{items}</div></div>')

    page, _ = s1_page(lang, url, heading, "", None if url == "/" else heading, main, s1_aside(lang, latest),
                      "view-category")
    return page


# ---------------------------------------------------------------------------------------------
# shared writers
# ---------------------------------------------------------------------------------------------

def write_common(root: pathlib.Path, name: str, title: str, languages: list[str], feed: str, regex: str,
                 arts: list[dict], pages: dict) -> None:
    arts = sorted(arts, key=lambda a: a["pub"], reverse=True)
    robots = f"User-agent: *\nDisallow: /administrator/\nDisallow: /api/\n\nSitemap: {BASE}/sitemap.xml\n"
    write(root, "/robots.txt", robots)
    urls = "".join(f"  <url>\n    <loc>{BASE}{a['url']}</loc>\n"
                   f"    <lastmod>{a['lastmod'].isoformat()}</lastmod>\n  </url>\n"
                   for a in arts)
    write(root, "/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
    items = "".join(
        f"  <item>\n    <title>{esc(a['title'])}</title>\n    <link>{BASE}{a['url']}</link>\n"
        f"    <guid isPermaLink=\"true\">{BASE}{a['url']}</guid>\n"
        f"    <pubDate>{rfc822(a)}</pubDate>\n"
        f"    <category>{esc(a['section'])}</category>\n  </item>\n" for a in arts)
    write(root, feed, '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
          f"<title>{esc(title)}</title>\n"
          f"<link>{BASE}/</link>\n<description>{esc(title)}</description>\n{items}</channel>\n</rss>\n")
    gold = {"name": name, "languages": languages, "sitemap": "/sitemap.xml", "feed": feed,
            "article_url_regex": regex, "pages": pages}
    write(root, "/site.json", json.dumps(gold, ensure_ascii=False, indent=1) + "\n")


def rfc822(art: dict) -> str:
    return email.utils.format_datetime(datetime.datetime.fromisoformat(iso(art["pub"], art["tz"])))


def gold_entry(art: dict, boilerplate: list) -> dict:
    return {"kind": art["kind"], "language": art["lang"], "title": art["title"], "author": list(art["authors"]),
            "published": art["pub"].date().isoformat(), "story": story_texts(art["blocks"]), "boilerplate": boilerplate}


def build_heraldo(out: pathlib.Path) -> str:
    name = "d-heraldo"
    root = out / name
    langs = {"es": ES, "pl": PL}
    arts = (make_articles(name, "es", ES, ES_ARTICLES, 2101, 0) + make_articles(name, "pl", PL, PL_ARTICLES, 2201, 3))
    for art in arts:
        art["url"] = langs[art["lang"]]["art_url"].format(id=art["id"], slug=art["slug"])
        art["tz"] = spain_offset(art["pub"])
    link_articles(arts)
    pages = {}
    for art in arts:
        page, furniture = s1_article(langs[art["lang"]], art)
        write(root, art["url"], page)
        pages[art["url"]] = gold_entry(art, furniture)
    newest = sorted(arts, key=lambda a: a["pub"], reverse=True)
    write(root, "/", s1_listing(ES, "/", ES["brand"], newest[:10], [a for a in newest if a["lang"] == "es"][:5]))
    for code, lang in langs.items():
        mine = [a for a in newest if a["lang"] == code]
        write(root, lang["list_url"], s1_listing(lang, lang["list_url"], lang["list_title"], mine, mine[:5]))
        for sec, label in lang["sections"].items():
            url = lang["section_url"].format(sec)
            write(root, url, s1_listing(lang, url, label, [a for a in mine if a["section"] == sec], mine[:5]))
    write_common(root, name, ES["brand"], ["es", "pl"], "/feed.xml",
                 r"^/(es/noticias|pl/wiadomosci)/[0-9]+-[a-z0-9-]+\.html$", arts, pages)
    return name


# ---------------------------------------------------------------------------------------------
# site 2 - d-tidewire (en, de, pt) - headless / React digital-native outlet
# ---------------------------------------------------------------------------------------------

EN = {
    "code": "en", "int": num(","), "dec": dec("."),
    "months": "January February March April May June July August September October November December".split(),
    "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "date_fmt": "{day} {month} {year}",
    "lead": lines("""
        {T} is set to dominate local politics in {place} over the coming weeks, after officials on {wd} published a {a}-phase timetable and a budget of {cur}{m} million.
        Councillors in {place} approved plans for {t} on {wd}, ending {b} months of consultation over a project expected to cost {cur}{m} million.
        After {a} years of reports, objections and false starts, {t} is finally taking shape in {place}, where the issue has shadowed much of the current council term.
        Residents, business owners and engineers in {place} agree that {t} will be among the most visible changes to the city since {y}.
    """),  # noqa: E501
    "body": lines("""
        According to figures released by the city, {t} will directly affect around {d} residents and {c} businesses in {place}.
        Opposition members complained that the timetable for {t} reached journalists before it reached the scrutiny committee, which met on {day} {mon}.
        {Inst} has pledged a further {cur}{m} million, although that money has not yet appeared in any budget approved for {place}.
        {place} has about {pop} registered residents, and roughly {p} per cent of them are over 65, a figure planners say shaped much of the design.
        Shop owners near the site estimate they could each lose up to {cur}{c} a week while {t} is being rolled out.
        A {c}-page technical report on {t} recommends publishing progress figures every {a} months on the council website.
        Officials in {place} say the first phase will begin in {mon}, with the aim of completing the work before the end of {y2}.
        Planners reviewed {c} written objections from individuals and community groups before finalising the last version of {t}.
        A residents' association in {place} has collected {d} signatures asking for every neighbourhood to be consulted before any further changes.
        The cost of {t} works out at roughly {cur}{b} per resident, which the administration says can be covered without raising local taxes.
        More than {c} people attended the most recent public meeting in {place}, held in a community hall, and put {b} questions to officials.
        {Inst} will oversee delivery of {t} and must publish a progress report no later than {mon} {y2}.
        It is not the first time {place} has tried to fix the problem, as a similar plan was approved in {y} but never went ahead.
        The administration says {t} will create {b} direct jobs, at least half of which will go to people registered with local employment services.
        To pay for {t}, {place} will take out a {cur}{m} million loan over {b} years, repaid partly from parking and rental income.
        Opposition councillors in {place} plan to table a motion creating an oversight panel with {a} resident representatives.
        The contractor will have {b} weeks to submit a detailed schedule for {t}, including deadlines and penalties for delays.
        Since {y}, complaints about the issue logged in {place} have risen from {b} to {c} a year, according to council records.
        The timetable for {t} includes a mid-point review in {mon} {y2}, when councillors will decide whether the budget needs to grow.
        Residents of {place} will be able to inspect the full documentation at the civic centre for {b} working days.
    """),  # noqa: E501
    "quote": lines("""
        “People in {place} have waited {a} years for an answer, and we are not going to let this chance slip away. Everyone in {place} is tired of promises and wants to see something on the ground,” said {speaker}, {role}.
        “What matters with {t} is not the opening ceremony but whether it still works in ten years. That is why we want clear monitoring rules for {t},” said {speaker}, {role}.
        “We have taken close to {c} calls from residents of {place} in the past few weeks. Nearly all of them want to know when {t} starts and who pays for it,” said {speaker}, {role}.
    """),  # noqa: E501
    "sub": ["What changes in {place}", "Deadlines for {t}", "Questions from residents of {place}",
            "What {t} will cost"],
    "list_intro": "The key facts about {t}:",
    "items": ["Planned investment in {place}: {cur}{m} million", "Delivery time for {t}: {b} months",
              "Residents affected in {place}: about {d}", "Public meetings in {place} before the end of {mon}: {a}"],
    "inst": ["the regional transport authority", "the national infrastructure fund", "the state housing agency",
             "the environment regulator"],
    "speakers": [("Hannah Okafor", "who chairs a residents' forum in {place}"),
                 ("David Marsh", "a member of the planning committee"),
                 ("Priya Nair", "a transport researcher at a local university"),
                 ("Sean Gallagher", "who runs a café near the site"), ("Laura Kim", "the project's lead engineer"),
                 ("Owen Price", "a union representative in {place}")],
    "authors": ["Rachel Dunmore", "Tom Achebe", "Sophie Whitlock", "Ben Harcourt", "Naomi Ellery"],
    "tags": ["Urban planning", "Getting around", "Housing crisis", "Public health", "Waterfronts", "Energy transition"],
    "nav": [("Home", "/en/"), ("Cities", "/en/topics/cities/"), ("Climate", "/en/topics/climate/"),
            ("Economy", "/en/topics/economy/"), ("Deutsch", "/de/"), ("Português", "/pt/")],
    "sections": {"cities": "Cities", "climate": "Climate", "economy": "Economy"},
    "section_url": "/en/topics/{}/", "home_url": "/en/", "home_title": "Tidewire: news from cities that are changing",
    "byline": "By", "and": " and ",
    "share": ["Share on Facebook", "Share on X", "Share on LinkedIn", "Copy link"],
    "comments": "Join the conversation ({n} comments)", "related": "Related stories", "latest": "Latest from Tidewire",
    "tags_head": "More on these topics",
    "newsletter": ("The Morning Wire", "One email every weekday at 7am with the stories that matter in your city.",
                   "Sign me up"),
    "nl_ph": "you@example.com",
    "footer": ["About Tidewire", "Ethics policy", "Careers", "Privacy", "Contact",
               "© 2025 Tidewire Media Ltd. All rights reserved."],
    "cookie": ("We use cookies to measure traffic and personalise ads. You can accept them or change your choices at "
               "any time.", ["Accept all", "Manage choices"]),
    "partner": ("Northern Ledger", "This story was first published by the Northern Ledger and is republished here "
                "under a content partnership.", ["Fiona McLeish"]),
    "appeals": [
        ("Become a Tidewire member",
         ["Members get early access to our investigations, a monthly call with the newsroom and no banner ads."],
         "Become a member"),
        ("Read without limits",
         ["Subscribe to get every story, the full archive and our weekday briefings for less than a coffee a month.",
          "Cancel any time in two clicks."], "Subscribe now"),
        ("Support independent local reporting",
         ["Tidewire is funded by readers, not billionaires.",
          "If you value what we do, a contribution of any size keeps our reporters in the cities we cover."],
         "Support us"),
    ],
}

EN_ARTICLES = [
    ("bristol-school-streets-scheme", "Bristol backs car-free school streets outside 40 primary schools", "Bristol",
     "the school streets scheme", "", "climate", "£"),
    ("leeds-hospitals-discharge-lounge-pilot", "Leeds hospitals trial an overnight discharge lounge to free up beds",
     "Leeds", "the discharge lounge pilot", "", "cities", "£"),
    ("cork-harbour-ferry-returns", "Cork harbour ferry returns after a decade away", "Cork",
     "the harbour ferry service", "", "cities", "€"),
    ("portland-garage-affordable-apartments", "Portland votes to turn a downtown parking garage into affordable "
     "apartments", "Portland", "the garage conversion", "", "economy", "$"),
    ("halifax-container-terminal-expansion", "Halifax approves container terminal expansion despite noise concerns",
     "Halifax", "the terminal expansion", "", "economy", "C$"),
    ("dundee-battery-plant-water-use", "Dundee's planned battery plant faces questions over water use", "Dundee",
     "the battery plant project", "", "climate", "£"),
]

DE = {
    "code": "de", "int": num("."), "dec": dec(","),
    "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "weekdays": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "date_fmt": "{day}. {month} {year}",
    "lead": lines("""
        {T} dürfte die Kommunalpolitik in {place} in den kommenden Wochen bestimmen, nachdem die Verwaltung am {wd} einen Zeitplan mit {a} Bauabschnitten und ein Budget von {m} Millionen Euro vorgelegt hat.
        Der Stadtrat von {place} hat am {wd} die Planung {t2} gebilligt und damit {b} Monate Beratungen beendet, die Kosten werden auf {m} Millionen Euro geschätzt.
        Nach {a} Jahren voller Gutachten, Einwände und Verzögerungen nimmt die Planung {t2} in {place} endlich Gestalt an, nachdem das Thema einen Großteil der Wahlperiode geprägt hat.
        Anwohner, Händler und Fachleute in {place} sind sich einig, dass {t} eine der sichtbarsten Veränderungen seit {y} sein wird.
    """),  # noqa: E501
    "body": lines("""
        Nach Angaben der Stadt betrifft {t} direkt rund {d} Einwohner und {c} Betriebe in {place}.
        Die Opposition kritisiert, dass der Zeitplan {t2} früher in der Presse stand als im zuständigen Ausschuss, der erst Mitte {mon} tagte.
        {Inst} hat weitere {m} Millionen Euro zugesagt, doch das Geld taucht bislang in keinem beschlossenen Haushalt von {place} auf.
        In {place} leben derzeit rund {pop} gemeldete Einwohner, knapp {p} Prozent davon sind älter als 65 Jahre, was bei der Planung eine große Rolle spielte.
        Geschäftsleute in der Umgebung rechnen mit Einbußen von bis zu {c} Euro pro Woche und Laden, solange die Einführung {t2} läuft.
        Ein {c} Seiten starkes Fachgutachten zu den Folgen {t2} empfiehlt, alle {a} Monate einen Fortschrittsbericht zu veröffentlichen.
        Aus der Verwaltung in {place} heißt es, der erste Abschnitt beginne im {mon}, fertig sein solle alles bis Ende {y2}.
        Bevor die endgültige Fassung {t2} feststand, prüften die Fachleute {c} schriftliche Einwendungen von Bürgern und Verbänden.
        Eine Bürgerinitiative in {place} hat {d} Unterschriften gesammelt und fordert, dass jedes betroffene Viertel vorher angehört wird.
        Pro Einwohner kostet die Umsetzung {t2} rund {b} Euro, was die Stadtspitze nach eigener Aussage ohne Steuererhöhungen stemmen kann.
        Zur jüngsten Informationsveranstaltung in {place} kamen mehr als {c} Menschen, die den Verantwortlichen {b} Fragen stellten.
        {Inst} soll die Umsetzung {t2} überwachen und spätestens im {mon} {y2} einen Zwischenbericht vorlegen.
        Es ist nicht der erste Anlauf in {place}, denn bereits {y} wurde ein ähnlicher Plan beschlossen, der jedoch nie umgesetzt wurde.
        Die Stadt rechnet damit, dass {t} {b} direkte Arbeitsplätze schafft, mindestens die Hälfte soll an Menschen gehen, die bei der örtlichen Arbeitsagentur gemeldet sind.
        Zur Finanzierung {t2} nimmt {place} einen Kredit über {m} Millionen Euro mit einer Laufzeit von {b} Jahren auf.
        Oppositionsfraktionen in {place} wollen einen Antrag auf ein Begleitgremium mit {a} Vertretern aus der Bürgerschaft stellen.
        Das beauftragte Unternehmen hat {b} Wochen Zeit, einen detaillierten Arbeitsplan {t2} mit Fristen und Vertragsstrafen vorzulegen.
        Seit {y} ist die Zahl der Beschwerden zu diesem Thema in {place} von {b} auf {c} pro Jahr gestiegen, wie aus Unterlagen der Stadt hervorgeht.
        Der Zeitplan {t2} sieht im {mon} {y2} eine Zwischenbilanz vor, bei der über eine mögliche Aufstockung des Budgets entschieden wird.
        Bürgerinnen und Bürger in {place} können die vollständigen Unterlagen {b} Werktage lang im Bürgerbüro einsehen.
    """),  # noqa: E501
    "quote": lines("""
        „Wir warten in {place} seit {a} Jahren auf eine Antwort, und diese Chance lassen wir uns nicht entgehen. Die Menschen in {place} sind die Versprechen leid und wollen endlich Ergebnisse sehen“, sagt {speaker}, {role}.
        „Entscheidend bei der Umsetzung {t2} ist nicht die Eröffnung, sondern ob alles in zehn Jahren noch funktioniert. Deshalb brauchen wir klare Regeln für die Kontrolle {t2}“, sagt {speaker}, {role}.
        „In den vergangenen Wochen haben uns fast {c} Anrufe aus {place} erreicht. Fast alle wollen wissen, wann die Umsetzung {t2} beginnt und wer sie bezahlt“, berichtet {speaker}, {role}.
    """),  # noqa: E501
    "sub": ["Was sich in {place} ändert", "Die Fristen {t2}", "Offene Fragen der Anwohner in {place}",
            "Was {t} kosten soll"],
    "list_intro": "Die wichtigsten Eckdaten {t2}:",
    "items": ["Geplante Investitionen in {place}: {m} Millionen Euro", "Bauzeit {t2}: {b} Monate",
              "Betroffene Einwohner in {place}: rund {d}", "Bürgerversammlungen in {place} bis Ende {mon}: {a}"],
    "inst": ["das Landesverkehrsministerium", "der Bundesförderfonds für Infrastruktur", "die Landesbank",
             "das Landesumweltamt"],
    "speakers": [("Miriam Albers", "Sprecherin der Bürgerinitiative in {place}"),
                 ("Jörg Hansen", "Fraktionschef im Stadtrat"),
                 ("Aylin Demir", "Verkehrsforscherin an einer örtlichen Hochschule"),
                 ("Klaus Brenner", "Inhaber eines Cafés in der Nähe"),
                 ("Sabine Voigt", "Projektleiterin bei der Stadtverwaltung von {place}"),
                 ("Thomas Reuter", "Betriebsratsvorsitzender eines großen Arbeitgebers")],
    "authors": ["Lena Hartmann", "Felix Baumgart", "Julia Stein", "Moritz Engel", "Carla Wendt"],
    "tags": ["Stadtplanung", "Mobilität", "Wohnen", "Gesundheit", "Häfen", "Energiewende"],
    "nav": [("Startseite", "/de/"), ("Städte", "/de/themen/cities/"), ("Klima", "/de/themen/climate/"),
            ("Wirtschaft", "/de/themen/economy/"), ("English", "/en/"), ("Português", "/pt/")],
    "sections": {"cities": "Städte", "climate": "Klima", "economy": "Wirtschaft"},
    "section_url": "/de/themen/{}/", "home_url": "/de/", "home_title": "Tidewire: Nachrichten aus Städten im Wandel",
    "byline": "Von", "and": " und ",
    "share": ["Auf Facebook teilen", "Auf X teilen", "Auf LinkedIn teilen", "Link kopieren"],
    "comments": "{n} Kommentare ansehen", "related": "Auch interessant", "latest": "Neu bei Tidewire",
    "tags_head": "Mehr zu diesen Themen",
    "newsletter": ("Der Morgenüberblick",
                   "Jeden Werktag um 7 Uhr die wichtigsten Geschichten aus Ihrer Stadt per E-Mail.",
                   "Jetzt anmelden"),
    "nl_ph": "sie@beispiel.de",
    "footer": ["Über Tidewire", "Redaktionsleitlinien", "Impressum", "Datenschutz", "Kontakt",
               "© 2025 Tidewire Media Ltd. Alle Rechte vorbehalten."],
    "cookie": ("Wir verwenden Cookies, um Besuche zu messen und Werbung anzupassen. Sie können zustimmen oder Ihre "
               "Auswahl jederzeit ändern.", ["Alle akzeptieren", "Auswahl verwalten"]),
    "appeals": [
        ("Werden Sie Tidewire-Mitglied",
         ["Mitglieder lesen unsere Recherchen zuerst, sind zur monatlichen Redaktionskonferenz eingeladen und sehen "
          "keine Werbebanner."], "Mitglied werden"),
        ("Unbegrenzt lesen",
         ["Mit einem Abo erhalten Sie alle Artikel, das komplette Archiv und unsere Morgenbriefings für weniger als "
          "einen Kaffee im Monat.", "Jederzeit mit zwei Klicks kündbar."], "Jetzt abonnieren"),
        ("Unterstützen Sie unabhängigen Lokaljournalismus",
         ["Tidewire wird von seinen Leserinnen und Lesern finanziert.",
          "Jeder Beitrag, egal wie groß, hilft uns, weiter vor Ort zu berichten."], "Jetzt unterstützen"),
    ],
}

DE_ARTICLES = [
    ("bremen-hafenkraene-aussichtspunkte", "Bremen baut alte Hafenkräne zu Aussichtspunkten um", "Bremen",
     "der Umbau der Hafenkräne", "des Umbaus der Hafenkräne", "cities"),
    ("leipzig-nachtbus-campus-suedvorstadt", "Leipzig testet eine Nachtbuslinie zwischen Campus und Südvorstadt",
     "Leipzig", "die neue Nachtbuslinie", "der neuen Nachtbuslinie", "cities"),
    ("kassel-kaufhaeuser-wohnungen", "Kassel will leerstehende Kaufhäuser in Wohnungen umwandeln", "Kassel",
     "das Umbauprogramm für leere Kaufhäuser", "des Umbauprogramms für leere Kaufhäuser", "economy"),
    ("graz-hitzeschutzzone-hauptplatz", "Graz plant eine Hitzeschutzzone rund um den Hauptplatz", "Graz",
     "die geplante Hitzeschutzzone", "der geplanten Hitzeschutzzone", "climate"),
    ("freiburg-kliniken-notaufnahmeportal", "Freiburger Kliniken setzen auf ein gemeinsames Notaufnahmeportal",
     "Freiburg", "das gemeinsame Notaufnahmeportal", "des gemeinsamen Notaufnahmeportals", "cities"),
    ("rostock-faehrterminal-erweiterung", "Rostock streitet über die Erweiterung des Fährterminals", "Rostock",
     "die Erweiterung des Fährterminals", "der Erweiterung des Fährterminals", "economy"),
]

PT = {
    "code": "pt", "int": num(" "), "dec": dec(","),
    "months": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "weekdays": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"],
    "date_fmt": "{day} de {month} de {year}",
    "lead": lines("""
        {T} deverá dominar o debate político em {place} nas próximas semanas, depois de a câmara municipal ter apresentado na {wd} um calendário com {a} fases e um orçamento de {m} milhões de euros.
        A assembleia municipal de {place} aprovou na {wd} o projeto {t2}, que esteve {b} meses em discussão e deverá custar {m} milhões de euros.
        Depois de {a} anos de estudos, reclamações e atrasos, {t} começa finalmente a ganhar forma em {place}, onde o tema marcou boa parte do mandato.
        Moradores, comerciantes e técnicos de {place} concordam que {t} será uma das mudanças mais visíveis na cidade desde {y}.
    """),  # noqa: E501
    "body": lines("""
        Segundo os dados divulgados pela autarquia, {t} vai abranger diretamente cerca de {d} residentes e {c} empresas do concelho de {place}.
        A oposição critica o facto de o calendário {t2} ter chegado primeiro à imprensa e só depois à comissão, que reuniu a {day} de {mon}.
        {Inst} garantiu mais {m} milhões de euros, embora essa verba ainda não conste de nenhum orçamento aprovado para {place}.
        Em {place} vivem atualmente cerca de {pop} pessoas recenseadas, e perto de {p} por cento têm mais de 65 anos, um dado que pesou no desenho do projeto.
        Os comerciantes da zona estimam perdas de até {c} euros por semana e por loja enquanto decorrer a implementação {t2}.
        Um relatório técnico de {c} páginas sobre os efeitos {t2} recomenda a publicação de um ponto de situação a cada {a} meses.
        Fonte da câmara de {place} indicou que a primeira fase arranca em {mon} e que o objetivo é concluir tudo até ao final de {y2}.
        Antes de fechar a versão final {t2}, os técnicos analisaram {c} reclamações escritas de cidadãos e associações.
        Uma associação de moradores de {place} reuniu {d} assinaturas a pedir que cada bairro seja ouvido antes de qualquer nova alteração.
        O custo {t2} por habitante ronda os {b} euros, valor que o executivo municipal considera comportável sem subir impostos.
        Mais de {c} pessoas participaram na última sessão de esclarecimento em {place}, realizada no auditório municipal, e colocaram {b} perguntas.
        {Inst} vai acompanhar a execução {t2} e terá de apresentar um relatório intercalar até {day} de {mon} de {y2}.
        Não é a primeira tentativa em {place}, já que em {y} foi aprovado um plano semelhante que nunca chegou a sair do papel.
        A câmara garante que {t} vai criar {b} postos de trabalho diretos, metade dos quais destinados a pessoas inscritas no centro de emprego local.
        Para financiar {t}, o município de {place} vai contrair um empréstimo de {m} milhões de euros a {b} anos.
        Os vereadores da oposição em {place} vão propor a criação de uma comissão de acompanhamento com {a} representantes dos moradores.
        O empreiteiro terá {b} semanas para entregar um plano de trabalhos detalhado {t2}, com prazos e penalizações por atraso.
        Desde {y}, o número de queixas sobre o tema registadas em {place} passou de {b} para {c} por ano, segundo dados da autarquia.
        O calendário {t2} prevê uma avaliação intermédia em {mon} de {y2}, altura em que se decidirá se é preciso reforçar o orçamento.
        Os moradores de {place} podem consultar toda a documentação no balcão de atendimento municipal durante {b} dias úteis.
    """),  # noqa: E501
    "quote": lines("""
        «Em {place} esperamos há {a} anos por uma resposta e não vamos deixar fugir esta oportunidade. As pessoas de {place} estão cansadas de promessas e querem ver obra feita», afirmou {speaker}, {role}.
        «O que importa no caso {t2} não é a inauguração, é saber se tudo ainda funciona daqui a dez anos. Por isso pedimos regras claras de fiscalização {t2}», disse {speaker}, {role}.
        «Nas últimas semanas recebemos perto de {c} telefonemas de moradores de {place}. Quase todos querem saber quando arranca {t} e quem vai pagar», contou {speaker}, {role}.
    """),  # noqa: E501
    "sub": ["O que muda em {place}", "Os prazos {t2}", "As dúvidas dos moradores de {place}", "Quanto vai custar {t}"],
    "list_intro": "Os números principais {t2}:",
    "items": ["Investimento previsto em {place}: {m} milhões de euros", "Prazo de execução {t2}: {b} meses",
              "Residentes abrangidos em {place}: cerca de {d}", "Sessões públicas em {place} até {mon}: {a}"],
    "inst": ["o Governo", "a comissão de coordenação regional", "o fundo ambiental",
             "a agência para o desenvolvimento e coesão"],
    "speakers": [("Inês Carvalho", "presidente da associação de moradores de {place}"),
                 ("Rui Tavares Lopes", "vereador da oposição"), ("Marta Sequeira", "investigadora em transportes"),
                 ("João Pimentel", "dono de um café na zona"),
                 ("Teresa Antunes", "engenheira responsável pelo projeto"),
                 ("Nuno Farinha", "dirigente sindical em {place}")],
    "authors": ["Catarina Moura", "Pedro Valente", "Sofia Rebelo", "Miguel Abreu", "Beatriz Lemos"],
    "tags": ["Urbanismo", "Mobilidade urbana", "Habitação", "Saúde pública", "Litoral", "Comércio local"],
    "nav": [("Início", "/pt/"), ("Cidades", "/pt/temas/cities/"), ("Clima", "/pt/temas/climate/"),
            ("Economia", "/pt/temas/economy/"), ("English", "/en/"), ("Deutsch", "/de/")],
    "sections": {"cities": "Cidades", "climate": "Clima", "economy": "Economia"},
    "section_url": "/pt/temas/{}/", "home_url": "/pt/", "home_title": "Tidewire: notícias de cidades em mudança",
    "byline": "Por", "and": " e ",
    "share": ["Partilhar no Facebook", "Partilhar no X", "Partilhar no LinkedIn", "Copiar ligação"],
    "comments": "Ver os {n} comentários", "related": "Leia também", "latest": "Mais recentes no Tidewire",
    "tags_head": "Mais sobre estes temas",
    "newsletter": ("O Despertador", "Todos os dias úteis às 7h, as histórias que contam na sua cidade, no seu e-mail.",
                   "Quero receber"),
    "nl_ph": "voce@exemplo.pt",
    "footer": ["Sobre o Tidewire", "Estatuto editorial", "Privacidade", "Termos de utilização", "Contactos",
               "© 2025 Tidewire Media Ltd. Todos os direitos reservados."],
    "cookie": ("Usamos cookies para medir o tráfego e personalizar anúncios. Pode aceitá-los ou alterar as suas "
               "escolhas "
               "a qualquer momento.", ["Aceitar todos", "Gerir escolhas"]),
    "partner": ("Gazeta das Beiras", "Este artigo foi publicado originalmente pela Gazeta das Beiras e é "
                "republicado ao "
                "abrigo de uma parceria editorial.", ["Álvaro Quintela"]),
    "appeals": [
        ("Torne-se membro do Tidewire",
         ["Os membros leem as nossas investigações em primeira mão, participam numa conversa mensal com a redação e "
          "não veem anúncios."], "Quero ser membro"),
        ("Leia sem limites",
         ["Com a assinatura tem acesso a todos os artigos, ao arquivo completo e aos resumos matinais por menos do que "
          "um café por mês.", "Pode cancelar a qualquer momento."], "Assinar agora"),
        ("Apoie o jornalismo local independente",
         ["O Tidewire é financiado pelos leitores.",
          "Um contributo de qualquer valor ajuda a manter repórteres nas cidades que acompanhamos."],
         "Apoiar o Tidewire"),
    ],
}

PT_ARTICLES = [
    ("braga-quartel-residencia-estudantes", "Braga vai transformar antigo quartel em residência para estudantes",
     "Braga", "a reconversão do antigo quartel", "da reconversão do antigo quartel", "cities"),
    ("aveiro-ciclovias-centro-historico", "Aveiro alarga ciclovias e retira estacionamento do centro histórico",
     "Aveiro", "o alargamento das ciclovias", "do alargamento das ciclovias", "climate"),
    ("setubal-plano-cheias-frente-ribeirinha", "Setúbal prepara plano para proteger a frente ribeirinha das cheias",
     "Setúbal", "o plano contra cheias", "do plano contra cheias", "climate"),
    ("evora-concurso-unidade-saude-familiar", "Évora abre concurso para nova unidade de saúde familiar", "Évora",
     "a nova unidade de saúde familiar", "da nova unidade de saúde familiar", "cities"),
    ("faro-transportes-aeroporto-horarios", "Faro testa horários alargados nos transportes para o aeroporto", "Faro",
     "o reforço dos transportes para o aeroporto", "do reforço dos transportes para o aeroporto", "economy"),
    ("viseu-mercado-municipal-produtores", "Viseu recupera mercado municipal com bancas para produtores locais",
     "Viseu", "a requalificação do mercado municipal", "da requalificação do mercado municipal", "economy"),
]

S2_PARTNER = {"dundee-battery-plant-water-use", "viseu-mercado-municipal-produtores"}


def s2_page(lang: dict, url: str, title: str, meta: str, main_fn, rail_fn, data: dict) -> tuple[str, list]:
    F = Furniture()
    code = lang["code"]
    out = ["<!doctype html>", f'<html lang="{code}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)} | Tidewire</title>", f'<link rel="canonical" href="{BASE}{url}">', meta,
           f'<link rel="alternate" type="application/rss+xml" title="Tidewire" href="{BASE}/rss.xml">',
           '<link rel="stylesheet" href="/_next/static/css/4f1c2a9e.css">', "</head>", "<body>",
           '<div id="__next"><div class="app" data-testid="app-shell">']
    text, buttons = lang["cookie"]
    text = F("cookie", text)
    btns = "".join(f'<button type="button" class="btn" data-testid="consent-{i}">{F("cookie", b)}</button>'
                   for i, b in enumerate(buttons))
    out.append(f'<div class="consent" data-testid="consent-banner" role="dialog"><div class="consent-inner">'
               f'<p class="consent-text">{text}</p><div class="consent-actions">{btns}</div></div></div>')
    logo = F("nav", "Tidewire")
    items = "".join(f'<li class="nav-item"><a class="nav-link" href="{h}">{F("nav", t)}</a></li>'
                    for t, h in lang["nav"])
    out.append(f'<header class="masthead" data-testid="masthead"><div class="wrap"><a class="logo" data-testid="logo" '
               f'href="{lang["home_url"]}">{logo}</a><nav class="nav" data-testid="primary-nav"><ul class="nav-list">'
               f"{items}</ul></nav></div></header>")
    out.append('<main class="layout" data-testid="layout"><div class="col-main" data-testid="main-column">\n'
               f'{main_fn(F)}'
               f'\n</div>\n<aside class="rail" data-testid="rail">{rail_fn(F)}</aside></main>')
    foot = lang["footer"]
    links = "".join(f'<li><a href="/{code}/about/{i}/">{F("footer", t)}</a></li>' for i, t in enumerate(foot[:-1]))
    out.append(f'<footer class="foot" data-testid="footer"><div class="wrap"><ul class="foot-links">{links}</ul>'
               f'<p class="legal">{F("footer", foot[-1])}</p></div></footer>')
    payload = json.dumps({"props": {"pageProps": data}, "page": "/[locale]/story/[slug]", "buildId": "tw-2025.10.2"})
    out.append(f'</div></div>\n<script id="__NEXT_DATA__" type="application/json">{payload}</script>\n'
               "</body>\n</html>\n")
    return "\n".join(out), F.items


def s2_rail(lang: dict, latest: list[dict]):
    def fn(F: Furniture) -> str:
        title = F("latest", lang["latest"])
        lis = "".join(f'<li class="latest-item"><a href="{a["url"]}">{F("latest", a["title"])}</a></li>'
                      for a in latest)
        head, text, button = lang["newsletter"]
        head, text, button = F("newsletter", head), F("newsletter", text), F("newsletter", button)
        return (f'<section class="latest" data-testid="latest"><h2 class="rail-h">{title}</h2><ol class="latest-list">'
                f'{lis}</ol></section><section class="nl" data-testid="newsletter-signup">'
                f'<h2 class="rail-h">{head}</h2>'
                f'<p class="nl-text">{text}</p><form action="/api/newsletter" method="post"><input type="email" '
                f'name="email" aria-label="E-mail" placeholder="{lang["nl_ph"]}">'
                f'<button type="submit">{button}</button>'
                "</form></section>")
    return fn


def s2_article(lang: dict, art: dict) -> tuple[str, list]:
    code = lang["code"]
    pub = iso(art["pub"], art["tz"])
    meta = "\n".join([
        f'<meta property="og:title" content="{esc(art["title"])}">', '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{BASE}{art["url"]}">', '<meta property="og:site_name" content="Tidewire">',
        f'<meta property="article:published_time" content="{pub}">',
        f'<meta property="article:section" content="{esc(lang["sections"][art["section"]])}">',
        f'<meta name="author" content="{esc(", ".join(art["authors"]))}">',
        '<meta name="twitter:card" content="summary_large_image">'])

    def main(F: Furniture) -> str:
        names = lang["and"].join(f'<a href="/{code}/authors/{a.lower().replace(" ", "-")}/">{esc(a)}</a>'
                                 for a in art["authors"])
        org = f'<span class="org">, {esc(art["partner"][0])}</span>' if art["partner"] else ""
        share = "".join(f'<button type="button" class="share-btn" data-testid="share-{i}">{F("share", s)}</button>'
                        for i, s in enumerate(lang["share"]))
        parts = ['<article class="story" data-testid="story">', '<div class="story-head" data-testid="story-header">',
                 f'<h1 class="hl" data-testid="headline">{esc(art["title"])}</h1>',
                 f'<div class="byline" data-testid="byline"><span class="by">{lang["byline"]} {names}</span>{org} '
                 f'<time class="ts" dateTime="{pub}">{esc(date_text(lang, art["pub"]))}</time></div></div>',
                 f'<div class="share" data-testid="share-bar">{share}</div>',
                 '<div class="story-body" data-testid="story-body">']
        def note() -> str:
            text = F("partner-note", art["partner"][1])
            return f'<div class="partner-note" data-testid="partner-note"><p>{text}</p></div>'

        if art["partner"] and code == "pt":
            parts.append(note())
        seen_p = 0
        for kind, val in art["blocks"]:
            if kind == "p":
                parts.append(f'<div class="blk" data-testid="text-block"><p class="para">{esc(val)}</p></div>')
                seen_p += 1
                if seen_p == 2:
                    head, paras, button = lang["appeals"][art["variant"]]
                    h = F("appeal-heading", head)
                    ps = "".join(f'<p class="promo-p">{F("appeal", p)}</p>' for p in paras)
                    parts.append(f'<aside class="promo-slot" data-testid="promo-slot"><div class="promo" '
                                 f'data-testid="membership-promo"><h3 class="promo-h">{h}</h3>{ps}<a class="btn" '
                                 f'data-testid="promo-cta" href="/{code}/membership/">{F("appeal-button", button)}</a>'
                                 "</div></aside>")
            elif kind == "h":
                parts.append(f'<div class="blk" data-testid="subheading-block"><h2 class="sh">{esc(val)}</h2></div>')
            elif kind == "ul":
                lis = "".join(f"<li>{esc(x)}</li>" for x in val)
                parts.append(f'<div class="blk" data-testid="list-block"><ul class="ls">{lis}</ul></div>')
            else:
                parts.append(f'<div class="blk" data-testid="quote-block"><blockquote class="pq"><p>{esc(val)}</p>'
                             "</blockquote></div>")
        if art["partner"] and code != "pt":
            parts.append(note())
        parts.append("</div>")
        head = F("tags", lang["tags_head"])
        tags = "".join(f'<li><a href="/{code}/tags/{art["id"]}-{i}/">{F("tags", t)}</a></li>'
                       for i, t in enumerate(art["tags"]))
        parts.append(f'<div class="tags" data-testid="tag-list"><h2 class="tags-h">{head}</h2><ul>{tags}</ul></div>')
        if art["comments"]:
            parts.append(f'<div class="cmt" data-testid="comments-teaser"><button type="button">'
                         f'{F("comments", lang["comments"].format(n=art["comments"]))}</button></div>')
        if art["related"]:
            title = F("related", lang["related"])
            lis = "".join(f'<li><a href="{a["url"]}">{F("related", a["title"])}</a></li>' for a in art["related"])
            parts.append(f'<section class="related" data-testid="related"><h2>{title}</h2><ul>{lis}</ul></section>')
        parts.append("</article>")
        return "\n".join(parts)

    data = {"storyId": art["id"], "locale": code, "slug": art["slug"], "section": art["section"]}
    return s2_page(lang, art["url"], art["title"], meta, main, s2_rail(lang, art["latest"]), data)


def s2_listing(lang: dict, url: str, heading: str, arts: list[dict], latest: list[dict]) -> str:
    def main(F: Furniture) -> str:
        cards = "".join(f'<div class="card" data-testid="card"><a class="card-link" href="{a["url"]}">'
                        '<h3 class="card-hl">'
                        f'{esc(a["title"])}</h3></a><time class="ts">{esc(date_text(LANGS2[a["lang"]], a["pub"]))}'
                        "</time></div>" for a in arts)
        return f'<section class="feed" data-testid="story-feed"><h1 class="page-h">{esc(heading)}</h1>{cards}</section>'

    page, _ = s2_page(lang, url, heading, "", main, s2_rail(lang, latest), {"locale": lang["code"], "listing": url})
    return page


LANGS2 = {"en": EN, "de": DE, "pt": PT}


def build_tidewire(out: pathlib.Path) -> str:
    name = "d-tidewire"
    root = out / name
    arts = (make_articles(name, "en", EN, EN_ARTICLES, 5101, 1) + make_articles(name, "de", DE, DE_ARTICLES, 5201, 4)
            + make_articles(name, "pt", PT, PT_ARTICLES, 5301, 2))
    for art in arts:
        art["url"] = f"/{art['lang']}/story/{art['slug']}/"
        art["partner"], art["tz"] = None, 0
        if art["slug"] in S2_PARTNER:
            org, note, authors = LANGS2[art["lang"]]["partner"]
            art.update(kind="partner-copy", partner=(org, note), authors=authors)
    link_articles(arts)
    pages = {}
    for art in arts:
        page, furniture = s2_article(LANGS2[art["lang"]], art)
        write(root, art["url"], page)
        pages[art["url"]] = gold_entry(art, furniture)
    newest = sorted(arts, key=lambda a: a["pub"], reverse=True)
    write(root, "/", s2_listing(EN, "/", EN["home_title"], newest[:12], [a for a in newest if a["lang"] == "en"][:5]))
    for code, lang in LANGS2.items():
        mine = [a for a in newest if a["lang"] == code]
        write(root, lang["home_url"], s2_listing(lang, lang["home_url"], lang["home_title"], mine, mine[:5]))
        for sec, label in lang["sections"].items():
            url = lang["section_url"].format(sec)
            write(root, url, s2_listing(lang, url, label, [a for a in mine if a["section"] == sec], mine[:5]))
    write_common(root, name, "Tidewire", ["en", "de", "pt"], "/rss.xml", r"^/(en|de|pt)/story/[a-z0-9-]+/$",
                 arts, pages)
    return name


def build(out: pathlib.Path) -> list[str]:
    out = pathlib.Path(out)
    return [build_heraldo(out), build_tidewire(out)]


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "freshsites-d")
    for site in build(target):
        gold = json.loads((target / site / "site.json").read_text(encoding="utf-8"))
        per_lang = Counter(p["language"] for p in gold["pages"].values())
        kinds = Counter(p["kind"] for p in gold["pages"].values())
        print(f"{site}: {len(gold['pages'])} article pages {dict(per_lang)} {dict(kinds)} -> {target / site}")
