"""Held-out fresh news sites, batch B.

Two static news sites written blind, as evidence about boilerplate removal on markup nobody tuned on:

* ``b-observador`` - "Observador Ibérico", a legacy table-and-font-tag cross-border daily (Portuguese and
  Spanish pages from the same template); the membership appeal sits *after* the story body.
* ``b-nordposten`` - "Nordposten", a modern BEM / data-attribute CMS with Swedish, English and Italian
  editions; the membership appeal sits *inside* the story body after the second or third paragraph.

``build(out)`` writes both sites under ``out`` (one folder per site) and returns their names.  Every
absolute URL uses the ``__BASE__`` placeholder, which the server replaces at serve time.  Each site
folder carries ``site.json`` with the gold story / boilerplate blocks of every article-like page.
"""

from __future__ import annotations

import html
import json
import pathlib
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

BASE = "__BASE__"
LINK_RE = re.compile(r"\[([^\]]+)\]")


# ---------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------


def squash(text: str) -> str:
    return " ".join(text.split())


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def plain(text: str) -> str:
    """Visible text of a prose string (``[link text]`` markers removed)."""
    return squash(LINK_RE.sub(r"\1", text))


def rich(text: str, href: str) -> str:
    """HTML for a prose string; ``[link text]`` becomes an inline link to ``href``."""
    return LINK_RE.sub(lambda m: f'<a href="{href}">{m.group(1)}</a>', esc(squash(text)))


