"""Multilingual lexicon of page furniture and calls to action.

Each family maps to regular expressions (matched case-insensitively against a
paragraph) in English, Russian, German, French, Spanish, Italian, Ukrainian and
Turkish. ``FURNITURE`` phrases only count on short lines (a nav label, a button);
``APPEALS`` are strong enough to mark a whole paragraph (a donation appeal, a cookie
banner) even when it is long.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the regex parser, to find the plain words a pattern requires (Python 3.11+, then 3.10)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

FURNITURE: dict[str, list[str]] = {
    "navigation": [
        r"^all news$", r"^(latest|top|more|related) (news|stories|articles|posts)$", r"^latest$",
        r"^home( page)?$", r"^menu$", r"^back to top$", r"^skip to (main )?content$", r"^next( article)?$",
        r"^previous( article)?$", r"^most (read|popular|viewed)$", r"^trending( now)?$",
        r"^все новости$", r"^главное$", r"^последние новости$", r"^новости$",
        r"^alle (nachrichten|meldungen)$", r"^startseite$", r"^meistgelesen$", r"^zurück$",
        r"^toutes les (actualités|infos)$", r"^à la une$", r"^les plus lus$", r"^accueil$",
        r"^todas las noticias$", r"^lo más leído$", r"^portada$", r"^últimas noticias$",
        r"^tutte le notizie$", r"^i più letti$", r"^ultime notizie$",
        r"^всі новини$", r"^головне$", r"^останні новини$", r"^новини$",
        r"^tüm haberler$", r"^son dakika$", r"^en çok okunanlar$", r"^gündem$", r"^ana sayfa$",
    ],
    "read-more": [
        r"^(read|see|view|show) (more|all|also|the full story|full article)\b", r"^continue reading\b",
        r"^(also|further) read(ing)?\b", r"^more on this (story|topic)\b", r"^click here\b",
        r"^читать (далее|еще|ещё|также|полностью)\b", r"^подробнее\b", r"^читайте (также|еще|ещё)\b",
        r"^(weiterlesen|mehr (lesen|dazu|zum thema)|lesen sie auch)\b",
        r"^(lire (la )?suite|lire aussi|en savoir plus|voir aussi|à lire aussi)\b",
        r"^(leer más|seguir leyendo|lee también|ver más|más información)\b",
        r"^(leggi (anche|tutto|di più)|continua a leggere|approfondisci)\b",
        r"^(читати (далі|також|більше)|детальніше|читайте також)\b",
        r"^(devamını oku|devamı|daha fazla|ayrıca okuyun|ilgili haberler)\b",
        r"^(czytaj (dalej|więcej|też|także)|przeczytaj (też|także)|zobacz (też|także|więcej))\b",
        r"^(leia (mais|também)|continue lendo|saiba mais|veja (também|mais))\b",
        r"^(lees (meer|ook|verder)|läs (mer|också|vidare)|čtěte (dále|více|také)|citește (mai mult|și))\b",
    ],
    "tags": [
        r"^(tags?|topics?|keywords|categories|filed under|related topics)\s*:", r"^(tags?|topics)$",
        r"^(теги|метки|темы|рубрики)\s*:?", r"^(schlagwörter|themen|stichwörter)\s*:?",
        r"^(mots-clés|mots clés|sujets|thèmes)\s*:?", r"^(etiquetas|temas|palabras clave)\s*:?",
        r"^(argomenti|parole chiave|tag)\s*:?", r"^(теги|мітки|теми)\s*:?", r"^(etiketler|konular)\s*:?",
    ],
    "share": [
        r"^share( (this|on|via)\b.*)?$", r"^(tweet|email|print|copy link|whatsapp|facebook|twitter|telegram|"
        r"linkedin|vk|reddit)$", r"^(поделиться|рассказать друзьям)\b", r"^(teilen|drucken|artikel teilen)\b",
        r"^(partager|imprimer)\b", r"^(compartir|imprimir)\b", r"^(condividi|stampa)\b",
        r"^(поділитися)\b", r"^(paylaş|yazdır)\b",
    ],
    "follow": [
        r"^follow (us|@)", r"\bfollow us on\b", r"^join (us|our) (on|channel)\b", r"подписывайтесь на\b",
        r"^подпишитесь\b", r"folgen sie uns\b", r"^suivez-nous\b", r"^síguenos\b", r"^seguici\b",
        r"^підписуйтесь\b", r"^bizi takip edin\b", r"^takip et\b",
    ],
    "subscribe": [
        r"^subscribe\b", r"^sign up\b", r"^newsletter\b", r"^подписаться\b", r"^abonnieren\b",
        r"^(s'abonner|abonnez-vous)\b", r"^suscríbete\b", r"^(iscriviti|abbonati)\b", r"^підписатися\b",
        r"^abone ol\b",
    ],
    "advertisement": [
        r"^(advertisement|advertising|sponsored( content)?|ad|promoted|partner content)$", r"^реклама$",
        r"^(anzeige|werbung)$", r"^(publicité|annonce)$", r"^(publicidad|anuncio)$", r"^pubblicità$",
        r"^реклама$", r"^(reklam|sponsorlu)$",
    ],
    "comments": [
        r"^(\d+ )?comments?$", r"^(leave|post|add) a (comment|reply)\b", r"^комментари[йи]\b",
        r"^kommentare?\b", r"^commentaires?\b", r"^comentarios?\b", r"^comment[io]\b", r"^коментар",
        r"^yorum(lar)?\b",
    ],
    "donate": [
        r"^(support|donate to|back) (the |us|our )", r"^donate( now)?$", r"^(not ready|remind me)\b",
        r"^payment (methods?|options)$", r"^поддержите\b", r"^unterstützen sie\b", r"^soutenez\b",
        r"^apóyanos\b", r"^sostienici\b", r"^підтримайте\b", r"^bize destek\b", r"^bağış yap",
    ],
    "photo-credit": [
        r"^(photo|photograph|picture|image|foto|фото|photographie|fotografía|fotografia|fotoğraf)\s*(credit)?\s*[:©/]",
        r"^(credit|crédit|quelle|источник|джерело|kaynak)\s*:", r"^©", r"^\(?(getty images|afp|reuters|"
        r"ap photo|epa|shutterstock|tass|ria novosti)\)?$",
    ],
    "copyright": [
        r"all rights reserved", r"все права защищены", r"alle rechte vorbehalten", r"tous droits réservés",
        r"todos los derechos reservados", r"tutti i diritti riservati", r"всі права захищені",
        r"tüm hakları saklıdır", r"^copyright\b",
    ],
}

APPEALS: dict[str, list[str]] = {
    "donate": [
        r"small favou?r to ask", r"\bsupport (us|our (work|journalism|newsroom|mission))\b",
        r"\bplease (consider )?(support|donat|contribut)", r"\bmake a (one-off |monthly |small )?"
        r"(donation|contribution)\b", r"\bbecome a (member|supporter|patron)\b", r"\bwe need your help\b",
        r"\byour (support|donation|contribution)s?\b", r"\bindependent journalism\b",
        r"\bsupport(ing)? (open|independent|quality) journalism\b", r"\bdonate\b.*\b(today|now|monthly)\b",
        r"поддержите (нас|наш|редакц)", r"ваша поддержка", r"сделать пожертвование", r"независим\w+ журналист",
        r"unterstützen sie (uns|unabhängigen)", r"jetzt spenden", r"unabhängigen journalismus",
        r"soutenez (-nous|notre)", r"faire un don", r"journalisme indépendant",
        r"apoya(nos| nuestro)", r"haz una donación", r"periodismo independiente",
        r"sostieni(ci| il nostro)", r"fai una donazione", r"giornalismo indipendente",
        r"підтримайте (нас|наш|редакц)", r"ваша підтримка", r"незалежн\w+ журналіст",
        r"bize destek ol", r"bağış yap", r"bağımsız gazetecili",
    ],
    "subscribe": [
        r"\b(subscribe|sign up) (to|for) (our|the) (newsletter|daily|weekly)", r"\bsubscribe now\b",
        r"подпишитесь на (нашу )?рассылк", r"newsletter abonnieren", r"abonnez-vous à (notre|la) newsletter",
        r"suscríbete a (nuestro|nuestra)", r"iscriviti alla (nostra )?newsletter", r"підпишіться на",
        r"bültenimize abone",
        r"\bsign up for (our|the) (\w+ )?(email )?newsletters?\b", r"\b(sign up|subscribe)\b.*\bto your inbox\b",
        r"error processing your subscription",
    ],
    "affiliate": [  # a shopping-link disclosure: the reader's purchase and the publisher's commission, together
        r"\b(if|when) you (buy|purchase|shop|click)\b.*\b(commission|share of the sale)",
        r"\b(commission|share of the sale)\b.*\b(if|when) you (buy|purchase|shop|click)", r"\baffiliate links?\b",
        r"\b(если|когда) вы (купите|покупаете|перейд\w+)\b.*комисси", r"\bwenn sie\b.*\b(ein)?kaufen\b.*provision",
        r"\b(si|lorsque) vous (achetez|cliquez)\b.*commission", r"\b(si|cuando) (compras|haces clic)\b.*comisión",
        r"\b(se|quando) (acquisti|compri|fai clic)\b.*commissione",
    ],
    "cookies": [
        r"\b(this|our) (web)?site uses cookies\b", r"\bwe use cookies\b", r"\baccept (all )?cookies\b",
        r"используем (файлы )?cookie", r"verwendet cookies", r"utilise des cookies", r"utilizamos cookies",
        r"utilizza (i )?cookie", r"використовуємо (файли )?cookie", r"çerez(ler)? kullan",
    ],
    "copyright": FURNITURE["copyright"],
}


# Patterns are lower-case and matched against lower-cased text: Unicode IGNORECASE is ~3x slower.
def _compile(families: dict[str, list[str]]) -> list[tuple[str, re.Pattern]]:
    return [(name, re.compile("|".join(f"(?:{p})" for p in patterns))) for name, patterns in families.items()]


def _anchor(pattern: str) -> str:
    """The longest run of plain characters in a pattern's top-level sequence: every match contains it."""
    best, run = "", ""
    for op, value in _sre_parser.parse(pattern):
        if op is _sre_constants.LITERAL:
            run += chr(value)
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


