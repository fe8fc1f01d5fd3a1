#!/usr/bin/env python3
"""Measures `congkhai serve`: time from saving a file to the reloaded page.

For each kind of edit (a Markdown section, an appendix table row, a template) the script
saves a change, then does what the browser's reload script does: waits on
/__congkhai/events?since=<version> and fetches the page again; the figure is the time from
the end of the save to the page that shows the change. Standard library only.

    python3 scripts/bench-serve.py [--binary target/release/congkhai] [--scale 1] [--runs 15]

--scale N copies every real document N times (ids suffixed) to make a larger site.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = "documents/khanh-hoa/kh-10693-2020"
SECTION = DOC + "/sections/01-phan-i.md"
APPENDIX = DOC + "/appendices/04-du-an-nhiem-vu-2021-2025.yaml"
TEMPLATE = "templates/base.html"


def make_project(scale):
    project = tempfile.mkdtemp(prefix="congkhai-bench-serve-")
    content = os.path.join(project, "content")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    shutil.copytree(os.path.join(ROOT, "themes/default"), os.path.join(project, "theme"))
    docs = os.path.join(content, "documents")
    originals = [(p, d) for p in sorted(os.listdir(docs)) for d in sorted(os.listdir(os.path.join(docs, p)))]
    ids = [d for _, d in originals]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r")\b(?!-)")
    for copy in range(2, scale + 1):
        for province, doc in originals:
            target = os.path.join(docs, province, f"{doc}-x{copy}")
            shutil.copytree(os.path.join(docs, province, doc), target)
            for folder, _, files in os.walk(target):
                for name in files:
                    if name.endswith(".yaml"):
                        path = os.path.join(folder, name)
                        with open(path, encoding="utf-8") as f:
                            text = f.read()
                        text = pattern.sub(lambda m: f"{m.group(1)}-x{copy}", text)
                        with open(path, "w", encoding="utf-8") as f:
                            f.write(text)
    return project


def get(url):
    with urllib.request.urlopen(url, timeout=60) as reply:
        return reply.read().decode("utf-8")


def version(base):
    return json.loads(get(base + "__congkhai/events"))["version"]


def measure(base, path, page, change, runs):
    """Saves `change(text, n)` into `path` `runs` times; returns latencies in ms."""
    with open(path, encoding="utf-8") as f:
        original = f.read()
    times = []
    try:
        for n in range(runs):
            since = version(base)
            marker, text = change(original, n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            saved = time.perf_counter()
            for _ in range(5):  # a save may come in more than one burst of events
                status = json.loads(get(f"{base}__congkhai/events?since={since}"))
                html = get(base + page)
                if status["errors"] or marker in html:
                    break
                since = status["version"]
            done = time.perf_counter()
            if status["errors"] or marker not in html:
                sys.exit(f"edit {n} of {path} did not show: {status['errors']}")
            times.append((done - saved) * 1000)
            time.sleep(0.1)
    finally:
        since = version(base)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        get(f"{base}__congkhai/events?since={since}")
        time.sleep(0.2)
    return times


def section_edit(text, n):
    marker = f"Đoạn đo thời gian số {n}."
    return marker, text.rstrip("\n") + f"\n\n{marker}\n"


def row_edit(text, n):
    marker = f"(đo {n})"
    return marker, re.sub(r'(name: ")', lambda m: m.group(1) + marker + " ", text, count=1)


def template_edit(text, n):
    marker = f"mau-do-{n}"
    return marker, text.replace("<footer ", f'<footer data-do="{marker}" ', 1)


def appendix_page(project):
    with open(os.path.join(project, "content", APPENDIX), encoding="utf-8") as f:
        appendix_id = re.search(r"^id: *\"?([a-z0-9-]+)", f.read(), re.M).group(1)
    return f"van-ban/kh-10693-2020/phu-luc-{appendix_id}/"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/congkhai"))
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    project = make_project(args.scale)
    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--content", "content", "--theme", "theme"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = server.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+/", first).group(0)
        print(first.strip())
        cases = [
            ("Markdown section", os.path.join(project, "content", SECTION), "van-ban/kh-10693-2020/", section_edit),
            ("appendix table row", os.path.join(project, "content", APPENDIX), appendix_page(project), row_edit),
            ("template (base.html)", os.path.join(project, "theme", TEMPLATE), "", template_edit),
        ]
        print(f"| edit (scale {args.scale}) | runs | median ms | min ms | max ms |")
        print("|---|---|---|---|---|")
        for name, path, page, change in cases:
            times = measure(base, path, page, change, args.runs)
            print(f"| {name} | {len(times)} | {statistics.median(times):.0f} | {min(times):.0f} | {max(times):.0f} |")
    finally:
        server.send_signal(2)
        server.wait()
        shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