def slugify(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", norm).strip("-")


def tz_offset(lang: str, date: str) -> str:
    summer = 4 <= int(date[5:7]) <= 10
    if lang == "pt":
        return "+01:00" if summer else "+00:00"
    return "+02:00" if summer else "+01:00"


def iso_time(art: Article) -> str:
    return f"{art.date}T{art.time}:00{tz_offset(art.lang, art.date)}"


def as_datetime(art: Article) -> datetime:
    off = tz_offset(art.lang, art.date)
    tz = timezone(timedelta(hours=int(off[1:3])) * (1 if off[0] == "+" else -1))
    return datetime.fromisoformat(f"{art.date}T{art.time}:00").replace(tzinfo=tz)


MONTHS = {
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "en": "January February March April May June July August September October November December",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}


def long_date(lang: str, date: str) -> str:
    y, m, d = date.split("-")
    month = MONTHS[lang].split()[int(m) - 1]
    if lang in ("pt", "es"):
        return f"{int(d)} de {month} de {y}"
    return f"{int(d)} {month} {y}"


@dataclass
class Article:
    slug: str
    lang: str
    title: str
    authors: list[str]
    date: str
    time: str
    section: str
    tags: list[str]
    blocks: list[tuple]
    kind: str = "article"
    partner: str = ""
    path: str = ""


def parse_articles(text: str) -> list[Article]:
    """Parse the small article mini-format used for the prose below.

    Header ``key: value`` lines, ``---``, then blank-line separated blocks: ``## h2``, ``> quote``,
    ``- list item`` lines, ``! caption || credit`` (photo) or a plain paragraph.
    """
    arts = []
    for chunk in text.split("\n====\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        head, _, body = chunk.partition("\n---\n")
        meta = {}
        for line in head.splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        blocks: list[tuple] = []
        for raw in re.split(r"\n\s*\n", body.strip()):
            lines = [ln.strip() for ln in raw.strip().splitlines()]
            joined = " ".join(lines)
            if joined.startswith("## "):
                blocks.append(("h2", squash(joined[3:])))
            elif joined.startswith("> "):
                blocks.append(("quote", squash(" ".join(ln.removeprefix("> ") for ln in lines))))
            elif joined.startswith("- "):
                blocks.append(("ul", [squash(ln[2:]) for ln in lines]))
            elif joined.startswith("! "):
                caption, _, credit = joined[2:].partition(" || ")
                blocks.append(("fig", squash(caption), squash(credit)))
            else:
                blocks.append(("p", squash(joined)))
        date, _, clock = meta["date"].partition(" ")
        arts.append(
            Article(
                slug=meta["slug"],
                lang=meta["lang"],
                title=meta["title"],
                authors=[a.strip() for a in meta["authors"].split(";")],
                date=date,
                time=clock,
                section=meta["section"],
                tags=[t.strip() for t in meta["tags"].split(",")],
                blocks=blocks,
                kind=meta.get("kind", "article"),
                partner=meta.get("partner", ""),
            )
        )
    return arts


class Gold:
    """Records the gold blocks of one page while its HTML is produced."""

    def __init__(self) -> None:
        self.story: list[str] = []
        self.boilerplate: list[dict[str, str]] = []

    def s(self, text: str, href: str = "/") -> str:
        self.story.append(plain(text))
        return rich(text, href)

    def b(self, kind: str, text: str) -> str:
        self.boilerplate.append({"kind": kind, "text": squash(text)})
        return esc(squash(text))


def write(root: pathlib.Path, path: str, text: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def gold_entry(art: Article, g: Gold) -> dict:
    return {
        "kind": art.kind,
        "language": art.lang,
        "title": art.title,
        "author": art.authors,
        "published": art.date,
        "story": g.story,
        "boilerplate": g.boilerplate,
    }


def neighbours(items: list[Article], idx: int, count: int, step: int = 1) -> list[Article]:
    """``count`` other articles, walking from ``idx`` in strides of ``step`` (then filling up one by one)."""
    order = [(idx + step * k) % len(items) for k in range(1, len(items))]
    order += [(idx + k) % len(items) for k in range(1, len(items))]
    out: list[Article] = []
    for k in order:
        if k != idx and items[k] not in out:
            out.append(items[k])
    return out[:count]


# ---------------------------------------------------------------------------------------------------------
# site 1: Observador Ibérico (legacy tables + font tags), pt / es
# ---------------------------------------------------------------------------------------------------------

OBS_NAME = "b-observador"
OBS_PUB = "Observador Ibérico"

OBS_UI: dict[str, dict] = {
    "pt": {
        "front": "/index.html",
        "secdir": "/seccao/",
        "tagdir": "/etiqueta/",
        "home": "Início",
        "sections": {"regiao": "Região", "economia": "Economia", "sociedade": "Sociedade", "cultura": "Cultura"},
        "galleries": "Fotogalerias",
        "other": ("Edición en español", "/es/index.html"),
        "cookie": (
            "Utilizamos cookies próprios e de terceiros para medir audiências e mostrar publicidade adaptada "
            "aos seus interesses. Pode aceitar, recusar ou configurar a sua utilização a qualquer momento.",
            ["Aceitar todos", "Configurar cookies"],
        ),
        "share": ["Partilhar no Facebook", "Partilhar no X", "Enviar por e-mail", "Imprimir"],
        "tags": "Etiquetas:",
        "related": "Leia também:",
        "comments": "{n} comentários",
        "latest": "Últimas notícias",
        "newsletter": (
            "A newsletter da manhã",
            "Todos os dias às 7h, as notícias do Minho e da Galiza que precisa de saber antes de sair de casa.",
            "Subscrever",
        ),
        "footer": (
            "© 2025 Observador Ibérico – Edições Transfronteiriças, Lda. Todos os direitos reservados.",
            ["Estatuto editorial", "Ficha técnica", "Política de privacidade", "Contactos", "Publicidade"],
        ),
        "by": "Por",
        "and": "e",
        "appeals": [
            (
                "O jornalismo independente precisa do seu apoio",
                [
                    "Há mais de trinta anos que contamos o que se passa dos dois lados do Minho sem depender de "
                    "grupos económicos nem de favores políticos.",
                    "Hoje são os leitores que garantem essa independência. Qualquer valor conta.",
                ],
                "Quero apoiar",
            ),
            (
                "Torne-se assinante a partir de 3 € por mês",
                [
                    "Acesso ilimitado a todas as reportagens, a edição digital às 6h da manhã e uma leitura sem "
                    "publicidade intrusiva. Cancele quando quiser, sem fidelização."
                ],
                "Ver planos de assinatura",
            ),
            (
                "Uma reportagem destas custa dinheiro",
                [
                    "Cada trabalho publicado exige horas de estrada, telefonemas e verificação. Os leitores que "
                    "pagam mantêm o Observador Ibérico aberto para todos."
                ],
                "Juntar-me aos leitores pagantes",
            ),
        ],
    },
    "es": {
        "front": "/es/index.html",
        "secdir": "/seccion/",
        "tagdir": "/es/etiqueta/",
        "home": "Portada",
        "sections": {"actualidad": "Actualidad", "economia": "Economía", "sociedad": "Sociedad", "cultura": "Cultura"},
        "galleries": "Fotogalerías",
        "other": ("Edição em português", "/index.html"),
        "cookie": (
            "Usamos cookies propias y de terceros para analizar el tráfico y mostrarle publicidad personalizada. "
            "Puede aceptarlas, rechazarlas o configurar su uso en cualquier momento.",
            ["Aceptar todas", "Configurar cookies"],
        ),
        "share": ["Compartir en Facebook", "Compartir en X", "Enviar por correo", "Imprimir"],
        "tags": "Etiquetas:",
        "related": "Lea también:",
        "comments": "{n} comentarios",
        "latest": "Últimas noticias",
        "newsletter": (
            "El boletín de la mañana",
            "Cada día a las 7.00, las noticias de Galicia y del norte de Portugal que necesita saber antes de "
            "salir de casa.",
            "Suscribirme",
        ),
        "footer": (
            "© 2025 Observador Ibérico – Ediciones Transfronterizas. Todos los derechos reservados.",
            ["Estatuto editorial", "Quiénes somos", "Política de privacidad", "Contacto", "Publicidad"],
        ),
        "by": "Por",
        "and": "y",
        "appeals": [
            (
                "Apoya el periodismo de proximidad",
                [
                    "Tu contribución, por pequeña que sea, nos permite seguir contando lo que pasa a ambos lados "
                    "de la frontera con rigor y sin ataduras."
                ],
                "Contribuir ahora",
            ),
            (
                "Hazte socio desde 3 € al mes",
                [
                    "Los socios leen sin límites, reciben la edición del domingo en PDF y pueden participar en los "
                    "encuentros mensuales con la redacción."
                ],
                "Quiero ser socio",
            ),
            (
                "El periodismo así cuesta dinero",
                [
                    "Lectores como tú hacen que siga siendo gratuito para todo el mundo.",
                    "Con una suscripción anual pagas menos de lo que cuesta un café a la semana.",
                ],
                "Elegir mi plan",
            ),
        ],
    },
}


def obs_path(art: Article) -> str:
    folder = "fotogalerias" if art.kind == "gallery" else "noticias"
    return f"/{folder}/{art.slug}.html"


def obs_head(lang: str, title: str, extra: str = "") -> str:
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n'
        f'<html lang="{lang}">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        f"<title>{esc(title)} | {OBS_PUB}</title>\n"
        f"{extra}"
        '<link rel="stylesheet" type="text/css" href="/css/estilo.css?v=2009">\n'
        f'<link rel="alternate" type="application/rss+xml" title="{OBS_PUB}" href="{BASE}/feed.xml">\n'
        '<script type="text/javascript" src="/js/comum.js"></script>\n'
        "</head>\n"
        '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">\n'
    )


def obs_top(ui: dict, g: Gold) -> str:
    text, buttons = ui["cookie"]
    cookie = (
        '<div id="avisoCookies" style="background:#222222;color:#FFFFFF;padding:8px">\n'
        f'<font face="Verdana" size="1">{g.b("cookie", text)}</font>\n'
        f'<a href="#" class="bt-cookie" onclick="aceitaCookies();return false;">{g.b("cookie", buttons[0])}</a>\n'
        f'<a href="/privacidade.html" class="bt-cookie">{g.b("cookie", buttons[1])}</a>\n'
        "</div>\n"
    )
    items = [(ui["home"], ui["front"])]
    items += [(label, f"{ui['secdir']}{slug}.html") for slug, label in ui["sections"].items()]
    items += [(ui["galleries"], f"{ui['secdir']}fotogalerias.html"), ui["other"]]
    links = " &nbsp;|&nbsp; ".join(
        f'<a href="{href}" class="menu"><font color="#FFFFFF">{g.b("nav", label)}</font></a>' for label, href in items
    )
    return (
        cookie
        + '<table width="970" border="0" cellspacing="0" cellpadding="0" align="center" id="pagina">\n'
        + f'<tr><td colspan="3" height="90" valign="middle"><a href="{ui["front"]}">'
        + '<img src="/img/logo_oi.gif" width="320" height="64" border="0" alt=""></a></td></tr>\n'
        + '<tr><td colspan="3" bgcolor="#1F3A5F" height="28" class="menu">'
        + f'<font face="Arial, Helvetica" size="2"><b>{links}</b></font></td></tr>\n'
        + '<tr>\n<td width="640" valign="top">\n'
    )


def obs_side(ui: dict, g: Gold, latest: list[Article]) -> str:
    items = "\n".join(f'<li><a href="{a.path}">{g.b("latest", a.title)}</a></li>' for a in latest)
    head, text, button = ui["newsletter"]
    return (
        '</td>\n<td width="20"><img src="/img/px.gif" width="20" height="1" alt=""></td>\n'
        '<td width="310" valign="top" bgcolor="#F4F4F4" class="lateral">\n'
        '<table width="100%" cellpadding="6" cellspacing="0" class="caixa-ultimas">\n'
        f'<tr><td bgcolor="#1F3A5F"><font color="#FFFFFF" face="Arial" size="2"><b>{g.b("latest", ui["latest"])}'
        "</b></font></td></tr>\n"
        f'<tr><td><ul class="lista-ultimas">\n{items}\n</ul></td></tr>\n</table>\n<br>\n'
        '<form class="caixa-newsletter" action="/newsletter/subscrever.php" method="post">\n'
        '<table width="100%" cellpadding="6" cellspacing="0" bgcolor="#E8EEF5"><tr><td>\n'
        f'<h4><font face="Georgia">{g.b("newsletter", head)}</font></h4>\n'
        f'<p><font size="2">{g.b("newsletter", text)}</font></p>\n'
        '<input type="text" name="email" size="24"> '
        f'<button type="submit" class="bt-news">{g.b("newsletter", button)}</button>\n'
        "</td></tr></table>\n</form>\n</td>\n</tr>\n"
    )


def obs_bottom(ui: dict, g: Gold) -> str:
    legal, links = ui["footer"]
    row = " | ".join(f'<a href="/institucional/{slugify(x)}.html">{g.b("footer", x)}</a>' for x in links)
    return (
        '<tr><td colspan="3" id="rodape" bgcolor="#DDDDDD" align="center">\n'
        f'<font face="Verdana" size="1">{row}<br>\n{g.b("footer", legal)}</font>\n'
        "</td></tr>\n</table>\n</body>\n</html>\n"
    )


def obs_body_blocks(blocks: list[tuple], g: Gold, href: str) -> str:
    out = []
    for block in blocks:
        kind = block[0]
        if kind == "p":
            out.append(f'<p><font face="Georgia, Times New Roman" size="3">{g.s(block[1], href)}</font></p>')
        elif kind == "h2":
            out.append(f'<h2 class="intertitulo">{g.s(block[1])}</h2>')
        elif kind == "quote":
            out.append(f'<blockquote class="citacao"><p><i>{g.s(block[1])}</i></p></blockquote>')
        elif kind == "ul":
            out.append('<ul class="lista">' + "".join(f"<li>{g.s(x)}</li>" for x in block[1]) + "</ul>")
        elif kind == "fig":
            out.append(
                '<table class="foto" align="center" width="600" cellpadding="0" cellspacing="0">'
                f'<tr><td><img src="/fotos/{slugify(block[1])[:40]}.jpg" width="600" height="380" alt=""></td></tr>'
                f'<tr><td class="legenda"><font size="1">{g.s(block[1])} '
                f'<i class="credito">{g.b("credit", block[2])}</i></font></td></tr></table>'
            )
    return "\n".join(out)


def obs_gallery_blocks(art: Article, g: Gold) -> str:
    out = []
    photos = [b for b in art.blocks if b[0] == "fig"]
    for block in art.blocks:
        if block[0] == "p":
            out.append(f'<p class="entrada"><font face="Georgia" size="3">{g.s(block[1])}</font></p>')
    rows = []
    for k, (_, caption, credit) in enumerate(photos, 1):
        rows.append(
            f'<tr><td align="center"><a name="foto{k}"></a>'
            f'<img src="/fotos/{art.slug}-{k:02d}.jpg" width="620" height="414" alt=""></td></tr>\n'
            f'<tr><td class="legenda"><font size="2">{g.s(caption)}</font><br>'
            f'<font size="1" color="#666666">{g.b("credit", credit)}</font></td></tr>'
        )
    out.append('<table class="galeria" width="100%" cellpadding="4" cellspacing="0">\n' + "\n".join(rows) + "</table>")
    return "\n".join(out)


def obs_article(art: Article, ui: dict, same_lang: list[Article], idx: int, rng: random.Random) -> tuple[str, Gold]:
    g = Gold()
    authors = f" {ui['and']} ".join(f"<b>{esc(a)}</b>" for a in art.authors)
    extra = (
        f'<meta name="author" content="{esc(", ".join(art.authors))}">\n'
        f'<meta name="keywords" content="{esc(", ".join(art.tags))}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{esc(art.title)}">\n'
        f'<meta property="og:url" content="{BASE}{art.path}">\n'
        f'<meta property="og:site_name" content="{OBS_PUB}">\n'
        f'<meta property="article:published_time" content="{iso_time(art)}">\n'
        f'<meta property="article:section" content="{esc(ui["sections"][art.section])}">\n'
        f'<link rel="canonical" href="{BASE}{art.path}">\n'
    )
    page = obs_head(art.lang, art.title, extra) + obs_top(ui, g)
    sec_href = f"{ui['secdir']}{art.section}.html"
    y, m, d = art.date.split("-")
    stamp = f"{d}/{m}/{y} - {art.time.replace(':', 'h') if art.lang == 'pt' else art.time}"
    share = "".join(
        f'<td><a href="#" class="partilha" onclick="partilhar(\'{slugify(s)}\');return false;">'
        f"{g.b('share', s)}</a></td>"
        for s in ui["share"]
    )
    parts = [
        '<div id="content">',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="migalhas">'
        f'<font face="Verdana" size="1"><a href="{ui["front"]}">{g.b("nav", ui["home"])}</a> &raquo; '
        f'<a href="{sec_href}">{g.b("nav", ui["sections"][art.section])}</a></font></td></tr></table>',
        f'<h1 class="titulo"><font face="Georgia, Times New Roman">{esc(art.title)}</font></h1>',
        f'<p class="assina"><font face="Verdana" size="1">{ui["by"]} {authors} &middot; {stamp}</font></p>',
        f'<table class="partilhar" cellpadding="2" cellspacing="0"><tr>{share}</tr></table>',
        '<div class="corpo">',
        obs_gallery_blocks(art, g) if art.kind == "gallery" else obs_body_blocks(art.blocks, g, sec_href),
        "</div>",
    ]
    heading, paras, button = ui["appeals"][idx % 3]
    parts.append(
        '<table class="caixa-assinante" width="100%" bgcolor="#FFF4D6" cellpadding="12" cellspacing="0"><tr><td>\n'
        f'<h3><font color="#8B0000" face="Georgia">{g.b("appeal-heading", heading)}</font></h3>\n'
        + "".join(f'<p><font size="2">{g.b("appeal", p)}</font></p>\n' for p in paras)
        + f'<p align="center"><a href="/assinaturas.html" class="botao"><b>{g.b("appeal-button", button)}</b></a></p>'
        "\n</td></tr></table>"
    )
    tag_links = " ".join(f'<a href="{ui["tagdir"]}{slugify(t)}.html">{g.b("tags", "#" + t)}</a>' for t in art.tags)
    parts.append(f'<div class="etiquetas"><font size="1"><b>{g.b("tags", ui["tags"])}</b> {tag_links}</font></div>')
    if idx % 2 == 0:
        other = neighbours(same_lang, idx, 1, step=3)[0]
        line = f"{ui['related']} {other.title}"
        g.boilerplate.append({"kind": "related", "text": line})
        parts.append(
            f'<p class="leia-tambem"><font size="2"><b>{esc(ui["related"])}</b> '
            f'<a href="{other.path}">{esc(other.title)}</a></font></p>'
        )
    if idx % 3 != 2:
        count = ui["comments"].format(n=rng.randint(3, 140))
        parts.append(
            '<p class="comentarios"><img src="/img/balao.gif" width="12" height="11" alt=""> '
            f'<a href="#comentarios">{g.b("comments", count)}</a></p>'
        )
    parts.append("</div>")
    page += "\n".join(parts) + "\n"
    page += obs_side(ui, g, neighbours(same_lang, idx, 5)) + obs_bottom(ui, g)
    return page, g


def obs_listing(lang: str, title: str, items: list[Article], latest: list[Article], intro: str = "") -> str:
    ui = OBS_UI[lang]
    g = Gold()
    rows = "\n".join(
        f'<tr><td class="manchete"><font size="1" color="#990000">{esc(ui["sections"][a.section])} &middot; '
        f"{esc(long_date(lang, a.date))}</font><br>"
        f'<a href="{a.path}"><font face="Georgia" size="3"><b>{esc(a.title)}</b></font></a></td></tr>'
        for a in items
    )
    content = (
        f'<div id="content">\n<h1 class="titulo-seccao">{esc(title)}</h1>\n'
        + (f'<p><font size="2">{esc(intro)}</font></p>\n' if intro else "")
        + f'<table width="100%" cellpadding="6" cellspacing="0" class="lista-noticias">\n{rows}\n</table>\n</div>\n'
    )
    return obs_head(lang, title) + obs_top(ui, g) + content + obs_side(ui, g, latest) + obs_bottom(ui, g)


def build_observador(root: pathlib.Path) -> str:
    arts = parse_articles(OBS_TEXT)
    rng = random.Random(4242)
    for a in arts:
        a.path = obs_path(a)
    pages: dict[str, dict] = {}
    by_lang = {lang: [a for a in arts if a.lang == lang] for lang in ("pt", "es")}
    for lang, items in by_lang.items():
        ui = OBS_UI[lang]
        for idx, art in enumerate(items):
            page, g = obs_article(art, ui, items, idx, rng)
            write(root, art.path, page)
            pages[art.path] = gold_entry(art, g)
        newest = sorted(items, key=lambda a: a.date, reverse=True)
        front_title = {"pt": "Notícias do Minho e da Galiza", "es": "Noticias de Galicia y el norte de Portugal"}
        write(root, ui["front"], obs_listing(lang, front_title[lang], newest, newest[:5]))
        for slug, label in ui["sections"].items():
            sec = [a for a in newest if a.section == slug and a.kind == "article"]
            write(root, f"{ui['secdir']}{slug}.html", obs_listing(lang, label, sec, newest[:5]))
        gal = [a for a in newest if a.kind == "gallery"]
        write(root, f"{ui['secdir']}fotogalerias.html", obs_listing(lang, ui["galleries"], gal, newest[:5]))
        for tag in sorted({t for a in items for t in a.tags}):
            tagged = [a for a in newest if tag in a.tags]
            write(root, f"{ui['tagdir']}{slugify(tag)}.html", obs_listing(lang, "#" + tag, tagged, newest[:5]))
        info_intro = {
            "pt": "Esta página está a ser atualizada. Para qualquer questão, escreva para a redação.",
            "es": "Esta página se está actualizando. Para cualquier consulta, escriba a la redacción.",
        }[lang]
        for label in ui["footer"][1]:
            write(root, f"/institucional/{slugify(label)}.html", obs_listing(lang, label, [], newest[:5], info_intro))
        if lang == "pt":
            write(root, "/privacidade.html", obs_listing(lang, "Privacidade e cookies", [], newest[:5], info_intro))
            write(root, "/assinaturas.html", obs_listing(lang, "Assinaturas", [], newest[:5], info_intro))
    newest_all = sorted(arts, key=lambda a: (a.date, a.time), reverse=True)
    urls = "\n".join(
        f"  <url>\n    <loc>{BASE}{a.path}</loc>\n"
        f"    <lastmod>{(datetime.fromisoformat(a.date) + timedelta(days=i % 4)).date().isoformat()}</lastmod>\n"
        "    <changefreq>monthly</changefreq>\n  </url>"
        for i, a in enumerate(newest_all)
    )
    write(
        root,
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n',
    )
    items_xml = "\n".join(
        "<item>\n"
        f"  <title>{esc(a.title)}</title>\n  <link>{BASE}{a.path}</link>\n"
        f'  <guid isPermaLink="true">{BASE}{a.path}</guid>\n'
        f"  <pubDate>{format_datetime(as_datetime(a))}</pubDate>\n"
        + "".join(f"  <dc:creator>{esc(x)}</dc:creator>\n" for x in a.authors)
        + f"  <category>{esc(OBS_UI[a.lang]['sections'][a.section])}</category>\n</item>"
        for a in newest_all
    )
    write(
        root,
        "/feed.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{OBS_PUB}</title>\n<link>{BASE}/index.html</link>\n"
        "<description>Notícias do Minho e da Galiza / Noticias de Galicia y el norte de Portugal</description>\n"
        "<language>pt</language>\n"
        f"<lastBuildDate>{format_datetime(as_datetime(newest_all[0]))}</lastBuildDate>\n"
        f"{items_xml}\n</channel>\n</rss>\n",
    )
    write(
        root,
        "/robots.txt",
        f"User-agent: *\nDisallow: /pesquisa/\nDisallow: /newsletter/\n\nSitemap: {BASE}/sitemap.xml\n",
    )
    site = {
        "name": OBS_NAME,
        "languages": ["pt", "es"],
        "sitemap": "/sitemap.xml",
        "feed": "/feed.xml",
        "article_url_regex": r"^/(noticias|fotogalerias)/[a-z0-9-]+\.html$",
        "pages": pages,
    }
    write(root, "/site.json", json.dumps(site, ensure_ascii=False, indent=1) + "\n")
    return OBS_NAME


# ---------------------------------------------------------------------------------------------------------
# site 2: Nordposten (modern BEM CMS), sv / en / it
# ---------------------------------------------------------------------------------------------------------

NP_NAME = "b-nordposten"
NP_PUB = "Nordposten"

NP_UI: dict[str, dict] = {
    "sv": {
        "front": "/index.html",
        "sec": "nyheter",
        "topicdir": "/sv/amne/",
        "skip": "Hoppa till huvudinnehållet",
        "nav": ["Start", "Nyheter", "Klimat", "Ekonomi", "Kultur", "Debatt"],
        "by": "Av",
        "and": "och",
        "share": ["Dela på Facebook", "Dela på LinkedIn", "Kopiera länk"],
        "readalso": "Läs också:",
        "related": "Mer om ämnet",
        "comments": "Visa {n} kommentarer",
        "mostread": "Mest läst",
        "newsletter": (
            "Morgonbrevet",
            "Dagens viktigaste nyheter i din inkorg varje vardag klockan 6.30.",
            "Prenumerera",
        ),
        "cookie": (
            "Vi använder kakor för att webbplatsen ska fungera, för att analysera trafiken och för att visa "
            "relevanta annonser.",
            ["Godkänn alla", "Endast nödvändiga"],
        ),
        "footer": (
            "Nordposten AB · Ansvarig utgivare: Karin Ek · Org.nr 556123-4567",
            ["Om Nordposten", "Kontakta redaktionen", "Integritetspolicy", "Cookieinställningar", "Annonsera"],
        ),
        "partner": "Den här artikeln publicerades ursprungligen av {p} och återpubliceras med tillstånd.",
        "front_title": "Nyheter från hela Norden",
        "appeals": [
            (
                "Stöd oberoende journalistik",
                [
                    "Nordposten ägs av en stiftelse och har inga aktieägare att ta hänsyn till. Varje bidrag går "
                    "direkt till redaktionens arbete."
                ],
                "Stöd Nordposten",
            ),
            (
                "Bli medlem från 39 kr i månaden",
                [
                    "Som medlem får du morgonbrevet före alla andra, obegränsad läsning i appen och inbjudningar "
                    "till redaktionens öppna möten."
                ],
                "Bli medlem",
            ),
            (
                "Journalistik som den här kostar pengar",
                [
                    "Läsare som du håller den fri för alla.",
                    "En liten del av våra läsare betalar i dag för nästan hela redaktionens arbete – vill du vara "
                    "en av dem?",
                ],
                "Gå med i dag",
            ),
        ],
    },
    "en": {
        "front": "/en/index.html",
        "sec": "news",
        "topicdir": "/en/topic/",
        "skip": "Skip to main content",
        "nav": ["Home", "News", "Climate", "Business", "Culture", "Opinion"],
        "by": "By",
        "and": "and",
        "share": ["Share on Facebook", "Share on LinkedIn", "Copy link"],
        "readalso": "Read also:",
        "related": "More on this story",
        "comments": "Show {n} comments",
        "mostread": "Most read",
        "newsletter": (
            "The Morning Brief",
            "The day's essential Nordic news, in your inbox every weekday at 6.30.",
            "Sign up",
        ),
        "cookie": (
            "We use cookies to make this site work, to understand how it is used and to show you relevant advertising.",
            ["Accept all", "Necessary only"],
        ),
        "footer": (
            "Nordposten English edition · Editor: Paul Whitfield · © 2025 Nordposten AB",
            ["About us", "Contact the newsroom", "Privacy policy", "Cookie settings", "Advertise"],
        ),
        "partner": "This article was originally published by {p} and is republished here as part of a "
        "content-sharing partnership.",
        "front_title": "Nordic news in English",
        "appeals": [
            (
                "Support independent Nordic journalism",
                [
                    "Nordposten is owned by a foundation, not by shareholders. Every contribution goes straight "
                    "back into reporting."
                ],
                "Make a contribution",
            ),
            (
                "Become a member from €3 a month",
                [
                    "Members get the Morning Brief before anyone else, unlimited reading in the app and "
                    "invitations to our open newsroom evenings."
                ],
                "See membership options",
            ),
            (
                "Journalism like this costs money",
                [
                    "Readers like you keep it free for everyone.",
                    "A small share of our readers now pays for almost all of our reporting. Will you join them?",
                ],
                "Join today",
            ),
        ],
    },
    "it": {
        "front": "/it/index.html",
        "sec": "notizie",
        "topicdir": "/it/argomento/",
        "skip": "Vai al contenuto principale",
        "nav": ["Home", "Notizie", "Clima", "Economia", "Cultura", "Opinioni"],
        "by": "Di",
        "and": "e",
        "share": ["Condividi su Facebook", "Condividi su LinkedIn", "Copia link"],
        "readalso": "Leggi anche:",
        "related": "Approfondimenti",
        "comments": "Mostra {n} commenti",
        "mostread": "I più letti",
        "newsletter": (
            "La rassegna del mattino",
            "Le notizie essenziali della giornata nella tua casella di posta, ogni mattina alle 7.",
            "Iscriviti",
        ),
        "cookie": (
            "Utilizziamo i cookie per far funzionare il sito, analizzare il traffico e mostrarti pubblicità "
            "pertinente.",
            ["Accetta tutti", "Solo necessari"],
        ),
        "footer": (
            "Nordposten Italia · Direttrice responsabile: Laura Conti · © 2025 Nordposten AB",
            ["Chi siamo", "Contatta la redazione", "Informativa sulla privacy", "Impostazioni cookie", "Pubblicità"],
        ),
        "partner": "Questo articolo è stato pubblicato originariamente da {p} ed è ripubblicato nell'ambito di "
        "un accordo di collaborazione editoriale.",
        "front_title": "Le notizie di Nordposten Italia",
        "appeals": [
            (
                "Sostieni il giornalismo indipendente",
                [
                    "Nordposten appartiene a una fondazione e non ad azionisti. Ogni contributo torna direttamente "
                    "nel lavoro della redazione."
                ],
                "Fai una donazione",
            ),
            (
                "Diventa socio da 3 € al mese",
                [
                    "I soci ricevono la rassegna del mattino in anteprima, leggono senza limiti nell'app e sono "
                    "invitati alle serate aperte in redazione."
                ],
                "Scopri le formule",
            ),
            (
                "Un giornalismo così ha un costo",
                [
                    "Lettori come te lo rendono gratuito per tutti.",
                    "Oggi una piccola parte del nostro pubblico paga quasi tutto il lavoro della redazione: vuoi "
                    "farne parte anche tu?",
                ],
                "Unisciti a noi",
            ),
        ],
    },
}
NP_EDITIONS = [
    ("sv", "Svenska", "/index.html"),
    ("en", "English", "/en/index.html"),
    ("it", "Italiano", "/it/index.html"),
]


def np_path(art: Article) -> str:
    y, m, _ = art.date.split("-")
    return f"/{art.lang}/{NP_UI[art.lang]['sec']}/{y}/{m}/{art.slug}.html"


def np_clock(art: Article) -> str:
    hh, mm = art.time.split(":")
    day = long_date(art.lang, art.date)
    if art.lang == "sv":
        return f"{day} kl. {hh}.{mm}"
    if art.lang == "it":
        return f"{day}, ore {hh}:{mm}"
    return f"{day}, {hh}:{mm}"


def np_head(lang: str, title: str, extra: str, body_class: str) -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}" class="no-js" data-edition="{lang}">\n<head>\n'
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} | {NP_PUB}</title>\n{extra}"
        f'<link rel="alternate" type="application/atom+xml" title="{NP_PUB}" href="{BASE}/atom.xml">\n'
        '<link rel="stylesheet" href="/static/css/main.4f2a9c.css">\n'
        '<script defer src="/static/js/app.4f2a9c.js"></script>\n'
        f'</head>\n<body class="{body_class}" data-edition="{lang}">\n'
    )


