"""The briefing as a reader sees it: fixtures that open it in Debian's Chromium.

One browser for the whole session; every test gets fresh pages from it. Each test runs
against two briefings, so that none is tied to one case: the committed ``report/`` and a
build of the golden fixture project. Without Chromium (or Playwright) the tests skip, and
say why; with the environment variable CI set they fail instead, because CI must not pass
by testing nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
DESKTOP, PHONE = 1280, 390


def unavailable(reason: str) -> NoReturn:
    """Skip for a missing tool, except in CI, where a missing tool is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class Case:
    """A built briefing: its folder holds index.html and findings.json."""

    name: str
    folder: Path
    findings_file: Path
    """The findings.yaml it was built from."""

    @property
    def url(self) -> str:
        return (self.folder / "index.html").resolve().as_uri()

    @property
    def findings(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.folder / "findings.json").read_text("utf-8"))
        return data

    @property
    def curated(self) -> bool:
        """The project's own briefing: how long its analyst writes is content, held by
        review, not by the tests (the golden project holds the page's economy)."""
        return self.name == "report"

    def artifact(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        return ARTIFACTS / f"{self.name}-{name}"


@pytest.fixture(scope="session", params=["report", "golden"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    """The committed report, and a fresh build of tests/golden/project; a test may also ask
    (``parametrize("case", [..., "edition"], indirect=True)``) for the golden project built
    against an earlier edition, so that it shows every kind of change in What changed."""
    if request.param == "report":
        return Case("report", ROOT / "report", ROOT / "findings.yaml")
    project = tmp_path_factory.mktemp(request.param) / "project"
    shutil.copytree(ROOT / "tests" / "golden" / "project", project)
    out, argv = project.parent / "out", ["--findings", str(project / "findings.yaml")]
    if request.param == "edition":
        earlier = _earlier_edition(argv, project.parent / "earlier")
        argv += ["--previous", str(earlier)]
    assert main([*argv, "--out", str(out)]) == 0
    if request.param == "edition":
        page = (out / "index.html").read_text(encoding="utf-8")
        assert all(
            group in page
            for group in (
                "Judgments revised",
                "Figures that moved",
                "New, removed and other changed claims",
            )
        )
    return Case(request.param, out, project / "findings.yaml")


def _earlier_edition(argv: list[str], folder: Path) -> Path:
    """A findings.json as an earlier edition of the project might have had it: another
    likelihood, another figure, a flag not yet raised, a claim not yet made and one since
    withdrawn."""
    assert main([*argv, "--out", str(folder)]) == 0
    path = folder / "findings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    claims = data["claims"]
    judgment = next(c for c in claims if c.get("likelihood"))
    judgment["likelihood"] = (
        "roughly even chance" if judgment["likelihood"] != "roughly even chance" else "likely"
    )
    estimate = next(
        c["estimate"] for c in claims if c.get("estimate") and c["estimate"]["value"] is not None
    )
    estimate["value"] += 1
    next(c for c in claims if c.get("flag"))["flag"] = None
    claims.pop()
    claims.append(
        {
            "id": "withdrawn",
            "kind": "reported",
            "statement": "A claim *since* withdrawn, about [a source](#gone).",
        }
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed: pip install playwright")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A page with the briefing loaded, and what it did while loading."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def open_briefing(browser: Any, case: Case) -> Iterator[Callable[..., Opened]]:
    """Open the case's briefing at a width and colour scheme, recording errors and requests."""
    contexts: list[Any] = []

    def open_(
        width: int = DESKTOP, scheme: str = "light", height: int = 900, **options: Any
    ) -> Opened:
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme, **options
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def console(message: Any) -> None:
            if message.type == "error":
                opened.console_errors.append(message.text)

        def request(sent: Any) -> None:
            if sent.url != case.url:
                opened.requests.append(sent.url)

        page.on("console", console)
        page.on("pageerror", lambda error: opened.console_errors.append(str(error)))
        context.on("request", request)
        page.goto(case.url, wait_until="load")
        return opened

    yield open_
    for context in contexts:
        context.close()
