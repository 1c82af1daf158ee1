"""Language rules shared by the format parsers: datelines, ages, titles, slugs."""
