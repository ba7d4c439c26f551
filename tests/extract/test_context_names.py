"""graph/extract/rules/context_names.py: names in no list, typed by the words around them.

Behaviour on real sentences (the seed page, arXiv abstracts with their listed names hidden
as `paperkg eval --unseen` hides them), then the fast paths of `find_context_names` against
the plain readings they replaced.
"""

from __future__ import annotations

import pytest

from paperkg.graph.evaluation.unseen import hide_names_in
from paperkg.graph.extract import Extractor
from paperkg.graph.extract.names.gazetteer import Gazetteer
from paperkg.graph.extract.rules.context_names import (
    NameHit, _apposition_cue, _APPOSITION_FIRST, _CALLED, _coordinated, _data_colon_cue, _DATA_HEAD,
    _DATA_NOUN_STARTS, _group_cue, _head_cue, _intro_cue, _INTRO_FILLERS, _INTRO_VERBS,
    _LIST_OPENERS, _may_end_left_cue, _MODIFIED_DATA_HEAD, _noun_before_cue, _on_cue,
    _ON_MODIFIERS, _PUNCT, _SPLIT_HEAD, _ENDS_LEFT_CUE, _SPLIT_OR_DATA_STARTS, _title_cue, _typed_intro,
    find_context_names, listed_with,
)
from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.extract.rules.name_spans import DETERMINERS, name_spans
from paperkg.graph.records import EntityType, Role
from sample_texts import shape_texts


def unseen_types(text: str) -> dict[str, EntityType]:
    """The types found in `text` by an extractor blind to every listed name in it."""
    kept = hide_names_in(Gazetteer.bundled().entities, [text]).kept
    return {m.text: m.type for m in Extractor(Gazetteer(kept)).extract_text(text)}


def test_an_introduced_name_takes_the_type_of_its_head_noun():
    # arXiv 2025-03 corpus abstract.
    text = ("Furthermore, we introduce the UF7D dataset, a curated collection of high-resolution "
            "underwater images spanning seven distinct waterbody styles.")
    assert unseen_types(text)["UF7D"] is EntityType.DATASET


@pytest.mark.parametrize(("text", "introduced"), [
    # arXiv 2504.00463: a contribution as the subject, in the third person.
    ("Our approach introduces Lora Experts, enabling the backbone network to learn.", True),
    # A thing to construct X with is no subject that introduces it.
    ("This paper introduces D-Fusion, a method to construct DPO-trainable visually consistent samples.", False),
])
def test_a_contribution_as_subject_introduces_the_name_after_its_verb(text, introduced):
    name = text.split("introduces ")[1].split(",")[0] if introduced else "DPO-trainable"
    hits = {hit.text: hit for hit in find_context_names(text)}
    assert (name in hits and hits[name].role is Role.INTRODUCES) is introduced


@pytest.mark.parametrize(("text", "introduced"), [
    # arXiv 2504.09910: a verb in "s" that "and" joins to the paper as subject.
    ("This paper introduces the privacy erasure task for RAG and proposes Eraser4RAG, a private "
     "knowledge eraser.", True),
    # No paper as the subject: another's work.
    ("Prior methods study the privacy erasure task for RAG and proposes Eraser4RAG, a private "
     "knowledge eraser.", False),
])
def test_a_verb_joined_to_the_paper_by_and_introduces_the_name_after_it(text, introduced):
    hits = {hit.text: hit for hit in find_context_names(text)}
    assert (hits["Eraser4RAG"].role is Role.INTRODUCES) is introduced


def test_a_net_name_pretrained_on_is_a_dataset():
    # arXiv 2025-04 corpus abstract.
    text = ("Additionally, we propose an efficient pre-training strategy that enhances "
            "performance even without ImageNet pre-training.")
    assert unseen_types(text)["ImageNet"] is EntityType.DATASET


