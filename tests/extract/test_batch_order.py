"""Batches extracted in lanes (`batch_order.extract_in_order`), here through worker processes."""

from paperkg.graph.extract.workers import ExtractionPool
from paperkg.graph.records import Paper


class OrderWatchingPool(ExtractionPool):
    """Worker processes that note each batch they are asked to match."""

    def __init__(self, workers: int) -> None:
        super().__init__(workers)
        self.asked: list[int] = []

    def send_extract(self, lane, k, names):
        self.asked.append(k)
        super().send_extract(lane, k, names)


def papers(count: int) -> list[Paper]:
    return [Paper(f"p{i}", f"Model{i}: a new model", f"We introduce Model{i}, evaluated on ImageNet with BERT.")
            for i in range(count)]


def test_when_all_sent_comes_once_every_batch_is_asked_for_and_before_the_last_comes_back():
    batches = [(k, papers(12)[k * 2:k * 2 + 2]) for k in range(6)]
    calls: list[tuple[list[int], int]] = []
    got: list[object] = []
    with OrderWatchingPool(2) as pool:
        for tag, extractions in pool.extract_batches(
                iter(batches), window=4, when_all_sent=lambda: calls.append((sorted(pool.asked), len(got)))):
            got.append(tag)
            assert len(extractions) == 2
    assert got == list(range(6))
    # once: every batch was read and its lane asked to match it, so the caller's work there
    # runs beside the lanes' (an ingest builds the corpus step's indexes then)
    assert calls == [(list(range(6)), calls[0][1])]
    assert calls[0][1] < len(batches)


def test_when_all_sent_comes_for_an_input_of_one_batch():
    calls: list[int] = []
    with ExtractionPool(2) as pool:
        out = list(pool.extract_batches(iter([("only", papers(3))]), when_all_sent=lambda: calls.append(1)))
    assert [tag for tag, _ in out] == ["only"] and calls == [1]