def np_top(lang: str, g: Gold) -> str:
    ui = NP_UI[lang]
    sec_index = f"/{lang}/{ui['sec']}/index.html"
    hrefs = [ui["front"], sec_index] + [f"{sec_index}#{slugify(x)}" for x in ui["nav"][2:]]
    nav = "\n".join(
        f'      <li class="c-nav__item"><a class="c-nav__link" href="{h}">{g.b("nav", label)}</a></li>'
        for label, h in zip(ui["nav"], hrefs, strict=True)
    )
    editions = "\n".join(
        f'      <li class="c-edition-switch__item{" is-active" if code == lang else ""}">'
        f'<a class="c-edition-switch__link" hreflang="{code}" href="{h}">{g.b("nav", label)}</a></li>'
        for code, label, h in NP_EDITIONS
    )
    return (
        f'<a class="u-skip-link" href="#main">{g.b("nav", ui["skip"])}</a>\n'
        '<header class="c-masthead" data-component="masthead" data-sticky="true">\n'
        '  <div class="c-masthead__inner o-container">\n'
        f'    <a class="c-masthead__logo" href="{ui["front"]}">'
        '<img src="/static/img/nordposten.svg" alt="" width="180" height="32"></a>\n'
        f'    <nav class="c-nav" data-component="primary-nav">\n    <ul class="c-nav__list">\n{nav}\n    </ul>\n'
        f'    </nav>\n    <ul class="c-edition-switch">\n{editions}\n    </ul>\n  </div>\n</header>\n'
    )


def np_side(lang: str, g: Gold, popular: list[Article]) -> str:
    ui = NP_UI[lang]
    items = "\n".join(
        f'      <li class="c-mostread__item"><a class="c-mostread__link" href="{a.path}">'
        f"{g.b('latest', a.title)}</a></li>"
        for a in popular
    )
    head, text, button = ui["newsletter"]
    return (
        '  <aside class="o-grid__sidebar" data-region="sidebar">\n'
        '    <section class="c-mostread" data-module="most-read" data-limit="5">\n'
        f'      <h2 class="c-mostread__title">{g.b("latest", ui["mostread"])}</h2>\n'
        f'      <ol class="c-mostread__list">\n{items}\n      </ol>\n    </section>\n'
        '    <section class="c-newsletter" data-module="newsletter" data-list="morning">\n'
        f'      <h2 class="c-newsletter__title">{g.b("newsletter", head)}</h2>\n'
        f'      <p class="c-newsletter__text">{g.b("newsletter", text)}</p>\n'
        '      <form class="c-newsletter__form" action="/api/newsletter" method="post">'
        '<input class="c-newsletter__input" type="email" name="email" aria-label="e-mail">'
        f'<button class="o-button o-button--primary" type="submit">{g.b("newsletter", button)}</button></form>\n'
        "    </section>\n  </aside>\n"
    )


def np_bottom(lang: str, g: Gold) -> str:
    ui = NP_UI[lang]
    legal, links = ui["footer"]
    lis = "".join(
        f'<li class="c-footer__item"><a class="c-footer__link" href="/{lang}/info/{slugify(x)}.html">'
        f"{g.b('footer', x)}</a></li>"
        for x in links
    )
    text, buttons = ui["cookie"]
    return (
        '<footer class="c-footer" data-component="footer">\n  <div class="c-footer__inner o-container">\n'
        f'    <ul class="c-footer__links">{lis}</ul>\n'
        f'    <p class="c-footer__legal">{g.b("footer", legal)}</p>\n  </div>\n</footer>\n'
        '<div class="c-consent" role="dialog" aria-live="polite" data-module="consent" hidden-until-js>\n'
        f'  <p class="c-consent__text">{g.b("cookie", text)}</p>\n'
        '  <div class="c-consent__actions">'
        f'<button class="o-button o-button--primary" type="button" data-consent="all">{g.b("cookie", buttons[0])}'
        "</button>"
        f'<button class="o-button o-button--ghost" type="button" data-consent="necessary">'
        f"{g.b('cookie', buttons[1])}</button></div>\n</div>\n</body>\n</html>\n"
    )


def np_figure(block: tuple, g: Gold, lead: bool) -> str:
    mod = "c-article__media--lead" if lead else "c-article__media--inline"
    return (
        f'<figure class="c-article__media {mod}" data-ratio="3:2">'
        f'<img class="c-article__image" src="/static/media/{slugify(block[1])[:48]}.webp" alt="" loading="lazy">'
        f'<figcaption class="c-caption"><span class="c-caption__text">{g.s(block[1])}</span> '
        f'<span class="c-caption__credit">{g.b("credit", block[2])}</span></figcaption></figure>'
    )


def after_paragraph(blocks: list[tuple], nth: int) -> int:
    """Index of the block after which something goes once ``nth`` paragraphs are through (lists kept whole)."""
    seen = 0
    for i, block in enumerate(blocks):
        if block[0] == "p":
            seen += 1
            if seen == nth:
                while i + 1 < len(blocks) and blocks[i + 1][0] == "ul":
                    i += 1
                return i
    return len(blocks) - 1


