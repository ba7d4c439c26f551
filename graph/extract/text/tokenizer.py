"""The extractor's tokenizer: spaCy's English rules, with lean lexemes and quick affixes.

The first time spaCy's vocabulary sees a word it builds a lexeme and computes some twenty
lexical attributes for it in Python (shape, prefix, suffix, like_num, is_stop, ...),
about 25 microseconds a word. Abstracts bring new words all the time (tens of thousands
in five thousand abstracts), so that was a third of the time spent tokenizing. The rules
of this package read only a token's text and its lower-case form (the phrase matchers
match on ORTH and LOWER), so the extractor's vocabularies compute LOWER alone.

A new chunk of text is split by spaCy's prefix, suffix, infix and URL expressions; the
tokenizer registered here (`paperkg.faster_affixes_tokenizer.v1`) is spaCy's own
`Tokenizer` with the same rules and special cases, given searches that return the same
matches with less work (see affixes.py). Tokens are exactly spaCy's: only the time
differs (tests/extract/test_tokenizer.py, test_affixes.py).

Consequence for users of `Extractor.nlp`: its tokens' `is_stop`, `like_num`, `shape_`,
`norm_` and the other lexical attributes are not set. A pipeline that needs them (a
trained model, for instance) should run on its own `spacy.blank("en")` or `spacy.load`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

from paperkg.graph.extract.text.affixes import InfixFinditer, PrefixSearch, SuffixSearch, UrlMatch

KEPT_ATTRIBUTES = (LOWER,)
TOKENIZER = "paperkg.faster_affixes_tokenizer.v1"
# A run of ASCII letters or of digits: no prefix, suffix, infix or URL rule of spaCy's
# English tokenizer splits one (tests/extract/test_tokenizer.py tries them all), so as
# spaCy's `token_match` it keeps such a run whole, as the rules would, after one C-level
# match instead of four searches in Python (prefix, suffix, URL, infix) when the run is
# new to the tokenizer's cache. A special case ("Cannot") is still looked up first: spaCy
# tries `token_match` only where no special case applies. Written with `\Z` for `match`,
# which is how spaCy reads a saved `token_match` back.
WORD_OR_NUMBER = re.compile(r"[A-Za-z]+\Z|[0-9]+\Z")


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's `spacy.Tokenizer.v1` (the language's rules), with the searches of affixes.py
    and, for English (which has no `token_match` of its own), `WORD_OR_NUMBER` as that.

    Saved with `nlp.to_disk`, the tokenizer keeps the plain expressions' patterns, so a
    pipeline loaded back tokenizes alike (through the plain searches).
    """

    def make_tokenizer(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        url_match = defaults.url_match
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=PrefixSearch(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=SuffixSearch(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=InfixFinditer(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match or (WORD_OR_NUMBER.match if nlp.lang == "en" else None),
            url_match=UrlMatch(url_match.__self__).match if url_match is not None else None,
        )

    return make_tokenizer


def trim_lexical_attributes(vocab: Vocab) -> None:
    """Make `vocab` compute only `KEPT_ATTRIBUTES` for the words it has not seen yet."""
    getters = vocab.lex_attr_getters or {}
    vocab.lex_attr_getters = {attr: getters[attr] for attr in KEPT_ATTRIBUTES if attr in getters}


def blank_pipeline(cache_size: int | None = None) -> Language:
    """`spacy.blank("en")` with lean lexemes, the quick-affix tokenizer and, if given,
    a tokenizer cache of `cache_size` chunks."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    trim_lexical_attributes(nlp.vocab)
    if cache_size is not None:
        nlp.tokenizer.max_cache_size = cache_size
    return nlp


def lean_tokenizer() -> Tokenizer:
    """A tokenizer of its own (own vocabulary and cache), for tokenizing patterns."""
    return blank_pipeline().tokenizer
