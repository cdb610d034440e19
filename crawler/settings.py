"""Scrapy settings: every source goes through the same ITEM_PIPELINES as the CLI's stages."""

BOT_NAME = "newsindex"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "newsindex/0.1 (+https://github.com/newsindex/newsindex; crawler@newsindex.invalid)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS_PER_DOMAIN = 4
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
EXTENSIONS = {"crawler.extensions.DeadLetterExtension": 500}
DOWNLOADER_MIDDLEWARES = {
    # Next to the downloader: archives every response as it came off the wire (redirects, errors and
    # compressed bodies included), before retry, redirect and decompression act on it.
    "crawler.middlewares.WarcArchiveMiddleware": 950,
    "crawler.middlewares.ConditionalGetMiddleware": 560,
}

# Cross-document dedupe state, shared with `newsindex ingest` (see newsindex.settings).
NEWSINDEX_SITE_REPEAT_THRESHOLD = 3
NEWSINDEX_BULK_SIZE = 500
