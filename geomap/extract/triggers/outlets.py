"""Trigger rules for the wording of the region's own outlets.

Pakistani and Afghan English-language papers and agencies tell border
incidents in words wire copy seldom uses: lorry owners and drivers are
"transporters" who are "stranded" with their loads, traders "incurred
losses due to the closure" or "are losing millions", vehicles "were
awaiting the reopening" of a crossing, troops fight infiltrators in an
"anti-infiltration operation", meet them in an "encounter" and
"responded ... by targeting the suspected places with heavy fire". The rules
have the shape of :data:`geomap.extract.types._RULES` and are read after the
main rules and the common news verbs (which claim overlapping text first).
"""

from __future__ import annotations

#: Who bears a closure's cost in these reports.
_TRADERS = (
    r"(?:traders|businessm[ae]n|businesspeople|business\s+community|exporters|importers|transporters|"
    r"merchants|dealers|growers)"
)
#: A closure named as the cause of losses.
_CLOSURE = r"(?:closures?|closing|shutdown|blockade|suspension\s+of\s+trade)"
#: Losses borne, before the word "losses": "have incurred significant".
_BORE = r"(?:incurr(?:ed|ing)|suffer(?:ed|ing)|sustain(?:ed|ing)|fac(?:ed|ing)|bearing|bore)\s+(?:[\w-]+\s+){0,2}?"
#: One side's armed men, named by their side: "Pakistani forces", "Afghan border guards".
_SIDE_FORCES = (
    r"(?:Pakistani|Afghan|Taliban|Islamic\s+Emirate)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|soldiers|guards|militia)"
)
#: The people such forces killed, as these outlets name them.
_VICTIMS = (
    r"(?:civilians|villagers|people|children|women|men|traders|labou?rers|refugees|passengers|drivers|"
    r"shepherds|farmers)"
)
#: The armed men troops fight in an "encounter" or an "engagement".
_FIGHTERS = r"(?:militants|terrorists|insurgents|attackers|infiltrators|intruders|khwarij|khawarij)"

