"""Writes docs/mutation.md from Stryker's JSON reports: the score per part and per file, and every surviving mutant,
each marked equivalent (with why) when tests/Mutation/equivalents.tsv lists it."""
import csv
import json
import os
import sys
from collections import defaultdict

out, equivalents_path, target = sys.argv[1:4]
root = os.getcwd()



def is_input_check(path):
    """Check.cs, and the inputs of the changes, each of which validates itself (Changes/New*.cs, ContactDetails, Actor)."""
    name = os.path.basename(path)
    return name == "Check.cs" or ("/Changes/" in path and (name.startswith("New") or name in ("ContactDetails.cs", "Actor.cs")))


# Each part of the run, with the files it scores (paths relative to the repository) and its target score.
PARTS = [
    ("Domain rules", "domain", lambda f: not is_input_check(f), 90),
    ("Input checks", "domain", is_input_check, 85),
    ("Governance: disclosure, access, audit", "governance", lambda f: True, 90),
]
KILLED = {"Killed", "Timeout"}
SURVIVED = {"Survived", "NoCoverage"}

# file<TAB>mutator<TAB>original<TAB>mutated<TAB>why; matched on the first four, so a line moving does not unlist it.
equivalents = {}
with open(equivalents_path, encoding="utf-8") as f:
    for row in csv.reader((l for l in f if l.strip() and not l.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE):
        equivalents[tuple(row[:4])] = row[4]


def original_text(source, location):
    lines = source.splitlines()
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    text = [lines[start["line"] - 1][start["column"] - 1:]] + lines[start["line"]:end["line"] - 1] + [lines[end["line"] - 1][:end["column"] - 1]]
    return "\n".join(text)


def one_line(text, limit=90):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell(text):
    return "`" + one_line(text).replace("|", "\\|").replace("`", "'") + "`" if text else "(nothing)"


runs = {}
for part in {p[1] for p in PARTS}:
    path = os.path.join(out, part, "reports", "mutation-report.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        seconds = open(os.path.join(out, part, "seconds"), encoding="utf-8").read().strip() if os.path.exists(os.path.join(out, part, "seconds")) else "?"
        runs[part] = (report, seconds)

rows = defaultdict(lambda: defaultdict(int))
survivors = []
for title, part, includes, _ in PARTS:
    if part not in runs:
        continue
    report, _ = runs[part]
    for path, entry in sorted(report["files"].items()):
        rel = os.path.relpath(path, root) if os.path.isabs(path) else path
        if not includes(rel):
            continue
        rows[(title, rel)]
        for m in entry["mutants"]:
            status = m["status"]
            if status in KILLED:
                rows[(title, rel)]["killed"] += 1
            elif status in SURVIVED:
                original = original_text(entry["source"], m["location"])
                key = (rel, m["mutatorName"], one_line(original), one_line(m.get("replacement", "")))
                why = equivalents.get(key)
                rows[(title, rel)]["equivalent" if why else "survived"] += 1
                survivors.append((title, rel, m["location"]["start"]["line"], m["mutatorName"], original, m.get("replacement", ""), status, why))
            else:
                rows[(title, rel)]["other"] += 1


def score(killed, survived, equivalent, exclude):
    total = killed + survived + (0 if exclude else equivalent)
    return f"{100 * killed / total:.1f} %" if total else "–"


lines = ["# Mutation testing", "",
         "Written by `./mutation` (Stryker.NET 5.1.0, coverage per test, two test processes); do not edit by hand.",
         "A mutant is one small bug planted in the code; it is *killed* when a test fails (or times out). The score is",
         "killed / (killed + survived); *adjusted* leaves out the equivalent mutants listed below, which no input can tell",
         "apart from the original. Mutants that do not compile or that only change code no test can reach are not counted.",
         ""]
lines += ["| part | tests | time | killed | survived | equivalent | score | adjusted | target |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
for title, part, _, goal in PARTS:
    if part not in runs:
        lines.append(f"| {title} | – | not run | | | | | | {goal} % |")
        continue
    k = sum(v["killed"] for (t, _), v in rows.items() if t == title)
    s = sum(v["survived"] for (t, _), v in rows.items() if t == title)
    e = sum(v["equivalent"] for (t, _), v in rows.items() if t == title)
    tests = {"domain": "Patchwork.Domain.Tests", "governance": "Patchwork.Governance.Tests"}[part]
    lines.append(f"| {title} | {tests} | {runs[part][1]} s (whole {part} run) | {k} | {s} | {e} | {score(k, s, e, False)} | {score(k, s, e, True)} | {goal} % |")
lines += ["", "## Per file", "", "| part | file | killed | survived | equivalent | score | adjusted |", "| --- | --- | --- | --- | --- | --- | --- |"]
for (title, rel), v in rows.items():
    if v["killed"] + v["survived"] + v["equivalent"] == 0:
        continue
    lines.append(f"| {title} | `{rel}` | {v['killed']} | {v['survived']} | {v['equivalent']} | {score(v['killed'], v['survived'], v['equivalent'], False)} | {score(v['killed'], v['survived'], v['equivalent'], True)} |")
left = [s for s in survivors if not s[7]]
lines += ["", "## Survivors", ""]
if left:
    lines += ["| file:line | mutator | original → mutated | status |", "| --- | --- | --- | --- |"]
    lines += [f"| `{rel}:{line}` | {mut} | {cell(o)} → {cell(r)} | {st} |" for _, rel, line, mut, o, r, st, _ in left]
else:
    lines.append("None: every mutant that survived is an equivalent one, below.")
lines += ["", "## Equivalent mutants", "", "| file:line | mutator | original → mutated | why it cannot change behaviour |", "| --- | --- | --- | --- |"]
lines += [f"| `{rel}:{line}` | {mut} | {cell(o)} → {cell(r)} | {why} |" for _, rel, line, mut, o, r, _, why in survivors if why]
with open(target, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
