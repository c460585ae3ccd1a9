"""Normalising names for search: lower case, no accents, single spaces. Used when writing and when searching."""

import unicodedata


def search_normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("-", " ").replace("'", "").split())


def resident_search_name(*, first_name: str, surname_prefix: str, last_name: str) -> str:
    return search_normalise(" ".join(p for p in (first_name, surname_prefix, last_name) if p))
