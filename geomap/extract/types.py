"""Event type and sub-type of a sentence, with negation, denial and irrealis.

Rules are keyword patterns per type (:data:`geomap.schema.EXTRACTED_TYPES`).
A trigger is dropped when a denial or negation governs it ("officials denied
the crossing was shut"), when it is only threatened, demanded or hoped for
("could lead to war", "urged them to reopen"), or when the sentence states a
habit rather than an incident ("closures are common", "in the past").
Upcoming talks are kept: a scheduled meeting is an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .gates import Gated
from .news_verbs import NEWS_VERB_RULES
from .scanned import ScannedSentence
from .starts import StartGated, StartScan
from .stems import SENTENCE_STEMS, StemFilter
from .wordscan import LoweredPattern, lowered_ok, lowered_pattern

#: Buildings whose storming is an attack on people, whatever they house.
_BUILDINGS = (
    r"(?:hospitals?|schools?|colleges?|universit(?:y|ies)|hotels?|offices?|banks?|courts?|bases?|"
    r"cantonments?|garrisons?|airports?|prisons?|jails?|barracks|consulates?|embass(?:y|ies))"
)
#: Traffic of the border, or through a crossing ("cargo traffic", "traffic
#: through Torkham"), not a city's.
_BORDER_TRAFFIC = (
    r"(?:(?:cross-border|border|cargo|goods|vehicular|pedestrian|transit|two-way)\s+traffic|"
    r"traffic\s+(?=at\s|through\s|across\s|via\s))"
)
#: (event_type, sub_event_type, weak, pattern, anchors). A weak trigger does not pick
#: a place of its own; it continues the incident of its type in context.
#: ``anchors``: lower-case stems one of which every match contains (the stem
#: filter, :data:`_ANCHORS`), kept with their rule so the two cannot drift apart.
_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    (
        "airstrike",
        "drone_strike",
        False,
        # "a drone struck an empty compound": one drone is a drone strike too;
        # "a quadcopter dropped explosives on a police station"
        r"(?:drone|quadcopter)\s+(?:strikes?|attacks?)|(?:drones?|quadcopters?)\s+(?:had\s+|has\s+|have\s+|also\s+)?"
        r"(?:dropped|bombed|struck|hit|targeted|fired\s+(?:on|at|upon|missiles?))",
        ("drone", "quadcopter"),
    ),
    (
        "airstrike",
        "airstrike",
        False,
        r"air\s*-?\s*strikes?|air\s+raids?|aerial\s+(?:bombardment|attacks?|strikes?)|"
        r"(?:air|drone)\s+and\s+(?:air|drone)\s+strikes|bombed\s+from\s+the\s+air|"
        r"(?:fighter\s+)?jets\s+(?:struck|bombed|pounded)|"
        # "warplanes had bombed", "aircraft bombarded homes", "helicopters struck"
        # ("jet fighters struck hideouts", "helicopters attacked two posts",
        # "coalition helicopters killed three soldiers": aircraft that attack
        # or kill strike from the air; not "fighters" alone, who are militants)
        r"(?:aircraft|warplanes?|planes?|jets?|jet\s+fighters|helicopters?|gunships?|drones?)\s+"
        r"(?:had\s+|have\s+|has\s+|also\s+|later\s+|then\s+|again\s+)?"
        r"(?:bombed|bombarded|struck|hit|targeted|pounded|fired|attacked|raided|strafed|killed|"
        # "aircraft dropped bombs on a house" (not leaflets nor aid)
        r"dropped\s+(?:\w+\s+)?(?:bombs|munitions|explosives|missiles))|air\s+assaults?|"
        # "bombardment by jets", "bombarded from the air" (a bare
        # "bombardment" of villages on the line is shelling, below)
        r"bombard(?:ed|ing|ment)\s+(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:air|aircraft|warplanes?|planes?|jets?|"
        r"helicopters?|gunships?|drones?)|"
        # "a helicopter raid on border posts", "gunship attacks"
        r"(?:helicopter|gunship)\s+(?:raids?|attacks?|strikes?)|"
        # the passive: "houses were bombed by Pakistani aircraft", "a car hit
        # by a drone", "villages targeted by jets"
        r"(?:bombed|bombarded|struck|hit|targeted|pounded|attacked|raided)\s+by\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:aircraft|jets?|warplanes?|planes?|drones?|helicopters?|gunships?|air\s+force)|"
        # "Pakistani forces had bombed a home": a state's forces bomb from the air
        r"(?:forces|military|army|pakistan|afghanistan)\s+(?:had\s+|have\s+|has\s+|also\s+)?bombed|"
        r"(?:pakistani|military|missile|precision|retaliatory|punitive|cross-border)\s+strikes?|"
        # "warplanes carried out strikes in two provinces" (plural: a
        # labour strike is called, not carried out, and is one)
        r"(?:carried\s+out|conducted|launched)\s+(?:[\w-]+\s+){0,2}?strikes|"
        # "the Taliban blamed Pakistani drones for a strike in the city":
        # the side struck names the aircraft; a strike told as its claim is
        # still the incident (blaming a country or a group is no air strike)
        r"blam(?:ed|ing|es)\s+(?:[\w'’-]+\s+){0,2}?(?:drones?|aircraft|jets|warplanes?|helicopters?)\s+for\s+"
        r"(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+)?(?:strikes?|attacks?|explosions?|blasts?|raids?)",
        ("air", "aerial", "drone", "bombed", "jet", "plane", "helicopter", "gunship", "bombard", "strike"),
    ),
    # "the strikes hit the Laman area": strikes that hit somewhere are air strikes
    (
        "airstrike",
        "airstrike",
        False,
        # (also with an aside: "the strikes, at about 3 a.m., hit")
        r"strikes(?:,\s+[^,;]{1,30},)?\s+(?:also\s+|had\s+|have\s+)?(?:hit|struck|targeted|killed|destroyed|pounded)|"
        # one strike too ("the strike hit a car near Ahmad Wal"; not a
        # general, hunger, labour or shutter-down strike)
        r"(?<!general\s)(?<!hunger\s)(?<!labour\s)(?<!labor\s)(?<!-down\s)(?<!-jam\s)(?<!s['’]\s)"
        r"strike(?:\s+on\s+\w+)?\s+(?:also\s+|had\s+|has\s+)?(?:hit|struck|targeted|killed|destroyed)",
        ("strike",),
    ),
    ("airstrike", "airstrike", True, r"strikes|raids", ("strikes", "raids")),
    (
        "explosion",
        "suicide_bombing",
        False,
        r"suicide\s+(?:bomb(?:ing|er)s?|attacks?|attackers?|assailants?|blasts?|vests?|car|truck|vehicle)|"
        r"blew\s+(?:himself|herself|themselves)\s+up|explosives?-(?:laden|packed|filled|rigged|loaded)|"
        # "a car packed with explosives", "a truck laden with explosives"
        r"(?:packed|laden|loaded|filled|rigged|stuffed)\s+with\s+(?:[\w-]+\s+)?explosives|"
        r"vehicle-borne",
        ("suicide", "blew", "explosive", "vehicle-borne"),
    ),
    (
        "explosion",
        "grenade_attack",
        False,
        r"(?:rocket-propelled\s+)?(?:hand\s+)?grenades?(?:\s+(?:attacks?|blasts?))?",
        ("grenade",),
    ),
    (
        "explosion",
        "shelling",
        False,
        r"shelling|shelled|mortars?\s+(?:fire|rounds|shells|attacks?)|rocket\s+fire|"
        # "artillery pounded the villages", "heavy guns shelled", "pounded
        # positions with artillery", "struck targets with heavy artillery"
        # (not posts hit with it: an attack on a post is a clash, below)
        r"(?:artillery|heavy\s+guns|howitzers|tanks)\s+(?:had\s+|also\s+|then\s+)?(?:pounded|hit|struck|targeted|bombarded)|"
        r"(?:pounded|pounding|struck|hit|targeted)\s+(?:(?!(?:out)?posts?\b|check(?:points?|posts?)\b)[\w'’-]+\s+){0,5}?"
        r"with\s+(?:[\w-]+\s+(?:and\s+)?){0,2}?(?:artillery|mortars?|rockets|shells|howitzers|heavy\s+(?:guns|weapons))|"
        r"artillery\s+(?:fire|rounds|shells|barrage)|rockets?\s+(?:fired|landed|hit|attacks?)|"
        # "rockets fired from across the line came down in ...", "shells landed"
        r"(?:rockets?|mortars?|shells?|rounds|projectiles?|missiles?)\s+(?:[\w-]+\s+){0,7}?"
        r"(?:landed|land|lands|fell|hit|struck|slammed|exploded|came\s+down|rained\s+down)|"
        r"(?:fired|lobbed|launched)\s+(?:\w+\s+){0,2}(?:rockets|mortars?|shells|artillery|missiles)|"
        # "the bombardment of Dangam": artillery and rockets (aircraft that
        # bombard are an air strike, above)
        r"bombard(?:ed|ing|ment)|"
        # a headline's present: "Afghan forces fire mortars at Chaman" (the
        # weapons its object: not "traded fire with mortars")
        r"(?:fire|fires|lob|lobs|launch|launches)\s+(?:\d+\s+|dozens\s+of\s+|more\s+|several\s+)?"
        r"(?:rockets|mortars?|mortar\s+shells|shells|artillery\s+shells|missiles)",
        (
            "shell",
            "mortar",
            "artillery",
            "rocket",
            "rounds",
            "projectile",
            "missile",
            "bombard",
            "heavy",
            "howitzer",
            "tanks",
        ),
    ),
    (
        "explosion",
        "explosion",
        False,
        r"explosions?|blasts?|bombings?|(?:roadside|car|truck|magnetic|planted)\s+bombs?|IEDs?|"
        r"bombers?|bomb\s+attacks?|improvised\s+explosives?|"
        r"landmines?|explosive\s+devices?|bombs?\s+(?:went\s+off|exploded|blew\s+up|was\s+detonated)|"
        r"(?:exploded|detonated)",
        ("explos", "blast", "bomb", "ied", "landmine", "detonat"),
    ),
    (
        "armed_clash",
        "exchange_of_fire",
        False,
        r"(?:exchanged?|exchanging|traded|trading|trade)\s+(?:heavy\s+)?(?:fire|gunfire)|"
        # "the guards exchanged shots", "shots were exchanged"
        r"(?:exchanged?|exchanging|traded|trading)\s+(?:a\s+few\s+|several\s+)?(?:gun)?shots|"
        r"(?:gun)?shots\s+(?:were|had\s+been)\s+(?:exchanged|fired)|"
        r"exchanges?\s+of\s+(?:heavy\s+)?fire|cross-border\s+(?:fire|firing)|"
        r"open(?:ed|s)?\s+fire|firing|gunfights?|shoot-?outs?|"
        # "troops returned fire", "fired back"
        r"return(?:ed|ing)\s+(?:the\s+)?fire|fired\s+back|"
        # "gunmen shooting from across the border killed three soldiers"
        r"shooting|shot\s+(?:dead|and\s+killed)|gunned\s+down",
        ("exchang", "traded", "trading", "fire", "firing", "gunfight", "shoot", "shot", "gunned"),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # "an attack on Sunday on a border post" (the day not in the trigger)
        r"attacks?(?=\s+(?:on|late|early)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+on\s+(?:\w+\s+){0,3}"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|police\s+stations?|convoys?|camps?))|"
        r"attacks?\s+on\s+(?:\w+\s+){0,3}(?:posts?|outposts?|checkpoints?|checkposts?|"
        r"police\s+stations?|convoys?|camps?|compounds?|headquarters|forts?|patrols?)|"
        # "fired on a patrol", "fired from across the border on troops"
        r"(?:fired|firing)\s+(?:from\s+(?:across\s+)?(?:the\s+)?[\w-]+(?:\s+(?:side|border|line))?\s+)?(?:on|at|upon)\s+"
        r"(?:\w+\s+){0,3}(?:posts?|outposts?|checkpoints?|checkposts?|positions|troops|forces|soldiers|"
        r"patrols?|convoys?|vehicles?|policemen|guards|(?:fencing|survey|work)\s+(?:party|parties|team|teams))|"
        r"(?:attacked|stormed|raided|targeted|struck)\s+(?:\w+\s+){0,3}"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|"
        r"police\s+stations?|convoys?|camps?|compounds?|headquarters|forts?|patrols?|positions|"
        # "attacked a polio team", "ambushed a police van"
        r"teams?|vans?|vehicles?|buses|bus|soldiers|policemen|troops|guards)|"
        # "unknown gunmen targeted a tribal elder", "a targeted killing"
        r"(?:gunmen|assailants|attackers|militants|terrorists)\s+(?:on\s+\w+\s+)?(?:targeted|shot)|targeted\s+killings?|"
        # "killed 12 militants in an intelligence-based operation"
        # (one operation: "repeated military operations" are a history)
        r"(?:intelligence-based|military|security|clearance|counter-?terrorism|combing)\s+operation(?!s)|"
        # "gunmen stormed a hospital", "militants attack consulate", "an
        # attack on the cantonment": a building attacked, whatever it houses
        r"(?:attack(?:s|ed)?|storm(?:s|ed)?|raid(?:s|ed)?|attacks?\s+on)\s+(?:[\w'’-]+\s+){0,3}" + _BUILDINGS + r"|"
        r"cross-border\s+(?:attacks?|assaults?|raids?)|ambush(?:ed)?|"
        # a headline's present, its object right after it ("militants attack
        # post in Bajaur"; not the noun: "blamed them for the attack and said
        # troops had responded")
        r"(?:attack|attacks|storm|storms|raid|raids)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?"
        r"(?:(?:security|police|military|army|border|checkpost|fc|levies)\s+)?"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|convoys?|police\s+stations?|camps?)|"
        # the passive: "checkposts in the Teri Mangal area were fired upon
        # from across the border", "a convoy was fired on", "their post was attacked"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|positions|troops|forces|soldiers|patrols?|convoys?|"
        r"vehicles?|personnel|policemen|guards|(?:fencing|survey|work)\s+(?:party|parties|team|teams))\s+"
        r"(?:(?!(?:would|could|might|may|will|shall)\s)[\w'’,-]+\s+){0,8}?(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+"
        r"(?:also\s+|again\s+|repeatedly\s+)?(?:fired\s+(?:up)?on|fired\s+at|attacked|stormed|raided|overrun)|"
        # the reply of the other side: "hit back at Pakistani posts"
        r"(?:hit|struck|fired)\s+back\s+(?:at|on)\s+(?:[\w'’,-]+\s+){0,3}?"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|positions|troops|forces|soldiers|targets)|"
        # "destroyed several Taliban posts", "captured 19 Afghan posts"
        r"(?:destroyed|captured|overran|seized)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:posts|outposts|checkpoints|checkposts|positions|bunkers)|"
        # the military's wording: "neutralised four terrorists", "troops
        # effectively engaged the khwarij"
        r"(?:neutrali[sz]ed|engaged)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:terrorists|militants|khwarij|khawarij|attackers|infiltrators|insurgents)(?!\s+in\s+(?:talks|dialogue|negotiations))|"
        # "posts in Kurram came under fire"
        r"(?:came|come|comes|coming)\s+under\s+(?:heavy\s+|intense\s+|sustained\s+)?(?:fire|attack|mortar\s+fire)|"
        r"repelled\s+(?:\w+\s+){0,3}attacks?",
        (
            "attack",
            "assault",
            "raid",
            "ambush",
            "storm",
            "target",
            "struck",
            "fired",
            "firing",
            "under",
            "operation",
            "shot",
            "back",
            "destroyed",
            "captured",
            "overran",
            "seized",
            "neutrali",
            "engaged",
        ),
    ),
    (
        "armed_clash",
        "border_fighting",
        False,
        r"clash(?:es|ed)?|skirmish(?:es)?|fighting|fought|"
        r"offensive|hostilities|confrontations?|firefights?",
        ("clash", "skirmish", "fight", "fought", "offensive", "hostilit", "confront"),
    ),
    (
        "armed_clash",
        "infiltration",
        False,
        # "militants trying to cross into Pakistan were killed", "an
        # infiltration bid was foiled" (not "to curb infiltration": irrealis;
        # nor "high-infiltration zones")
        r"(?<!-)infiltrat(?:e|ed|ing|ion|ors?)|(?:tried|trying|attempted|attempting)\s+to\s+(?:cross|sneak|enter|infiltrate)\b|"
        # "foiled an attempt by a group of militants to cross into Pakistan"
        r"attempts?\s+(?:by\s+(?:[\w-]+\s+){1,5}?)?to\s+(?:cross|sneak|enter|infiltrate)\b|"
        # "troops repulsed a similar attempt near Qamar Din Karez" (not
        # "repulsed an attack on its posts": most often the defenders'
        # account of an attack told already)
        r"(?:repelled|repulsed|foiled|thwarted)\s+(?:\w+\s+){0,3}?(?:attempts?|bids?)",
        ("infiltrat", "tried", "trying", "attempt", "bid"),
    ),
    # "guards fired in the air to stop the work": warning shots
    (
        "armed_clash",
        "warning_fire",
        False,
        r"fired\s+(?:\w+\s+){0,2}in\s+the\s+air|warning\s+shots",
        ("fired", "warning"),
    ),
    (
        "armed_clash",
        "siege",
        False,
        # "took the staff hostage", "the siege of the compound", "hijacked a
        # passenger train" (not a trade "held hostage to politics")
        r"(?:took|taken|taking|held|holding|seized|freed|freeing|rescued?|rescuing)\s+(?:[\w'’-]+\s+){0,4}?hostages?"
        r"(?!\s+to\b)|hostages?\s+(?:crisis|situation|rescue|standoff|stand-off)|hostage-taking|"
        r"sieges?(?!\s+mentality)|"
        # a vehicle hijacked (not "hijacked the debate")
        r"hijack(?:ed|ing|s)?\s+(?:of\s+)?(?:[\w'’-]+\s+){0,3}?(?:trains?|bus(?:es)?|coach(?:es)?|planes?|aircraft|"
        r"vehicles?|trucks?|lorries|convoys?|vans?)|(?:train|bus|plane)\s+hijack(?:ing|ers?)",
        ("hostage", "siege", "hijack"),
    ),
    (
        "armed_clash",
        "border_fighting",
        True,
        r"violence|killed|martyred|wounded|injured|hurt|died",
        ("violence", "killed", "martyred", "wounded", "injured", "hurt", "died"),
    ),
    # "The attack took place on the Salala posts": where the attack just
    # told happened (it continues that incident, whatever its type)
    (
        "armed_clash",
        "border_fighting",
        True,
        r"(?:attack|raid|strike|assault|ambush|bombing|blast)\s+(?:took\s+place|happened|occurred)",
        ("took place", "happened", "occurred"),
    ),
    # "Officials put the death toll at 88": the toll of the incident reported
    # "The toll in Chaman has risen to five", "the toll from the shelling climbed to 11"
    (
        "armed_clash",
        "toll",
        True,
        r"death\s+toll|toll(?:\s+(?:in|from|of|at)(?:\s+the)?\s+[\w'’-]+)?\s+(?:has\s+|had\s+)?"
        r"(?:rose|climbed|reached|risen|increased|jumped)",
        ("toll",),
    ),
    # "Nobody was hurt.": the toll (none) of the incident just reported
    (
        "armed_clash",
        "border_fighting",
        True,
        r"(?:nobody|no\s+one)\s+was\s+(?:hurt|killed|injured|wounded)|"
        r"no\s+(?:reports?\s+of\s+)?(?:casualties|injuries)",
        ("nobody", "no one", "casualt", "injuries"),
    ),
    (
        "border_closure",
        "reopening",
        False,
        r"re-?open(?:ed|ing|s)?|resum(?:ed|ption\s+of)\s+(?:trade|traffic|crossings?|movement)|"
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
        ("open", "resum", "restor", "clock", "24 hours"),
    ),
    (
        "border_closure",
        "closure",
        False,
        # (and a headline's present: "Pakistan closes Torkham", "shuts", "seals")
        r"clos(?:ed|es|ure|ures|ing)|shut(?:s)?(?:\s+down)?|shutting|seal(?:ed|s)|sealing|blockade|"
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
        r"suspended|suspension\s+of\s+(?:trade|traffic|crossings?)",
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
        # (not "families who had been stuck there since spring", now crossing)
        r"(?:travell?ers|passengers|families|pedestrians|patients|returnees)\s+(?:(?!who\s|which\s)[\w'’-]+\s+){0,4}?"
        r"(?:were|are|had\s+been|have\s+been)\s+(?:still\s+|left\s+)?(?:waiting|stuck|camped|camping|sleeping)",
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
    ("talks", "ceasefire", False, r"cease-?fires?|truces?|armistice", ("cease", "truce", "armistice")),
    ("talks", "mediation", False, r"mediat(?:ed|ion|ing|or|ors)|facilitat(?:ed|ing)\s+by", ("mediat", "facilitat")),
    ("talks", "visit", False, r"visit(?:ed|ing|s)?|trip\s+to", ("visit", "trip")),
    (
        "talks",
        "negotiation",
        False,
        r"talks|negotiations?|negotiators|negotiated|dialogue|"
        r"meetings?|met\s+with|met\b|(?:will|to)\s+(?:meet|convene)|convened?|"
        # "said the two sides would meet again in Istanbul on November 6";
        # "the commission would meet in Kabul on Thursday", "would meet in
        # Islamabad next month": a round announced with its day or month (a
        # plan with none stays a plan: "would meet soon")
        r"would\s+meet\s+again|would\s+(?:meet|convene)(?=\s+(?:(?!if\b|unless\b|once\b)[\w'’,-]+\s+){0,5}?"
        r"(?:on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|next\s+(?:week|month)|(?:on|in)\s+(?:january|"
        r"february|march|april|may|june|july|august|september|october|november|december))\b)|"
        r"discussions|peace\s+process|round\s+of\s+talks|"
        r"(?:first|second|third|fourth|new|latest|earlier|previous|last|next|another|fresh)\s+round"
        r"(?!\s+of\s+(?:shelling|fire|firing|fighting|clashes|strikes|attacks|violence))",
        ("talks", "negotiat", "dialogue", "meeting", "met", "meet", "conven", "discussions", "peace", "round"),
    ),
    ("talks", "negotiation", True, r"delegations?", ("delegation",)),
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
# common news verbs the rules above miss, kept in a module of their own
_RULES += NEWS_VERB_RULES
_COMPILED = [(t, s, w, re.compile(r"\b(?:" + p + r")\b", re.I)) for t, s, w, p, _ in _RULES]
#: The same rules for the lower-cased sentence (see :mod:`geomap.extract.wordscan`):
#: about twice as fast, same matches.
_LOWERED = [lowered_pattern(p) for _, _, _, p in _COMPILED]
#: ... each tried only where one of its start words is (one pass over the
#: sentence for all rules, instead of a search of it per rule; see
#: :mod:`geomap.extract.starts`): about half the cost, same matches.
_STARTS = StartScan(_LOWERED, [p.pattern for p in _LOWERED])

#: Each rule's anchors, in the order of :data:`_RULES`. A rule whose stems are all absent from a sentence
#: is not run: a substring test is much cheaper than a regex scan, and most
#: rules are absent from most sentences. ``tests/test_extract_types.py``
#: checks that the results are the same with and without this filter.
_ANCHORS: list[tuple[str, ...]] = [anchors for *_, anchors in _RULES]
_FILTER = StemFilter(_ANCHORS, SENTENCE_STEMS)

#: Plain negators govern the next few words only; denials reach further.
_NEGATION = re.compile(r"\b(?:no|not|never|neither|nor|without|n't|unable\s+to|failed\s+to)\b|n't\b", re.I)
_NEGATION = Gated(_NEGATION, "no", "never", "neither", "without", "n't", "unable", "failed")
_DENIAL = re.compile(
    r"\b(?:denied|deny|denies|denying|dismiss(?:ed|es|ing)|refut(?:ed|es|ing)|reject(?:ed|s|ing)?\s+(?:claims|reports)|"
    r"false|rumou?rs?|ruled\s+out)\b",
    re.I,
)
_DENIAL_STEMS = re.compile("deni|deny|dismiss|refut|reject|false|rumo|ruled")
#: The same stems, read from the sentence's stem scan (a literal alternation
#: costs a regex scan of the sentence; the scan is made once anyway).
_DENIAL_FILTER = StemFilter([_DENIAL_STEMS.pattern.split("|")], SENTENCE_STEMS)
_IRREALIS = re.compile(
    # "may" in lower case only: "in May", "KABUL, May 14 -" name the month
    r"\b(?:could|would|might|(?-i:may)|can|if|unless|threat(?:en(?:ed|s)?)?|warn(?:ed|s|ing)?|"
    r"urg(?:ed|es|ing|e)|call(?:ed|s|ing)?\s+(?:on|for)|demand(?:ed|s|ing)?|"
    r"aim(?:ed|s|ing)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|hop(?:e|ed|es|ing)|"
    r"want(?:s|ed)?|plan(?:s|ned)?\s+(?:to|for)|(?:talks|negotiations|discussions|meetings?|consultations)\s+(?:on|about|over)|wait(?:ing)?\s+for|await(?:ing|s)?|"
    r"avoid|prevent|fear(?:s|ed)?|risk(?:s)?|ready\s+to|pressure\s+to|"
    r"in\s+an?\s+(?:effort|bid|attempt)\s+to|decision\s+(?:on|about|to)|decide|whether|"
    # "met to discuss the closure": the topic, not a new incident
    r"discuss(?:ed|es|ing)?|"
    # "everyone talks of reopening", "spoke of a closure": a topic of speech
    r"(?:talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?)\s+(?:\w+\s+)?(?:of|about)|"
    # a topic that governs the trigger: "raised the issue of the shelling",
    # "the question of reopening", "split on questions of fencing", "took up
    # matters of “unprovoked” firing" (no comma nor ";" between: "the issue
    # of visas aside, troops fired ..." tells an incident; nor is "a matter
    # of hours" a topic)
    r"(?:issue|matter|question)s?\s+of(?!\s+(?:seconds|minutes|hours|days|weeks|months)\b)(?![^,;]*[,;])|"
    # "children who had fled fighting in Waziristan", "people who fled the
    # army offensive": why people moved, not an incident reported
    r"\bwho\s+(?:had\s+|have\s+|has\s+)?fled(?:\s+the)?(?:\s+(?:army|army's|military|military's|government|"
    r"government's|security|ground|air|recent|latest|continuing|ongoing))?$|"
    # "proposed that the crossing be reopened", "the kind of confrontation"
    r"propos(?:ed|es|ing|al)|suggest(?:ed|s|ing)|recommend(?:ed|s|ing)|(?:kind|sort|type)s?\s+of|"
    # a trend, not an incident: "a fall in cross-border attacks", "the surge
    # in shelling" (the trend governs the trigger: not "after a rise in
    # tension, militants attacked")
    r"(?:fall|rise|drop|decline|increase|surge|spike|reduction|decrease|upsurge|uptick)\s+in(?:\s+[\w'’-]+){0,3}\s*$|"
    # an infinitive right before the trigger ("to close", "to fully reopen"),
    # not "60 to 70 militants opened fire" nor "close to the border"
    # ("tried to storm", "attempted to cross": the attempt happened;
    # "resorted to unprovoked firing": the firing too)
    # ("objected to fence poles being set up": the object of an objection)
    r"(?<!tried\s)(?<!attempted\s)(?<!resorted\s)(?<!objected\s)(?<!objecting\s)(?<!objection\s)(?<!objections\s)"
    r"to(?=(?:\s+\S+)?\s*$))\b",
    re.I,
)
#: A bomb made safe or taken is no explosion: "bomb disposal staff defused an
#: IED", "police seized a car packed with explosives" (read in the words
#: before the trigger).
_DEFUSED = re.compile(
    r"\b(?:defus\w*|defuz\w*|diffus\w*|seiz\w*|recover\w*|intercept\w*|impound\w*|confiscat\w*|disarm\w*)"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.I,
)
_DEFUSED_STEMS = ("defus", "defuz", "diffus", "seiz", "recover", "intercept", "impound", "confiscat", "disarm")
#: "were asked to stop building a post", "agreed to halt work on the gate",
#: "tried to put up a fence", "began to dig trenches": halting, starting or
#: attempting a work presupposes it, so the infinitive before a
#: fortification trigger is no irrealis (a wish, "wants them to stop
#: fencing", still is: it is read before the infinitive).
_HALT_WORK = re.compile(
    r"\b(?:(?:tried|attempted|began|started|continued|resumed)\s+to|to\s+(?:stop|halt|suspend|freeze|end))\s*$", re.I
)
#: "the violence forced the authorities to close the crossing", "prompted
#: Pakistan to shut Torkham": what one was forced to do was done (an
#: infinitive after it is no wish).
_FORCED_TO = re.compile(r"\b(?:forc|prompt|compel|oblig)\w*\s+(?:[\w'’-]+\s+){0,3}?to(?=(?:\s+\S+)?\s*$)", re.I)
#: "accused X of firing": the trigger is the content of a claim about an
#: incident reported elsewhere (or a standing allegation), not a new one.
_ACCUSATION = re.compile(r"\b(?:accus\w*|blam\w*|charg\w*)\s+(?:[\w'’-]+\s+){0,5}?(?:of|for)\s*$", re.I)
#: Accusation, denial or irrealis before a trigger of a non-talks type, in one scan.
_BLOCKED = re.compile("|".join(p.pattern for p in (_ACCUSATION, _DENIAL, _IRREALIS)), re.I)
#: (tried only where one of its start words is: the windows are short, but
#: ``re`` tried its hundred alternatives at every word of them)
_BLOCKED = StartGated(_BLOCKED)
#: An incident remembered: "marks the third anniversary of the bombing",
#: "to commemorate the victims of the attack": years ago, not on the day told.
_ANNIVERSARY = re.compile(
    r"\b(?:anniversar(?:y|ies)\s+of|commemorat\w*(?:\s+the\s+(?:victims|dead|martyrs)\s+of)?|remembrance\s+of)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
#: A reopening spoken of, not done: "still no date for the reopening",
#: "a timetable for the reopening", "conditions for reopening", "depends on
#: the reopening" (read before the noun).
_REOPENING_UNREAL_BEFORE = re.compile(
    r"\b(?:dates?|timelines?|timetables?|time\s*frames?|deadlines?|schedules?|roadmaps?|(?:pre)?conditions?|"
    r"prerequisites?|hopes?|prospects?|chances?|calls?|pleas?|appeals?|requests?|demands?|push|pressure)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:for|of|on|to)\s+(?:the\s+|its\s+|their\s+|an?\s+|any\s+)?(?:[\w-]+\s+)?$|"
    r"\b(?:depend\w*|hing\w*|conditional|contingent)\s+(?:up)?on\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$|"
    # "any reopening of Chaman would depend on guarantees": no one reopening
    r"\bany\s+(?:early\s+|quick\s+|swift\s+|full\s+)?$",
    re.I,
)
#: ... and after it: "the reopening of the crossing will hinge on",
#: "reopening the crossing will take days", "its reopening is uncertain".
_REOPENING_UNREAL_AFTER = re.compile(
    r"(?:\s+(?:of\s+)?(?:the\s+|its\s+|both\s+)?(?:[\w'’-]+\s+){0,3}?(?:crossings?|border|gates?|terminals?|routes?|pass)\b|"
    r"\s+of\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?"
    r",?\s+(?:would|will|could|might|(?-i:may)|shall|depends?|depended|hinges?|hinged|"
    r"(?:is|was|remains?|remained)\s+(?:still\s+)?(?:conditional|contingent|subject|dependent|uncertain|unlikely|"
    r"tied|linked))\b",
    re.I,
)
#: A wish told in a that-clause ("proposed that the work on the gate be
#: halted and the crossing reopened"): all of the clause is wished, not only the
#: six words before a trigger.
_MANDATE = re.compile(r"\b(?:propos|suggest|recommend|demand|urg|insist|request)\w*\s+that\b", re.I)
_MANDATE_STEMS = ("propos", "suggest", "recommend", "demand", "urg", "insist", "request")
#: Closures spoken of in general: "closures have cost exporters dearly"
#: (a bare plural: no article, number or possessive before it), "shutting a
#: border crossing punishes the labourers" (any crossing).
_DETERMINED = re.compile(
    r"\b(?:the|these|those|this|that|its|their|his|her|our|both|two|three|four|five|six|several|\d+)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_ON_A_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:this|last)\s+week\b|\byesterday\b|\btoday\b"
)
_ANY_CROSSING_AFTER = re.compile(
    r"\s+(?:an?|any|every)\s+(?:[\w-]+\s+)?(?:crossings?|borders?|gates?|routes?|frontiers?)\b", re.I
)
#: A closure ended is a reopening: "ending the blockade that began in spring", "lifted
#: the closure", "the end of the suspension".
_ENDING_BEFORE = re.compile(
    r"\b(?:end(?:ed|ing|s)?|lift(?:ed|ing|s)?|(?:end|lifting)\s+of)\s+(?:a|an|the|its|their|this|that)"
    r"(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)
#: Talks may be upcoming, so only true conditionals cancel them.
_IRREALIS_TALKS = re.compile(
    r"\b(?:could|would|might|if|unless|urg(?:ed|es|ing|e)|call(?:ed|s)?\s+for|"
    r"demand(?:ed|s|ing)?|refus(?:ed|es|ing)|no)\b",
    re.I,
)
#: "Officials said the commission would meet in Kabul on Thursday": a
#: meeting announced, the future of a report (a talks event to come, when
#: its venue and time are told right after it; GOLD_FORMAT), not a wish
#: ("would meet if the firing stopped").
_MEETING_WHEN_WHERE = re.compile(
    r"(?:\s+again)?\s+(?:in|at)\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?\s+"
    r"(?:on\s+(?-i:[A-Z])[a-z]+day|on\s+(?-i:[A-Z])[a-z]+\s+\d{1,2}|next\s+(?:week|month)|later\s+this\s+(?:week|month)|in\s+(?-i:[A-Z])[a-z]+)\b",
    re.I,
)
#: A call for talks is not talks: "urged both sides to hold talks", "called
#: on the government to open a dialogue", "asked whether a meeting...".
_CALL_FOR_TALKS = re.compile(
    r"\b(?:warn(?:ed|s|ing)?\s+that|urg(?:ed|es|ing|e)|call(?:ed|s|ing)?\s+(?:on|upon|for)|appeal(?:ed|s|ing)?|"
    r"demand(?:ed|s|ing)?|ask(?:ed|s|ing)?|press(?:ed|es|ing)?\s+for|need\s+for|"
    r"should|must|whether|offer(?:ed|s)?\s+to|willing\s+to|ready\s+to|"
    # readiness, not a round: "we are ready for talks", "open to dialogue"
    r"ready\s+for|open\s+to|prepared\s+(?:for|to)|willing\s+to\s+hold|in\s+favou?r\s+of|"
    r"advocat\w*|push(?:ed|ing)?\s+for|"
    # a statement's wish: "stressed the importance of direct talks"
    r"emphasi[sz]\w*|stress(?:ed|es|ing)|importance|reiterat\w*|insist\w*|"
    # a visit that did not happen: "had been expected to visit Kabul for talks"
    r"had\s+been\s+(?:expected|scheduled|due|planned|supposed))\b",
    re.I,
)
#: A truce that ends or is broken is not a meeting: "ended a ceasefire with
#: the government", "violated the truce".
_TRUCE_ENDED = re.compile(
    r"\b(?:end(?:ed|s|ing)?|broke|broken|breach(?:ed|es|ing)?|violat\w*|called\s+off|"
    r"scrapp(?:ed|ing)|abandon(?:ed|ing)|collapse\s+of|breakdown\s+of)\s+"
    r"(?:of\s+)?(?:a|an|the|its|their|this|that)?\s*(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: Talks only imagined or weighed after the trigger: "a meeting might be held",
#: "talks were being considered".
_TALKS_UNREAL_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:might|could|would|may)\s+(?:\w+\s+)?be\b|"
    r"\s+(?:would|could|might)\b|"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:is|are|was|were)\s+(?:being\s+|still\s+)?"
    r"(?:considered|mooted|proposed|under\s+consideration)\b|"
    r"\s+(?:is|are|was|were)?\s*to\s+be\s+considered\b|"
    # "a flag meeting was expected in the coming days": no date, no meeting yet
    # (also after the sides: "a flag meeting between the border officials
    # of both sides is expected in the coming days")
    r"\s+(?:[\w'’-]+\s+){0,12}?(?:is|are|was|were)\s+expected\s+(?:in\s+the\s+coming|soon|shortly)",
    re.I,
)
#: (every match holds one of these: its lazy word loops cost ~6 µs a talks
#: trigger, and most sentences hold none)
_TALKS_UNREAL_AFTER = Gated(
    _TALKS_UNREAL_AFTER, "might", "could", "would", "may", "consider", "mooted", "proposed", "expected"
)
#: The state of a process, not a meeting: "talks have made little progress
#: since January", "an effort to bring them to talks has stalled".
_TALKS_STATE_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,12}?(?:have|has|had)\s+(?:so\s+far\s+|since\s+)?(?:made\s+(?:little|no|slow|scant|some)\s+"
    r"(?:progress|headway)|(?:been\s+)?(?:stalled|deadlocked|frozen|stuck|bogged\s+down)|stalled|faltered|"
    r"dragged\s+on|gone\s+nowhere)\b|"
    r"\s+(?:[\w'’-]+\s+){0,12}?(?:remain|remains|remained)\s+(?:stalled|deadlocked|frozen|stuck)\b",
    re.I,
)
_TALKS_STATE_AFTER = Gated(
    _TALKS_STATE_AFTER,
    *("progress", "headway", "stalled", "deadlocked", "frozen", "stuck", "bogged", "faltered", "dragged", "nowhere"),
)
#: "turned down an invitation to visit Islamabad": a visit refused is none.
_DECLINED = re.compile(
    r"\b(?:declin\w*|turn(?:ed|s|ing)?\s+down|reject\w*|refus\w*)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?"
    r"(?:\w+\s+){0,2}(?:invitations?|offers?|requests?)(?:\s+(?:to|for))?\s*$",
    re.I,
)
#: Meetings at home (a cabinet, a committee, a council, with traders) are
#: not talks between the two sides, unless the sentence says they are.
#: Meetings and visits that are no talks between the sides: "visited the
#: border", "an election meeting", "on their way to meet the president".
_NOT_TALKS = re.compile(
    r"\b(?:election|campaign|corner|political|prayer|religious|public|funeral|condolence)\s+$|"
    r"\bon\s+(?:their|his|her|its|the)\s+way\s+(?:to\s+)?$|"
    # the verb: "everyone talks of reopening", "he talks about peace"
    r"\b(?i:everyone|everybody|nobody|no\s+one|someone|he|she)\s+(?i:(?:always|often|still|now|only|just)\s+)?$"
)
_NOT_TALKS_AFTER = re.compile(
    r"\s+(?:to\s+)?(?:the\s+|an?\s+)?(?:forward\s+|border\s+|military\s+|frontier\s+)?"
    r"(?:border|crossing|frontier|area|site|scene|hospital|injured|wounded|families|troops|posts?|outposts?|units?|"
    # "going to visit relatives": a family visit
    r"relatives|friends|graves?|shrines?)\b",
    re.I,
)
#: A jirga between the tribes of one district about their own feud.
_TRIBAL = re.compile(
    # "elders from the Turi and Bangash tribes"
    r"\b(?:from|of)\s+the\s+[A-Z][\w-]+\s+and\s+[A-Z][\w-]+\s+(?:tribes|communities|clans)\b|"
    r"\b(?:between\s+(?:the\s+)?(?:rival\s+)?(?:tribes|communities|clans|sects)|both\s+(?:communities|sects)|"
    r"rival\s+(?:tribes|communities|clans|sects))\b",
    re.I,
)
_DOMESTIC_BODY = re.compile(
    r"\b(?:cabinets?|committees?|council|parliament(?:ary)?|senate|assembly|"
    r"corps\s+commanders|apex|party|traders|protesters|demonstrators|transporters|"
    r"shura|ulema|provincial\s+government|security\s+officials|officials\s+of\s+the\s+ministry|"
    # "protest leaders met the chief minister": a protest at home
    r"chief\s+minister|protest\s+(?:leaders|committee|organi[sz]ers)|"
    # "flew to Quetta and chaired a security meeting", "where he was briefed"
    r"chair(?:ed|s|ing)|presid(?:ed|es|ing)\s+over|briefed|security\s+meeting)\b",
    re.I,
)
_DOMESTIC_BODY = LoweredPattern(_DOMESTIC_BODY)  # searched on the lower-cased text (wordscan)
_BILATERAL = re.compile(
    r"\b(?:joint|bilateral|between|both\s+sides|two\s+sides|two\s+countries|two\s+neighbou?rs|"
    r"counterparts?|flag|delegations?|envoys?|ambassadors?|mediat\w*|jirga)\b",
    re.I,
)

#: Offices and bodies of one side only, which a jirga may meet at home (a
#: governor may be the other side's: "Pakistani officials met the Nangarhar
#: governor at Torkham").
_HOME_OFFICE = re.compile(
    # ("the political agent": the officer of a Pakistani tribal agency)
    r"\b(?:chief\s+minister|protest\s+(?:leaders|committee|organi[sz]ers)|sit-in|political\s+agent)\b",
    re.I,
)
_HOME_OFFICE = Gated(_HOME_OFFICE, "minister", "protest", "sit-in", "political")
#: :data:`_BILATERAL` but a jirga, which may be of one side.
_BILATERAL_SIDES = re.compile(_BILATERAL.pattern.replace("|jirga", ""), re.I)
assert _BILATERAL_SIDES.pattern != _BILATERAL.pattern

#: Closing that is not the border's: shops, markets, schools, offices.
_NOT_BORDER_CLOSING = re.compile(
    r"\b(?:shops?|shopkeepers|markets?|bazaars?|schools?|offices|businesses|"
    r"restaurants|hotels|universit(?:y|ies)|colleges?|mosques?|camps?|doors|"
    r"trains?|railways?|flights?|internet|mobile|classes|exams|"
    # "suspended gas supplies to Peshawar": a utility
    r"gas|electricity|power|water|"
    # "shut wedding halls and shrines": places of gathering
    r"halls?|shrines?|parks?|cinemas?|"
    # "suspended security assistance", "fencing work was suspended"
    r"assistance|aid|funding|cooperation|work)\b",
    re.I,
)
_NOT_BORDER_CLOSING = LoweredPattern(_NOT_BORDER_CLOSING)  # searched on the lower-cased text (wordscan)
#: "was reported closed on Monday, but officials denied the reports": the
#: denial that follows the report in its sentence.
_DENIED_AFTER = re.compile(
    r"[^.;]{0,120}?\b(?:but|however|although|though)\b[^.;]{0,60}?\b(?:denied|dismissed|rejected|refuted)\s+"
    r"(?:the\s+|these\s+|those\s+|such\s+|that\s+)?(?:reports?|claims?|rumou?rs?)\b(?!\s+(?:of|that|about|on)\b)|"
    # "..., a version that the military rejected", ", a claim Kabul denies":
    # the account told before is one side's, denied by the other (not "an
    # accusation": that contests who did it, not what happened)
    r"[^.;]{0,160}?,\s+(?:a|an)\s+(?:version|claim|account)\s+(?:that\s+|which\s+)?"
    r"(?:[\w'’-]+\s+){1,5}?(?:rejected|rejects|denied|denies|dismissed|dismisses|refuted|refutes)\b",
    re.I,
)

_HABITUAL = re.compile(
    r"\b(?:are|is|were|(?:has|have)\s+been)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:common|frequent|routine|regular|rare|recurring)\b|"
    r"\bin\s+the\s+past\b|\boften\b|\bfrequently\b|\broutinely\b|\bregularly\b|"
    r"\bhistorically\b|\bfrom\s+time\s+to\s+time\b|\busually\b|"
    # "the crossing closed every evening", "shelled each night": a routine
    r"\b(?:every|each)\s+(?:evening|night|morning|afternoon|weekend|winter|summer|time)\b|\bwhenever\b|"
    # a record, not an incident: "guards have repeatedly clashed over the
    # fence", "has closed the crossing several times since 2021", "on
    # several occasions", "time and again", "clashes are not new"
    r"\b(?:has|have)\s+(?:\w+\s+)?repeatedly\b|"
    r"\b(?:several|many|numerous|multiple|countless)\s+times\s+(?:since|in\s+(?:the\s+)?(?:past|last|recent)|over|before)\b|"
    r"\bon\s+(?:several|many|numerous|multiple|countless)\s+occasions\b|\btime\s+and\s+(?:time\s+)?again\b|"
    r"\b(?:are|is)\s+(?:not|nothing)\s+new\b|\brarely\b|\bseldom\b|\btypically\b|\btend\s+to\b",
    re.I,
)
#: "residents heard heavy firing": hearsay of an incident, which adds to the
#: one reported (weak) but is not placed where the listeners are.
_HEARD = re.compile(r"\b(?:heard|hear|hearing)\b", re.I)
#: A state over years, read in the trigger's own clause only: "has built
#: fences in recent years", "has been suspended for years".
_OVER_YEARS = re.compile(
    r"\b(?:in|of)\s+recent\s+(?:years|months)\b|\bover\s+the\s+(?:years|past\s+(?:decade|few\s+years))\b|"
    r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?for\s+(?:years|decades)\b|"
    # "the latest in a string of confrontations", "a long history of conflict"
    r"\blatest\s+in\s+a\s+(?:string|series|spate|wave|line)\s+of\b|\bhistory\s+of\b",
    re.I,
)
#: An incident of no one time: "any closure of Torkham hurts labourers",
#: "vowed to answer any attack", "every closure costs traders" (read before
#: the trigger).
_ANY_BEFORE = re.compile(r"\b(?:any|every)(?:\s+[\w-]+)?\s*$", re.I)
#: A record of incidents named by their plural: "the repeated closures of
#: Torkham", "past clashes at Chaman" (no day told in the sentence).
_RECORD_BEFORE = re.compile(r"\b(?:repeated|frequent|recurrent|recurring|periodic|past|previous)\s*$", re.I)
#: An activity named by a gerund opening the sentence: "Closing Torkham is
#: not the answer", "Shutting the border hurts traders".
_ACTIVITY_AFTER = re.compile(
    r"(?:\s+(?:the\s+|a\s+|its\s+)?[\w'’-]+(?:\s+(?:crossings?|border|gates?))?)?\s+"
    r"(?:is|are|was|would|will|could|can|has|does|only|hurts|harms|punishes|costs|serves|helps)\b",
    re.I,
)
#: ... or one only supposed: "a prolonged closure would ruin them", "another
#: clash at Chaman could derail the talks" (an indefinite noun before the
#: trigger, a modal right after it and its place).
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|another)(?:\s+[\w-]+){0,2}\s*$", re.I)
_MODAL_AFTER = re.compile(
    r"(?:\s+(?:of|at|in|on|along|across|between|with|by)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?,?\s+"
    r"(?:would|could|might|(?-i:may))\b",
    re.I,
)


def _supposed(sentence: str, words: list[str], end: int) -> bool:
    """Is the trigger ending at ``end`` (``words`` before it) an incident
    of no one time ("any closure") or one only supposed ("a closure would")?"""
    before = " ".join(words[-3:])
    if _ANY_BEFORE.search(before):
        return True
    if _RECORD_BEFORE.search(before) and sentence[end - 1 : end] == "s" and not _ON_A_DAY.search(sentence.lower()):
        return True  # "the repeated closures of Torkham", "past clashes at Chaman"
    if not words and sentence[end - 3 : end].lower() == "ing" and _ACTIVITY_AFTER.match(sentence, end):
        return True  # "Closing Torkham is not the answer"
    return bool(_INDEFINITE_BEFORE.search(before) and _MODAL_AFTER.match(sentence, end))


#: A decade told anywhere in the sentence ("In the 1950s and 1960s, the two
#: armies clashed in Bajaur"): history, unless a day of the week is told too.
_DECADE = re.compile(r"\b(?:in|during|through)\s+the\s+(?:early\s+|late\s+|mid-)?(?:18|19|20)\d0s\b", re.I)
#: Marks a talks round that is over ("failed negotiations", "the previous round").
_ENDED = re.compile(r"\b(?:previous|earlier|last|prior|failed|inconclusive|collapsed|first)\b", re.I)
_BORDER_WORD = re.compile(r"\bborder\b", re.I)
_ENDED_AFTER = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?[“\"'‘]?(?:ended|concluded|failed|collapsed|broke\s+down)", re.I
)
#: A definite noun phrase refers back: "the closure", "these airstrikes",
#: "the prolonged blockade", "the talks".
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
_DEFINITE = LoweredPattern(_DEFINITE)  # searched on the lower-cased text (wordscan)
#: "border" or "cross-border" modifying the trigger: the incident is on the border.
#: ("Taliban border guards lobbed mortars": the guards are of the border,
#: not the trigger; where they fired is told after it)
_BORDER_MOD = re.compile(
    r"\b(?:cross-border|border|frontier)\s+"
    r"(?!(?:guards?|police(?:men)?|forces|troops|officials?|commanders?|personnel)\s)(?:\w+\s+)?$",
    re.I,
)
#: Clause breaks: punctuation, a comma before a conjunction, "but". Three
#: patterns, each of which ``re`` can skip through quickly (one alternation
#: starting with ``\b`` was tried at every position of the sentence); the
#: ends they give are the ends of the one pattern, a few of them twice.
_CLAUSE_BREAKS = (
    re.compile(r"[;:—–]"),
    re.compile(r",\s+(?:but|while|whereas|although|though|and\s+(?:the|a|an))\b"),
    re.compile(r"\bbut\b"),
)

VIOLENT = ("armed_clash", "airstrike", "explosion")


@dataclass(frozen=True)
class Trigger:
    """One event-type trigger word in a sentence."""

    event_type: str
    sub_event_type: str
    start: int
    end: int
    weak: bool = False
    ended: bool = False  #: a past round of talks that is over
    border: bool = False  #: "border clashes": the incident is on the border
    anaphoric: bool = False  #: "the closure", "these airstrikes": an incident named before


def _window(sentence: str, start: int, words: int = 6, breaks: list[int] | None = None) -> str:
    """The words before ``start``, cut at the last clause break.

    Only the last 120 characters are read: six words fit in them, and the
    scan stays short on long sentences. ``breaks`` (ends of the clause
    breaks of ``sentence``, see :func:`_breaks`) saves a scan per call.
    """
    return " ".join(_words_before(sentence, start, breaks)[-words:])


def _words_before(sentence: str, start: int, breaks: list[int] | None = None) -> list[str]:
    """The words of :func:`_window` before ``start``, all of them: split once,
    then joined into windows of several widths."""
    lo = max(0, start - 120)
    if breaks is None:
        breaks = _breaks(sentence)
    cut = 0  # the last break before start (a loop: most sentences have none or one)
    for b in breaks:
        if cut < b <= start:
            cut = b
    return sentence[max(lo, cut) : start].split()


def _breaks(sentence: str) -> list[int]:
    """End offsets of the clause breaks of ``sentence`` (unordered, maybe
    repeated: only the last one before a trigger is read)."""
    # (each scan only where its characters or words occur: most sentences
    # have no ";", ":" or dash, and many no comma)
    ends = (
        [m.end() for m in _CLAUSE_BREAKS[0].finditer(sentence)]
        if ";" in sentence or ":" in sentence or "—" in sentence or "–" in sentence
        else []
    )
    if "," in sentence:
        ends += [m.end() for m in _CLAUSE_BREAKS[1].finditer(sentence)]
    if "but" in sentence:
        ends += [m.end() for m in _CLAUSE_BREAKS[2].finditer(sentence)]
    return ends


#: Every match of :data:`_HABITUAL` holds one of these.
_HABIT_STEMS = (
    "common",
    "frequent",
    "routine",
    "regular",
    "rare",
    "recurring",
    "past",
    "often",
    "historically",
    "time to time",
    "usually",
    "whenever",
    "repeatedly",
    "rarely",
    "seldom",
    "typically",
    "tend to",
    "times",
    "occasions",
    "again",
    "new",
) + tuple(
    f"{each} {when}"
    for each in ("every", "each")
    for when in ("evening", "night", "morning", "afternoon", "weekend", "winter", "summer", "time")
)


_HABIT_FILTER = StemFilter([_HABIT_STEMS], SENTENCE_STEMS)


def is_habitual(sentence: str, low: str | None = None, scan: dict[int, set[int]] | None = None) -> bool:
    """True when the sentence describes a habit, not an incident.

    ``low`` is ``sentence.lower()`` and ``scan`` its sentence scan (see
    :func:`find_triggers`) when the caller has them already.
    """
    if scan is not None:
        if not _HABIT_FILTER.present("", scan):
            return False
    else:
        if low is None:
            low = sentence.lower()
        if not any(w in low for w in _HABIT_STEMS):
            return False
    m = _HABITUAL.search(sentence)
    if (
        m is not None
        and (m.group(0)[:1].lower() in "ew" or m.group(0).lower().endswith("repeatedly"))
        and _RECENT_SERIES.search(sentence)
    ):
        # "shelled villages each night this week", "since Saturday, rockets
        # have landed every night": a series of incidents now, not a routine
        # (nor "whenever", "every time" in such a sentence)
        return _HABITUAL.search(sentence, m.end()) is not None
    return m is not None


#: A recent span that makes "every night" a series of incidents.
_RECENT_SERIES = re.compile(
    r"\b(?:this|last|past)\s+(?:week|weekend|month|few\s+days|several\s+days|days)\b|\b[Ss]ince\s+(?:[A-Z]\w+day|the|last|early)\b|"
    r"\bfor\s+(?:the\s+)?(?:past|last)\b|\bfor\s+(?:two|three|four|five|six|several)\s+(?:days|nights)\b",
)


def find_triggers(sentence: str | ScannedSentence, scan: dict[int, set[int]] | None = None) -> list[Trigger]:
    """Event triggers of ``sentence`` that survive negation and irrealis checks.

    Never raises for any text.

    Parameters
    ----------
    sentence : str
    scan : dict, optional
        :meth:`~geomap.extract.stems.StemIndex.scan` of the lower-cased
        sentence by :data:`~geomap.extract.stems.SENTENCE_STEMS`, when the
        caller has it (saves this function's own pass).

    Examples
    --------
    >>> [t.event_type for t in find_triggers("Officials denied the crossing was shut.")]
    []
    >>> [(t.event_type, t.sub_event_type) for t in find_triggers("The crossing reopened on Monday.")]
    [('border_closure', 'reopening')]
    """
    if isinstance(sentence, ScannedSentence):  # the scan made once per sentence
        return _find_triggers(sentence.text, prefilter=True, scan=sentence.scan, low=sentence.low)
    return _find_triggers(sentence, prefilter=True, scan=scan)


#: Words that open a clause of time or cause: a threat or wish before one
#: ("came under pressure to act after militants attacked a post") does not
#: govern the incident the clause tells.
_SUBORDINATORS = frozenset(("after", "before", "when", "since", "because", "following", "amid", "while"))


#: A negation does not reach past these either: "the jirga ended without
#: agreement as firing broke out" (the firing is not negated).
_NEGATION_CUTS = _SUBORDINATORS | {"as"}
#: ... nor a wish's that-clause past a concession ("urged that trade go on
#: even though forces shelled Dangam": the shelling happened).
_MANDATE_CUTS = _NEGATION_CUTS | {"though", "although", "despite", "but"}


def _own_clause(words: list[str], cuts: frozenset[str] = _SUBORDINATORS) -> list[str]:
    """``words`` (before a trigger) from the last subordinator (of ``cuts``) on."""
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in cuts:
            return words[i + 1 :]
    return words


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``(start, end)`` overlap one of ``spans``?"""
    for s, e in spans:
        if start < e and s < end:
            return True
    return False


def _reopening_unreal(sentence: str, low: str, start: int, end: int) -> bool:
    """Is the reopening noun at ``start:end`` only spoken of ("no date for
    its reopening", "the reopening of the crossings would depend on ...")?
    Reopenings told with a verb ("reopened on Monday") are never."""
    if not low.startswith(("reopening", "re-opening", "opening", "resumption"), start):
        return False
    return bool(
        _REOPENING_UNREAL_BEFORE.search(sentence, max(0, start - 60), start)
        or _REOPENING_UNREAL_AFTER.match(sentence, end)
    )


#: What a closure may shut: a road (not the border) or a crossing.
_ROAD_OR_CROSSING = re.compile(
    r"\b(?:(?P<road>roads?|highways?|motorways?|tunnels?|bridges?)|crossings?|borders?|gates?|terminals?|frontier|"
    r"routes?|pass|points?)\b",
    re.I,
)


#: "traffic on the Peshawar-Torkham road was suspended": a road's traffic
#: (read right before the verb).
_TRAFFIC_ON_ROAD = re.compile(
    r"\btraffic\s+(?:on|along|through)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:roads?|highways?|motorways?)\s+"
    r"(?:was|were|is|are|(?:has|have|had)\s+been|remained|remains|stayed)\s+(?:\w+\s+)?$",
    re.I,
)


def _road_closing(sentence: str, breaks: list[int], start: int, end: int) -> bool:
    """Is what closes at ``start:end`` a road, tunnel or bridge? The first of
    a road and a crossing in the clause before the trigger ("the road towards
    the border had been closed"; not "Torkham, on the main highway to Kabul,
    was closed"), else the first after it ("police closed the road to the
    district headquarters")."""
    if not any(w in sentence for w in ("road", "highway", "motorway", "tunnel", "bridge")):
        return False
    cut = max((b for b in breaks if b <= start), default=0)
    if "traffic" in sentence and _TRAFFIC_ON_ROAD.search(sentence, max(cut, start - 80), start):
        # "lit up the pass, and traffic on the Peshawar-Torkham road was
        # suspended": the road is what the verb tells of
        return True
    first = _ROAD_OR_CROSSING.search(sentence, cut, start) or _ROAD_OR_CROSSING.search(sentence, end, end + 40)
    return first is not None and first.group("road") is not None


def _generic_closure(sentence: str, low: str, start: int, end: int) -> bool:
    """Are closures at ``start:end`` spoken of in general ("closures come
    at the slightest provocation", "closing a crossing hurts traders")?"""
    word = low[start:end]
    if word == "closures":
        # ("closures at Torkham and Chaman on Monday": closures on a day)
        return not _DETERMINED.search(sentence, max(0, start - 40), start) and not _ON_A_DAY.search(low)
    return word in ("closing", "shutting", "sealing") and bool(_ANY_CROSSING_AFTER.match(sentence, end))


#: "fencing work in Mohmand is to begin in the coming months": a work to
#: come, read after its words.
_WORK_TO_COME = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:(?:is|are)\s+(?:due\s+|expected\s+|scheduled\s+|set\s+|planned\s+)?to\s+"
    r"(?:begin|start|commence)|will\s+(?:begin|start|commence))\b",
    re.I,
)
#: "Relations have been strained since the clashes": a state of the two
#: countries' relations dated from an incident, read in the words before it.
_RELATIONS_SINCE = re.compile(
    r"\b(?:relations|ties|tensions?)\s+(?:[\w'’-]+\s+){0,5}?(?:(?:have|has|had)\s+(?:been|remained|stayed|run)|"
    r"remain(?:ed|s)?|(?:are|were|is))\s+(?:\w+\s+)?(?:strained|tense|frosty|uneasy|troubled|fraught|cold|high)\s+"
    r"(?:ever\s+)?since\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
#: ... with no more than its time after it ("of last October", "in 2025"):
#: an incident told with its own details ("clashes in October that killed
#: 70 people") is reported, not only named.
_ONLY_ITS_TIME = re.compile(
    r"\s*(?:(?:of|in)\s+(?:last\s+|early\s+|late\s+|mid-)?[A-Z]?[a-z]+(?:\s+\d{4})?|of\s+\d{4}|"
    r"last\s+(?:year|month|week|[A-Z][a-z]+))?\s*[.;]?\s*$"
)


#: "the meeting, the first of the commission since the clashes along the
#: border last year, ...": an aside that dates a first from an incident.
_FIRST_SINCE = re.compile(r"\bthe\s+first\s+(?:[\w'’-]+\s+){0,4}?since\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_ONLY_ITS_TIME_ASIDE = re.compile(
    r"\s*(?:(?:along|on|across)\s+the\s+(?:border|frontier|Durand\s+Line)\s*)?"
    r"(?:(?:of|in)\s+(?:last\s+|early\s+|late\s+)?[A-Z]?[a-z]+(?:\s+\d{4})?|last\s+(?:year|month|week|[A-Z][a-z]+))?"
    r"\s*[,;.)]"
)


def _relations_since(sentence: str, words: list[str], end: int) -> bool:
    """Is the incident at ``end`` only what the two countries' relations
    are dated from ("relations have remained tense since the border clashes
    of last October"), or what a first is counted from ("the first meeting
    since the clashes along the border last year")?"""
    before = " ".join(words[-14:]) + " "
    if _RELATIONS_SINCE.search(before) and _ONLY_ITS_TIME.match(sentence, end):
        return True
    return bool(_FIRST_SINCE.search(before) and _ONLY_ITS_TIME_ASIDE.match(sentence, end))


def _comma_after(low: str, pos: int) -> int:
    """Where the comma or semicolon after ``pos`` is (the end of the text when none)."""
    ends = [i for i in (low.find(",", pos), low.find(";", pos)) if i >= 0]
    return min(ends, default=len(low))


#: Guns that strike from the ground, and what strikes from the air.
_GUN_WORDS = ("artillery", "mortar", "rocket", "howitzer", "tank", "heavy guns", "heavy weapons", "shell")
_GUN = re.compile(r"\b(?:artillery|mortars?|rockets?|howitzers?|tanks?|heavy\s+(?:guns|weapons)|shells?)\b")
_AIR = re.compile(
    r"\b(?:air|aerial|aircraft|jets?|warplanes?|planes?|drones?|quadcopters?|helicopters?|gunships?|airstrikes?)\b"
)


def _ground_strike(sentence: str, low: str, t: Trigger) -> Trigger:
    """An air strike trigger that names no aircraft ("strikes", "retaliatory
    strikes", "carried out strikes") told with guns near it and no aircraft
    in the sentence ("artillery strikes hit villages", "carried out strikes on
    posts with artillery") is shelling: a strike is only from the air when
    something flies."""
    if t.event_type != "airstrike" or t.sub_event_type != "airstrike" or _AIR.search(low):
        return t
    if not _GUN.search(low, max(0, t.start - 40), min(len(low), t.end + 80)):
        return t
    return replace(t, event_type="explosion", sub_event_type="shelling")


#: "traded artillery fire", "heavy exchanges of mortar fire": guns fired
#: both ways (read right before the shelling trigger).
_EXCHANGE_BEFORE = re.compile(
    r"\b(?:exchang(?:ed|ing|e)|traded|trading|trade|exchanges?\s+of)\s+(?:(?:heavy|intense|sporadic|fierce)\s+)?$",
    re.I,
)


def _exchanged_shelling(sentence: str, t: Trigger) -> Trigger:
    """Shelling the two sides traded ("troops traded artillery fire
    across the border", "exchanges of mortar fire") is an exchange of fire,
    a clash (GOLD_FORMAT), not the one-way shelling of a place."""
    if t.sub_event_type != "shelling" or not _EXCHANGE_BEFORE.search(sentence, max(0, t.start - 40), t.start):
        return t
    return replace(t, event_type="armed_clash", sub_event_type="exchange_of_fire")


#: Guns fired at posts: "fired rockets at two border posts", "rocket-propelled
#: grenades fired on a checkpost" (read right after the shelling trigger).
_AT_POSTS_AFTER = re.compile(
    r"(?:\s+(?:from\s+)?(?:across\s+)?(?:the\s+)?[\w-]+(?:\s+(?:side|border|line|territory))?)?"
    r"\s+(?:at|on|upon|towards|against)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:posts?|outposts?|checkpoints?|checkposts?)\b",
    re.I,
)


def _fired_at_posts(sentence: str, t: Trigger) -> Trigger:
    """Rockets, mortars or grenades fired at posts are an attack on them, a
    clash (GOLD_FORMAT: attacks on border posts), as fire at posts is; not
    shells that land in villages, nor artillery on "launch positions"."""
    if t.sub_event_type not in ("shelling", "grenade_attack") or not _AT_POSTS_AFTER.match(sentence, t.end):
        return t
    # (fired: "a grenade attack on a checkpoint" is a bombing of it)
    told = sentence[max(0, t.start - 25) : t.end].lower()
    if not any(w in told for w in ("fire", "lob", "launch", "propelled")):
        return t
    return replace(t, event_type="armed_clash", sub_event_type="attack")


#: A report called untrue, in other words than a denial's ("called reports
#: of shelling baseless", "there was no truth in reports that the crossing
#: had closed", "claims of an air strike were propaganda").
_BASELESS = re.compile(
    r"\b(?:baseless|unfounded|groundless|untrue|fabricated|concocted|propaganda|no\s+truth|not\s+true|fake|"
    r"misleading)\b",
    re.I,
)
_BASELESS_STEMS = (
    *("baseless", "unfounded", "groundless", "untrue", "fabricated", "concocted", "propaganda", "truth"),
    *("fake", "misleading"),
)
_REPORT_OF_BEFORE = re.compile(
    r"\b(?:reports?|claims?|allegations?|accounts?|news|rumou?rs?|stories)\s+(?:of|that|about)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)


def _report_denied(sentence: str, low: str, start: int) -> bool:
    """Is the trigger at ``start`` the content of a report the sentence
    calls untrue ("reports of shelling in Kunar" ... "baseless")? (A report
    someone "denied" is read by the denial rules, where the denial stands.)"""
    if not any(w in low for w in _BASELESS_STEMS):
        return False
    return bool(_REPORT_OF_BEFORE.search(sentence, max(0, start - 80), start) and _BASELESS.search(sentence))


#: A future told with its condition: "Torkham will be closed if the attacks
#: continue" (a modal before the trigger, "if" or "unless" after it in its clause).
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|shall|might|can)\b", re.I)
_IF_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:if|unless)\b", re.I)


