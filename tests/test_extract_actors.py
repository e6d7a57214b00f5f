"""Actor names in sentences."""

from __future__ import annotations

import pytest

from geomap.extract.actors import ACTORS, find_actors


@pytest.mark.parametrize(
    "sentence, actors",
    [
        ("Pakistani Taliban fighters attacked an Afghan border post, Islamabad said.", ["TTP", "Pakistan"]),
        ("The Afghan Taliban and Pakistan resumed talks.", ["Afghan Taliban", "Pakistan"]),
        ("Tehreek-e-Taliban Pakistan claimed the attack.", ["TTP"]),
        ("Talks were facilitated by Türkiye and Qatar.", ["Turkey", "Qatar"]),
        ("UNAMA said civilians were killed.", ["UNAMA"]),
        ("The United Nations Assistance Mission in Afghanistan said so.", ["UNAMA"]),
        ("The Islamic Emirate rejected the claim.", ["Afghan Taliban"]),
        ("Traders and truck drivers waited.", ["Traders", "Truck drivers"]),
        ("Nothing to see.", []),
    ],
)
def test_actors(sentence, actors):
    assert find_actors(sentence) == actors


def test_long_text_with_many_mentions():
    text = "Pakistan said the Taliban attacked. " * 500 + "UNAMA reported."
    assert find_actors(text) == ["Pakistan", "Afghan Taliban", "UNAMA"]


def test_until_finds_the_earlier_actors_exactly():
    text = (
        "Qatar hosted the Pakistani Taliban talks; traders said Afghan forces and "
        "Pakistani troops clashed while Islamabad and Kabul government officials met in Doha."
    )
    full = find_actors(text)
    upto = find_actors(text, until="Pakistan")
    names = [name for name, _ in ACTORS]
    assert upto == [a for a in full if names.index(a) <= names.index("Pakistan")]
    assert "Qatar" in full and "Qatar" not in upto


def _every_actor(sentence: str) -> list[str]:
    """The plain reading: every actor's pattern run in the order of ACTORS."""
    from geomap.extract.actors import _COMPILED
    from geomap.extract.wordscan import finditer_bounded

    hits, taken = [], bytearray(len(sentence))
    for name, pattern, bounded in _COMPILED:
        for m in finditer_bounded(pattern, sentence) if bounded else pattern.finditer(sentence):
            s, e = m.span()
            if 1 in taken[s:e]:
                continue
            taken[s:e] = b"\x01" * (e - s)
            hits.append((s, name))
    return list(dict.fromkeys(name for _, name in sorted(hits)))


def test_actors_present_only_find_what_every_actor_finds(dev_sentences):
    from geomap.extract.scanned import ScannedSentence

    for s in dev_sentences:
        assert find_actors(s) == _every_actor(s), s
        assert find_actors(ScannedSentence.of(s)) == _every_actor(s), s
