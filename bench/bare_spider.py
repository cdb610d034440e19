"""The baseline of bench_crawl.py: a bare Scrapy spider that reads the same sitemaps and only
stores response bodies (no extraction, no index)."""

import scrapy

from crawler.discovery import parse_sitemap


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}}

    def __init__(self, sitemap: str, out: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitemap, self.out = sitemap, open(out, "wb")  # noqa: SIM115

    async def start(self):
        yield scrapy.Request(self.sitemap, callback=self.parse_sitemap)

    def parse_sitemap(self, response):
        children, entries = parse_sitemap(response.body)
        for url in children:
            yield scrapy.Request(url, callback=self.parse_sitemap)
        for entry in entries:
            yield scrapy.Request(entry.url, callback=self.parse_page)

    def parse_page(self, response):
        self.out.write(response.body)
        self.crawler.stats.inc_value("bare/pages")

    def closed(self, reason):
        self.out.close()
