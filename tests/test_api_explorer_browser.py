"""The explorer and GraphiQL in a real browser: Debian's chromium, headless, driven by Playwright,
against uvicorn on 127.0.0.1 serving the seed page's graph, with every other address refused.

Each step is screenshotted into the test's own folder (its path is printed); with
PAPERKG_SCREENSHOTS=DIR set, the paper and entity pages are also written there as
explorer-paper.png and explorer-entity.png (how docs/ gets the README's pictures).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from paperkg.api.app import create_app
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.store import Store
from paperkg.schema.cost import DEFAULT_MAX_COST

from live_fixtures import serving
from seed_graph import SEED_PAGE, build_seed_graph

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: apt-get install chromium (.ci/run does)"),
]
READY = "main#view[data-state=ready]"
MUSE = "MUSE: Machine Unlearning Six-Way Evaluation for Language Models"
RESTOR = "RESTOR: Knowledge Recovery in Machine Unlearning"


@pytest.fixture(scope="module")
def address(tmp_path_factory):
    """The explorer over the seed page, ingested for real, served on 127.0.0.1."""
    store = Store(tmp_path_factory.mktemp("explorer") / "seed.db")
    ingest_paths([SEED_PAGE], store, progress=False)
    kg = KnowledgeGraph(store)
    with serving(create_app(kg)) as where:
        yield f"http://{where}"
    store.close()


@pytest.fixture(scope="module")
def copies_address(tmp_path_factory):
    """The hand-made seed graph with 12 renamed copies of each paper: lists longer than a page."""
    kg = build_seed_graph(tmp_path_factory.mktemp("copies") / "kg.db", copies=12)
    with serving(create_app(kg)) as where:
        yield f"http://{where}"
    kg.store.close()


HOSTILE_TITLE = '<img src=x onerror="window.pwned=1">BERT & <b>GPT-4</b> on ImageNet'
HOSTILE = {"arxiv_id": "2501.00001", "title": HOSTILE_TITLE, "authors": ["<script>window.pwned=2</script>"],
           "categories": ["cs.CL"], "listing_date": "2025-01-02",
           "abstract": 'We fine-tune BERT on ImageNet <svg onload="window.pwned=3"> and report 91.2% accuracy.'}


@pytest.fixture(scope="module")
def hostile_address(tmp_path_factory):
    """A graph of one paper whose text is markup, ingested as any JSON Lines record is."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    store = Store(folder / "kg.db")
    ingest_paths([folder / "hostile.jsonl"], store, progress=False)
    with serving(create_app(KnowledgeGraph(store))) as where:
        yield f"http://{where}"
    store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless=new"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, address):
    """A page that may reach 127.0.0.1 only; the test fails if it asked for anything else."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    refused, errors = [], []

    def only_local(route):
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    answers = []  # every GraphQL answer the page got: no errors, each within the cost budget
    tab.on("response", lambda response: answers.append(response.json())
           if response.url.endswith("/graphql") and response.request.method == "POST" else None)
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    assert not refused, f"the page asked for addresses outside 127.0.0.1: {refused}"
    assert not errors, f"the page raised: {errors}"
    failed = [answer["errors"] for answer in answers if answer.get("errors")]
    assert not failed, f"GraphQL refused or failed queries of the explorer: {failed}"
    assert all(answer["extensions"]["cost"] <= DEFAULT_MAX_COST for answer in answers)
    print("GraphQL costs:", sorted(answer["extensions"]["cost"] for answer in answers))


@pytest.fixture
def shots(tmp_path):
    """Save a numbered full-page screenshot of each step in this test's folder."""
    folder = tmp_path / "screenshots"
    folder.mkdir()
    print(f"screenshots in {folder}")
    extra = Path(os.environ["PAPERKG_SCREENSHOTS"]) if os.environ.get("PAPERKG_SCREENSHOTS") else None

    def shot(page, name: str, publish_as: str | None = None) -> None:
        number = len(list(folder.iterdir())) + 1
        page.screenshot(path=str(folder / f"{number:02d}-{name}.png"), full_page=True)
        if extra and publish_as:
            extra.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(extra / publish_as), full_page=True)
    return shot


def test_graphiql_runs_a_query_typed_into_its_editor_with_no_network(page, address, shots):
    page.goto(f"{address}/graphql")
    editor = page.locator(".graphiql-query-editor .CodeMirror").first
    editor.wait_for()
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text('{ stats { papers } entity(name: "MUSE") { type } }')
    page.keyboard.press("Control+Enter")
    result = page.locator(".result-window")
    sync_api.expect(result).to_contain_text('"papers": 17')
    sync_api.expect(result).to_contain_text('"type": "BENCHMARK"')
    shots(page, "graphiql")


