"""The social map and the collective provisions of the synthetic city, with the seeds' figures as yardstick.

SYNTHETIC. Figures from the seeds (city scale, a year): the administrative help desk 1,905 questions (2016) and
1,770 (2017), 50 residents referred on to debt counselling and 200+ Nibud budget folders; friendship groups: 19
active groups with 119 participants and 216 help seekers; the information point "Voor Mekaar": about 550
questions a year, 70% answered by the volunteers themselves. Rides, prescriptions, language help and food
bank referrals have no figure in the seeds; their volumes below are plausible guesses, named as such.
"""

# --- the help desk ------------------------------------------------------------------------------------------
DESK_QUESTIONS = {2015: 1_850, 2016: 1_905, 2017: 1_770, 2018: 1_760, 2019: 1_790, 2020: 1_250, 2021: 1_550}
DESK_QUESTIONS_LATER = 1_650  # 2022 on
DESK_DEBT_COUNSELLING = 50  # per year: referred on to debt counselling (Plangroep)
DESK_FOLDERS = 205  # per year: Nibud budget folders handed out
DESK_REFERRED_SHARE = 0.16  # passed on to a professional or another organisation
DESK_TOPICS = (("letters", 30), ("forms", 22), ("taxes", 14), ("allowances", 18), ("debts", 9), ("budget", 7))
DESK_TOPICS_LOCKDOWN = (
    ("letters", 24),
    ("forms", 18),
    ("taxes", 10),
    ("allowances", 22),
    ("debts", 16),
    ("budget", 10),
)
DESK_PASSED_TO = ("Belastingdienst (BelastingTelefoon)", "UWV", "Wmo-consulent", "Algemeen Maatschappelijk Werk")
# In 2020 the walk-in hours became phone hours (seed: "in 2020 it moved to phone hours").
PHONE_HOURS_FROM = 2020
NAMED_SHARE = 0.08  # visitors who leave a name (with consent); the rest stays anonymous

# --- the information point ---------------------------------------------------------------------------------
INFO_POINT_QUESTIONS = 550  # per centre, per year
INFO_POINT_ANSWERED = 0.70
INFO_TOPICS = (("welfare", 30), ("care", 22), ("provisions", 24), ("regulations", 14), ("housing", 6), ("other", 4))
INFO_PASSED_TO = ("wijkteam", "Wmo-consulent", "MEE", "WonenPlus", "Humanitas", "huisarts")

# --- friendship groups -------------------------------------------------------------------------------------
GROUPS = 19
HELP_SEEKERS = 216  # per year
PLACED_SHARE = 0.62
GROUP_SIZE = 8
STAY_YEARS = 1.1  # mean time in a group
GROUP_NAMES = (
    "Wandelgroep", "Koffie en kaarten", "Samen koken", "Spelletjesmiddag", "Creatief café", "Fietsclub",
    "Muziek maken", "Tuinieren", "Leesclub", "Samen naar de markt",
)  # fmt: skip
GROUP_WISHES = (
    "graag overdag", "rustige groep, weinig mensen", "in de buurt, lopend bereikbaar", "iets met buiten zijn",
    "mensen van mijn leeftijd", "",
)  # fmt: skip

# --- language help ("Doe mee met taal", from September 2017) -----------------------------------------------
LANGUAGE_FROM = (2017, 9)
LANGUAGE_SIGNALS = 130  # per year, a guess
LANGUAGE_SOURCES = (("worker", 40), ("volunteer", 20), ("library", 15), ("school", 10), ("gp", 8), ("self", 7))
LANGUAGE_GOALS = (
    "Zelf de post van de gemeente lezen", "De kinderen voorlezen", "Een sollicitatiebrief schrijven",
    "Formulieren van de huisarts invullen", "Berichten van school begrijpen",
)  # fmt: skip
LANGUAGE_BUDDIES = ("Ria", "Jan", "Ahmed", "Marijke", "Kees", "Sevda", "Wim")

# --- Welzijn op Recept, per community centre ---------------------------------------------------------------
PRESCRIPTIONS = 60  # per centre per year, a guess
PRESCRIPTION_REASONS = (
    ("loneliness", 38),
    ("gloom", 26),
    ("grief", 10),
    ("inactivity", 16),
    ("physical", 8),
    ("other", 2),
)
PRESCRIPTION_OUTCOMES = (("fewer", 58), ("same", 27), ("more", 5), ("stopped", 10))