def np_article(art: Article, same_lang: list[Article], idx: int, rng: random.Random, num: int) -> tuple[str, Gold]:
    ui = NP_UI[art.lang]
    g = Gold()
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": art.title,
        "inLanguage": art.lang,
        "datePublished": iso_time(art),
        "author": [{"@type": "Person", "name": a} for a in art.authors],
        "mainEntityOfPage": f"{BASE}{art.path}",
        "publisher": {"@type": "Organization", "name": NP_PUB},
    }
    extra = (
        f'<meta name="author" content="{esc(", ".join(art.authors))}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{esc(art.title)}">\n'
        f'<meta property="og:url" content="{BASE}{art.path}">\n'
        f'<meta property="og:site_name" content="{NP_PUB}">\n'
        f'<meta property="article:published_time" content="{iso_time(art)}">\n'
        + "".join(f'<meta property="article:tag" content="{esc(t)}">\n' for t in art.tags)
        + f'<link rel="canonical" href="{BASE}{art.path}">\n'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
    )
    body_class = f"t-article t-article--{art.kind}"
    page = np_head(art.lang, art.title, extra, body_class) + np_top(art.lang, g)
    sec_index = f"/{art.lang}/{ui['sec']}/index.html"
    blocks = list(art.blocks)
    lead = ""
    if blocks and blocks[0][0] == "fig":
        lead = np_figure(blocks.pop(0), g, lead=True)
    appeal_at = after_paragraph(blocks, 2 if idx % 2 == 0 else 3)
    readalso_at = after_paragraph(blocks, 4) if idx % 3 == 0 else -1
    others = neighbours(same_lang, idx, 3, step=2)
    byline = f" {ui['and']} ".join(f'<span class="c-byline__author">{esc(a)}</span>' for a in art.authors)
    if art.partner:
        byline += f'<span class="c-byline__org">, {esc(art.partner)}</span>'
    body: list[str] = []
    for i, block in enumerate(blocks):
        kind = block[0]
        if kind == "p":
            body.append(f'    <p class="c-article__paragraph">{g.s(block[1], sec_index)}</p>')
        elif kind == "h2":
            body.append(f'    <h2 class="c-article__subheading">{g.s(block[1])}</h2>')
        elif kind == "quote":
            body.append(f'    <blockquote class="c-article__quote"><p>{g.s(block[1])}</p></blockquote>')
        elif kind == "ul":
            lis = "".join(f'<li class="c-article__list-item">{g.s(x)}</li>' for x in block[1])
            body.append(f'    <ul class="c-article__list">{lis}</ul>')
        elif kind == "fig":
            body.append("    " + np_figure(block, g, lead=False))
        if i == appeal_at:
            variant = idx % 3
            heading, paras, button = ui["appeals"][variant]
            body.append(
                f'    <aside class="c-membership c-membership--inline" data-module="membership-appeal" '
                f'data-variant="v{variant + 1}" data-placement="after-p{2 if idx % 2 == 0 else 3}">\n'
                f'      <h2 class="c-membership__title">{g.b("appeal-heading", heading)}</h2>\n'
                + "".join(f'      <p class="c-membership__text">{g.b("appeal", p)}</p>\n' for p in paras)
                + f'      <a class="c-membership__cta o-button o-button--accent" href="/{art.lang}/medlemskap.html">'
                f"{g.b('appeal-button', button)}</a>\n    </aside>"
            )
        if i == readalso_at:
            other = others[0]
            g.boilerplate.append({"kind": "related", "text": f"{ui['readalso']} {other.title}"})
            body.append(
                '    <aside class="c-readalso" data-module="read-also">'
                f'<span class="c-readalso__label">{esc(ui["readalso"])}</span> '
                f'<a class="c-readalso__link" href="{other.path}">{esc(other.title)}</a></aside>'
            )
    if art.partner:
        note = ui["partner"].format(p=art.partner)
        body.append(
            f'    <p class="c-article__paragraph c-article__partner-note"><em>{g.b("partner-note", note)}</em></p>'
        )
    tags = "".join(
        f'<li class="c-tags__item"><a class="c-tags__link" href="{ui["topicdir"]}{slugify(t)}.html">'
        f"{g.b('tags', t)}</a></li>"
        for t in art.tags
    )
    share = "".join(
        f'<button class="c-share__button" type="button" data-network="{slugify(s.split()[-1])}">'
        f"{g.b('share', s)}</button>"
        for s in ui["share"]
    )
    foot = [
        f'    <ul class="c-tags" data-module="tags">{tags}</ul>',
        f'    <div class="c-share" data-module="share">{share}</div>',
    ]
    if idx % 2 == 0:
        text = ui["comments"].format(n=rng.randint(2, 260))
        foot.append(
            f'    <a class="c-comments-teaser" href="#comments" data-module="comments">{g.b("comments", text)}</a>'
        )
    page += (
        '<main id="main" class="o-grid o-grid--article o-container">\n'
        f'  <article class="c-article o-grid__main" data-article-id="np-{num:05d}" data-content-type="{art.kind}">\n'
        '    <header class="c-article__header">\n'
        f'      <h1 class="c-article__headline">{esc(art.title)}</h1>\n'
        f'      <div class="c-article__meta"><span class="c-byline">{ui["by"]} {byline}</span> '
        f'<time class="c-article__date" datetime="{iso_time(art)}">{esc(np_clock(art))}</time></div>\n'
        "    </header>\n"
        + (f"    {lead}\n" if lead else "")
        + '    <div class="c-article__body" data-article-body>\n'
        + "\n".join(body)
        + "\n    </div>\n"
        + '    <footer class="c-article__footer">\n'
        + "\n".join(foot)
        + "\n    </footer>\n  </article>\n"
    )
    if idx % 3 == 1:
        items = "".join(
            f'<li class="c-related__item"><a class="c-teaser c-teaser--compact" href="{o.path}">'
            f'<span class="c-teaser__headline">{g.b("related", o.title)}</span></a></li>'
            for o in others
        )
        page += (
            '  <section class="c-related o-grid__main" data-module="related">\n'
            f'    <h2 class="c-related__title">{g.b("related", ui["related"])}</h2>\n'
            f'    <ul class="c-related__list">{items}</ul>\n  </section>\n'
        )
    page += np_side(art.lang, g, neighbours(same_lang, idx, 5, step=-1)) + "</main>\n" + np_bottom(art.lang, g)
    return page, g


def np_listing(lang: str, title: str, items: list[Article], popular: list[Article], intro: str = "") -> str:
    g = Gold()
    lis = "\n".join(
        '    <li class="c-teaser-list__item"><article class="c-teaser">'
        f'<a class="c-teaser__link" href="{a.path}"><h2 class="c-teaser__headline">{esc(a.title)}</h2></a>'
        f'<time class="c-teaser__date" datetime="{iso_time(a)}">{esc(long_date(lang, a.date))}</time></article></li>'
        for a in items
    )
    return (
        np_head(lang, title, "", "t-section")
        + np_top(lang, g)
        + '<main id="main" class="o-grid o-grid--section o-container">\n  <section class="o-grid__main">\n'
        + f'    <h1 class="c-section-title">{esc(title)}</h1>\n'
        + (f'    <p class="c-section-intro">{esc(intro)}</p>\n' if intro else "")
        + f'    <ul class="c-teaser-list">\n{lis}\n    </ul>\n'
        + "  </section>\n"
        + np_side(lang, g, popular)
        + "</main>\n"
        + np_bottom(lang, g)
    )


def build_nordposten(root: pathlib.Path) -> str:
    arts = parse_articles(NP_TEXT)
    rng = random.Random(97531)
    for a in arts:
        a.path = np_path(a)
    pages: dict[str, dict] = {}
    num = 30410
    for lang in ("sv", "en", "it"):
        ui = NP_UI[lang]
        items = [a for a in arts if a.lang == lang]
        for idx, art in enumerate(items):
            num += 7
            page, g = np_article(art, items, idx, rng, num)
            write(root, art.path, page)
            pages[art.path] = gold_entry(art, g)
        newest = sorted(items, key=lambda a: a.date, reverse=True)
        write(root, ui["front"], np_listing(lang, ui["front_title"], newest, newest[:5]))
        write(root, f"/{lang}/{ui['sec']}/index.html", np_listing(lang, ui["nav"][1], newest, newest[:5]))
        for tag in sorted({t for a in items for t in a.tags}):
            tagged = [a for a in newest if tag in a.tags]
            write(root, f"{ui['topicdir']}{slugify(tag)}.html", np_listing(lang, tag, tagged, newest[:5]))
        intro = {
            "sv": "Sidan uppdateras. Frågor skickas till redaktionen@nordposten.se.",
            "en": "This page is being updated. Please send any questions to english@nordposten.se.",
            "it": "La pagina è in aggiornamento. Per informazioni scrivete a italia@nordposten.se.",
        }[lang]
        for label in ui["footer"][1]:
            write(root, f"/{lang}/info/{slugify(label)}.html", np_listing(lang, label, [], newest[:5], intro))
        write(root, f"/{lang}/medlemskap.html", np_listing(lang, ui["appeals"][1][0], [], newest[:5], intro))
    newest_all = sorted(arts, key=lambda a: (a.date, a.time), reverse=True)
    for year in ("2024", "2025"):
        urls = "\n".join(
            f"  <url><loc>{BASE}{a.path}</loc><lastmod>{iso_time(a)}</lastmod></url>"
            for a in newest_all
            if a.date.startswith(year)
        )
        write(
            root,
            f"/sitemaps/articles-{year}.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n',
        )
    write(
        root,
        "/sitemap_index.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <sitemap><loc>{BASE}/sitemaps/articles-2024.xml</loc><lastmod>2024-12-31</lastmod></sitemap>\n"
        f"  <sitemap><loc>{BASE}/sitemaps/articles-2025.xml</loc><lastmod>{newest_all[0].date}</lastmod></sitemap>\n"
        "</sitemapindex>\n",
    )
    entries = "\n".join(
        f'<entry xml:lang="{a.lang}">\n  <id>{BASE}{a.path}</id>\n  <title>{esc(a.title)}</title>\n'
        f'  <link rel="alternate" type="text/html" href="{BASE}{a.path}"/>\n'
        f"  <published>{iso_time(a)}</published>\n  <updated>{iso_time(a)}</updated>\n"
        + "".join(f"  <author><name>{esc(x)}</name></author>\n" for x in a.authors)
        + "</entry>"
        for a in newest_all
    )
    write(
        root,
        "/atom.xml",
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>{BASE}/</id>\n  <title>{NP_PUB}</title>\n"
        f'  <link rel="self" href="{BASE}/atom.xml"/>\n  <link rel="alternate" href="{BASE}/index.html"/>\n'
        f"  <updated>{iso_time(newest_all[0])}</updated>\n{entries}\n</feed>\n",
    )
    write(
        root,
        "/robots.txt",
        f"User-agent: *\nDisallow: /api/\nDisallow: /*?preview=\n\nSitemap: {BASE}/sitemap_index.xml\n",
    )
    site = {
        "name": NP_NAME,
        "languages": ["sv", "en", "it"],
        "sitemap": "/sitemap_index.xml",
        "feed": "/atom.xml",
        "article_url_regex": r"^/(sv|en|it)/(nyheter|news|notizie)/20[0-9]{2}/[0-9]{2}/[a-z0-9-]+\.html$",
        "pages": pages,
    }
    write(root, "/site.json", json.dumps(site, ensure_ascii=False, indent=1) + "\n")
    return NP_NAME


# ---------------------------------------------------------------------------------------------------------
# entry points
# ---------------------------------------------------------------------------------------------------------


def build(out: pathlib.Path) -> list[str]:
    """Write both batch-B sites under ``out`` and return their names."""
    out = pathlib.Path(out)
    names = []
    for name, builder in ((OBS_NAME, build_observador), (NP_NAME, build_nordposten)):
        root = out / name
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        names.append(builder(root))
    return names


# ---------------------------------------------------------------------------------------------------------
# prose: Observador Ibérico
# ---------------------------------------------------------------------------------------------------------