def test_search_open_muse_see_mentions_follow_a_shared_task_to_restor_open_its_entity(page, address, shots):
    # 1. search "unlearning"
    page.goto(address)
    page.wait_for_selector(READY)
    page.get_by_role("combobox").fill("unlearning")
    page.get_by_role("option", name=re.compile("machine unlearning")).wait_for()  # suggested while typing
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=unlearning$"))
    page.wait_for_selector(READY)
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Search: unlearning")
    shots(page, "search")

    # 2. open MUSE
    page.get_by_role("link", name=MUSE).click()
    page.wait_for_url(re.compile(r"/paper/muse-"))
    page.wait_for_selector(READY)
    assert page.title().startswith("MUSE")

    # 3. its mentions, highlighted and coloured by type, with role and confidence
    mentions = page.locator(".abstract a.mention")
    assert mentions.count() > 0
    types = set(page.locator("a.mention").evaluate_all("els => els.map(e => e.dataset.type)"))
    assert {"TASK", "BENCHMARK"} <= types
    colours = {kind: page.locator(f'a.mention[data-type="{kind}"]').first.evaluate(
        "e => getComputedStyle(e).borderBottomColor") for kind in types}
    assert len(set(colours.values())) == len(types), colours  # one colour per type
    first = mentions.first
    assert re.search(r"task, \w+, confidence 0\.\d\d", first.get_attribute("title"))
    assert "confidence" in first.evaluate("e => e.textContent")  # read out to screen readers too
    assert page.locator(".graph canvas").count() > 0  # the neighbourhood graph is drawn
    shots(page, "paper", publish_as="explorer-paper.png")
    page.get_by_text("The graph as a list").click()  # and told as a list, for keyboards
    sync_api.expect(page.locator(".graph-list li").filter(has_text=RESTOR)).to_contain_text("machine unlearning")

    # 4. follow "papers sharing a task" to RESTOR
    sharing_task = page.get_by_role("region", name=re.compile("Papers sharing a task"))
    sharing_task.get_by_role("link", name=RESTOR).click()
    page.wait_for_url(re.compile(r"/paper/restor-"))
    page.wait_for_selector(READY)
    sync_api.expect(page.get_by_role("heading", level=1)).to_contain_text("RESTOR")
    shots(page, "restor")

    # 5. open the entity page of machine unlearning
    page.get_by_role("region", name="What it uses").get_by_role("link", name="machine unlearning").click()
    page.wait_for_url(re.compile(r"/entity/machineunlearning$"))
    page.wait_for_selector(READY)
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("machine unlearning")
    assert page.locator("svg.chart rect.bar").count() > 0  # papers per month
    sync_api.expect(page.get_by_role("region", name=re.compile(r"^Papers \(3\)"))).to_contain_text(MUSE)
    shots(page, "entity", publish_as="explorer-entity.png")

    page.go_back()  # history works like any site's
    page.wait_for_url(re.compile(r"/paper/restor-"))
    page.wait_for_selector(READY)


def test_the_search_box_is_a_keyboard_combobox(page, address):
    page.goto(address)
    page.wait_for_selector(READY)
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("unlear")
    page.get_by_role("option").first.wait_for()
    sync_api.expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    sync_api.expect(page.locator(f"#{active}")).to_have_attribute("aria-selected", "true")
    name = page.locator(f"#{active}").evaluate("e => e.childNodes[1].textContent")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/entity/"))
    page.wait_for_selector(READY)
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text(name)


def test_deep_links_serve_the_page_and_unknown_ids_say_not_found(page, address):
    response = page.goto(f"{address}/entity/muse")
    assert response.status == 200
    page.wait_for_selector(READY)
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("MUSE")
    page.goto(f"{address}/entity/rewardbench")  # a benchmark with a reported result
    page.wait_for_selector(READY)
    board = page.get_by_role("region", name=re.compile("^Leaderboard"))
    sync_api.expect(board).to_contain_text("87.8%")
    sync_api.expect(board.get_by_role("link", name="FLAMe-RM-24B")).to_have_count(1)
    response = page.goto(f"{address}/paper/no-such-paper")
    assert response.status == 404
    page.wait_for_selector("main#view[data-state=not-found]")
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Paper not found")
    response = page.goto(f"{address}/entity/no-such-entity")
    assert response.status == 404
    page.wait_for_selector("main#view[data-state=not-found]")
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Entity not found")


