"""Build large benchmark inputs from templates and random text; deterministic for a seed.

Irrelevant pages are general news (sport, weather, markets, science, culture),
some of which name office holders or use words like "call" the way any news
does. Relevant pages state messages between leaders in varied phrasings, in
English, Chinese and Korean. Every sentence here is written for the benchmark.

    .venv/bin/python bench/generate.py --pages 20000 --relevant 0.05 --seed 1

writes into bench/data/ (gitignored): text.jsonl, html.jsonl, txt/ and html/.
Other benchmarks import ``iter_pages`` to stream pages without touching disk.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data"

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
LEADERS = [
    ("Kim Jong Un", "General Secretary of the Workers' Party of Korea"),
    ("Xi Jinping", "President of the People's Republic of China"),
    ("Vladimir Putin", "President of the Russian Federation"),
    ("Alexander Lukashenko", "President of Belarus"),
    ("Miguel Diaz-Canel", "President of Cuba"),
    ("To Lam", "General Secretary of the Communist Party of Vietnam"),
    ("Thongloun Sisoulith", "President of Laos"),
    ("Hun Manet", "Prime Minister of Cambodia"),
]
OCCASIONS = [
    "the {n}th anniversary of the founding of the republic",
    "his re-election as head of state",
    "the national day of his country",
    "the New Year",
    "his birthday",
    "the opening of the party congress",
]
EN_TEMPLATES = [
    "{s_title} {sender} sent a congratulatory message to {recipient} on {month} {day}, {year} on the occasion of {occasion}.",
    "{recipient} received a message of greetings from {sender}, {s_title}, on {month} {day}, {year}.",
    "In a letter dated {month} {day}, {year}, {sender} congratulated {recipient} on {occasion}.",
    "{sender} and {recipient} held a telephone conversation on {month} {day}, {year}, discussing bilateral ties.",
    "{sender} sent a message of condolence to {recipient} on {month} {day}, {year} over the floods in the south.",
    "On {month} {day}, {year}, {sender} sent a reply message to {recipient}, thanking him for his greetings on {occasion}.",
    "{s_title} {sender} conveyed a verbal message to {recipient} through a special envoy on {month} {day}, {year}.",
]
ZH_TEMPLATES = [
    "{year}年{m}月{day}日，国家主席习近平致电{zh_name}，祝贺{zh_occ}。",
    "{zh_name}{year}年{m}月{day}日致信习近平总书记，对中方表示感谢。",
]
KO_TEMPLATES = [
    "김정은 총비서가 {year}년 {m}월 {day}일 {ko_name}에게 축전을 보냈다.",
    "{ko_name} 대통령은 {year}년 {m}월 {day}일 김정은 위원장에게 답전을 보냈다.",
]
ZH_NAMES = ["普京总统", "卢卡申科总统", "通伦主席", "洪玛奈首相"]
ZH_OCCASIONS = ["国庆节", "连任总统", "新年", "建国七十五周年"]
KO_NAMES = ["푸틴", "루카셴코", "통룬 시술릿", "미겔 디아스카넬"]

TOPICS = {
    "sport": ["striker", "league", "coach", "stadium", "season", "goal", "referee", "fans", "transfer", "derby"],
    "weather": ["rain", "storm", "forecast", "temperature", "wind", "drought", "snow", "humidity", "front", "coast"],
    "markets": ["shares", "index", "bond", "yield", "investors", "earnings", "currency", "inflation", "rates", "oil"],
    "science": ["researchers", "study", "cells", "telescope", "species", "climate", "vaccine", "genome", "orbit", "lab"],
    "culture": ["festival", "film", "album", "gallery", "novel", "director", "concert", "museum", "audience", "stage"],
}
FILLER = ["the", "a", "new", "local", "after", "during", "with", "about", "more", "than", "said", "on", "this",
          "week", "year", "city", "region", "report", "officials", "people", "early", "late", "since", "over"]
# Sentences any general news page may hold: office words and "call" in other senses.
NEWS_EXTRAS = [
    "The mayor said the new bridge would open next spring.",
    "Customers can call the hotline for more information.",
    "The minister of sport attended the final.",
    "Fans called for the coach to resign after the defeat.",
    "The company president announced record quarterly earnings.",
    "Readers may send a letter to the editor about this story.",
]
NAV = ["Home", "World", "Politics", "Business", "Sport", "Science", "Culture", "Opinion", "Video", "Contact"]


@dataclass(frozen=True)
class GenPage:
    """One generated page: its URL, title, plain text, whether it states a message, and its date."""

    url: str
    title: str
    text: str
    relevant: bool
    published: str | None = None  # ISO date of a relevant page (a full-layout page states it in its meta tags)


def _sentence(rng: random.Random, words: list[str]) -> str:
    picked = [rng.choice(words if rng.random() < 0.4 else FILLER) for _ in range(rng.randrange(8, 18))]
    return " ".join(picked).capitalize() + "."


def irrelevant_page(rng: random.Random, index: int) -> GenPage:
    """A general news page about a random topic, 1.5-4 kB of text."""
    topic = rng.choice(sorted(TOPICS))
    words = TOPICS[topic]
    paragraphs = []
    for _ in range(rng.randrange(4, 9)):
        sentences = [_sentence(rng, words) for _ in range(rng.randrange(2, 5))]
        if rng.random() < 0.15:
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(NEWS_EXTRAS))
        paragraphs.append(" ".join(sentences))
    title = f"{topic.capitalize()}: {_sentence(rng, words)[:60]}"
    return GenPage(f"https://news.example/{topic}/{index}", title, "\n\n".join(paragraphs), False)


def relevant_page(rng: random.Random, index: int) -> GenPage:
    """A page stating one or two messages between leaders, in English (80%), Chinese or Korean."""
    year = rng.randrange(2012, 2025)
    m = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    language = rng.choices(["en", "zh", "ko"], weights=[8, 1, 1])[0]
    if language == "en":
        (sender, s_title), (recipient, _) = rng.sample(LEADERS, 2)
        occasion = rng.choice(OCCASIONS).format(n=rng.randrange(20, 80))
        values = dict(sender=sender, s_title=s_title, recipient=recipient, month=MONTHS[m - 1], day=day,
                      year=year, occasion=occasion)
        lead = rng.choice(EN_TEMPLATES).format(**values)
        body = [f"{MONTHS[m - 1]} {day}, {year}", lead]
        if rng.random() < 0.3:
            body.append(rng.choice(EN_TEMPLATES).format(**values))
        body += [_sentence(rng, FILLER) for _ in range(rng.randrange(2, 6))]
        title = f"{sender} sends message to {recipient}"
    elif language == "zh":
        body = [rng.choice(ZH_TEMPLATES).format(year=year, m=m, day=day, zh_name=rng.choice(ZH_NAMES),
                                                zh_occ=rng.choice(ZH_OCCASIONS))]
        body.append("双方表示，愿同对方一道，推动两国关系不断向前发展。")
        title = "习近平致电祝贺"
    else:
        body = [rng.choice(KO_TEMPLATES).format(year=year, m=m, day=day, ko_name=rng.choice(KO_NAMES))]
        body.append("축전은 두 나라 사이의 친선관계가 더욱 발전하리라는 확신을 표명하였다.")
        title = "축전을 보내시였다"
    return GenPage(f"https://news.example/diplomacy/{index}", title, "\n\n".join(body), True, f"{year:04d}-{m:02d}-{day:02d}")


def to_html(page: GenPage, rng: random.Random) -> str:
    """Wrap a page in the markup of a news site: head, scripts, navigation, related links, footer."""
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    paragraphs = "".join(f"<p>{p}</p>" for p in page.text.split("\n\n"))
    related = "".join(
        f'<li><a href="/story/{rng.randrange(10**6)}">{_sentence(rng, FILLER)[:50]}</a></li>' for _ in range(8)
    )
    script = "window.dataLayer=[];function track(e){dataLayer.push(e)};" * 20
    style = ".nav{display:flex}.story p{margin:0 0 1em}" * 20
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{page.title}</title>"
        f"<style>{style}</style><script>{script}</script></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article class=\"story\"><h1>{page.title}</h1>{paragraphs}</article>"
        f"<aside><h2>Related</h2><ul>{related}</ul></aside></main>"
        f"<footer><p>Copyright News Example. All rights reserved.</p><ul>{nav}</ul></footer>"
        f"<script>{script}</script></body></html>"
    )


#: Page layouts: "small" (a few kB of markup around the text) and "full", shaped like a real news page:
#: about 100-200 kB with metadata, JSON-LD, inline CSS and scripts, an SVG sprite, a mega-menu,
#: related and most-read lists, a newsletter form, a cookie banner and a long footer.
#: Sized on the shape (not the text) of the shared HTML benchmark: median 115 kB, mean 170 kB,
#: ~740 elements, ~140 links, ~25 paragraphs, 10-18 kB of visible text.
LAYOUTS = ("small", "full")
SECTIONS = ["World", "Politics", "Business", "Markets", "Technology", "Science", "Health", "Sport",
            "Culture", "Travel", "Opinion", "Video"]
BACKGROUND = ["officials", "talks", "delegation", "trade", "visit", "agreement", "ministry", "capital",
              "ties", "cooperation", "envoy", "statement", "economy", "border", "summer", "programme"]


def _css(rng: random.Random, rules: int) -> str:
    return "".join(
        f".c-{rng.choice(FILLER)}-{i}{{margin:0 0 {rng.randrange(40)}px;padding:{rng.randrange(24)}px "
        f"{rng.randrange(24)}px;color:#{rng.randrange(16**6):06x};font-size:{rng.randrange(10, 30)}px}}"
        for i in range(rules)
    )


def _script(rng: random.Random, entries: int) -> str:
    config = {f"slot_{i}_{rng.choice(FILLER)}": {"id": rng.randrange(10**9), "sizes": [[300, 250], [728, 90]],
                                                 "targeting": rng.sample(FILLER, 3)} for i in range(entries)}
    code = "".join(f"function f{i}(e){{var t=e||window.event;if(t&&t.target){{dataLayer.push({{k:{i},v:t.target.id}})}}}}"
                   for i in range(entries))
    return f"window.pageConfig={json.dumps(config)};window.dataLayer=window.dataLayer||[];{code}"


def _svg_sprite(rng: random.Random, icons: int) -> str:
    def path() -> str:
        return "M" + " ".join(f"{rng.randrange(24)}.{rng.randrange(100)} {rng.randrange(24)}.{rng.randrange(100)}"
                              for _ in range(40)) + "Z"
    symbols = "".join(f'<symbol id="icon-{i}" viewBox="0 0 24 24"><path d="{path()}"/></symbol>' for i in range(icons))
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{symbols}</svg>'


def _teaser(rng: random.Random, kind: str, with_summary: bool) -> str:
    words = TOPICS[rng.choice(sorted(TOPICS))]
    summary = f'<p class="{kind}__summary">{_sentence(rng, words)} {_sentence(rng, words)}</p>' if with_summary else ""
    return (f'<li class="{kind}__item" data-track="{kind}-{rng.randrange(10**6)}">'
            f'<a class="{kind}__link" href="/story/{rng.randrange(10**7)}">'
            f'<img class="{kind}__image" src="/img/{rng.randrange(10**7)}.jpg" alt="" loading="lazy" width="320" height="180">'
            f'<span class="{kind}__title">{_sentence(rng, words)[:70]}</span></a>{summary}</li>')


#: Background sentences for Chinese and Korean articles (an English page gets word salad of BACKGROUND).
ZH_BACKGROUND = ["两国在经贸、人文等领域的合作不断深化。", "当天，有关部门还举行了座谈会。",
                 "专家认为，双边关系发展前景广阔。", "据介绍，今年以来双方往来频繁。"]
KO_BACKGROUND = ["두 나라는 경제와 문화 분야에서 협력을 넓혀 왔다.", "이날 관련 기관들은 기념 행사를 열었다.",
                 "전문가들은 양국 관계의 전망이 밝다고 평가했다.", "올해 들어 두 나라 사이의 교류가 활발해졌다."]


def _background(rng: random.Random, page: GenPage) -> str:
    """One paragraph of background in the article's language, so the page's language stays its own."""
    if any("\uac00" <= ch <= "\ud7a3" for ch in page.text):
        return "".join(rng.choices(KO_BACKGROUND, k=rng.randrange(2, 5)))
    if any("\u4e00" <= ch <= "\u9fff" for ch in page.text):
        return "".join(rng.choices(ZH_BACKGROUND, k=rng.randrange(2, 5)))
    return " ".join(_sentence(rng, BACKGROUND) for _ in range(rng.randrange(2, 5)))


def to_full_html(page: GenPage, rng: random.Random) -> str:
    """Wrap a page in a full-size news page (100-200 kB): the same article, the markup a real site adds."""
    nav = "".join(
        f'<li class="menu__section"><a class="menu__link" href="/{s.lower()}">{s}</a><ul class="menu__sub">'
        + "".join(f'<li><a class="menu__sublink" href="/{s.lower()}/{w}">{w.capitalize()}</a></li>'
                  for w in rng.sample(TOPICS[rng.choice(sorted(TOPICS))] + FILLER, 6))
        + "</ul></li>" for s in SECTIONS)
    paragraphs = page.text.split("\n\n")
    # Real articles are longer than the generated lead: background paragraphs follow it.
    background = [_background(rng, page) for _ in range(rng.randrange(10, 20))]
    body = "".join(f'<p class="article__paragraph">{p}</p>' for p in paragraphs[:2])
    body += f'<figure class="article__figure"><img src="/img/{rng.randrange(10**7)}.jpg" alt="" width="960" height="540">' \
            f'<figcaption>{_sentence(rng, BACKGROUND)} (Photo: Agency)</figcaption></figure>'
    body += "".join(f'<p class="article__paragraph">{p}</p>' for p in paragraphs[2:] + background)
    related = "".join(_teaser(rng, "related", True) for _ in range(12))
    ticker = "".join(f'<div class="ticker__item"><div class="ticker__time">{rng.randrange(24):02d}:{rng.randrange(60):02d}</div>'
                     f'<div class="ticker__text"><span>{_sentence(rng, TOPICS[t])}</span></div></div>'
                     for t in rng.choices(sorted(TOPICS), k=rng.randrange(15, 40)))
    popular = "".join(_teaser(rng, "popular", False) for _ in range(10))
    footer = "".join(f'<li><a class="footer__link" href="/{s.lower()}/{w}">{s} {w}</a></li>'
                     for s in SECTIONS for w in rng.sample(FILLER, 3))
    tags = "".join(f'<li><a rel="tag" href="/tag/{w}">{w}</a></li>' for w in rng.sample(BACKGROUND, 6))
    share = "".join(f'<a class="share__{n}" href="#"><svg><use href="#icon-{i}"/></svg><span>{n}</span></a>'
                    for i, n in enumerate(["Facebook", "X", "Email", "Print", "Copy link"]))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": page.title,
                     "mainEntityOfPage": page.url, "publisher": {"@type": "Organization", "name": "News Example"}})
    meta = (f'<meta property="og:title" content="{page.title}"><meta property="og:type" content="article">'
            f'<meta property="og:url" content="{page.url}"><meta name="twitter:card" content="summary_large_image">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="{page.url}">'
            + "".join(f'<link rel="preload" href="/static/{i}.woff2" as="font">' for i in range(6)))
    if page.published:  # as most news sites do (htmldate then reads it first)
        meta += f'<meta property="article:published_time" content="{page.published}T08:00:00+00:00">'
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{page.title} | News Example</title>{meta}'
        f'<script type="application/ld+json">{ld}</script>'
        f"<style>{_css(rng, rng.randrange(200, 700))}</style><script>{_script(rng, rng.randrange(80, 480))}</script>"
        f'</head><body class="page page--article">{_svg_sprite(rng, rng.randrange(4, 30))}'
        f'<div class="cookie-banner"><p>We use cookies to improve the site. <a href="/privacy">Privacy</a></p>'
        f"<button>Accept</button></div>"
        f'<header class="site-header"><a class="logo" href="/">News Example</a><nav class="menu"><ul>{nav}</ul></nav>'
        f'<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>'
        f'<main class="layout"><nav class="breadcrumb"><a href="/">Home</a> / <a href="/world">World</a></nav>'
        f'<article class="article"><h1 class="article__title">{page.title}</h1>'
        f'<div class="article__byline">By Staff Reporter</div><div class="article__share">{share}</div>'
        f'<div class="article__body">{body}</div><ul class="article__tags">{tags}</ul></article>'
        f'<aside class="rail"><section><h2>Related stories</h2><ul>{related}</ul></section>'
        f"<section><h2>Most read</h2><ol>{popular}</ol></section><section class=\"ticker\"><h2>Latest</h2>{ticker}</section>"
        f'<section class="newsletter"><h2>Newsletter</h2><form><input type="email" placeholder="Email address">'
        f"<button>Sign up</button></form></section></aside>"
        f'<section class="comments"><h2>Comments</h2><p>Comments are closed for this story.</p></section></main>'
        f'<footer class="site-footer"><ul>{footer}</ul><p>Copyright News Example. All rights reserved.</p></footer>'
        f"<script>{_script(rng, rng.randrange(30, 90))}</script></body></html>"
    )


def render_html(page: GenPage, rng: random.Random, layout: str = "small") -> str:
    """The page as HTML in one of LAYOUTS."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    return to_full_html(page, rng) if layout == "full" else to_html(page, rng)


