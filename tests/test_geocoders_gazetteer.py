"""RegionalGazetteer: aliases, diacritics, feature words, kinds, bad rows."""

from __future__ import annotations

import pytest

from geomap.exc import SchemaError
from geomap.geocoders.base import Place
from geomap.geocoders.gazetteer import COLUMNS, RegionalGazetteer


@pytest.fixture(scope="module")
def gaz() -> RegionalGazetteer:
    return RegionalGazetteer()


def _km(a: Place, lat: float, lon: float) -> float:
    from pyproj import Geod

    return Geod(ellps="WGS84").inv(a.lon, a.lat, lon, lat)[2] / 1000


@pytest.mark.parametrize(
    "query, name",
    [
        ("Torkham", "Torkham"),
        ("Torkhum", "Torkham"),
        ("Torkhem", "Torkham"),
        ("Spin Buldak", "Spin Boldak"),
        ("Qandahar", "Kandahar"),
        ("Baluchistan", "Balochistan"),
        ("KPK", "Khyber Pakhtunkhwa"),
        ("KP", "Khyber Pakhtunkhwa"),
        ("Khyber-Pakhtunkhwa", "Khyber Pakhtunkhwa"),
        ("Nangrahar", "Nangarhar Province"),
        ("Paktiya", "Paktia Province"),
        ("Khowst", "Khost"),
        ("Angur Ada", "Angoor Adda"),
        ("Miramshah", "Miranshah"),
        ("Durand Line", "Afghanistan-Pakistan border"),
        ("Pak-Afghan border", "Afghanistan-Pakistan border"),
        ("the border", "Afghanistan-Pakistan border"),
        ("Afghan border", "Afghanistan-Pakistan border"),
        ("Khyber Agency", "Khyber District"),
        ("Dand-e-Patan", "Dand-e-Patan District"),
        ("Chitral", "Chitral"),
    ],
)
def test_aliases(gaz, query, name):
    place = gaz.geocode(query)
    assert (place.name if place else None) == name


@pytest.mark.parametrize("query", ["Spīn Bōldak", "SPIN BOLDAK", "spin  boldak", "Kandahār", "Nangarhār Province"])
def test_diacritics_and_case(gaz, query):
    assert gaz.geocode(query) is not None


@pytest.mark.parametrize(
    "query",
    [
        "Torkham border crossing",
        "the Torkham customs building",
        "Torkham crossing point",
        "Torkham border post",
    ],
)
def test_feature_words(gaz, query):
    place = gaz.geocode(query)
    assert place.name == "Torkham" and place.kind == "crossing"


def test_kind_preference_province_vs_city(gaz):
    assert gaz.geocode("Kandahar").kind == "city"
    assert gaz.geocode("Kandahar city").kind == "city"
    assert gaz.geocode("Kandahar province").name == "Kandahar Province"
    assert gaz.geocode("Kandahar", kind="province").name == "Kandahar Province"
    assert gaz.geocode("Khost province").kind == "province"
    assert gaz.geocode("Khost").kind == "city"


def test_spin_boldak_town_and_crossings(gaz):
    town = gaz.geocode("Spin Boldak")
    assert town.kind == "town" and _km(town, 31.0058, 66.4000) < 1
    crossing = gaz.geocode("Spin Boldak-Chaman")
    assert crossing.name == "Spin Boldak" and crossing.kind == "crossing" and crossing.country == "AF"
    assert gaz.geocode("Spin Boldak crossing") == crossing
    chaman = gaz.geocode("Chaman border crossing")
    assert chaman.kind == "crossing" and chaman.country == "PK"
    assert gaz.geocode("Chaman").kind == "city"


@pytest.mark.parametrize(
    "query, lat, lon",
    [
        ("Torkham", 34.1020, 71.0930),
        ("Spin Boldak", 31.0058, 66.4000),
        ("Kabul", 34.5281, 69.1723),
        ("Kandahar Province", 31.0, 65.7),
        ("Nangarhar Province", 34.2, 70.6),
    ],
)
def test_gold_coordinates(gaz, query, lat, lon):
    assert _km(gaz.geocode(query), lat, lon) < 10


def test_unknown_and_empty_return_none(gaz):
    assert gaz.geocode("Atlantis") is None
    assert gaz.geocode("") is None
    assert gaz.geocode("   ") is None
    # a border alias must not claim the bare adjective
    assert gaz.geocode("Afghan") is None


