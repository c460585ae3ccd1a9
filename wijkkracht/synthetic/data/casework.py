"""Fixture data for ten years of case work: volumes, channels, questions, solution paths, notes.

SYNTHETIC. The headline figures follow the Almere neighbourhood-team reports (see /work/shared/DOMAIN.md):
about 2,700 active residents in 2016 and 3,000 in 2017, an informal share (voorveld) rising from 17% in
2015 to 34% from 2016 on, about a third handled by the team itself, 303 -> 345 informal carers received
or referred, a rating of 9-. Everything else (the questions, the notes, the weights) is invented.
"""

from datetime import date

FIRST_YEAR = 2015

# Help requests per year, city-wide, at city scale (220,000 residents). 2026 is pro-rated up to today.
YEAR_VOLUME = {
    2015: 2_400,
    2016: 2_674,
    2017: 2_981,
    2018: 3_050,
    2019: 3_150,
    2020: 3_050,
    2021: 3_200,
    2022: 3_300,
    2023: 3_350,
    2024: 3_420,
    2025: 3_480,
    2026: 3_500,
}
# The informal share of closed requests per year of closing (the voorveld figure).
INFORMAL_SHARE = {2015: 0.17}
INFORMAL_SHARE_LATER = 0.34
# Of the rest: handled by the team itself with advice (about 35% of all), the remainder formal.
TEAM_ITSELF_SHARE = 0.35

# The 2020 lockdown: walk-in hours became phone hours, questions more financial.
LOCKDOWN = (date(2020, 3, 16), date(2021, 6, 1))

CHANNELS = ("walk_in", "phone", "online", "outreach", "gp_referral", "partner_referral", "find_place")
CHANNEL_WEIGHTS = (30, 30, 8, 8, 7, 10, 7)
CHANNEL_WEIGHTS_LOCKDOWN = (4, 52, 18, 9, 7, 9, 1)
ONLINE_GROWTH_PER_YEAR = 0.8  # online grows a little every year (weight points)

# Question domains (ZRM life domains) and how often a request is mainly about them.
DOMAIN_WEIGHTS = {
    "finances": 27,
    "social_network": 15,
    "housing": 11,
    "physical_health": 8,
    "mental_health": 8,
    "daily_activities": 7,
    "domestic_relations": 6,
    "instrumental_adl": 6,
    "work_education": 4,
    "social_participation": 3,
    "basic_adl": 2,
    "substance_use": 2,
    "justice": 1,
}
LOCKDOWN_DOMAIN_BOOST = {"finances": 1.5, "mental_health": 1.4, "social_network": 1.2}

