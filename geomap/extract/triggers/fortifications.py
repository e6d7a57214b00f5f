"""Trigger rules of border works: fences, gates, posts; and works only to come.

Rules are ``(event_type, sub_event_type, weak, pattern, anchors)``, as in
:data:`geomap.extract.types._RULES`, which tries these after those of talks.
"""

from __future__ import annotations

import re

#: Fences, gates, posts and trenches, in the order they are tried.
FORTIFICATION_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    # Work on a fence is an event; "the fence" alone only continues one.
    # Putting a fence up and pulling it down are both fence events ("pulled
    # up coils of barbed wire", "removed a section of the fence"); a wall
    # damaged by shelling is not.
    (
        "fortification",
        "fence_construction",
        False,
        r"fencing|fence\s+(?:work|construction|sections?|repairs?)|"
        r"(?:(?<!newly\s)(?<!recently\s)built|build(?:s|ing)?|erect(?:s|ed|ing)?|construct(?:s|ed|ing)|"
        r"install(?:s|ed|ing)|lay(?:s|ing)?|laid|extend(?:s|ed|ing)|repair(?:s|ed|ing)?|put(?:s|ting)?\s+up)\s+"
        r"(?:(?!and\s|or\s)[\w'-]+\s+){0,5}?(?:fences?|walls?|barriers?|(?:(?:barbed|razor|concertina)\s+)?wire)|"
        r"(?:t(?:ore|ear(?:s|ing)?)\s+(?:down|up|out)|pull(?:s|ed|ing)?\s+(?:up|down|out)|uproot(?:s|ed|ing)?|"
        r"remov(?:e|es|ed|ing)|dismantl(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|damag(?:ed|ing))\s+"
        r"(?:(?!and\s|or\s)[\w'-]+\s+){0,5}?(?:fences?|barriers?|(?:barbed|razor|concertina)\s+wire|"
        r"(?:coils|spools|rolls)\s+of\s+wire|wire\s+coils)|"
        r"(?:construction|erection|installation|building|repairs?)\s+of\s+(?:[\w'-]+\s+){0,3}?fences?|"
        # "troops working on the fence" (not "work on the fence is 85
        # percent complete": a state of the project)
        r"work(?:ing|ed)\s+on\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?fences?|"
        # "objected to fence poles being set up", "the wire was put up again"
        r"(?:fence\s+(?:poles|posts|pillars)|fences?|(?:barbed\s+)?wire)\s+"
        r"(?:(?:was|were|is|are|(?:had|has|have)\s+been)\s+(?:also\s+)?(?:being\s+)?|being\s+)"
        r"(?:built|erected|installed|put\s+up|set\s+up|laid)|"
        # ("stepped up work on the fence", "halted work on the fence": the work
        # acted on, an event)
        r"(?:stepped\s+up|resum(?:ed|ing)|beg(?:a|u)n|start(?:ed|ing)|halt(?:ed|ing)|stopp(?:ed|ing)|suspend(?:ed|ing))\s+"
        r"(?:the\s+)?work\s+on\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?fences?|"
        r"fences?\s+(?:\w+\s+){0,3}(?:erected|built|installed)",
        ("fenc", "wall", "barrier", "wire"),
    ),
    ("fortification", "fence_construction", True, r"fences?", ("fence",)),
    # A gate built at a crossing ("construction of a gate on its side").
    (
        "fortification",
        "gate_construction",
        False,
        r"(?:(?<!newly\s)(?<!recently\s)built|build(?:s|ing)?|erect(?:s|ed|ing)?|construct(?:s|ed|ing)|"
        r"install(?:s|ed|ing)?|fix(?:es|ed|ing)?|put(?:s|ting)?\s+up)\s+(?:an?\s+|the\s+|its\s+)(?:[\w'-]+\s+){0,2}?gates?|"
        r"(?:construction|erection|building|installation)\s+of\s+(?:[\w'-]+\s+){0,3}?gates?|"
        r"work(?:s|ed|ing)?\s+on\s+(?:an?|the|its|their)\s+(?:[\w'-]+\s+){0,2}?gates?|"
        # "new gates were also being built at the crossing", "a gate under construction"
        r"gates?\s+(?:(?:was|were|is|are|(?:had|has|have)\s+been)\s+(?:also\s+)?(?:being\s+)?|being\s+)"
        r"(?:built|constructed|erected|installed|put\s+up)|gates?\s+under\s+construction|"
        # "fighting over a gate Pakistan was building on its side"
        r"gates?\s+(?:that\s+|which\s+)?(?:pakistan|afghanistan|the\s+(?:army|military|taliban)|(?:afghan|pakistani)\s+(?:forces|troops|soldiers))\s+(?:was|were|had\s+been|is|are)\s+"
        r"(?:building|constructing|erecting|putting\s+up)",
        ("gate",),
    ),
    # Posts and checkpoints being built, and work on them halted or resumed
    # ("resumed work on a check post", "stopped the construction of what
    # they called a new post", "the post was being built"). A "newly built
    # post" that came under fire is the attack, not the building.
    (
        "fortification",
        "outpost_construction",
        False,
        r"(?:(?<!newly\s)(?<!recently\s)built|build(?:s|ing)?|construct(?:s|ed|ing)|erect(?:s|ed|ing)?|"
        r"complet(?:e|es|ed|ing))\s+(?:(?!and\s|or\s)[\w'-]+\s+){0,5}?"
        r"(?:outposts?|(?:check\s*-?\s*|border\s+)?posts?|checkpoints?|bunkers?|trench(?:es)?|watchtowers?|forts?)|"
        # (police "set up checkpoints" in a city after a bombing: not a work)
        r"(?:set(?:s|ting)?\s+up|put(?:s|ting)?\s+up)\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:outposts?|(?:check\s*-?\s*|border\s+)?posts?|bunkers?|watchtowers?)|"
        # "digging a trench along the fence"
        r"(?:dig(?:s|ging)?|dug)\s+(?:[\w'-]+\s+){0,3}?(?:trench(?:es)?|ditch(?:es)?)|"
        r"construction\s+of\s+(?:(?!and\s|or\s)[\w'-]+\s+){0,6}?"
        r"(?:outposts?|(?:check\s*-?\s*)?posts?|checkpoints?|bunkers?|trench(?:es)?|watchtowers?|forts?|structures?)|"
        # ("resumed work on an installation near the Durand Line")
        r"work(?:s|ed|ing)?\s+on\s+(?:an?|the|two|three|several|new|its|their)\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:outposts?|(?:check\s*-?\s*)?posts?|checkpoints?|bunkers?|trench(?:es)?|structures?|installations?)|"
        # "new posts were being set up along the border"
        # (and "objected to a checkpost being built near the zero point")
        r"(?:outposts?|(?:check\s*-?\s*)?posts?|checkpoints?|bunkers?|structures?)\s+"
        r"(?:(?:was|were|is|are|(?:had|has|have)\s+been)\s+(?:also\s+)?(?:being\s+)?|being\s+)"
        r"(?:built|constructed|erected|put\s+up|set\s+up)|"
        # "a new checkpoint that Pakistani forces had set up near the zero point"
        r"(?:outposts?|(?:check\s*-?\s*)?posts?|checkpoints?|bunkers?|watchtowers?)\s+(?:that|which)\s+"
        r"(?:[\w'-]+\s+){1,3}?(?:had\s+|have\s+|has\s+)?(?:set\s+up|built|erected|constructed|put\s+up)|"
        # "fired on a post under construction": the attack's words claim
        # "a post", the work is read from what follows it
        # (the lookbehinds after "under" let the scan skip to that word)
        r"under(?:(?<=posts\sunder)|(?<=post\sunder)|(?<=checkpoint\sunder)|(?<=checkpoints\sunder)|(?<=bunker\sunder)|(?<=structure\sunder))"
        r"\s+construction|"
        r"(?:outposts?|posts?|bunkers?)\s+construction",
        (
            "post",
            "checkpoint",
            "bunker",
            "trench",
            "watchtower",
            "fort",
            "structure",
            "installation",
            "under construction",
            "ditch",
        ),
    ),
]

#: "were asked to stop building a post", "agreed to halt work on the gate",
#: "tried to put up a fence", "began to dig trenches": halting, starting or
#: attempting a work presupposes it, so the infinitive before a
#: fortification trigger is no irrealis (a wish, "wants them to stop
#: fencing", still is: it is read before the infinitive).
_HALT_WORK = re.compile(
    r"\b(?:(?:tried|attempted|began|started|continued|resumed)\s+to|to\s+(?:stop|halt|suspend|freeze|end))\s*$", re.I
)
#: "fencing work in Mohmand is to begin in the coming months": a work to
#: come, read after its words.
_WORK_TO_COME = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:(?:is|are)\s+(?:due\s+|expected\s+|scheduled\s+|set\s+|planned\s+)?to\s+"
    r"(?:begin|start|commence)|will\s+(?:begin|start|commence))\b",
    re.I,
)