FURNITURE_RE = _compile(FURNITURE)
APPEAL_RES = [(name, [re.compile(p) for p in patterns]) for name, patterns in APPEALS.items()]
# One pass over a paragraph rules out most of them before the per-phrase counting.
ANY_APPEAL = re.compile("|".join(f"(?:{p})" for patterns in APPEALS.values() for p in patterns))
# Before that, a cheaper pass: the literal words every phrase must contain ("cookies", "donate", …; a pattern
# without such a word of 4+ characters is tried as it is). A paragraph with none of them cannot match, and
# most paragraphs have none: 4× faster than the alternation, the same answers.
_ANCHORED = [(_anchor(p), p) for patterns in APPEALS.values() for p in patterns]
APPEAL_WORDS = re.compile("|".join(sorted({re.escape(a) for a, _ in _ANCHORED if len(a) >= 4})))
_UNANCHORED = [p for a, p in _ANCHORED if len(a) < 4]
APPEAL_UNANCHORED = re.compile("|".join(f"(?:{p})" for p in _UNANCHORED)) if _UNANCHORED else None


def furniture_family(line: str) -> str | None:
    """The furniture family a short line belongs to, or None."""
    probe = line.strip().strip("…•·|»«>-–—:. ").strip().lower()
    if not probe:
        return None
    for name, pattern in FURNITURE_RE:
        if pattern.search(probe):
            return name
    return None


