"""Publications 1–6 of the fresh metadata pages (English and German, French): each a template of its own.
A page function takes (rng, headline pool, page number) and returns (url, html, gold)."""

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


def harbor_courier(rng, pool, n):
    """A US metro daily: "Headline | Section | The Harbor Courier", byline links to /staff/, 'Updated' times,
    US-Eastern datelines; the meta times are in UTC (an evening story is the next day there)."""
    site, section = "The Harbor Courier", rng.choice(["Local News", "Politics", "Business", "Weather"])
    s = story(rng, "en", pool, n_authors=rng.choice([1, 1, 2]))
    if n in (2, 5):  # an evening story: 20:00-23:30 local, after midnight in UTC
        s.published = s.published.replace(hour=rng.choice([20, 21, 22, 23]))
    utc = s.published + dt.timedelta(hours=5)
    url = f"https://www.harborcourier.com/{slugify(section)}/{s.published:%Y/%m/%d}/{s.slug}/"
    title = f"{s.headline} | {section} | {site}" if n % 2 else f"{s.headline} | {site}"
    links = " and ".join(f'<a href="/staff/{slugify(a)}/" rel="author">{esc(a)}</a>' for a in s.authors)
    updated = (f'<span class="updated">Updated {hhmm(s.modified, "en")} ET {long_date(s.modified.date(), "en")}'
               f'</span>' if s.modified.date() != s.published.date() else "")
    head = [f"<title>{esc(title)}</title>", meta("og:title", s.headline), meta("og:site_name", site),
            meta("article:published_time", utc.strftime("%Y-%m-%dT%H:%M:%SZ")) if n != 4 else "",
            meta("author", ", ".join(s.authors), "name") if n % 3 == 0 else ""]
    body = (f'<header><a class="logo" href="/"><img src="/logo.svg" alt="{site}"></a>'
            f'{nav(["Local News", "Politics", "Business", "Sports", "Opinion", "Obituaries"])}</header>'
            f'<main><article><div class="section-label"><a href="/{slugify(section)}/">{section}</a></div>'
            f'<h1 class="headline">{esc(s.headline)}</h1>'
            f'<div class="byline">By {links}</div><div class="timestamp"><span>Published '
            f'{hhmm(s.published, "en")} ET {long_date(s.published.date(), "en")}</span> {updated}</div>'
            f'<figure><img src="/img/{n}.jpg"><figcaption>Photo by {esc(s.extra_people[0])} / '
            f'{site}</figcaption></figure>'
            f'<div class="article-body">{body_html(s)}</div></article>'
            + related(rng, s, HEADLINES["en"], "Most read") + "</main>"
            + footer(site, s.published.year + 1, "All rights reserved."))
    return url, document("en", head, body), gold(s)


def wellnest(rng, pool, n):
    """A health and lifestyle site: "Written by X, Senior Reporter", "Medically reviewed by Dr. Y" (not an
    author), JSON-LD with author and reviewedBy, only dateModified on some pages, 'Last updated' on top."""
    site = "Wellnest"
    s = story(rng, "en", pool)
    reviewer = f"Dr. {s.extra_people[0]}"
    role = rng.choice(["Senior Reporter", "Health Writer", "Staff Writer"])
    url = f"https://wellnest.co/articles/{s.slug}"
    modified_only = n in (1, 3, 6)
    ld = {"@context": "https://schema.org", "@type": "MedicalWebPage" if n % 2 else "Article",
          "headline": s.headline, "author": {"@type": "Person", "name": s.authors[0], "jobTitle": role},
          "reviewedBy": {"@type": "Person", "name": reviewer}, "dateModified": iso(s.modified, "-08:00"),
          "publisher": {"@type": "Organization", "name": site}}
    if not modified_only:
        ld["datePublished"] = iso(s.published, "-08:00")
    head = [f"<title>{esc(s.headline)} - {site}</title>", meta("og:title", f"{s.headline} | {site}"),
            meta("author", site, "name"), jsonld(ld)]
    dates = (f'<p class="dates">Published on {long_date(s.published.date(), "en")} · Last updated '
             f'{long_date(s.modified.date(), "en")}</p>' if not modified_only else
             f'<p class="dates">Updated on {long_date(s.modified.date(), "en")}</p>'
             f'<p class="history">First published {num_date(s.published.date(), "en")}</p>')
    body = (f'<div class="topbar"><h1 class="brand"><a href="/">{site}</a></h1>'
            f'{nav(["Nutrition", "Sleep", "Fitness", "Mental Health"])}</div>'
            f'<article><span class="tag">{rng.choice(["Nutrition", "Sleep", "Fitness"])}</span>'
            f'<h1>{esc(s.headline)}</h1>'
            f'<div class="author-box"><img src="/a/{n}.jpg" alt=""><span>Written by '
            f'<a href="/author/{slugify(s.authors[0])}">{esc(s.authors[0])}</a>, {role}</span><br>'
            f'<span class="reviewer">Medically reviewed by <a href="/experts/{slugify(reviewer)}">{esc(reviewer)}'
            f'</a></span></div>{dates}<div class="content">{body_html(s)}</div>'
            f'<div class="sources"><h4>Sources</h4><ol><li>Journal of Sleep Research, '
            f'{s.published.year - 1}.</li></ol></div></article>'
            + related(rng, s, HEADLINES["en"], "You might also like", dated=False)
            + footer(site, s.modified.year, "This content is not medical advice."))
    return url, document("en", head, body), gold(s, published=s.published.date())


