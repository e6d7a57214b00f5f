"""Scraped-page noise: article folders made to look like saved web pages.

The dev and held-out sets are clean prose, one paragraph a line. Pages a
scraper saves are not: their text is hard-wrapped, sentences lose the space
after the full stop, paragraphs are indented, navigation, bylines, photo
captions, teasers and footers sit around and inside the body, and entities,
odd spaces and mojibake are left in the characters. This module copies an
article folder with such distortions, seeded so that a run is repeatable,
and scores the extractor on each copy against the folder's gold rows.

The words of the body are never changed (only the whitespace between them,
the encoding of their characters and lines added around them), so the gold
rows of the clean folder stay valid for every copy.

``python -m geomap.bench.pagenoise ARTICLES GOLD [--kinds ...] [--seed N]``
prints F1 clean, per kind and mixed (all kinds together).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Callable

#: The kinds of distortion, in the order they are applied when mixed (the
#: captions after the lines of other stories: a teaser is never put between
#: a photo's alt text and its caption).
KINDS = (
    "teasers",
    "headlines",
    "snippets",
    "updated",
    "captions",
    "bare_captions",
    "nav",
    "footer",
    "comments",
    "glue",
    "wrap",
    "ragged",
    "indent",
    "chars",
)
#: The kinds the extractor repairs (:mod:`geomap.extract.pagetext`; another
#: story's bare headline in the body by :func:`geomap.extract.core.extract_article`,
#: which keeps a headline-like line's events only when the body reports them).
REPAIRED = KINDS

_FRONT = re.compile(r"\A(---[ \t]*\r?\n.*?\n(?:---|\.\.\.)[ \t]*\r?\n)", re.S)
_PUBLISHED = re.compile(r"^published:\s*['\"]?(\d{4}-\d\d-\d\d)", re.M)

# Lines of our own making, in the manner of the pages the lead looked at;
# some name border places on purpose: a cleaner must drop them by their form.
_NAV_HEADLINES = (
    "Cabinet approves new tax measures for traders",
    "Chaman traders protest over new visa rules",
    "Rain lashes parts of the province, more expected",
    "Cricket board names squad for the home series",
    "Torkham sees long queues of trucks after reopening",
    "Prices of flour rise again in city markets",
)
_BULLETS = ("• ", "- ", "* ", "» ", "▪ ")
_LANGUAGES = ("اردو", "English | اردو", "پښتو | دری | English", "Read in Urdu")
_SECTIONS = ("NATIONAL", "PAKISTAN", "WORLD", "TOP STORIES", "KHYBER PAKHTUNKHWA")
_BYLINES = ("By Staff Report", "News Desk", "By Our Correspondent", "Web Desk", "AFP, ISLAMABAD", "Monitoring Desk")
_CAPTIONS = ("File photo", "PHOTO: PPI", "Photo: AFP/File", "(File photo)", "Image courtesy: social media")
_CAPTION_LINES = (
    "Security personnel keep watch at a checkpoint near the border. — AFP",
    "Trucks wait in a long line at the border crossing. — Reuters/File",
    "People walk past a market in the city. — Photo: Online",
)
_TEASERS = ("Also read: {}", "READ MORE: {}", "Related: {}", "Also Read: {} »", "See also: {}")
_FOOTER = (
    "This is a developing story and will be updated.",
    "Follow us on: Facebook, Twitter, Instagram",
    "Join our Telegram channel for the latest news",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comment *",
    "Name *",
    "Post Comment",
    "3 Comments",
    "Karim says: March 3, 2024 at 10:12 am",
    "Close the crossing for good, the firing never stops there.",
    "Back to top button",
)
# A photo's caption with no credit, or a credit after a box-drawing dash
# ("─", as some pages print it), written twice (the image's alt text, then
# its caption).
_BARE_CAPTIONS = (
    "Soldiers stand guard on a hill overlooking the Chaman crossing",
    "Families wait with their belongings at the Torkham gate",
    "Smoke rises over a village in Kurram after shelling ─ AFP",
    "Lorries queue on the road to the Ghulam Khan crossing. ─Reuters",
)
# Other stories' headlines with a cut-off first sentence, under a label.
_SNIPPET_LABELS = ("Must Read", "Trending Now", "Don't Miss", "Editor's Picks", "Top Stories")
_SNIPPETS = (
    (
        "Mortar shells land near Angoor Adda market",
        "Three shopkeepers were wounded when shells fired from across the...",
    ),
    ("Talks on Chaman crossing end without result", "Officials of the two sides met at the zero point on Monday but…"),
    ("Drone strike reported in Bajaur village", "Residents of a village near the border said a drone hit a house..."),
)
# A page's time stamps above or below the story.
_UPDATED = (
    "Updated at {t} PKT",
    "Last Updated: {d} {t}",
    "Published: {d} | Updated: {d} {t}",
    "Updated {d}, {t}",
)
# Reader comments below the story, with no "Comments" heading above them.
_COMMENTS = (
    ("Gul Khan", "2 hours ago", "The Torkham gate is shut again and again, the traders pay every time.", "Reply"),
    ("Sana", "5 days ago", "Drones were heard over Miranshah last night as well.", "Reply"),
    ("Observer", "1 week ago", "Fencing the border at Chaman will not stop the firing.", "Reply"),
)
_COMMENT_FORMS = ("Post Your Comments", "Please enter your comment!", "No comments yet. Be the first to comment.", "")

_ENTITIES = {"’": "&#8217;", "‘": "&#8216;", "“": "&#8220;", "”": "&#8221;", "&": "&amp;", '"': "&quot;"}


# ----------------------------------------------------------------- kinds


def _paragraphs(body: str) -> list[str]:
    """The body's non-blank lines (a paragraph each in the clean sets)."""
    return [line for line in body.split("\n") if line.strip()]