def test_a_list_goes_on_past_the_scores_in_parentheses():
    # arXiv 2025-03 corpus abstract: the three names are one list, typed together.
    text = ("Our solution achieves the highest accuracy, significantly outperforming "
            "Azure (91%), AWS (83%), and GPT-4o (79%).")
    groups = [[text[s:e] for s, e, _ in g] for g in _coordinated(text, name_spans(text))]
    assert ["Azure", "AWS", "GPT-4o"] in groups


def test_a_name_shaped_as_data_types_the_unknown_names_of_its_whole_list():
    # After arXiv 2503.18556, its cue ("benchmarks such as") taken out: only TextVQA's "QA"
    # says what the list holds, and MME is two names away from it.
    text = ("IAVA reduces object hallucinations across MME, POPE, and TextVQA, compared with "
            "existing decoding techniques.")
    assert unseen_types(text) == dict.fromkeys(("MME", "POPE", "TextVQA"), EntityType.DATASET)


def test_a_known_name_types_only_the_names_next_to_it(default_extractor):
    # arXiv 2508.01058: the listed FLAIR (a dataset, here an MRI sequence) types T1, its
    # neighbour, and not T2 further along the list (a name's shape would reach it).
    text = "The model reconstructs the T1ce modality from FLAIR, T1, and T2 scans."
    types = {m.text: m.type for m in default_extractor.extract_text(text)}
    assert types.get("T1") is EntityType.DATASET and "T2" not in types


def test_a_list_ends_at_the_name_after_its_and():
    # arXiv 2509.10746: RECAP opens the main clause; it is no name of the list.
    text = ("Across EmoBench, SECEU, and EQ-Bench, RECAP improves emotional reasoning by 22-28% "
            "on 8B models.")
    hits = find_context_names(text)
    names = [h.text for h in hits]
    listed = {names[i] for i in listed_with(text, hits, names.index("SECEU"))}
    assert listed == {"EmoBench", "EQ-Bench"}
    assert not list(listed_with(text, hits, names.index("RECAP")))


def test_a_model_in_the_list_leaves_its_unknown_names_untyped():
    text = ("IAVA reduces object hallucinations across MME, GPT-4o, and TextVQA, compared with "
            "existing decoding techniques.")
    assert "MME" not in unseen_types(text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("We use the TAC 2008 data set for evaluation .", "TAC 2008", EntityType.DATASET),
        ("Results on the WMT09 data are lower .", "WMT09", EntityType.DATASET),
        ("Our model is trained on the AMIX meeting corpus .", "AMIX", EntityType.DATASET),
        ("Scores on the LIVEQ test dataset improve .", "LIVEQ", EntityType.DATASET),
    ],
)
def test_head_nouns_after_a_split_or_a_modifier_type_a_new_name(default_extractor, text, name, kind):
    found = {m.text: m.type for m in default_extractor.extract_text(text)}
    assert found.get(name) is kind


def test_modalities_and_model_objectives_are_not_datasets(default_extractor):
    text = "We record EEGX data from subjects and study the BERTX pretraining objective."
    assert not any(m.type is EntityType.DATASET for m in default_extractor.extract_text(text))


def test_capitalised_treebank_and_corpus_heads_name_datasets():
    hits = {h.text: h.type for h in find_context_names("We train on the French Treebank and the Kyoto Corpus.")}
    assert hits == {"French Treebank": EntityType.DATASET, "Kyoto Corpus": EntityType.DATASET}


def test_language_names_are_not_datasets():
    assert find_context_names("Results on the English and Chinese corpora differ.") == []


