"""A story's authors as a list of names: from the page's structured data first (JSON-LD ``author``, ``<meta
name="author">``), then trafilatura's string, then the visible byline — each split on the separators a list
of names uses and cleaned of what is not a name: roles ("Senior Autos Reporter", "CEO of CaseBasix"),
credentials ("Ph.D.", "RN, BSN"), labels ("Article by", "Reviewed by X" goes whole), dates glued on ("… Last
Updated August 1"), and the site's own name standing in for a person when a person is named.

Measured on wcxb_dev's article pages (bench/eval_metadata.py). Plain functions; the token tables below are
data (month names come from CLDR through babel, for every language the corpus has).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.textmeta import MONTHS

MAX_AUTHORS = 12
MAX_NAME_CHARS = 80
# A label before the names: "By", "Article by", "Written by", "Words:", "Texte :", "Autor:".
_LABEL = re.compile(r"^(?:read\s+more\s+about\s+|more\s+from\s+|(?:article|story|words|text|written|posted|"
                    r"published|reporting|photos?|edited)\s+)?(?:(?:by|von|par|por|di|de|door|av|af|autor(?:a|ka|es|as|zy)?|"
                    r"authors?|texte?|words|автор(?:ы|ка)?|от|текст|yazan|muhabir|skrevet\s+av|av)\b)?\s*:?\s*",
                    re.IGNORECASE)
_LATER_ROLE = re.compile(r"\s+(?:(?:medically\s+)?reviewed|fact[- ]checked|photos?|edited)\s+by\b.*$", re.IGNORECASE)
# A list of names a reviewer, a photographer or an editor heads is not the story's authors.
_OTHER_ROLE = re.compile(r"^(?:(?:medically\s+|fact[- ]checked\s+|expert\s+)?reviewed|fact[- ]checked|photos?|"
                         r"photography|illustrations?|edited|video|graphics)\b(?:\s+by)?\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|\||•|·|⋅|∙|,|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bog\b|\boch\b|"
                         r"\ben\b|\bи\b)\s*")
ROLE_WORDS = frozenset("""
    editor editors reporter reporters writer writers correspondent contributor contributors columnist staff
    journalist author senior chief managing deputy associate assistant executive editorial desk lead
    ceo cto cfo coo founder cofounder co-founder president director manager head partner officer analyst
    expert specialist consultant strategist producer photographer attorney lawyer review reviews
    rédacteur rédactrice journaliste redakteur redakteurin korrespondent korrespondentin periodista
    redactor redactora corresponsal giornalista redattore redattrice jornalista repórter dziennikarz
    redaktor redaktorka reporterka journalist redaktion
""".split())
# A byline's last word that makes the whole a group's name, not a person's followed by a role.
COLLECTIVE_WORDS = frozenset("""
    editors team staff desk newsroom redaktion rédaction redacción redazione redactie redakcja redação
