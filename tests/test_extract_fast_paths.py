"""The extractor's fast paths agree with the plain computations they replace.

Each shortcut (a windowed regex scan, str.rfind for a barrier regex, bisect for pairwise
overlap tests, matchers shared by two phrase components) must give exactly what the
straightforward version gives; these tests keep the straightforward version as the
reference and compare on real abstract sentences and on edge cases.
"""

import random
import re

import spacy
from spacy.matcher import PhraseMatcher

from extract_fixtures import seed_lines
from paperkg.graph.extract import Extractor, Gazetteer
from paperkg.graph.extract.candidates import Candidate, resolve_overlaps
from paperkg.graph.extract.rules.cues import is_stop_name, type_of_noun
from paperkg.graph.extract.names.patterns import _is_name_of, is_case_sensitive, spelling_variants
from paperkg.graph.extract.rules.term_phrases import (
    _BEFORE, _HEAD_WORDS, _LANGUAGES, _MODIFIERS, _MOST_BEFORE,
    _MOST_MODIFIERS, _STOP, _extend_over,
    _follows_subject, _is_domain_word, _is_language_pair, _is_metric_modifier, _is_modifier, _starts_sentence,
    _words_before, extend_known, find_heads,
)
from paperkg.graph.extract.rules.results import _METRIC_FIRST, _metric_first
from paperkg.graph.extract.rules.roles import _CUES, _last_cue, clause_start
from paperkg.graph.extract.text.sentences import _BOUNDARY
from paperkg.graph.extract.rules.name_spans import (
    _ADJECTIVAL, _GENERIC_WORDS, _SIZE_ONLY, DETERMINERS, LANGUAGES, NAME_SPANS, SHAPED,
    _cleaned_spans, _is_sentence_opener, _title_cased, name_spans,
)
from paperkg.graph.extract.text.tokenizer import blank_pipeline
from paperkg.graph.records import Entity, EntityType, entity_key

_BARRIER = re.compile(r";|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b|\. ")

EDGE_TEXTS = [
    "accuracy of 5%",
    "xaccuracy of 5",
    "Title accuracy\n\nof 5 on X",
    "an F1 score of over 90.1 pp on SQuAD",
    "exact match of 3 of 4",
    "top-1 accuracy of  of 7",
    "error rate of less than 3% and accuracy of 4",
    "proof of 5",
    "a very-long_word-x accuracy of 7.5x",
    "(accuracy of 5), win rate of 6, success rate of 7 points",
    "which; but. whereas butter whiles while_ (but) whichever",
    "we compare it, but not ours. Then whereas X",
]



def test_metric_first_scan_finds_what_a_full_scan_finds():
    for text in [*seed_lines(), *EDGE_TEXTS]:
        full = [(m.span(), m.groupdict()) for m in _METRIC_FIRST.finditer(text)]
        windowed = [(m.span(), m.groupdict()) for m in _metric_first(text)]
        assert windowed == full, text


def test_clause_start_agrees_with_the_barrier_regex():
    for line in [*seed_lines(), *EDGE_TEXTS]:
        for end in range(0, len(line), 7):
            left = line[max(0, end - 90) : end]
            matches = list(_BARRIER.finditer(left))
            assert clause_start(left) == (matches[-1].end() if matches else 0), left


