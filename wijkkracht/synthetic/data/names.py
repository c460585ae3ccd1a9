"""Name lists that Faker's nl_NL provider lacks (SYNTHETIC).

Faker's nl_NL first names are recent baby names (fine for children, odd for an 85-year-old) and its
surnames include medieval genealogy entries. So the generator mixes in: first names by generation,
the most common Dutch surnames, and names for the larger migrant communities of an Almere-like city,
with the language some of them prefer.
"""

from dataclasses import dataclass

# Dutch surname prefixes (tussenvoegsels), longest first so "van der" wins over "van".
SURNAME_PREFIXES = (
    "van den", "van der", "van de", "van het", "van 't", "in 't", "op de", "op den", "uit de", "uit den",
    "aan de", "bij de", "in de", "onder de", "voor de", "van", "de", "den", "der", "het", "ter", "ten", "te", "'t",
)  # fmt: skip

# The most common Dutch surnames (after CBS's well-known top list), most common first.
COMMON_DUTCH_SURNAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "de Jonge",
    "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijk",
    "Postma", "Martens", "Vink", "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon",
    "Boer", "van der Velde", "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen", "Schipper",
    "de Koning", "van der Laan", "Koning", "van der Velden", "Driessen", "van Doorn", "Hermans", "Evers",
    "van den Bosch", "van der Meulen", "Hofman", "Bosman", "Wolters", "Sanders", "van der Horst", "Mol",
    "Kuijpers", "Molenaar", "van de Pol", "de Leeuw", "Verbeek",
)  # fmt: skip