OBS_TEXT = """
slug: ponte-valenca-tui-obras
lang: pt
title: Obras na ponte internacional entre Valença e Tui condicionam trânsito até setembro
authors: Marta Sousa Lobo
date: 2024-05-03 09:40
section: regiao
tags: Valença, Mobilidade, Obras
---
A ponte rodoviária que liga Valença a Tui vai funcionar apenas com uma via alternada a partir da próxima
segunda-feira, dia 6, e durante cerca de quatro meses. A intervenção, orçada em 2,7 milhões de euros, é
partilhada pela Infraestruturas de Portugal e pelo Ministério dos Transportes espanhol.

Segundo o calendário apresentado na quinta-feira aos autarcas dos dois lados do Minho, os trabalhos incidem
sobre o tabuleiro, as juntas de dilatação e o sistema de drenagem, que não era substituído desde a década de
1990. O trânsito de pesados acima de 12 toneladas fica proibido durante todo o período.

## Percursos alternativos para quem atravessa a fronteira

As autoridades recomendam aos condutores que utilizem a ponte da autoestrada, situada a poucos quilómetros,
sobretudo nas horas de ponta da manhã. Para quem não pode evitar a travessia, estão previstas e sinalizadas
três alternativas:

- Ponte da A3, sem portagem no troço transfronteiriço, para ligeiros e pesados.
- Ligação por Monção e Salvaterra de Miño, recomendada aos veículos de mercadorias.
- Passadiço pedonal mantido aberto do lado nascente do tabuleiro, com acesso junto à fortaleza.

O presidente da Câmara de Valença, Joaquim Araújo, admitiu que o calendário «não é o ideal» para o comércio
local, que depende em grande parte dos visitantes galegos ao fim de semana. Ainda assim, defendeu que adiar a
obra seria «arriscar um problema muito maior daqui a dois ou três anos».

Do lado espanhol, a associação de empresários de Tui pediu que os trabalhos mais ruidosos se concentrem no
período noturno e que a sinalização seja bilingue desde o primeiro dia. A Guardia Civil e a GNR vão reforçar
o patrulhamento conjunto nas primeiras semanas.
====
slug: vindima-alvarinho-quebra-granizo
lang: pt
title: Vindima do Alvarinho arranca com quebra de 20% depois do granizo de junho
authors: Rui Azevedo
date: 2024-09-02 11:15
section: economia
tags: Alvarinho, Vinho, Agricultura
---
A vindima do Alvarinho começou esta segunda-feira nas quintas de Monção e Melgaço com a expectativa de uma
produção cerca de 20% inferior à do ano passado. A queda deve-se sobretudo à tempestade de granizo de 14 de
junho, que destruiu cachos ainda em formação em várias encostas viradas a norte.

A comissão vitivinícola dos Vinhos Verdes estima que tenham sido afetados perto de 600 hectares, embora com
danos muito desiguais. Há parcelas onde quase não se nota a passagem da tempestade e outras, a poucos metros
de distância, onde os produtores dão a colheita praticamente por perdida.

> «Em trinta anos de vinha nunca tinha visto pedras daquele tamanho. Ficámos com metade das uvas, mas a
> qualidade do que sobrou é excelente», contou Albertina Pires, que explora quatro hectares na freguesia de Pias.

Apesar da menor quantidade, os enólogos ouvidos pelo Observador mostram-se otimistas quanto ao perfil dos
vinhos. O verão seco e as noites frescas de agosto permitiram uma maturação lenta, com boa acidez e teores de
açúcar equilibrados, características muito procuradas pelos mercados de exportação.

! Trabalhadores sazonais numa vinha de Alvarinho em Monção, no primeiro dia da colheita.
|| Foto: Paulo Guimarães / Observador Ibérico

O preço pago aos pequenos viticultores deverá subir ligeiramente, para valores entre 1,10 e 1,25 euros por
quilo, de acordo com as adegas cooperativas. Os produtores reclamam, no entanto, uma ajuda extraordinária do
Estado para compensar os prejuízos, à semelhança do que aconteceu após as geadas de 2017.
====
slug: comboio-porto-vigo-terceira-ligacao
lang: pt
title: Comboio Porto–Vigo ganha terceira ligação diária a partir de setembro
authors: Inês Carvalhais; Xoán Pereiro
date: 2024-07-18 16:05
section: regiao
tags: Ferrovia, Vigo, Transportes
---
A CP e a Renfe vão passar a oferecer três comboios diários em cada sentido entre o Porto e Vigo a partir de 1
de setembro, mais uma ligação do que atualmente. O anúncio foi feito esta quinta-feira em Vigo, numa cerimónia
com representantes dos dois governos e da Comissão Europeia.

A nova circulação sai de Campanhã às 7h12 e chega a Vigo-Guixar pouco antes das 9h40, um horário pensado para
quem trabalha ou estuda do outro lado da fronteira. No regresso, o último comboio parte da cidade galega às
19h55, permitindo pela primeira vez um dia completo de reuniões.

## Tempo de viagem continua acima das duas horas

Apesar do reforço, a duração do percurso mantém-se praticamente inalterada, porque a [linha do Minho] continua
com troços de via única e limitações de velocidade entre Viana do Castelo e Valença. A eletrificação concluída
em 2021 permitiu acabar com a troca de locomotiva, mas não resolveu o problema de fundo.

As associações de utentes saudaram a medida, mas lembram que o objetivo assumido pelos dois países há quase uma
década era reduzir a viagem para cerca de uma hora. Esse cenário depende da construção de uma nova linha de
alta velocidade, cujo calendário continua por definir do lado espanhol.

Os bilhetes para a nova ligação já estão à venda nas plataformas das duas operadoras, com preços a partir de
15,75 euros. Durante o mês de setembro, estudantes com cartão universitário de qualquer dos dois países terão
um desconto adicional de 25%.
====
slug: urgencia-pediatrica-viana-24-horas
lang: pt
title: Urgência pediátrica de Viana do Castelo volta a funcionar 24 horas por dia
authors: Catarina Meira
date: 2024-11-12 13:30
section: sociedade
tags: Saúde, SNS, AltoMinho
---
A urgência pediátrica do Hospital de Santa Luzia, em Viana do Castelo, retoma o funcionamento permanente a
partir de sábado, depois de quase cinco meses com o serviço encerrado durante a noite. A Unidade Local de Saúde
do Alto Minho confirmou a contratação de quatro pediatras, dois deles vindos de hospitais da Galiza.

Desde junho, as crianças que precisassem de cuidados urgentes entre as 20h e as 8h eram encaminhadas para
Braga, a cerca de uma hora de distância. Só no mês de outubro, segundo dados do hospital, foram transferidos
por esse motivo 137 doentes com menos de 18 anos.

> «Tivemos noites em que pais com bebés de poucos meses faziam a autoestrada às três da manhã. Isso acaba
> agora, e esperamos que seja para ficar», afirmou a diretora clínica, Helena Vasconcelos, em conferência de imprensa.

Os novos médicos foram recrutados ao abrigo de um regime de incentivos que inclui alojamento nos primeiros dois
anos e um suplemento remuneratório para zonas carenciadas. A administração reconhece que a escala ainda
depende de horas extraordinárias e que a equipa precisaria de mais dois especialistas para ficar estável.

A comissão de utentes, que organizou duas vigílias à porta do hospital durante o verão, saudou a reabertura
mas promete continuar atenta. Os representantes pedem que o Ministério da Saúde publique um plano plurianual
para o serviço, em vez de soluções negociadas mês a mês.
====
slug: incendio-serra-de-arga-dominado
lang: pt
title: Incêndio na serra de Arga dado como dominado ao fim de 30 horas
authors: Rui Azevedo
date: 2025-08-11 08:50
section: regiao
tags: Incêndios, Caminha, Floresta
---
O incêndio que deflagrou no sábado à tarde na serra de Arga, entre os concelhos de Caminha e Ponte de Lima,
foi dado como dominado na madrugada desta segunda-feira. No momento mais crítico, estiveram no terreno mais de
400 operacionais, apoiados por oito meios aéreos, incluindo dois aviões anfíbios espanhóis.

A Autoridade Nacional de Emergência e Proteção Civil estima que tenham ardido cerca de 1.800 hectares, na
maioria mato e pinhal. Duas aldeias, Arga de Baixo e Arga de São João, chegaram a ser evacuadas
preventivamente, mas os moradores puderam regressar a casa ao final do dia de domingo.

## Vento mudou de direção durante a noite

O comandante sub-regional, Vítor Lameiras, explicou que o combate foi dificultado por rajadas de vento
superiores a 50 quilómetros por hora e por uma mudança súbita de direção perto da meia-noite. Foi essa
alteração que empurrou as chamas para a encosta norte, onde o acesso dos veículos é muito limitado.

Três bombeiros sofreram ferimentos ligeiros, dois por exaustão e um com uma entorse, e foram assistidos no
local. A Polícia Judiciária já recolheu indícios no ponto de ignição e não exclui a hipótese de fogo posto,
embora ainda seja cedo para tirar conclusões, segundo fonte da investigação.

Os baldios afetados integram a área classificada da serra, conhecida pelos cavalos garranos em liberdade. As
associações de criadores estão a fazer o levantamento dos animais e, até ao momento, não há registo de perdas,
apesar de algumas manadas terem sido vistas a fugir para os vales vizinhos.
====
slug: festival-jazz-ponte-de-lima-recorde
lang: pt
title: Festival de jazz de Ponte de Lima bate recorde com 22 mil espectadores
authors: Sofia Brandão
date: 2024-07-29 10:20
section: cultura
tags: Jazz, Música, Festivais
---
! O quarteto da saxofonista Leonor Viegas no palco montado no areal do rio Lima, na noite de sábado.
|| Foto: Daniel Castro / Observador Ibérico

A décima edição do Lima Jazz terminou no domingo com um balanço que a organização classifica como «histórico»:
22 mil pessoas passaram pelos quatro palcos ao longo de cinco dias, quase o dobro do registado em 2023. A
maioria dos concertos era gratuita e decorreu junto ao rio, no centro da vila.

A programação juntou músicos portugueses, galegos e de outros países europeus, com destaque para a estreia
nacional do trio do pianista norueguês Anders Myhre e para um concerto de homenagem ao contrabaixista Carlos
Barretto. A organização aposta cada vez mais em projetos que cruzam o jazz com a música tradicional minhota.

Os comerciantes da vila falam num dos melhores fins de semana do ano. Vários restaurantes esgotaram as
reservas com dias de antecedência e a ocupação hoteleira no concelho rondou os 95%, segundo a associação
empresarial local, que pede já que o festival passe a ter uma semana completa.

A autarquia garantiu a continuidade do evento até 2027, com um orçamento anual de 180 mil euros. O vereador
com o pelouro cultural, Fernando Sampaio, adiantou que a próxima edição deverá incluir um programa pedagógico
com oficinas para alunos das escolas de música de Viana, Braga e Vigo.
====
slug: quartos-estudantes-braga-mais-caros
lang: pt
title: Estudantes em Braga pagam mais 18% por um quarto do que há um ano
authors: Catarina Meira
date: 2025-09-15 12:00
section: sociedade
tags: Habitação, Ensino, Braga
---
Um quarto para estudantes em Braga custa agora, em média, 395 euros por mês, mais 18% do que no arranque do ano
letivo anterior, de acordo com um levantamento da associação académica da Universidade do Minho. O valor
aproxima a cidade de Coimbra e afasta-a da imagem de alternativa barata às grandes áreas metropolitanas.

O estudo analisou 1.240 anúncios publicados entre julho e setembro em plataformas online e em grupos de redes
sociais. Mais de metade das ofertas não incluía despesas de água, luz e internet, e cerca de um terço exigia o
pagamento antecipado de três ou mais meses de renda.

## O que pedem os estudantes

A associação académica entregou esta semana à câmara municipal e à reitoria um caderno de propostas, elaborado
depois de ouvir mais de 600 alunos deslocados, que inclui várias medidas de aplicação imediata:

- reconversão de dois antigos edifícios municipais em residências com 300 camas;
- um teto às rendas dos quartos anunciados na plataforma oficial da universidade;
- reforço do passe de transporte gratuito para quem vive fora do concelho.

A reitoria lembra que tem em construção uma nova residência em Gualtar, com abertura prevista para 2026, e que
já reforçou o complemento de alojamento para bolseiros. Os estudantes consideram, porém, que a resposta chega
tarde para quem procura casa neste momento e já pondera adiar a matrícula.
====
slug: romaria-agonia-cortejo-etnografico
lang: pt
kind: gallery
title: Romaria d'Agonia: as imagens do cortejo etnográfico em Viana
authors: Daniel Castro
date: 2024-08-19 18:30
section: cultura
tags: Romarias, Fotografia, Tradições
---
Milhares de pessoas encheram as ruas de Viana do Castelo para ver passar o cortejo etnográfico, um dos momentos
mais esperados da Romaria d'Agonia. Durante mais de três horas desfilaram grupos de todas as freguesias do
concelho, com trajes de trabalho, de festa e de noiva, carros de bois e instrumentos tradicionais.

O fotojornalista Daniel Castro acompanhou o dia desde a preparação das mordomas, logo ao amanhecer, até ao
fogo de artifício sobre o rio Lima, já de madrugada. Estas são algumas das imagens que recolheu ao longo de
quase vinte horas de festa.

! As mordomas ajustam os colares de ouro antes do desfile, numa casa do centro histórico.
|| Foto: Daniel Castro / Observador Ibérico

! O grupo de Carreço abre o cortejo com as tradicionais bandeiras bordadas à mão.
|| Foto: Daniel Castro / Observador Ibérico

! Uma junta de bois enfeitada com flores de papel atravessa a Praça da República.
|| Foto: Daniel Castro / Observador Ibérico

! Crianças da freguesia de Afife trazem cestos de vime com broa e fruta da época.
|| Foto: Daniel Castro / Observador Ibérico

! Os tapetes floridos da Ribeira, feitos durante a madrugada, esperam a passagem da procissão.
|| Foto: Daniel Castro / Observador Ibérico

! O fogo de artifício reflete-se no rio Lima, já perto da uma hora da manhã.
|| Foto: Daniel Castro / Observador Ibérico
====
slug: puerto-vigo-record-contenedores
lang: es
title: El puerto de Vigo cierra el semestre con un récord de contenedores
authors: Lucía Otero
date: 2024-07-09 10:10
section: economia
tags: Puertos, Exportaciones, Automoción
---
El puerto de Vigo movió 312.000 contenedores entre enero y junio, la cifra más alta de su historia para un
primer semestre y un 11% más que en el mismo periodo del año anterior. La Autoridad Portuaria atribuye el
crecimiento al tirón de la automoción y a la llegada de dos nuevas líneas regulares con el norte de África.

La terminal de Guixar concentró casi la mitad del tráfico, mientras que la de Bouzas registró un aumento
notable en el movimiento de vehículos nuevos. Los fabricantes instalados en la comarca exportaron por mar más
de 190.000 coches, buena parte con destino a Reino Unido, Turquía y Marruecos.

> «Estamos cerca del límite de lo que podemos absorber con la superficie actual. Si no ganamos espacio, el
> crecimiento se irá a otros puertos», advirtió el presidente de la Autoridad Portuaria, Andrés Souto.

El organismo tiene en tramitación la ampliación de la terminal de Bouzas, que añadiría unas 14 hectáreas
ganadas al mar. El proyecto cuenta con el respaldo de las asociaciones empresariales, pero se enfrenta a la
oposición de cofradías y colectivos ecologistas, que temen su impacto sobre los bancos marisqueros de la ría.

Las navieras también reclaman mejoras en la conexión ferroviaria, ya que apenas el 8% de las mercancías sale
del puerto en tren. El Ministerio de Transportes ha prometido licitar este año el nuevo acceso a la plataforma
logística de Salvaterra-As Neves, un proyecto que acumula casi dos décadas de retrasos.
====
slug: tui-peatonaliza-casco-historico
lang: es
title: Tui peatonaliza su casco histórico tras meses de debate vecinal
authors: Brais Fernández
date: 2024-10-21 17:45
section: actualidad
tags: Tui, Urbanismo, Comercio
---
El Ayuntamiento de Tui aprobó este lunes, con los votos de todos los grupos salvo uno, el plan que cerrará al
tráfico la mayor parte del casco histórico a partir de enero. La medida afecta a 27 calles situadas alrededor
de la catedral y del paseo de la Corredera, donde solo podrán circular residentes, servicios y vehículos de
carga en horario restringido.

El proyecto llega después de un [proceso participativo] que incluyó seis asambleas abiertas y una consulta en
línea con más de 2.300 respuestas. El gobierno local asegura que el 64% de los participantes respaldó la
peatonalización, aunque los comerciantes de la zona alta pidieron mantener una franja de aparcamiento para
clientes.

## Un aparcamiento disuasorio junto al río

Para compensar la pérdida de plazas, el consistorio habilitará un aparcamiento gratuito de 420 plazas en una
parcela municipal cercana al Miño, conectado con el centro mediante un ascensor urbano y un microbús eléctrico.
Las obras del ascensor comenzarán en noviembre y deberían estar terminadas antes de la Semana Santa.

> «No queremos un casco histórico de postal vacío de vida. Queremos que los vecinos vuelvan a vivir aquí y que
> los niños puedan jugar en la calle», defendió la alcaldesa, Rosa Iglesias, al término del pleno.

La asociación de hosteleros de Tui valoró el acuerdo como un punto de partida razonable y pidió que se revise
su funcionamiento a los seis meses. Los vecinos de la calle Seixal, en cambio, anunciaron que presentarán
alegaciones porque consideran insuficiente el número de tarjetas de acceso previstas por vivienda.
====
slug: mariscadoras-arousa-veda-berberecho
lang: es
title: Las mariscadoras de Arousa piden adelantar la veda del berberecho
authors: Lucía Otero
date: 2025-03-04 09:25
section: economia
tags: Marisqueo, Arousa, Pesca
---
Las agrupaciones de marisqueo a pie de la ría de Arousa han solicitado a la Consellería do Mar que adelante un
mes la veda del berberecho para proteger unos bancos que llevan tres temporadas con capturas muy por debajo de
lo habitual. Las mariscadoras calculan que la producción de 2024 apenas alcanzó una cuarta parte de la media de
la última década.

Los análisis del Centro de Investigaciones Marinas apuntan a una combinación de factores: el aumento de la
temperatura del agua en verano, los episodios de lluvias intensas que reducen la salinidad y la presencia de un
parásito que debilita a los ejemplares jóvenes. Ninguno de ellos, por sí solo, explica el desplome.

En la cofradía de Carril, en Vilagarcía, unas 180 mujeres dependen directamente de este recurso. Muchas de
ellas llevan más de veinte años trabajando en el arenal y reconocen que nunca habían visto una situación tan
prolongada. Algunas ya se han pasado a la almeja o han buscado empleo en la conserva.

> «Preferimos parar antes y tener algo que recoger el año que viene que seguir rascando la arena para llevar a
> casa tres kilos», resumió Maruxa Abalo, patrona mayor de la agrupación.

La Consellería ha convocado a las cofradías a una reunión técnica la próxima semana y estudia ampliar las
ayudas por paralización temporal, que el año pasado fueron de 1.100 euros por persona. Las organizaciones
consideran esa cantidad insuficiente y reclaman además un plan de regeneración de bancos con semilla criada en
vivero.
====
slug: camino-portugues-supera-frances-verano
lang: es
title: El Camino Portugués supera por primera vez al Francés en peregrinos durante el verano
authors: Brais Fernández; Marta Sousa Lobo
date: 2024-09-10 12:40
section: sociedad
tags: CaminoDeSantiago, Turismo, Peregrinos
---
Por primera vez desde que existen registros, el Camino Portugués fue la ruta más utilizada para llegar a
Santiago durante julio y agosto. La Oficina del Peregrino entregó en esos dos meses 58.400 compostelas a
caminantes que habían elegido alguna de sus variantes, frente a los 55.900 que llegaron por el Camino Francés.

El crecimiento se concentra sobre todo en la variante de la costa, que sale de Oporto y bordea el litoral
atlántico hasta Redondela. Los albergues públicos de Baiona, A Guarda y Oia colgaron el cartel de completo
prácticamente todas las noches, lo que obligó a muchos peregrinos a buscar alojamiento en localidades del
interior.

## Quién camina por la ruta portuguesa

Según el perfil elaborado por la Oficina del Peregrino con los datos de la acreditación, la ruta atrae este
verano a un público claramente distinto del habitual en el Camino Francés:

- un 41% de los peregrinos tenía más de 50 años;
- los estadounidenses fueron la nacionalidad extranjera más numerosa, por delante de alemanes e italianos;
- casi dos de cada tres recorrieron solo los últimos cien kilómetros.

Las asociaciones jacobeas advierten de que la ruta no está preparada para absorber tanta gente. Piden más
albergues públicos, fuentes y aseos en los tramos rurales, y una mejor señalización en los puntos donde el
trazado comparte carretera con el tráfico rodado, especialmente entre O Porriño y Redondela.

La Xunta anunció que incluirá la variante de la costa en su próximo plan de infraestructuras jacobeas y que
negociará con el Gobierno portugués una estrategia común de promoción fuera de temporada, con el objetivo de
repartir mejor la llegada de caminantes a lo largo del año.
====
slug: ourense-renueva-termas-publicas
lang: es
title: Ourense destina dos millones a renovar sus termas públicas al aire libre
authors: Noelia Castro
date: 2025-02-17 14:15
section: actualidad
tags: Ourense, Termalismo, Turismo
---
El Ayuntamiento de Ourense invertirá dos millones de euros en la renovación de las pozas termales públicas
situadas a orillas del Miño, que reciben cada año más de 300.000 visitas. Las obras, que comenzarán en otoño,
incluyen nuevos vestuarios, pasarelas accesibles y un sistema de control de la temperatura del agua.

Las instalaciones de Outariz y A Chavasqueira son uno de los principales atractivos turísticos de la ciudad,
pero acumulan desperfectos desde las crecidas del río de hace dos inviernos. Parte de las pozas permanece
cerrada desde entonces y los usuarios habituales se quejan de la falta de mantenimiento de los accesos.

El concejal del área explicó que el proyecto mantendrá el carácter gratuito de las termas y que no se
construirá ningún edificio nuevo en la ribera. La intervención se hará por fases para que al menos la mitad de
las pozas siga abierta durante las obras, que se prolongarán unos catorce meses.

! Bañistas en las pozas de Outariz en una tarde de enero, con el vapor del agua a 60 grados sobre el Miño.
|| Foto: Iria Lorenzo / Observador Ibérico

Los colectivos vecinales de la zona piden que la inversión incluya también la mejora del tren termal, el
pequeño convoy turístico que conecta el centro con las pozas y que ha sufrido numerosas averías en los últimos
meses. El gobierno local asegura que su renovación se licitará en un contrato aparte.
====
slug: xunta-amplia-brigadas-antiincendios
lang: es
title: La Xunta amplía las brigadas antiincendios hasta finales de noviembre
authors: Noelia Castro
date: 2025-08-26 11:05
section: actualidad
tags: Incendios, Xunta, Monte
---
La Xunta mantendrá activas hasta el 30 de noviembre las 240 brigadas forestales contratadas para la campaña de
verano, un mes y medio más de lo previsto inicialmente. La decisión responde a las previsiones meteorológicas,
que anticipan un otoño más cálido y seco de lo normal en el interior de Ourense y Lugo.

En lo que va de año han ardido en Galicia unas 9.300 hectáreas, una superficie inferior a la media de la
última década pero muy concentrada en unos pocos incendios de gran tamaño. Cuatro fuegos declarados en agosto
en la comarca de Valdeorras suman por sí solos más de la mitad de todo el terreno quemado.

## Los sindicatos reclaman contratos todo el año

Los sindicatos del sector celebran la ampliación, pero recuerdan que la prevención necesita trabajo continuado
durante el invierno, cuando se hacen las labores de desbroce y las quemas controladas. Reclaman que una parte
de las brigadas tenga contrato indefinido y que se equiparen los salarios con los de otras comunidades.

La conselleira de Medio Rural defendió en el Parlamento que el operativo gallego es hoy uno de los mejor
dotados de España y anunció que el próximo presupuesto incluirá una partida específica para comprar cuatro
autobombas nuevas y renovar los equipos de protección individual de los brigadistas.

Las asociaciones de propietarios forestales piden, por su parte, agilizar las ayudas para limpiar las fincas
abandonadas, que consideran el principal problema del monte gallego. Según sus cálculos, casi un tercio de la
superficie forestal de la comunidad no tiene hoy ningún tipo de gestión activa.
====
slug: universidad-vigo-autobus-hidrogeno
lang: es
title: La Universidad de Vigo prueba un autobús de hidrógeno en el campus de Lagoas-Marcosende
authors: Lucía Otero
date: 2025-05-06 10:50
section: sociedad
tags: Hidrógeno, Universidad, Movilidad
---
! El autobús de pila de combustible, durante una de sus primeras vueltas entre la parada de Ciencias y la
Escuela de Ingeniería Industrial. || Foto: Iria Lorenzo / Observador Ibérico

Un autobús propulsado por hidrógeno empezó este martes a hacer el recorrido entre el centro de Vigo y el campus
universitario de Lagoas-Marcosende, dentro de un proyecto piloto que se prolongará durante seis meses. El
vehículo, con capacidad para 76 pasajeros, hará doce viajes diarios de lunes a viernes.

El hidrógeno que utiliza se produce en una pequeña planta instalada en el propio campus, alimentada por paneles
solares sobre las cubiertas de tres facultades. Los investigadores quieren comprobar el comportamiento del
sistema en una ruta con fuertes pendientes, algo que consideran representativo de muchas ciudades gallegas.

> «Sabemos que funciona en un laboratorio. Lo que queremos saber es cuánto cuesta de verdad mantenerlo en una
> línea real con lluvia, cuestas y estudiantes con prisa», explicó la catedrática de Ingeniería Química Carmen Villar.

El proyecto cuenta con financiación europea y con la colaboración de la empresa concesionaria del transporte
urbano, que aporta conductores y mantenimiento. Si los resultados son positivos, el Concello estudiará
incorporar cinco unidades más en las líneas con mayor desnivel a partir de 2027.

Los estudiantes que lo utilicen podrán responder a una breve encuesta a través de un código QR colocado en los
asientos. El equipo investigador recogerá también datos de consumo, ruido y temperatura en el interior, que se
publicarán en abierto al final de la prueba.
====
slug: entroido-xinzo-de-limia-imagenes
lang: es
kind: gallery
title: El Entroido de Xinzo de Limia, en imágenes
authors: Iria Lorenzo
date: 2025-03-05 19:10
section: cultura
tags: Entroido, Fotografía, Fiestas
---
Xinzo de Limia vivió el domingo el desfile central de su Entroido, el carnaval más largo de Galicia, que se
prolonga durante cinco semanas. Las pantallas, personajes de máscara y vejigas hinchadas, recorrieron las
calles persiguiendo a los vecinos que no llevaban disfraz, como manda la tradición.

La fotógrafa Iria Lorenzo siguió la jornada desde los preparativos en los garajes del pueblo hasta la quema del
muñeco en la plaza, ya de noche. Este es su recorrido por una de las fiestas más singulares del calendario
gallego, que cada año atrae a más visitantes.

! Un vecino termina de pintar a mano la máscara de pantalla que lleva tres generaciones en su familia.
|| Foto: Iria Lorenzo / Observador Ibérico

! Las pantallas salen en grupo de la iglesia de Santa Mariña al sonar las campanas del mediodía.
|| Foto: Iria Lorenzo / Observador Ibérico

! Una pantalla persigue a un grupo de jóvenes sin disfraz por la calle Mayor.
|| Foto: Iria Lorenzo / Observador Ibérico

! Comparsas llegadas de Verín y Laza se suman al desfile con sus propios personajes.
|| Foto: Iria Lorenzo / Observador Ibérico

! La quema del muñeco pone fin a la celebración ya entrada la noche, ante cientos de vecinos.
|| Foto: Iria Lorenzo / Observador Ibérico
"""

