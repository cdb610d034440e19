"""Recall first: what the cleaning must keep (structure that repeats, prose in unspaced scripts, pages the
rules misread) and what it still removes (a paragraph pasted twice, a repeated lede), in several languages."""

import pytest

from pipelines.cleaning import clean_paragraphs
from pipelines.extract import extract_html
from pipelines.textmeta import is_sentence, word_count

STRUCTURE = {
    "en-plan": ["The beginner plan builds up to a 5 km run over eight weeks, three sessions a week.",
                "Week 1", "Monday. Rest day", "Tuesday. Walk 20 minutes, jog 1 minute every 5 minutes",
                "Week 2", "Monday. Rest day", "Tuesday. Walk 15 minutes, jog 2 minutes every 5 minutes",
                "The intermediate plan builds up to a 10 km run over eight weeks, four sessions a week.",
                "Stretch for ten minutes after every session, and drink water before you feel thirsty."],
    "de-recipe": ["Für den Teig die Butter mit dem Zucker schaumig rühren und die Eier einzeln unterrühren.",
                  "Gut umrühren.", "Das Mehl mit dem Backpulver mischen und nach und nach unterheben.",
                  "Gut umrühren.", "Den Teig in die Form füllen und bei 180 Grad etwa 40 Minuten backen.",
                  "Gut umrühren."],
    "ru-interview": ["Шеф-повар ресторана рассказал нам о своих привычках, любимых продуктах и семейных рецептах.",
                     "Какую кухню вы любите сами, и есть ли блюда, которые вы никогда не станете готовить дома?",
                     "Я люблю простую домашнюю кухню, особенно супы, которые готовила моя бабушка.",
                     "Какую кухню вы любите сами, и есть ли блюда, которые вы никогда не станете готовить дома?",
                     "Моя жена отвечает на этот вопрос иначе: она обожает острые азиатские блюда."],
    "fr-parallel": ["Le forfait découverte comprend deux visites guidées du musée et un déjeuner au restaurant.",
                    "Le forfait famille comprend deux visites guidées du musée et un goûter pour les enfants.",
                    "Les billets sont en vente à l'accueil du musée et sur son site internet dès lundi."],
    "es-quote": ["El alcalde defendió el proyecto ante el pleno: «Esta ciudad no puede esperar otra década».",
                 "La oposición votó en contra y pidió un estudio independiente sobre el coste de las obras.",
                 "«Esta ciudad no puede esperar otra década», repitió el alcalde al salir del ayuntamiento."],
}


@pytest.mark.parametrize("name", STRUCTURE)
def test_repeating_structure_is_content(name):
    paragraphs = STRUCTURE[name]
    cleaned = clean_paragraphs(paragraphs)
    assert cleaned.paragraphs == paragraphs, cleaned.removed


@pytest.mark.parametrize("lang, lede, body", [
    ("en", "The central bank raised its key rate by half a point on Friday, citing persistent inflation in services.",
     ["Analysts had expected a smaller move.", "Bond yields rose sharply after the announcement was made today."]),
    ("de", "Die Zentralbank hat den Leitzins am Freitag um einen halben Punkt angehoben, wegen der Inflation.",
     ["Analysten hatten mit einem kleineren Schritt gerechnet.", "Die Renditen stiegen nach der Ankündigung."]),
    ("ru", "Центральный банк в пятницу повысил ключевую ставку на половину пункта, сославшись на высокую инфляцию.",
     ["Аналитики ожидали меньшего шага.", "Доходность облигаций резко выросла после объявления."]),
    ("tr", "Merkez bankası cuma günü politika faizini yarım puan artırdı ve hizmetlerdeki yüksek enflasyonu gösterdi.",
     ["Analistler daha küçük bir adım bekliyordu.", "Duyurunun ardından tahvil faizleri sert yükseldi."]),
])
def test_pasted_twice_and_repeated_lede_go(lang, lede, body):
    pasted = clean_paragraphs([lede, body[0], body[0], body[1]])
    assert pasted.paragraphs == [lede, *body]
    assert [r["reason"] for r in pasted.removed] == ["duplicate-paragraph"]
    shorter = " ".join(lede.split()[2:])  # the lede again, cut at its start, further down
    later = clean_paragraphs([lede, *body, shorter])
    assert later.paragraphs == [lede, *body] and later.removed[0]["reason"] == "near-duplicate-paragraph"
    # A summary lede followed by the full paragraph that contains it: the full one stays, nothing is lost.
    summary = clean_paragraphs([" ".join(lede.split()[:14]), lede, *body])
    assert summary.paragraphs == [lede, *body]