@lru_cache(maxsize=1024)  # the rules ask it of one paragraph more than once (a page at a time)
def appeal_hits(paragraph: str) -> tuple[str | None, int]:
    """The strongest appeal family in a paragraph and how many distinct phrases of it matched."""
    best, best_hits = None, 0
    paragraph = paragraph.lower()
    maybe = APPEAL_WORDS.search(paragraph) or (APPEAL_UNANCHORED and APPEAL_UNANCHORED.search(paragraph))
    if not maybe or not ANY_APPEAL.search(paragraph):
        return best, best_hits
    for name, patterns in APPEAL_RES:
        hits = sum(1 for p in patterns if p.search(paragraph))
        if hits > best_hits:
            best, best_hits = name, hits
    return best, best_hits


# A staff credit line at an article's foot ("Reporting by …; Editing by …", "Keith Bradsher contributed
# reporting.", "Mitarbeit: …", "Con información de …", "При участии …"): the newsroom's credits, not the story.
STAFF_CREDIT = re.compile(
    r"^\(?(?:(?:with )?additional reporting by|reporting by|writing by|editing by|"
    r"mitarbeit\s*:|mit material von|bearbeitet von|"
    r"avec la contribution de|édité par|rédigé par|(?:avec|d'après) (?:l'afp|afp|reuters|ap)\W*$|"
    r"con información de|editado por|edición de|redacción de|"
    r"a cura di|ha collaborato|"
    r"при участии|редактор\s*:|за участі|"
    r"editör\s*:|düzenleyen\s*:)"
    r"|\bcontributed (?:reporting|to this (?:report|article|story))\b[^.]{0,60}\.?\)?$")