# --- the Max-mobiel: one car per community centre ----------------------------------------------------------
RIDES_PER_WEEKDAY = 4  # per car, a guess
DRIVERS_PER_CAR = 4
RIDE_TIMES = ((9, 0), (10, 0), (11, 0), (13, 30), (14, 30), (15, 30))
RIDE_PURPOSES = (("doctor", 34), ("hospital", 14), ("hairdresser", 12), ("family", 16), ("shop", 14), ("activity", 10))
RIDE_DESTINATIONS = {
    "doctor": ("Huisartsenpraktijk De Brug", "Tandartspraktijk Centrum", "Gezondheidscentrum Stedenwijk"),
    "hospital": ("Flevoziekenhuis", "Fysiotherapie Het Baken"),
    "hairdresser": ("Kapsalon Marja", "Kapper Ali"),
    "family": ("bij de dochter, Haven", "bij de zoon, Buiten"),
    "shop": ("Winkelcentrum Stadshart", "Markt op het Stadhuisplein"),
    "activity": ("Koffieochtend wijkcentrum", "Biljartclub De Keu"),
}
RIDES_AHEAD_DAYS = 14  # the coming fortnight is booked (the demo shows tomorrow's schedule)

# --- the food bank desk and the city pass ------------------------------------------------------------------
FOOD_BANK = {2020: 420, 2021: 460}  # per year; rising since the 2020 lockdown (seed)
FOOD_BANK_BEFORE = 280
FOOD_BANK_LATER = 430
FOOD_BANK_REASONS = (
    "Inkomen weggevallen na ontslag; uitkering nog niet toegekend.",
    "Schulden; Plangroep maakt een budgetplan.",
    "Alleenstaande ouder, vaste lasten hoger dan het inkomen.",
    "Energierekening verdubbeld, geen buffer.",
)
CITY_PASS_SHARE = 0.04  # of adults