# Questions in residents' own words, per domain.
QUESTIONS = {
    "finances": (
        "Ik krijg steeds meer brieven van de Belastingdienst en ik snap er niets van. Kan iemand met mij meekijken?",
        "Sinds mijn scheiding kom ik elke maand tekort. De huur is al twee maanden niet betaald.",
        "Er ligt een stapel ongeopende post op tafel. Ik durf het niet meer open te maken.",
        "Ik moet mijn toeslagen aanvragen maar ik heb geen DigiD en weet niet hoe dat moet.",
        "Mijn zoon heeft schulden bij een webwinkel en nu komt er een deurwaarder. Wat kunnen we doen?",
        "Ik ben mijn baan kwijt en weet niet hoe ik een uitkering aanvraag.",
        "De energierekening is zo hoog geworden, ik kan het niet meer betalen.",
        "Ik wil graag leren hoe ik een budget maak zodat ik niet elke maand rood sta.",
        "Ik heb een betalingsregeling met de zorgverzekeraar gemist en nu is het bedrag verdubbeld.",
        "Kunt u helpen met het invullen van de formulieren voor bijzondere bijstand?",
        "Wij hebben deze week geen geld meer voor boodschappen. Bestaat er een voedselbank hier?",
    ),
    "social_network": (
        "Sinds mijn vrouw is overleden zie ik bijna niemand meer. De dagen zijn zo lang.",
        "Ik woon hier pas een jaar en ken nog niemand in de buurt. Ik zou graag mensen leren kennen.",
        "Mijn kinderen wonen ver weg en ik voel me vaak alleen, vooral in het weekend.",
        "Ik zou het fijn vinden als er af en toe iemand langskomt voor een kopje koffie en een praatje.",
        "Sinds ik niet meer kan autorijden kom ik de deur bijna niet meer uit.",
        "Mijn moeder (82) is erg eenzaam. Kan er iemand bij haar op bezoek gaan?",
        "Ik ben alleen met twee kinderen in een nieuw land en ik heb niemand om op terug te vallen.",
    ),
    "housing": (
        "Er zit schimmel in de slaapkamer van de kinderen en de verhuurder doet niets.",
        "Ik moet mijn huis uit en heb nog geen nieuwe woning. Waar moet ik naartoe?",
        "De trap wordt te zwaar voor mij. Is er een mogelijkheid voor een traplift of een andere woning?",
        "De buren maken elke nacht lawaai en ik slaap al weken slecht. Hoe los ik dit op?",
        "Mijn huurcontract loopt af en ik weet niet hoe ik urgentie aanvraag.",
        "Mijn huis is een rommel geworden en ik schaam me om iemand binnen te laten.",
    ),
    "physical_health": (
        "Na mijn heupoperatie kan ik niet goed meer lopen. Wie helpt mij met de boodschappen?",
        "Ik heb suikerziekte en vergeet vaak mijn medicijnen. Mijn dochter maakt zich zorgen.",
        "Ik ben slechtziend geworden en kan mijn post niet meer lezen.",
        "Mijn man heeft een beroerte gehad en ik weet niet welke hulp er allemaal is.",
        "Ik ben altijd moe en heb pijn, ik weet niet meer bij wie ik moet aankloppen.",
    ),
    "mental_health": (
        "Ik slaap slecht en pieker de hele dag. Ik zit niet lekker in mijn vel.",
        "Sinds de coronatijd voel ik me somber en ik kom nergens meer toe.",
        "Mijn dochter van zestien sluit zich op in haar kamer en wil niet meer naar school.",
        "Ik heb paniekaanvallen als ik de straat op moet. Ik wil hulp, maar niet meteen een psychiater.",
        "Mijn broer is verward en loopt 's nachts op straat. Ik weet niet wat ik moet doen.",
    ),
    "daily_activities": (
        "Ik ben met pensioen en verveel me. Zijn er activiteiten in de buurt voor mij?",
        "Ik wil graag vrijwilligerswerk doen, maar weet niet waar ik moet beginnen.",
        "De huisarts zegt dat ik meer moet bewegen en onder de mensen moet komen. Wat is er hier te doen?",
        "Mijn zoon zit thuis sinds hij van school is gegaan en doet de hele dag niets.",
    ),
    "domestic_relations": (
        "Mijn man en ik hebben veel ruzie en de kinderen lijden eronder.",
        "Ik ga scheiden en weet niet hoe ik het moet regelen met de kinderen.",
        "Mijn puberzoon luistert niet meer en ik weet niet hoe ik met hem moet praten.",
        "Ik zorg voor mijn vader met dementie en het wordt me allemaal te veel.",
        "Mijn ex-partner blijft me lastigvallen. Ik voel me thuis niet meer veilig.",
    ),
    "instrumental_adl": (
        "Ik kan mijn huishouden niet meer goed bijhouden sinds mijn knieoperatie.",
        "Wie kan mij helpen met de boodschappen? Ik kan niet meer zo ver lopen.",
        "Ik moet naar het ziekenhuis in Amsterdam maar heb geen vervoer.",
        "Ik kan niet overweg met de computer en alles moet tegenwoordig online.",
        "Mijn tuin is een wildernis geworden en de verhuurder stuurt boze brieven.",
    ),
    "work_education": (
        "Ik wil graag werken, maar mijn Nederlands is nog niet goed genoeg. Waar kan ik taalles volgen?",
        "Mijn dochter heeft faalangst en haalt slechte cijfers. Is er iemand die haar kan helpen?",
        "Ik ben al lang werkloos en wil weer aan de slag, maar weet niet hoe.",
        "Mijn zoon is van school gestuurd en zit nu thuis. Wat nu?",
    ),
    "social_participation": (
        "Ik wil graag iets voor de buurt doen. Kan ik ergens helpen?",
        "Ik heb een bijstandsuitkering en moet iets tegenprestatie doen, maar weet niet wat.",
        "Ik wil Nederlanders leren kennen om mijn taal te oefenen.",
    ),
    "basic_adl": (
        "Ik kan mezelf niet meer goed wassen en aankleden sinds mijn val.",
        "Mijn moeder eet niet meer goed sinds ze alleen woont. Wie kan helpen?",
    ),
    "substance_use": (
        "Mijn man drinkt te veel en wordt dan boos. Ik weet niet waar ik hulp kan vragen.",
        "Ik wil minderen met blowen maar het lukt me niet alleen.",
    ),
    "justice": (
        "Ik kom binnenkort vrij en heb geen woning en geen inkomen. Wie kan me helpen?",
        "Ik heb een boete gekregen die ik niet begrijp en niet kan betalen.",
    ),
}

