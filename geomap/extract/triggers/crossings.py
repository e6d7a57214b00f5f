"""Trigger rules of the crossings: closures, reopenings and trade disrupted.

Rules are ``(event_type, sub_event_type, weak, pattern, anchors)``, as in
:data:`geomap.extract.types._RULES`, which tries these after those of violence.
"""

from __future__ import annotations

#: Traffic of the border, or through a crossing ("cargo traffic", "traffic
#: through Torkham"), not a city's.
_BORDER_TRAFFIC = (
    r"(?:(?:cross-border|border|cargo|goods|vehicular|pedestrian|transit|two-way)\s+traffic|"
    r"traffic\s+(?=at\s|through\s|across\s|via\s))"
)

#: Border closures and reopenings, then trade disruption, in the order they are tried.
CROSSING_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    (
        "border_closure",
        "reopening",
        False,
        r"re-?open(?:ed|ing|s)?|resum(?:ed|ption\s+of)\s+(?:trade|traffic|crossings?|movement)|"
        # a closure told as over: "that closure ended on February 19", "the
        # blockade was lifted on Friday" (its noun first; "ended the closure"
        # is read by the closure rule)
        r"(?:closure|closures|blockade|suspension|shutdown)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:ended|was\s+lifted|were\s+lifted|came\s+to\s+an\s+end)\b|"
        # "trade resumed on Wednesday", "pedestrian movement partly resumed"
        r"(?:trade|traffic|movement|crossings?|transit|cargo|exports|imports)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:resum(?:ed|es)|was\s+restored)|"
        # "trade through the Ghulam Khan crossing, the main road link between
        # Khost and North Waziristan, resumed on Monday": an aside between
        r"(?:trade|traffic|movement)\s+(?:through|across|via)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+"
        r"(?:crossing|border|pass|gate),\s+[^.;]{0,100}?,\s+resum(?:ed|es)|"
        # "opened the Torkham border", "opened both crossings", "the gate was
        # opened", "the opening of the border": reports say "opened" as often
        # as "reopened" (not "opened fire", nor a new border post or market)
        r"open(?:ed|s|ing)\s+(?:(?!fire\b)[\w'’-]+\s+){0,4}?(?:border|crossings?|gates?)"
        r"(?!\s+(?:posts?|markets?|towns?|terminals?|offices?|areas?))|"
        r"opening\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:border|crossings?|gates?)|"
        # "the crossing, which had been opened on Wednesday", "the gate at
        # Chaman, which was opened"
        r"(?:border|crossings?|gates?)(?:(?:\s+(?:at|in)\s+[\w'’-]+)?,\s+(?:which|that))?\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?opened|"
        # "began operating 24 hours a day", "inaugurated round-the-clock
        # operations", "allowed round-the-clock cargo movement": the hours
        # a crossing was shut each night lifted
        r"(?:began|begun|started|begins|starts)\s+(?:operating|functioning|working|to\s+operate)\s+"
        r"(?:24\s+hours|round[\s-]the[\s-]clock|around[\s-]the[\s-]clock)|"
        r"(?:inaugurated|launched|introduced|allowed|began|started)\s+(?:\w+\s+){0,2}?"
        r"(?:round|around)-the-clock\s+(?:\w+\s+)?(?:operations|opening|trade|movement|service|working)",
        ("open", "resum", "restor", "clock", "24 hours", "ended", "lifted", "to an end"),
    ),
    (
        "border_closure",
        "closure",
        False,
        # (and a headline's present: "Pakistan closes Torkham", "shuts", "seals")
        # (the noun in one word too: "the shutdown of Torkham on Wednesday")
        r"clos(?:ed|es|ure|ures|ing)|shut(?:s)?(?:\s+down)?|shutdowns?|shutting|seal(?:ed|s)|sealing|blockade|"
        # "responded by blocking NATO convoys at Torkham" (not a road blocked by protesters)
        # (also "stopped all NATO supply vehicles from moving towards Torkham",
        # "NATO supply trucks were halted at Chaman")
        # (not "suspended gas supplies to the city")
        r"block(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:convoys|supplies|supply\s+(?:lines?|routes?)|transit\s+trade)|"
        r"(?:block(?:ed|ing)|halt(?:ed|ing)|stopp(?:ed|ing)|suspend(?:ed|ing))\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:(?:nato|coalition|isaf|military)\s+(?:convoys|supplies)|"
        r"supply\s+(?:lines?|routes?|vehicles|trucks|tankers|containers|convoys)|transit\s+trade)|"
        r"(?:supply\s+(?:lines?|routes?|vehicles|trucks|tankers|containers|convoys))\s+(?:[\w'’-]+\s+){0,4}?"
        r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:also\s+)?(?:blocked|halted|stopped|suspended)|"
        r"suspended|suspension\s+of\s+(?:trade|traffic|crossings?)|"
        # the crossing itself suspended: "the suspension of the border occurred
        # on August 12" (not "the suspension of the border talks")
        r"suspension\s+of\s+(?:the\s+)?(?:border|crossing|gate)\b(?!\s+(?:talks|meetings?|agreements?|accord|deal|"
        r"commission|committee|guards?|police|fenc\w*|dispute|trade\s+agreement))",
        ("clos", "shut", "seal", "block", "suspen", "halt", "stopp"),
    ),
    # Movement stopped at a crossing (a rule of its own: its words are read
    # only in the sentences that hold its verbs): "blocked all movement
    # through the Friendship Gate", "trade and pedestrian movement was
    # halted", "traffic came to a standstill" (not "stopped the movement of
    # militants"; traffic only of the border or through it, not "traffic in
    # Peshawar came to a standstill")
    (
        "border_closure",
        "closure",
        False,
        r"(?:block(?:ed|ing|s)?|halt(?:ed|ing|s)?|stop(?:ped|ping|s)?|barr(?:ed|ing))\s+(?:all\s+)?(?:[\w'’-]+\s+){0,3}?"
        r"(?:movement|" + _BORDER_TRAFFIC + r"|crossings)(?!\s+of\s+(?:militants|terrorists|fighters|insurgents))|"
        r"(?:movement|"
        + _BORDER_TRAFFIC
        + r"|trade|crossings?)\s+(?:[\w'’-]+\s+){0,5}?(?:was|were|has\s+been|have\s+been|"
        r"had\s+been|remained|remains)\s+(?:also\s+|completely\s+|fully\s+)?(?:blocked|halted|stopped|barred)|"
        r"(?:movement|"
        + _BORDER_TRAFFIC
        + r"|trade|crossings?)\s+(?:[\w'’-]+\s+){0,5}?(?:came|come|comes|ground)\s+to\s+a\s+"
        r"(?:complete\s+|grinding\s+)?(?:halt|standstill)|"
        # "brought cross-border trade to a standstill", "no cross-border
        # movement was allowed through Torkham"
        r"(?:brought|bringing|brings|bring)\s+(?:[\w'’-]+\s+){0,3}?(?:movement|" + _BORDER_TRAFFIC + r"|trade)\s+"
        r"(?:[\w'’-]+\s+){0,4}?to\s+a\s+(?:complete\s+|grinding\s+)?(?:halt|standstill)|"
        r"no\s+(?:[\w'’-]+\s+){0,2}?(?:movement|"
        + _BORDER_TRAFFIC
        + r"|trade|crossings?)\s+(?:was|were|is|has\s+been)\s+"
        r"(?:being\s+)?(?:allowed|permitted)",
        ("block", "halt", "stop", "barr", "standstill", "allowed", "permitted"),
    ),
    # A rule on documents that stops people crossing, put in force at a
    # crossing: "a passport and visa rule enforced from Wednesday", "the rule
    # took effect on November 1", "the first day of the new border regime"
    # (gold: a closure of the crossing to those without the documents)
    (
        "border_closure",
        "closure",
        False,
        r"(?:rules?|requirements?|regimes?|system)\s+(?:took|takes|came|comes)\s+(?:effect|into\s+force)|"
        r"(?:rules?|requirements?|regimes?)\s+(?:was\s+|were\s+|been\s+)?enforced\s+(?:from|on|since)|"
        r"first\s+day\s+of\s+the\s+new\s+(?:[\w-]+\s+){0,2}?(?:regime|system|rules)|"
        # "introduced the requirement for visas at Chaman": a rule on documents brought in
        r"(?:introduc|impos|implement)(?:ed|ing|es|e)\s+(?:[\w'’-]+\s+){0,3}?(?:requirements?|rules?|regime)\s+"
        r"(?:for|of|on)\s+(?:[\w'’-]+\s+){0,3}?(?:passports?|visas?|travel\s+documents?)",
        ("effect", "force", "enforc", "first day", "introduc", "impos", "implement"),
    ),
    (
        "trade_disruption",
        "stranded_trucks",
        False,
        # "trucks lined the highway", "trucks were queuing", "held up"
        # (fuel "tankers" and "container carriers" queue like trucks)
        # (livestock waits at a crossing as trucks do: "3,000 animals had been
        # waiting"; "containers stood in the terminal for months", "trucks
        # were told to stay in Landi Kotal")
        # (not "trucks would be turned back": a modal in between)
        r"(?:trucks?|lorries|trailers|containers|vehicles|tankers|(?:container\s+)?carriers|animals|livestock)\s+"
        r"(?:(?!(?:would|could|might|may|will|shall)\s)\w+\s+){0,4}?"
        r"(?:stuck|stranded|waiting|queued|queuing|queueing|parked|lined|held(?!\s+by)(?:\s+up)?|backed\s+up|"
        r"turned\s+back|turned\s+away(?!\s+from)|sent\s+back|sitting\s+idle|piled\s+up|stood|standing|"
        r"(?:told|asked|ordered)\s+to\s+(?:stay|wait|remain|go\s+back|turn\s+back|move\s+back))|"
        r"build-?up\s+of\s+(?:[\w-]+\s+){0,2}?(?:trucks|lorries|vehicles|containers)|"
        r"(?:stuck|stranded)\s+(?:\w+\s+){0,2}(?:trucks?|lorries|trailers|containers)|"
        # "turned away hundreds of trucks", "refused entry to Pakistani trucks"
        r"(?:turned\s+away|turned\s+back|sent\s+back|refused\s+entry\s+to)\s+(?:[\w'’-]+\s+){0,4}?"
        r"(?:trucks|lorries|trailers|vehicles|containers|tankers)|"
        r"rott(?:ing|ed|en)|queues?\s+of\s+trucks|traffic\s+halt|"
        # "fruit loaded for Pakistani markets was already spoiling"
        r"(?:fruits?|vegetables?|produce|goods|consignments?|cargo|perishables?|grapes|apples|pomegranates|melons|tomatoes)"
        r"\s+(?:[\w-]+\s+){0,6}?(?:spoil(?:ing|ed|t|s)?|perish(?:ed|ing))|"
        r"(?:spoiled|spoilt|spoiling|perished)\s+(?:fruits?|vegetables?|produce|goods|consignments?|cargo)|"
        # "700 lorries, many loaded with fruit, were stuck"
        r"(?:trucks|lorries|containers|vehicles|tankers|(?:container\s+)?carriers)\b[^.;:]{0,80}?\b(?:were|are|remained|remain|had\s+been|have\s+been)\s+"
        r"(?:still\s+|now\s+)?(?:stuck|stranded|waiting|queued|queuing|parked|lined\s+up|held(?!\s+by)|turned\s+back|left\s+waiting)|"
        r"(?:lines|queues|rows|convoys)\s+of\s+(?:\w+\s+)?(?:trucks|lorries|vehicles|containers)",
        (
            "truck",
            "lorr",
            "trailer",
            "container",
            "vehicle",
            "tanker",
            "carrier",
            "animal",
            "livestock",
            "stuck",
            "strand",
            "rott",
            "queue",
            "traffic",
            "spoil",
            "perish",
        ),
    ),
    (
        "trade_disruption",
        "stranded_travellers",
        False,
        r"(?:travell?ers|passengers|people|families|patients|traders)\s+(?:\w+\s+){0,4}?stranded|"
        # also who crosses on foot, told stranded at a place: "left hundreds
        # of Afghan migrants stranded on both sides", "citizens who had been
        # stranded at the border" (not a label for people abroad: "citizens
        # stranded in Afghanistan", "the return of stranded citizens")
        r"(?:migrants|citizens|nationals|returnees|refugees|pedestrians)\s+(?:\w+\s+){0,4}?stranded\s+"
        r"(?:for\s+(?:\w+\s+){1,2}?)?(?:at|on|near|along)\b|"
        r"stranding\s+(?:\w+\s+){0,3}(?:travell?ers|passengers|people|families|drivers|trucks|lorries)|"
        r"stranded\s+(?:\w+\s+){0,2}(?:travell?ers|passengers|people|families)|"
        # "dozens of Afghan families, many of them visiting relatives, were
        # turned back at Kharlachi" (people, as trucks are: not "sent back",
        # which is also said of those deported)
        r"(?:travell?ers|passengers|people|families|patients|nationals|pedestrians|labourers|visitors)\b[^.;:]{0,80}?"
        r"\b(?:were|had\s+been)\s+(?:\w+\s+)?(?:turned\s+back|turned\s+away(?!\s+from)|refused\s+entry)",
        ("strand", "turned", "refused"),
    ),
    # "the queue of lorries stretched for ten kilometres", "a tailback grew"
    (
        "trade_disruption",
        "stranded_trucks",
        False,
        r"(?:queues?|tailbacks?|(?:lines?|rows?)\s+of\s+(?:[\w-]+\s+){0,2}?(?:trucks|lorries|vehicles|containers|trailers|"
        r"tankers))\s+(?:(?!(?:would|could|might|may|will)\s)[\w'’,-]+\s+){0,6}?(?:had\s+|has\s+)?(?:stretched|extended|snaked|grew)",
        ("stretch", "extend", "snak", "grew"),
    ),
    # "thousands of travellers were waiting at Torkham to cross"
    (
        "trade_disruption",
        "stranded_travellers",
        False,
        # (not "families who had been stuck there since spring", now crossing;
        # nor passengers "waiting to board" a train or a bus: a routine wait)
        r"(?:travell?ers|passengers|families|pedestrians|patients|returnees)\s+(?:(?!who\s|which\s)(?:\d[\d,]*|[\w'’-]+)\s+){0,4}?"
        # ("483 families are currently waiting at the camp")
        r"(?:were|are|had\s+been|have\s+been)\s+(?:still\s+|left\s+|currently\s+|now\s+)?"
        r"(?:waiting(?!\s+to\s+board\b)|stuck|camped|camping|sleeping)",
        ("waiting", "stuck", "camp", "sleeping"),
    ),
    # after the rules above: "stranding dozens of trucks" is no mere mention of trucks
    ("trade_disruption", "stranded_trucks", True, r"trucks?|lorries", ("truck", "lorr")),
    (
        "trade_disruption",
        "trade_losses",
        False,
        r"(?:financial|economic|commercial|business)\s+losses|losses\s+(?:for|to)\s+(?:traders|businesses|exporters|importers)|"
        # "suffered heavy losses" in a fight is not trade
        r"(?:heavy|huge|major)\s+losses\s+(?:for|to)\s+(?:traders|businesses|exporters|importers|the\s+economy)",
        ("losses",),
    ),
]