def _nav(body: str, rnd: random.Random, published: str) -> str:
    top = [rnd.choice(_LANGUAGES)]
    top += [rnd.choice(_BULLETS) + h for h in rnd.sample(_NAV_HEADLINES, 3)]
    date = f"date {published} {rnd.choice(_SECTIONS)}" if published else rnd.choice(_SECTIONS)
    prefix = rnd.random() < 0.5  # the scraper's date line glued before the first paragraph
    if not prefix:
        top.append(date)
    top.append(rnd.choice(_BYLINES))
    body = body.lstrip("\n")
    return "\n".join(top) + "\n\n" + (date + " " + body if prefix else body)


def _before_prose(paras: list[str], rnd: random.Random) -> int:
    """Where a photo goes: before one of the first three paragraphs of the
    story (not inside a list of other stories' lines), or at the end."""
    prose = [i for i, p in enumerate(paras) if p.count(" ") >= 6 and p.rstrip()[-1:] in ".\"”'’"]
    return rnd.choice(prose[:3]) if prose else len(paras)


def _captions(body: str, rnd: random.Random, published: str) -> str:
    paras = _paragraphs(body)
    at = _before_prose(paras, rnd)
    caption = rnd.choice(_CAPTION_LINES)
    # a caption repeated (the image's alt text and its caption), then a credit line
    paras[at:at] = [caption, caption, rnd.choice(_CAPTIONS)]
    return "\n\n".join(paras) + "\n"


def _teasers(body: str, rnd: random.Random, published: str) -> str:
    paras = _paragraphs(body)
    if len(paras) < 2:
        return body
    for _ in range(2):
        at = rnd.randint(1, len(paras) - 1)
        paras.insert(at, rnd.choice(_TEASERS).format(rnd.choice(_NAV_HEADLINES)))
    return "\n\n".join(paras) + "\n"


def _headlines(body: str, rnd: random.Random, published: str) -> str:
    # another story's bare headline between two paragraphs (a teaser without its "Also read:")
    paras = _paragraphs(body)
    if len(paras) < 2:
        return body
    paras.insert(rnd.randint(1, len(paras) - 1), rnd.choice(_NAV_HEADLINES))
    return "\n\n".join(paras) + "\n"


def _bare_captions(body: str, rnd: random.Random, published: str) -> str:
    paras = _paragraphs(body)
    at = _before_prose(paras, rnd)
    caption = rnd.choice(_BARE_CAPTIONS)
    paras[at:at] = [caption, caption]
    return "\n\n".join(paras) + "\n"


def _snippets(body: str, rnd: random.Random, published: str) -> str:
    # a label, then another story's headline and its first sentence cut off,
    # above the story or between two paragraphs
    paras = _paragraphs(body)
    block = [rnd.choice(_SNIPPET_LABELS)]
    for head, lead in rnd.sample(_SNIPPETS, 2):
        block += [head, lead]
    at = 0 if len(paras) < 2 or rnd.random() < 0.5 else rnd.randint(1, len(paras) - 1)
    paras[at:at] = block
    return "\n\n".join(paras) + "\n"


