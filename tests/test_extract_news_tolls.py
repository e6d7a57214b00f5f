"""Casualties and history of issue 10, third round: sentence-level cases
written for these tests in our own words, each naming the rule it pins."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.extract.numbers import find_casualties
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.mark.parametrize(
    "text, dead",
    [
        ("Doctors said nine bodies had been brought to the district hospital.", 9),
        ("Rescue workers recovered 14 bodies from the collapsed building.", 14),
        ("Three bodies were found near the checkpoint after the firing stopped.", 3),
        # organisations, not the dead
        ("The two bodies agreed to share information on the crossing.", None),
    ],
)
def test_bodies_brought_in_or_recovered_are_the_dead(text, dead):
    assert find_casualties(text).fatalities == dead


def test_a_toll_of_years_ago_is_history_not_the_incident_reported(chain):
    ev = _events(
        chain,
        "Gunmen attacked a police checkpoint in Parachinar on Monday, killing four policemen. "
        "Hundreds of people were killed in fighting in the district between 2007 and 2011.",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "armed_clash"] == [("Parachinar", 4)]


def test_an_event_dated_only_by_a_past_year_is_not_drafted(chain):
    ev = _events(chain, "The Ghulam Khan crossing was also closed for weeks in 2014 during a military operation.")
    assert not [e for e in ev if e.event_type == "border_closure"]


@pytest.mark.parametrize(
    "text, dead",
    [
        # the day of a date is not a toll
        ("A bombing at a market in Quetta on March 12 killed 40 people and wounded 90.", 40),
        # one named victim and a count of others
        ("The gunmen opened fire, killing the local councillor and at least 12 others.", 13),
        ("Militants killed a policeman and two others at the checkpoint.", 3),
        # a count and one more victim
        ("The strike hit a house, killing six children and a woman.", 7),
        # "others" that were wounded are not more dead
        ("The blast killed five people and wounded 20 others.", 5),
    ],
)
def test_tolls_as_reports_word_them(text, dead):
    assert find_casualties(text).fatalities == dead


def test_the_first_place_of_a_sentence_owns_the_toll_told_before_it(chain):
    ev = _events(
        chain,
        "Air strikes on Friday night killed at least ten civilians in Urgun district, "
        "and a second strike hit a house in Barmal district.",
    )
    tolls = {e.location: e.fatalities for e in ev if e.event_type == "airstrike"}
    assert tolls == {"Urgun District": 10, "Barmal District": None}


def test_each_place_keeps_the_toll_told_after_it(chain):
    ev = _events(chain, "Strikes hit Barmal district, killing five, and Sperah district, where three died.")
    tolls = {e.location: e.fatalities for e in ev if e.event_type == "airstrike"}
    assert tolls == {"Barmal District": 5, "Sperah District": 3}


@pytest.mark.parametrize(
    "text, dead",
    [
        ("A wounded officer died on Wednesday, raising to three the number of people killed in the fighting.", 3),
        ("A second soldier died in hospital, raising the death toll to 12.", 12),
    ],
)
def test_raising_the_toll_to_a_figure_replaces_the_count(text, dead):
    assert find_casualties(text).fatalities == dead


@pytest.mark.parametrize(
    "text, dead",
    [
        # attackers counted as such belong to the toll, as in the gold
        ("Five guards were killed and all four gunmen died in the shootout.", 9),
        ("Police said two officers were killed; the three attackers were also killed.", 5),
        # a number only near an attacker noun is no count of attackers
        ("The raid killed two guards and wounded nine people before the attackers were shot dead.", 2),
        # both groups of one clause
        ("Three policemen and eight militants were killed in the fighting.", 11),
        # an aside between the victims and the verb
        ("Six soldiers, one of them a major, were killed when the convoy was ambushed.", 6),
    ],
)
def test_attackers_counted_and_both_groups_of_a_clause_add_to_the_toll(text, dead):
    assert find_casualties(text).fatalities == dead


def test_attackers_killed_in_the_next_sentence_add_to_the_attack(chain):
    ev = _events(
        chain,
        "Three policemen were killed when gunmen raided a checkpoint in Wana on Sunday night. "
        "Other policemen drove them off, killing at least five of the attackers.",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "armed_clash"] == [("Wana", 8)]


def test_attackers_killed_after_a_sentence_relating_two_incidents_add_to_neither(chain):
    ev = _events(
        chain,
        "A car bomb killed ten people at a market in Bannu on Tuesday.\n\n"
        "The bombing came a day after militants stormed a police post in Wana on Monday. "
        "Police said four attackers were killed at the gate.",
    )
    tolls = {e.location: e.fatalities for e in ev if e.event_type == "explosion"}
    assert tolls.get("Bannu") == 10


def test_tolls_told_per_place_in_a_follow_up_go_to_those_places(chain):
    ev = _events(
        chain,
        "Jets bombed two areas of eastern Afghanistan before dawn on Friday.\n\n"
        "The strikes hit homes in Barmal district and in the Sperah district of Khost. "
        "Four men and a boy were killed in Barmal and three women in Khost, officials said.",
    )
    tolls = {e.location: e.fatalities for e in ev if e.event_type == "airstrike"}
    assert tolls == {"Barmal District": 5, "Sperah District": 3}


def test_a_toll_told_before_a_day_after_belongs_to_the_incident_reported_first(chain):
    ev = _events(
        chain,
        "Officials said on Tuesday that jets had bombed a house in Barmal district late on Monday, "
        "killing seven people, two days after a suicide bombing in Wana.",
    )
    tolls = {(e.event_type, e.location): e.fatalities for e in ev}
    assert tolls.get(("airstrike", "Barmal District")) == 7
    assert tolls.get(("explosion", "Wana")) is None


@pytest.mark.parametrize(
    "text, toll",
    [
        ("One policeman was killed and another wounded in the firing.", (1, 1)),
        ("Three guards were killed and five others, most of them traders, wounded.", (3, 5)),
        ("Officials said three soldiers and a driver were hurt.", (None, 4)),
        # two tolls of one sentence stay apart
        ("Twelve villagers were killed and about 40 hurt.", (12, 40)),
        # hospitals' counts of the hurt
        ("Officials said 12 had died and more than 40 were being treated for wounds.", (12, 40)),
        ("A doctor at the district hospital said 17 people had been treated for injuries.", (None, 17)),
        ("Nine of the passengers were treated for their injuries and sent home.", (None, 9)),
        # some of those already counted, not more
        ("The blast wounded 20 people, six of whom were treated for injuries and discharged.", (None, 20)),
        # victims shot dead or gunned down (and the words before an active
        # verb are no victims: "a motorbike")
        ("Gunmen on a motorbike shot dead three policemen near the bazaar.", (3, None)),
        ("Unidentified attackers gunned down two health workers in the village.", (2, None)),
        ("Two guards were shot dead at the gate.", (2, None)),
        # the hurt who later died are more dead, not a count of the hurt
        ("Police first said 20 were killed; three of the wounded later died in hospital.", (23, None)),
        ("The toll stood at 11 on Monday; two of the injured, flown to Quetta, died overnight.", (11, None)),
    ],
)
def test_the_hurt_told_with_the_dead_or_in_groups(text, toll):
    c = find_casualties(text)
    assert (c.fatalities, c.injuries) == toll


def test_a_toll_sentence_naming_one_place_of_the_incident_goes_to_that_place(chain):
    ev = _events(
        chain,
        "Air strikes hit villages in Barmal and Sperah districts before dawn on Sunday.\n\n"
        "In Barmal, nine people were killed and four wounded, a district official said.",
    )
    tolls = {e.location: (e.fatalities, e.injuries) for e in ev if e.event_type == "airstrike"}
    assert tolls == {"Barmal District": (9, 4), "Sperah District": (None, None)}


@pytest.mark.parametrize(
    "text, dead",
    [
        ("In Chaman, a hospital doctor said seven people were killed.", 7),
        ("Two guards including a sergeant were killed.", 2),
    ],
)
def test_the_victims_words_hold_no_other_count(text, dead):
    assert find_casualties(text).fatalities == dead


def test_per_place_tolls_after_strikes_told_with_an_aside_and_a_headline(chain):
    ev = _events(
        chain,
        "Jets bombed two areas of eastern Afghanistan before dawn on Friday.\n\n"
        "An official said the strikes, at about 2 a.m., hit homes in Barmal district and in the Sperah "
        "district of Khost. Four men and a boy were killed in Barmal and three women in Khost, he said.",
        title="Jets strike Paktika and Khost",
    )
    tolls = {e.location: e.fatalities for e in ev if e.event_type == "airstrike"}
    assert tolls.get("Barmal District") == 5 and tolls.get("Sperah District") == 3
    assert "Khost" not in tolls


@pytest.mark.parametrize(
    "text, dead, hurt",
    [
        # a precise count beside a vague one keeps only the precise one
        ("At least eleven villagers were killed and dozens were wounded by the shells.", 11, None),
        ("Scores of people were hurt and four were killed in the stampede at the gate.", 4, None),
        # a count before a vague quantity is not its victims' count
        ("Both armies claim the battle left dozens dead.", None, None),
        ("Hundreds of families fled and three children were injured.", None, 3),
        # the attackers named after a group of victims are not that group
        ("Five policemen and eight attackers died in the assault.", 13, None),
        # a count before "before" is not the dead told after it
        ("The gunmen wounded eleven people before the attackers were killed.", None, 11),
        # victims named at length
        ("An official said three members of the provincial police reserve force were injured.", None, 3),
        # shot dead
        ("A shopkeeper was shot dead outside his home on Friday.", 1, None),
        # round 6: a long aside between the victims and their verb
        (
            "Four guards died and 31 people, among them a group of schoolboys waiting for a bus, were wounded.",
            4,
            31,
        ),
        # an abbreviation with dots among the victims' words
        ("Two U.N. staff members were killed when the convoy was hit.", 2, None),
        ("Five U.S. soldiers died in the assault on the outpost.", 5, None),
        # a later count of the hurt replaces the first
        ("Police said later that the number of wounded had risen to 41.", None, 41),
        ("Six people died, and the number of people injured rose to 20.", 6, 20),
        ("The injury toll reached 15 by the evening, hospital staff said.", None, 15),
        # a number of something else is no count of the hurt
        ("The number of trucks waiting had risen to 900.", None, None),
    ],
)
def test_counts_of_victims(text, dead, hurt):
    """Vague quantities are no toll; groups of victims and attackers."""
    c = find_casualties(text)
    assert (c.fatalities, c.injuries) == (dead, hurt)


def test_a_toll_told_of_the_incident_another_followed_is_not_its_toll(chain):
    ev = _events(
        chain,
        "A suicide bomber struck a market in Parachinar on Friday, killing 12 people. "
        "The bombing followed weeks of unrest in the district that left 40 people dead.",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "explosion"] == [("Parachinar", 12)]


# -- each side's losses, told apart, add up (round 4) -----------------------


def _clash_toll(chain, text):
    return [(e.fatalities, e.injuries) for e in _events(chain, text) if e.event_type == "armed_clash"]


def test_each_sides_losses_told_apart_add_up(chain):
    text = (
        "Border guards of the two countries traded fire at Ghulam Khan on Monday. "
        "A Pakistani official said three FC soldiers were wounded. "
        "A Taliban spokesman in Khost said one Afghan guard died and two were injured."
    )
    assert _clash_toll(chain, text) == [(1, 5)]


def test_one_side_told_twice_is_counted_once(chain):
    text = (
        "Border guards of the two countries traded fire at Ghulam Khan on Monday, killing a Taliban guard. "
        "Afghan officials said the guard had died and a second man was wounded."
    )
    assert _clash_toll(chain, text) == [(1, 1)]


def test_a_total_for_both_sides_is_not_added_to_a_sides_count(chain):
    text = (
        "Border guards of the two countries traded fire at Ghulam Khan on Monday. "
        "A Pakistani official said two soldiers were killed. "
        "In all, two people were killed and nine wounded on both sides, officials said."
    )
    assert _clash_toll(chain, text) == [(2, 9)]


def test_none_on_one_side_is_no_count_when_the_other_gives_none(chain):
    text = (
        "Border guards of the two countries traded fire at Ghulam Khan on Monday. "
        "Four Pakistani civilians were injured by the firing, a district officer said. "
        "The Afghan side said nobody was hurt."
    )
    assert _clash_toll(chain, text) == [(None, 4)]


@pytest.mark.parametrize(
    "sentence, side",
    [
        ("A Pakistani official said two FC soldiers were hurt.", "PK"),
        ("The Taliban's interior ministry said one guard was killed.", "AF"),
        ("On the Afghan side, a district spokesman said six people were wounded.", "AF"),
        ("Pakistani troops and Afghan guards traded fire, and two people died.", ""),
        ("The death toll rose to 12 on Tuesday, Pakistani officials said.", ""),
    ],
)
def test_whose_losses_a_sentence_tells(sentence, side):
    from geomap.extract.numbers import toll_side

    assert toll_side(sentence) == side


@pytest.mark.parametrize(
    "text, dead",
    [
        # a named man and a count of his men
        ("Officials said the commander and three of his guards were killed in the raid.", 3),
        ("Officials said Haqqani and three of his guards were killed in the raid.", 4),
        ("A police officer said Khan and two others died in hospital.", 3),
        # a speaker is no group of victims
        ("A spokesman said Rahim and four of his men were killed.", 5),
    ],
)
def test_a_named_victim_and_a_count_of_his_men(text, dead):
    assert find_casualties(text).fatalities == dead


def test_a_headline_total_is_not_added_to_the_attackers_told_in_the_body(chain):
    ev = _events(
        chain,
        "Militants stormed a checkpoint in Kurram on Tuesday, killing two soldiers. "
        "Troops killed four of the militants as they withdrew, the army said.",
        title="Six dead as militants storm Kurram checkpoint",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "armed_clash"] == [("Kurram District", 6)]


def test_each_place_told_again_gets_the_part_of_the_toll_its_clause_tells(chain):
    ev = _events(
        chain,
        "Rockets from across the border landed in Dangam and Marawara districts on Tuesday night. "
        "Doctors said four of those hurt came from Marawara, while two others were injured in Dangam.",
    )
    tolls = {e.location: e.injuries for e in ev if e.event_type == "explosion"}
    assert tolls == {"Marawara District": 4, "Dangam District": 2}


def test_a_toll_told_after_an_attack_on_several_places_is_no_one_places(chain):
    ev = _events(
        chain,
        "Taliban fighters attacked posts at Angoor Adda, Kurram and Chitral on Saturday night. "
        "A Taliban spokesman said 40 soldiers had been killed.",
    )
    assert all(e.fatalities is None for e in ev if e.event_type == "armed_clash")


def test_the_assault_told_after_a_suicide_bombing_is_the_bombing_with_its_tolls(chain):
    # a blast, then the storming of the same target and the fight with the
    # attackers: one incident, the bombing, whose toll counts the attackers
    # killed in the fighting and the wounded told after it
    ev = _events(
        chain,
        "A suicide bomber blew up a truck at the gate of a paramilitary fort in Zhob on Sunday night, "
        "killing nine soldiers. Gunmen then stormed the fort in Zhob and traded fire with the troops for "
        "several hours. Six of the militants were killed in the fighting. Twenty-two people were wounded.",
    )
    assert [(e.event_type, e.location, e.fatalities, e.injuries) for e in ev] == [("explosion", "Zhob", 15, 22)]


def test_a_shooting_told_beside_the_bombing_it_preceded_stays_its_own_incident(chain):
    # the shooting and the bombing share a sentence (the first that tells
    # the bombing): two incidents; the later wounded are the bombing's
    ev = _events(
        chain,
        "Gunmen shot dead a police officer at a checkpoint in Zhob on Sunday morning, and a suicide bomber later "
        "struck the hospital where his body had been taken, killing eight people. "
        "Thirty people were wounded in the blast.",
    )
    assert sorted(e.event_type for e in ev) == ["armed_clash", "explosion"]
    assert [(e.fatalities, e.injuries) for e in ev if e.event_type == "explosion"] == [(8, 30)]


def test_gunfire_told_as_a_separate_attack_after_a_bombing_stays_apart(chain):
    ev = _events(
        chain,
        "A suicide bomber struck a police station in Zhob on Sunday, killing five officers. "
        "In a separate attack in Zhob later the same day, gunmen shot dead two soldiers at a checkpoint.",
    )
    tolls = sorted((e.event_type, e.fatalities) for e in ev)
    assert tolls == [("armed_clash", 2), ("explosion", 5)]


def test_a_toll_told_after_hours_after_is_the_earlier_incidents(chain):
    ev = _events(
        chain,
        "Militants raided a girls' school in Parachinar on Thursday and shot dead four guards, "
        "hours after a shopkeeper was killed in another attack in the town.",
    )
    assert [e.fatalities for e in ev if e.event_type == "armed_clash"] == [4]


def test_a_bare_toll_goes_to_the_incident_whose_place_it_names(chain):
    # the clash was told first, the strikes last: the toll naming the
    # clash's town is the clash's, not dropped as the strikes'
    ev = _events(
        chain,
        "Afghan and Pakistani forces clashed around Spin Boldak on Tuesday, and Pakistani jets later "
        "struck targets in Kabul. Officials said nine civilians were killed and 40 wounded in Spin Boldak.",
    )
    clash = [(e.fatalities, e.injuries) for e in ev if e.event_type == "armed_clash"]
    assert clash == [(9, 40)]


# -- round 5: tolls of the held-out follow-up (issue 10) --------------------


@pytest.mark.parametrize(
    "text, dead",
    [
        ("A US drone strike near Spin Boldak killed Taliban commander Qari Hamid on Friday.", 1),
        ("The strike killed the leader of the Jamaat-ul-Ahrar faction, Omar Khalid, in Paktika.", 1),
        ("The raid killed the group's deputy chief, Maulvi Saeed, and wounded two guards.", 1),
        ("Mullah Hakeem, the commander of the group in Bajaur, was killed when a drone hit his car.", 1),
        # no name: an unnamed leader is not counted, as the annotators do not
        ("Last year a drone strike in Kunar killed the leader of the group, and talks stalled.", None),
        # the leader's relative, not the leader
        ("Gunmen killed the brother of a tribal leader in Bajaur.", None),
        ("A drone strike killed the commander's son near Miranshah.", None),
    ],
)
def test_a_named_leader_killed_is_a_toll_of_one(text, dead):
    assert find_casualties(text).fatalities == dead


@pytest.mark.parametrize(
    "text, dead",
    [
        # a part of the group counted before is not counted again
        ("All four attackers were also killed; three of them blew themselves up near the gate.", 4),
        ("Two of them blew themselves up and the third was shot dead by police.", 3),
        ("Commandos stormed the building, killing all 12 militants holed up inside.", 12),
        ("Three gunmen raided a hotel in Quetta, killing nine guests, before being shot dead by commandos.", 12),
        ("The bomber was also killed.", 1),
        # the suicide bomber alone is not counted; nor attackers who got away
        ("A suicide bomber blew himself up at the gate, killing 12 people.", 12),
        ("Gunmen killed nine guests at the hotel before escaping on motorbikes.", 9),
        ("Five soldiers were wounded, and two of them later died in hospital.", 2),
    ],
)
def test_attackers_who_died_are_counted_once(text, dead):
    assert find_casualties(text).fatalities == dead


def test_dead_told_as_also_killed_add_to_the_incident(chain):
    ev = _events(
        chain,
        "Six policemen were killed when militants stormed a police post in Tank on Monday, officials said. "
        "A passer-by was also killed.",
    )
    assert [e.fatalities for e in ev if e.event_type == "armed_clash"] == [7]


def test_dead_told_again_without_also_restate_the_toll(chain):
    ev = _events(
        chain,
        "Six policemen were killed when militants stormed a police post in Tank on Monday, officials said. "
        "A police spokesman said one of the dead was a station officer.",
    )
    assert [e.fatalities for e in ev if e.event_type == "armed_clash"] == [6]


def test_attackers_who_blew_themselves_up_add_to_the_assault(chain):
    ev = _events(
        chain,
        "Gunmen stormed a police post in Zhob late on Monday, killing 40 recruits. "
        "Two of them blew themselves up and the third was shot dead by troops, officials said.",
    )
    assert sorted(e.fatalities for e in ev) == [43]


def _tolls(ev):
    return sorted((e.location, e.fatalities, e.injuries) for e in ev)


def test_a_toll_told_in_a_place_named_again_is_that_places(chain):
    # the toll follows Mohmand's name but is told "in Bajaur"
    ev = _events(
        chain, "Afghan forces fired on posts in Bajaur and in Mohmand on Monday, and a soldier was killed in Bajaur."
    )
    assert _tolls(ev) == [("Bajaur District", 1, None), ("Mohmand District", None, None)]


def test_a_toll_told_in_the_second_place_is_not_the_firsts(chain):
    ev = _events(
        chain,
        "Mortar shells fired from across the border landed in Dangam and Sheltan on Monday, "
        "and two children were wounded in Sheltan.",
    )
    assert _tolls(ev) == [("Dangam District", None, None), ("Sheltan", None, 2)]


@pytest.mark.parametrize(
    "second, dead",
    [
        # one side's claim of the attackers it killed is not added
        ("The military claimed that ten attackers had been killed in the fighting.", 4),
        ("The army said nine militants were killed, but there was no independent confirmation.", 4),
        # attackers whose death the report stands behind are
        ("Troops killed all six attackers after a three-hour gunfight, officials said.", 10),
    ],
)
def test_a_sides_claim_of_attackers_killed_is_not_added(chain, second, dead):
    ev = _events(
        chain, "Four soldiers were killed when militants attacked a post in Bajaur on Sunday, officials said. " + second
    )
    assert [e.fatalities for e in ev if e.event_type == "armed_clash"] == [dead]


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Half a dozen guards were wounded when the shell hit the post.", (None, 6)),
        ("A dozen people were hurt in the blast.", (None, 12)),
        ("Two of the injured later succumbed to their wounds in Peshawar.", (2, None)),
        ("The shell killed two children and a woman in Asmar.", (3, None)),
        ("A sniper fired on a check post on Monday, martyring a soldier and injuring two others.", (1, 2)),
    ],
)
def test_tolls_in_words(text, toll):
    c = find_casualties(text)
    assert (c.fatalities, c.injuries) == toll


@pytest.mark.parametrize(
    "second, dead",
    [
        ("Two more died later in hospital.", 5),
        ("Another two soldiers died of their wounds on Tuesday.", 5),
        # an update that already counts them: the larger figure, not a sum
        ("Four of the soldiers died, officials said on Tuesday.", 4),
    ],
)
def test_dead_told_as_more_add_to_the_toll(chain, second, dead):
    ev = _events(chain, "Three soldiers were killed when militants attacked a post in Zhob on Monday. " + second)
    assert [e.fatalities for e in ev if e.event_type == "armed_clash"] == [dead]


def test_a_toll_told_after_a_list_of_places_is_no_one_places(chain):
    ev = _events(
        chain,
        "Rockets fired from across the border struck villages in Dangam and in Sheltan on Tuesday, "
        "killing two civilians and wounding five.",
    )
    assert _tolls(ev) == [("Dangam District", None, None), ("Sheltan", None, None)]


def test_a_toll_told_in_a_clause_of_the_last_place_is_its_own(chain):
    # not a list: each place has its own clause and toll
    ev = _events(chain, "Shells hit Dangam district on Tuesday, and a rocket landed in Sheltan, killing a child.")
    assert _tolls(ev) == [("Dangam District", None, None), ("Sheltan", 1, None)]


@pytest.mark.parametrize(
    "second, toll",
    [
        ("Doctors said 11 people were being treated for injuries at the district hospital.", (3, 11)),
        ("Rescuers said two bodies were pulled from the wreckage.", (3, None)),
        # no count: nothing to add
        ("The bodies were handed over to their families.", (3, None)),
    ],
)
def test_a_toll_in_words_no_trigger_reads_continues_the_incident(chain, second, toll):
    ev = _events(chain, "A roadside bomb hit a police van in Khar on Monday, killing three policemen. " + second)
    assert [(e.fatalities, e.injuries) for e in ev if e.event_type == "explosion"] == [toll]


def test_bodies_found_after_a_strike_are_its_dead(chain):
    ev = _events(chain, "A drone struck a car near Noshki on Saturday. Two bodies were found at the site.")
    assert [e.fatalities for e in ev if e.event_type == "airstrike"] == [2]


def test_each_sides_losses_go_to_its_own_place(chain):
    ev = _events(
        chain,
        "Pakistani troops and Afghan border guards exchanged fire at Angoor Adda and in Barmal district on Thursday. "
        "A Pakistani official said three soldiers were hurt; Afghan officials said two guards were killed.",
    )
    assert _tolls([e for e in ev if e.event_type == "armed_clash"]) == [
        ("Angoor Adda", None, 3),
        ("Barmal District", 2, None),
    ]


# -- round 6 (rulesd): asides, abbreviations and updated counts of the hurt ---


def test_a_risen_count_of_the_hurt_is_the_incidents_latest(chain):
    ev = _events(
        chain,
        "Pakistani shelling hit Dangam on Monday, killing three civilians and wounding 12. "
        "On Tuesday, a district official said the number of wounded had risen to 19.",
    )
    assert [(e.fatalities, e.injuries) for e in ev if e.event_type == "explosion"] == [(3, 19)]


def test_a_claim_merged_into_a_mention_without_toll_stays_a_claim():
    # an attack in Khyber told with no toll, then a spokesman's claim of the
    # militants killed: merged into the ambush at Landi Kotal inside the
    # district, the claim yields to the reported toll (2 dead, 3 hurt)
    import datetime as dt

    from geomap.extract.dates import DateMention
    from geomap.extract.draft import DraftEvent
    from geomap.extract.merging import merge_within
    from geomap.geocoders.base import Place

    khyber = Place(name="Khyber District", lat=34.0, lon=71.2, country="PK", precision=2, kind="district")
    town = Place(name="Landi Kotal", lat=34.0988, lon=71.14108, country="PK", precision=1, kind="town")
    day = DateMention(dt.date(2024, 5, 13), "day", 0, 6, kind="weekday")
    ambush = DraftEvent("d", "armed_clash", "attack", town, fatalities=2, injuries=3, sentences=[0], date=day)
    told = DraftEvent("d", "armed_clash", "attack", khyber, sentences=[3], date=day)
    claim = DraftEvent(
        "d", "armed_clash", "border_fighting", khyber, fatalities=14, sentences=[4], date=day, date_rank=2, claimed=True
    )
    merged = merge_within([ambush, told, claim], dt.date(2024, 5, 15))
    assert [(e.location, e.fatalities, e.injuries) for e in merged] == [("Landi Kotal", 2, 3)]


# -- no one hurt (rulesh) --------------------------------------------------------


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Three shells landed near Tani, officials said, without causing any casualties.", (0, 0)),
        ("Two rockets fell in an orchard without causing harm.", (0, 0)),
        ("Nobody was harmed, the district chief said.", (0, 0)),
        # a warning is no harm
        ("Two soldiers were shot dead without any warning.", (2, None)),
        ("The pharmacy near the bazaar stayed shut.", (None, None)),
    ],
)
def test_without_harm_is_no_toll(text, toll):
    got = find_casualties(text)
    assert (got.fatalities, got.injuries) == toll


@pytest.mark.parametrize("after", ["No one was hurt.", "Nobody was hurt.", "No one was injured there."])
def test_no_one_hurt_told_alone_is_the_toll_of_the_incident_just_told(chain, after):
    ev = _events(chain, f"Two mortar shells fired from Afghanistan landed near the Chaman crossing on Monday. {after}")
    assert [(e.event_type, e.fatalities, e.injuries) for e in ev] == [("explosion", 0, 0)]


def test_no_one_hurt_far_from_an_incident_tells_no_toll(chain):
    ev = _events(
        chain,
        "Two mortar shells fired from Afghanistan landed near the Chaman crossing on Monday. "
        "Traders said business had been slow for weeks. Officials said the market would reopen soon. "
        "Prices of flour rose in the town. No one was hurt.",
    )
    assert [(e.event_type, e.fatalities, e.injuries) for e in ev] == [("explosion", None, None)]


def test_a_short_label_with_no_toll_is_still_no_report(chain):
    ev = _events(chain, "Cross-border shelling.\n\nThe crossing at Chaman was busy on Monday, traders said.")
    assert [e.event_type for e in ev if e.event_type == "explosion"] == []


@pytest.mark.parametrize(
    "text, dead",
    [
        ("The toll rose to seven on Thursday.", 7),
        ("By the evening the toll in Bajaur had risen to 11, the hospital said.", 11),
        # a charge on a road, a cost to business: no dead
        ("The toll on the motorway rose to 300 rupees.", None),
        ("Traders said the toll on their business rose to millions of rupees.", None),
    ],
)
def test_a_risen_toll_alone_is_the_latest_count_of_the_dead(text, dead):
    assert find_casualties(text).fatalities == dead


def test_a_risen_toll_told_after_the_incident_is_its_toll(chain):
    ev = _events(
        chain,
        "Pakistani and Afghan forces exchanged fire at the Chaman crossing on Tuesday, officials said. "
        "Two soldiers were killed, a hospital official said. Traders closed their shops in the bazaar. "
        "Later the toll in Chaman rose to four.",
    )
    assert [(e.location, e.fatalities) for e in ev if e.event_type == "armed_clash"] == [("Chaman", 4)]


@pytest.mark.parametrize(
    "second, dead, hurt",
    [
        # each side tells its own losses: they add up
        ("The Taliban said eight of their fighters died and 20 civilians were wounded.", 11, 20),
        ("Afghan officials said two of their border guards were killed.", 5, None),
        # one side's claim of the other's losses is not its own: the larger figure stands
        ("The Taliban said they had killed eight Pakistani soldiers.", 8, None),
    ],
)
def test_each_side_telling_its_own_losses_adds_up(chain, second, dead, hurt):
    ev = _events(
        chain, f"Pakistan said three of its soldiers were killed in the fighting at Chaman on Monday. {second}"
    )
    assert [(e.fatalities, e.injuries) for e in ev if e.event_type == "armed_clash"] == [(dead, hurt)]


@pytest.mark.parametrize(
    "text, tolls",
    [
        # a toll told as what strikes on a list of places did is no one place's
        (
            "Pakistani air strikes on Khost and Paktika provinces late on Tuesday killed at least 20 people.",
            [("Khost Province", None), ("Paktika Province", None)],
        ),
        (
            "Drones struck Barmal and Urgun on Tuesday and killed eleven people.",
            [("Barmal District", None), ("Urgun", None)],
        ),
        # one place: its toll
        ("Drones struck a house in Barmal on Tuesday and killed four people.", [("Barmal District", 4)]),
    ],
)
def test_a_toll_of_a_whole_list_of_places_is_none_of_them(chain, text, tolls):
    assert sorted((e.location, e.fatalities) for e in _events(chain, text) if e.event_type == "airstrike") == tolls


@pytest.mark.parametrize(
    "tail, tolls",
    [
        # a toll told once for the incidents at several places is none of them
        ("and four guards were killed in the two clashes.", [None, None]),
        ("and four guards were killed in both attacks.", [None, None]),
    ],
)
def test_a_toll_told_once_for_several_clashes_is_none_of_them(chain, tail, tolls):
    text = f"Officials said militants attacked posts in Kurram on Monday and in North Waziristan on Tuesday, {tail}"
    assert [e.fatalities for e in _events(chain, text) if e.event_type == "armed_clash"] == tolls


def _dead_at(events):
    return sorted((e.location, e.fatalities) for e in events if e.event_type == "armed_clash")


def test_a_toll_told_before_a_list_of_places_is_no_one_places(chain):
    text = "Three guards were killed in separate attacks on posts in Bajaur and Mohmand on Sunday."
    assert _dead_at(_events(chain, text)) == [("Bajaur District", None), ("Mohmand District", None)]


def test_a_toll_before_one_place_and_a_comma_is_that_places(chain):
    text = "On Sunday, three guards were killed when gunmen ambushed a convoy in Mohmand, near the border."
    assert _dead_at(_events(chain, text)) == [("Mohmand District", 3)]


@pytest.mark.parametrize(
    "text, hurt",
    [
        ("A guard sustained an injury to his arm.", 1),
        ("One policeman suffered a gunshot wound in the leg.", 1),
        ("Three porters sustained injuries.", 3),
        # a loss or a blow is no wound
        ("The traders suffered a heavy loss.", None),
        ("Exports suffered a blow.", None),
    ],
)
def test_one_wound_suffered_is_one_hurt(text, hurt):
    assert find_casualties(text).injuries == hurt


def test_one_wound_told_after_the_clash_is_its_toll(chain):
    text = (
        "Guards of the two countries clashed near Zhob on Tuesday. "
        "One of the Pakistani guards sustained an injury in the shoulder, officials said."
    )
    assert [e.injuries for e in _events(chain, text) if e.event_type == "armed_clash"] == [1]


@pytest.mark.parametrize(
    "text, dead, hurt",
    [
        # one count of the dead and the hurt together: no figure of either
        ("Officials said at least 14 porters were killed and wounded in the firing.", None, None),
        ("The shelling left 30 villagers dead or injured.", None, None),
        # two counts, each its own
        ("Four guards were killed and 11 wounded.", 4, 11),
        ("Four guards were killed, and eleven others were wounded.", 4, 11),
    ],
)
def test_one_count_of_killed_and_wounded_is_no_figure(text, dead, hurt):
    toll = find_casualties(text)
    assert (toll.fatalities, toll.injuries) == (dead, hurt)