def test_unspaced_scripts_are_prose_not_furniture():
    japanese = ["東京都は金曜日、新しい路面電車の路線計画を正式に承認したと発表しました。",
                "工事は来年の春に始まり、最初の電車は三年以内に走る予定です。",
                "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。"]
    assert all(word_count(p) > 6 and is_sentence(p) for p in japanese)
    assert clean_paragraphs(japanese).paragraphs == japanese
    chinese = ["市政府周五宣布批准新的有轨电车线路。", "工程将于明年春天开始，预计三年内通车。"]
    assert clean_paragraphs(chinese).paragraphs == chinese


@pytest.mark.parametrize("appeal", [
    ["Support our journalism: donate today.", "Subscribe to our newsletter!", "Follow us on Twitter",
     "Share on Facebook", "Read more"],
    ["Поддержите нас: сделайте пожертвование.", "Подпишитесь на рассылку!", "Подписывайтесь на наш канал",
     "Поделиться", "Читать далее"],
])
def test_a_short_page_is_not_emptied_by_the_rules(appeal):
    """Nothing lost: when every paragraph looks like furniture, the page keeps them, marked kept_anyway."""
    cleaned = clean_paragraphs(appeal)
    assert cleaned.paragraphs == appeal
    assert all("kept_anyway" in r for r in cleaned.removed)


def test_a_page_trafilatura_cannot_read_falls_back_to_its_visible_text():
    story = ["Les travaux du tramway commenceront au printemps, a annoncé vendredi le conseil régional.",
             "Les premières rames devraient circuler dans trois ans, selon le calendrier présenté aux élus."]
    page = ("<html><head><title>Le tramway approuvé</title><script>var x = 1;</script></head><body>"
            + "<div>" * 3000 + "<nav><a href='/'>Accueil</a></nav>" + "".join(f"<p>{p}</p>" for p in story)
            + "</div>" * 3000 + "</body></html>")
    doc = extract_html(page, None)
    assert doc["paragraphs"] == story and doc["title"] == "Le tramway approuvé"
    assert doc["removed"][-1]["reason"] == "extractor"
    assert "Accueil" not in " ".join(doc["paragraphs"]) and "var x" not in " ".join(doc["paragraphs"])


BODY_EN = ["The regional council approved the new tram line on Tuesday after a debate that lasted six hours.",
           "Construction is due to start in spring, and the first trams should run within three years of that."]


@pytest.mark.parametrize("meta, author, published", [
    ("By Anna Petrova | 14 June 2023", ["Anna Petrova"], "2023-06-14"),
    ("Von Jonas Weber, 3. März 2024", ["Jonas Weber"], "2024-03-03"),
    ("Par Marie Dubois | 2 mai 2024", ["Marie Dubois"], "2024-05-02"),
    ("Автор: Иван Петров | 14 июня 2023", ["Иван Петров"], "2023-06-14"),
    ("Por Lucía Gómez, 5 de abril de 2024", ["Lucía Gómez"], "2024-04-05"),
])
def test_a_meta_line_gives_author_and_date(meta, author, published):
    cleaned = clean_paragraphs([meta, *BODY_EN])
    assert cleaned.paragraphs == BODY_EN
    assert cleaned.authors == author and cleaned.published.startswith(published)


@pytest.mark.parametrize("line, published", [
    ("Updated 2 May 2022", "2022-05-02"), ("Обновлено 14 июня 2023", "2023-06-14"),
    ("Aktualisiert am 3. März 2024", "2024-03-03"), ("Mis à jour le 12 janvier 2024", "2024-01-12"),
])
def test_a_date_in_words_at_the_head_gives_published(line, published):
    cleaned = clean_paragraphs([line, *BODY_EN])
    assert cleaned.paragraphs == BODY_EN and cleaned.published.startswith(published)


def test_navigation_after_a_bare_tags_label_is_not_a_tag():
    cleaned = clean_paragraphs([*BODY_EN, "Tags:", "Latest", "Latest"])  # as in seeds/001
    assert cleaned.paragraphs == BODY_EN and cleaned.tags == []


@pytest.mark.parametrize("lines, tags", [
    (["Tags: economy, transport, city council"], ["economy", "transport", "city council"]),
    (["Теги: экономика; транспорт"], ["экономика", "транспорт"]),
    (["Schlagwörter:", "Verkehr", "Stadtrat"], ["Verkehr", "Stadtrat"]),
    (["Mots-clés : tramway | conseil régional"], ["tramway", "conseil régional"]),
])
def test_a_visible_tag_list_gives_tags(lines, tags):
    cleaned = clean_paragraphs([*BODY_EN, *lines])
    assert cleaned.paragraphs == BODY_EN and cleaned.tags == tags


