"""Trigger rules of violence: air strikes, explosions and armed clashes.

Rules are ``(event_type, sub_event_type, weak, pattern, anchors)``, as in
:data:`geomap.extract.types._RULES`, which tries these first.
"""

from __future__ import annotations

#: Buildings whose storming is an attack on people, whatever they house.
_BUILDINGS = (
    r"(?:hospitals?|schools?|colleges?|universit(?:y|ies)|hotels?|offices?|banks?|courts?|bases?|"
    r"cantonments?|garrisons?|airports?|prisons?|jails?|barracks|consulates?|embass(?:y|ies))"
)

#: Air strikes, explosions and armed clashes, in the order they are tried.
VIOLENCE_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
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
        # the same told as where the fire came from: "militant fire from
        # across the border killed two soldiers", "gunfire from the Afghan side"
        # (posts that "came under fire from across the border" are attacked, below;
        r"(?<!under\s)(?<!heavy\s)(?<!intense\s)(?:gun)?fire\s+from\s+(?:across\s+the\s+(?:border|frontier|line|durand\s+line)|"
        r"the\s+(?:other|afghan|pakistani)\s+side|(?:afghan|pakistani)\s+(?:territory|soil)|afghanistan\b|pakistan\b)"
        # fire that "hit a post" is an attack on it: news_verbs)
        r"(?!(?:\s+[\w'’-]+){0,6}?\s+(?:had\s+|has\s+|also\s+)?(?:hit|struck|targeted)\b)|"
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
        # (not "targeted terrorist camps", "militant positions": a state's
        # strikes on militants, as it tells them)
        r"police\s+stations?|convoys?|(?<!terrorist\s)(?<!militant\s)(?<!training\s)camps?|compounds?|headquarters|"
        r"forts?|patrols?|(?<!terrorist\s)(?<!militant\s)positions|"
        # "attacked a polio team", "ambushed a police van"
        r"teams?|vans?|vehicles?|buses|bus|soldiers|policemen|troops|guards)|"
        # "unknown gunmen targeted a tribal elder", "a targeted killing"
        r"(?:gunmen|assailants|attackers|militants|terrorists)\s+(?:on\s+\w+\s+)?(?:targeted|shot)|targeted\s+killings?|"
        # "killed 12 militants in an intelligence-based operation"
        # (one operation: "repeated military operations" are a history)
        # (not one under way told as the forces' state: "forces are busy in
        # military operation near the area", no incident of a day)
        r"(?<!\bbusy\sin\s)(?<!\bbusy\swith\s)(?<!\bbusy\sin\sa\s)(?<!\bbusy\swith\sa\s)"
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
        # ("The conflict took place on Friday at the Chaman border": its day and place)
        r"(?:attack|raid|strike|assault|ambush|bombing|blast|conflict|incident|encounter)\s+"
        r"(?:took\s+place|happened|occurred)",
        ("took place", "happened", "occurred"),
    ),
    # "The incident in Bajaur district was the first of its kind": the
    # incident just told, named by a bare noun with the place it happened
    (
        "armed_clash",
        "border_fighting",
        True,
        r"(?<![\w-])(?:the|this|that)\s+(?:incident|attack)\s+(?:in|at|near)\s+(?=[A-Z])",
        ("incident", "attack"),
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
]
