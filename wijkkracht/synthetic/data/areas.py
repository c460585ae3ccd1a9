"""The area fixture of the synthetic city: SYNTHETIC and APPROXIMATE, not official CBS data.

Names follow Almere (municipality code 0034): six city parts, districts (wijken) and neighbourhoods
(buurten). The CBS-style codes are built from the numbers below: district WK0034 + two digits,
neighbourhood BU + the district's six digits + two digits. Postcode ranges lie in 1300-1369; where
two neighbourhoods share a PC4 they split it by letter range. Weights are relative population sizes
(roughly thousands of residents). The real codes, postcodes and borders differ.
"""

from dataclasses import dataclass

MUNICIPALITY_CODE = "0034"
CITY_NAME = "Almere"


@dataclass(frozen=True)
class NeighbourhoodSpec:
    number: int  # two digits after the district's code
    name: str
    weight: float  # relative number of residents
    street_theme: str  # key in data.streets.STREET_THEMES
    postcodes: tuple[str, ...]  # "1315" (whole PC4) or "1315AA-1315LZ" (letter range)


@dataclass(frozen=True)
class DistrictSpec:
    number: int  # two digits after the municipality code
    name: str
    city_part: str
    team: str  # the neighbourhood team serving every neighbourhood in this district
    neighbourhoods: tuple[NeighbourhoodSpec, ...]

    @property
    def code(self) -> str:
        return f"WK{MUNICIPALITY_CODE}{self.number:02d}"

    def neighbourhood_code(self, neighbourhood: NeighbourhoodSpec) -> str:
        return f"BU{MUNICIPALITY_CODE}{self.number:02d}{neighbourhood.number:02d}"


N = NeighbourhoodSpec
HAVEN, STAD, BUITEN, HOUT, POORT, PAMPUS = (
    "Almere Haven",
    "Almere Stad",
    "Almere Buiten",
    "Almere Hout",
    "Almere Poort",
    "Almere Pampus",
)
CITY_PARTS = (HAVEN, STAD, BUITEN, HOUT, POORT, PAMPUS)