def _conditional_future(sentence: str, words: list[str], end: int) -> bool:
    """Is the trigger ending at ``end`` (``words`` before it) a future with its condition?"""
    return bool(_MODAL_BEFORE.search(" ".join(words[-3:])) and _IF_AFTER.match(sentence, end))


def _find_triggers(
    sentence: str, prefilter: bool, scan: dict[int, set[int]] | None = None, low: str | None = None
) -> list[Trigger]:
    habitual = None
    years = None
    breaks = None
    if low is None:
        low = sentence.lower()
    # (a decade and no day: history, every incident of the sentence)
    decade = "0s" in low and bool(_DECADE.search(low)) and not _ON_A_DAY.search(low)
    # Both border patterns below need one of these words.
    border_words = "border" in low or "frontier" in low
    # Every match of _DENIAL holds one of these.
    denial_words = bool(_DENIAL_FILTER.present(low, scan))
    # Every match of _MANDATE holds "that" and one of these.
    mandate = " that" in low and any(w in low for w in _MANDATE_STEMS)
    # Rules in their order (earlier rules claim overlapping text first).
    present = sorted(_FILTER.present(low, scan)) if prefilter else range(len(_COMPILED))
    lowered = lowered_ok(sentence, low)
    starts = _STARTS.starts(low) if lowered and present else None
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    for i in present:
        etype, sub, weak, pattern = _COMPILED[i]
        for m in _STARTS.finditer(i, low, starts) if starts is not None else pattern.finditer(sentence):
            if taken and _overlaps(taken, m.start(), m.end()):
                continue
            taken.append(m.span())
            if breaks is None:
                breaks = _breaks(sentence)
            words = _words_before(sentence, m.start(), breaks)
            window = " ".join(_own_clause(words[-6:]))
            if etype == "fortification" and "to" in window:
                window = _HALT_WORK.sub("", window)
            if "to" in window and ("forc" in window or "prompt" in window or "compel" in window or "oblig" in window):
                window = _FORCED_TO.sub("", window)
            if etype != "talks":
                if habitual is None:
                    habitual = is_habitual(sentence, low, scan)
                if years is None:
                    years = any(w in low for w in ("recent", "years", "decade", "latest", "history")) and bool(
                        _OVER_YEARS.search(low)
                    )
                if years and _OVER_YEARS.search(
                    low, max(low.rfind(",", 0, m.start()), low.rfind(";", 0, m.start()), 0), _comma_after(low, m.end())
                ):
                    continue
                if (
                    habitual
                    or decade
                    or _BLOCKED.search(window)
                    or _supposed(sentence, words, m.end())
                    or (
                        etype == "explosion"
                        and any(w in window.lower() for w in _DEFUSED_STEMS)
                        and _DEFUSED.search(window)
                    )
                    or (sub == "reopening" and _reopening_unreal(sentence, low, m.start(), m.end()))
                    or (sub == "closure" and _generic_closure(sentence, low, m.start(), m.end()))
                    or (etype == "fortification" and _WORK_TO_COME.match(sentence, m.end()))
                    or (
                        etype in VIOLENT
                        and ("relations" in low or "ties" in low or "tension" in low or "first" in low)
                        and _relations_since(sentence, words, m.end())
                    )
                    or (mandate and _MANDATE.search(" ".join(_own_clause(words[-15:], _MANDATE_CUTS))))
                    or (
                        ("anniversar" in low or "commemorat" in low) and _ANNIVERSARY.search(" ".join(words[-7:]) + " ")
                    )
                    or _NEGATION.search(" ".join(_own_clause(words[-3:], _NEGATION_CUTS)))
                    # "denied reports that the crossing in X had also been shut"
                    or (len(words) > 6 and denial_words and _DENIAL.search(" ".join(words[:-6])))
                ):
                    continue
            elif (
                _ACCUSATION.search(window)
                or _IRREALIS_TALKS.search(" ".join(words[-4:]))
                or (low[m.start() : m.end()] == "would meet" and not _MEETING_WHEN_WHERE.match(sentence, m.end()))
                or _CALL_FOR_TALKS.search(" ".join(words[-16:]))
                or _TALKS_UNREAL_AFTER.match(sentence, m.end())
                or _TALKS_STATE_AFTER.match(sentence, m.end())
                or _DECLINED.search(sentence, max(0, m.start() - 60), m.start())
                or _NOT_TALKS.search(sentence, max(0, m.start() - 30), m.start())
                or ("tribes" in low or "communities" in low or "clans" in low or "sects" in low)
                and _TRIBAL.search(sentence)
                or (sub == "visit" and _NOT_TALKS_AFTER.match(sentence, m.end()))
                or (sub == "ceasefire" and _TRUCE_ENDED.search(sentence[max(0, m.start() - 40) : m.start()]))
                or (
                    _DOMESTIC_BODY.search(
                        sentence[max(0, m.start() - 60) : m.end() + 60],
                        low=low[max(0, m.start() - 60) : m.end() + 60] if lowered else None,
                    )
                    and not _BILATERAL.search(sentence)
                )
                # "a jirga of sit-in organisers met the governor": a jirga
                # with an officer of one side only is no talks
                or (
                    _HOME_OFFICE.search(sentence[max(0, m.start() - 60) : m.end() + 60])
                    and not _BILATERAL_SIDES.search(sentence)
                )
            ):
                continue
            if (
                etype == "border_closure"
                and sub == "closure"
                and _NOT_BORDER_CLOSING.search(sentence, max(0, m.start() - 60), min(len(sentence), m.end() + 25), low)
            ):
                continue  # "shops were closed", "markets shut": not the border
            if etype == "border_closure" and sub == "closure" and _road_closing(sentence, breaks, m.start(), m.end()):
                continue  # "the Kohat tunnel was closed for repairs": a road, not the border
            if denial_words and _DENIED_AFTER.match(sentence, m.end()):
                continue  # "reported closed on Monday, but officials denied the reports"
            if etype != "talks" and _report_denied(sentence, low, m.start()):
                continue  # "called reports of shelling in Kunar baseless"
            if etype != "talks" and _conditional_future(sentence, words, m.end()):
                continue  # "Torkham will be closed if the attacks continue"
            heard = etype != "talks" and "hear" in low and bool(_HEARD.search(" ".join(words[-3:])))
            # "It was the third such infiltration attempt in the Zhob sector
            # this year": a count of incidents like the one reported, which
            # only adds to it (weak), as hearsay does
            heard = heard or (etype in VIOLENT and "such" in words[-2:])
            ended = etype == "talks" and bool(
                _ENDED.search(" ".join(words[-4:])) or _ENDED.match(m.group(0)) or _ENDED_AFTER.match(sentence, m.end())
            )
            border = border_words and bool(
                _BORDER_MOD.search(sentence[max(0, m.start() - 60) : m.start()]) or _BORDER_WORD.search(m.group(0))
            )
            # (the lower case of a slice is the slice of the lower case when
            # lower-casing kept every character's offset)
            anaphoric = bool(
                _DEFINITE.search(
                    sentence[max(0, m.start() - 40) : m.start()],
                    low=low[max(0, m.start() - 40) : m.start()] if lowered else None,
                )
            )
            if sub == "closure" and _ENDING_BEFORE.search(" ".join(words[-5:])):
                sub = "reopening"  # "drove into Chaman on Thursday, ending the blockade"
            out.append(Trigger(etype, sub, m.start(), m.end(), weak or heard, ended, border, anaphoric))
    out.sort(key=lambda t: t.start)
    if "strike" in low and any(w in low for w in _GUN_WORDS):
        out = [_ground_strike(sentence, low, t) for t in out]
    if any(t.sub_event_type == "shelling" for t in out) and ("exchang" in low or "trad" in low):
        out = [_exchanged_shelling(sentence, t) for t in out]
    if "post" in low or "checkpoint" in low:
        out = [_fired_at_posts(sentence, t) for t in out]
    strike = next((t for t in out if t.event_type == "airstrike"), None)
    if strike is not None and "bombard" in low:
        # "gunships struck hideouts in Mamund, and residents reported heavy
        # bombardment": a bare bombardment after an air strike in its
        # sentence is that strike, felt on the ground
        out = [
            replace(t, event_type="airstrike", sub_event_type=strike.sub_event_type)
            if t.event_type == "explosion" and t.start > strike.start and low.startswith("bombard", t.start)
            else t
            for t in out
        ]
    return out