def iter_pages(count: int, relevant_share: float, seed: int = 1) -> Iterator[GenPage]:
    """Stream ``count`` pages, a ``relevant_share`` of them relevant, deterministically."""
    rng = random.Random(seed)
    for index in range(count):
        if rng.random() < relevant_share:
            yield relevant_page(rng, index)
        else:
            yield irrelevant_page(rng, index)


def jsonl_line(page: GenPage, html: str | None = None) -> str:
    """One record of a crawl dump: url, title, and text or html."""
    record = {"url": page.url, "title": page.title}
    record["html" if html is not None else "text"] = html if html is not None else page.text
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(path: Path, count: int, relevant_share: float, seed: int, html: bool, layout: str = "small") -> Path:
    """Write a JSONL dump of generated pages (text or html records in ``layout``); return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    with path.open("w", encoding="utf-8") as out:
        for page in iter_pages(count, relevant_share, seed):
            out.write(jsonl_line(page, render_html(page, rng, layout) if html else None) + "\n")
    return path


def write_files(folder: Path, count: int, relevant_share: float, seed: int, html: bool) -> Path:
    """Write one .txt or .html file per generated page; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    for i, page in enumerate(iter_pages(count, relevant_share, seed)):
        if html:
            (folder / f"page-{i:07d}.html").write_text(to_html(page, rng), encoding="utf-8")
        else:
            (folder / f"page-{i:07d}.txt").write_text(f"{page.title}\n\n{page.text}", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--relevant", type=float, default=0.05, help="share of relevant pages")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for name, html in (("text.jsonl", False), ("html.jsonl", True)):
        print(write_jsonl(args.out / name, args.pages, args.relevant, args.seed, html))
    files = min(args.pages, 5000)  # a folder of loose files: capped to stay friendly to the disk
    print(write_files(args.out / "txt", files, args.relevant, args.seed, False))
    print(write_files(args.out / "html", files, args.relevant, args.seed, True))


if __name__ == "__main__":
    main()