# A labelled cross-link to another story ("Read also: <a headline of any length>"): the label, then a colon
# or a dash, in the eight languages.
READ_ALSO = re.compile(
    r"^(?:read (?:also|more)|also read|see also|related(?: story| article)?|more on this|"
    r"читайте (?:также|ещё|еще)|читать также|смотрите также|по теме|"
    r"lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|"
    r"(?:à )?lire aussi|voir aussi|sur le même sujet|"
    r"lee (?:también|más)|lea también|te puede interesar|"
    r"leggi anche|potrebbe interessarti|"
    r"читайте також|дивіться також|"
    r"ayrıca okuyun|ilgili haber|bunu da okuyun|"
    r"przeczytaj (?:też|także|również)|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|"
    r"leia (?:também|mais)|veja (?:também|mais)|lees (?:ook|meer)|zie ook|läs (?:också|även|mer)|"
    r"čtěte (?:také|též|více)|přečtěte si (?:také|též)|citește (?:și|mai mult))\s*[:—–-]\s*\S")
# A call to join the site's messenger or video channel ("Subscribe to our Telegram channel to get …").
MESSENGER = re.compile(r"\b(?:telegram|whatsapp|viber|signal|youtube|tiktok|instagram|дзен|vk|вконтакте)")
CHANNEL_CALL = re.compile(  # imperatives and "our": a call to the reader, not a report about a channel
    r"\b(?:subscribe to|follow|join) (?:us|our)\b|(?:подписывайтесь|подпишитесь) на|"
    r"(?:abonnieren|folgen) sie (?:uns|unserem|unseren|unserer)|(?:abonnez-vous|rejoignez-nous|suivez-nous)\b|"
    r"(?:suscríbete|síguenos|únete) (?:a|en) (?:nuestro|nuestra)|"
    r"(?:iscriviti|seguici|unisciti) (?:al|sul) (?:nostro|canale)|"
    r"(?:підписуйтесь|підпишіться) на|kanal\w*\s+(?:abone olun|katılın)")


# Signals of a publication addressing its reader (an appeal worded with none of the phrases above): the reader
# ("you"), the publication ("we/our"), and an ask. Each alone is ordinary prose; together, outside quotes and
# at the edge of an article or next to another appeal, they are an appeal.
READER = re.compile(r"\b(?:you|your|yours|вы|вас|вам|ваш\w*|ты|тебя|твой|sie|ihr|ihnen|dich|dein\w*|vous|votre|vos|"
                    r"tu|toi|ton|ta|tes|usted|ustedes|tú|te|tu|tus|su apoyo|siz|sizin|size|sen|senin)\b")
PUBLICATION = re.compile(r"\b(?:we|our|us|мы|нас|нам|наш\w*|wir|uns|unser\w*|nous|notre|nos|nosotros|nuestr\w*|"
                         r"biz|bizim|bize)\b")
ASK = re.compile(r"\b(?:support|donat\w*|contribut\w*|chip in|pitch in|help us|keep us|fund\w*|pay for|become a|"
                 r"join|subscrib\w*|membership|поддерж\w*|пожертв\w*|помог\w*|помощ\w*|подпис\w*|"
                 r"unterstütz\w*|spende\w*|helfen|beitrag|abonn\w*|soutenez|soutenir|soutien|dons?(?!['’])|aidez|"
                 r"apoy\w*|don(?:a|ar|e|en|ación|aciones|ativos?)|ayúd\w*|aporte|suscr\w*|destek\w*|bağış\w*|"
                 r"katkı\w*|abone)\b")
# A quoted span: straight, curly, guillemets, low-high; at least one word inside.
QUOTED = re.compile(r"\"[^\"]{2,}\"|“[^”]{2,}”|«[^»]{2,}»|„[^“”]{2,}[“”]")
# The ask that may stand alone in a last paragraph: giving money or signing up, not "support" in general.
STRONG_ASK = re.compile(r"\b(?:donat\w*|contribut\w* (?:to|what|any|today|now|monthly)|chip in|pitch in|"
                        r"become a (?:member|supporter|patron|subscriber)|subscribe (?:to|now|today)|support us|"
                        r"пожертв\w*|поддержите|подпишитесь|spenden sie|jetzt spenden|unterstützen sie|"
                        r"faites un don|soutenez|abonnez-vous|haz una donación|apóyanos|suscríbete|"
                        r"bağış yap\w*|destek olun|abone olun)\b")