LONGER = [*BODY_EN,
          "Opponents said the budget did not account for rising steel prices and asked for an independent review.",
          "The mayor said the line would link the northern suburbs with the university and the central station.",
          "A public consultation on the exact route and the location of the stops will open next month online."]


@pytest.mark.parametrize("meta, author, published", [
    ("By Anna Petrova | 14 June 2023", "Anna Petrova", "2023-06-14"),
    ("Von Jonas Weber, 3. März 2024", "Jonas Weber", "2024-03-03"),
    ("Автор: Иван Петров | 14 июня 2023", "Иван Петров", "2023-06-14"),
    ("Par Marie Dubois | 2 mai 2024", "Marie Dubois", "2024-05-02"),
])
def test_visible_metadata_reaches_the_html_document(meta, author, published):
    page = ("<html><head><title>Tram line approved</title></head><body><article><h1>Tram line approved</h1>"
            f"<p class='meta'>{meta}</p>" + "".join(f"<p>{p}</p>" for p in LONGER)
            + "<p>Tags: transport, city council</p></article></body></html>")
    doc = extract_html(page, None)
    assert doc["author"] == [author] and doc["published"].startswith(published)
    assert {"transport", "city council"} <= set(doc["tags"]) and doc["paragraphs"] == LONGER


@pytest.mark.parametrize("line", [
    "Read also: Central bank keeps rates on hold as inflation slows for the third month running in the eurozone",
    "Читайте также: Мэрия объявила конкурс на проект новой набережной у старого порта и пообещала итоги к осени",
    "Lesen Sie auch: Stadtrat streitet über die Kosten der neuen Straßenbahn – Opposition verlangt Gutachten",
    "À lire aussi — Le conseil régional vote le budget du tramway après six heures de débat",
    "Lee también: El ayuntamiento aprueba el presupuesto de la nueva línea de tranvía",
    "Ayrıca okuyun: Belediye meclisi yeni tramvay hattının bütçesini onayladı",
])
def test_a_labelled_cross_link_goes_whatever_its_length(line):
    cleaned = clean_paragraphs([BODY_EN[0], line, BODY_EN[1]])
    assert cleaned.paragraphs == BODY_EN and cleaned.removed[0]["reason"] == "read-more"


@pytest.mark.parametrize("line", [
    "Subscribe to our Telegram channel to get the most important news of the day first.",
    "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости дня.",
    "Abonnieren Sie unseren WhatsApp-Kanal und erhalten Sie die wichtigsten Nachrichten des Tages.",
    "Abonnez-vous à notre chaîne YouTube pour ne rien manquer de nos reportages.",
])
def test_a_call_to_join_a_messenger_channel_goes(line):
    cleaned = clean_paragraphs([*BODY_EN, line])
    assert cleaned.paragraphs == BODY_EN and cleaned.removed[0]["reason"] == "follow"


@pytest.mark.parametrize("prose", [
    "Read also the council's own report, which says the line will pay for itself within twenty years.",
    "The minister said she would follow the channel dispute between the two ferry companies closely.",
    "Многие жители подписались на Telegram-канал мэрии ещё весной, когда начались споры о маршруте.",
])
def test_prose_that_mentions_reading_or_channels_stays(prose):
    assert clean_paragraphs([*BODY_EN, prose]).paragraphs == [*BODY_EN, prose]


# Appeals worded with none of the lexicon's phrases: reader address + the publication's "we" + an ask, outside
# quotes, and a position that agrees (the last paragraph, or next to an appeal the phrases found).
FRESH_APPEALS = {
    "en": "Every story on this site is paid for by readers like you. If our reporting matters to you, chip in "
          "what you can this month.",
    "ru": "Каждый наш материал оплачен читателями. Если вам важна наша работа, поддержите нас любой суммой.",
    "de": "Jeder Artikel hier wird von Ihnen finanziert. Wenn Ihnen unsere Arbeit wichtig ist: Spenden Sie "
          "jetzt einen kleinen Betrag.",
    "fr": "Chaque article de notre site est financé par vous. Si notre travail compte pour vous, faites un don "
          "dès aujourd'hui.",
}


