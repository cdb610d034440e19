"""The seed folder (or any files) as a Scrapy source: ``scrapy crawl files -a path=seeds``."""

from __future__ import annotations

import scrapy

from crawler.sources import ReadFailure, Skipped, iter_file_items


class FilesSpider(scrapy.Spider):
    name = "files"
    custom_settings = {"ROBOTSTXT_OBEY": False}

    def __init__(self, path: str = "seeds", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.paths = path.split(",")

    async def start(self):
        for entry in iter_file_items(self.paths):
            if isinstance(entry, ReadFailure):
                self.logger.error("%s: %s", entry.source, entry.reason)
                self.crawler.stats.inc_value("newsindex/read_failed")
            elif isinstance(entry, Skipped):
                self.crawler.stats.inc_value("newsindex/skipped")
            else:
                yield entry