# --- the social map ----------------------------------------------------------------------------------------
# Providers: (name, kind of place, description); Humanitas has accounts in wijkkracht (it reports back).
PROVIDERS = (
    ("Humanitas Almere", "buurthuis", "Vrijwilligers voor thuisadministratie, taalmaatjes en maatjes."),
    ("VMCA", "kantoor", "Vrijwilligers- en mantelzorgcentrale."),
    ("De Schoor welzijn", "buurthuis", "Welzijnswerk in de wijk."),
    ("Plangroep schuldhulp", "kantoor", "Schuldhulpverlening van de gemeente."),
    ("Voedselbank Almere", "uitgiftepunt", "Voedselpakketten voor wie het even niet redt."),
    ("Bibliotheek Almere", "bibliotheek", "Taalhuis, digitale hulp en leesclubs."),
    ("Stichting Wijkcentra", "wijkcentrum", "De wijkcentra: ontmoeting, informatiepunt, Max-mobiel."),
    ("MEE", "kantoor", "Ondersteuning bij een beperking."),
    ("Sportservice Almere", "sporthal", "Bewegen voor iedereen."),
    ("Kerk De Ontmoeting", "kerk", "Inloop en maaltijden."),
    ("Moskee Al Fath", "moskee", "Inloop en taalles."),
    ("WonenPlus", "kantoor", "Diensten aan huis voor ouderen."),
    ("Buurtvereniging", "buurthuis", "Bewonersinitiatieven in de buurt."),
    ("GGD Flevoland", "kantoor", "Gezondheid en preventie."),
    ("Expertisecentrum Mantelzorg", "kantoor", "Steun voor mantelzorgers."),
)
# Resource templates: (name, provider index, kind, needs, domains, target group, min age, max age, free, cost,
# languages, per neighbourhood?). Those "per neighbourhood" are offered in many neighbourhoods.
RESOURCES = (
    ("Thuisadministratie", 0, "service", ("paperwork", "money"), ("finances",), "", 18, None, True, "", ("nld",), True),
    (
        "Taalmaatje",
        0,
        "service",
        ("language",),
        ("work_education", "social_participation"),
        "anderstaligen en NT1",
        16,
        None,
        True,
        "",
        ("nld", "ara", "tir"),
        False,
    ),
    (
        "Maatjesproject",
        0,
        "service",
        ("company",),
        ("social_network",),
        "eenzame volwassenen",
        18,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Vriendenkringen",
        1,
        "provision",
        ("company",),
        ("social_network",),
        "mensen die een netwerk zoeken, ook met autisme",
        18,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Mantelzorgcafé",
        14,
        "activity",
        ("carer_support", "company"),
        ("social_network", "mental_health"),
        "mantelzorgers",
        12,
        None,
        True,
        "",
        ("nld",),
        True,
    ),
    (
        "Burennetwerk",
        1,
        "service",
        ("care_at_home", "company"),
        ("instrumental_adl", "social_network"),
        "",
        None,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Administratief spreekuur",
        2,
        "provision",
        ("paperwork", "money"),
        ("finances",),
        "",
        18,
        None,
        True,
        "",
        ("nld", "tur", "ara"),
        True,
    ),
    (
        "Schuldhulpverlening",
        3,
        "service",
        ("debts", "money"),
        ("finances",),
        "inwoners met schulden",
        18,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    ("Budgetcursus Grip op geld", 3, "activity", ("money",), ("finances",), "", 18, None, True, "", ("nld",), False),
    (
        "Voedselpakket",
        4,
        "service",
        ("food",),
        ("finances", "basic_adl"),
        "huishoudens onder de norm",
        None,
        None,
        True,
        "",
        ("nld", "eng"),
        False,
    ),
    (
        "Taalhuis",
        5,
        "service",
        ("language", "digital"),
        ("work_education",),
        "laaggeletterden (NT1 en NT2)",
        16,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Digitaal spreekuur",
        5,
        "activity",
        ("digital", "paperwork"),
        ("social_participation",),
        "",
        16,
        None,
        True,
        "",
        ("nld",),
        True,
    ),
    (
        "Leesclub",
        5,
        "activity",
        ("company",),
        ("daily_activities",),
        "",
        12,
        None,
        False,
        "€ 2,50 per keer",
        ("nld",),
        True,
    ),
    (
        "Koffieochtend",
        6,
        "activity",
        ("company",),
        ("social_network", "daily_activities"),
        "",
        None,
        None,
        True,
        "",
        ("nld",),
        True,
    ),
    (
        "Informatiepunt Voor Mekaar",
        6,
        "provision",
        ("information",),
        ("social_participation",),
        "iedereen, jong en oud",
        None,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Max-mobiel",
        6,
        "provision",
        ("transport",),
        ("instrumental_adl", "social_participation"),
        "ouderen en minder mobielen",
        18,
        None,
        False,
        "€ 1,50 per rit",
        ("nld",),
        False,
    ),
    (
        "Welzijn op Recept",
        6,
        "provision",
        ("mind", "company"),
        ("mental_health", "social_network"),
        "op verwijzing van de huisarts",
        18,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Samen eten",
        9,
        "activity",
        ("company", "food"),
        ("social_network",),
        "",
        None,
        None,
        False,
        "€ 4 per maaltijd",
        ("nld",),
        True,
    ),
    (
        "Inloop en taalles",
        10,
        "activity",
        ("language", "company"),
        ("social_participation",),
        "vrouwen",
        16,
        None,
        True,
        "",
        ("nld", "ara", "ary", "zgh"),
        False,
    ),
    (
        "Cliëntondersteuning",
        7,
        "service",
        ("information", "paperwork"),
        ("social_participation",),
        "mensen met een beperking",
        None,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Bewegen voor ouderen",
        8,
        "activity",
        ("health", "company"),
        ("physical_health",),
        "65-plussers",
        65,
        None,
        False,
        "€ 3 per les",
        ("nld",),
        True,
    ),
    (
        "Sportief na schooltijd",
        8,
        "activity",
        ("health",),
        ("daily_activities",),
        "kinderen",
        6,
        12,
        True,
        "",
        ("nld",),
        True,
    ),
    (
        "Klussendienst",
        11,
        "service",
        ("care_at_home",),
        ("housing", "instrumental_adl"),
        "ouderen",
        65,
        None,
        False,
        "€ 7,50 per uur",
        ("nld",),
        False,
    ),
    (
        "Boodschappenhulp",
        11,
        "service",
        ("care_at_home",),
        ("instrumental_adl",),
        "ouderen",
        70,
        None,
        False,
        "€ 5 per keer",
        ("nld",),
        False,
    ),
    (
        "Buurtmoestuin",
        12,
        "initiative",
        ("company", "work"),
        ("daily_activities", "social_network"),
        "",
        None,
        None,
        True,
        "",
        ("nld",),
        True,
    ),
    ("Repair café", 12, "initiative", ("company",), ("daily_activities",), "", None, None, True, "", ("nld",), True),
    (
        "Opvoedsteunpunt",
        13,
        "service",
        ("parenting",),
        ("domestic_relations",),
        "ouders van kinderen tot 18",
        18,
        None,
        True,
        "",
        ("nld", "tur", "ara", "pol"),
        False,
    ),
    ("Gezond in de wijk", 13, "activity", ("health",), ("physical_health",), "", 18, None, True, "", ("nld",), True),
    (
        "Steunpunt mantelzorg",
        14,
        "service",
        ("carer_support",),
        ("social_network", "mental_health"),
        "mantelzorgers, ook jonge",
        8,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Vrijwilligerswerk vinden",
        1,
        "service",
        ("work",),
        ("work_education", "social_participation"),
        "",
        16,
        None,
        True,
        "",
        ("nld", "eng"),
        False,
    ),
    (
        "Lotgenotengroep rouw",
        9,
        "activity",
        ("mind", "company"),
        ("mental_health",),
        "na een verlies",
        18,
        None,
        True,
        "",
        ("nld",),
        False,
    ),
    (
        "Huiswerkbegeleiding",
        2,
        "activity",
        ("parenting",),
        ("work_education",),
        "kinderen van 8 tot 16",
        8,
        16,
        True,
        "",
        ("nld",),
        True,
    ),
)
WAITING = ("", "", "geen wachttijd", "1 tot 2 weken", "ongeveer een maand", "wachtlijst van 3 maanden")
ACCESSIBILITY = ("drempelvrij, lift aanwezig", "rolstoeltoegankelijk, invalidentoilet", "ringleiding in de zaal", "")
WEEK_TIMES = ((1, 9, 12), (2, 13, 16), (3, 9, 12), (4, 19, 21), (5, 10, 12), (6, 10, 13))
