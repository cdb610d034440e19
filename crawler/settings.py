"""Scrapy settings: every source goes through the same ITEM_PIPELINES as the CLI's stages."""

from pipelines.runner import item_pipelines

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
LOG_FORMATTER = "crawler.logformatter.OneLineLogFormatter"  # a dropped item is one line: URL and reason

# The stage order of pipelines.runner.STAGES, the indexer last: the same list `newsindex ingest` runs.
# The ledger (--ledger) sits right before the index writer: it sees each document before its write.
ITEM_PIPELINES = {**item_pipelines(), "crawler.ledger.LedgerPipeline": 890}
EXTENSIONS = {"crawler.extensions.DeadLetterExtension": 500,
              "crawler.extensions.SharedCrawlExtension": 510}  # active only with REDIS_URL
DOWNLOADER_MIDDLEWARES = {
    # Next to the downloader: archives every response as it came off the wire (redirects, errors and
    # compressed bodies included), before retry, redirect and decompression act on it.
    "crawler.middlewares.WarcArchiveMiddleware": 950,
    "crawler.middlewares.ConditionalGetMiddleware": 560,
    # Before the redirect middleware (600) builds a request from a Location: credentials in it are dropped.
    "crawler.credentials.CredentialsMiddleware": 610,
}
# Scale-out only (with REDIS_URL): a page's lease is released once the links it yielded are queued.
SPIDER_MIDDLEWARES = {"crawler.scheduler.ReleaseParsedMiddleware": 950}  # inside Depth (900): sees every link
# newsindex's resolved settings (NEWSINDEX_*, REDIS_URL and the scale-out scheduler) reach every
# component through crawler.settings: see crawler/config.py.
ADDONS = {"crawler.config.NewsindexAddon": 0}
