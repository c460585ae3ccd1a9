"""The area fixture and the address planner, without a database (city scale in memory)."""

from collections import Counter, defaultdict
from random import Random

from wijkkracht.synthetic.addresses import (
    POSTCODE_LETTERS,
    UNUSED_LETTER_PAIRS,
    counts_allocate,
    postcode_range_parse,
    postcodes_in_ranges,
)
from wijkkracht.synthetic.data.areas import CITY_PARTS, DISTRICTS
from wijkkracht.synthetic.data.organisations import CLUSTERS, COMMUNITY_CENTRES
from wijkkracht.synthetic.data.streets import STREET_THEMES
from wijkkracht.synthetic.names import name_pools_build, surname_split
from wijkkracht.synthetic.population import city_draft, household_sizes

NEIGHBOURHOODS = [(d, n) for d in DISTRICTS for n in d.neighbourhoods]


def test_the_six_city_parts_all_have_districts():
    assert set(CITY_PARTS) == {d.city_part for d in DISTRICTS}
    assert len(CITY_PARTS) == 6


def test_codes_are_unique_and_valid():
    district_codes = [d.code for d in DISTRICTS]
    codes = [d.neighbourhood_code(n) for d, n in NEIGHBOURHOODS]
    assert len(set(district_codes)) == len(district_codes)
    assert len(set(codes)) == len(codes)
    assert all(c.startswith("BU0034") and len(c) == 10 for c in codes)
    assert len({n.name for _, n in NEIGHBOURHOODS}) == len(NEIGHBOURHOODS)


def test_postcode_ranges_lie_in_1300_1369_and_never_overlap():
    owner = {}
    for _, n in NEIGHBOURHOODS:
        for spec in n.postcodes:
            pc4, _, _ = postcode_range_parse(spec)
            assert 1300 <= int(pc4) <= 1369
        for postcode in postcodes_in_ranges(n.postcodes):
            assert postcode not in owner, f"{postcode} in {owner.get(postcode)} and {n.name}"
            owner[postcode] = n.name


def test_postcode_letters_skip_the_unused_ones():
    postcodes = postcodes_in_ranges(("1315",))
    assert len(postcodes) == 20 * 20 - len(UNUSED_LETTER_PAIRS)
    assert all(set(p[5:]) <= set(POSTCODE_LETTERS) for p in postcodes)
    assert "1315 SS" not in postcodes


def test_every_theme_exists_and_has_enough_streets():
    for _, n in NEIGHBOURHOODS:
        assert len(STREET_THEMES[n.street_theme]) >= 8, n.street_theme
    assert "Beethovenstraat" in STREET_THEMES["composers"]


def test_street_names_are_unique_in_the_city():
    names = [street for streets in STREET_THEMES.values() for street in streets]
    assert [name for name, n in Counter(names).items() if n > 1] == []


def test_teams_match_the_clusters_and_centres_name_real_neighbourhoods():
    cluster_teams = [team for _, pair in CLUSTERS for team in pair]
    assert len(cluster_teams) == len(set(cluster_teams)) == 16
    assert {d.team for d in DISTRICTS} == set(cluster_teams)
    names = {n.name for _, n in NEIGHBOURHOODS}
    assert all(set(served) <= names for _, served in COMMUNITY_CENTRES)


def test_counts_allocate_sums_exactly():
    assert counts_allocate(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(counts_allocate(90_001, [n.weight for _, n in NEIGHBOURHOODS])) == 90_001


def test_household_sizes_sum_to_the_residents_with_a_realistic_mean():
    sizes = household_sizes(Random(1), residents=220_000)
    assert sum(sizes) == 220_000
    assert 85_000 <= len(sizes) <= 95_000
    assert set(sizes) <= {1, 2, 3, 4, 5}


def test_surname_split_puts_dutch_prefixes_apart():
    assert surname_split("van der Meer") == ("van der", "Meer")
    assert surname_split("de Vries") == ("de", "Vries")
    assert surname_split("Jansen") == ("", "Jansen")
    assert surname_split("El Amrani") == ("", "El Amrani")


def test_city_scale_addresses_are_unique_and_within_their_neighbourhood():
    """The whole city at 220,000 residents, drafted in memory: no address twice, every postcode in range."""
    allowed = {d.neighbourhood_code(n): set(postcodes_in_ranges(n.postcodes)) for d, n in NEIGHBOURHOODS}
    pools = name_pools_build(seed=1)
    seen = set()
    per_postcode = Counter()
    residents = 0
    streets = defaultdict(set)
    ages = Counter()
    for draft in city_draft(seed=1, residents=220_000, pools=pools):
        address = draft.address
        assert address.postcode in allowed[draft.neighbourhood_code]
        key = (address.street, address.house_number, address.house_number_suffix)
        assert key not in seen
        seen.add(key)
        per_postcode[address.postcode] += 1
        streets[draft.neighbourhood_code].add(address.street)
        residents += len(draft.members)
        ages.update(
            "child" if m.birth_date.year > 2010 else "65+" if m.birth_date.year < 1960 else "other"
            for m in draft.members
        )
    assert residents == 220_000
    assert max(per_postcode.values()) <= 40
    assert all(len(s) >= 2 for s in streets.values())
    assert 0.14 < ages["child"] / residents < 0.25
    assert 0.10 < ages["65+"] / residents < 0.20


def test_the_draft_is_deterministic():
    pools = name_pools_build(seed=5)
    first = [d.members[0] for _, d in zip(range(50), city_draft(seed=5, residents=500, pools=pools), strict=False)]
    again = [
        d.members[0]
        for _, d in zip(range(50), city_draft(seed=5, residents=500, pools=name_pools_build(seed=5)), strict=False)
    ]
    assert first == again