#: (event_type, sub_event_type, weak, pattern, anchors), as in ``types._RULES``.
OUTLET_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    (
        "trade_disruption",
        "trade_losses",
        False,
        # "they have incurred significant losses due to the route's closure"
        # (not "suffered heavy losses" in a fight: the closure is named)
        _BORE
        # (the closure is its own trigger: read ahead, not taken)
        + r"losses(?=\s+(?:[\w-]+\s+){0,5}?(?:due\s+to|because\s+of|owing\s+to|caused\s+by|from|over)\s+"
        r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
        + _CLOSURE
        + r")|"
        # "traders are losing millions", "exporters have lost billions of rupees"
        + _TRADERS
        + r"\s+(?:(?:are|were|have\s+been|had\s+been|have|had|say\s+they\s+are)\s+)?(?:losing|lost)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:millions|billions|crores|lakhs)|"
        # losses counted in money: "suffered losses worth millions of rupees"
         + _BORE + r"losses\s+(?:worth|of|amounting\s+to|running\s+into)\s+(?:[\w.,-]+\s+){0,2}?"
        r"(?:millions|billions|crores?|lakhs?|rupees|afghanis|dollars)",
        ("incurr", "suffer", "sustain", "fac", "bearing", "bore", "losing", "lost"),
    ),
    (
        "trade_disruption",
        "stranded_trucks",
        False,
        # "the woes of hundreds of stranded transporters", "transporters
        # stranded on the road to Torkham", "truckers stuck at the border"
        r"(?:stranded|stuck)\s+(?:[\w-]+\s+){0,2}?(?:transporters|truckers|truck\s+drivers|lorry\s+drivers)|"
        r"(?:transporters|truckers|truck\s+drivers|lorry\s+drivers)\s+(?:[\w'’-]+\s+){0,3}?(?:stranded|stuck)|"
        # goods held at a crossing: "goods worth billions of rupees are
        # stuck at the border", "our raisins have been stuck here for days"
        r"(?:goods|consignments?|cargo|raisins|fruits?|vegetables|produce|grapes|apples|melons|pomegranates|"
        r"coal|cement|medicines)\s+(?:(?!(?:would|could|might|may|will|shall)\s)[\w'’,-]+\s+){0,6}?"
        r"(?:are|were|remain|remained|have\s+been|had\s+been|has\s+been|lay|lie)\s+(?:still\s+)?(?:stuck|stranded|held\s+up)|"
        # "5,000 vehicles, loaded with goods, were awaiting the reopening"
        r"(?:trucks|lorries|vehicles|containers|tankers)\b[^.;:]{0,80}?\b(?:were|are|remained|remain)\s+"
        # (the reopening is a trigger of its own: read ahead, not taken)
        r"(?:still\s+)?awaiting(?=\s+(?:the\s+)?(?:re-?opening|clearance|permission))",
        ("strand", "stuck", "awaiting", "held"),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # one side's forces killing people of the other, as Afghan and
        # Pakistani outlets tell it: "Pakistani forces martyred two civilians
        # in Spin Boldak", "two villagers were martyred by Afghan forces"
        # (not militants killed in an operation: the victims are named)
        # (the deed read ahead: "killed" and "martyred" are weak triggers of
        # their own, which the main rules claim first)
        _SIDE_FORCES
        # (the forces did it: not "13 Pakistani soldiers were killed and 25 people hurt")
        + r"(?=\s+(?:(?!(?:were|was|are|is|had|have|has|been)\s)[\w-]+\s+)?"
        r"(?:martyred|killed|shot\s+dead|gunned\s+down)\s+"
        r"(?:(?!and\s|or\s)[\w-]+\s+){0,2}?" + _VICTIMS + r"\b)|" + _VICTIMS + r"\s+(?:were|was|have\s+been|had\s+been)"
        r"(?=\s+(?:martyred|killed|shot\s+dead|gunned\s+down)\s+by\s+(?:the\s+)?" + _SIDE_FORCES + r"\b)",
        ("pakistani", "afghan", "taliban", "emirate"),
    ),
    (
        "armed_clash",
        "infiltration",
        False,
        # "terrorists eliminated in a four-day anti-infiltration operation"
        # (one operation: "anti-infiltration operations" go on for years)
        r"anti-infiltration\s+(?:operation|drive|action)(?!s)",
        ("infiltration",),
    ),
    (
        "armed_clash",
        "exchange_of_fire",
        False,
        # the other side's reply told on its own: "security forces responded
        # to the attack by targeting the suspected places with heavy fire",
        # "troops retaliated with heavy gunfire" (artillery or mortars in
        # reply are shelling: that rule claims them first)
        r"(?:responded|retaliated|reacted|replied)\s+(?:(?!and\s|but\s)[\w'’-]+\s+){0,8}?(?:with|by)\s+"
        r"(?:(?!and\s|but\s)[\w'’-]+\s+){0,6}?(?:heavy\s+|intense\s+|effective\s+|befitting\s+|massive\s+)?"
        r"(?:fire|firing|gunfire|automatic\s+weapons|heavy\s+weapons)",
        ("responded", "retaliated", "reacted", "replied"),
    ),
    (
        "armed_clash",
        "exchange_of_fire",
        False,
        # South Asian English for a gunfight: "an encounter with militants",
        # "an encounter on the night of August 7 in which 33 were killed"
        # (not "a chance encounter", "encountered problems")
        r"(?:an?|the|fierce|brief|intense|heavy|armed|latest|another)\s+encounters?(?=\s+"
        r"(?:with\s+(?:the\s+|a\s+group\s+of\s+)?(?:[\w-]+\s+)?"
        + _FIGHTERS
        + r"|on\s+the\s+night|in\s+which|(?:took\s+place|broke\s+out|ensued)))",
        ("encounter",),
    ),
    (
        "armed_clash",
        "exchange_of_fire",
        False,
        # the military's "engagement": "during the ensuing engagement, four
        # terrorists were killed", "the latest engagement took place during
        # the night" (not diplomacy: "engagement with Kabul", "constructive
        # engagement")
        r"(?:during|in)\s+the\s+(?:ensuing\s+|intense\s+|heavy\s+|fierce\s+)?engagement\b|"
        # (the fighters read ahead: "infiltrators" is a trigger of its own)
        r"engagements?(?=\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?" + _FIGHTERS + r")|"
        r"engagement\s+(?:took\s+place|broke\s+out|ensued|lasted)\s+(?:during\s+|on\s+|at\s+|in\s+|through\s+)"
        r"(?:the\s+)?(?:night|nightfall|dawn|early\s+hours)",
        ("engagement",),
    ),
]
