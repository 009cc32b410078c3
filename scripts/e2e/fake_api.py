#!/usr/bin/env python3
"""A stand-in for the Anthropic Messages API on 127.0.0.1, for running the real Claude Code offline.

    fake_api.py --port-file FILE --log FILE.jsonl

Listens on a free port of 127.0.0.1 and writes the port to --port-file once it accepts connections. Every
request is appended to --log as one JSON line: {"seq", "method", "path", "query", "headers", "body"} (body parsed when it is
JSON), so a test can see what the client sent, e.g. which earlier messages a resumed session carried (the tools are
logged by name and the system prompt by size only).

POST /v1/messages answers as the real API does, streaming (SSE) when the request says "stream": true, else one
JSON message. The answer is text that echoes the last prompt ("fake answer: <prompt>"), unless the conversation
asks for a file edit with the directive

    [[edit FILE OLD NEW]]      (FILE absolute, OLD and NEW single words)

in its first user text. Then the fake drives the client's own tools, one step per request:
Read FILE (Claude Code edits only files it has read), then Edit FILE OLD -> NEW, then a text answer once the
Edit's tool_result comes back. That Edit is what makes the client write file-history/.

A prompt holding [[sleep SECONDS]] is answered after that delay: a client that stays busy (alive, with its
sessions/<pid>.json) for as long as a test needs.

POST /v1/messages/count_tokens answers a rough count; any other path answers 200 with an empty JSON object,
so an unexpected call shows up in the log instead of as a client error.
"""
import argparse
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

EDIT = re.compile(r"\[\[edit (\S+) (\S+) (\S+)\]\]")
SLEEP = re.compile(r"\[\[sleep (\d+(?:\.\d+)?)\]\]")
MODEL_FALLBACK = "claude-sonnet-4-5"


LOGGED_HEADERS = ("user-agent", "anthropic-version", "anthropic-beta", "x-app")


def _loggable(body):
    """The request body for the log: the tools by name and the system prompt by size (they are the bulk of each
    request and the same every time); everything else as sent."""
    if not isinstance(body, dict):
        return body
    out = dict(body)
    if isinstance(out.get("tools"), list):
        out["tools"] = [t.get("name") for t in out["tools"] if isinstance(t, dict)]
    if "system" in out:
        out["system"] = f"<{len(json.dumps(out['system']))} characters>"
    return out


class Log:
    """The request log: one JSON object per line, flushed at once, numbered in arrival order."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.seq = 0

    def write(self, entry):
        with self.lock:
            self.seq += 1
            entry = {"seq": self.seq, **entry}
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            return self.seq


# ---------------------------------------------------------------- what to answer

def _texts(content):
    """The text parts of a message's content (a string, or a list of blocks)."""
    if isinstance(content, str):
        return [content]
    return [b.get("text", "") for b in content or [] if isinstance(b, dict) and b.get("type") == "text"]


def _tool_results(content):
    if isinstance(content, str):
        return []
    return [b for b in content or [] if isinstance(b, dict) and b.get("type") == "tool_result"]


def _tool_uses(messages):
    """id -> name of every tool_use the assistant sent in this conversation."""
    out = {}
    for m in messages:
        if m.get("role") == "assistant" and isinstance(m.get("content"), list):
            for b in m["content"]:
                if isinstance(b, dict) and b.get("type") == "tool_use":
                    out[b.get("id")] = b.get("name")
    return out


def _real_prompt(text):
    """The user's own words in a text block, without the <system-reminder> blocks the client adds."""
    return re.sub(r"<system-reminder>.*?</system-reminder>", "", text, flags=re.S).strip()


def decide(body, seq):
    """The answer to one Messages request: ("text", str) or ("tool_use", name, input, seq)."""
    messages = body.get("messages") or []
    # The client may end the list with a "system" message (environment notes): the turn to answer is the last
    # user message.
    last = next((m for m in reversed(messages) if m.get("role") == "user"), {})
    prompts = [_real_prompt(t) for m in messages if m.get("role") == "user" for t in _texts(m.get("content"))]
    prompts = [p for p in prompts if p]
    directive = next((EDIT.search(p) for p in reversed(prompts) if EDIT.search(p)), None)
    results = _tool_results(last.get("content"))
    if directive and results:
        uses = _tool_uses(messages)
        done = uses.get(results[-1].get("tool_use_id"))
        path, old, new = directive.groups()
        if done == "Read":
            return ("tool_use", "Edit", {"file_path": path, "old_string": old, "new_string": new, "replace_all": False},
                    seq)
        return ("text", f"fake answer: edited {os.path.basename(path)} ({old} -> {new})")
    last_texts = [_real_prompt(t) for t in _texts(last.get("content"))]
    last_prompt = next((t for t in reversed(last_texts) if t), "")
    if directive and last_prompt and EDIT.search(last_prompt):
        return ("tool_use", "Read", {"file_path": directive.group(1)}, seq)
    return ("text", "fake answer: " + (last_prompt[:200] if last_prompt else "(no prompt)"))