# fmt: off
DISTRICTS: tuple[DistrictSpec, ...] = (
    # --- Almere Haven (135x) ---
    DistrictSpec(1, "Haven-Centrum", HAVEN, "Wijkteam Haven Centrum", (
        N(1, "Haven-Centrum", 2.5, "haven_centre", ("1351AA-1351HZ",)),
        N(2, "De Steiger", 1.0, "boats", ("1351JA-1351PZ",)),
        N(3, "Sluiskwartier", 0.8, "waterworks", ("1351RA-1351ZZ",)),
    )),
    DistrictSpec(2, "De Hoven", HAVEN, "Wijkteam Haven Centrum", (
        N(1, "De Hoven", 2.5, "courts", ("1352",)),
        N(2, "De Meenten", 2.0, "commons", ("1353AA-1353LZ",)),
        N(3, "De Marken", 2.0, "marks", ("1353MA-1353ZZ",)),
    )),
    DistrictSpec(3, "De Werven", HAVEN, "Wijkteam De Werven", (
        N(1, "De Werven", 2.5, "wharves", ("1354",)),
        N(2, "De Wierden", 2.5, "mounds", ("1355",)),
        N(3, "De Velden", 2.0, "fields", ("1356",)),
    )),
    DistrictSpec(4, "De Gouwen", HAVEN, "Wijkteam De Werven", (
        N(1, "De Gouwen", 2.5, "regions", ("1357",)),
        N(2, "De Grienden", 2.5, "osiers", ("1358",)),
    )),
    # --- Almere Stad (131x, 132x) ---
    DistrictSpec(5, "Stadscentrum", STAD, "Wijkteam Stadscentrum", (
        N(1, "Stadscentrum", 6.0, "stad_centre", ("1311",)),
    )),
    DistrictSpec(6, "Staatsliedenwijk", STAD, "Wijkteam Stadscentrum", (
        N(1, "Staatsliedenwijk", 3.0, "statesmen", ("1312AA-1312KZ",)),
    )),
    DistrictSpec(7, "Stedenwijk", STAD, "Wijkteam Stedenwijk", (
        N(1, "Stedenwijk-Noord", 4.0, "cities_north", ("1313",)),
        N(2, "Stedenwijk-Midden", 4.0, "cities_middle", ("1314",)),
        N(3, "Stedenwijk-Zuid", 3.5, "cities_south", ("1315AA-1315LZ",)),
    )),
    DistrictSpec(8, "Verzetswijk", STAD, "Wijkteam Stedenwijk", (
        N(1, "Verzetswijk", 3.0, "resistance", ("1312LA-1312ZZ",)),
    )),
    DistrictSpec(9, "Muziekwijk", STAD, "Wijkteam Muziekwijk", (
        N(1, "Muziekwijk-Noord", 6.0, "composers", ("1316",)),
        N(2, "Muziekwijk-Zuid", 6.0, "instruments", ("1317",)),
    )),
    DistrictSpec(10, "Danswijk", STAD, "Wijkteam Muziekwijk", (
        N(1, "Danswijk", 3.0, "dances", ("1315MA-1315ZZ",)),
    )),
    DistrictSpec(11, "Literatuurwijk", STAD, "Wijkteam Literatuurwijk", (
        N(1, "Literatuurwijk-West", 4.5, "writers_classic", ("1318AA-1318KZ",)),
        N(2, "Literatuurwijk-Oost", 4.5, "writers_modern", ("1318LA-1318ZZ",)),
    )),
    DistrictSpec(12, "Noorderplassen", STAD, "Wijkteam Waterwijk", (
        N(1, "Noorderplassen-West", 3.0, "fish", ("1319AA-1319KZ",)),
        N(2, "Noorderplassen-Oost", 3.0, "water_plants", ("1319LA-1319ZZ",)),
    )),
    DistrictSpec(13, "Waterwijk", STAD, "Wijkteam Waterwijk", (
        N(1, "Waterwijk-West", 4.0, "rivers", ("1324AA-1324LZ",)),
        N(2, "Waterwijk-Oost", 4.0, "lakes", ("1324MA-1324ZZ",)),
    )),
    DistrictSpec(14, "Filmwijk", STAD, "Wijkteam Filmwijk", (
        N(1, "Filmwijk", 6.0, "film_makers", ("1325",)),
    )),
    DistrictSpec(15, "Parkwijk", STAD, "Wijkteam Filmwijk", (
        N(1, "Parkwijk", 5.0, "painters", ("1327",)),
    )),
    DistrictSpec(16, "Kruidenwijk", STAD, "Wijkteam Kruidenwijk", (
        N(1, "Kruidenwijk-Noord", 4.0, "herbs_sweet", ("1326AA-1326KZ",)),
        N(2, "Kruidenwijk-Zuid", 4.0, "herbs_spicy", ("1326LA-1326ZZ",)),
    )),
    DistrictSpec(17, "Tussen de Vaarten", STAD, "Wijkteam Tussen de Vaarten", (
        N(1, "Tussen de Vaarten-Noord", 5.0, "castles", ("1328",)),
        N(2, "Tussen de Vaarten-Zuid", 5.0, "orchards", ("1329",)),
    )),
    # --- Almere Buiten (133x) ---
    DistrictSpec(18, "Buiten-Centrum", BUITEN, "Wijkteam Buiten Centrum", (
        N(1, "Buiten-Centrum", 4.0, "buiten_centre", ("1331AA-1331LZ",)),
        N(2, "Bouwmeesterbuurt", 4.0, "architects", ("1331MA-1331ZZ",)),
        N(3, "Sieradenbuurt", 4.0, "jewels", ("1339",)),
    )),
    DistrictSpec(19, "Buiten-Zuid", BUITEN, "Wijkteam Buiten Centrum", (
        N(1, "Molenbuurt", 5.0, "mills", ("1332",)),
        N(2, "Bloemenbuurt", 5.0, "flowers", ("1333AA-1333LZ",)),
        N(3, "Seizoenenbuurt", 4.0, "seasons", ("1333MA-1333ZZ",)),
    )),
    DistrictSpec(20, "Buiten-West", BUITEN, "Wijkteam Stripheldenbuurt", (
        N(1, "Stripheldenbuurt", 5.0, "comic_heroes", ("1334",)),
        N(2, "Indischebuurt", 4.0, "indies", ("1335AA-1335LZ",)),
        N(3, "Landgoederenbuurt", 4.0, "estates", ("1335MA-1335ZZ",)),
    )),
    DistrictSpec(21, "Buiten-Oost", BUITEN, "Wijkteam Regenboogbuurt", (
        N(1, "Regenboogbuurt", 6.0, "colours", ("1336",)),
        N(2, "Faunabuurt", 5.0, "animals", ("1337",)),
        N(3, "Eilandenbuurt", 4.0, "islands", ("1338AA-1338LZ",)),
        N(4, "Oostvaardersbuurt", 3.0, "marsh_birds", ("1338MA-1338ZZ",)),
    )),
    # --- Almere Hout (134x) ---
    DistrictSpec(22, "Hout-Noord", HOUT, "Wijkteam Nobelhorst", (
        N(1, "Nobelhorst", 6.0, "nobel_laureates", ("1341",)),
        N(2, "Vogelhorst", 4.0, "songbirds", ("1342",)),
    )),
    DistrictSpec(23, "Hout-Zuid", HOUT, "Wijkteam Nobelhorst", (
        N(1, "Overgooi", 1.5, "gooi", ("1343",)),
        N(2, "Oosterwold", 4.5, "farmland", ("1344",)),
    )),
    # --- Almere Poort (136x) ---
    DistrictSpec(24, "Poort-Oost", POORT, "Wijkteam Homeruskwartier", (
        N(1, "Homeruskwartier", 8.0, "greek_myths", ("1361",)),
        N(2, "Olympiakwartier", 3.0, "sports", ("1362AA-1362KZ",)),
    )),
    DistrictSpec(25, "Poort-West", POORT, "Wijkteam Europakwartier", (
        N(1, "Europakwartier", 6.0, "countries", ("1363",)),
        N(2, "Columbuskwartier", 5.0, "explorers", ("1364",)),
        N(3, "Duin", 3.0, "dunes", ("1362LA-1362ZZ",)),
    )),
    # --- Almere Pampus (1369): mostly still to be built ---
    DistrictSpec(26, "Pampus", PAMPUS, "Wijkteam Waterwijk", (
        N(1, "Pampushout", 0.3, "forts", ("1369",)),
    )),
)
# fmt: on
