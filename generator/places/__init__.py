"""Places: dateline cities as written (``'S-HERTOGENBOSCH``) -> proper Dutch names."""

from generator.places.names import proper_name, repair_drop_cap

__all__ = ["proper_name", "repair_drop_cap"]
