"""Feed and sitemap reading without the network: every date format a feed or sitemap uses (the standard
library's RFC 2822 and ISO 8601 parsers), a zone-name date inside and outside the window, news sitemap
dates, robots.txt sitemap lines and the hardening of Scrapy's sitemap reader."""

from datetime import datetime, timedelta, timezone

import pytest

from crawler.discovery import DiscoveryError, in_window, parse_date, parse_feed, parse_sitemap, robots_sitemaps

EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(("value", "expected"), [
    ("Tue, 10 Jun 2003 04:00:00 EST", datetime(2003, 6, 10, 4, tzinfo=EST)),  # RFC 822 zone name
    ("Tue, 10 Jun 2003 04:00:00 PDT", datetime(2003, 6, 10, 11, tzinfo=timezone.utc)),
    ("Tue, 10 Jun 2003 04:00:00 GMT", datetime(2003, 6, 10, 4, tzinfo=timezone.utc)),
    ("Tue, 10 Jun 2003 04:00:00 +0200", datetime(2003, 6, 10, 2, tzinfo=timezone.utc)),
    ("10 Jun 2003 04:00 -0000", datetime(2003, 6, 10, 4, tzinfo=timezone.utc)),  # no weekday, no seconds
    ("2024-01-02T03:04:05Z", datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)),
    ("2024-01-02T03:04:05.250+01:00", datetime(2024, 1, 2, 2, 4, 5, 250000, tzinfo=timezone.utc)),
    ("2024-01-02T03:04+01:00", datetime(2024, 1, 2, 2, 4, tzinfo=timezone.utc)),  # W3C datetime without seconds
    ("2024-01-02", datetime(2024, 1, 2, tzinfo=timezone.utc)),
    (" 2024-01-02T03:04:05 ", datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)),  # no zone: UTC
])
def test_feed_and_sitemap_date_formats(value, expected):
    parsed = parse_date(value)
    assert parsed == expected and parsed.tzinfo is not None


@pytest.mark.parametrize("value", [None, "", "  ", "yesterday", "Tue, 99 Jun 2003 04:00:00 EST", "2024-13-40"])
def test_unreadable_dates_are_none(value):
    assert parse_date(value) is None


def _rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><link>{link}</link><pubDate>{date}</pubDate></item>" for link, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{body}</channel></rss>'.encode()


def test_a_zone_name_feed_date_inside_and_outside_the_window():
    feed = _rss(("https://x.example/old", "Tue, 10 Jun 2003 04:00:00 EST"),
                ("https://x.example/new", "Thu, 12 Jun 2003 20:00:00 EST"),
                ("https://x.example/undated", ""))
    entries = parse_feed(feed)
    assert all(e.published is not None for e in entries[:2])
    now = datetime(2003, 6, 13, 12, tzinfo=timezone.utc)
    # 2 days back: the 10 June 04:00 EST entry (09:00 UTC, 3 days and 3 hours back) is outside, not undated.
    assert [e.url for e in in_window(entries, 2, now)] == ["https://x.example/new", "https://x.example/undated"]
    assert [e.url for e in in_window(entries, 4, now)] == ["https://x.example/new", "https://x.example/old",
                                                           "https://x.example/undated"]
    # The zone counts: 10 June 04:00 EST is 09:00 UTC, so a cutoff at 08:30 UTC keeps it and 09:30 drops it.
    cutoff = datetime(2003, 6, 10, 8, 30, tzinfo=timezone.utc)
    assert "https://x.example/old" in [e.url for e in in_window(entries, 1, cutoff + timedelta(days=1))]
    assert "https://x.example/old" not in [e.url for e in in_window(entries, 1, cutoff + timedelta(days=1, hours=1))]


def test_atom_dates_are_iso():
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/a"/>'
            b"<updated>2024-01-02T03:04:05-05:00</updated></entry></feed>")
    [entry] = parse_feed(atom)
    assert entry.published == datetime(2024, 1, 2, 8, 4, 5, tzinfo=timezone.utc)


def test_news_sitemap_dates_win_over_lastmod():
    xml = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
           b"<url><loc>https://x.example/a</loc><lastmod>2024-03-01</lastmod><news:news><news:publication>"
           b"<news:name>X</news:name></news:publication><news:publication_date>2024-01-02T03:04:05Z"
           b"</news:publication_date></news:news></url>"
           b"<url><loc> https://x.example/b </loc><lastmod>2024-03-01</lastmod></url>"
           b"<url><lastmod>2024-03-01</lastmod></url></urlset>")
    children, entries = parse_sitemap(xml)
    assert children == []
    assert [(e.url, e.published.date().isoformat()) for e in entries] == [("https://x.example/a", "2024-01-02"),
                                                                         ("https://x.example/b", "2024-03-01")]


def test_a_sitemap_index_lists_its_children():
    xml = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.example/1.xml'
           b"</loc></sitemap><sitemap><loc>https://x.example/2.xml</loc></sitemap></sitemapindex>")
    assert parse_sitemap(xml) == (["https://x.example/1.xml", "https://x.example/2.xml"], [])


def test_sitemap_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://evil.example/leaked")
    xml = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file://{secret}">]>'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&e;</loc></url>'
           "<url><loc>https://x.example/a</loc></url></urlset>").encode()
    _, entries = parse_sitemap(xml)
    assert [e.url for e in entries] == ["https://x.example/a"]


def test_unreadable_sitemaps_say_why():
    for body in (b"", b"   "):
        with pytest.raises(DiscoveryError, match="malformed XML"):
            parse_sitemap(body)
    with pytest.raises(DiscoveryError, match=r"not a sitemap \(root element <rss>\)"):
        parse_sitemap(_rss())


def test_relative_robots_sitemap_lines_join_the_robots_url():
    body = b"User-agent: *\nSitemap: /news.xml\nSitemap: https://cdn.example/s.xml\nSitemap: /news.xml\n"
    assert robots_sitemaps(body, base_url="https://x.example/robots.txt") == ["https://x.example/news.xml",
                                                                                "https://cdn.example/s.xml"]


def test_a_sitemap_broken_part_way_keeps_what_came_before_and_says_so():
    from crawler.discovery import read_sitemap

    xml = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/a</loc>'
           b"<lastmod>2024-01-02</lastmod></url><url><loc>https://x.example/b</loc></url><url><loc>https://x.exa")
    children, entries, problem = read_sitemap(xml)
    assert children == [] and [e.url for e in entries][:2] == ["https://x.example/a", "https://x.example/b"]
    assert problem.startswith("malformed XML (") and "entries read before it" in problem
    assert read_sitemap(xml.split(b"<url><loc>https://x.exa")[0] + b"</urlset>")[2] is None