@pytest.mark.parametrize(
    ("text", "name", "entity_type"),
    [
        ("Notably, on RewardBench, our FLAMe-RM-24B model is the top-performing model.", "RewardBench", EntityType.BENCHMARK),
        ("Notably, on RewardBench, our FLAMe-RM-24B model is the top-performing model.", "FLAMe-RM-24B", EntityType.MODEL),
        ("Various techniques have been proposed, such as CleanCLIP, which is the current state-of-the-art approach.", "CleanCLIP", EntityType.MODEL),
        ("A remarkable exception is the recently-proposed prior-data fitted network, TabPFN: although it", "TabPFN", EntityType.MODEL),
        ("In this paper, we introduce a new fast DPM sampler called DC-Solver, which leverages", "DC-Solver", EntityType.METHOD),
        ("We address this issue by proposing MUSE, a comprehensive machine unlearning evaluation benchmark", "MUSE", EntityType.BENCHMARK),
        ("In this work, we propose the RESTOR framework for machine unlearning evaluation.", "RESTOR", EntityType.METHOD),
        ("Results on the GLUE and XNLI benchmarks.", "XNLI", EntityType.BENCHMARK),
        ("Results on the GLUE and XNLI benchmarks.", "GLUE", EntityType.BENCHMARK),
    ],
)
def test_names_in_no_list_are_found_and_typed(names_extractor, text, name, entity_type, found):
    mentions = found(names_extractor, text)
    assert name in mentions and mentions[name].type is entity_type


def test_hyphenated_name_takes_the_type_of_its_known_piece(names_extractor, found):
    text = ("We focus on Few-shot Learning with Auxiliary Data (FLAD), a training paradigm. "
            "We propose two algorithms -- EXP3-FLAD and UCB1-FLAD -- and compare them.")
    mentions = found(names_extractor, text)
    assert mentions["UCB1-FLAD"].type is mentions["EXP3-FLAD"].type is EntityType.METHOD


def test_title_names_what_the_paper_introduces(names_extractor, found):
    mentions = found(names_extractor, "DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation")
    assert mentions["DC-Solver"].role is Role.INTRODUCES
    assert mentions["DC-Solver"].type is EntityType.METHOD


def test_a_name_wrapped_in_math_after_the_verb_is_introduced():
    # arXiv 2605.30348 and 2505.12274, as the rules read them ("$\\textbf{LLMScan}$" without its markup).
    hits = find_context_names("To evaluate, we introduce $LLMScan$, a recipe-verifiable evaluation suite.")
    assert [(h.text, h.role) for h in hits] == [("LLMScan", Role.INTRODUCES)]
    hits = find_context_names("In this work, we propose $ContextAR$, a flexible and effective framework.")
    assert [(h.text, h.role) for h in hits] == [("ContextAR", Role.INTRODUCES)]


def test_a_name_cut_inside_its_math_wrapper_is_not_introduced():
    # arXiv 2505.15774 and 2505.16066: the wrapper holds a piece of a word, or more words.
    for text in ("To address this, we propose $Hy$brid $Co$ntext $Co$mpression (HyCo$_2$) for LLMs.",
                 "We propose a novel method, $Merge to Mix$, that accelerates composing dataset mixtures."):
        assert all(h.role is None for h in find_context_names(text)), text


@pytest.mark.parametrize("text, names, entity_type", [
    # Roles round 13, arXiv 2512.23705 (gold test4, burned): a plural data noun, a colon, the names.
    ("DKT achieves zero-shot SOTA on real and synthetic video benchmarks involving transparency: "
     "ClearPose, DREDS (CatKnown/CatNovel), and TransPhy3D-Test.", ["ClearPose", "DREDS"],
     EntityType.BENCHMARK),
    # arXiv 2504.21685, of the 10,000 corpus abstracts.
    ("Extensive experiments are conducted on three widely used datasets: RHDM, PHM, and Illness.",
     ["RHDM", "PHM", "Illness"], EntityType.DATASET),
])
def test_names_after_a_plural_data_noun_and_a_colon_are_data(text, names, entity_type):
    typed = {h.text: h.type for h in find_context_names(text)}
    assert all(typed.get(name) is entity_type for name in names), typed