""".split())
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,6}\b\.?(?:\s*®)?|Ph\.?\s?D\.?|M\.?\s?D\.?|M\.?\s?S\.?|B\.?\s?S\.?|"
                         r"Jr\.?|Sr\.?|CEPF®?|RDN?)$")
# Credentials after a name: any capitals after a comma ("…, MS, RD, FAND"), the common ones without one.
_KNOWN_CREDENTIALS = r"(?:Ph\.?\s?D|M\.?D|RN|BSN|DVM|CPP|PSP|MBA|RDN?|CFP|CPA|CEPF|LCSW|PharmD|DDS|JD|Esq)\b\.?®?"
_TRAILING_CREDENTIALS = re.compile(rf"(?:,\s*(?:[A-Z]{{2,6}}\b\.?®?|{_KNOWN_CREDENTIALS})|\s+{_KNOWN_CREDENTIALS})+$")
_ADDRESS = re.compile(r"\S/\S|^(?:www\.|https?:)", re.IGNORECASE)  # a profile's address is not a name
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|published|posted|modified|on)\b.*$", re.IGNORECASE)


LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "cs", "ro", "ru", "uk", "tr")


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """Month names, wide and abbreviated, as each language writes them (CLDR via babel): "December" and
    "Dec", but "maio" — so that "Deborah Di Maio" keeps her name."""
    try:
        from babel import Locale
    except ImportError:  # babel comes with the dependencies; without it, dates are found by their digits
        return frozenset()
    words: set[str] = set()
    for code in LOCALES:
        locale = Locale.parse(code)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                words |= {m.rstrip(".") for m in locale.months[context][width].values()}
    return frozenset(words)


def _cut_at_date(name: str) -> str:
    """"Cazzy Magennis Last Updated August 1", "Haley Hoekstra • March" → the name before the date: from a
    month name as its language writes it, or any lowercase month name followed by a number, or a number."""
    name = _UPDATED.sub("", name).strip()
    words = name.split()
    months = month_words()
    for i, word in enumerate(words):
        bare = word.strip(".,")
        followed_by_number = i + 1 < len(words) and words[i + 1][:1].isdigit()
        if i and (bare in months or (followed_by_number and bare.casefold() in MONTHS) or bare[:1].isdigit()):
            return " ".join(words[:i])
    return name


def _strip_roles(name: str) -> str:
    """Trailing role words ("Keith Barry Senior Autos Reporter" → "Keith Barry"): from the first role word
    after the second word on, when it leaves a name."""
    words = name.split()
    if words and words[-1].casefold() in COLLECTIVE_WORDS:
        return name  # "The Currency editors", "Great Day Editorial Team": a group signs, its name is whole
    for i, word in enumerate(words):
        if i >= 2 and word.casefold().strip(".,") in ROLE_WORDS:
            return " ".join(words[:i - 1] if i >= 3 and words[i - 1][0].isupper() and
                            words[i - 1].casefold() not in ROLE_WORDS and _looks_like_name(words[:i - 1])
                            else words[:i])
    return name


def _looks_like_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def is_role(part: str) -> bool:
    """A segment that names a role, not a person: "CEO of CaseBasix", "Staff Writer", "Sr. Director of
    Operations" (a name followed by a role is cut to the name by ``_strip_roles`` instead)."""
    words = [w.casefold().strip(".,") for w in part.split()]
    return bool(words) and (words[0] in ROLE_WORDS or all(w in ROLE_WORDS for w in words) or
                            any(w in ROLE_WORDS for w in words) and any(w in ("of", "at", "für") for w in words))


def split_names(value: str) -> list[str]:
    """One author string as names: labels, roles, credentials, dates and other people's roles taken off."""
    value = " ".join(value.split())
    if not value or len(value) > 400:
        return []
    names: list[str] = []
    for chunk in re.split(r"\s+(?:\||·|•|⋅|∙|/)\s+", value):
        if _OTHER_ROLE.match(chunk):
            continue  # "Reviewed by X", "Photos: Y": not the story's authors
        chunk = _LATER_ROLE.sub("", _LABEL.sub("", chunk, count=1)).strip()
        chunk = _TRAILING_CREDENTIALS.sub("", chunk)
        for part in _SEPARATORS.split(chunk):
            part = part.strip(" .,:;-–—()\"'“”«»")
            if not part or _CREDENTIAL.match(part) or is_role(part) or part in month_words() or _ADDRESS.search(part):
                continue
            part = _strip_roles(_cut_at_date(_TRAILING_CREDENTIALS.sub("", _LABEL.sub("", part, count=1))))
            if part and len(part) <= MAX_NAME_CHARS and any(ch.isalpha() for ch in part) and part not in names:
                names.append(part)
    return names[:MAX_AUTHORS]