def _usage(body, out_tokens):
    size = len(json.dumps(body.get("messages") or []))
    return {"input_tokens": max(1, size // 4), "output_tokens": out_tokens, "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0}


def _block(answer):
    if answer[0] == "text":
        return {"type": "text", "text": answer[1]}
    _, name, tool_input, seq = answer
    return {"type": "tool_use", "id": f"toolu_fake_{seq:06d}", "name": name, "input": tool_input}


def message(body, answer, seq):
    block = _block(answer)
    return {"id": f"msg_fake_{seq:06d}", "type": "message", "role": "assistant",
            "model": body.get("model") or MODEL_FALLBACK, "content": [block],
            "stop_reason": "tool_use" if block["type"] == "tool_use" else "end_turn", "stop_sequence": None,
            "usage": _usage(body, 12)}


def sse_events(body, answer, seq):
    """The event stream of one answer, as (event, data) pairs, in the order the real API sends them."""
    full = message(body, answer, seq)
    block = full["content"][0]
    start = dict(full, content=[], stop_reason=None, usage=dict(full["usage"], output_tokens=1))
    yield "message_start", {"type": "message_start", "message": start}
    if block["type"] == "text":
        yield "content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
        words = re.findall(r"\S+\s*", block["text"]) or [block["text"]]
        for i in range(0, len(words), 4):
            yield "content_block_delta", {"type": "content_block_delta", "index": 0,
                                          "delta": {"type": "text_delta", "text": "".join(words[i:i + 4])}}
    else:
        yield "content_block_start", {"type": "content_block_start", "index": 0,
                                      "content_block": {"type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}}
        yield "content_block_delta", {"type": "content_block_delta", "index": 0,
                                      "delta": {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}}
    yield "content_block_stop", {"type": "content_block_stop", "index": 0}
    yield "message_delta", {"type": "message_delta", "delta": {"stop_reason": full["stop_reason"], "stop_sequence": None},
                            "usage": {"output_tokens": full["usage"]["output_tokens"]}}
    yield "message_stop", {"type": "message_stop"}


# ---------------------------------------------------------------- HTTP

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-anthropic-api/1"

    def log_message(self, fmt, *args):  # the JSONL log is the log; keep stderr quiet
        pass

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            return raw.decode("utf-8", "replace")

    def _send_json(self, code, doc):
        data = json.dumps(doc).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("request-id", "req_fake")
        self.end_headers()
        self.wfile.write(data)

    def _handle(self):
        url = urlsplit(self.path)
        body = self._body() if self.command in ("POST", "PUT", "PATCH") else None
        seq = self.server.log.write({"method": self.command, "path": url.path, "query": url.query,
                                     "headers": {h: self.headers[h] for h in LOGGED_HEADERS if h in self.headers},
                                     "body": _loggable(body)})
        if self.command == "POST" and url.path == "/v1/messages" and isinstance(body, dict):
            answer = decide(body, seq)
            delay = SLEEP.search(answer[1]) if answer[0] == "text" else None
            if delay:
                time.sleep(float(delay.group(1)))
            if body.get("stream"):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.send_header("request-id", "req_fake")
                self.end_headers()
                for event, data in sse_events(body, answer, seq):
                    self.wfile.write(f"event: {event}\ndata: {json.dumps(data)}\n\n".encode())
                    self.wfile.flush()
                self.close_connection = True
            else:
                self._send_json(200, message(body, answer, seq))
        elif self.command == "POST" and url.path == "/v1/messages/count_tokens":
            self._send_json(200, {"input_tokens": max(1, len(json.dumps(body)) // 4)})
        else:
            self._send_json(200, {})

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def do_HEAD(self):
        self.server.log.write({"method": "HEAD", "path": urlsplit(self.path).path, "query": "", "body": None})
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port-file", required=True)
    p.add_argument("--log", required=True)
    args = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.log = Log(args.log)
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{server.server_address[1]}\n")
    os.replace(tmp, args.port_file)  # whole or absent: the waiting script never reads half a number
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
