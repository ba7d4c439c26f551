"""A small real knowledge graph for the schema and API tests, built from the seed page.

Six papers of `data/daily_papers.txt`, each with a few of its real sentences and
hand-made mentions, entities and results, written through a real Store. The other
`test_schema_*`, `test_api_*` and `test_error_shape` modules import `build_seed_graph`;
the tests here check that the hand-made records keep the records' invariants.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.records import (
    Entity,
    EntityType,
    Mention,
    Paper,
    PaperExtraction,
    Result,
    Role,
    entity_id,
    paper_id,
)
from paperkg.graph.store import Store
from paperkg.schema.execute import execute_query

MODEL, METHOD, DATASET = EntityType.MODEL, EntityType.METHOD, EntityType.DATASET
BENCHMARK, TASK, METRIC = EntityType.BENCHMARK, EntityType.TASK, EntityType.METRIC
SEED_PAGE = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"


def entity(name: str, type_: EntityType, *aliases: str, variant_of: str | None = None, **kwargs) -> Entity:
    return Entity(entity_id(name), name, type_, tuple(aliases),
                  variant_of=entity_id(variant_of) if variant_of else None, **kwargs)


ENTITIES = {e.name: e for e in [
    entity("sparse autoencoder", METHOD, "sparse autoencoders", "SAEs", "SAE"),
    entity("DINOv2", MODEL, external_ids=(("hf", "facebook/dinov2-base"), ("arxiv", "2304.07193"))),
    entity("Stable Diffusion", MODEL),
    entity("Stable Diffusion 1.5", MODEL, variant_of="Stable Diffusion"),
    entity("Stable Diffusion 2.1", MODEL, "Stable-Diffusion-2.1", variant_of="Stable Diffusion"),
    entity("PixArt", MODEL),
    entity("Kandinsky", MODEL),
    entity("DC-Solver", METHOD, origin="discovered"),
    entity("FID", METRIC, "Frechet Inception Distance"),
    entity("MSE", METRIC, "mean squared error"),
    entity("FFHQ", DATASET),
    entity("FLAMe", MODEL),
    entity("FLAMe-RM", MODEL, variant_of="FLAMe"),
    entity("FLAMe-RM-24B", MODEL, variant_of="FLAMe-RM"),
    entity("RewardBench", BENCHMARK),
    entity("accuracy", METRIC),
    entity("GPT-4", MODEL, "GPT-4-0125"),
    entity("GPT-4o", MODEL),
    entity("multi-layer perceptron", METHOD, "MLP", "MLPs"),
    entity("CIFAR-10", DATASET, "CIFAR10"),
    entity("CIFAR-100", DATASET, "CIFAR100"),
    entity("TinyImageNet", DATASET),
    entity("MUSE", BENCHMARK),
    entity("machine unlearning", TASK),
    entity("RESTOR", BENCHMARK),
]}

# (title, date, authors, extra Paper fields, abstract made of the paper's own sentences)
PAPERS = {
    "blindspots": (
        "Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders",
        date(2025, 6, 24), 4, {},
        "Our method leverages sparse autoencoders (SAEs) to extract interpretable concept embeddings, "
        "enabling a quantitative comparison of concept prevalence between real and generated images. "
        "We train an archetypal SAE (RA-SAE) on DINOv2 features with 32,000 concepts -- the largest such "
        "SAE to date -- enabling fine-grained analysis of conceptual disparities. Applied to four popular "
        "generative models (Stable Diffusion 1.5/2.1, PixArt, and Kandinsky), our approach reveals specific "
        "suppressed blindspots (e.g., bird feeders, DVD discs, and whitespaces on documents) and exaggerated "
        "blindspots (e.g., wood background texture and palm trees).",
    ),
    "dc-solver": (
        "DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation",
        date(2024, 9, 5), 4,
        {"code_urls": ("https://github.com/wl-zhao/DC-Solver",), "urls": ("https://github.com/wl-zhao/DC-Solver",)},
        "In this paper, we introduce a new fast DPM sampler called DC-Solver, which leverages dynamic "
        "compensation (DC) to mitigate the misalignment of the predictor-corrector samplers. Notably, we "
        "achieve 10.38 FID (NFE=5) on unconditional FFHQ and 0.394 MSE (NFE=5, CFG=7.5) on "
        "Stable-Diffusion-2.1. Code is available at https://github.com/wl-zhao/DC-Solver",
    ),
    "flame": (
        "Foundational Autoraters: Taming Large Language Models for Better Automatic Evaluation",
        date(2024, 7, 15), 6, {"upvotes": 8},
        "To make progress towards better LLM autoraters, we introduce FLAMe, a family of Foundational Large "
        "Autorater Models. We show that FLAMe can also serve as a powerful starting point for further "
        "downstream fine-tuning, using reward modeling evaluation as a case study (FLAMe-RM). Notably, on "
        "RewardBench, our FLAMe-RM-24B model (with an accuracy of 87.8%) is the top-performing generative "
        "model trained exclusively on permissively licensed data, outperforming both GPT-4-0125 (85.9%) and "
        "GPT-4o (84.7%).",
    ),
    "mlps": (
        "Scaling MLPs: A Tale of Inductive Bias", date(2023, 6, 23), 3, {},
        "In this work we revisit the most fundamental building block in deep learning, the multi-layer "
        "perceptron (MLP), and study the limits of its performance on vision tasks. We show that the "
        "performance of MLPs drastically improves with scale (93% on CIFAR10, 79% on CIFAR100, 69% on "
        "TinyImageNet), highlighting that lack of inductive bias can indeed be compensated.",
    ),
    "muse": (
        "MUSE: Machine Unlearning Six-Way Evaluation for Language Models", date(2024, 7, 8), 10, {},
        "We address this issue by proposing MUSE, a comprehensive machine unlearning evaluation benchmark "
        "that enumerates six diverse desirable properties for unlearned models: (1) no verbatim memorization, "
        "(2) no knowledge memorization, (3) no privacy leakage, (4) utility preservation on data not intended "
        "for removal, (5) scalability with respect to the size of removal requests, and (6) sustainability "
        "over sequential unlearning requests.",
    ),
    "restor": (
        "RESTOR: Knowledge Recovery in Machine Unlearning", date(2024, 10, 31), 6, {},
        "In this work, we propose the RESTOR framework for machine unlearning evaluation, which assesses the "
        "ability of unlearning algorithms for targeted data erasure, by evaluating the ability of models to "
        "forget the knowledge introduced in these datapoints, while simultaneously recovering the model's "
        "knowledge state had it never encountered these datapoints.",
    ),
}

U, E, C, INTRO = Role.USES, Role.EVALUATES_ON, Role.COMPARES, Role.INTRODUCES
# paper key -> (field, span text, entity name, role); the first occurrence of the span is taken.
MENTIONS = {
    "blindspots": [
        ("title", "Sparse Autoencoders", "sparse autoencoder", U),
        ("abstract", "sparse autoencoders", "sparse autoencoder", U),
        ("abstract", "SAEs", "sparse autoencoder", U),
        ("abstract", "DINOv2", "DINOv2", U),
        ("abstract", "Stable Diffusion 1.5", "Stable Diffusion 1.5", E),
        ("abstract", "2.1", "Stable Diffusion 2.1", E),
        ("abstract", "PixArt", "PixArt", E),
        ("abstract", "Kandinsky", "Kandinsky", E),
    ],
    "dc-solver": [
        ("title", "DC-Solver", "DC-Solver", INTRO),
        ("abstract", "DC-Solver", "DC-Solver", INTRO),
        ("abstract", "FID", "FID", Role.MENTIONS),
        ("abstract", "FFHQ", "FFHQ", E),
        ("abstract", "MSE", "MSE", Role.MENTIONS),
        ("abstract", "Stable-Diffusion-2.1", "Stable Diffusion 2.1", E),
    ],
    "flame": [
        ("abstract", "FLAMe", "FLAMe", INTRO),
        ("abstract", "FLAMe-RM", "FLAMe-RM", INTRO),
        ("abstract", "RewardBench", "RewardBench", E),
        ("abstract", "FLAMe-RM-24B", "FLAMe-RM-24B", INTRO),
        ("abstract", "accuracy", "accuracy", Role.MENTIONS),
        ("abstract", "GPT-4-0125", "GPT-4", C),
        ("abstract", "GPT-4o", "GPT-4o", C),
    ],
    "mlps": [
        ("title", "MLPs", "multi-layer perceptron", U),
        ("abstract", "multi-layer perceptron", "multi-layer perceptron", U),
        ("abstract", "MLP", "multi-layer perceptron", U),
        ("abstract", "MLPs", "multi-layer perceptron", U),
        ("abstract", "CIFAR10", "CIFAR-10", E),
        ("abstract", "CIFAR100", "CIFAR-100", E),
        ("abstract", "TinyImageNet", "TinyImageNet", E),
    ],
    "muse": [
        ("title", "MUSE", "MUSE", INTRO),
        ("title", "Machine Unlearning", "machine unlearning", U),
        ("abstract", "MUSE", "MUSE", INTRO),
        ("abstract", "machine unlearning", "machine unlearning", U),
    ],
    "restor": [
        ("title", "RESTOR", "RESTOR", INTRO),
        ("title", "Machine Unlearning", "machine unlearning", U),
        ("abstract", "RESTOR", "RESTOR", INTRO),
        ("abstract", "machine unlearning", "machine unlearning", U),
    ],
}

# paper key -> (span text, entity, metric, value, unit, model)
RESULTS = {
    "dc-solver": [
        ("10.38 FID (NFE=5) on unconditional FFHQ", "FFHQ", "FID", 10.38, None, "DC-Solver"),
        ("0.394 MSE (NFE=5, CFG=7.5) on Stable-Diffusion-2.1", "Stable Diffusion 2.1", "MSE", 0.394, None, "DC-Solver"),
    ],
    "flame": [
        ("accuracy of 87.8%", "RewardBench", "accuracy", 87.8, "%", "FLAMe-RM-24B"),
        ("GPT-4-0125 (85.9%)", "RewardBench", None, 85.9, "%", "GPT-4"),
    ],
    "mlps": [
        ("93% on CIFAR10", "CIFAR-10", None, 93.0, "%", None),
        ("79% on CIFAR100", "CIFAR-100", None, 79.0, "%", None),
        ("69% on TinyImageNet", "TinyImageNet", None, 69.0, "%", None),
    ],
}

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentence_at(text: str, start: int) -> str:
    """The sentence of `text` that holds offset `start`."""
    bounds = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text)), len(text)]
    return next(text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if a <= start < b)


def seed_paper(key: str) -> Paper:
    title, day, authors, extra, abstract = PAPERS[key]
    return Paper(id=paper_id(title), title=title, abstract=abstract, date=day, authors_count=authors,
                 source=f"{SEED_PAGE.name}", **extra)


def seed_extraction(key: str) -> PaperExtraction:
    """One seed paper with its hand-made mentions, entities and results."""
    paper = seed_paper(key)
    mentions = []
    for field, text, name, role in MENTIONS[key]:
        body = paper.field_text(field)
        start = body.index(text)
        found = ENTITIES[name]
        mentions.append(Mention(paper.id, field, start, start + len(text), text, sentence_at(body, start),
                                found.type, found.id, 0.9, "kg_gazetteer", role))
    results = []
    for span, name, metric, value, unit, model in RESULTS.get(key, []):
        start = paper.abstract.index(span)
        results.append(Result(paper.id, "abstract", start, start + len(span), sentence_at(paper.abstract, start),
                              entity_id(name), metric, value, unit, entity_id(model) if model else None))
    used = {m.entity_id for m in mentions}
    # Parents of variants go with the paper that names a variant, as extraction would emit them.
    parents = {e.variant_of for e in ENTITIES.values() if e.id in used and e.variant_of}
    entities = tuple(e for e in ENTITIES.values() if e.id in used | parents)
    return PaperExtraction(paper, tuple(mentions), entities, tuple(results))


def seed_extractions() -> list[PaperExtraction]:
    return [seed_extraction(key) for key in PAPERS]


def copied_extractions(copies: int) -> list[PaperExtraction]:
    """`copies` renamed copies of every seed paper, with their mentions and results."""
    out = []
    for n in range(copies):
        for original in seed_extractions():
            paper = replace(original.paper, title=f"{original.paper.title} (copy {n})")
            paper = replace(paper, id=paper_id(paper.title) + f"-{n}")
            out.append(PaperExtraction(
                paper,
                tuple(replace(m, paper_id=paper.id) for m in original.mentions),
                original.entities,
                tuple(replace(r, paper_id=paper.id) for r in original.results),
            ))
    return out


def build_seed_graph(path: Path, store_class: type[Store] = Store, copies: int = 0) -> KnowledgeGraph:
    """Write the seed extractions (and `copies` copies of them) to a new store at `path`."""
    store = store_class(path)
    store.write_batch(seed_extractions() + copied_extractions(copies))
    return KnowledgeGraph(store)


def seed_id(key: str) -> str:
    return seed_paper(key).id


def seed_node(key: str) -> str:
    """The GraphQL (and RDF IRI path) id of a seed paper: "paper/<id>"."""
    return f"paper/{seed_id(key)}"


def run_query(kg: KnowledgeGraph, query: str, **variables) -> dict:
    """Run a GraphQL query in-process; fail the test on any error; return its data."""
    result = execute_query(kg, query, variables or None)
    assert "errors" not in result, result["errors"]
    return result["data"]
