"""Normalising names for search: lower case, no accents, single spaces. Used when writing and when searching."""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from stdnum.nl import bsn as stdnum_bsn


def search_normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("-", " ").replace("'", "").split())


def resident_search_name(*, first_name: str, surname_prefix: str, last_name: str) -> str:
    return search_normalise(" ".join(p for p in (first_name, surname_prefix, last_name) if p))


# --- the one search box ---------------------------------------------------------------------------

_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_ADDRESS_RE = re.compile(
    r"(?<!\d)([1-9]\d{3})\s?([A-Za-z]{2})(?![A-Za-z])[\s,]*(\d{1,5})(?:\s*-?\s*([A-Za-z]{1,2}|\d{1,3})(?![A-Za-z\d]))?"
)
_BSN_RE = re.compile(r"(?<![\d.])(\d{4}\.?\d{2}\.?\d{3}|\d{8})(?![\d.])")
# A name term must be at least this similar to a word of the name (trigram Dice coefficient).
NAME_SIMILARITY = 0.5


@dataclass
class ParsedQuery:
    """What the search box understood: a BSN, an address, a birth date and/or name terms."""

    raw: str = ""
    bsn: str = ""
    bsn_invalid: bool = False
    postcode: str = ""
    house_number: int | None = None
    house_number_suffix: str = ""
    birth_date: datetime.date | None = None
    date_invalid: bool = False
    terms: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.bsn or self.bsn_invalid or self.postcode or self.birth_date or self.date_invalid or self.terms)

    @property
    def refused(self) -> bool:
        """Nothing is searched (and nobody shown): an impossible date or BSN, or nothing to search on ("%")."""
        return self.bsn_invalid or self.date_invalid or bool(self.raw and self.empty)

    @property
    def precise(self) -> bool:
        """Precise enough to say whether someone is known elsewhere: BSN, address, or full name and birth date."""
        return bool(
            (self.bsn and not self.bsn_invalid)
            or (self.postcode and self.house_number)
            or (self.birth_date and len(self.terms) >= 2)
        )

    @property
    def kinds(self) -> list[str]:
        kinds = []
        if self.bsn or self.bsn_invalid:
            kinds.append("bsn")
        if self.postcode:
            kinds.append("address")
        if self.birth_date:
            kinds.append("birth_date")
        if self.terms:
            kinds.append("name")
        return kinds


def search_parse(query: str) -> ParsedQuery:
    """'1315 AB 12', '1315ab12', '14-03-1950', '123456782' or names, alone or combined."""
    text = (query or "").strip()[:100]
    parsed = ParsedQuery(raw=text)
    rest = text
    for match in _DATE_RE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            parsed.birth_date = datetime.date(year, month, day)
        except ValueError:
            parsed.date_invalid = True
            parsed.problems.append(
                _(
                    "%(value)s is geen bestaande datum, dus er is niet gezocht. Schrijf een datum als dd-mm-jjjj, bijvoorbeeld 04-05-1953."
                )
                % {"value": match.group(0)}
            )
        rest = rest.replace(match.group(0), " ")
        break
    match = _ADDRESS_RE.search(rest)
    if match:
        pc4, letters, number, suffix = match.groups()
        parsed.postcode = f"{pc4} {letters.upper()}"
        parsed.house_number = int(number)
        parsed.house_number_suffix = (suffix or "").upper()
        rest = rest.replace(match.group(0), " ")
    match = _BSN_RE.search(rest)
    if match:
        digits = match.group(1).replace(".", "").zfill(9)
        if stdnum_bsn.is_valid(digits):
            parsed.bsn = digits
        else:
            parsed.bsn_invalid = True
            parsed.problems.append(_("Dit BSN klopt niet: het voldoet niet aan de elfproef."))
        rest = rest.replace(match.group(0), " ")
    # Only letters make a name: '%', '_' and other signs are never wildcards, they are simply not searched on.
    words = search_normalise(re.sub(r"[^\w\s'-]|[\d_]", " ", rest)).split()
    parsed.terms = [w for w in words if w.strip("'-")][:6]
    if text and parsed.empty:
        parsed.problems.append(
            _(
                "Op '%(value)s' kan niet worden gezocht. Zoek op een naam, een geboortedatum, een postcode met huisnummer of een BSN."
            )
            % {"value": text}
        )
    return parsed


def trigrams(word: str) -> set[str]:
    """The trigrams PostgreSQL's pg_trgm makes of one word: padded with two spaces in front, one behind."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def term_score(term: str, name: str) -> float:
    """How well one search term matches the best word of a normalised name (1.0: a word starts with it)."""
    best = 0.0
    grams = trigrams(term)
    for word in name.split():
        if word.startswith(term):
            return 1.0
        other = trigrams(word)
        best = max(best, 2 * len(grams & other) / (len(grams) + len(other)))
    return best


def name_score(terms: list[str], name: str) -> float:
    """The mean score over the terms, or 0 when one term matches no word well enough."""
    scores = [term_score(t, name) for t in terms]
    if not scores or min(scores) < NAME_SIMILARITY:
        return 0.0
    return sum(scores) / len(scores)


def inner_trigrams(term: str) -> list[str]:
    """Three-letter pieces of a term, for finding candidates with LIKE where pg_trgm is not available."""
    return sorted({term[i : i + 3] for i in range(len(term) - 2)})
