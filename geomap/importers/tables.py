"""The mapping tables of every importer, as data in one place.

Each dataset's types and precision codes are mapped to geomap's (see
:mod:`geomap.schema`). The README's "Importing datasets" section shows these
tables; ``tests/test_importers_tables.py`` checks that every target is one of
our types or precisions.
"""

from __future__ import annotations

#: Datasets: the name in the ``dataset`` column, and the line the page must
#: show when the dataset's rows are on it (each dataset's own terms).
LICENCES: dict[str, str] = {
    "ACLED": "ACLED, acleddata.com (Armed Conflict Location & Event Data; used under ACLED's "
    "Terms of Use, attribution required)",
    "ACLED aggregated": "ACLED aggregated data, acleddata.com (used under ACLED's Terms of Use, "
    "attribution required; weekly counts per province)",
    "UCDP GED": "UCDP GED (CC BY 4.0)",
    "UCDP Candidate": "UCDP Candidate Events Dataset (CC BY 4.0; monthly, not yet fully vetted)",
    "GDELT": "The GDELT Project, gdeltproject.org (free to use with citation; machine-coded "
    "reports, not verified events)",
}

# ---------------------------------------------------------------- ACLED

#: ACLED (event_type, sub_event_type) -> ours. A sub-type entry wins over the
#: type's ``""`` entry; types missing here become ``other``.
ACLED_TYPES: dict[tuple[str, str], tuple[str, str]] = {
    ("Battles", ""): ("armed_clash", "armed_clash"),
    ("Battles", "Armed clash"): ("armed_clash", "armed_clash"),
    ("Battles", "Government regains territory"): ("armed_clash", "territory_regained"),
    ("Battles", "Non-state actor overtakes territory"): ("armed_clash", "territory_taken"),
    ("Explosions/Remote violence", ""): ("explosion", "explosion"),
    ("Explosions/Remote violence", "Air/drone strike"): ("airstrike", "airstrike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): ("explosion", "shelling"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): ("explosion", "ied"),
    ("Explosions/Remote violence", "Suicide bomb"): ("explosion", "suicide_bombing"),
    ("Explosions/Remote violence", "Grenade"): ("explosion", "grenade_attack"),
    ("Explosions/Remote violence", "Chemical weapon"): ("explosion", "chemical_weapon"),
    ("Strategic developments", "Agreement"): ("talks", "agreement"),
    ("Strategic developments", "Headquarters or base established"): ("fortification", "base_established"),
    # ACLED's first generation (upper-case columns, no sub-types)
    ("Battle-No change of territory", ""): ("armed_clash", "armed_clash"),
    ("Battle-Government regains territory", ""): ("armed_clash", "territory_regained"),
    ("Battle-Non-state actor overtakes territory", ""): ("armed_clash", "territory_taken"),
    ("Remote violence", ""): ("explosion", "remote_violence"),
    ("Headquarters or base established", ""): ("fortification", "base_established"),
}
#: ACLED types whose mechanism the notes can tell better (first generation
#: "Remote violence" covers air strikes and bombs alike): refined from the
#: notes with the extractor's triggers, as UCDP rows are.
ACLED_REFINED: frozenset[str] = frozenset({"Remote violence"})

#: ACLED time_precision -> our date precision.
ACLED_DATE_PRECISION: dict[str, str] = {"1": "day", "2": "week", "3": "month"}
#: ACLED geo_precision -> ours (1 exact place, 2 near place / district, 3 province / region).
ACLED_GEO_PRECISION: dict[str, int] = {"1": 1, "2": 2, "3": 3}
#: Columns of ACLED's first generation renamed to today's names.
ACLED_OLD_COLUMNS: dict[str, str] = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}

# ---------------------------------------------------------------- UCDP GED

