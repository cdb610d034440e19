"""Scrapy settings: every source goes through the same ITEM_PIPELINES as the CLI's stages."""

import os
from datetime import datetime, timezone

BOT_NAME = "newsindex"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "newsindex/0.1 (+https://github.com/newsindex/newsindex; crawler@newsindex.invalid)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Each site crawl has its own crawler, so the global limit is the site's limit. Left at Scrapy's 16
# with 4 per domain, a one-site crawl ran at 16 pages/s where 4 × 100 ms allowed 40 (bench_crawl.py).
CONCURRENT_REQUESTS = 4
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_PRIORITY_ADJUST = -1
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {
    "pipelines.decode.DecodeStage": 100,
    "pipelines.extract.ExtractStage": 200,
    "pipelines.dedupe.NearDuplicateStage": 300,
    "pipelines.dedupe.SiteBoilerplateStage": 400,
    "pipelines.language.LanguageStage": 500,
    "pipelines.finalize.FinalizeStage": 600,
    "pipelines.index.ElasticsearchPipeline": 900,
}
EXTENSIONS = {"crawler.extensions.DeadLetterExtension": 500,
              "crawler.extensions.SharedCrawlExtension": 510}  # active only with REDIS_URL
DOWNLOADER_MIDDLEWARES = {
    # Next to the downloader: archives every response as it came off the wire (redirects, errors and
    # compressed bodies included), before retry, redirect and decompression act on it.
    "crawler.middlewares.WarcArchiveMiddleware": 950,
    "crawler.middlewares.ConditionalGetMiddleware": 560,
}

# Cross-document dedupe state, shared with `newsindex ingest` (see newsindex.settings).
NEWSINDEX_SITE_REPEAT_THRESHOLD = 3
NEWSINDEX_BULK_SIZE = 500

# Scale-out: with REDIS_URL, crawler processes (on any machine) share one request queue and one
# dupefilter per site and run, so together they fetch each URL once; the dedupe stores move to
# Redis too (pipelines.dedupe). Processes of one distributed run share NEWSINDEX_CRAWL_RUN
# (default: the current UTC hour), so the next scheduled run starts with a fresh seen-set.
if os.environ.get("REDIS_URL"):
    REDIS_URL = os.environ["REDIS_URL"]
    _RUN = os.environ.get("NEWSINDEX_CRAWL_RUN") or datetime.now(timezone.utc).strftime("%Y%m%d%H")
    SCHEDULER = "scrapy_redis.scheduler.Scheduler"
    DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
    SCHEDULER_QUEUE_KEY = f"%(spider)s:{_RUN}:requests"
    SCHEDULER_DUPEFILTER_KEY = f"%(spider)s:{_RUN}:dupefilter"
    SCHEDULER_PERSIST = True  # a process that finishes first must not wipe the others' shared state
    SCHEDULER_IDLE_BEFORE_CLOSE = 1