@pytest.mark.parametrize("lang", FRESH_APPEALS)
def test_a_freshly_worded_appeal_as_the_last_paragraph_goes(lang):
    cleaned = clean_paragraphs([*LONGER, FRESH_APPEALS[lang]])
    assert cleaned.paragraphs == LONGER and cleaned.removed[0]["reason"] == "donate"


@pytest.mark.parametrize("lang", ["en", "ru", "de"])
def test_an_appeal_box_in_the_middle_goes_whole(lang):
    listed = {"en": "Please support independent journalism with a monthly contribution.",
              "ru": "Поддержите нашу редакцию: независимая журналистика существует благодаря читателям.",
              "de": "Unterstützen Sie unabhängigen Journalismus mit einem monatlichen Beitrag."}[lang]
    box = [listed, FRESH_APPEALS[lang]]
    cleaned = clean_paragraphs([*LONGER[:2], *box, *LONGER[2:]])
    assert cleaned.paragraphs == LONGER and {r["reason"] for r in cleaned.removed} == {"donate"}


@pytest.mark.parametrize("ending", [
    "\"We need your support to rebuild,\" the mayor told residents, who have donated more than €2m so far.",
    "We will keep you updated as the story develops and the council publishes its support package.",
    "«Мы рассчитываем на вашу поддержку», — сказал мэр, обращаясь к жителям, которые уже пожертвовали два миллиона.",
    "Thanks again for taking the time to write to us. If you want to help, the shelter lists what it needs.",
])
def test_endings_that_talk_to_readers_but_ask_nothing_stay(ending):
    assert clean_paragraphs([*LONGER, ending]).paragraphs == [*LONGER, ending]


@pytest.mark.parametrize("intro, rows", [
    ("The poll asked readers whether the manager deserves another season, and most of them said yes.",
     ["Response | Votes | Share", "Yes | 164 | 81%", "No | 17 | 8%", "Undecided | 21 | 10%"]),
    ("Die Tabelle zeigt die Wahlkreise, in denen der Amtsinhaber bei der letzten Wahl knapp verloren hat.",
     ["Wahlkreis | Abgeordneter | Abstand", "Nord 3 | Anna Weber | +2", "Süd 1 | Jonas Keller | -1"]),
    ("Альбом выйдет в январе, а группа уже опубликовала полный список песен и первую из них.",
     ["1. «Вступление»", "2. «Город»", "3. «Зима»", "4. «Последний поезд»"]),
    ("La receta lleva pocos ingredientes y se prepara en menos de media hora, ideal para una cena rápida.",
     ["1) Cortar las verduras", "2) Sofreír la cebolla", "3) Añadir el arroz"]),
])
def test_a_list_or_table_at_the_end_of_an_article_is_its_content(intro, rows):
    """Short non-sentences at the tail are furniture, unless they are the last rows of a list the article
    holds: a table row with as many cells as two others, a numbered item after two others."""
    cleaned = clean_paragraphs([intro, *rows])
    assert cleaned.paragraphs == [intro, *rows], cleaned.removed
    # a lone line with a separator is still a credit, and lines of a list of two are not yet a list
    credit = clean_paragraphs([intro, *rows, "Press Office | Source: agency"])
    assert credit.paragraphs == [intro, *rows]
    two = clean_paragraphs([intro, "1. Home", "2. Sport"])
    assert two.paragraphs == [intro]