def pairwise_resolution(candidates):
    """The reference: keep longest first, testing each against every kept span."""
    ranked = sorted(candidates, key=lambda c: (-c.length, -c.confidence, c.start))
    taken, kept = [], []
    for c in ranked:
        if any(c.start < end and start < c.end for start, end in taken):
            continue
        taken.append((c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def test_overlap_resolution_agrees_with_pairwise_tests():
    rng = random.Random(7)
    for _ in range(500):
        candidates = []
        for i in range(rng.randint(0, 30)):
            start = rng.randint(0, 60)
            end = start + rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
            candidates.append(Candidate(start, end, f"n{i}", EntityType.METHOD,
                                        rng.choice([0.5, 0.7, 0.9]), "kg_test"))
        assert resolve_overlaps(candidates) == pairwise_resolution(candidates)


def test_lean_tokenizer_splits_text_as_spacy_does():
    lean, plain = blank_pipeline().tokenizer, spacy.blank("en").tokenizer
    for line in [*seed_lines(), *EDGE_TEXTS]:
        assert [t.text for t in lean(line)] == [t.text for t in plain(line)]
        assert [t.lower_ for t in lean(line)] == [t.lower_ for t in plain(line)]


def test_ascii_names_fold_like_any_other():
    assert entity_key("CIFAR-10") == "cifar10"
    assert entity_key("Stable Diffusion 2.1") == entity_key("stable-diffusion-2.1")
    assert entity_key("PixArt-α") == "pixartalpha" and entity_key("Tülu 3") == "tulu3"


def test_shared_matchers_keep_gazetteer_and_discovered_names_apart():
    gazetteer = Gazetteer([Entity("cifar10", "CIFAR-10", EntityType.DATASET)])
    extractor = Extractor(gazetteer)
    extractor.add_discovered([Entity("rewardbench", "RewardBench", EntityType.BENCHMARK,
                                     origin="discovered")])
    mentions = extractor.extract_text("We test on CIFAR-10 and RewardBench, then CIFAR-10 again.")
    found = sorted((m.text, m.component, m.confidence) for m in mentions)
    assert found == [("CIFAR-10", "kg_gazetteer", 0.95), ("CIFAR-10", "kg_gazetteer", 0.95),
                     ("RewardBench", "kg_discovered", 0.7)]


def test_pipeline_called_as_spacy_gives_the_extractor_mentions():
    extractor = Extractor(Gazetteer([Entity("cifar10", "CIFAR-10", EntityType.DATASET)]))
    text = "We evaluate the proposed sampler, DC-Solver, on CIFAR-10."
    doc = extractor.nlp(text)
    spans = [(c.start, c.end, c.name) for c in doc._.kg_mentions]
    expected = [(m.start, m.end) for m in extractor.extract_text(text)]
    assert [(s, e) for s, e, _ in spans] == expected
    assert ("CIFAR-10" in {name for *_, name in spans}) and doc._.kg_sentences.spans


NAME_EDGE_TEXTS = [
    "mBERT and XLM-R beat word2vec; iPhone-12 Pro users",
    "word2vec at the start, then eBay, mT5 (xLSTM) and a wav2vec 2.0 model",
    "LLaMA-2 7B/13B vs. GPT-4o, DINOv2 and x86-64 or e2e.BERT",
    "the aB aB1 a1 -mBERT .mBERT /mBERT +mBERT _mBERT émBERT Stable Diffusion 1.5/2.1 XL",
    "fMRI",
    "",
    "x The English Chinese y A LLM-based Model, Using Deep Learning As Artificial Intelligence THE "
    "Foo Bar; Large Language Models 7B 13B In 2023 GPT-4 Our Multi-Modal Vision-Language-based",
]


def name_texts() -> list[str]:
    return [*seed_lines(), *EDGE_TEXTS, *NAME_EDGE_TEXTS]


def test_name_scan_finds_what_name_spans_finds():
    for text in name_texts():
        assert name_spans(text) == _cleaned_spans(text, NAME_SPANS.finditer(text)), text


def plain_clean(text, start, span):
    """The reference: every check of `_cleaned_spans` made on the text, nothing cached."""
    words = span.split(" ")
    first, last = 0, len(words)
    while first < last and (is_stop_name(words[first]) or words[first].lower() in DETERMINERS
                            or _is_sentence_opener(words[first])):
        first += 1
    while last > first and is_stop_name(words[last - 1]):
        last -= 1
    kept, start = words[first:last], start + sum(len(word) + 1 for word in words[:first])
    name = " ".join(kept)
    generic = [w.lower().rstrip("s") in _GENERIC_WORDS or w.lower() in _GENERIC_WORDS for w in kept]
    if len(span) < 2 or is_stop_name(span) or not kept or kept[0].replace(".", "").isdigit():
        return None
    if set(kept) <= LANGUAGES or (len(kept) > 1 and is_stop_name(name)):
        return None
    if _ADJECTIVAL.search(kept[-1]) or _SIZE_ONLY.fullmatch(name) or all(generic):
        return None
    if not SHAPED.search(name) and _title_cased(text, start):
        return None
    return start, start + len(name)


def test_cleaned_spans_agree_with_the_plain_cleaning():
    for text in name_texts():
        for match in NAME_SPANS.finditer(text):
            span = match.group(0)
            expected = plain_clean(text, match.start(), span)
            expected = [(*expected, bool(SHAPED.search(text[slice(*expected)])))] if expected else []
            assert _cleaned_spans(text, [match]) == expected, span


HEAD_EDGE_TEXTS = [
    "Detection, pre-training and Pre-training; fine-tuning-based re-detection detections",
    "object detection-aware DETECTION xdetection detection_ detection- (retrieval) sampling.",
    "synthesis/translation\nparsing",
    # the two letters before an ending, capitalised and hyphenated heads, near misses
    "Mining, mining; MINING data-mining re-mining inpainting Inpainting pre-training Pre-Training",
    "fine-tuning, finetuning: tuning, Synthesis, synthesis-based retrieval (Retrieval) interval",
    "redetection, detections; completion deletion addition Estimation labeling-tracking",
]


def test_head_scan_finds_the_words_the_suffix_regex_and_set_find():
    plain = re.compile(r"(?<![\w\-])[A-Za-z][a-z\-]*(?:ion|ing|sis|val)(?![\w\-])")
    for text in [*name_texts(), *HEAD_EDGE_TEXTS]:
        expected = [m.span() for m in plain.finditer(text) if m.group(0).lower() in _HEAD_WORDS]
        assert find_heads(text) == expected, text


MODIFIER_EDGE_TEXTS = [
    "on financial sentiment analysis and cross - lingual English named entity recognition",
    "the micro-averaged accuracy, labeled precision, unigram BLEU and Chinese-English MT",
    "a\nbilingual dictionary induction; legal  summarization (clinical) text classification",
]


def word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)]


