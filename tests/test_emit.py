"""Front matter written by our emitter is byte for byte what PyYAML writes,
whenever the emitter writes it at all (otherwise PyYAML does)."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.content.emit import emit
from generator.content.frontmatter import dump_yaml, pyyaml_dump

KEYS = st.sampled_from(["title", "date", "city", "sources", "place", "on", "x_1", "Kind"])
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="abcXYZéü '\":#-.,/0123456789T+", max_size=30),
    st.sampled_from(["yes", "No", "null", "2025-03-10T16:40:00+01:00", "age: 3 uur", "a #b"]),
)
SCALARS = st.one_of(TEXT, st.integers(), st.floats(), st.booleans(), st.none())
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(KEYS, SCALARS, max_size=3),
)


@given(st.dictionaries(KEYS, VALUES, max_size=6))
@settings(max_examples=400)
@example({"date": "2025-03-10T16:40:00+01:00", "date_source": "age: 17 uur geleden"})
@example({"title": 'Rutte\'s kabinet: "nee"', "place": {"lat": 53.2027, "lon": -5.5}})
@example({"sources": [], "place": {}, "summary": "Het is 21:00 uur #laat"})
def test_the_emitter_writes_what_pyyaml_writes(metadata: dict[str, Any]) -> None:
    written = emit(metadata)
    if written is not None:
        assert written == pyyaml_dump(metadata)


def test_a_story_s_front_matter_takes_the_fast_path() -> None:
    story = {
        "title": "De provincie Fryslân wil vaker een veerboot naar Schiermonnikoog",
        "date": "2025-03-10T16:40:00+01:00",
        "place": {"country": "NL", "lat": 53.2027, "lon": 5.8097, "geonames": 2751792},
        "date_source": "age: 17 uur geleden",
        "sources": ["wire/webpages/2025-03-11-dijken-maas.txt"],
        "digest": "sha256:95786e7e55f3ee8cf9f592e5cd2e8391",
    }
    assert emit(story) is not None
    assert dump_yaml(story) == pyyaml_dump(story)
