"""Bytes to text: size and binary checks, encoding detection, HTML-or-text sniffing."""

from __future__ import annotations

import codecs
import re

from pipelines.base import CpuStage, Item, StageError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w:.-]+)", re.IGNORECASE)
_HTML_SNIFF = re.compile(rb"<(?:!doctype html|html|head|body|p|div|article|meta)[\s>]", re.IGNORECASE)
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def is_binary(body: bytes) -> bool:
    head = body[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * max(len(head), 1)


def declared_charset(body: bytes, content_type: str | None) -> str | None:
    if content_type and (match := _HEADER_CHARSET.search(content_type)):
        return match.group(1)
    if match := _META_CHARSET.search(body[:4096]):
        return match.group(1).decode("ascii", "ignore")
    return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): BOM, then declared charset, then strict UTF-8, then detection."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), codec
    declared = declared_charset(body, content_type)
    if declared:
        try:
            return body.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    return body.decode(encoding, errors="replace"), encoding


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
            raise StageError(f"too large: {len(body) / 1e6:.1f} MB over the {self.max_bytes / 1e6:.0f} MB limit "
                             "(raise NEWSINDEX_MAX_BYTES to accept it)")
        if not body.strip():
            raise StageError("empty: no content to extract")
        if is_binary(body):
            raise StageError("binary content: not text or HTML")
        source = item.get("source") or item.get("url") or ""
        item["kind"] = sniff_kind(body, source, item.get("content_type"))
        item["raw"], item["encoding"] = decode_body(body, item.get("content_type"))
        return item