# Solution paths per domain: which informal paths fit, which formal path it takes when formal.
INFORMAL_BY_DOMAIN = {
    "finances": ("collective_provision", "volunteer", "social_map_referral", "own_network"),
    "social_network": ("volunteer", "collective_provision", "neighbour_help", "own_network"),
    "housing": ("social_map_referral", "own_network", "neighbour_help"),
    "physical_health": ("neighbour_help", "own_network", "volunteer"),
    "mental_health": ("collective_provision", "own_network", "social_map_referral"),
    "daily_activities": ("collective_provision", "social_map_referral", "volunteer"),
    "domestic_relations": ("own_network", "social_map_referral", "collective_provision"),
    "instrumental_adl": ("neighbour_help", "volunteer", "own_network"),
    "work_education": ("volunteer", "collective_provision", "social_map_referral"),
    "social_participation": ("collective_provision", "social_map_referral", "volunteer"),
    "basic_adl": ("own_network", "neighbour_help"),
    "substance_use": ("social_map_referral", "own_network"),
    "justice": ("social_map_referral", "own_network"),
}
# Weight of a domain towards an informal solution (loneliness: often; debts, addiction: rarely).
INFORMAL_AFFINITY = {
    "finances": 0.8,
    "social_network": 2.2,
    "housing": 0.7,
    "physical_health": 1.0,
    "mental_health": 0.6,
    "daily_activities": 2.0,
    "domestic_relations": 0.7,
    "instrumental_adl": 1.6,
    "work_education": 1.2,
    "social_participation": 2.0,
    "basic_adl": 0.5,
    "substance_use": 0.3,
    "justice": 0.4,
}
FORMAL_BY_DOMAIN = {
    "finances": "warm_handover",
    "housing": "wmo_provision",
    "physical_health": "wmo_provision",
    "basic_adl": "wmo_provision",
    "instrumental_adl": "wmo_provision",
}  # every other domain: warm_handover

# The informal-first step: why an informal option does not fit (when the request goes formal).
CHECK_REASONS = {
    "own_network": (
        "De kinderen wonen ver weg en kunnen niet vaker komen dan ze al doen.",
        "Het netwerk is klein: alleen een zus, en die is zelf ziek.",
        "Inwoner wil de familie hier niet mee belasten; besproken, maar geen mogelijkheid.",
        "Partner is zelf mantelzorger en al zwaar belast.",
    ),
    "volunteer": (
        "De vraag is te complex voor een vrijwilliger: er is professionele begeleiding nodig.",
        "Geen passende vrijwilliger in de buurt beschikbaar; wachtlijst van maanden.",
        "Inwoner wil geen vrijwilliger over de vloer.",
    ),
    "neighbour_help": (
        "Burenhulp is besproken, maar de hulp is dagelijks nodig; dat is te veel voor buren.",
        "Er is geen burennetwerk in deze straat.",
        "Persoonlijke verzorging kan niet door buren worden gedaan.",
    ),
    "collective_provision": (
        "Het administratief spreekuur is niet genoeg: er zijn problematische schulden.",
        "Geen algemene voorziening die hierbij past; besproken met de inwoner.",
        "Inwoner kan door zijn beperking niet naar de groep in het wijkcentrum komen.",
    ),
}

CONTACT_KIND_BY_CHANNEL = {
    "walk_in": "walk_in",
    "phone": "call",
    "online": "message",
    "outreach": "visit",
    "gp_referral": "call",
    "partner_referral": "call",
    "find_place": "walk_in",
}
FOLLOW_UP_KINDS = ("call", "visit", "message", "walk_in")
FOLLOW_UP_WEIGHTS = (40, 30, 18, 12)
FOLLOW_UP_KINDS_LOCKDOWN_WEIGHTS = (60, 10, 28, 2)