def test_countries_and_bad_kind(gaz):
    assert gaz.geocode("Pakistan").kind == "country"
    with pytest.raises(ValueError, match="kind 'planet'"):
        gaz.geocode("Torkham", kind="planet")


def test_places_crossings_lookup_all(gaz):
    names = {p.name for p in gaz.crossings()}
    assert {"Torkham", "Spin Boldak", "Chaman", "Ghulam Khan", "Angoor Adda", "Kharlachi", "Badini"} <= names
    assert all(p.backend == "gazetteer" and p.source for p in gaz.places)
    kinds = {p.kind for p in gaz.lookup_all("Kandahar")}
    assert kinds == {"city", "district", "province"}  # the district around the city too
    assert gaz.lookup_all("Atlantis") == []


HEADER = ",".join(COLUMNS)
GOOD = "Torkham,Torkhum,crossing,PK,Khyber Pakhtunkhwa,34.102,71.093,1,Wikipedia,"


@pytest.mark.parametrize(
    "row, line, column, message",
    [
        ("Torkham,,gate,PK,,34.1,71.1,1,x,", 3, "kind", "kind 'gate' is not one of"),
        ("Torkham2,,crossing,Pakistan,,34.1,71.1,1,x,", 3, "country", "ISO 3166-1"),
        ("Torkham2,,crossing,PK,,north,71.1,1,x,", 3, "latitude", "'north' is not a number"),
        ("Torkham2,,crossing,PK,,34.1,191,1,x,", 3, "longitude", "outside -180..180"),
        ("Torkham2,,crossing,PK,,34.1,71.1,5,x,", 3, "precision", "not one of 1, 2, 3, 4"),
        ("Torkham2,,crossing,PK,,34.1,71.1,1,,", 3, "source", "needs a source"),
        ("Torkham,,crossing,PK,,34.1,71.1,1,x,", 3, "name", "duplicate place"),
        ("Torkham2,,crossing,PK", 3, "name", "expected 10 columns"),
        ("Line,,border,AF,,32,69,4,x,", 3, "country", "must be empty for the border"),
    ],
)
def test_bad_rows_raise_schema_error(tmp_path, row, line, column, message):
    path = tmp_path / "gaz.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n{row}\n", encoding="utf-8")
    with pytest.raises(SchemaError) as err:
        RegionalGazetteer(path)
    assert err.value.line == line and err.value.column == column
    assert message in str(err.value) and str(path) in str(err.value)


def test_bad_header_and_missing_file(tmp_path):
    path = tmp_path / "gaz.csv"
    path.write_text("name,lat,lon\nTorkham,34,71\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="header must be"):
        RegionalGazetteer(path)
    with pytest.raises(SchemaError, match="cannot read"):
        RegionalGazetteer(tmp_path / "missing.csv")


def test_custom_path_overrides(tmp_path):
    path = tmp_path / "gaz.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n", encoding="utf-8")
    gaz = RegionalGazetteer(path)
    assert len(gaz) == 1 and gaz.geocode("Torkhum").lat == 34.102


# -- the border belt, lookup-only aliases, twin names -----------------------------


@pytest.mark.parametrize(
    "query, name, country, admin1",
    [
        ("Khas Kunar", "Khas Kunar District", "AF", "Kunar Province"),
        ("Sheltan", "Sheltan", "AF", "Kunar Province"),
        ("Marawara", "Marawara District", "AF", "Kunar Province"),
        ("Zazai Maidan", "Jaji Maidan District", "AF", "Khost Province"),
        ("Gurbaz", "Gurbuz District", "AF", "Khost Province"),
        ("Barmal", "Barmal District", "AF", "Paktika Province"),
        ("Bermel", "Barmal District", "AF", "Paktika Province"),
        ("Dand-e-Patan", "Dand-e-Patan District", "AF", "Paktia Province"),
        ("Bahram Chah", "Bahram Chah", "AF", "Helmand Province"),
        ("Bahramcha", "Bahram Chah", "AF", "Helmand Province"),
        ("Kech", "Kech District", "PK", "Balochistan"),
        ("Mamund", "Mamund", "PK", "Khyber Pakhtunkhwa"),
        ("Sadda", "Sadda", "PK", "Khyber Pakhtunkhwa"),
        ("Mir Ali", "Mir Ali", "PK", "Khyber Pakhtunkhwa"),
        ("Miran Shah", "Miranshah", "PK", "Khyber Pakhtunkhwa"),
        ("Angur Adda", "Angoor Adda", "PK", "Khyber Pakhtunkhwa"),
    ],
)
def test_border_belt_places(gaz, query, name, country, admin1):
    place = gaz.geocode(query)
    assert (place.name, place.country, place.admin1) == (name, country, admin1)


