"""Trigger rules for attacks told the way real reports word a raid across
the line: fire "across the border on a post" (the crossing of the line
between the verb and its target), an "incursion into" a district, and
forces that "attacked the border district" or a named town (a place
attacked, not a post or a village).

Kept apart so that each wording has one short rule of the same shape as
:data:`geomap.extract.types._RULES` (appended last, after the news verbs
and the outlets' rules: those claim overlapping text first).
"""

from __future__ import annotations

#: Targets fired on, as the main rules list them.
_TARGETS = (
    r"(?:posts?|outposts?|checkpoints?|checkposts?|positions|troops|forces|soldiers|patrols?|convoys?|guards|"
    r"policemen|villages?|civilians|travell?ers)"
)

#: (event_type, sub_event_type, weak, pattern, anchors), as in ``types._RULES``.
INCURSION_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    (
        "armed_clash",
        "attack",
        False,
        # the line crossed between the verb and its target: "fired across
        # the international border on a military post", "opened fire across
        # the frontier at troops"
        r"(?:fired|firing|opened\s+fire)\s+(?:from\s+)?across\s+(?:the\s+)?(?:international\s+|disputed\s+)?"
        r"(?:border|frontier|line|durand\s+line)\s+(?:on|at|upon|into)\s+(?:[\w'’-]+\s+){0,3}?" + _TARGETS + r"\b",
        ("fired", "firing", "fire"),
    ),
    (
        "armed_clash",
        "firing_at_gate",
        False,
        # people at a crossing fired on: "guards fired at the travellers who
        # wanted to cross", "opened fire on returnees at the gate" (not
        # protesters: police and crowds are no border incident)
        r"(?:fired|firing|opened\s+fire)\s+(?:on|at|upon)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:travell?ers|passengers|returnees|refugees|migrants|pedestrians)\b",
        ("fired", "firing", "fire"),
    ),
    (
        "armed_clash",
        "incursion",
        False,
        # one incursion into a place: "killed in a Pakistani incursion into
        # the district", "troops made an incursion into Dand-e-Patan" (not
        # the plural, a history: "repeated incursions into the area"; not
        # one counted, "the third incursion this week", nor aircraft, "an
        # incursion by helicopters into the valley", nor one "into Afghan
        # airspace": the strike is told)
        r"(?<!\bany\s)(?<!\bno\s)(?<!\bsecond\s)(?<!\bthird\s)(?<!\bfourth\s)(?<!\bfifth\s)(?<!\blatest\s)"
        r"incursion\s+(?:by\s+(?:(?!helicopters?\b|aircraft\b|jets?\b|drones?\b|planes?\b|warplanes?\b)"
        r"[\w'’-]+\s+){1,3}?)?into\b(?!\s+(?:[\w'’-]+\s+){0,2}?air\s*space\b)",
        ("incursion",),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # armed men who attacked a district or a town: "forces attacked the
        # border district late on Thursday", "militiamen attacked Spin
        # Boldak district" (not the district's people or offices: "attacked
        # the district's officials", "attacked the district headquarters",
        # a building the main rules read)
        r"(?:forces|troops|soldiers|militia|militiamen|militants|fighters|gunmen)\s+(?:[\w'’-]+\s+){0,2}?"
        r"attacked\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:district|town)\b(?!['’])"
        r"(?!\s+(?:administration|headquarters|offices?|council|chief|officials?|police|government|hospital)\b)",
        ("attacked",),
    ),
]
