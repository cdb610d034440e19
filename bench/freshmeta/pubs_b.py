"""Publications 7–12 of the fresh metadata pages (Spanish, Italian, Polish, Portuguese, Dutch, Turkish): each a
template of its own. A page function takes (rng, headline pool, page number) and returns (url, html, gold)."""

from __future__ import annotations

import datetime as dt

from .pages import (
    body_html,
    comments,
    document,
    esc,
    footer,
    gold,
    hhmm,
    iso,
    jsonld,
    long_date,
    meta,
    nav,
    num_date,
    related,
    slugify,
    story,
)
from .texts import HEADLINES


def diario_sur(rng, pool, n):
    """A Spanish daily: "Por Óscar Ruiz | Fotos: Ana Gil", a logo h1 before the headline h1, "3 de marzo de 2024
    - 14:05 h" and "Actualizado", series pages under the folder of the series' first day."""
    site = "Diario del Sur"
    s = story(rng, "es", pool, n_authors=rng.choice([1, 1, 2]))
    names = " y ".join(s.authors)
    series = n in (1, 4)
    start = s.published.date() - dt.timedelta(days=rng.randrange(5, 30))
    url = (f"https://www.diariodelsur.es/especiales/{start:%Y/%m/%d}/verano/{s.slug}.html" if series else
           f"https://www.diariodelsur.es/{rng.choice(['local', 'provincia'])}/{s.slug}-{rng.randrange(10**4, 10**5)}"
           f".html")
    credit = f" | Fotos: {s.extra_people[0]}" if n % 2 == 0 else ""
    head = [f"<title>{esc(s.headline)} | {site}</title>", meta("og:title", s.headline) if n != 2 else "",
            meta("article:published_time", iso(s.published)) if n not in (2, 5) else "",
            meta("author", names, "name") if n % 3 == 1 else "",
            jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
                    "datePublished": iso(s.published), "dateModified": iso(s.modified),
                    "author": {"@type": "Person", "name": names}}) if n in (0, 3) else ""]
    upd = (f'<span class="act">Actualizado: {num_date(s.modified.date(), "es")} {hhmm(s.modified, "es")} h</span>'
           if s.modified.date() != s.published.date() else "")
    body = (f'<header><h1 class="logo"><a href="/">{site}</a></h1>{nav(["Local", "Provincia", "Deportes"])}'
            f'</header><div class="cuerpo"><article>'
            + (f'<p class="antetitulo">Especial verano {start.year}</p>' if series else "")
            + f'<h1 class="titular">{esc(s.headline)}</h1><p class="entradilla">{esc(s.paragraphs[0])}</p>'
            f'<div class="firma">Por {esc(names)}{esc(credit)}</div>'
            f'<div class="fecha">{long_date(s.published.date(), "es")} - {hhmm(s.published, "es")} h {upd}</div>'
            f'{body_html(s, 1)}</article>' + related(rng, s, HEADLINES["es"], "Te puede interesar")
            + "</div>" + footer(site, s.published.year, "Prohibida la reproducción total o parcial."))
    return url, document("es", head, body), gold(s)


def gazzetta_levante(rng, pool, n):
    """An Italian regional site: "di Giulia Ferrari", "Redazione" stories with no person, a "VIDEO" label beside
    the h1, "3 marzo 2024 ore 14:05", meta author "Redazione", og:title absent on some pages."""
    site = "Gazzetta di Levante"
    redazione = n in (2, 5)
    s = story(rng, "it", pool, n_authors=0 if redazione else 1)
    url = f"https://www.gazzettalevante.it/cronaca/{s.slug}-{s.published:%Y%m%d}"
    if n == 3:  # the URL carries the day of the last update
        url = f"https://www.gazzettalevante.it/cronaca/{s.slug}-{s.modified:%Y%m%d}"
    label = '<span class="label">VIDEO</span> ' if n % 3 == 0 else ""
    byline = "Redazione" if redazione else f"di {s.authors[0]}"
    head = [f"<title>{esc(s.headline)} - {site}</title>", meta("og:title", s.headline) if n % 2 else "",
            meta("author", "Redazione", "name"),
            jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
                    "datePublished": iso(s.published), "author": {"@type": "Organization", "name": site}
                    if redazione else {"@type": "Person", "name": s.authors[0]}}) if n != 4 else ""]
    body = (f'<div class="header"><a class="brand" href="/">{site}</a>{nav(["Cronaca", "Politica", "Sport"])}'
            f'</div><div class="main"><article><div class="titolo">{label}<h1>{esc(s.headline)}</h1></div>'
            f'<div class="autore">{esc(byline)}</div>'
            f'<div class="data">{long_date(s.published.date(), "it")} ore {hhmm(s.published, "it")}</div>'
            f'{body_html(s)}<p class="tags">Tag: cronaca, provincia</p></article>'
            + related(rng, s, HEADLINES["it"], "Potrebbe interessarti") + comments(rng, s, "Commenti", 2)
            + "</div>" + footer(site, 2026, "P.IVA 01234567890"))
    return url, document("it", head, body), gold(s)


