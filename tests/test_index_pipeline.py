"""The indexing pipeline, fused into one cached step, makes the same terms as
its five steps run one after the other (lunr.py's own Pipeline does the running)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

from generator.search.pipeline import INDEX_PIPELINE, index_nl

WORDS = ["Rotterdam", "rellen", "België", "de", "cyberaanvallen", "MH17", "'s-Hertogenbosch"]


def terms(functions: tuple[object, ...], text: str) -> list[str]:
    pipeline = Pipeline()
    pipeline.add(*functions)
    return [str(token) for token in pipeline.run(Tokenizer(text))]


def test_the_fused_step_agrees_on_known_words() -> None:
    text = " ".join(WORDS)
    assert terms((index_nl,), text) == terms(INDEX_PIPELINE, text)
    assert "rel" in terms((index_nl,), text) and "de" not in terms((index_nl,), text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_the_fused_step_agrees_with_the_five_on_any_text(text: str) -> None:
    assert terms((index_nl,), text) == terms(INDEX_PIPELINE, text)


@given(st.lists(st.sampled_from([*WORDS, "Curaçao", "Oekraïne", "havens", "-", "…"]), max_size=12))
def test_the_fused_step_agrees_on_dutch_word_mixes(words: list[str]) -> None:
    text = " ".join(words)
    assert terms((index_nl,), text) == terms(INDEX_PIPELINE, text)