# Dutch first names by generation: (born up to, male names, female names). Later births use Faker.
DUTCH_FIRST_NAMES_BY_GENERATION = (
    (
        1955,
        ("Jan", "Kees", "Henk", "Piet", "Gerrit", "Willem", "Hendrik", "Johannes", "Cornelis", "Wim", "Klaas",
         "Dirk", "Theo", "Bert", "Harm", "Ad", "Frans", "Joop", "Rinus", "Arie"),
        ("Maria", "Johanna", "Anna", "Wilhelmina", "Cornelia", "Elisabeth", "Geertruida", "Hendrika", "Riet",
         "Ans", "Tiny", "Corrie", "Joke", "Truus", "Greet", "Nel", "Annie", "Gerda", "Ria", "Thea"),
    ),
    (
        1985,
        ("Peter", "Hans", "Marco", "Erik", "Dennis", "Jeroen", "Martijn", "Sander", "Richard", "Mark", "Patrick",
         "Michel", "Robert", "Frank", "Rob", "Edwin", "Remco", "Ronald", "Arjan", "Bas"),
        ("Linda", "Sandra", "Monique", "Marieke", "Esther", "Patricia", "Anja", "Petra", "Ingrid", "Saskia",
         "Miranda", "Wendy", "Marloes", "Ilse", "Mirjam", "Karin", "Judith", "Ellen", "Nicole", "Angela"),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Origin:
    """A community: its share of households, its names, and the language some adults prefer."""

    key: str
    share: float  # of households
    language: str  # preferred_language code for adults who prefer it
    language_share: float  # share of adults who prefer that language over Dutch
    male: tuple[str, ...] = ()
    female: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    dutch_first_names: float = 0.0  # share of first names taken from the Dutch pools instead


DUTCH = "dutch"

# fmt: off
ORIGINS: tuple[Origin, ...] = (
    Origin(DUTCH, 0.72, "nl", 0.0, dutch_first_names=1.0),
    Origin(
        "surinamese", 0.09, "nl", 0.0,
        male=("Ravi", "Rishi", "Sunil", "Dinesh", "Glenn", "Romano", "Ricardo", "Errol", "Stanley", "Anil",
              "Humphrey", "Jurgen"),
        female=("Sharda", "Anita", "Kavita", "Shanti", "Chantal", "Gracia", "Natasha", "Rosita", "Priya",
                "Sunita", "Ingrid", "Mayra"),
        surnames=("Ramdin", "Jagesar", "Sewnarain", "Kromodimedjo", "Pinas", "Pengel", "Biharie", "Ramlal",
                  "Sitaldin", "Kartosen", "Wongsodikromo", "Mohan", "Soekhoe", "Bhagwandin", "Doekhi",
                  "Linger", "Vreden", "Fernandes"),
        dutch_first_names=0.4,
    ),
    Origin(
        "antillean", 0.03, "nl", 0.0,
        male=("Jurensley", "Ruthsel", "Gino", "Rignald", "Shurandy", "Eldridge", "Jair", "Churandy"),
        female=("Shurayna", "Giselle", "Jozaira", "Sherida", "Rosemary", "Kimberley", "Naomi", "Xiomara"),
        surnames=("Martina", "Rosaria", "Maduro", "Isenia", "Cijntje", "Pieternella", "Doran", "Statia",
                  "Janga", "Elisabeth", "Anita", "Winklaar"),
        dutch_first_names=0.3,
    ),
    Origin(
        "moroccan", 0.05, "ar", 0.35,
        male=("Mohamed", "Ahmed", "Youssef", "Said", "Mustafa", "Hamza", "Bilal", "Ayoub", "Karim", "Khalid",
              "Rachid", "Anouar", "Ilias", "Adam"),
        female=("Fatima", "Khadija", "Naima", "Malika", "Samira", "Latifa", "Nadia", "Yasmina", "Salma", "Imane",
                "Soukaina", "Hanan", "Loubna", "Ikram"),
        surnames=("El Amrani", "Bouzid", "El Idrissi", "Benali", "Ait Taleb", "Boukhari", "El Khattabi", "Ouali",
                  "Bakkali", "Azzouzi", "Chaouch", "El Hamdaoui", "Amrani", "Mansouri", "Tahiri", "Zaari"),
    ),
    Origin(
        "turkish", 0.03, "tr", 0.35,
        male=("Mehmet", "Ahmet", "Mustafa", "Emre", "Murat", "Hakan", "Burak", "Yusuf", "Kerem", "Serkan", "Ömer",
              "Hüseyin"),
        female=("Ayşe", "Fatma", "Emine", "Elif", "Zeynep", "Hatice", "Merve", "Büşra", "Esra", "Derya", "Selin",
                "Özlem"),
        surnames=("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
                  "Kılıç", "Aslan", "Koç", "Kurt", "Özdemir", "Polat"),
    ),
    Origin(
        "polish", 0.03, "pl", 0.5,
        male=("Piotr", "Tomasz", "Paweł", "Krzysztof", "Marcin", "Michał", "Łukasz", "Kamil", "Jakub", "Grzegorz",
              "Adam", "Mateusz"),
        female=("Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Aleksandra", "Ewa", "Natalia",
                "Karolina", "Marta", "Justyna"),
        surnames=("Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król",
                  "Wieczorek", "Wróbel", "Pawlak", "Walczak", "Stępień", "Dudek", "Baran"),
    ),
    Origin(
        "eritrean", 0.015, "ti", 0.6,
        male=("Yonas", "Tesfay", "Mehari", "Berhane", "Filmon", "Dawit", "Senay", "Robel", "Merhawi", "Amanuel",
              "Habtom", "Samuel"),
        female=("Helen", "Selam", "Luwam", "Saba", "Feven", "Hiwet", "Mebrat", "Rahel", "Semhar", "Winta",
                "Yordanos", "Eden"),
        surnames=("Tesfamariam", "Gebremedhin", "Haile", "Tekle", "Ghebreyesus", "Weldemichael", "Kidane",
                  "Berhe", "Abraha", "Mebrahtu", "Asmerom", "Yemane"),
    ),
    Origin(
        "syrian", 0.015, "ar", 0.6,
        male=("Omar", "Khaled", "Ahmad", "Mahmoud", "Hassan", "Ali", "Yazan", "Rami", "Firas", "Samer", "Tarek",
              "Majd"),
        female=("Rasha", "Lina", "Hala", "Rania", "Dima", "Nour", "Reem", "Maya", "Yara", "Sara", "Lama", "Aya"),
        surnames=("Al-Hassan", "Haddad", "Khalil", "Nasser", "Darwish", "Mansour", "Al-Ahmad", "Hamdan", "Qassem",
                  "Sabbagh", "Jaber", "Zein", "Othman", "Kassab"),
    ),
    Origin(
        "expat", 0.02, "en", 0.6,
        male=("James", "Oliver", "Thomas", "Daniel", "Matthew", "Ryan", "David", "Michael", "Andrew", "Ben",
              "Rajesh", "Arjun"),
        female=("Emma", "Sophie", "Charlotte", "Emily", "Laura", "Hannah", "Rachel", "Sarah", "Priya", "Jessica",
                "Olivia", "Megan"),
        surnames=("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Wilson", "Evans", "Walker", "Patel",
                  "Sharma", "O'Brien", "Murphy", "Kelly", "Clarke", "Hughes"),
    ),
)
# fmt: on
