"""The indexing pipeline, fused into one cached step, makes the same terms as
its five steps run one after the other (lunr.py's own Pipeline does the
running), each followed by the terms of the word's base forms
(``morphology.base_forms``: ``uiltje`` also gives ``uil``'s term)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

from generator.search.morphology import base_forms
from generator.search.pipeline import INDEX_PIPELINE, fold, index_nl, plural_nl, stemmer_nl, trim

WORDS = ["Rotterdam", "rellen", "België", "de", "cyberaanvallen", "MH17", "'s-Hertogenbosch"]


def terms(functions: tuple[object, ...], text: str) -> list[str]:
    pipeline = Pipeline()
    pipeline.add(*functions)
    return [str(token) for token in pipeline.run(Tokenizer(text))]


def five_steps_and_forms(text: str) -> list[str]:
    """The five steps on each token, then on each of its base forms."""
    made: list[str] = []
    for token in Tokenizer(text):
        word = str(token)
        [*main] = terms(INDEX_PIPELINE, word) if word else []
        if not main:
            continue
        found = list(main[:1])
        for form in base_forms(fold(trim(word))):
            for term in terms((stemmer_nl, plural_nl), form)[:1]:  # forms come folded
                if term not in found:
                    found.append(term)
        made += found
    return made


def test_the_fused_step_agrees_on_known_words() -> None:
    text = " ".join(WORDS)
    assert terms((index_nl,), text) == five_steps_and_forms(text)
    assert "rel" in terms((index_nl,), text) and "de" not in terms((index_nl,), text)
    assert terms((index_nl,), "uiltje ziekenhuizen") == [
        "uiltj",
        "uil",
        "uilt",
        "ziekenhuiz",
        "ziekenhuis",
    ]
    assert terms((index_nl,), " ".join(WORDS[:2])) == terms(INDEX_PIPELINE, " ".join(WORDS[:2]))


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_the_fused_step_agrees_with_the_five_on_any_text(text: str) -> None:
    assert terms((index_nl,), text) == five_steps_and_forms(text)


@given(
    st.lists(
        st.sampled_from([*WORDS, "Curaçao", "Oekraïne", "havens", "-", "…", "uiltjes", "steden"]),
        max_size=12,
    )
)
def test_the_fused_step_agrees_on_dutch_word_mixes(words: list[str]) -> None:
    text = " ".join(words)
    assert terms((index_nl,), text) == five_steps_and_forms(text)
