"""The scale-out scheduler's leases against a real Redis (crawler/scheduler.py): a popped request is leased in
the same step, a new request is marked seen and queued in one step, and a page's lease outlives its parse
until every link it yielded is queued."""

from __future__ import annotations

import uuid

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.scheduler import LeasingScheduler, ReleaseParsedMiddleware


@pytest.fixture
def scheduler(redis_url):
    run = uuid.uuid4().hex[:8]
    crawler = get_crawler(Spider, {"REDIS_URL": redis_url, "SCHEDULER_PERSIST": True,
                                   "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
                                   "SCHEDULER_QUEUE_KEY": f"%(spider)s:{run}:requests",
                                   "SCHEDULER_DUPEFILTER_KEY": f"%(spider)s:{run}:dupefilter"})
    spider = Spider.from_crawler(crawler, name="leases")
    scheduler = LeasingScheduler.from_crawler(crawler)
    scheduler.open(spider)
    yield scheduler
    scheduler.close("finished")


def leases(scheduler) -> dict[str, str]:
    """lease id → URL, as another worker would read them to take them back."""
    return {key.decode(): scheduler.queue._decode_request(value).url
            for key, value in scheduler.server.hgetall(scheduler.leases_key).items()}


def test_a_popped_request_is_leased_in_the_same_step(scheduler):
    for n in range(2):
        assert scheduler.enqueue_request(Request(f"https://site.example/news/{n}", meta={"kind": "article"}))
    request = scheduler.next_request()
    assert leases(scheduler) == {request.meta["newsindex_lease"]: request.url}
    assert len(scheduler.queue) == 1
    second = scheduler.next_request()
    assert {request.url, second.url} == {"https://site.example/news/0", "https://site.example/news/1"}
    assert len(leases(scheduler)) == 2 and scheduler.next_request() is None


def test_a_new_request_is_seen_and_queued_together(scheduler):
    url = "https://site.example/news/1"
    assert scheduler.enqueue_request(Request(url))
    assert not scheduler.enqueue_request(Request(url))  # seen: filtered, not queued twice
    assert len(scheduler.queue) == 1
    assert scheduler.enqueue_request(Request(url, dont_filter=True))  # a request taken back skips the filter
    assert len(scheduler.queue) == 2
    assert scheduler.server.scard(scheduler.df.key) == 1


def parse_output(middleware, response, links: list[str], fail_after: int | None = None):
    def callback():
        for n, link in enumerate(links):
            if fail_after is not None and n == fail_after:
                raise ValueError("a broken sitemap entry")
            yield Request(link)

    return middleware.process_spider_output(response, callback())


@pytest.mark.parametrize("fail_after", [None, 1])
def test_a_page_lease_is_released_once_its_links_are_queued(scheduler, fail_after):
    scheduler.enqueue_request(Request("https://site.example/sitemap.xml", meta={"kind": "sitemap"}))
    request = scheduler.next_request()
    response = HtmlResponse(request.url, body=b"<urlset/>", request=request)
    middleware = ReleaseParsedMiddleware(scheduler.crawler)
    middleware._scheduler = lambda: scheduler  # the engine's scheduler, without running an engine
    links = [f"https://site.example/news/{n}" for n in range(3)]
    output = parse_output(middleware, response, links, fail_after)
    assert scheduler.enqueue_request(next(output))
    # mid-parse: a worker killed now leaves the sitemap leased, so another parses it again
    assert leases(scheduler) == {request.meta["newsindex_lease"]: request.url}
    if fail_after is None:
        for link in output:
            scheduler.enqueue_request(link)
    else:
        with pytest.raises(ValueError):
            list(output)
    assert leases(scheduler) == {}  # parsed, or failed the way a second parse would fail too


@pytest.mark.parametrize("kind", ["article", "page"])
def test_an_article_lease_stays_until_its_item_is_written(scheduler, kind):
    """Listed in a sitemap ("article") or reached as a followed "Latest" link ("page"): the page yielded an
    item, so its lease goes with the item, once it is written."""
    scheduler.enqueue_request(Request("https://site.example/news/7", meta={"kind": kind}))
    request = scheduler.next_request()
    response = HtmlResponse(request.url, body=b"<p>story</p>", request=request)
    middleware = ReleaseParsedMiddleware(scheduler.crawler)
    middleware._scheduler = lambda: scheduler
    list(middleware.process_spider_output(response, iter([{"url": request.url}, Request("https://site.example/x")])))
    assert request.meta["newsindex_lease"] in leases(scheduler)  # parsed, not yet indexed
    item = {"url": request.url}
    scheduler._scraped(item, response)
    scheduler._written(items=[{"url": "https://site.example/other"}])  # another item's batch: this lease stays
    assert request.meta["newsindex_lease"] in leases(scheduler)
    scheduler._written(items=[item])  # its own batch is in
    assert leases(scheduler) == {}
