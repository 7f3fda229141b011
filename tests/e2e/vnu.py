"""The W3C Nu HTML Checker (vnu, from npm's `vnu-jar`, on Java) as a local web service for the browser
tests: started once per test session, it checks the HTML of every page a browser test visits."""

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.servers import ROOT, free_port

JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STARTUP_SECONDS = 90


class Validator:
    """One vnu process on a free loopback port; `errors(html)` answers the checker's error messages."""

    def __init__(self, jar: Path = JAR):
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("Java not found; `make test` installs Debian's default-jre-headless.")
        if not jar.exists():
            raise RuntimeError(f"{jar} not found; `make test` installs it with npm ci (vnu-jar).")
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                java,
                "-Xss1m",
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(jar),
                "nu.validator.servlet.Main",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"vnu stopped at start with exit code {self.process.returncode}")
            try:
                self.errors("<!DOCTYPE html><html lang=en><title>x</title></html>")
                return
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"vnu did not answer within {STARTUP_SECONDS} s")

    def errors(self, html: str) -> list[str]:
        """The checker's errors for one HTML document, each as "line:column: message"."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json",
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback only
            messages = json.load(response)["messages"]
        return [
            f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}: {message['message']}"
            for message in messages
            if message["type"] in {"error", "non-document-error"}
        ]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
