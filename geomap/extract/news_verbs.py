"""Trigger rules for common news verbs that the main rules of
:mod:`geomap.extract.types` do not read: artillery that "pounded" a place,
a post "overran", trade "halted" at a crossing, a ban on trade "lifted",
a mine that went off, strikes on "hideouts", ground raids ("a raid by
troops on a village") and an attack named by its noun and told as it
happened ("the assault began at dawn").

Kept apart so that each wording has one short rule of the same shape as
:data:`geomap.extract.types._RULES` (appended after them: the main rules
claim overlapping text first).
"""

from __future__ import annotations

#: (event_type, sub_event_type, weak, pattern, anchors), as in ``types._RULES``.
NEWS_VERB_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    (
        "airstrike",
        "airstrike",
        False,
        # aircraft told with an aside before the verb: "helicopter gunships of
        # the security forces pounded hideouts" (before the ground rules below)
        r"(?:helicopters|gunships|jets|warplanes|aircraft|drones)\s+(?:[\w'’-]+\s+){2,5}?"
        r"(?:pounded|bombed|bombarded|strafed|struck|targeted)",
        ("helicopter", "gunship", "jets", "warplane", "aircraft", "drones"),
    ),
    (
        "explosion",
        "shelling",
        False,
        # "artillery pounded Afghan positions", "heavy guns hammered the
        # villages", "pounded the posts with mortars" (jets that pound are
        # an air strike: that rule comes first)
        r"(?:artillery|guns|howitzers|mortars|tanks|cannons?)\s+(?:[\w'’-]+\s+){0,2}?"
        r"(?:pounded|pounding|pounds|hammered|hammering|pummell?ed|pummell?ing|rained\s+shells)|"
        r"(?:pounded|pounding|hammered|hammering|pummell?ed|pummell?ing)\s+(?:[\w'’-]+\s+){0,4}?with\s+"
        r"(?:heavy\s+)?(?:artillery|mortars?|shells|rockets|heavy\s+weapons|long-range\s+guns)|"
        # "forces pounded Afghan positions" (from the ground: aircraft or
        # strikes that pound are read first as air strikes)
        r"(?:pounded|pounding|hammered|hammering|pummell?ed|pummell?ing)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:positions|posts|villages|hideouts|bunkers|areas)\b",
        ("pound", "hammer", "pummel", "rained"),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # one post overrun, captured, seized or destroyed ("militants overran a border post",
        # "a checkpoint was overrun"); several are read by the main rules
        r"(?:overran|overrun|overrunning|captured|capturing|seized|destroyed)\s+(?:an?\s+|the\s+|one\s+)(?:[\w'’-]+\s+){0,2}?"
        r"(?:post|outpost|checkpoint|checkpost|position|bunker|fort)\b|"
        r"(?:post|outpost|checkpoint|checkpost|position|fort)\s+(?:was|had\s+been)\s+overrun",
        ("overran", "overrun", "captur", "seized", "destroyed"),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # fire with an adverb before its target: "fired first on one of his
        # posts", "fired indiscriminately at villages", "fired again on the guards"
        r"(?:fired|firing)\s+(?:first|again|repeatedly|indiscriminately|heavily|directly|deliberately|"
        r"without\s+provocation)\s+(?:on|at|upon|into)\s+(?:[\w'’-]+\s+){0,4}?"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|positions|troops|forces|soldiers|patrols?|guards|"
        r"policemen|villages?|homes|houses|civilians)",
        ("fired", "firing"),
    ),
    (
        "armed_clash",
        "ground_raid",
        False,
        # a ground raid: "troops raided a village near the crossing",
        # "killed four militants in a night raid" (air and helicopter raids
        # are air strikes: those rules come first)
        # (also a headline's present, "troops raid village", and the noun with
        # its target, "a raid by foreign troops on a village")
        r"raid(?:ed|ing|s)?\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:village|villages|house|houses|home|homes|hideouts?|hide-outs?|compound)|"
        r"raids?\s+(?:by\s+(?:[\w'’-]+\s+){1,4}?)?on\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:village|villages|house|houses|home|homes|hideouts?|hide-outs?|compound)|"
        r"(?:in|during)\s+an?\s+(?:night|ground|cross-border|pre-dawn|dawn|commando)\s+raid",
        ("raid",),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # an attack on where people live: "fighters attacked villages near
        # the crossing", "gunmen stormed the houses of two elders", "an assault
        # on a village" (not a word attacked: "attacked the village's leaders
        # in a speech" names people, not the village)
        r"(?:attacked|stormed|assaulted|overran)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|nearby\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:villages?|hamlets|homes|houses)\b(?!['’])|"
        r"(?:attacks?|assaults?)\s+on\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:villages?|hamlets)\b(?!['’])",
        ("attack", "storm", "assault", "overran"),
    ),
    (
        "explosion",
        "explosion",
        False,
        # a bomb told with what held it before the verb: "a bomb hidden in a
        # motorcycle went off", "an explosive device planted on the roadside
        # went off" (not an alarm or a deadline that went off)
        r"(?:bombs?|explosive\s+devices?|explosives|IEDs?)\s+(?:[\w'’-]+\s+){0,5}?(?:went\s+off|blew\s+up)",
        ("bomb", "explosive", "ied"),
    ),
    (
        "explosion",
        "explosion",
        False,
        # a bomb told by what it did: "a bomb killed five", "a bomb planted on
        # a motorcycle near the post on Monday wounded two" (not a bomb found,
        # defused or only feared, nor a bomb squad; the noun only, what it
        # did ahead: the toll's verb is claimed by the main rules first)
        r"(?:bombs?|explosive\s+devices?|IEDs?)(?!\s+(?:disposal|squads?|threats?|scares?|hoax|makers?|making)\b)"
        r"(?=\s+(?:(?!(?:defused|found|recovered|seized|disposal|squad|threat|scare|hoax|would|could|might|may|will)\b)"
        r"[\w'’,-]+\s+){0,10}?(?:killed|wounded|injured|exploded|detonated)\b)",
        ("bomb", "explosive", "ied"),
    ),
    (
        "airstrike",
        "airstrike",
        False,
        # bombs dropped ("the military dropped its largest bomb on a tunnel
        # complex"; not leaflets, aid or charges) and aircraft told in a
        # timeline's or headline's present ("aircraft strike hideouts",
        # "jets bomb villages")
        r"dropped\s+(?:an?\s+|the\s+|its\s+|their\s+|two\s+|several\s+)?(?:[\w'’-]+\s+){0,4}?(?:bombs?|munitions)\b|"
        # (the present with a target named by its kind: a headline's "jets
        # strike Paktika and Khost" sums up strikes the body places itself)
        r"(?:aircraft|warplanes?|jets?|drones?|helicopters?|gunships?)\s+(?:strike|bomb|pound|target|hit)s?\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:hideouts?|hide-outs?|targets|positions|villages?|posts?|camps?|compounds?|"
        r"areas?|houses|homes|bases?|convoys?|vehicles?)\b",
        ("dropped", "aircraft", "warplane", "jet", "drone", "helicopter", "gunship"),
    ),
    (
        "armed_clash",
        "military_operation",
        False,
        # "began an operation against the group in Kot district", "launched
        # an offensive operation against militants" (the main rules read an
        # operation named by its kind: "a military operation")
        r"(?:launched|began|begun|started|conducted|carried\s+out|mounted)\s+(?:an?\s+|the\s+|a\s+new\s+)?"
        r"(?:[\w-]+\s+){0,2}?operations?\s+against",
        ("operation",),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # an attack named by its noun and told as it happened: "the assault
        # began at dawn on Saturday", "the raid took place before dawn" (the
        # noun alone may be a word of policy: "an attack on sovereignty")
        r"(?:attack|assault|raid|ambush)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:began|begun|started|took\s+place|happened|occurred|lasted|unfolded)\b",
        ("attack", "assault", "raid", "ambush"),
    ),
    (
        "explosion",
        "explosion",
        False,
        # "a mine exploded near the post", "a mine blast" (a landmine is read already)
        r"(?<!coal\s)mines?\s+(?:blast|explosion|exploded|went\s+off|detonated)|(?:stepped|drove)\s+on\s+an?\s+mine",
        ("mine",),
    ),
    (
        "airstrike",
        "airstrike",
        False,
        # "the military said it struck Taliban hideouts in Khost": a state's
        # forces striking militants' hideouts or targets across the line
        # strike from the air (plain "targets" only as the militants': "the
        # TTP hit targets across the province" is no air strike)
        r"(?:struck|strikes|striking|hit|bombed|targeted)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:hideouts|hide-outs|safe\s+havens|sanctuaries|training\s+camps)\b|"
        r"(?:struck|strikes|striking|hit|bombed|targeted)\s+(?:[\w'’-]+\s+){0,2}?"
        r"(?:militant|terrorist|taliban|ttp|insurgent|khawarij|khwarij)\s+targets\b",
        ("hideout", "hide-out", "haven", "sanctuar", "training camp", "targets"),
    ),
    (
        "armed_clash",
        "exchange_of_fire",
        False,
        # "a gun battle broke out near the gate", "an hours-long gunbattle"
        r"gun\s*-?\s*battles?",
        ("gun",),
    ),
    (
        "talks",
        "negotiation",
        False,
        # "the delegations were negotiating in Doha", "held parleys at Torkham"
        r"negotiating|parleys?",
        ("negotiating", "parley"),
    ),
    (
        "talks",
        "ceasefire",
        False,
        # "agreed to halt fire", "an agreement to stop the fighting"
        r"(?:agreed|agreement|agree|deal)\s+to\s+(?:halt|stop|cease|end)\s+(?:the\s+|all\s+)?"
        r"(?:fire|firing|fighting|hostilities|shelling)",
        ("agree", "deal"),
    ),
    (
        "trade_disruption",
        "stranded_trucks",
        False,
        # "Afghan trucks were stopped at Torkham" (the lookbehinds read the
        # noun a bare "trucks", run first, has claimed)
        r"(?:stopped|halted|blocked)(?:"
        + "|".join(
            f"(?<={noun}\\s{aux}{verb})"
            for noun in ("trucks", "lorries", "vehicles", "containers")
            for aux in ("were\\s", "had\\sbeen\\s", "have\\sbeen\\s")
            for verb in ("stopped", "halted", "blocked")
        )
        + ")",
        ("stopped", "halted", "blocked"),
    ),
    (
        "border_closure",
        "closure",
        False,
        # "barred Afghan trucks from entering through Torkham" (the verb
        # only: a bare "trucks", run first, claims the noun)
        r"(?:barred|banned|stopped|blocked)(?=\s+(?:[\w'’-]+\s+){0,2}?(?:trucks|lorries|vehicles|containers)\s+"
        r"from\s+(?:entering|crossing|using|passing))",
        ("barred", "banned", "stopped", "blocked"),
    ),
    (
        "border_closure",
        "closure",
        False,
        # "halted trade at Torkham", "stopped all cargo through Chaman" (the
        # passive is read by the main rules)
        r"(?:halt(?:ed|ing|s)?|stop(?:ped|ping|s)?|suspend(?:ed|ing|s)?|block(?:ed|ing|s)?)\s+(?:all\s+)?"
        r"(?:[\w'’-]+\s+){0,2}?(?:trade|cargo|exports|imports|transit|traffic)\s+(?:at|through|across|via)\s",
        ("halt", "stop", "suspend", "block"),
    ),
    (
        "trade_disruption",
        "stranded_trucks",
        False,
        # "hundreds of trucks waited at Torkham" (the past of "waiting"; the
        # lookbehinds read the noun before the verb, which the rule for a bare
        # "trucks", run first, has claimed)
        r"waited(?:"
        + "|".join(
            f"(?<={noun}\\s{aux}waited)"
            for noun in ("trucks", "lorries", "vehicles", "containers", "tankers")
            for aux in ("", "had\\s", "have\\s")
        )
        + ")",
        ("waited",),
    ),
    (
        "fortification",
        "fence_construction",
        False,
        # a fence "set up", as one is put up: "troops set up the wire again
        # near the post", "were setting up a fence" (not barriers, which
        # police set up on a road)
        # (the verb only, the fence ahead of it: the bare "fence" of the main
        # rules, run first, claims the noun)
        r"set(?:s|ting)?\s+up(?=\s+(?:again\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,2}?"
        r"(?:fences?|(?:barbed\s+|razor\s+)?wire)\b)",
        ("set",),
    ),
    (
        "fortification",
        "gate_construction",
        False,
        # a gate "set up" at a crossing: "accused Pakistan of setting up a gate"
        r"set(?:s|ting)?\s+up\s+(?:again\s+)?(?:an?\s+|the\s+|its\s+|their\s+)(?:[\w'-]+\s+){0,2}?gates?\b",
        ("gate",),
    ),
    (
        "fortification",
        "fence_construction",
        False,
        # work on a fence told as it began, stopped or resumed: "work began on
        # the fence in the northern sector", "work on the fence resumed" (the
        # word "work" only: the bare "fence" of the main rules claims the noun)
        r"work(?=\s+(?:began|started|resumed|restarted|halted|stopped)\s+on\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?fences?\b)|"
        r"work(?=\s+on\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?fences?\s+(?:began|started|resumed|restarted|halted|stopped|"
        r"was\s+(?:halted|stopped|suspended|resumed))\b)",
        ("work",),
    ),
    (
        "talks",
        "negotiation",
        False,
        # a round told by its order and held ("the first session was held in
        # the capital", "the next round will be held"; not a session of a
        # house, a court or a campaign)
        r"(?:first|second|third|fourth|fifth|next|last|previous|latest|opening|inaugural)\s+(?:session|round)"
        r"(?!\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:assembly|parliament|senate|court|cabinet|hearings?|polio|"
        r"vaccinations?|voting|elections?|matches|games|protests?|strikes?))"
        r"(?=\s+(?:of\s+(?:[\w'’-]+\s+){1,4}?)?(?:was|were|will\s+be|is\s+to\s+be)\s+held\b)|"
        # the emphatic past: "officials of the two sides did meet at the gate"
        # (not a demand or a target met)
        r"(?<=did\s)meet(?!\s+(?:the\s+|their\s+|its\s+)?(?:criteria|requirements?|demands?|targets?|needs?|deadlines?|"
        r"conditions?|standards?|expectations?|costs?)\b)",
        ("session", "round", "meet"),
    ),
    (
        "armed_clash",
        "attack",
        False,
        # fire that hit a post: "fire from across the line hit a post",
        # "gunfire from the Afghan side had struck two checkpoints"
        r"(?:gun)?fire\s+(?:from\s+(?:across\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,5}?)?(?:had\s+|has\s+|also\s+)?"
        r"(?:hit|struck|targeted)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:posts?|outposts?|checkpoints?|checkposts?|positions|patrols?|convoys?)\b",
        ("fire",),
    ),
    (
        "border_closure",
        "reopening",
        False,
        # a crossing that opened, intransitive: "until the gate opened again
        # on Thursday", "the crossing finally opened for trade" (not a gate
        # that "opened fire", a new "border market opened")
        r"(?:crossings?|gates?|border|terminal)\s+(?:finally\s+|partially\s+|partly\s+|briefly\s+|was\s+)?"
        r"opened(?=\s+(?:again|for|to|on|at|briefly|partially|partly|late|early|only|after|in)\b)",
        ("opened",),
    ),
    (
        "border_closure",
        "reopening",
        False,
        # "lifted the ban on trade at Torkham", "the suspension of traffic was lifted"
        r"lift(?:ed|ing|s)?\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?(?:ban|suspension|restrictions?|blockade)\s+on\s+"
        r"(?:[\w'’-]+\s+){0,2}?(?:trade|movement|traffic|crossings?|transit|cargo)",
        ("lift",),
    ),
]
