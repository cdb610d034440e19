import pytest

from pipelines.plaintext import parse_text_article, split_paragraphs
from pipelines.textmeta import is_dateline, is_timestamp_line, parse_byline, parse_date


@pytest.mark.parametrize("line, expected", [
    ("Politics Materials 16 November 2017 11:54 (UTC +04:00)", "2017-11-16T11:54:00+04:00"),
    ("Nov. 16, 2017", "2017-11-16T00:00:00+00:00"),
    ("2023-09-07T08:30", "2023-09-07T08:30:00+00:00"),
    ("Политика 16 ноября 2017, 11:54", "2017-11-16T11:54:00+00:00"),
    ("Wirtschaft 3. März 2021 um 14:05", "2021-03-03T14:05:00+00:00"),
    ("Publié le 5 février 2020 à 10h30", "2020-02-05T10:30:00+00:00"),
    ("Economía 12 de agosto de 2019", "2019-08-12T00:00:00+00:00"),
    ("12 agosto 2019 alle 09:15", "2019-08-12T09:15:00+00:00"),
    ("Політика 7 березня 2022", "2022-03-07T00:00:00+00:00"),
    ("Gündem 29 Ekim 2023 14:00", "2023-10-29T14:00:00+00:00"),
    ("07.03.2022 18:45", "2022-03-07T18:45:00+00:00"),
    ("no date here", None),
])
def test_parse_date(line, expected):
    assert parse_date(line) == expected


@pytest.mark.parametrize("line, names", [
    ("By Leman Zeynalova - Trend:", ["Leman Zeynalova"]),
    ("By Anna Petrova and John Smith", ["Anna Petrova", "John Smith"]),
    ("Автор: Иван Петров", ["Иван Петров"]),
    ("Von Hans Müller", ["Hans Müller"]),
    ("Par Marie Dubois", ["Marie Dubois"]),
    ("By the way, prices rose", None),
    ("By 2030 the plant will close", None),
])
def test_parse_byline(line, names):
    assert parse_byline(line) == names


def test_timestamp_and_dateline_lines():
    assert is_timestamp_line("Politics Materials 16 November 2017 11:54 (UTC +04:00)")
    assert is_dateline("Baku, Azerbaijan, Nov. 16")
    assert not is_dateline("Clashes between the two armies restarted in early August.")
    assert not is_timestamp_line("The ceasefire agreement signed on 10 November 2020 ended six weeks of fighting "
                                 "in the region and deployed peacekeepers.")


def test_hard_wrapped_text_is_joined_per_block():
    wrapped = ("The central bank raised its key rate by half a point on Friday, citing\n"
               "persistent inflation in services and a weaker currency over the summer\n"
               "months, the governor told reporters in the capital after the meeting\n\n"
               "Analysts had expected a smaller move, and bond yields rose sharply after\n"
               "the announcement was made public by the bank late in the afternoon on\n"
               "Friday, traders in the city said when markets closed for the weekend\n")
    paragraphs = split_paragraphs(wrapped)
    assert len(paragraphs) == 2 and paragraphs[0].startswith("The central bank") and "\n" not in paragraphs[0]


def test_text_article_head_becomes_metadata():
    text = ("Все новости\n\nЦентробанк повысил ключевую ставку\n\nЭкономика 16 ноября 2017, 11:54\n"
            "Автор: Иван Петров\n\n"
            "Банк России повысил ключевую ставку на полпроцента, сославшись на устойчивую инфляцию в секторе услуг.\n"
            "Аналитики ожидали меньшего шага, и доходность облигаций резко выросла после объявления решения.\n"
            "Читайте также\n")
    doc = parse_text_article(text)
    assert doc["title"] == "Центробанк повысил ключевую ставку"
    assert doc["author"] == ["Иван Петров"]
    assert doc["published"] == "2017-11-16T11:54:00+00:00"
    assert len(doc["paragraphs"]) == 2
    assert {r["reason"] for r in doc["removed"]} == {"navigation", "category-timestamp", "byline", "read-more"}