def test_words_before_skips_only_starts_the_pattern_cannot_take():
    for text in [*name_texts(), *MODIFIER_EDGE_TEXTS]:
        for end in word_starts(text):
            for pattern, most in ((_BEFORE, _MOST_BEFORE), (_MODIFIERS, _MOST_MODIFIERS)):
                plain = _words_before(pattern, text, end, max(0, end - 80), 99)
                assert _words_before(pattern, text, end, max(0, end - 80), most) == plain, text


def test_extend_known_shortcut_agrees_with_the_full_look_back():
    for text in [*name_texts(), *MODIFIER_EDGE_TEXTS]:
        for start in word_starts(text):
            assert extend_known(text, start) == _extend_over(text, start, _is_domain_word), text
            assert extend_known(text, start, True) == _extend_over(text, start, _is_metric_modifier)


def test_sentence_boundaries_are_those_of_the_plain_pattern():
    plain = re.compile(r"(?:[.!?][\"')\]]?)\s+(?=[A-Z0-9(\[\"'])|\n\s*\n")
    edges = ["A. B.\n\nC", "Title\n \n\nAbstract. (Yes) it is! 'Quoted.' \"Q?\" [1] x.) Y", "e.g. 5 x.\n\n\n"]
    for text in [*name_texts(), *edges]:
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


def plain_is_modifier(word, text, at):
    """The reference: every test of `_is_modifier` made in place, nothing cached."""
    lower = word.lower()
    stop = lower in _STOP or lower.rstrip("s") in _STOP
    name = word[:1].isupper() and word not in _LANGUAGES and not _starts_sentence(text, at)
    inflected = lower.endswith(("ly", "ed", "ing", "'s")) and "-" not in lower
    plural = lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics", "news"))
    verb = _follows_subject(text, at)
    return not stop and (_is_language_pair(word)
                         or not (name or inflected or verb or plural or lower.isdigit()))