@pytest.mark.parametrize("intro, rows", [
    ("The pie takes an hour in the oven and keeps for three days in the fridge, covered. Bake the crust blind "
     "for ten minutes first, so that the filling does not soak it. This is what you need for the filling.",
     ["1 can (400 g) pumpkin puree", "1/2 teaspoon ground ginger", "1/4 teaspoon grated nutmeg",
      "1/2 teaspoon fine salt"]),
    ("Der Kuchen braucht eine Stunde im Ofen und hält sich abgedeckt drei Tage im Kühlschrank. Den Boden "
     "zuerst zehn Minuten blind backen, damit die Füllung ihn nicht aufweicht. Das braucht die Füllung.",
     ["200 g Kürbispüree", "1/2 TL Ingwer", "1/4 TL Muskatnuss", "1 Prise Salz"]),
    ("Пирог печётся час и хранится в холодильнике три дня, если его накрыть. Основу сначала выпекают "
     "десять минут без начинки, чтобы она не размокла. Вот что нужно для начинки.",
     ["400 г тыквенного пюре", "½ ч. л. молотого имбиря", "¼ ч. л. мускатного ореха", "1 щепотка соли"]),
    ("La tarta pasa una hora en el horno y se conserva tres días en la nevera, bien tapada. La base se hornea "
     "antes diez minutos sola, para que el relleno no la ablande. Esto es lo que lleva el relleno.",
     ["200 g de puré de calabaza", "1/2 cucharadita de jengibre", "1/4 cucharadita de nuez moscada",
      "1 pizca de sal"]),
    ("The edit distance between two words counts the one-letter changes that separate them, and spelling "
     "checkers use it to suggest the nearest word. Between these two words it is four, as the steps show.",
     ["Step 1: heart", "Step 2 (replace e with r): hrart", "Step 3 (replace a with o): hrort",
      "Step 4 (add r): horror"]),
    ("Die Editierdistanz zählt, wie viele Änderungen von einem Buchstaben zwei Wörter trennen, und "
     "Rechtschreibprüfungen schlagen damit das nächste Wort vor. So wird sie Schritt für Schritt berechnet.",
     ["Schritt 1: Haus", "Schritt 2 (H durch M ersetzen): Maus", "Schritt 3 (s anfügen): Mauss",
      "Schritt 4 (u streichen): Mass"]),
])
def test_the_last_rows_of_an_ingredient_list_or_of_steps_stay(intro, rows):
    """Quantities ("1/2 teaspoon …", "200 g …", "½ ч. л. …") and labelled steps ("Step 4 …", "Schritt 4 …")
    at the tail are the list's last rows when two of the three lines above have their shape."""
    cleaned = clean_paragraphs([intro, *rows])
    assert cleaned.paragraphs == [intro, *rows], cleaned.removed
    # a pager or a count under the article is not a row of a list: nothing above it has its shape
    paged = clean_paragraphs([intro, *rows, "Share", "Page 1 of 4"])
    assert paged.paragraphs == [intro, *rows]
    # one quantity line at the tail, under prose, is not yet a list
    lone = clean_paragraphs([intro, "The bakery opens at eight.", "12 photos"])
    assert "12 photos" not in lone.paragraphs


@pytest.mark.parametrize("letter, closing", [
    ("We, the residents of Harbour Street, ask the council to keep the night bus running past midnight. "
     "Many of us work late shifts at the hospital and the port, and the last bus is our only way home.",
     ["With our thanks in advance,", "With warm regards,"]),
    ("Wir, die Anwohner der Hafenstraße, bitten den Stadtrat, den Nachtbus weiter nach Mitternacht fahren zu "
     "lassen. Viele von uns arbeiten spät im Krankenhaus oder im Hafen, und der letzte Bus ist unser Heimweg.",
     ["Mit freundlichen Grüßen,"]),
    ("Мы, жители Портовой улицы, просим городской совет сохранить ночной автобус после полуночи. Многие из "
     "нас работают в поздние смены в больнице и в порту, и последний автобус — наш единственный путь домой.",
     ["С уважением,"]),
    ("Los vecinos de la calle del Puerto pedimos al ayuntamiento que el autobús nocturno siga pasando después "
     "de medianoche. Muchos trabajamos en turnos de noche en el hospital y en el puerto.",
     ["Un cordial saludo,"]),
])
def test_a_letters_closing_lines_stay(letter, closing):
    """A short line at the tail that ends in a comma runs on (a letter's closing): it is the letter's, not
    furniture; the share line under it still goes."""
    cleaned = clean_paragraphs([letter, *closing, "Share"])
    assert cleaned.paragraphs == [letter, *closing], cleaned.removed


@pytest.mark.parametrize("intro, items", [
    ("Some of our favourite pictures from the earlier world tours:", ["Tokyo, Japan", "Costa Rica", "Paris, France"]),
    ("Die Band hat das Album nach langem Streit so genannt:", ["„Stadt ohne Namen“"]),
    ("Организаторы уже назвали города, в которых пройдут концерты этой осенью:", ["Казань", "Самара", "Пермь"]),
])
def test_short_lines_a_closing_colon_introduces_stay(intro, items):
    """Short non-sentences at the tail are furniture, unless the article's last line introduces them."""
    body = ["The tour ran for nine months and crossed four continents, with a show almost every second night.",
            "Tickets for the next tour go on sale in the spring, the band's manager said on Monday."]
    cleaned = clean_paragraphs([*body, intro, *items])
    assert cleaned.paragraphs == [*body, intro, *items], cleaned.removed
    # a bare label is no introduction, and share lines after an introduction are still furniture
    assert clean_paragraphs([*body, "Related:", *items]).paragraphs == body
    shared = clean_paragraphs([*body, intro, *items, "Share", "Tweet"])
    assert shared.paragraphs == [*body, intro, *items]