def _json_ld_authors(blocks: list) -> list[str]:
    """Person authors of the page's parsed JSON-LD blocks (``pipelines.headline.json_ld_blocks``)."""
    names: list[str] = []
    for data in blocks:
        stack, seen = [(data, 0)], 0
        while stack and seen < 500:
            node, depth = stack.pop(0)
            seen += 1
            if isinstance(node, list) and depth < 6:
                stack += [(x, depth + 1) for x in node]
            elif isinstance(node, dict) and depth < 6:
                author = node.get("author")
                for entry in author if isinstance(author, list) else [author]:
                    if isinstance(entry, dict) and entry.get("@type") not in (None, "Person", ["Person"]):
                        continue  # an organisation standing in for its writers
                    name = entry.get("name") if isinstance(entry, dict) else entry
                    if isinstance(name, str) and not name.startswith("http"):
                        names += [n for n in split_names(name) if n not in names]
                if names:
                    return names
                stack += [(v, depth + 1) for k, v in node.items() if k != "author" and isinstance(v, (dict, list))]
    return names


# The label of the author in the "label / data" pairs of Twitter's summary card (WordPress SEO plugins write
# ``twitter:label1`` "Written by" and ``twitter:data1`` the name), in the corpus's languages.
_CARD_AUTHOR_LABEL = re.compile(r"^\s*(?:(?:written|geschrieben|écrit|escrito|scritto|geschreven|napisane|skrevet|"
                                r"skriven|yazan)\s+(?:by|von|par|por|da|door|przez|av|af)|by|authors?|autor(?:a|es)?|"
                                r"auteur|autore|yazar|автор)\s*:?\s*$", re.IGNORECASE)


def _card_authors(tree) -> list[str]:
    """The name a summary card labels as the author (``twitter:labelN`` "Written by", ``twitter:dataN``)."""
    card = {}
    for element in tree.xpath("//meta[starts-with(@name, 'twitter:label') or starts-with(@name, 'twitter:data')]"
                              )[:20]:
        card.setdefault(element.get("name"), element.get("content") or "")
    for number in range(1, 6):
        if _CARD_AUTHOR_LABEL.match(card.get(f"twitter:label{number}", "")):
            return split_names(card.get(f"twitter:data{number}", ""))
    return []


def _meta_authors(tree) -> list[str]:
    values = tree.xpath("//meta[@name='author' or @property='article:author' or @name='dc.creator' or "
                        "@name='DC.creator' or @name='parsely-author' or @name='sailthru.author']/@content")[:4]
    names: list[str] = []
    for value in values:
        if not value.strip().startswith("http"):
            names += [n for n in split_names(value) if n not in names]
    return names or _card_authors(tree)


_LABEL_ONLY = re.compile(r"^(?:written\s+by|by|author|authors|autor(?:a|ka)?|auteur|par|por|von|di|yazan|"
                         r"автор)\s*:?$", re.IGNORECASE)


def _name_like(part: str) -> bool:
    words = part.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not is_role(part)


MAX_JOINED_NODES = 3  # text nodes a byline may be split over: "By", "A. J. Neal"


def near_headline(tree) -> list[str]:
    """A byline the page shows by its headline without marking it up: a short line right after the ``<h1>``
    holding a date or a label ("Aaron Ricadela | Senior Writer | July 2, 2025"), or a "Written by" label
    followed by the name in the next element."""
    from pipelines.datelines import first_headline
    from pipelines.textmeta import element_text, parse_date

    heading = first_headline(tree)
    if heading is None:
        return []
    following = heading.xpath("following::*[self::p or self::div or self::span or self::address or self::a]"
                              "[normalize-space()][position() <= 12]")
    texts = [element_text(e) for e in following]
    for i, text in enumerate(texts):
        if _LABEL_ONLY.match(text) and i + 1 < len(texts) and _name_like(texts[i + 1]):
            return [texts[i + 1]]
        if len(text) <= 120 and (parse_date(text) or _LABEL.match(text).group(0).strip()):
            names = [n for n in split_names(text) if _name_like(n)]
            if names:
                return names
    return []