# ---------------------------------------------------------------------------------------------------------
# prose: Nordposten
# ---------------------------------------------------------------------------------------------------------

NP_TEXT = """
slug: nya-bron-gota-alv-forsenas
lang: sv
title: Nya bron över Göta älv försenas – öppnar för biltrafik först hösten 2026
authors: Anna Lindqvist
date: 2024-04-16 08:30
section: nyheter
tags: Trafik och resor, Västsverige, Stora byggprojekt
---
Den nya klaffbron över Göta älv i centrala Göteborg blir klar för biltrafik först hösten 2026, nästan ett år
senare än utlovat. Det bekräftade trafikkontoret på tisdagen efter att entreprenören begärt mer tid för att
byta ut delar av det elektriska styrsystemet.

Bron har varit öppen för spårvagnar och gående sedan i fjol, men biltrafiken har hänvisats till
Tingstadstunneln och Götaälvbron. Enligt kommunens egna mätningar har restiden mellan Hisingen och centrum i
rusningstid ökat med i genomsnitt elva minuter sedan omläggningen infördes.

## Kostnaden har stigit kraftigt

Projektet beräknades ursprungligen kosta 3,5 miljarder kronor, men den senaste prognosen landar på drygt 4,8
miljarder. Den största delen av fördyringen förklaras av problem med grundläggningen i den lösa leran och av
att stålpriserna steg kraftigt under byggtiden.

> – Vi förstår att många är trötta på beskeden. Men vi tänker inte öppna en bro som inte fungerar fullt ut
> bara för att hålla en tidplan, säger trafikdirektören Maria Sundgren.

Oppositionen i trafiknämnden kräver nu en oberoende granskning av hela projektet. Moderaterna och
Centerpartiet vill bland annat veta varför kommunen inte ställde tydligare krav på vite när förseningarna
blev kända redan våren 2023.

Under tiden fortsätter Västtrafik att köra extra båtar mellan Lindholmen och Stenpiren i rusningstid.
Färjorna har blivit oväntat populära och hade under mars fler än 300 000 resenärer, vilket är en ökning med
nästan en tredjedel jämfört med samma period förra året.
====
slug: vargar-varmland-inventeras-med-dronare
lang: sv
title: Vargstammen i Värmland inventeras med drönare för första gången
authors: Johan Berg
date: 2024-12-03 11:10
section: nyheter
tags: Rovdjursfrågor, Natur och miljö, Jakt
---
Länsstyrelsen i Värmland använder i vinter drönare med värmekamera för att räkna vargar, som ett komplement
till den traditionella spårningen i snö. Metoden har testats i Norge och Finland och ska enligt myndigheten ge
säkrare siffror i områden där det ofta saknas bra spårsnö.

Inventeringen pågår från december till slutet av februari och omfattar ett tiotal revir i norra delen av
länet. Drönarna flygs av personal från länsstyrelsens naturbevakning, som fått särskild utbildning under
hösten, och får bara användas på betryggande avstånd från bebyggelse.

> – Spårning i snö är fortfarande grunden, men de senaste vintrarna har varit så varma att vi ibland inte
> kunnat göra inventeringen alls. Drönaren ger oss ett verktyg när vädret sviker, säger viltförvaltaren Lena
> Håkansson.

Frågan om vargstammens storlek är politiskt laddad i länet. Jägarorganisationer menar att antalet djur länge
har underskattats, medan naturvårdsorganisationer varnar för att nya metoder inte får bli ett sätt att
motivera större licensjakt utan vetenskapligt underlag.

Enligt den senaste officiella inventeringen fanns det förra vintern omkring 85 vargar med fast revir i
Värmland. Resultaten från den nya metoden jämförs med spårningen och DNA-prover från spillning innan de får
användas i den officiella statistiken, vilket väntas ske tidigast 2026.
====
slug: malmo-gratis-bussresor-pensionarer
lang: sv
title: Malmö inför gratis bussresor för pensionärer utanför rusningstid
authors: Sara Nilsson; Ahmed Karimi
date: 2025-01-22 14:40
section: nyheter
tags: Kollektivtrafik, Sydsverige, Äldres villkor
---
Från och med den 1 april kan Malmöbor som fyllt 70 år åka gratis med stadsbussarna vardagar mellan klockan 9
och 15 samt hela helgen. Beslutet fattades i kommunfullmäktige på onsdagskvällen efter en utdragen diskussion, och
reformen beräknas kosta omkring 28 miljoner kronor per år.

[Skånetrafiken] har länge varit skeptisk till lokala undantag från zonsystemet, men har nu gått med på en
försöksperiod på två år. Pensionärerna får ett särskilt resekort som laddas automatiskt, och kortet gäller inte
på regionbussar eller Pågatåg.

## Ska minska ofrivillig ensamhet

Enligt kommunen är syftet främst socialt. Äldreförvaltningen har i flera undersökningar sett att kostnaden för
resor är ett skäl till att äldre med låg pension stannar hemma, och att ensamheten ökar tydligt efter 75 års
ålder, särskilt bland dem som bor ensamma.

Oppositionen kritiserar att reformen riktas till alla över 70 oavsett inkomst. Liberalerna hade hellre sett
att pengarna gick till fler platser på kommunens träffpunkter och till ett utökat stöd för färdtjänst, som
många av de allra äldsta är beroende av för att ta sig någonstans alls.

Pensionärernas riksorganisation i Malmö välkomnar beslutet men vill att tidsgränsen tas bort. Många äldre har
läkarbesök eller ärenden tidigt på morgonen, påpekar föreningens ordförande Birgitta Olsson, och då hjälper det
föga att resan är gratis först efter klockan nio.
====
slug: kiruna-stadsflytt-sista-etappen
lang: sv
title: Sista etappen av Kirunas stadsflytt har påbörjats
authors: Johan Berg
date: 2025-06-10 09:15
section: nyheter
tags: Stadsflytten i Kiruna, Gruvindustri, Kulturmiljö
---
! Flyttbilarna lyfter ett av de gamla trähusen från Bolagsområdet på måndagsmorgonen.
|| Foto: Elin Törnqvist / Nordposten

Det första av de sista fjorton husen som ska flyttas från det gamla centrumet i Kiruna rullade på måndagen i
gångfart genom staden. Flytten av det ljusgula trähuset från 1910-talet tog drygt sex timmar, och hundratals
invånare följde transporten längs vägen.

Stadsflytten har pågått i mer än femton år och beror på att gruvbrytningen under marken orsakar sprickor som
sakta närmar sig bebyggelsen. Totalt har gruvbolaget hittills finansierat nybyggnation eller flytt av omkring
3 000 bostäder, ett nytt stadshus och en ny järnvägsstation.

Husen som flyttas nu ingår i det kulturhistoriskt värdefulla Bolagsområdet, där arbetare och tjänstemän vid
gruvan bodde i början av förra seklet. De ska placeras i ett nytt kvarter nära det nya centrumet, med samma
inbördes avstånd och väderstreck som tidigare.

> – Det är konstigt att se sitt barndomshem åka förbi på ett lastbilsflak. Men jag är glad att det får finnas
> kvar och inte bara rivs, säger Gunnel Kero, 78, som växte upp i ett av husen.

Arbetet beräknas pågå till slutet av sommaren 2026. Kommunen har samtidigt inlett en dialog med boende i de
östra stadsdelarna, som enligt gruvbolagets senaste prognos kan behöva flytta under nästa decennium om
brytningen fortsätter i nuvarande takt.
====
slug: uppsala-skolor-testar-mobilforbud
lang: sv
title: Skolor i Uppsala testar mobilförbud under hela skoldagen
authors: Sara Nilsson
date: 2025-09-01 13:05
section: nyheter
tags: Skola och utbildning, Barn och unga, Digitalisering
---
Sju grundskolor i Uppsala inför från och med denna vecka ett förbud mot mobiltelefoner under hela skoldagen,
inklusive raster och lunch. Eleverna lämnar in sina telefoner i låsbara skåp vid skoldagens början och får
tillbaka dem först när den sista lektionen är slut.

Försöket pågår under hela läsåret och ska utvärderas av forskare vid Uppsala universitet. De ska bland annat
titta på elevernas studieresultat, upplevd stress och hur ofta det förekommer kränkningar på nätet under
skoltid, jämfört med skolor som behåller dagens regler.

## Så fungerar försöket

Skolorna har fått frihet att utforma detaljerna själva, men alla följer några gemensamma grundregler som
kommunens utbildningsförvaltning tog fram under våren tillsammans med rektorer, elevråd och föräldraföreningar,
efter att ha studerat liknande försök i Danmark och Nederländerna:

- Telefonerna låses in vid första lektionen och lämnas ut efter den sista.
- Elever som behöver telefonen av medicinska skäl får undantag.
- Vårdnadshavare når sina barn via skolans expedition under dagen.

> – De första dagarna var det många som protesterade, men redan nu ser vi att det är mer liv på skolgården.
> Folk spelar pingis igen, säger Wilma, som går i nian på en av skolorna.

Skolverket har tidigare konstaterat att många skolor redan har någon form av mobilregler, men att de tillämpas
mycket olika. Regeringen har aviserat att ett nationellt förbud kan bli aktuellt från 2026, och flera kommuner
avvaktar därför resultaten från Uppsala innan de fattar egna beslut.
====
slug: tidig-is-bottenviken-forsenar-sjofarten
lang: sv
kind: partner-copy
partner: Nordisk Nyhetstjänst (NNT)
title: Tidig is i Bottenviken försenar sjöfarten till norrlandshamnarna
authors: Erik Nyholm
date: 2025-11-18 10:25
section: nyheter
tags: Sjöfart och hamnar, Vinterväder, Norrbotten
---
Isen har lagt sig ovanligt tidigt i norra Bottenviken och flera fartyg har fått vänta i upp till ett dygn på
isbrytarassistans utanför Luleå och Kemi. Sjöfartsverket har därför infört trafikrestriktioner för mindre
fartyg redan i mitten av november, nästan tre veckor tidigare än ett normalt år.

Det är framför allt den kalla och vindstilla perioden i början av månaden som fått isen att bildas snabbt i de
grunda vattnen längst in i viken. Tjockleken är på sina håll redan 20 centimeter, vilket räcker för att fartyg
utan isklass ska få svårt att ta sig fram.

Två av de statliga isbrytarna har flyttats norrut tidigare än planerat och en tredje väntas vara på plats till
helgen. Samarbetet med den finska sidan innebär att brytarna assisterar fartyg oavsett vilket lands hamn de är
på väg till, något som enligt myndigheten fungerar väl.

För industrin längs kusten kan förseningarna bli kännbara. Stålverket i Luleå och flera massabruk är beroende
av regelbundna leveranser av råvaror, och redan en eller två dagars väntan ger effekter i produktionen, enligt
en talesperson för Skellefteå hamn.

Meteorologerna räknar med mildare väder mot slutet av veckan, vilket kan bromsa isbildningen tillfälligt.
Långtidsprognosen pekar ändå på en kallare vinter än de senaste åren, och Sjöfartsverket uppmanar rederier att
planera för längre restider fram till våren.
====
slug: copenhagen-closes-harbour-baths-algae
lang: en
title: Copenhagen closes harbour baths after toxic algae bloom
authors: Rebecca Holm
date: 2024-07-24 12:30
section: news
tags: Harbour bathing, Public health, Danish affairs
---
Copenhagen has closed four of its five harbour baths after a bloom of blue-green algae spread through the inner
harbour during the hottest week of the summer. The city's environmental department said on Wednesday that the
closures would remain in place until water samples showed safe levels for at least two consecutive days.

The baths at Islands Brygge, Fisketorvet, Sluseholmen and Kalvebod Bølge are among the city's most popular
summer attractions, drawing tens of thousands of swimmers on warm days. Only the bath at Sandkaj in Nordhavn,
which draws water from a different part of the harbour, remains open.

> "We know this is disappointing in the middle of a heatwave, but the toxins produced by these algae can cause
> skin rashes and stomach problems, especially in children," said Mette Larsen, head of the city's water quality
> unit.

Scientists at the University of Copenhagen say such blooms are becoming more frequent as sea temperatures in
the Baltic rise. Calm weather and high levels of nutrients washed into the sea from farmland create ideal
conditions for the algae, which can double in volume in a matter of days.

The closures have renewed calls for the city to build more protected swimming areas. A proposal to create a
large bathing zone with natural filtration near Refshaleøen is expected to go before the city council in the
autumn, although critics question whether it would be immune to the same problem.
====
slug: oslo-approves-electric-ferry-depot
lang: en
title: Oslo approves Europe's largest charging depot for electric ferries
authors: Thomas Aune
date: 2024-10-08 15:20
section: news
tags: Electric transport, Shipping, Norwegian affairs
---
Oslo city council has approved plans for a charging and maintenance depot capable of serving up to 14 electric
ferries at once, in what officials say will be the largest facility of its kind in Europe. The depot, to be
built at Vippetangen near the city centre, is due to open in 2027 at a cost of around 1.2 billion kroner.

The city already runs an [all-electric fleet] on its routes to the islands of the inner Oslofjord, but the
existing chargers are spread across several quays and struggle to cope during the busy summer season. Ferries
sometimes have to wait for a free charger, causing delays that ripple across the timetable.

## Grid capacity is the main challenge

The biggest technical hurdle is the power supply. At peak times the depot will draw as much electricity as a
small town, and the grid operator has warned that the substation serving the waterfront needs a major upgrade.
To reduce the load, the plan includes a battery bank that charges overnight when demand is low.

Environmental groups welcomed the decision but urged the city to move faster on the larger car ferries that
cross the fjord further south, which still run mainly on diesel. Those routes are the responsibility of the
regional authority, which says it expects to award new zero-emission contracts next year.

Construction is expected to start in the spring. The city says the old customs warehouse on the site, a listed
building from the 1920s, will be restored and turned into a waiting hall with a café and a small exhibition
about the history of ferry traffic on the fjord.
====
slug: finland-forests-absorbing-less-carbon
lang: en
title: Finland's forests are absorbing far less carbon than expected, study finds
authors: Rebecca Holm; Jussi Laine
date: 2025-02-12 09:00
section: news
tags: Climate and environment, Forest policy, Science news
---
Finland's forests have turned from a major carbon sink into a much weaker one in less than a decade, according
to a study published this week by the Natural Resources Institute Finland. The researchers estimate that
forests absorbed about 60% less carbon dioxide on average between 2020 and 2023 than during the previous ten
years.

The decline is partly explained by increased logging to meet demand from the pulp and timber industries, but
the study also points to slower tree growth and higher emissions from soils. Drained peatlands, which make up a
large share of the country's forest land, are releasing more carbon as summers become warmer and drier.

The findings put pressure on the government's target of making the country carbon neutral by 2035, one of the
most ambitious goals in the world. Official plans have relied heavily on forests to offset emissions from
transport, agriculture and industry, an assumption the study's authors say no longer holds.

> "We cannot simply assume the forest will do the work for us. The numbers show that the sink is fragile and
> that it responds quickly to both harvesting and warmer weather," said lead author Aino Virtanen.

Forestry groups argue that the study underestimates the carbon stored in long-lasting wood products such as
timber used in construction. The forest industry federation said cutting harvests would shift production to
other countries without reducing global emissions, and called for more investment in faster-growing trees.

A parliamentary working group is expected to present proposals for new land-use policies in the spring.
Options under discussion include restoring drained peatlands, extending the time between harvests in
state-owned forests and paying private owners to keep older trees standing.
====
slug: stockholm-rents-rise-fastest-decade
lang: en
title: Stockholm rents rise at fastest pace in a decade
authors: Thomas Aune
date: 2025-04-29 11:45
section: news
tags: Housing market, Cost of living, Swedish affairs
---
Rents for new tenancies in Stockholm rose by an average of 6.8% this year, the steepest increase in more than a
decade, according to figures from the Swedish Union of Tenants. The rise follows months of negotiations between
landlords and tenants' representatives that ended with the first city-wide agreement above inflation since
2013.

Sweden's rental market is tightly regulated, with rents set through collective bargaining rather than by
individual landlords. Defenders of the model say it protects tenants from sudden hikes, while critics argue it
has created queues of more than ten years for a first-hand contract in the most popular parts of the capital.

## Newly built flats hit hardest

The largest increases apply to newly built apartments, where landlords are allowed to set so-called
presumption rents for the first 15 years. In some new developments on the edges of the city, a two-room flat
now costs more than 14,000 kronor a month, roughly half the median take-home pay of a single earner.

Housing economists say the increases reflect higher interest rates and construction costs, which have caused
many developers to pause projects. The number of new rental homes started in the Stockholm region fell by
almost half last year, raising fears that shortages will worsen once the current pipeline is completed.

The tenants' union has called on the government to restore a state investment subsidy for rental housing that
was scrapped in 2022. The housing minister said there were no plans to reintroduce it, but promised measures to
speed up planning decisions and reduce the cost of building permits.
====
slug: reykjavik-rapid-bus-line-approved
lang: en
kind: partner-copy
partner: The North Atlantic Review
title: Reykjavík's rapid bus line clears final planning hurdle
authors: Helga Sigurðardóttir
date: 2025-06-03 08:40
section: news
tags: Public transport, Icelandic affairs, Urban planning
---
Reykjavík's long-planned rapid bus network has cleared its final planning hurdle after the city council
approved the route for the first line, which will link the university district with the growing suburbs to the
east. Construction is expected to begin in the autumn, with the first buses running in 2029.

The line will run mostly on dedicated lanes separated from other traffic, with stations every 500 to 700
metres and buses every seven minutes at peak times. Planners say the journey from the eastern suburbs to the
city centre will be about a third faster than on today's regular buses.

The project has been debated for more than a decade in a city where car ownership is among the highest in
Europe. Opponents argue that the money would be better spent on road improvements, pointing out that winter
weather and long distances make cycling and walking less practical than in other Nordic capitals.

Backers of the scheme counter that the population of the capital area is expected to grow by around 70,000
people by 2040 and that the road network cannot absorb that many extra cars. The line is designed to be
converted to light rail later if passenger numbers grow as fast as forecasts suggest.

The national government and the municipalities in the capital region have agreed to share the cost, currently
estimated at about 30 billion krónur for the first phase. Part of the money will come from a new congestion
charge, the details of which are still being negotiated.
====
slug: baltic-herring-quota-cut-by-a-third
lang: en
title: Baltic herring quota cut by a third as stocks decline
authors: Jussi Laine
date: 2025-10-22 16:10
section: news
tags: Fishing industry, Baltic Sea policy, EU decisions
---
European Union fisheries ministers have agreed to cut next year's catch limit for herring in the central Baltic
by 33%, after scientists warned that the stock had fallen to one of its lowest levels on record. The decision,
reached after all-night talks in Luxembourg, is a blow to fishing communities in Sweden, Finland and the Baltic
states.

Scientists had recommended an even larger reduction. The International Council for the Exploration of the Sea
said in its annual advice that herring were growing more slowly and reaching smaller sizes than in the past,
likely because of changes in the food supply as the sea warms.

The cut is not distributed evenly. Countries with large industrial fleets that turn herring into fishmeal will
see the biggest reductions, while a small share of the quota is protected for coastal fishers who sell their
catch fresh. The main points of the deal are:

- a 33% reduction in the central Baltic herring quota;
- a continued ban on targeted cod fishing in the eastern Baltic;
- a review of trawling rules in coastal waters within two years.

> "Every year we are told to tighten our belts, and every year there are fewer fish. Nobody is asking why the
> big trawlers are still allowed so close to the coast," said Per-Olof Ström, a fisherman from Gävle.

Environmental organisations welcomed the cut but said it did not go far enough. They want the EU to close the
industrial fishery for fishmeal in the Baltic altogether, arguing that herring are essential food for seals,
seabirds and the remaining cod, and that small-scale fishers would benefit in the long run.
====
slug: venezia-torna-ticket-accesso
lang: it
title: Venezia, torna il ticket d'accesso con più giornate e nuove fasce orarie
authors: Giulia Ferraro
date: 2025-03-11 10:35
section: notizie
tags: Overtourism, Laguna, Beni Unesco
---
Il contributo d'accesso per i visitatori giornalieri di Venezia tornerà dal 18 aprile e sarà applicato in 54
giornate, quasi il doppio rispetto alla prima sperimentazione. Lo ha annunciato la giunta comunale, che ha
confermato anche la tariffa di 10 euro per chi prenota a meno di quattro giorni dalla visita.

La fascia oraria in cui è richiesto il pagamento viene estesa dalle 8.30 alle 16, mezz'ora in più rispetto
allo scorso anno. Restano esenti i residenti, gli studenti, i lavoratori pendolari e chi pernotta in una
struttura ricettiva del comune, che paga già l'imposta di soggiorno.

## I risultati della prima sperimentazione

Secondo i dati diffusi dall'amministrazione, durante la prima stagione sono stati pagati circa 485 mila
contributi, per un incasso di oltre 2,4 milioni di euro. Il Comune sostiene che la misura abbia aiutato a
distribuire meglio i flussi, mentre le associazioni dei residenti parlano di effetti appena percettibili nelle
giornate di punta.

> «Il ticket non è la soluzione a tutti i problemi della città, ma è uno strumento che ci permette finalmente
> di sapere quante persone arrivano e quando», ha dichiarato l'assessore al Bilancio, Michele Zanin.

Le opposizioni in consiglio comunale chiedono invece un numero chiuso nelle giornate più affollate e un piano
per riportare abitanti nel centro storico, che è sceso sotto i 49 mila residenti. Anche l'Unesco, nelle sue
ultime valutazioni, ha sollecitato misure più incisive sul turismo di massa.
====
slug: bologna-citta-30-un-anno-dopo
lang: it
title: Bologna Città 30, un anno dopo: incidenti gravi in calo del 31%
authors: Davide Rinaldi
date: 2025-01-16 12:20
section: notizie
tags: Sicurezza stradale, Mobilità urbana, Emilia-Romagna
---
A un anno dall'introduzione del [limite di 30 chilometri orari] su gran parte delle strade urbane, Bologna
registra un calo del 31% degli incidenti con feriti gravi e nessun pedone morto per la prima volta da quando
esistono le statistiche comunali. I dati sono stati presentati ieri a Palazzo d'Accursio insieme a una prima
analisi indipendente.

Il numero complessivo degli incidenti è sceso del 13%, mentre le multe per eccesso di velocità sono diminuite
dopo i primi mesi, segno secondo l'amministrazione che gli automobilisti si sono adattati. I tempi di
percorrenza medi delle auto, misurati con i dati dei navigatori, sono aumentati di meno di un minuto per
tragitto.

> «Ci avevano detto che la città si sarebbe bloccata. Non è successo, e nel frattempo ci sono decine di
> persone che non sono finite in ospedale», ha detto il sindaco durante la conferenza stampa.

Le associazioni di categoria dei tassisti e degli autotrasportatori restano critiche. Sostengono che i
controlli penalizzino chi lavora su strada e chiedono di ripristinare il limite dei 50 su alcune arterie di
scorrimento, come i viali di circonvallazione, dove il traffico è più intenso nelle ore di punta.

Il Ministero delle Infrastrutture aveva contestato la misura nei primi mesi, emanando una direttiva che limita
le zone a 30 all'ora ad aree specifiche. Il Comune ha risposto rivedendo la segnaletica su alcune strade, ma il
modello è rimasto sostanzialmente invariato e altre città, da Torino a Padova, stanno valutando provvedimenti
simili.

Nei prossimi mesi l'amministrazione prevede di investire altri 12 milioni di euro in attraversamenti rialzati,
piste ciclabili protette e strade scolastiche chiuse al traffico negli orari di ingresso e uscita. L'obiettivo
dichiarato è dimezzare entro il 2030 il numero di vittime rispetto al 2019.
====
slug: sicilia-siccita-acqua-razionata
lang: it
title: Siccità in Sicilia, l'acqua razionata in novanta comuni
authors: Salvatore Lo Piccolo
date: 2024-07-02 09:50
section: notizie
tags: Crisi idrica, Agricoltura siciliana, Clima estremo
---
Sono ormai novanta i comuni siciliani in cui l'acqua arriva nelle case solo a giorni alterni o per poche ore al
giorno. La Regione ha chiesto al governo di prolungare lo stato di emergenza per la carenza idrica, dopo un
inverno con precipitazioni inferiori del 40% alla media degli ultimi trent'anni.

La situazione più grave riguarda le province di Agrigento, Caltanissetta ed Enna, dove diversi invasi sono
scesi sotto il 10% della capacità. In alcuni quartieri di Agrigento le famiglie si riforniscono con autobotti
private, pagando fino a 150 euro per un carico da diecimila litri.

## Gli agricoltori contano i danni

Per il settore agricolo il bilancio è pesante. Le organizzazioni di categoria stimano perdite superiori al
miliardo di euro tra cereali, foraggi e agrumi, e molti allevatori hanno iniziato a vendere parte dei capi
perché non riescono più a garantire acqua e fieno a prezzi sostenibili.

La Regione punta su interventi rapidi, come la riattivazione di pozzi dismessi e il noleggio di dissalatori
mobili da installare nei porti di Porto Empedocle, Gela e Trapani. Gli esperti avvertono però che il problema
principale resta la rete idrica, che secondo l'Istat disperde più della metà dell'acqua immessa.

Le associazioni ambientaliste chiedono un piano di lungo periodo che includa il riutilizzo delle acque reflue
in agricoltura e la manutenzione delle dighe, alcune delle quali non sono mai entrate pienamente in funzione.
Intanto i vescovi dell'isola hanno invitato le parrocchie a una giornata di preghiera per la pioggia.
====
slug: torino-riapre-cavallerizza-reale
lang: it
title: Torino, la Cavallerizza Reale riapre dopo dieci anni di restauri
authors: Giulia Ferraro; Marco Bellini
date: 2025-10-04 17:30
section: notizie
tags: Patrimonio culturale, Piemonte, Musei e mostre
---
! Il cortile delle Guardie della Cavallerizza Reale durante la giornata inaugurale, con i visitatori in coda
per la prima visita guidata. || Foto: Marco Bellini / Nordposten

Dopo dieci anni di cantieri, occupazioni e progetti rimasti sulla carta, la Cavallerizza Reale di Torino ha
riaperto sabato una prima parte dei suoi spazi al pubblico. Migliaia di persone hanno visitato il complesso
barocco, patrimonio Unesco, che per oltre due secoli ha ospitato le scuderie e il maneggio dei Savoia.

Il restauro ha interessato il maneggio alfieriano, la manica delle scuderie e il cortile delle Guardie, per un
investimento complessivo di circa 48 milioni di euro tra fondi pubblici e risorse di fondazioni bancarie. Nei
prossimi anni saranno recuperati anche gli edifici danneggiati dall'incendio del 2019.

Gli spazi ospiteranno una biblioteca universitaria, sale prove per musicisti, laboratori per le scuole e un
auditorium da 400 posti. L'ultimo piano della manica ovest sarà destinato a residenze per artisti, con affitti
calmierati riservati a giovani under 35 selezionati con un bando pubblico.

> «Restituiamo alla città un luogo che per troppo tempo è stato chiuso dietro una recinzione. Adesso deve
> tornare a vivere ogni giorno, non solo nelle occasioni speciali», ha detto la rettrice durante l'inaugurazione.

Non sono mancate le critiche. Il collettivo che aveva occupato parte del complesso tra il 2014 e il 2019 ha
organizzato un presidio all'esterno, accusando le istituzioni di aver escluso dalla gestione le realtà
culturali indipendenti che avevano tenuto aperti gli spazi negli anni dell'abbandono.
====
slug: trieste-porto-treni-merci-europa
lang: it
title: Trieste, il porto punta sui treni merci verso l'Europa centrale
authors: Davide Rinaldi
date: 2024-11-26 11:00
section: notizie
tags: Porti e interporti, Friuli Venezia Giulia, Trasporto ferroviario
---
Il porto di Trieste ha superato quest'anno i 10.000 treni merci in partenza e in arrivo, un record che
conferma il ruolo dello scalo come porta d'ingresso verso l'Austria, la Germania meridionale e l'Europa
orientale. Più della metà dei container sbarcati sulle banchine lascia la città su rotaia.

La crescita è legata soprattutto ai collegamenti con i terminal interni di Monaco di Baviera, Linz e Budapest,
serviti ogni settimana da decine di convogli. L'Autorità di sistema portuale sottolinea che ogni treno completo
toglie dalla strada l'equivalente di circa quaranta camion lungo l'autostrada verso il confine.

## Gli investimenti previsti

Per sostenere l'aumento dei traffici, il piano dell'Autorità portuale prevede interventi per oltre 400 milioni
di euro nei prossimi cinque anni, tra cui alcune opere che gli operatori considerano prioritarie e urgenti:

- il potenziamento della stazione di Campo Marzio con nuovi binari da 750 metri;
- l'ampliamento della piattaforma logistica nell'area dell'ex Ferriera di Servola;
- un nuovo sistema digitale per la gestione coordinata di treni e navi.

Gli operatori del settore chiedono però di accelerare i lavori sulla linea ferroviaria tra Trieste e Udine e
sul valico di Tarvisio, dove i limiti di capacità rischiano di diventare un collo di bottiglia. Anche i
sindacati segnalano la carenza di macchinisti, che in alcune settimane ha costretto a cancellare diverse
partenze.

Il prossimo passo sarà la gara per la gestione del nuovo terminal multipurpose, attesa entro la primavera.
Diverse compagnie di navigazione internazionali hanno già manifestato interesse, attratte dal regime di porto
franco che permette di lavorare e trasformare le merci senza pagare dazi fino all'uscita dall'area.
====
slug: alpi-ghiacciai-perso-dieci-per-cento
lang: it
title: Alpi, i ghiacciai hanno perso il 10% del volume in due anni
authors: Chiara De Zordo
date: 2024-10-15 14:45
section: notizie
tags: Ghiacciai alpini, Montagna e territorio, Ricerca scientifica
---
I ghiacciai delle Alpi hanno perso circa il 10% del loro volume complessivo tra il 2022 e il 2023, una
riduzione che in passato richiedeva almeno un decennio. È la stima contenuta nel rapporto annuale della rete di
monitoraggio glaciologico, presentato ieri a Trento da ricercatori italiani, svizzeri e austriaci.

Le cause principali sono gli inverni con poca neve e le estati particolarmente calde, con lo zero termico che
in più occasioni ha superato i 5.000 metri di quota. In queste condizioni anche i ghiacciai più elevati perdono
spessore, perché la neve accumulata in inverno non basta più a proteggere il ghiaccio sottostante.

In Italia la situazione più critica riguarda i piccoli apparati delle Dolomiti e delle Alpi
Orobie, molti dei quali sono ormai ridotti a placche di ghiaccio coperte da detriti. Il ghiacciaio della
Marmolada, il più esteso delle Dolomiti, potrebbe scomparire quasi del tutto entro il 2040, secondo i modelli.

> «Non stiamo più parlando di un fenomeno lento. Ogni estate troviamo sentieri, rifugi e prese d'acqua che
> devono essere ripensati da capo», ha spiegato la glaciologa Francesca Moser, tra gli autori dello studio.

La riduzione dei ghiacciai ha conseguenze dirette sulle comunità di montagna: meno acqua disponibile in estate
per l'agricoltura e le centrali idroelettriche, maggiore rischio di crolli e colate detritiche, e un turismo
alpino che deve adattarsi. Diversi comuni stanno già rivedendo i piani di protezione civile per i mesi più
caldi.
"""


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "freshsites-b")
    for site_name in build(target):
        gold = json.loads((target / site_name / "site.json").read_text(encoding="utf-8"))
        counts: dict[str, int] = {}
        for info in gold["pages"].values():
            key = f"{info['language']}/{info['kind']}"
            counts[key] = counts.get(key, 0) + 1
        files = sum(1 for p in (target / site_name).rglob("*") if p.is_file())
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        print(f"{site_name}: {len(gold['pages'])} article-like pages ({summary}); {files} files")