@pytest.mark.parametrize("text", [
    # arXiv 2505.04528: what the benchmarks are about, not where results are reported.
    "We construct three benchmarks on problem-solving: FormalMath500, MiniF2F-Solving and PutnamBench-Solving.",
    "We compare on standard datasets. Results: ClearPose improves.",
])
def test_a_colon_after_a_topic_or_another_clause_types_no_data(text):
    assert all(h.type is None for h in find_context_names(text) if h.text in ("FormalMath500", "ClearPose"))


def plain_group_cue(text, group):
    """The reference: every cue read, the left-hand window always split."""
    first, last = group[0], group[-1]
    window = text[max(0, first[0] - 60) : first[0]]
    if window.endswith("$") and text[last[1] : last[1] + 1] == "$" and not (
            text[last[1] + 1 : last[1] + 2].isalnum() or text[last[1] + 1 : last[1] + 2] in "_$"):
        window = window[:-1]  # a math wrapper that holds the whole name: "$LLMScan$"
    left = window.split()
    right = text[last[1] : last[1] + 70]
    if len(group) == 1 and first[0] <= 1 or text[max(0, first[0] - 2) : first[0]] == "\n\n":
        title = _title_cue(text, first)
        if title is not None:
            return title
    intro = _intro_cue(left)
    if intro is not None:
        return intro if intro[1] is not None else _typed_intro(intro, right, text[last[0] : last[1]], group)
    return (
        _head_cue(right, text[last[0] : last[1]])
        or plain_apposition_cue(right, single=len(group) == 1)
        or (_data_colon_cue(window) if window.endswith(": ") else None)
        or _noun_before_cue(left, right)
        or _on_cue(text, left, right)
    )


def plain_apposition_cue(right, single):
    """The reference of `_apposition_cue`: the marks read after stripping the spaces, always."""
    stripped = right.lstrip(" ")
    if not single or not stripped[:1] in (",", "-", "—", ":") and not stripped.startswith("is "):
        return None
    words = stripped.lstrip(",-—: ").split()
    if words and words[0] == "is":
        words = words[1:]
    if not words or words[0] not in DETERMINERS:
        return None
    for word in words[1:8]:
        noun = word.rstrip(_PUNCT)
        if noun.lower() in TYPE_NOUNS and (noun.islower() or noun[:1].isupper()):
            return ("appos_after", TYPE_NOUNS[noun.lower()], 0.8, None)
        if word[-1:] in _PUNCT:
            return None
    return None


def test_apposition_cues_are_those_of_stripping_every_window():
    windows = typed = 0
    for text in shape_texts():
        for start in range(len(text)):
            right = text[start : start + 70]
            for single in (True, False):
                windows += 1
                cue = _apposition_cue(right, single)
                assert cue == plain_apposition_cue(right, single), right
                typed += cue is not None
    for right in (" , a dataset of", "  - a new benchmark", " is a model", " — the corpus of",
                  " ", "  ", " : a benchmark", " in a dataset"):
        assert _apposition_cue(right, True) == plain_apposition_cue(right, True), right
    assert windows > 20_000 and typed > 5


def test_left_cue_words_are_remembered_as_first_read():
    words = {w for text in shape_texts() for w in text.split()}
    assert all(_ENDS_LEFT_CUE[word] == _may_end_left_cue(word) for word in sorted(words))
    assert _ENDS_LEFT_CUE["introduce"] and not _ENDS_LEFT_CUE["outperforms"]


def test_group_cues_are_those_of_reading_every_cue():
    groups = 0
    for text in shape_texts():
        for group in _coordinated(text, name_spans(text)):
            groups += 1
            assert _group_cue(text, group) == plain_group_cue(text, group), text[group[0][0] :]
    assert groups > 300