def byline_after_headline(tree) -> list[str]:
    """The last resort, when no source names anyone: a byline among the text nodes just after the ``<h1>``,
    its label and names perhaps in adjacent elements of a line that as a whole is no byline ("By" <a>"A. J.
    Neal"</a> "View In Digital Edition"; "Par" <a>"Éric Lambert"</a>), in any language the lexicons know."""
    from pipelines.datelines import first_headline, text_after
    from pipelines.textmeta import parse_byline

    heading = first_headline(tree)
    after = text_after(heading) if heading is not None else []
    for start in range(len(after)):
        for end in range(start + 1, min(start + MAX_JOINED_NODES, len(after)) + 1):
            # A name particle as the label ("Von", "Di") only when the markup sets the label apart: one text
            # node "Von Braun Center" is a subheading.
            if names := parse_byline(" ".join(after[start:end]), particles=end - start > 1):
                return names
    return []


# A name the markup marks as the author's without a label: a class or id naming the author's name
# ("author-name", "post_author_name", "authorName", "byline__name"), or a link to the author's page whose
# address ends in the name ("/authors/emmanuel-oyibo", rel="author").
_NAME_MARK = re.compile(r"(?:author|byline|writer)[-_]{0,2}name|(?:^|\s)author(?:$|\s)", re.IGNORECASE)
_AUTHOR_PAGE = re.compile(r"/(?:authors?|autor(?:es|en)?|auteurs?|autore|writers?|people|staff|team|profiles?|"
                          r"contributors?|journalists?|reporters?)/([^/?#]+)/?(?:[?#]|$)", re.IGNORECASE)
MAX_MARKED = 40  # marked elements looked at


def _folded(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch)).split())


def marked_authors(tree, site_names: list[str] = ()) -> list[str]:
    """The one name the markup marks as an author's (see ``_NAME_MARK``, ``_AUTHOR_PAGE``), for a page whose
    byline has no label and no metadata names anyone. Several different marked names (a list of related posts,
    each with its author) say nothing about this story: none is taken; nor is the site's own name."""
    from pipelines.textmeta import element_text

    if tree is None:
        return []
    found: set[str] = set()
    sites = {s.casefold() for s in site_names if s}
    looked = 0
    for element in tree.xpath("//*[@class or @id][self::a or self::span or self::div or self::p or self::strong]"
                              "|//a[@href]")[:5000]:
        marked = _NAME_MARK.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        if not marked and element.tag == "a":
            page = _AUTHOR_PAGE.search(element.get("href") or "")
            marked = "author" in (element.get("rel") or "").split() or (
                page is not None and _folded(page.group(1)) == _folded(element_text(element)))
        if not marked:
            continue
        looked += 1
        text = element_text(element)
        names = split_names(text) if len(text) <= MAX_NAME_CHARS else []
        if len(names) == 1 and names[0] == text and _name_like(text) and text.casefold() not in sites:
            found.add(text)
            if len(found) > 1:
                return []
        if looked >= MAX_MARKED:
            break
    return sorted(found)


# What a CMS puts in the author field when nobody is named: never a person, never the story's author.
_PLACEHOLDERS = frozenset({"undefined", "null", "none", "n/a", "admin", "administrator", "webmaster", "root"})


def page_authors(tree, found: str | None, visible: list[str], site_names: list[str],
                 json_ld: list | None = None) -> list[str]:
    """The story's authors, by order of evidence (each source read only when the ones before it named no
    person); the site's own name is kept only when no source names a person, a CMS placeholder ("undefined",
    "admin") never. ``json_ld``: the page's parsed blocks, when the caller has them already."""
    sites = {s.casefold() for s in site_names if s}
    fallback: list[str] = []
    sources = (lambda: _json_ld_authors(json_ld or []), lambda: _meta_authors(tree) if tree is not None else [],
               lambda: split_names(found or ""), lambda: visible, lambda: near_headline(tree))
    for source in sources:
        names = [n for n in source() if n.casefold() not in _PLACEHOLDERS]
        people = [n for n in names if n.casefold() not in sites]
        if people:
            return people
        fallback = fallback or names
    return fallback