def kurier_mazowiecki(rng, pool, n):
    """A Polish regional site: "Anna Kowalska i Piotr Nowak" or "Autor: …", "Opublikowano: 03.03.2024, 14:05 /
    Aktualizacja: …", a PAP source line, "Headline - Kurier Mazowiecki"; two pages with only dateModified."""
    site = "Kurier Mazowiecki"
    s = story(rng, "pl", pool, n_authors=rng.choice([1, 2, 2]))
    names = " i ".join(s.authors)
    url = f"https://kuriermazowiecki.pl/wiadomosci/{s.slug},{rng.randrange(10**6, 10**7)}"
    byline = f"Autor: {names}" if n % 2 else names
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
          "dateModified": iso(s.modified), "author": [{"@type": "Person", "name": a} for a in s.authors]}
    if n not in (1, 4):
        ld["datePublished"] = iso(s.published)
    head = [f"<title>{esc(s.headline)} - {site}</title>", meta("og:title", f"{s.headline} [ZDJĘCIA]"),
            jsonld(ld), meta("author", site, "name") if n % 3 == 0 else ""]
    body = (f'<header><img src="/logo.png" alt="{site}">{nav(["Wiadomości", "Sport", "Kultura", "Praca"])}'
            f'</header><main><article><h1>{esc(s.headline)}</h1>'
            f'<div class="autor">{esc(byline)}</div><div class="daty">Opublikowano: '
            f'{num_date(s.published.date(), "pl")}, {hhmm(s.published, "pl")}'
            + (f' / Aktualizacja: {num_date(s.modified.date(), "pl")}, {hhmm(s.modified, "pl")}'
               if s.modified > s.published + dt.timedelta(hours=1) else "") + "</div>"
            f'<p class="lead"><b>{esc(s.paragraphs[0])}</b></p>{body_html(s, 1)}'
            + ('<p class="zrodlo">Źródło: PAP</p>' if n % 2 == 0 else "")
            + f'<p class="foto">Fot. {esc(s.extra_people[0])}</p></article>'
            + related(rng, s, HEADLINES["pl"], "Zobacz także") + comments(rng, s, "Komentarze")
            + "</main>" + footer(site, 2026))
    return url, document("pl", head, body), gold(s)


def jornal_serra(rng, pool, n):
    """A Portuguese local paper: "Texto: João Silva · Fotos: Inês Lopes", "Site | Headline" titles, a kicker
    date above the headline, "Atualizado a …" on some pages, no meta dates on half of them."""
    site = "Jornal da Serra"
    s = story(rng, "pt", pool, n_authors=rng.choice([1, 1, 2]))
    names = " e ".join(s.authors)
    url = f"https://jornaldaserra.pt/{s.published:%Y}/{s.published:%m}/{s.slug}/"
    head = [f"<title>{site} | {esc(s.headline)}</title>", meta("og:title", s.headline),
            meta("article:published_time", iso(s.published, "+00:00")) if n % 2 == 0 else "",
            meta("article:modified_time", iso(s.modified, "+00:00")) if n != 5 else "",
            meta("author", names, "name") if n == 3 else ""]
    upd = (f'<p class="upd">Atualizado a {long_date(s.modified.date(), "pt")}, {hhmm(s.modified, "pt")}</p>'
           if s.modified.date() != s.published.date() and n % 3 else "")
    body = (f'<div class="barra"><a href="/" class="logo">{site}</a>{nav(["Região", "Desporto", "Opinião"])}'
            f'</div><section class="artigo"><p class="data-topo">{long_date(s.published.date(), "pt")}</p>'
            f'<h1>{esc(s.headline)}</h1><p class="creditos">Texto: {esc(names)} · Fotos: {esc(s.extra_people[0])}'
            f'</p>{upd}{body_html(s)}</section>'
            + related(rng, s, HEADLINES["pt"], "Mais notícias") + footer(site, s.published.year))
    return url, document("pt", head, body), gold(s)


