"""Themed street names per neighbourhood, as Almere names its streets (SYNTHETIC, approximate).

Almere gives every neighbourhood a theme: composers in the Muziekwijk, film makers in the Filmwijk,
herbs in the Kruidenwijk, cities in the Stedenwijk. Faker's nl_NL street names are invented and do
not follow such themes, so the generator takes its streets from here. The lists are plausible, not
a copy of the real street register.
"""

# Suffix cycles: the n-th base name gets suffixes[n % len(suffixes)].
_MIXED = ("straat", "straat", "laan", "straat", "pad", "plein", "straat", "weg")
_STRAAT = ("straat", "straat", "pad", "straat", "plein")


def _named(bases: tuple[str, ...], suffixes: tuple[str, ...] = _MIXED) -> tuple[str, ...]:
    return tuple(f"{base}{suffixes[i % len(suffixes)]}" for i, base in enumerate(bases))


def _fixed(bases: tuple[str, ...], suffix: str) -> tuple[str, ...]:
    return tuple(f"{base}{suffix}" for base in bases)


# fmt: off
STREET_THEMES: dict[str, tuple[str, ...]] = {
    # --- Almere Haven: old harbour centre, and neighbourhoods whose streets share one ending ---
    "haven_centre": (
        "Kerkgracht", "Marktgracht", "Havenhoofd", "Sluiskade", "Kruisstraat", "Veerkade",
        "Schippersgracht", "Havenstraat", "Torenstraat", "Brugstraat", "Kaaistraat", "Overloop",
    ),
    "boats": _fixed(
        ("Botter", "Schouw", "Tjalk", "Aak", "Hoogaars", "Schokker", "Punter", "Boeier", "Klipper", "Kotter"), "kade"
    ),
    "waterworks": _named(
        ("Sluiswachter", "Brugwachter", "Dijkgraaf", "Peilmeester", "Heemraad", "Veerman", "Dijkwerker",
         "Kanaalwachter", "Polderjongen", "Gemaalmeester"),
        _STRAAT,
    ),
    "courts": _fixed(
        ("Linde", "Eiken", "Essen", "Iepen", "Beuken", "Wilgen", "Berken", "Elzen", "Populieren", "Kastanje",
         "Platanen", "Esdoorn"),
        "hof",
    ),
    "commons": _fixed(
        ("Hooi", "Schapen", "Koe", "Ganzen", "Paarden", "Ossen", "Bijen", "Geiten", "Zwanen", "Eenden", "Hennep",
         "Vlas"),
        "meent",
    ),
    "marks": _fixed(
        ("Ooster", "Wester", "Zuider", "Noorder", "Hoeve", "Linde", "Veld", "Bos", "Heide", "Dorps", "Molen",
         "Kerk"),
        "mark",
    ),
    "wharves": _fixed(
        ("Zeilmakers", "Touwslagers", "Kuipers", "Timmermans", "Smids", "Zadelmakers", "Pottenbakkers",
         "Mandenmakers", "Blokmakers", "Kompasmakers", "Netbreiders", "Lijnbaans"),
        "werf",
    ),
    "mounds": _fixed(
        ("Hoge", "Lage", "Klei", "Terp", "Dorps", "Kerk", "Molen", "Noorder", "Zuider", "Wester", "Ooster",
         "Middel"),
        "wierde",
    ),
    "fields": _fixed(
        ("Tarwe", "Gerste", "Haver", "Rogge", "Maïs", "Koolzaad", "Vlas", "Bieten", "Klaver", "Lupine", "Spurrie",
         "Boekweit"),
        "veld",
    ),
    "regions": _fixed(
        ("Waterland", "Kennemer", "Westfries", "Amstel", "Gooi", "Eem", "Veluwe", "Salland", "Twente", "Drente",
         "Hunze", "Fivel"),
        "gouw",
    ),
    "osiers": _fixed(
        ("Wilgen", "Riet", "Biezen", "Elzen", "Hakhout", "Kreek", "Slik", "Vloed", "Eb", "Gors", "Kwel", "Zand"),
        "griend",
    ),
    # --- Almere Stad ---
    "stad_centre": (
        "Stadhuisplein", "Grote Markt", "Stationsplein", "Belfort", "Citadel", "Koetsierbaan", "Forum",
        "Esplanade", "Weerwaterplein", "Stadsstraat", "Schutterstraat", "Flevoplein",
    ),
    "statesmen": _named(
        ("Thorbecke", "Troelstra", "Drees", "Kuyper", "Colijn", "Schaepman", "Van Houten", "Cort van der Linden",
         "Nolens", "Schermerhorn", "Romme", "Beel")
    ),
    "resistance": _named(
        ("Hannie Schaft", "Walraven van Hall", "Johannes Post", "Titus Brandsma", "Gerrit van der Veen",
         "Corrie ten Boom", "Truus Wijsmuller", "Frieda Belinfante", "Jan Verleun", "Marinus Post"),
        _STRAAT,
    ),
    "cities_north": _named(
        ("Oslo", "Stockholm", "Kopenhagen", "Helsinki", "Bergen", "Göteborg", "Aarhus", "Malmö", "Turku",
         "Tromsø", "Uppsala", "Odense"),
        _STRAAT,
    ),
    "cities_middle": _named(
        ("Berlijn", "Hamburg", "München", "Keulen", "Wenen", "Praag", "Boedapest", "Dresden", "Bremen",
         "Warschau", "Krakau", "Leipzig"),
        _STRAAT,
    ),
    "cities_south": _named(
        ("Rome", "Madrid", "Lissabon", "Barcelona", "Napels", "Athene", "Florence", "Sevilla", "Porto",
         "Milaan", "Marseille", "Valencia"),
        _STRAAT,
    ),
    "dances": _named(
        ("Tango", "Wals", "Salsa", "Foxtrot", "Polka", "Rumba", "Samba", "Quickstep", "Mambo", "Bolero",
         "Flamenco", "Menuet"),
        _STRAAT,
    ),
    "composers": _named(
        ("Bach", "Beethoven", "Mozart", "Chopin", "Schubert", "Brahms", "Vivaldi", "Verdi", "Grieg", "Händel",
         "Haydn", "Sweelinck", "Ravel", "Debussy", "Mahler", "Bartók")
    ),
    "instruments": _named(
        ("Fluit", "Hobo", "Klarinet", "Cello", "Viool", "Harp", "Trombone", "Trompet", "Fagot", "Piano", "Orgel",
         "Luit", "Gitaar", "Saxofoon"),
        _STRAAT,
    ),
    "writers_classic": _named(
        ("Multatuli", "Vondel", "Bredero", "Hooft", "Cats", "Bilderdijk", "Potgieter", "Busken Huet", "Couperus",
         "Van Eeden", "Gorter", "Heijermans")
    ),
    "writers_modern": _named(
        ("Vestdijk", "Hermans", "Reve", "Mulisch", "Jan Wolkers", "Annie M.G. Schmidt", "Hella Haasse",
         "Elsschot", "Nescio", "Bordewijk", "Carmiggelt", "Marsman")
    ),
    "fish": _named(
        ("Snoek", "Baars", "Karper", "Brasem", "Voorn", "Zeelt", "Forel", "Paling", "Meerval", "Winde", "Kwabaal",
         "Ruisvoorn"),
        ("straat", "kade", "pad", "straat"),
    ),
    "water_plants": _named(
        ("Waterlelie", "Lisdodde", "Kalmoes", "Waterweegbree", "Kikkerbeet", "Krabbenscheer", "Mattenbies",
         "Pijlkruid", "Zwanenbloem", "Watermunt", "Dotterbloem", "Gele Plomp"),
        ("straat", "pad", "straat", "kade"),
    ),
    "rivers": _named(
        ("Rijn", "Maas", "Waal", "IJssel", "Vecht", "Eem", "Amstel", "Schelde", "Lek", "Linge", "Dommel", "Dinkel"),
        ("straat", "kade", "straat", "pad"),
    ),
    "lakes": _named(
        ("Gooimeer", "Eemmeer", "Veluwemeer", "Markermeer", "Wolderwijd", "Drontermeer", "Ketelmeer", "Zwartemeer",
         "Braassemermeer", "Tjeukemeer", "Sneekermeer", "Fluessen"),
        ("straat", "pad", "straat", "kade"),
    ),
    "film_makers": _named(
        ("Hitchcock", "Fellini", "Bergman", "Kurosawa", "Truffaut", "Eisenstein", "Chaplin", "Joris Ivens",
         "Bert Haanstra", "Fons Rademakers", "Lumière", "Méliès", "Renoir", "Fritz Lang")
    ),
    "painters": _named(
        ("Rembrandt", "Vermeer", "Frans Hals", "Jan Steen", "Mondriaan", "Van Gogh", "Escher", "Breitner",
         "Israëls", "Mesdag", "Toorop", "Karel Appel", "Jongkind")
    ),
    "herbs_sweet": _named(
        ("Basilicum", "Rozemarijn", "Tijm", "Salie", "Kervel", "Dille", "Peterselie", "Bieslook", "Dragon",
         "Marjolein", "Oregano", "Lavendel"),
        ("straat", "weg", "straat", "pad"),
    ),
    "herbs_spicy": _named(
        ("Anijs", "Venkel", "Koriander", "Komijn", "Kamille", "Citroenmelisse", "Pepermunt", "Lavas", "Mosterd",
         "Karwij", "Bernagie", "Valeriaan"),
        ("straat", "weg", "straat", "pad"),
    ),
    "castles": _named(
        ("Muiderslot", "Loevestein", "Doornenburg", "Radboud", "Ammersoyen", "Hernen", "De Haar", "Duurstede",
         "Brederode", "Sypesteyn", "Heeswijk", "Cannenburch"),
        ("straat", "laan", "straat", "plein"),
    ),
    "orchards": (
        "Appelgaard", "Perengaard", "Kersengaard", "Pruimengaard", "Walnootgaard", "Hazelaargaard",
        "Kweepeergaard", "Mispelgaard", "Moerbeigaard", "Vijgengaard", "Abrikozengaard", "Perzikgaard",
    ),
    # --- Almere Buiten ---
    "buiten_centre": (
        "Stationsstraat", "Marktplein", "Baan", "Kerkplein", "Bolderweg", "Stadhuisweg", "Kantoorstraat",
        "Busbaan", "Poortplein", "Werfstraat",
    ),
    "architects": _named(
        ("Berlage", "Dudok", "Rietveld", "Cuypers", "Oud", "Michel de Klerk", "Duiker", "Van Eesteren",
         "Piet Kramer", "Van Tijen", "Bakema", "Aldo van Eyck")
    ),
    "jewels": _named(
        ("Robijn", "Saffier", "Smaragd", "Diamant", "Opaal", "Parel", "Amethist", "Topaas", "Granaat", "Jade",
         "Barnsteen", "Agaat"),
        _STRAAT,
    ),
    "mills": _named(
        ("Korenmolen", "Zaagmolen", "Oliemolen", "Poldermolen", "Standerdmolen", "Stellingmolen", "Wipmolen",
         "Spinnenkop", "Paltrokmolen", "Grondzeiler", "Bovenkruier", "Tjasker"),
        _STRAAT,
    ),
    "flowers": _named(
        ("Tulp", "Narcis", "Krokus", "Lelie", "Iris", "Dahlia", "Anjer", "Hyacint", "Zonnebloem", "Klaproos",
         "Margriet", "Pioen"),
        _STRAAT,
    ),
    "seasons": _named(
        ("Lente", "Zomer", "Herfst", "Winter", "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli",
         "Augustus", "September", "Oktober", "November", "December"),
        _STRAAT,
    ),
    "comic_heroes": _named(
        ("Kuifje", "Kapitein Haddock", "Suske en Wiske", "Lambik", "Jerom", "Nero", "Asterix", "Obelix",
         "Lucky Luke", "Guust Flater", "Robbedoes", "Olivier B. Bommel", "Tom Poes", "Blake en Mortimer"),
        _STRAAT,
    ),
    "indies": _named(
        ("Java", "Sumatra", "Borneo", "Celebes", "Bali", "Lombok", "Timor", "Ambon", "Flores", "Madoera",
         "Ternate", "Billiton"),
        _STRAAT,
    ),
    "estates": _named(
        ("Elswout", "Beeckestijn", "Groeneveld", "Gooilust", "Trompenburgh", "Middachten", "Rosendael", "Twickel",
         "Oranjewoud", "Clingendael", "Boekesteyn", "Duin en Kruidberg"),
        ("laan", "straat", "laan", "hof"),
    ),
    "colours": _named(
        ("Karmijn", "Oker", "Indigo", "Vermiljoen", "Purper", "Azuur", "Kobalt", "Ultramarijn", "Magenta", "Cyaan",
         "Zilver", "Koper"),
        _STRAAT,
    ),
    "animals": _named(
        ("Bever", "Otter", "Das", "Vos", "Egel", "Hermelijn", "Wezel", "Eekhoorn", "Edelhert", "Haas", "Marter",
         "Bunzing", "Lynx", "Bizon"),
        _STRAAT,
    ),
    "islands": _named(
        ("Texel", "Vlieland", "Terschelling", "Ameland", "Schiermonnikoog", "Urk", "Marken", "Schokland",
         "Tholen", "Walcheren", "Goeree", "Voorne"),
        _STRAAT,
    ),
    "marsh_birds": _named(
        ("Lepelaar", "Aalscholver", "Grauwe Gans", "Zeearend", "Kiekendief", "Roerdomp", "Grutto", "Kievit",
         "Tureluur", "Blauwe Reiger", "Baardman", "Krakeend"),
        _STRAAT,
    ),
    # --- Almere Hout ---
    "nobel_laureates": _named(
        ("Lorentz", "Zeeman", "Kamerlingh Onnes", "Van der Waals", "Einthoven", "Tinbergen", "Eijkman", "Zernike",
         "Bloembergen", "Marie Curie", "Einstein", "Niels Bohr"),
        ("straat", "laan", "straat", "hof"),
    ),
    "songbirds": _named(
        ("Merel", "Lijster", "Koolmees", "Vink", "Roodborst", "Winterkoning", "Spreeuw", "Goudvink", "Putter",
         "Kwikstaart", "Nachtegaal", "Boomklever"),
        ("straat", "pad", "hof", "straat"),
    ),
    "gooi": _named(
        ("Blaricum", "Laren", "Huizen", "Naarden", "Bussum", "Eemnes", "Hilversum", "Muiderberg", "Muiden",
         "Weesp", "Loosdrecht", "Kortenhoef"),
        ("pad", "weg", "pad", "laan"),
    ),
    "farmland": _fixed(
        ("Kavel", "Hoeve", "Boomgaard", "Akker", "Weide", "Erf", "Schuur", "Moestuin", "Hooiberg", "Graanschuur",
         "Bijenstal", "Melkveld"),
        "weg",
    ),
    # --- Almere Poort ---
    "greek_myths": _named(
        ("Odysseus", "Achilles", "Hector", "Penelope", "Athene", "Apollo", "Hermes", "Helena", "Ariadne",
         "Perseus", "Andromeda", "Orpheus", "Icarus", "Telemachus")
    ),
    "sports": (
        "Marathonweg", "Sprintstraat", "Estafettestraat", "Discusstraat", "Speerstraat", "Polsstokstraat",
        "Hordestraat", "Kogelstraat", "Tienkampstraat", "Olympiaplein", "Finishpad", "Startbaan",
    ),
    "countries": _named(
        ("Frankrijk", "Spanje", "Portugal", "Italië", "Griekenland", "Zweden", "Noorwegen", "Denemarken", "Finland",
         "Ierland", "Polen", "Oostenrijk", "Hongarije", "Kroatië")
    ),
    "explorers": _named(
        ("Columbus", "Magelhaen", "Vasco da Gama", "Tasman", "Barentsz", "Heemskerck", "Cook", "Amundsen",
         "Nansen", "Livingstone", "Marco Polo", "De Houtman")
    ),
    "dunes": (
        "Strandboulevard", "Duinpad", "Helmgrasweg", "Duindoornpad", "Zeekraalstraat", "Lamsoorpad",
        "Zandhaverstraat", "Duinroospad", "Zeewindestraat", "Kruipwilgpad", "Schelpenpad", "Branding",
    ),
    # --- Almere Pampus ---
    "forts": (
        "Pampusplein", "Fortweg", "Vestingpad", "Schansweg", "Bastionstraat", "Kazemattenpad", "Reduitweg",
        "Glacisstraat",
    ),
}
# fmt: on
