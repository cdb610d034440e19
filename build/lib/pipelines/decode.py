"""Bytes to text: size and binary checks, encoding detection, HTML-or-text sniffing."""

from __future__ import annotations

import re

from pipelines.base import CpuStage, Item, StageError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_HTML_SNIFF = re.compile(rb"<(?:!doctype html|html|head|body|p|div|article|meta)[\s>]", re.IGNORECASE)


def is_binary(body: bytes) -> bool:
    from w3lib.encoding import read_bom

    if read_bom(body)[0]:  # UTF-8/16/32 with a byte-order mark: text, NULs and all
        return False
    head = body[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * max(len(head), 1)


def _detect(body: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    return best.encoding if best else None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): a BOM first (UTF-8/16/32), then valid UTF-8 over any declaration (bytes of a
    legacy encoding are almost never valid UTF-8, while pages that declare windows-1251 and are UTF-8 are
    common), then the HTTP header or ``<meta>`` declaration, then detection (w3lib's order)."""
    from w3lib.encoding import html_to_unicode, read_bom

    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom):].decode(bom_encoding, errors="replace"), bom_encoding
    if not body.isascii():
        try:
            return body.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_detect)
    return text, encoding


def sniff_kind(body: bytes, source: str, content_type: str | None) -> str:
    name = source.lower().removesuffix(".gz")
    if content_type and "html" in content_type.lower() or name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if content_type and content_type.lower().startswith("text/plain") or name.endswith(".txt"):
        return "text"
    return "html" if _HTML_SNIFF.search(body[:4096]) else "text"


class DecodeStage(CpuStage):
    """``body`` (bytes) → ``raw`` (str), ``kind`` ("html" | "text"), ``encoding``."""

    name = "decode"
    setting_names = {"max_bytes": "NEWSINDEX_MAX_BYTES"}

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES):
        self.max_bytes = int(max_bytes)

    def process(self, item: Item) -> Item:
        body: bytes = item.pop("body", b"") or b""
        if len(body) > self.max_bytes:
            raise StageError(f"too large: {len(body) / 2**20:.1f} MiB, over the {self.max_bytes / 2**20:.1f} MiB "
                             "limit (raise NEWSINDEX_MAX_BYTES to accept it)")
        if not body.strip():
            raise StageError("empty: no content to extract")
        if is_binary(body):
            raise StageError("binary content: not text or HTML")
        source = item.get("source") or item.get("url") or ""
        item["kind"] = sniff_kind(body, source, item.get("content_type"))
        item["raw"], item["encoding"] = decode_body(body, item.get("content_type"))
        return item
