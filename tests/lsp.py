"""A small Language Server Protocol client, to drive the real yaml-language-server.

It speaks JSON-RPC over the server's stdio as an editor does: `initialize`, the
workspace settings (from the project's own .vscode/settings.json), `didOpen`, and then
completions and the diagnostics the server publishes.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

from .conftest import ROOT

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
TIMEOUT = 60.0


class Client:
    """One yaml-language-server process for one workspace folder."""

    def __init__(self, workspace: Path, settings: dict[str, Any]):
        self.settings = settings
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], cwd=workspace,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.replies: dict[int, queue.Queue[Any]] = {}
        self.diagnostics: queue.Queue[tuple[str, list[Any]]] = queue.Queue()
        self.next_id = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        root = workspace.as_uri()
        self.request("initialize", {
            "processId": None, "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": workspace.name}],
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"completion": {"completionItem": {}},
                                              "publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin
        with self.lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream
        while True:
            length = 0
            while (line := stream.readline().strip()):
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not length:
                return
            self._handle(json.loads(stream.read(length)))

    def _handle(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:      # the server asks us
            result: Any = None
            if message["method"] == "workspace/configuration":
                result = [self.settings.get(item.get("section", ""), {})
                          for item in message["params"]["items"]]
            self._send({"id": message["id"], "result": result})
        elif "id" in message:
            self.replies[message["id"]].put(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics.put((params["uri"], params["diagnostics"]))

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.replies[self.next_id] = queue.Queue()
        self._send({"id": self.next_id, "method": method, "params": params})
        reply = self.replies[self.next_id].get(timeout=TIMEOUT)
        assert "error" not in reply, reply
        return reply["result"]

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def open(self, path: Path, text: str | None = None) -> str:
        """Open a file as the editor would (its text as on disk unless given)."""
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1,
            "text": path.read_text(encoding="utf-8") if text is None else text}})
        return uri

    def diagnostics_of(self, uri: str) -> list[dict[str, Any]]:
        """The next diagnostics the server publishes for `uri`."""
        while True:
            got, diagnostics = self.diagnostics.get(timeout=TIMEOUT)
            if got == uri:
                return diagnostics

    def completions(self, uri: str, line: int, character: int) -> list[str]:
        """The labels offered at a 0-based position."""
        result = self.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        items = result.get("items", []) if isinstance(result, dict) else result or []
        return [item["label"] for item in items]

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (queue.Empty, subprocess.TimeoutExpired, BrokenPipeError, OSError):
            self.process.kill()
            self.process.wait()
