"""The options of the synthetic city, checked before anything touches the database."""

from dataclasses import dataclass

SCALES = {"demo": 2_000, "city": 220_000}  # default number of residents per scale
DEFAULT_SCALE = "demo"
DEFAULT_SEED = 1976  # the year the first residents moved to Almere
MAX_RESIDENTS = 500_000
MAX_SEED = 2**32 - 1


class SyntheticCityError(Exception):
    """A refusal with a Dutch message for the user; nothing has been changed."""


@dataclass(frozen=True)
class CityOptions:
    scale: str
    seed: int
    residents: int


def _whole_number(value: object, *, name: str) -> int:
    if isinstance(value, bool):
        raise SyntheticCityError(f"{name} moet een geheel getal zijn, niet '{value}'.")
    if isinstance(value, int):
        return value
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        raise SyntheticCityError(f"{name} moet een geheel getal zijn, niet '{text}'.") from None


def _dutch(number: int) -> str:
    """500000 -> '500.000' (Dutch thousands separator)."""
    return f"{number:,}".replace(",", ".")


def city_options(*, scale: object = None, seed: object = None, residents: object = None) -> CityOptions:
    """Checked options; a SyntheticCityError with a Dutch message when one is out of range."""
    scale = DEFAULT_SCALE if scale is None else str(scale).strip().lower()
    if scale not in SCALES:
        raise SyntheticCityError(f"Onbekende schaal '{scale}'. Kies uit: {', '.join(SCALES)}.")

    seed = DEFAULT_SEED if seed is None else _whole_number(seed, name="--seed")
    if not 0 <= seed <= MAX_SEED:
        raise SyntheticCityError(f"--seed moet tussen 0 en {MAX_SEED} liggen, niet {seed}.")

    residents = SCALES[scale] if residents is None else _whole_number(residents, name="--residents")
    if not 1 <= residents <= MAX_RESIDENTS:
        raise SyntheticCityError(
            f"--residents moet tussen 1 en {_dutch(MAX_RESIDENTS)} liggen, niet {_dutch(residents)}."
        )
    return CityOptions(scale=scale, seed=seed, residents=residents)