def _updated(body: str, rnd: random.Random, published: str) -> str:
    # the page's time stamps, of the published day, above the story or between two paragraphs
    day = published or "2024-01-01"
    month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[int(day[5:7]) - 1]
    d = f"{day[8:10].lstrip('0')} {month} {day[:4]}"
    t = f"{rnd.randint(1, 12)}:{rnd.randint(0, 59):02d} {rnd.choice(('am', 'pm', 'AM', 'PM'))}"
    paras = _paragraphs(body)
    stamp = rnd.choice(_UPDATED).format(d=d, t=t)
    if rnd.random() < 0.5:
        paras.insert(0, stamp)
    else:
        paras.insert(rnd.randint(1, max(1, len(paras) - 1)), stamp)
    return "\n\n".join(paras) + "\n"


def _comments(body: str, rnd: random.Random, published: str) -> str:
    out = [body.rstrip("\n"), ""]
    form = rnd.choice(_COMMENT_FORMS)
    if form:
        out.append(form)
    for comment in rnd.sample(_COMMENTS, 2):
        out += list(comment)
    return "\n".join(out) + "\n"


def _ragged(body: str, rnd: random.Random, published: str) -> str:
    # wrapped at a width that changes from paragraph to paragraph (pages of
    # several columns, a text box pasted in), some paragraphs not at all
    out = []
    for line in body.split("\n"):
        if not line.strip() or rnd.random() < 0.25:
            out.append(line)
            continue
        width = rnd.randint(35, 110)
        out.append("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)))
    return "\n".join(out)


def _footer(body: str, rnd: random.Random, published: str) -> str:
    return body.rstrip("\n") + "\n\n" + "\n".join(_FOOTER) + "\n"


#: A sentence end followed by a space and a capital: where a page glues sentences.
_GLUE = re.compile(r"(?<=[a-z0-9][.!?])[ ](?=[A-Z][a-z])")


def _glue(body: str, rnd: random.Random, published: str) -> str:
    # About half of the sentence ends lose their space ("in October.Five civilians").
    return _GLUE.sub(lambda m: "" if rnd.random() < 0.5 else " ", body)


def _wrap(body: str, rnd: random.Random, published: str) -> str:
    width = rnd.randint(60, 80)
    double = rnd.random() < 0.5  # a blank line between every wrapped line
    out = []
    for line in body.split("\n"):
        if not line.strip():
            out.append("")
            continue
        wrapped = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        out.append(("\n\n" if double else "\n").join(wrapped))
    return "\n".join(out)


def _indent(body: str, rnd: random.Random, published: str) -> str:
    pad = rnd.choice(("    ", "\t", "  ", "\t\t"))
    return "\n".join(pad + line if line.strip() else line for line in body.split("\n"))


def _mojibake(text: str) -> str:
    """``text`` as UTF-8 bytes read as Windows-1252 (bytes it leaves undefined as Latin-1)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def _chars(body: str, rnd: random.Random, published: str) -> str:
    how = rnd.choice(("entities", "spaces", "mojibake"))
    if how == "mojibake":
        # a page saved as UTF-8 and read back as Windows-1252: every curly quote and dash
        return _mojibake(body.replace("'", "’")) if rnd.random() < 0.5 else _mojibake(body)
    if how == "entities":
        return "".join(_ENTITIES[c] if c in _ENTITIES and rnd.random() < 0.8 else c for c in body)
    # spaces: some spaces non-breaking or with a zero-width space, soft hyphens in long words
    out = []
    for word in re.split(r"( )", body):
        if word == " " and rnd.random() < 0.2:
            out.append(rnd.choice(("\u00a0", " \u200b", "&nbsp;")))
        elif len(word) > 9 and word.isalpha() and rnd.random() < 0.3:
            out.append(word[:4] + "\u00ad" + word[4:])
        else:
            out.append(word)
    return "".join(out)


DISTORT: dict[str, Callable[[str, random.Random, str], str]] = {
    "nav": _nav,
    "captions": _captions,
    "teasers": _teasers,
    "headlines": _headlines,
    "footer": _footer,
    "bare_captions": _bare_captions,
    "snippets": _snippets,
    "updated": _updated,
    "comments": _comments,
    "ragged": _ragged,
    "glue": _glue,
    "wrap": _wrap,
    "indent": _indent,
    "chars": _chars,
}


# ------------------------------------------------------------- articles


def noise_text(text: str, kinds: tuple[str, ...] | list[str], seed: int = 0, name: str = "") -> str:
    """``text`` (an article file's text) with the given ``kinds`` of distortion.

    Front matter is kept as it is; only the body is distorted. The random
    choices are seeded with ``seed`` and ``name`` (the file's name), so the
    same file gets the same distortions in every run, whatever the order.

    Parameters
    ----------
    text : str
        The article file's text.
    kinds : sequence of str
        Names from :data:`KINDS`; applied in the order of :data:`KINDS`
        (``ragged`` is left out when ``wrap`` is given: both wrap the lines).
    seed : int
    name : str
        Mixed into the seed, so that articles of a folder differ.
    """
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown noise kind(s): {', '.join(sorted(unknown))}; known: {', '.join(KINDS)}")
    m = _FRONT.match(text)
    front = m.group(1) if m else ""
    body = text[len(front) :]
    published = _PUBLISHED.search(front)
    for kind in KINDS:
        if kind == "ragged" and "wrap" in kinds:
            continue  # two ways to wrap a page: a page has one (mixed, wrap wins)
        if kind in kinds:
            rnd = random.Random(f"{seed}:{name}:{kind}")
            body = DISTORT[kind](body, rnd, published.group(1) if published else "")
    return front + body


def noise_folder(src: Path, dst: Path, kinds: tuple[str, ...] | list[str], seed: int = 0) -> int:
    """Copy the articles of ``src`` into ``dst`` with ``kinds`` of noise.

    Text and Markdown files are distorted; any other file (HTML, JSON lines)
    is copied unchanged. Returns the number of files distorted.
    """
    dst.mkdir(parents=True, exist_ok=True)
    n = 0
    for p in sorted(src.iterdir()):
        if not p.is_file():
            continue
        if p.suffix.lower() in (".txt", ".md"):
            text = p.read_text(encoding="utf-8")
            (dst / p.name).write_text(noise_text(text, kinds, seed, p.name), encoding="utf-8")
            n += 1
        else:
            (dst / p.name).write_bytes(p.read_bytes())
    return n


# --------------------------------------------------------------- scoring


def _f1(folder: Path, gold: Path, work: Path) -> float:
    from ..extract import extract_paths, scanned
    from ..extract.io import drafts_csv
    from ..geocoders import default_chain
    from ..report import Report
    from ..scoring import evaluate

    scanned._SEEN.clear()  # each copy read as in its own process: no memo of the clean sentences
    drafts = extract_paths([str(folder)], default_chain(), Report(), progress=False)
    out = work / "drafts.csv"
    out.write_text(drafts_csv(drafts), encoding="utf-8")
    return evaluate(out, gold)["f1"]


def score_noise(
    articles: Path,
    gold: Path,
    kinds: tuple[str, ...] | list[str] = KINDS,
    seed: int = 0,
    mixes: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, float]:
    """F1 of the extractor on ``articles`` clean, per kind and mixed.

    Parameters
    ----------
    mixes : dict, optional
        More mixed copies to score, ``{name: kinds}``.

    Returns
    -------
    dict
        ``{"clean": f1, kind: f1, ..., "mixed": f1, name: f1, ...}``
        ("mixed" applies every kind of ``kinds`` together).
    """
    scores: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="pagenoise-") as tmp:
        work = Path(tmp)
        scores["clean"] = _f1(articles, gold, work)
        todo = [(k, (k,)) for k in kinds] + [("mixed", tuple(kinds))] + list((mixes or {}).items())
        for name, chosen in todo:
            folder = work / name
            noise_folder(articles, folder, chosen, seed)
            scores[name] = _f1(folder, gold, work)
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geomap.bench.pagenoise", description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", type=Path, help="folder of articles (a dev set's articles/)")
    ap.add_argument("gold", type=Path, help="the folder's gold CSV")
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS), help="kinds to score (default: all)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the distortions (default 0)")
    ap.add_argument("--write", type=Path, help="only write the mixed copy into this folder, no scoring")
    args = ap.parse_args(argv)
    if args.write:
        n = noise_folder(args.articles, args.write, args.kinds, args.seed)
        print(f"{n} articles written to {args.write}")
        return 0
    scores = score_noise(args.articles, args.gold, args.kinds, args.seed)
    print(" ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    worst = min(v for k, v in scores.items() if k != "clean")
    print(f"worst drop {scores['clean'] - worst:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