CONTACT_NOTES = {
    "first": (
        "Kennismaking, vraag opgeschreven in eigen woorden.",
        "Eerste gesprek: situatie in kaart gebracht, afspraak gemaakt voor huisbezoek.",
        "Inwoner vertelde over de situatie thuis; vervolggesprek afgesproken.",
        "Aanmelding besproken in het teamoverleg.",
    ),
    "call": (
        "Teruggebeld: het gaat iets beter.",
        "Gebeld om te horen hoe het gaat met de vrijwilliger.",
        "Telefonisch afspraak verzet.",
        "Inwoner belde zelf met een vraag over een brief.",
    ),
    "visit": (
        "Huisbezoek: samen de post doorgenomen.",
        "Huisbezoek met de ZRM; leefgebieden besproken.",
        "Op bezoek geweest, dochter was er ook bij.",
        "Huisbezoek: woning bekeken, foto's van de schimmel gemaakt.",
    ),
    "message": (
        "Bericht gestuurd met de gegevens van het spreekuur.",
        "Inwoner stuurde de gevraagde papieren.",
        "Herinnering gestuurd voor de afspraak van donderdag.",
    ),
    "walk_in": (
        "Kwam langs op het inloopspreekuur met nieuwe post.",
        "Inloop: formulier samen ingevuld.",
        "Kwam langs om te vertellen dat het goed gaat.",
    ),
}

OUTCOME_NOTES = {
    "solved": (
        "Vraag is opgelost; inwoner weet ons te vinden als er iets is.",
        "Vrijwilliger komt wekelijks; inwoner is tevreden.",
        "Administratie is weer op orde.",
        "Gaat naar de vriendenkring in het wijkcentrum.",
    ),
    "partly_solved": (
        "Een deel is geregeld; de rest pakt de inwoner zelf op.",
        "Betalingsregeling getroffen, maar de schulden blijven.",
        "Contact met de buren is beter, het blijft lastig.",
    ),
    "not_solved": (
        "Inwoner wilde geen verdere hulp.",
        "Geen passende oplossing gevonden; afgesproken dat inwoner terugkomt als het nodig is.",
    ),
    "withdrawn": ("Inwoner heeft de vraag ingetrokken; heeft het zelf geregeld.", "Inwoner is verhuisd."),
}

OUTCOME_WEIGHTS = {
    # outcome: (informal, team itself, formal)
    "solved": (70, 58, 52),
    "partly_solved": (30, 30, 36),
    "not_solved": (0, 6, 10),
    "withdrawn": (0, 6, 2),
}
RATING_SHARE = 0.6
RATINGS = (10, 9, 8, 7, 6, 5, 4)
RATING_WEIGHTS = (20, 38, 27, 9, 4, 1, 1)  # mean about 8.5: the teams' "9-"

# ZRM: typical level per domain for people who ask for help (before), 1..5.
ZRM_TYPICAL = {
    "finances": 3.3,
    "work_education": 3.4,
    "daily_activities": 3.6,
    "housing": 3.9,
    "domestic_relations": 3.9,
    "mental_health": 3.5,
    "physical_health": 3.6,
    "substance_use": 4.6,
    "basic_adl": 4.5,
    "instrumental_adl": 4.0,
    "social_network": 3.5,
    "social_participation": 3.8,
    "justice": 4.8,
}
ZRM_NOTES = (
    "Eerste meting bij de vraagverheldering.",
    "Samen met de inwoner ingevuld tijdens het huisbezoek.",
    "Meting na afloop van de ondersteuning.",
)