def test_twin_names_resolve_deliberately(gaz):
    assert gaz.geocode("Khyber").name == "Khyber District"
    assert gaz.geocode("Khyber Agency").name == "Khyber District"
    assert gaz.geocode("Khyber Pass").kind == "region"
    assert gaz.geocode("Khyber Pakhtunkhwa").kind == "province"
    assert gaz.geocode("Khyber-Pakhtunkhwa").kind == "province"
    # the district vs its town, the crossing vs the district it lies in
    assert gaz.geocode("Zhob").kind == "town" and gaz.geocode("Zhob district").kind == "district"
    assert gaz.geocode("Dand-e-Patan crossing").name == "Kharlachi (Afghanistan side)"
    assert gaz.geocode("Kharlachi").country == "PK"
    assert gaz.geocode("Angoor Adda").country == "PK"
    assert gaz.geocode("Angoor Adda", countries=("AF",)).admin1 == "Paktika Province"


def test_torkham_sides(gaz):
    assert gaz.geocode("Torkham").country == "AF"
    assert gaz.geocode("Torkham", countries=("PK",)).name == "Torkham (Pakistan side)"
    assert gaz.geocode("Ghulam Khan").country == "PK"
    assert gaz.geocode("Ghulam Khan", countries=("AF",)).name == "Ghulam Khan (Afghanistan side)"


def test_lookup_only_aliases(gaz):
    tani = gaz.geocode("Tani")
    assert tani.name == "Tani District" and gaz.geocode("Tanai") == tani
    assert "Tani" in gaz.lookup_only[tani]
    text = {name for name, _ in gaz.text_names()}
    for word in ("Tani", "Tanai", "Kama", "Bak", "Zadran", "Narang", "Sherzad", "Ghaziabad"):
        assert word not in text, word
        assert gaz.geocode(word) is not None, word
    assert all(not a.startswith("~") for als in gaz.aliases.values() for a in als)
    assert "Khas Kunar" in text and "Tani District" in text


def test_lookup_only_marker_needs_a_name(tmp_path):
    path = tmp_path / "gaz.csv"
    path.write_text(f"{HEADER}\nTorkham,Torkhum|~,crossing,PK,,34.1,71.1,1,x,\n", encoding="utf-8")
    with pytest.raises(SchemaError) as err:
        RegionalGazetteer(path)
    assert err.value.column == "aliases"


def test_every_border_province_and_its_districts(gaz):
    provinces = {
        "Badakhshan Province",
        "Nuristan Province",
        "Kunar Province",
        "Nangarhar Province",
        "Paktia Province",
        "Khost Province",
        "Paktika Province",
        "Zabul Province",
        "Kandahar Province",
        "Helmand Province",
        "Nimroz Province",
    }
    assert provinces <= {p.name for p in gaz.places if p.kind == "province"}
    districts = {}
    for p in gaz.places:
        if p.kind == "district" and p.country == "AF":
            districts.setdefault(p.admin1, set()).add(p.name)
    assert len(districts["Kunar Province"]) >= 15
    assert len(districts["Nangarhar Province"]) >= 22
    assert len(districts["Nuristan Province"]) >= 8
    assert len(districts["Khost Province"]) >= 13
    assert len(districts["Paktia Province"]) >= 14
    assert len(districts["Paktika Province"]) >= 19


# -- spellings: variants as news writes them, found by the spelling key --


