"""`claimcheck report` opened in a real browser: headless Chromium, driven over the DevTools protocol.

The page must load with no script exception, no console or log error and no request other than its own file,
and its script must work (the find box filters cards). Skips, saying why, where Chromium is not installed
(`.ci/run` installs Debian's `chromium` package) or websocket-client is missing.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from claimcheck.embed import FakeEmbedder
from claimcheck.ingest import default_linker, ingest
from claimcheck.reader import read_articles
from claimcheck.report import ReportFilter, write_report
from claimcheck.store import open_store

from .conftest import SEED_TEXT, shared_path

DPG_ARTICLES = 200
LOAD_TIMEOUT = 30.0


def chromium_binary() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageLoad:
    """What happened while a page loaded: problems the browser reported and every URL it requested."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    screenshot: bytes = b""
    checks: dict[str, Any] = field(default_factory=dict)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]


class Chromium:
    """One headless Chromium with a fresh profile, reached through its DevTools websocket."""

    def __init__(self, binary: str) -> None:
        import websocket  # websocket-client, from the dev extra

        self.profile = tempfile.mkdtemp(prefix="cc-chromium-")
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "--window-size=1280,1000",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            port = self._port()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
                targets = json.load(answer)
            page = next(t for t in targets if t.get("type") == "page")
            self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=LOAD_TIMEOUT,
                                                  suppress_origin=True)
        except BaseException:
            self.close()
            raise
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    def _port(self) -> int:
        marker = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + LOAD_TIMEOUT
        while time.monotonic() < deadline:
            if marker.exists():
                lines = marker.read_text().splitlines()
                if lines and lines[0].strip().isdigit():
                    return int(lines[0])
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited with code {self.process.returncode} before DevTools was up")
            time.sleep(0.05)
        raise RuntimeError("chromium did not open its DevTools port in time")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        self.ws.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str) -> None:
        deadline = time.monotonic() + LOAD_TIMEOUT
        while time.monotonic() < deadline:
            if any(e["method"] == event for e in self.events):
                return
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(event)

    def evaluate(self, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def load(self, path: Path, checks: dict[str, str] | None = None, full_height: int = 2200) -> PageLoad:
        """Open a local file and report errors, requests, a screenshot and the values of `checks` (JS)."""
        self.events.clear()
        for domain in ("Runtime", "Log", "Network", "Page"):
            self.call(f"{domain}.enable")
        # Anything the page asks of the network is recorded (requestWillBeSent) and then refused, so a
        # regression shows up as a failed test, never as a request leaving this machine.
        self.call("Network.setBlockedURLs", urls=["http://*", "https://*", "ws://*", "wss://*", "ftp://*"])
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=1000, deviceScaleFactor=1, mobile=False)
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        result = PageLoad()
        result.checks = {name: self.evaluate(js) for name, js in (checks or {}).items()}
        height = min(full_height, int(self.evaluate("document.documentElement.scrollHeight")))
        shot = self.call("Page.captureScreenshot", format="png",
                         clip={"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1},
                         captureBeyondViewport=True)
        result.screenshot = base64.b64decode(shot["data"])
        self.call("Runtime.evaluate", expression="0")  # let late console events arrive before reading them
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                result.errors.append(f"exception: {params['exceptionDetails'].get('text')} "
                                     f"{params['exceptionDetails'].get('exception', {}).get('description', '')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                result.errors.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                result.errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
            elif method == "Network.requestWillBeSent":
                result.requests.append(params["request"]["url"])
        return result

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium here (/usr/bin/chromium or chromium on PATH); `apt-get install chromium` "
                    "to run the browser tests")
    pytest.importorskip("websocket", reason="websocket-client (the dev extra) drives Chromium")
    chromium = Chromium(binary)
    try:
        yield chromium
    finally:
        chromium.close()


def seed_report(folder: Path, chosen: ReportFilter | None = None) -> Path:
    """The seed article ingested as `claimcheck ingest` would, with the fake embedder, then reported."""
    with open_store(folder / "seed.db") as store:
        ingest(store, read_articles([str(SEED_TEXT)]), embedder=FakeEmbedder(), linker=default_linker())
        write_report(store, folder / "seed.html", chosen)
    return folder / "seed.html"


def dpg_report(folder: Path, articles: int = DPG_ARTICLES) -> Path:
    """The first `articles` DpgMedia2019 articles ingested with the fake embedder, then reported."""
    source = shared_path("data", "dpg2019", "articles.jsonl")
    sample = folder / "dpg.jsonl"
    with source.open(encoding="utf-8") as lines, sample.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(lines, articles))
    with open_store(folder / "dpg.db") as store:
        ingest(store, read_articles([str(sample)]), embedder=FakeEmbedder(), linker=default_linker())
        write_report(store, folder / "dpg.html")
    sample.unlink()
    return folder / "dpg.html"


PAGE_CHECKS = {
    "sections": "['conflicts', 'graph', 'timelines', 'audits'].filter(id => document.getElementById(id)).length",
    "stories": "document.querySelectorAll('.story').length",
    "marks_a": "document.querySelectorAll('.conflict mark.hl-a').length",
    "marks_b": "document.querySelectorAll('.conflict mark.hl-b').length",
    # The find box hides every card that lacks the words typed: the page's script ran and works.
    "hidden_after_find": (
        "(() => { const f = document.getElementById('find'); f.value = 'zzzz-no-such-words';"
        " f.dispatchEvent(new Event('input')); const n = document.querySelectorAll('[data-find][hidden]').length;"
        " f.value = ''; f.dispatchEvent(new Event('input')); return n; })()"),
    "cards": "document.querySelectorAll('[data-find]').length",
}


def assert_clean(load: PageLoad) -> None:
    assert load.errors == []
    assert load.outside_requests() == []
    assert load.screenshot.startswith(b"\x89PNG")
    assert load.checks["sections"] == 4
    assert load.checks["hidden_after_find"] == load.checks["cards"] > 0


def test_the_seed_report_renders_cleanly(browser: Chromium, tmp_path: Path) -> None:
    load = browser.load(seed_report(tmp_path), PAGE_CHECKS)
    (tmp_path / "seed.png").write_bytes(load.screenshot)
    assert_clean(load)
    # Bali's denial and the Fox News report it denies, both highlighted in the article text.
    assert load.checks["marks_a"] >= 1 and load.checks["marks_b"] >= 1
    assert load.checks["stories"] == 1
    assert [url for url in load.requests if url.startswith("file:")] == [(tmp_path / "seed.html").as_uri()]


def test_a_report_on_200_dpg_articles_renders_cleanly(browser: Chromium, tmp_path: Path) -> None:
    load = browser.load(dpg_report(tmp_path), PAGE_CHECKS)
    (tmp_path / "dpg.png").write_bytes(load.screenshot)
    assert_clean(load)
    assert load.checks["stories"] >= 10


def test_a_page_that_fetches_or_fails_is_caught(browser: Chromium, tmp_path: Path) -> None:
    """The harness itself: a page with a script error and an outside image is not passed as clean."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><body><img src="http://192.0.2.1/x.png">'
                    "<script>console.error('boom'); undefinedFunction();</script></body></html>", encoding="utf-8")
    load = browser.load(page)
    assert any("boom" in error for error in load.errors)
    assert any("undefinedFunction" in error for error in load.errors)
    assert load.outside_requests() == ["http://192.0.2.1/x.png"]