GOALS = {
    "finances": (
        "De administratie is op orde en de post wordt elke week geopend.",
        "Geen nieuwe betalingsachterstanden.",
    ),
    "social_network": (
        "Inwoner heeft minstens twee keer per week contact met anderen.",
        "Inwoner gaat naar een groep in de buurt.",
    ),
    "housing": ("De woning is veilig en schimmelvrij.", "Er is een passende woning gevonden."),
    "physical_health": (
        "Boodschappen en vervoer naar het ziekenhuis zijn geregeld.",
        "Medicijnen worden elke dag genomen.",
    ),
    "mental_health": (
        "Inwoner heeft een vast ritme en slaapt beter.",
        "Inwoner praat wekelijks met iemand over de zorgen.",
    ),
    "daily_activities": ("Inwoner heeft een vaste dagbesteding of vrijwilligerswerk.",),
    "domestic_relations": ("De ouders maken samen afspraken over de kinderen.", "Mantelzorger krijgt respijtzorg."),
    "instrumental_adl": ("Het huishouden wordt bijgehouden met hulp van het netwerk.",),
    "work_education": ("Inwoner volgt een taalcursus.", "De dochter gaat weer met plezier naar school."),
    "social_participation": ("Inwoner doet mee aan een activiteit in het wijkcentrum.",),
    "basic_adl": ("Persoonlijke verzorging is geregeld.",),
    "substance_use": ("Inwoner heeft contact met de verslavingszorg.",),
    "justice": ("Er is een woning en een inkomen na de vrijlating.",),
}
ACTIONS_WORKER = (
    "Samen de aanvraag bijzondere bijstand indienen",
    "Warme overdracht naar schuldhulpverlening voorbereiden",
    "Kennismaking met de vrijwilliger regelen",
    "Bellen met de woningcorporatie over de schimmel",
    "Huisbezoek om de ZRM opnieuw te doen",
    "Overleg met de huisarts (met toestemming)",
    "Aanmelden bij het administratief spreekuur",
    "Navragen of de vriendenkring nog plek heeft",
)
ACTIONS_RESIDENT = (
    "Alle post van de afgelopen maanden verzamelen",
    "DigiD aanvragen",
    "Zelf de woningcorporatie bellen",
    "Naar de inloop in het wijkcentrum gaan",
    "Loonstroken en bankafschriften meenemen",
)
ACTIONS_NETWORK = (
    ("Dochter regelt het vervoer naar het ziekenhuis", "dochter"),
    ("Buurman doet om de week de boodschappen", "buurman"),
    ("Zoon helpt met de tuin", "zoon"),
    ("Vrijwilliger komt elke dinsdag langs", "vrijwilliger"),
)
RESIDENT_OWNER = "inwoner zelf"

WATCH_REASONS = (
    "Woont alleen sinds het overlijden van de partner; weinig netwerk.",
    "Hoge leeftijd, slecht ter been, kinderen wonen ver weg.",
    "Beginnende vergeetachtigheid; dochter vroeg of we een oogje in het zeil houden.",
    "Na afsluiten van de hulpvraag: vinger aan de pols houden.",
    "Eenzaam, komt sinds de lockdown de deur niet meer uit.",
    "Mantelzorger van de partner; dreigt overbelast te raken.",
)
WATCH_NOTES = (
    "Gebeld: gaat goed, niets nodig.",
    "Even langsgegaan, koffie gedronken.",
    "Gebeld, geen gehoor; volgende week opnieuw.",
)

SIGNAL_SOURCES = ("worker", "gp", "neighbour", "police", "school", "housing", "other")
SIGNAL_SOURCE_WEIGHTS = (15, 20, 25, 10, 10, 15, 5)
SIGNAL_REPORTERS = {
    "worker": "collega van het wijkteam",
    "gp": "praktijkondersteuner huisarts",
    "neighbour": "buurvrouw",
    "police": "wijkagent",
    "school": "intern begeleider basisschool",
    "housing": "consulent woningcorporatie",
    "other": "medewerker bibliotheek",
}
SIGNAL_CONCERNS = (
    "De gordijnen zijn al dagen dicht en de brievenbus puilt uit.",
    "Meneer komt verward over en wist de weg naar huis niet meer.",
    "Mevrouw heeft een huurachterstand van drie maanden.",
    "Het kind komt vaak zonder ontbijt en te laat op school.",
    "Er is vaak geschreeuw te horen in de woning.",
    "Mevrouw zit veel alleen en lijkt steeds verder te vereenzamen.",
    "Stank uit de woning; de buren maken zich zorgen.",
)
SIGNAL_CLOSED_REASONS = (
    "Contact gehad: inwoner redt zich goed en wil geen hulp.",
    "Al bekend bij de huisarts en de thuiszorg; niets extra nodig.",
    "Valt buiten ons werkgebied; doorgegeven aan het juiste wijkteam.",
)

# Informal carers received or referred per year at city scale (303 in 2016, 345 in 2017).
CARERS_REFERRED = {2015: 270, 2016: 303, 2017: 345}
CARERS_GROWTH = 1.04
CARER_REFERRED_SHARE = 0.55  # of carers registered in a year, referred to or received by the carer support centre
YOUNG_CARER_SHARE = 0.1
CARER_OUTSIDE = (
    ("moeder", "moeder, woont zelfstandig in Lelystad"),
    ("vader", "vader met dementie, woont in een verzorgingshuis"),
    ("buurvrouw", "buurvrouw, 88 jaar"),
    ("schoonmoeder", "schoonmoeder, woont in Amsterdam"),
    ("broer", "broer met een verstandelijke beperking"),
)
OVERLOADED_SHARE = 0.17