def test_every_link_and_button_is_reachable_by_tab_with_a_visible_focus(page, address):
    page.goto(f"{address}/entity/machineunlearning")
    page.wait_for_selector(READY)
    interactive = page.locator("a[href], button, input").count()
    seen, unmarked = set(), []
    for _ in range(interactive + 2):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        seen.add(focused)
        if focused.startswith("<body"):  # past the last control, focus leaves the page
            continue
        if page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "none":
            unmarked.append(focused)
    assert len(seen) >= interactive - 1  # the skip link and every control, in turn
    assert not unmarked, f"focused without a visible outline: {unmarked}"


def test_the_neighbourhood_places_many_papers_apart_and_finishes(page, address):
    """Forty related papers sharing one entity: each gets its own place on the outer ring."""
    page.goto(address)
    page.wait_for_selector(READY)
    positions = page.evaluate("""async () => {
        const { placeNodes } = await import("/static/explorer/neighbourhood.js");
        const elements = [{ data: { id: "p", kind: "self" } }, { data: { id: "e", kind: "task" } }];
        for (let i = 0; i < 40; i++) {
            elements.push({ data: { id: `q${i}`, kind: "paper" } }, { data: { id: `q${i}-e`, source: `q${i}`, target: "e" } });
        }
        return placeNodes(elements).filter((e) => e.data.kind === "paper").map((e) => `${e.position.x},${e.position.y}`);
    }""")
    assert len(positions) == 40 and len(set(positions)) == 40


@pytest.mark.parametrize("path, total", [("/entity/machineunlearning", 26), ("/search?q=unlearning", 26)])
def test_more_papers_pages_on_with_after_cursors_to_the_end(page, copies_address, path, total):
    page.goto(f"{copies_address}{path}")
    page.wait_for_selector(READY)
    items = page.get_by_role("region", name=re.compile(r"^Papers \(")).locator("ol > li")
    assert items.count() == 20
    page.get_by_role("button", name="More papers").click()
    sync_api.expect(items).to_have_count(total)
    titles = items.locator("a").all_text_contents()
    assert len(set(titles)) == total  # the second page continues the first, no repeats
    sync_api.expect(page.get_by_role("button", name="More papers")).to_have_count(0)  # no third page
    assert page.evaluate("document.activeElement.textContent") == titles[20]  # focus moves to the new items


def test_text_from_the_api_is_shown_as_text_never_run_as_markup(page, hostile_address):
    page.goto(f"{hostile_address}/paper/2501.00001")
    page.wait_for_selector(READY)
    shown = page.locator("main h1").evaluate(  # the title as shown, without the screen-reader notes
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach((n) => n.remove()); return c.textContent; }")
    assert shown == HOSTILE_TITLE
    assert page.locator("main img, main b, main svg:not(.chart)").count() == 0
    assert page.locator(".abstract a.mention").count() > 0  # BERT, ImageNet: still marked
    page.get_by_role("combobox").fill("BER")
    page.get_by_role("option").first.wait_for()
    assert page.evaluate("window.pwned") is None


@pytest.fixture(scope="module")
def conference_address(conference_kg):
    """The explorer over a conference list's papers (year, venue and DOI, no date)."""
    with serving(create_app(conference_kg)) as where:
        yield f"http://{where}"


def test_a_papers_year_venue_and_doi_are_shown_on_its_page_and_in_lists(page, conference_address):
    page.goto(f"{conference_address}/paper/scaling-reasoning-agents")
    page.wait_for_selector(READY)
    meta = page.locator("main .paper-header .meta").inner_text()
    assert meta.startswith("2024 - NeurIPS 2024 - Ada Lovelace, Alan Turing")  # no date: the year
    doi = page.get_by_role("link", name=re.compile("^DOI"))
    assert doi.get_attribute("href") == "https://doi.org/10.5555/abc.123"
    page.goto(f"{conference_address}/search?q=mixture")
    page.wait_for_selector(READY)
    item = page.locator(".paper-item", has_text="Sparse Routers for Mixtures")
    assert "2025, ICLR 2025" in item.inner_text()
    page.goto(conference_address)
    page.wait_for_selector(READY)
    assert "2024, NeurIPS 2024" in page.locator(".paper-item", has_text="Scaling Reasoning Agents").inner_text()