def kustblad(rng, pool, n):
    """A Dutch regional site: "Door Sanne de Vries" (name particles), "3 maart 2024, 14:05 · Bijgewerkt …",
    a URL with an ISO day (of the update on some), and one page that says no date at all."""
    site = "Het Kustblad"
    s = story(rng, "nl", pool)
    undated = n == 4
    url_day = s.modified.date() if n % 2 else s.published.date()
    url = (f"https://www.kustblad.nl/regio/{s.slug}" if undated else
           f"https://www.kustblad.nl/regio/{url_day.isoformat()}/{s.slug}")
    head = [f"<title>{esc(s.headline)} | {site}</title>", meta("og:title", s.headline) if n != 2 else "",
            meta("author", s.authors[0], "name") if n % 2 == 0 else "",
            jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
                    "datePublished": iso(s.published, "+02:00"), "author": {"@type": "Person",
                                                                           "name": s.authors[0]}})
            if n in (0, 3) else ""]
    stamp = ("" if undated else
             f'<p class="datum">{long_date(s.published.date(), "nl")}, {hhmm(s.published, "nl")}'
             + (f' · Bijgewerkt {long_date(s.modified.date(), "nl")}, {hhmm(s.modified, "nl")}'
                if s.modified.date() != s.published.date() else "") + "</p>")
    body = (f'<header><h1><a href="/">{site}</a></h1>{nav(["Regio", "Sport", "112", "Cultuur"])}</header>'
            f'<main><article><h2 class="kop">{esc(s.headline)}</h2><p class="auteur">Door '
            f'<a href="/auteur/{slugify(s.authors[0])}">{esc(s.authors[0])}</a></p>{stamp}{body_html(s)}'
            f'</article>' + related(rng, s, HEADLINES["nl"], "Meer nieuws", dated=not undated)
            + "</main>" + footer(site, 2026))
    return url, document("nl", head, body), gold(s, published=None if undated else True)


def ege_haber(rng, pool, n):
    """A Turkish news site: "Haber: Elif Yılmaz", agency stories ("Haber Merkezi", "AA") with no person,
    "Giriş: 03.03.2024 14:05 | Güncelleme: …", "Headline - Ege Haber", og:title in capitals on some pages."""
    site = "Ege Haber"
    agency = n in (1, 5)
    s = story(rng, "tr", pool, n_authors=0 if agency else 1)
    url = f"https://www.egehaber.com.tr/gundem/{s.slug}-{rng.randrange(10**5, 10**6)}h.htm"
    byline = rng.choice(["Haber Merkezi", "AA"]) if agency else f"Haber: {s.authors[0]}"
    upd = (f' | Güncelleme: {num_date(s.modified.date(), "tr")} {hhmm(s.modified, "tr")}'
           if s.modified > s.published + dt.timedelta(hours=1) else "")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
          "datePublished": iso(s.published, "+03:00"), "dateModified": iso(s.modified, "+03:00"),
          "author": {"@type": "Organization", "name": site} if agency else {"@type": "Person", "name": s.authors[0]}}
    head = [f"<title>{esc(s.headline)} - {site}</title>",
            meta("og:title", s.headline.upper() if n % 2 == 0 else s.headline),
            jsonld(ld) if n not in (2, 3) else "", meta("author", site, "name") if n != 4 else ""]
    body = (f'<header><div class="logo">{site}</div>{nav(["Gündem", "Ekonomi", "Spor", "Yaşam"])}</header>'
            f'<div class="container"><div class="breadcrumb">Ana Sayfa › Gündem</div><article>'
            f'<h1>{esc(s.headline)}</h1><div class="info"><span class="muhabir">{esc(byline)}</span> '
            f'<span class="tarih">Giriş: {num_date(s.published.date(), "tr")} {hhmm(s.published, "tr")}{upd}</span>'
            f'</div><h2 class="spot">{esc(s.paragraphs[0])}</h2>{body_html(s, 1)}</article>'
            + related(rng, s, HEADLINES["tr"], "İlgili Haberler") + comments(rng, s, "Yorumlar", 2)
            + "</div>" + footer(site, 2026, "Tüm hakları saklıdır."))
    return url, document("tr", head, body), gold(s)


PUBLICATIONS = [("diario-sur", "es", diario_sur), ("gazzetta-levante", "it", gazzetta_levante),
                ("kurier-mazowiecki", "pl", kurier_mazowiecki), ("jornal-serra", "pt", jornal_serra),
                ("kustblad", "nl", kustblad), ("ege-haber", "tr", ege_haber)]
