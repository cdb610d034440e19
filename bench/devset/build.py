"""Render the dev set: every story of stories.yaml in six layouts (news site, blog, magazine, a wire story
with a hidden app copy, a photo gallery's first slide, plain text), with its language's furniture placed where
real sites put it. Writes pages/ and expected.json.

    python bench/devset/build.py
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def _date(lang: dict, ymd: list[int]) -> str:
    y, m, d = ymd
    return lang["date"].format(d=d, month=lang["months"][m - 1], y=y)


def _p(text: str, cls: str = "") -> str:
    return f"<p{f' class={cls!r}' if cls else ''}>{html.escape(text)}</p>"


def news(lang: dict, story: dict, url: str) -> str:
    f = lang["furniture"]
    paras = story["paragraphs"]
    nav = "".join(f"<li><a href='/{i}'>{html.escape(n)}</a></li>" for i, n in enumerate(f["nav"]))
    appeal = ("<aside class='support-box'>" + "".join(_p(a) for a in f["appeal"])
              + f"<button>{html.escape(f['appeal_button'])}</button></aside>")
    body = (_p(paras[0]) + _p(paras[1]) + appeal + _p(f["read_also"]) + "".join(_p(p) for p in paras[2:])
            + f"<div class='share'><a href='#'>{html.escape(f['share'])}</a></div>"
            + _p(f"{lang['tags_label']} {', '.join(story['tags'])}", "tags"))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(story['title'])}</title>"
            f"<link rel='canonical' href='{url}'></head><body><header><nav><ul>{nav}</ul></nav></header>"
            f"<main><article><h1>{html.escape(story['title'])}</h1>"
            + _p(lang["byline"].format(author=story["author"], date=_date(lang, story["date"])), "meta")
            + body + f"</article></main><footer>{_p(f['footer'])}</footer></body></html>")


def blog(lang: dict, story: dict, url: str) -> str:
    """A blog post ending in a short list its last sentence introduces, then an appeal, tag links, a comments
    heading, a sidebar channel call."""
    f = lang["furniture"]
    links = "".join(f"<li><a href='/{i}'>{html.escape(n)}</a></li>" for i, n in enumerate(f["nav"]))
    side = f"<aside class='sidebar'><ul>{links}</ul>{_p(f['channel'])}</aside>"
    tags = "".join(f"<a rel='tag' href='/tag/{i}'>{html.escape(t)}</a> " for i, t in enumerate(story["tags"]))
    byline = lang["byline"].format(author=story["author"], date=_date(lang, story["date"]))
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(story['title'])} | Blog</title></head><body>"
            f"<div class='wrap'>{side}<div class='post'><h2>{html.escape(story['title'])}</h2>"
            f"<div class='byline'>{html.escape(byline)}</div>"
            + "".join(_p(p) for p in story["paragraphs"]) + _p(lang["list_intro"])
            + "".join(_p(item) for item in lang["list"]) + _p(f["appeal"][0])
            + f"<div class='tags'><span>{html.escape(lang['tags_label'])}</span> {tags}</div>"
            + f"<h3>{html.escape(f['comments'])}</h3></div></div>{_p(f['footer'])}</body></html>")


def magazine(lang: dict, story: dict, url: str) -> str:
    f = lang["furniture"]
    paras = story["paragraphs"]
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(story['title'])}</title></head><body>"
            f"<div id='content'><h1>{html.escape(story['title'])}</h1>"
            + _p(lang["byline"].format(author=story["author"], date=_date(lang, story["date"])))
            + _p(paras[0]) + _p(paras[1]) + _p(f["channel"]) + "".join(_p(p) for p in paras[2:])
            + _p(f["read_also"]) + _p(f["share"]) + _p(lang["tags_label"]) + "".join(_p(t) for t in story["tags"])
            + f"</div><div id='foot'>{_p(f['footer'])}</div></body></html>")


def app(lang: dict, story: dict, url: str) -> str:
    """A wire story on a site that also ships its app version in the page, hidden (trafilatura extracts that
    copy too), ending in a table, with the desk's credit line at the foot and a "latest" list beside it."""
    f = lang["furniture"]
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                                for row in lang["table"]) + "</table>"
    paras = "".join(_p(p) for p in story["paragraphs"]) + table
    latest = "".join(f"<li><a href='/{i}'>{html.escape(n)}</a></li>" for i, n in enumerate(f["nav"]))
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(story['title'])}</title></head><body>"
            f"<article><h1>{html.escape(story['title'])}</h1>"
            + _p(lang["byline"].format(author=story["author"], date=_date(lang, story["date"])), "meta")
            + paras + _p(f["credit"]) + _p(f"{lang['tags_label']} {', '.join(story['tags'])}", "tags")
            + f"<div class='app-version' hidden>{paras}</div></article>"
            + f"<ul class='latest-news'>{latest}</ul>{_p(f['footer'])}</body></html>")