#: type_of_violence -> (our type, sub-type, UCDP's name). One-sided violence
#: (against civilians) is not one of our types unless its text names a
#: mechanism (see :data:`REFINE_TYPES`).
UCDP_VIOLENCE: dict[str, tuple[str, str, str]] = {
    "1": ("armed_clash", "state_based", "State-based conflict"),
    "2": ("armed_clash", "non_state", "Non-state conflict"),
    "3": ("other", "one_sided", "One-sided violence"),
}
#: where_prec -> ours. 1 exact; 2 within 25 km; 3 district (ADM2); 4 province
#: (ADM1); 5 a larger area or line (e.g. "along the border"); 6 country;
#: 7 international waters or airspace.
UCDP_GEO_PRECISION: dict[str, int] = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3, "6": 4, "7": 4}
UCDP_WHERE_PREC: dict[str, str] = {
    "1": "exact location",
    "2": "within 25 km of a known point",
    "3": "district (ADM2) only",
    "4": "province (ADM1) only",
    "5": "larger area or linear feature",
    "6": "country only",
    "7": "international waters or airspace",
}
#: date_prec -> ours. 1 exact day; 2 a range of 2-6 days; 3 the week; 4 a
#: range of 8-30 days or the month; 5 more than a month.
UCDP_DATE_PRECISION: dict[str, str] = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "month"}

#: Our violent types in the order a text's triggers decide between them: the
#: most specific mechanism wins ("a drone strike ... in the clashes" is an
#: air strike).
REFINE_TYPES: tuple[str, ...] = ("airstrike", "explosion", "armed_clash")

# ---------------------------------------------------------------- GDELT / CAMEO

#: CAMEO event code prefix -> (our type, sub-type). The longest matching
#: prefix wins; codes matching none become ``other``.
CAMEO_TYPES: dict[str, tuple[str, str]] = {
    "04": ("talks", "consultation"),
    "043": ("talks", "visit"),
    "044": ("talks", "meeting"),
    "045": ("talks", "mediation"),
    "046": ("talks", "negotiation"),
    "057": ("talks", "agreement"),
    "0871": ("talks", "ceasefire"),
    "163": ("trade_disruption", "embargo_or_sanctions"),
    "1663": ("trade_disruption", "embargo_or_sanctions"),
    "183": ("explosion", "bombing"),
    "1831": ("explosion", "suicide_bombing"),
    "1832": ("explosion", "vehicle_bomb"),
    "1833": ("explosion", "roadside_bomb"),
    "19": ("armed_clash", "fighting"),
    "190": ("armed_clash", "conventional_force"),
    "193": ("armed_clash", "small_arms"),
    "194": ("explosion", "artillery_and_tanks"),
    "195": ("airstrike", "aerial_weapons"),
    "1951": ("airstrike", "precision_guided"),
    "1952": ("airstrike", "remotely_piloted"),
}
#: CAMEO root codes (the first two digits) and their names, for the label of
#: ``other`` rows and the popup.
CAMEO_ROOTS: dict[str, str] = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}
#: Geo_Type -> ours: 1 country, 2 US state, 3 US city, 4 world city, 5 world state/province.
GDELT_GEO_PRECISION: dict[str, int] = {"1": 4, "2": 3, "3": 1, "4": 1, "5": 3}
GDELT_GEO_TYPES: dict[str, str] = {
    "1": "country",
    "2": "US state",
    "3": "US city",
    "4": "world city",
    "5": "world state/province",
}


def cameo_type(code: str) -> tuple[str, str] | None:
    """Our (type, sub-type) of a CAMEO event code, or ``None`` (then ``other``).

    >>> cameo_type("1951"), cameo_type("190"), cameo_type("141")
    (('airstrike', 'precision_guided'), ('armed_clash', 'conventional_force'), None)
    """
    for n in range(len(code), 1, -1):
        hit = CAMEO_TYPES.get(code[:n])
        if hit is not None:
            return hit
    return None


def acled_type(event_type: str, sub_event_type: str) -> tuple[str, str] | None:
    """Our (type, sub-type) of an ACLED type pair, or ``None`` (then ``other``).

    Case and spacing do not matter (the aggregated files write
    "Explosions/remote violence").

    >>> acled_type("Explosions/remote violence", "air/drone strike")
    ('airstrike', 'airstrike')
    """
    key = (" ".join(event_type.split()).casefold(), " ".join(sub_event_type.split()).casefold())
    return _ACLED_FOLDED.get(key) or _ACLED_FOLDED.get((key[0], ""))


_ACLED_FOLDED = {(t.casefold(), s.casefold()): v for (t, s), v in ACLED_TYPES.items()}
