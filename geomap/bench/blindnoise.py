"""Blind scraped-page distortions of news articles, for a second opinion on page repair.

Written without looking at the extractor's page repair or at ``pagenoise``: every kind
imitates a shape seen on real saved news pages about the Durand Line (site chrome above
the story, doubled photo captions, inline related headlines, share counters, footers and
teaser lists below, hard-wrapped lines, mis-decoded quotes, wide gaps, live stamps,
embed placeholders and Urdu/Pashto interface words). The story's body words stay
unchanged and in order, so gold rows of the clean set stay valid; all inserted lines are
invented here.

Run ``python -m geomap.bench.blindnoise ARTICLES GOLD`` to print F1 clean, per kind and
with every kind mixed.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

KINDS = (
    "masthead",
    "share_counts",
    "caption_pairs",
    "related_inline",
    "embed_slots",
    "live_stamps",
    "script_chrome",
    "tail_blocks",
    "hard_wrap",
    "wide_gaps",
    "mojibake",
)

# Invented headlines of other stories about the border (never taken from a real page).
_OTHER_HEADLINES = (
    "Traders count losses as Ghulam Khan crossing stays shut for a fourth day",
    "Elders from both sides meet at Angoor Adda to settle a dispute over a gate",
    "Fruit trucks queue for kilometres outside Chaman as talks drag on",
    "Kurram residents ask for bunkers after another night of shelling",
    "Officials say fencing work near Bajaur will resume after the winter",
    "Patients stranded at Torkham wait for a special pass to cross",
    "Customs staff at Kharlachi return to work after a week at home",
    "Border markets in Khyber reopen with fewer buyers than before",
    "Jirga in Landi Kotal urges both governments to keep the road open",
    "Refugee families sleep in the open at Spin Boldak after deportation",
    "Drone seen over North Waziristan villages, residents say",
    "Trade body warns of rising prices as crossings close again",
)
_TEASERS = (
    "The quarrel over a few metres of ground keeps costing lives on both sides.",
    "A closed gate hurts the poorest traders first, and they have no one to ask.",
    "Talks that end without a written promise rarely hold for long.",
    "Those who live along the line have learnt to read the sound of the guns.",
)
_NAMES = ("Sher Alam Afridi", "Nasreen Yousafzai", "Gul Zaman", "Farida Achakzai")
_SITES = ("Frontier Daily", "Khyber Ledger", "The Border Post", "Quetta Courier")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Interface words of Urdu and Pashto news sites: latest, read more, share, photo, video.
_SCRIPT_WORDS = ("تازہ ترین", "مزید پڑھیں", "شیئر کریں", "تصویر", "ویڈیو", "نوي خبرونه", "نور ولولئ")


@dataclass
class Block:
    """One paragraph (body) or one inserted debris block, as lines.

    Attributes
    ----------
    lines : list of str
        The block's lines.
    debris : bool
        True for inserted lines; the body words live only in non-debris blocks.
    gap : str
        The separator written after the block.
    """

    lines: list[str]
    debris: bool = False
    gap: str = "\n"
    tags: set = field(default_factory=set)


def _split_front(text: str) -> tuple[str, str]:
    """Split off the front matter (kept byte for byte) from the story body."""
    m = re.match(r"(---\n.*?\n---\n)", text, re.S)
    if not m:
        return "", text
    return m.group(1), text[m.end() :]


def _title(front: str) -> str:
    m = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M)
    return m.group(1) if m else ""


def _date_words(rng: random.Random) -> str:
    return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2019, 2025)}"


def _debris(*lines: str, gap: str = "\n") -> Block:
    return Block([ln for ln in lines], debris=True, gap=gap)


def _insert_between(blocks: list[Block], rng: random.Random, make, share: float) -> list[Block]:
    """Insert ``make()`` after some body paragraphs (never before the first)."""
    out: list[Block] = []
    body_seen = 0
    n_body = sum(not b.debris for b in blocks)
    for b in blocks:
        out.append(b)
        if not b.debris:
            body_seen += 1
            if body_seen < n_body and rng.random() < share:
                out.append(make())
    return out


def _masthead(blocks, rng, title):
    # Site chrome above the story: skip link, nav, edition date, social icon list,
    # the title repeated (the page's h1) and an author line with published/updated stamps.
    d = _date_words(rng)
    head = [
        "Skip to main content",
        rng.choice(["Home | Pakistan | World | Opinion | Business", "Latest news"]),
        f"Today's Paper | {d}",
        "  \u2022 youtube",
        "  \u2022 facebook",
        "  \u2022 x",
        "",
    ]
    if title:
        head.append(title)
        head.append("")
    a, b = rng.sample(_NAMES, 2)
    head.append(f"{a} | {b} Published {d} Updated {d} 0{rng.randint(1, 9)}:{rng.randint(10, 59)}am")
    return [_debris(*head, gap="\n\n")] + blocks


def _share_counts(blocks, rng, title):
    # Counter widgets left as bare numbers and button labels right under the headline.
    bar = _debris(
        str(rng.randint(0, 9)),
        str(rng.randint(50, 900)),
        "Share",
        "Tweet",
        "WhatsApp",
        f"Comments ({rng.randint(0, 40)})",
        gap="\n\n",
    )
    return [bar] + blocks


def _caption_pairs(blocks, rng, title):
    # Image alt text, then the full caption with a file credit; some sites print it twice.
    def make():
        scene = rng.choice(
            [
                "Border guards stand near the gate",
                "Lorries wait in a long line on the highway",
                "A view of the crossing from the hills",
                "Villagers gather outside a damaged house",
            ]
        )
        credit = rng.choice(["[File: Staff Photographer/Agency]", "\u2014 File Photo", "(Photo: Social media)"])
        cap = f"{scene} in a picture taken last year. {credit}"
        lines = [scene.lower(), cap]
        if rng.random() < 0.5:
            lines.append(cap)
        return _debris(*lines, gap="\n\n")

    return _insert_between(blocks, rng, make, 0.35)


def _related_inline(blocks, rng, title):
    # Related-story links dropped between paragraphs, labelled or as a bare headline.
    def make():
        h = rng.choice(_OTHER_HEADLINES)
        return _debris(rng.choice([f"ALSO READ: {h}", f"Read more: {h}", h]), gap="\n\n")

    return _insert_between(blocks, rng, make, 0.3)


def _embed_slots(blocks, rng, title):
    # What is left of ads, videos and posts that the scraper could not render.
    def make():
        return _debris(
            rng.choice(
                [
                    "Advertisement",
                    "Watch Video :",
                    "Story continues below advertisement",
                    "Click here to read more (external link).",
                    f"\u2014 {rng.choice(_NAMES)} (@borderdesk) {_date_words(rng)}",
                ]
            ),
            gap="\n\n",
        )

    return _insert_between(blocks, rng, make, 0.3)


def _live_stamps(blocks, rng, title):
    # Live-blog pages: a clock stamp line before each entry, newest first in the chrome.
    out = [_debris("LIVE", "Follow the latest updates", gap="\n\n")]
    h = rng.randint(8, 20)
    for b in blocks:
        if not b.debris and rng.random() < 0.6:
            out.append(_debris(f"{h:02d}:{rng.randint(0, 59):02d} PKT", gap="\n"))
            h = max(0, h - 1)
        out.append(b)
    return out


def _script_chrome(blocks, rng, title):
    # Urdu/Pashto site chrome (menu words, thumbnail alt text) around and inside the story.
    def make():
        return _debris(rng.choice(_SCRIPT_WORDS), gap="\n")

    out = _insert_between(blocks, rng, make, 0.25)
    return [_debris(*rng.sample(_SCRIPT_WORDS, 2), gap="\n\n")] + out


def _tail_blocks(blocks, rng, title):
    # Below the story: paper credit, prev/next links, comment form, newsletter box and
    # an opinion teaser list with its own dates.
    d = _date_words(rng)
    h1, h2, h3 = rng.sample(_OTHER_HEADLINES, 3)
    tail = [
        f"Published in {rng.choice(_SITES)}, {d}",
        "",
        f"Previous article{h1}",
        f"Next article{h2}",
        "",
        "Comments are closed.",
        "Please enter your comment!",
        "Please enter your name here",
        "",
        "Subscribe to our daily email",
        "Get the border news in your inbox. It's free!",
        "We hate spam and never share your address.",
        "",
        "Opinion",
        "",
    ]
    for t in rng.sample(_TEASERS, 2):
        tail += [h3, f"Updated {rng.randint(1, 28)} {rng.choice(_MONTHS)}, {rng.randint(2020, 2025)}", "", h3, "", t]
        h3 = rng.choice(_OTHER_HEADLINES)
    tail += ["", "Exit mobile version"]
    return blocks + [_debris(*tail, gap="\n")]


def _hard_wrap(blocks, rng, title):
    # Text copied from fixed-width columns: lines break at a space every 40-75 characters,
    # sometimes with a sentence's last mark alone at the start of the next line.
    for b in blocks:
        if b.debris:
            continue
        new: list[str] = []
        for line in b.lines:
            words = line.split(" ")
            cur = ""
            width = rng.randint(40, 75)
            for w in words:
                if cur and len(cur) + 1 + len(w) > width:
                    new.append(cur)
                    cur = w
                    width = rng.randint(40, 75)
                else:
                    cur = f"{cur} {w}" if cur else w
            if cur:
                if len(cur) > 1 and cur[-1] in ".," and rng.random() < 0.3:
                    new += [cur[:-1], cur[-1]]
                else:
                    new.append(cur)
        b.lines = new
    return blocks


def _wide_gaps(blocks, rng, title):
    # Paragraphs floated apart by empty divs, trailing blanks and no-break spaces.
    for b in blocks:
        b.gap = rng.choice(["\n\n\n", "\n \n\n", "\n\n\n\n", "\n\u00a0\n"])
        if not b.debris:
            b.lines = [
                re.sub(" ", lambda _m: rng.choice([" ", " ", " ", "\u00a0", "  "]), ln) + rng.choice(["", " ", "\t"])
                for ln in b.lines
            ]
    return blocks


_MOJI_SOURCE = {"'": "\u2019", '"': "\u201d", "\u2019": "\u2019", "\u201c": "\u201c", "\u201d": "\u201d"}


def _mis_decode(ch: str, rng: random.Random) -> str:
    # UTF-8 bytes read as a single-byte code page: cp1252 keeps all three bytes, a Thai
    # page (cp874) loses the ones it cannot map.
    raw = ch.encode("utf-8")
    if rng.random() < 0.7:
        return raw.decode("cp1252", errors="replace").replace("\ufffd", "")
    return raw.decode("cp874", errors="ignore")


def _mojibake(blocks, rng, title):
    for b in blocks:
        out = []
        for ln in b.lines:
            chars = []
            for ch in ln:
                if ch in "\u2014\u2013\u2018\u2019\u201c\u201d\u00e9":
                    chars.append(_mis_decode(ch, rng))
                elif ch in "'\"" and rng.random() < 0.5:
                    chars.append(_mis_decode(_MOJI_SOURCE[ch], rng))
                else:
                    chars.append(ch)
            out.append("".join(chars))
        b.lines = out
    return blocks


# Kinds that add lines on top run innermost first, so the site chrome ends up topmost;
# line and character changes run last so they also reach inserted lines.
_ORDER = (
    "live_stamps",
    "share_counts",
    "script_chrome",
    "masthead",
    "caption_pairs",
    "related_inline",
    "embed_slots",
    "tail_blocks",
    "hard_wrap",
    "wide_gaps",
    "mojibake",
)

_APPLY = {
    "masthead": _masthead,
    "share_counts": _share_counts,
    "caption_pairs": _caption_pairs,
    "related_inline": _related_inline,
    "embed_slots": _embed_slots,
    "live_stamps": _live_stamps,
    "script_chrome": _script_chrome,
    "tail_blocks": _tail_blocks,
    "hard_wrap": _hard_wrap,
    "wide_gaps": _wide_gaps,
    "mojibake": _mojibake,
}


def noise_blocks(text: str, kinds, seed: int = 0, name: str = "") -> tuple[str, list[Block]]:
    """Distort one article and keep the marking of inserted lines.

    Parameters
    ----------
    text : str
        The article with its front matter.
    kinds : iterable of str
        Kinds from ``KINDS``; they are applied in one fixed order (insertions before
        line and character changes), whatever order is given.
    seed : int
        Seed; with ``name`` it makes the result deterministic per file.
    name : str
        File name mixed into the seed so files of one folder differ.

    Returns
    -------
    tuple
        The front matter and the list of blocks (debris marked).
    """
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown blind noise kinds: {sorted(unknown)}")
    rng = random.Random(f"{seed}:{name}")
    front, body = _split_front(text)
    sep = "\n\n" if "\n\n" in body.strip() else "\n"
    paras = [p.strip("\n") for p in re.split(r"\n\s*\n" if sep == "\n\n" else r"\n", body.strip()) if p.strip()]
    blocks = [Block(p.split("\n"), gap=sep) for p in paras]
    title = _title(front)
    for k in _ORDER:
        if k in kinds:
            blocks = _APPLY[k](blocks, rng, title)
    return front, blocks


def render_blocks(front: str, blocks: list[Block]) -> str:
    """Join front matter and blocks back into page text."""
    return front + "".join("\n".join(b.lines) + b.gap for b in blocks)


def noise_text(text: str, kinds, seed: int = 0, name: str = "") -> str:
    """Return ``text`` as a scraper might have saved it (see ``noise_blocks``)."""
    return render_blocks(*noise_blocks(text, kinds, seed, name))


def noise_folder(src, dst, kinds, seed: int = 0) -> int:
    """Write a distorted copy of every ``.md``/``.txt`` article of ``src`` into ``dst``.

    Returns
    -------
    int
        The number of articles written; file names are kept so gold doc_ids still match.
    """
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    n = 0
    for p in sorted(src.iterdir()):
        if p.is_file() and p.suffix in (".md", ".txt"):
            text = p.read_text(encoding="utf-8")
            (dst / p.name).write_text(noise_text(text, kinds, seed, p.name), encoding="utf-8")
            n += 1
    return n


def _score(articles: Path, gold: Path, work: Path, label: str) -> dict:
    # The extractor is a black box here: the CLI as a user runs it, then the scorer.
    from ..scoring import evaluate

    out = work / f"{label}.csv"
    subprocess.run(
        [sys.executable, "-m", "geomap", "extract", str(articles), "-o", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return evaluate(str(out), str(gold))


def main(argv=None) -> int:
    """Print precision, recall and F1 clean, per blind kind and with all kinds mixed."""
    p = argparse.ArgumentParser(prog="python -m geomap.bench.blindnoise", description=main.__doc__)
    p.add_argument("articles", type=Path)
    p.add_argument("gold", type=Path)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--kinds", nargs="*", default=list(KINDS), choices=KINDS)
    a = p.parse_args(argv)
    rows = [("clean", None)] + [(k, [k]) for k in a.kinds] + [("all", list(a.kinds))]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{'kind':<15} {'P':>6} {'R':>6} {'F1':>6}")
        for label, kinds in rows:
            arts = a.articles
            if kinds is not None:
                arts = work / f"art_{label}"
                noise_folder(a.articles, arts, kinds, a.seed)
            m = _score(arts, a.gold, work, label)
            print(f"{label:<15} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