@pytest.mark.parametrize(
    "query, name",
    [
        ("Speen Boldak", "Spin Boldak"),
        ("Spin-Boldak", "Spin Boldak"),
        ("Spinboldak", "Spin Boldak"),
        ("Ṭorkham", "Torkham"),
        ("Chamman", "Chaman"),
        ("Kurrum", "Kurram District"),
        ("Kurrum Agency", "Kurram District"),
        ("Ningarhar", "Nangarhar Province"),
        ("Paktica", "Paktika Province"),
        ("Paktiya province", "Paktia Province"),
        ("Konar", "Kunar Province"),
        ("Bajour", "Bajaur District"),
        ("Bermel", "Barmal District"),
        ("Gurbaz", "Gurbuz District"),
        ("Barg-i-Matal", "Barg-e Matal District"),
        ("Barg e Matal", "Barg-e Matal District"),
        ("Bargi Matal", "Barg-e Matal District"),
        ("Ghulam Khan Kali", "Ghulam Khan"),
        ("Angur Ada", "Angoor Adda"),
        ("Para Chinar", "Parachinar"),
        ("Dand Patan", "Dand-e-Patan District"),
        ("Shorawak", "Shorabak District"),
        ("Landikotal", "Landi Kotal"),
        ("Landi Kothal", "Landi Kotal"),
        ("Jalalawad", "Jalalabad"),
        ("Miram Shah", "Miranshah"),
        ("North Waziristan Agency", "North Waziristan"),
        ("Landi Kotal tehsil", "Landi Kotal"),
    ],
)
def test_spelling_variants(gaz, query, name):
    assert gaz.geocode(query).name == name


def test_spelling_variant_keeps_the_kind_asked_for(gaz):
    assert gaz.geocode("Khowst district").kind == "district"  # the alias "Khowst" names the city
    assert gaz.geocode("Khowst").kind == "city"
    assert gaz.geocode("Konar province").name == "Kunar Province"


def test_spelling_is_a_fallback_and_can_be_left_out(gaz):
    assert gaz.geocode("Speen Boldak", spelling=False) is None
    assert gaz.lookup_all("Speen Boldak", spelling=False) == []
    assert gaz.geocode_spelled("Speen Boldak").name == "Spin Boldak"
    assert gaz.geocode_spelled("") is None and gaz.geocode_spelled("Zzyzx") is None


@pytest.mark.parametrize("query", ["Thane", "Tanni", "Karam", "Kar", "Wazir", "Doha", "Tehran", "Kost"])
def test_spelling_finds_no_false_namesake(gaz, query):
    # Thane and Tanni would spell as the lookup-only "Tani": no variants of those
    assert gaz.geocode(query) is None


def test_distinct_places_keep_distinct_spelling_keys(gaz):
    """Two places share a spelling key only when they share a name
    ("Kandahar" the city and the province); the one collision the rules
    made (the Gulistan alias on the Qila Abdullah row) was a misplaced
    alias, moved to Gulistan."""
    from geomap.geocoders.base import normalize_name, spelling_key

    assert gaz.spelling_collisions == {}
    for key, places in gaz.spelling_keys().items():
        if len(places) > 1:
            names = {normalize_name(n) for p in places for n in (p.name, *gaz.aliases[p])}
            assert any(all(p in gaz.lookup_all(n, spelling=False) for p in places) for n in names), key
    assert gaz.geocode("Gulistan (Qila Abdullah)").name == "Gulistan (Killa Abdullah)"
    assert spelling_key("Qila Abdullah") != spelling_key("Gulistan (Qila Abdullah)")


def test_spelling_collision_answers_neither(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n"
        "Qalat,,town,AF,Zabul Province,32.1,66.9,1,test,\n"
        "Kalat,,town,PK,Balochistan,29.0,66.6,1,test,\n"
        "Tani District,~Tani,district,AF,Khost Province,33.2,69.8,2,test,\n",
        encoding="utf-8",
    )
    gaz = RegionalGazetteer(path)
    assert gaz.geocode("Qalat").country == "AF" and gaz.geocode("Kalat").country == "PK"
    assert gaz.geocode("Khalat") is None and gaz.geocode("Qalaat") is None
    assert gaz.spelling_collisions == {"kalat": ("Kalat", "Qalat")}
    assert gaz.geocode("Tani").name == "Tani District" and gaz.geocode("Tanni") is None
    # the text finder's keys: neither of the clashing names, no lookup-only alias
    assert gaz.text_spellings() == {"tanidistrikt": "Tani District"}


def test_text_spellings(gaz):
    spelled = gaz.text_spellings()
    assert spelled["spinbuldak"] == "Spin Boldak" and spelled["landikutal"] in ("Landi Kotal", "Landikotal")
    assert "tani" not in spelled and "afghanistan" not in spelled  # lookup-only alias, a country
    assert not any(p.kind == "border" for n in spelled.values() for p in gaz.lookup_all(n))
    assert gaz.text_spellings() is spelled  # computed once