def test_cached_modifier_verdicts_agree_with_the_plain_tests():
    extra = ["English-German", "Chinese-to-English", "Results", "ADAPTED", "news", "the", "3D", "12",
             "we", "develop", "block-wise", "can", "Chinese-English", "they", "While"]
    for text in [*name_texts(), *MODIFIER_EDGE_TEXTS, " ".join(extra), ". ".join(extra)]:
        for match in re.finditer(r"\S+", text):
            word, at = match.group(0), match.start()
            assert _is_modifier(word, text, at) == plain_is_modifier(word, text, at), (word, text)


ROLE_EDGE_TEXTS = [
    "compared vs.on X, vs.with Y, (using Z) -based on; We propose we introduce",
    "outperforms\nover (on) \"with\" results on across-the-board évaluated on tests in",
    "on", "with", "x", "",
]


def test_last_cue_is_the_last_match_of_the_plain_scan():
    for text in [*name_texts(), *ROLE_EDGE_TEXTS]:
        for end in range(0, len(text) + 1, 3):
            left = text[max(0, end - 90) : end]
            plain = None
            for plain in _CUES.finditer(left):  # noqa: B007
                pass
            found = _last_cue(left)
            assert (found and (found.end(), found.lastgroup)) == (plain and (plain.end(), plain.lastgroup))


def two_matcher_find(book, doc):
    """The reference: the book's patterns in a LOWER and an ORTH PhraseMatcher, as before."""
    lower, orth = PhraseMatcher(doc.vocab, attr="LOWER"), PhraseMatcher(doc.vocab, attr="ORTH")
    seen, entities = set(), {}
    for entity in {id(e): e for e in book.entities.values()}.values():
        docs = {False: [], True: []}
        for surface in (entity.name, *entity.aliases):
            for form in spelling_variants(surface, entity.type):
                sensitive = is_case_sensitive(form)
                pattern = book._tokenizer(form)
                words = tuple(t.text if sensitive else t.lower_ for t in pattern)
                if words and (sensitive, words) not in seen:
                    seen.add((sensitive, words))
                    docs[sensitive].append(pattern)
        entities[doc.vocab.strings.add(entity.id)] = entity
        for matcher, sensitive in ((lower, False), (orth, True)):
            if docs[sensitive]:
                matcher.add(entity.id, docs[sensitive])
    found = []
    for matcher, sensitive in ((lower, False), (orth, True)):
        for key, start, end in matcher(doc):
            entity, last = entities[key], doc[end - 1]
            if (end - start > 1 and entity.type is not EntityType.METRIC
                    and type_of_noun(last.lower_) is not None
                    and _is_name_of(doc[start:end - 1].text, entity)):
                last = doc[end - 2]
            found.append((entity, doc[start].idx, last.idx + len(last), sensitive))
    return found


def test_one_lower_matcher_finds_what_lower_and_orth_matchers_find():
    entities = [
        Entity("muse", "MUSE", EntityType.BENCHMARK, aliases=("MUSE benchmark",)),
        Entity("muse-2", "Muse", EntityType.MODEL),
        Entity("complex", "ComplEx", EntityType.METHOD, aliases=("complex embeddings",)),
        Entity("cifar10", "CIFAR-10", EntityType.DATASET, aliases=("CIFAR10 dataset",)),
        Entity("llama", "Llama", EntityType.MODEL, aliases=("LLaMA", "llama model")),
        Entity("the-pile", "The Pile", EntityType.DATASET),
        Entity("t0", "T0", EntityType.MODEL),
    ]
    extractor = Extractor(Gazetteer(entities))
    book = extractor.nlp.get_pipe("kg_gazetteer").book
    texts = [*seed_lines()[:300], *EDGE_TEXTS,
             "MUSE, Muse, muse and the MUSE benchmark; ComplEx, complex, COMPLEX embeddings.",
             "CIFAR-10, cifar10, CIFAR10 dataset, Llama, LLaMA, llama, LLAMA model, The Pile, "
             "the pile, T0 and t0, at t 0."]
    for text in texts:
        doc = extractor.nlp.tokenizer(text)
        assert book.find(doc) == two_matcher_find(book, doc), text
