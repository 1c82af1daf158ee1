"""Places: dateline cities as written (``'S-HERTOGENBOSCH``) -> proper Dutch names
and place records with coordinates (GeoNames extract plus overrides)."""

from generator.model import Place
from generator.places.gazetteer import find_place
from generator.places.names import City, proper_name, repair_drop_cap, resolve_city

__all__ = ["City", "Place", "find_place", "proper_name", "repair_drop_cap", "resolve_city"]