def gallery(lang: dict, story: dict, url: str) -> str:
    """A photo gallery's first slide: the story's opening in the slide's caption container, under it the
    site's list of other sites' headlines (trafilatura returns that list instead of the caption)."""
    f = lang["furniture"]
    links = "".join(f"<li><a href='/w{i}'>{html.escape(line.split(' — ')[0])}</a> — "
                    f"{html.escape(line.split(' — ')[1])}</li>" for i, line in enumerate(f["web_links"]))
    tags = "".join(f"<a rel='tag' href='/tag/{i}'>{html.escape(t)}</a> " for i, t in enumerate(story["tags"]))
    byline = lang["byline"].format(author=story["author"], date=_date(lang, story["date"]))
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(story['title'])}</title></head><body>"
            f"<section id='main'><div id='main-content'><section><article class='post gallery'>"
            f"<header><h2>{html.escape(story['title'])}</h2></header><div class='body' id='slide-body'>"
            f"<a href='#'>&lt;</a> 1 / 8 <a href='#'>&gt;</a>{_p(byline, 'meta')}"
            "<div class='caption' id='slide-content'>"
            + "".join(_p(p) for p in gallery_caption(story)) + "</div></div></article></section>"
            f"<div class='gallery-bottom'><div class='related-tags'>{tags}</div><div id='web-links'>"
            f"<h3>{html.escape(f['web_heading'])}</h3><ul>{links}</ul></div></div></div></section>"
            f"<footer>{_p(f['footer'])}</footer></body></html>")


def gallery_caption(story: dict) -> list[str]:
    """The first slide's caption: the story's first two paragraphs."""
    return story["paragraphs"][:2]


def text(lang: dict, story: dict, url: str) -> str:
    f = lang["furniture"]
    byline = lang["byline"].format(author=story["author"], date=_date(lang, story["date"]))
    lines = [f["nav"][-1], story["title"], byline,
             *story["paragraphs"][:2], f["read_also"], *story["paragraphs"][2:], *f["appeal"], f["appeal_button"],
             f"{lang['tags_label']} {', '.join(story['tags'])}"]
    return "\n\n".join(lines) + "\n"


LAYOUTS = {"news": (news, "html"), "blog": (blog, "html"), "magazine": (magazine, "html"), "app": (app, "html"),
           "gallery": (gallery, "html"), "text": (text, "txt")}


def main() -> None:
    data = yaml.safe_load((HERE / "stories.yaml").read_text(encoding="utf-8"))
    pages = HERE / "pages"
    pages.mkdir(exist_ok=True)
    expected = {}
    for code, lang in data["languages"].items():
        f = lang["furniture"]
        for number, story in enumerate(lang["stories"], 1):
            url = f"https://{code}.news.example/2024/story-{number}"
            for layout, (render, suffix) in LAYOUTS.items():
                name = f"{code}-{number}-{layout}.{suffix}"
                (pages / name).write_text(render(lang, story, url), encoding="utf-8")
                # per layout: what the page holds besides the story (table rows as trafilatura writes them)
                content = {"app": story["paragraphs"] + [" | ".join(row) for row in lang["table"]],
                           "blog": story["paragraphs"] + [lang["list_intro"], *lang["list"]],
                           "gallery": gallery_caption(story)}.get(layout, story["paragraphs"])
                boilerplate = [f["share"], f["read_also"], *f["appeal"], f["appeal_button"], f["channel"],
                               f["comments"], f["footer"], f["credit"],
                               *{"gallery": [f["web_heading"], *f["web_links"]]}.get(layout, [])]
                expected[name] = {"url": url if suffix == "html" else None, "language": code,
                                  "title": story["title"], "author": story["author"],
                                  "published": "{:04d}-{:02d}-{:02d}".format(*story["date"]), "tags": story["tags"],
                                  "content": content, "boilerplate": boilerplate}
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(expected)} pages in {pages}")


if __name__ == "__main__":
    main()