def metro_ledger(rng, pool, n):
    """A wire-heavy site: most stories by an agency or "Staff" (no person), meta author = the site,
    JSON-LD author an Organization; "Site - Headline" titles; kicker date above the headline."""
    site = "Metro Ledger"
    person_byline = n in (2, 5)
    s = story(rng, "en", pool, n_authors=1 if person_byline else 0)
    url = f"https://metroledger.net/news/{s.published:%Y%m%d}-{s.slug}" if n % 2 else \
        f"https://metroledger.net/{s.slug}-{rng.randrange(10**6, 10**7)}"
    byline = (f'<p class="byline">By <span class="name">{esc(s.authors[0])}</span> | Metro Ledger</p>'
              if person_byline else
              f'<p class="byline">{rng.choice(["By Associated Wire Service", "Staff report", "From wire reports"])}'
              f'</p>')
    author_ld = ({"@type": "Person", "name": s.authors[0]} if person_byline else
                 {"@type": "Organization", "name": rng.choice([site, "Associated Wire Service"])})
    head = [f"<title>{site} - {esc(s.headline)}</title>", meta("author", site, "name"),
            jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
                    "author": author_ld, "datePublished": iso(s.published, "-06:00")}) if n != 3 else "",
            meta("og:title", s.headline) if n % 3 else ""]
    kicker = f'<div class="kicker-date">{long_date(s.published.date(), "en", weekday=True).upper()}</div>'
    body = (f'<header><div class="logo">{site}</div>{nav(["News", "Nation", "World", "Sports"])}</header>'
            f'<div class="page"><article>{kicker}<h1>{esc(s.headline)}</h1>{byline}'
            f'{body_html(s)}<p class="copyright">Copyright {s.published.year} Metro Ledger. All rights reserved. '
            f'This material may not be published, broadcast, rewritten or redistributed.</p></article>'
            + related(rng, s, HEADLINES["en"], "Latest") + "</div>" + footer(site, 2026))
    return url, document("en", head, body), gold(s)


def rhein_post(rng, pool, n):
    """A German regional daily: "Von Jonas Weber, dpa", "Headline – Rheinische Abendpost", a kicker (Dachzeile)
    inside the h1, "3. März 2024, 14:05 Uhr" and "Aktualisiert" next to it; meta times on most pages."""
    site = "Rheinische Abendpost"
    s = story(rng, "de", pool, n_authors=rng.choice([1, 1, 2]))
    kicker = rng.choice(["Verkehr", "Kommunalpolitik", "Umwelt", "Wirtschaft", "Region"])
    agency = n % 2 == 0
    names = " und ".join(s.authors)
    byline = f"Von {names}, dpa" if agency else f"Von {names}"
    url = f"https://www.rheinische-abendpost.de/region/{slugify(kicker)}/{s.slug}-{rng.randrange(10**7, 10**8)}.html"
    upd = f'<span class="upd">Aktualisiert: {long_date(s.modified.date(), "de")}, {hhmm(s.modified, "de")} Uhr</span>'
    head = [f"<title>{esc(kicker)}: {esc(s.headline)} – {site}</title>",
            meta("og:title", f"{kicker}: {s.headline}"),
            meta("article:published_time", iso(s.published)) if n not in (3, 6) else "",
            meta("article:modified_time", iso(s.modified)),
            meta("author", f"{names}, dpa" if agency else names, "name") if n % 3 else ""]
    body = (f'<header><a href="/"><img src="/logo.png" alt="{site}"></a>'
            f'{nav(["Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Abo"])}</header>'
            f'<main><article><h1><span class="dachzeile">{esc(kicker)}</span> '
            f'<span class="titel">{esc(s.headline)}</span></h1>'
            f'<div class="meta"><span class="autor">{esc(byline)}</span> | <time datetime="{iso(s.published)}">'
            f'{long_date(s.published.date(), "de")}, {hhmm(s.published, "de")} Uhr</time> {upd}</div>'
            f'<p class="teaser"><strong>{esc(s.paragraphs[0])}</strong></p>'
            f'{body_html(s, 1)}</article>' + related(rng, s, HEADLINES["de"], "Mehr aus der Region")
            + comments(rng, s, "Kommentare") + "</main>" + footer(site, s.published.year))
    return url, document("de", head, body), gold(s)


