"""The extractor's tokenizer: spaCy's English rules, with lean lexemes.

The first time spaCy's vocabulary sees a word it builds a lexeme and computes some twenty
lexical attributes for it in Python (shape, prefix, suffix, like_num, is_stop, ...),
about 25 microseconds a word. Abstracts bring new words all the time (tens of thousands
in five thousand abstracts), so that was a third of the time spent tokenizing. The rules
of this package read only a token's text and its lower-case form (the phrase matchers
match on ORTH and LOWER), so the extractor's vocabularies compute LOWER alone.
Tokenization itself is unchanged: it depends on the prefix, suffix and infix rules and
the special cases, never on lexical attributes.

Consequence for users of `Extractor.nlp`: its tokens' `is_stop`, `like_num`, `shape_`,
`norm_` and the other lexical attributes are not set. A pipeline that needs them (a
trained model, for instance) should run on its own `spacy.blank("en")` or `spacy.load`.
"""

from __future__ import annotations

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

KEPT_ATTRIBUTES = (LOWER,)


def trim_lexical_attributes(vocab: Vocab) -> None:
    """Make `vocab` compute only `KEPT_ATTRIBUTES` for the words it has not seen yet."""
    getters = vocab.lex_attr_getters or {}
    vocab.lex_attr_getters = {attr: getters[attr] for attr in KEPT_ATTRIBUTES if attr in getters}


def blank_pipeline(cache_size: int | None = None) -> Language:
    """`spacy.blank("en")` with lean lexemes and, if given, a tokenizer cache of `cache_size` chunks."""
    nlp = spacy.blank("en")
    trim_lexical_attributes(nlp.vocab)
    if cache_size is not None:
        nlp.tokenizer.max_cache_size = cache_size
    return nlp


def lean_tokenizer() -> Tokenizer:
    """A tokenizer of its own (own vocabulary and cache), for tokenizing patterns."""
    return blank_pipeline().tokenizer