def test_no_left_cue_ends_at_a_word_that_may_end_none():
    words = {w for text in shape_texts() for w in text.split()}
    for vocabulary in (_INTRO_FILLERS, _INTRO_VERBS, _CALLED, _LIST_OPENERS, _ON_MODIFIERS,
                       TYPE_NOUNS):
        for word in vocabulary:
            words.update((word, word.title(), word.upper(), f"{word},", f"{word}:", f"({word}"))
    prefixes = ([], ["we"], ["We", "introduce"], ["datasets", "such"], ["referred", "to"],
                ["based"], ["models", "like"], ["evaluate", "on"], ["a", "sampler"],
                ["the", "benchmark,"])
    rights = ("", " ", ", ", ") and", " model", ".")
    checked = 0
    for word in words:
        if _may_end_left_cue(word):
            continue
        for prefix in prefixes:
            left = [*prefix, word]
            assert _intro_cue(left) is None, left
            for right in rights:
                checked += 1
                assert _noun_before_cue(left, right) is None, (left, right)
                assert _on_cue("", left, right) is None, (left, right)
    assert checked > 10_000


def test_right_hand_cues_skip_only_windows_they_cannot_match():
    skipped = 0
    for text in shape_texts():
        for start in range(len(text)):
            right = text[start : start + 70]
            if right[1:5] not in _SPLIT_OR_DATA_STARTS:
                skipped += 1
                assert not _SPLIT_HEAD.match(right) and not _DATA_HEAD.match(right), right
            words = right.split(None, 1)
            if len(words) < 2 or words[1][:4] not in _DATA_NOUN_STARTS:
                assert not _MODIFIED_DATA_HEAD.match(right), right
            if right[:1] not in _APPOSITION_FIRST:
                stripped = right.lstrip(" ")
                assert stripped[:1] not in (",", "-", "—", ":"), right
                assert not stripped.startswith("is "), right
    assert skipped > 10_000


def test_hits_are_immutable_records_read_by_name():
    hits = find_context_names("We score models on the RewardBench benchmark.")
    assert hits == [NameHit(23, 34, "RewardBench", EntityType.BENCHMARK, 0.8, "head")]
    hit = hits[0]
    assert hit.type is EntityType.BENCHMARK and hit.cue == "head" and hit.role is None
    with pytest.raises(AttributeError):
        hit.text = "Other"  # type: ignore[misc]


def test_a_lower_case_led_name_is_read_with_its_context():
    hits = find_context_names("We introduce mPLUG-Owl, a multimodal model, and evaluate it on xBench.")
    assert [(hit.text, hit.cue) for hit in hits[:1]] == [("mPLUG-Owl", "intro")]
    assert "xBench" in [hit.text for hit in hits]


def test_hits_are_the_named_tuples_their_fields_make():
    text = "We introduce FooNet, a model. The Penn Treebank and DINOv2 on mFFHQ."
    hits = find_context_names(text)
    assert {hit.cue for hit in hits} >= {"intro", "shape", "name_head"}
    for hit in hits:
        assert type(hit) is NameHit and hit == NameHit(*hit) and len(hit) == 7
        assert hit.text == text[hit.start : hit.end]


@pytest.mark.parametrize(("text", "introduced"), [
    # arXiv 2605.13670 (dev2): an adverb between "and" and the verb that "we" leads.
    ("We compare three detectors on a public dataset, and further propose PaQ-RT-DETR, which "
     "introduces pattern-based query generation.", True),
    ("We compare three detectors and also present PaQ-RT-DETR, a detector.", True),
    # No "and": the adverb opens nothing that joins the verb to "we".
    ("The detectors further propose PaQ-RT-DETR, which introduces query generation.", False),
])
def test_a_verb_joined_by_and_and_an_adverb_introduces_the_name_after_it(text, introduced):
    hits = {hit.text: hit for hit in find_context_names(text)}
    assert (hits["PaQ-RT-DETR"].role is Role.INTRODUCES) is introduced


def test_a_verb_joined_by_and_and_an_adverb_needs_we_in_sight():
    # The contributions test's other sentence: no "we", another's data.
    text = ("Prior pipelines crawl mathematical figures from textbooks and then construct "
            "MathV360K, a multimodal instruction dataset.")
    hits = {hit.text: hit for hit in find_context_names(text)}
    assert hits["MathV360K"].role is not Role.INTRODUCES