def alpenblick(rng, pool, n):
    """An Austrian online paper: numeric datelines "03.03.2024, 14:05", only dateModified in JSON-LD, a URL
    with the day of the last update, the author split over spans, an optional "Foto:" credit."""
    site = "Alpenblick Online"
    s = story(rng, "de", pool)
    first, last = s.authors[0].split(" ", 1)
    url = f"https://alpenblick.at/{s.modified:%Y/%m/%d}/{s.slug}" if n % 2 else \
        f"https://alpenblick.at/chronik/{s.slug}.a{rng.randrange(10**5, 10**6)}"
    ld = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": s.headline,
          "dateModified": iso(s.modified), "author": [{"@type": "Person", "name": s.authors[0]}]}
    if n in (0, 4):
        ld["datePublished"] = iso(s.published)
    if n == 5:  # nothing declared at all
        ld = None
    head = [f"<title>{esc(s.headline)} | {site}</title>", jsonld(ld) if ld else "",
            meta("og:title", s.headline.split(":")[-1].strip()) if n % 3 == 0 else ""]
    stamp = (f'<div class="datum">{num_date(s.published.date(), "de")}, {hhmm(s.published, "de")}'
             + (f' <em>(Update: {num_date(s.modified.date(), "de")}, {hhmm(s.modified, "de")})</em>'
                if s.modified > s.published + dt.timedelta(hours=2) else "") + "</div>")
    credit = f'<p class="foto">Foto: {esc(s.extra_people[0])}</p>' if n % 2 == 0 else ""
    body = (f'<div id="top"><h1 id="logo"><a href="/">{site}</a></h1>{nav(["Chronik", "Politik", "Sport"])}'
            f'</div><div id="content"><div class="article">{stamp}<h1 class="title">{esc(s.headline)}</h1>'
            f'<div class="author"><span class="vorname">{esc(first)}</span> <span class="nachname">{esc(last)}'
            f'</span></div>{credit}{body_html(s)}</div>'
            + related(rng, s, HEADLINES["de"], "Das könnte Sie auch interessieren") + "</div>"
            + footer(site, 2026, "Alle Rechte vorbehalten."))
    return url, document("de", head, body), gold(s)


def courrier_rhone(rng, pool, n):
    """A French regional daily: "Par Éric Lambert (avec AFP)", "Publié le 3 mars 2024 à 14h05, mis à jour le
    4 mars", "Headline - Le Courrier du Rhône", AFP-only stories with no person, comments at the bottom."""
    site = "Le Courrier du Rhône"
    afp_only = n in (3, 6)
    s = story(rng, "fr", pool, n_authors=0 if afp_only else rng.choice([1, 1, 2]))
    names = " et ".join(s.authors)
    byline = "La rédaction avec AFP" if afp_only else (f"Par {names} (avec AFP)" if n % 2 else f"Par {names}")
    url = f"https://www.courrier-rhone.fr/{rng.choice(['lyon', 'region', 'societe'])}/{s.slug}_{n + 4711}"
    upd = (f", mis à jour le {long_date(s.modified.date(), 'fr')} à {hhmm(s.modified, 'fr')}"
           if s.modified.date() != s.published.date() else "")
    head = [f"<title>{esc(s.headline)} - {site}</title>", meta("og:title", s.headline),
            meta("article:published_time", iso(s.published)) if n % 3 else "",
            meta("article:modified_time", iso(s.modified)),
            meta("author", "Le Courrier du Rhône" if afp_only or n == 4 else names, "name"),
            jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.headline,
                    "author": ({"@type": "Organization", "name": "AFP"} if afp_only else
                               [{"@type": "Person", "name": a} for a in s.authors]),
                    "dateModified": iso(s.modified)}) if n % 2 else ""]
    body = (f'<header class="site"><div class="logo">{site}</div>{nav(["Lyon", "Région", "Sports", "Culture"])}'
            f'</header><main><article><p class="surtitre">{rng.choice(["Société", "Environnement"])}</p>'
            f'<h1>{esc(s.headline)}</h1><p class="chapo">{esc(s.paragraphs[0])}</p>'
            f'<div class="signature">{esc(byline)}</div>'
            f'<p class="date">Publié le {long_date(s.published.date(), "fr")} à {hhmm(s.published, "fr")}{upd}</p>'
            f'{body_html(s, 1)}</article>'
            + related(rng, s, HEADLINES["fr"], "À lire aussi") + comments(rng, s, "Réactions")
            + "</main>" + footer(site, 2026, "Tous droits réservés."))
    return url, document("fr", head, body), gold(s)


PUBLICATIONS = [("harbor-courier", "en", harbor_courier), ("wellnest", "en", wellnest),
                ("metro-ledger", "en", metro_ledger), ("rhein-post", "de", rhein_post),
                ("alpenblick", "de", alpenblick), ("courrier-rhone", "fr", courrier_rhone)]
