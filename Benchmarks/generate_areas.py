#!/usr/bin/env python3
"""Writes a rule set with many areas and matching data, for the rank-stability benchmark.

Usage: generate_areas.py AREAS OUTDIR

OUTDIR/rules.yaml gets AREAS areas (each with two categories and a survey item), a measure per
area and three rules; OUTDIR/data/ gets five years of crime counts, a survey and resources.
Deterministic (fixed seed).
"""
import os
import random
import sys


def main() -> None:
    areas = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(30)
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    lines = ["fokus: 1", "name: Benchmark", "scope: Länet", "select: {top: 5}", "areas:"]
    for i in range(areas):
        lines += [f"  - id: omrade{i:02d}", f"    name: Område {i}", f"    categories: [Brott {i}a, Brott {i}b]",
                  f"    survey_items: [Fråga {i}]", "    owners: [polis, kommun]"]
    lines.append("measures:")
    for i in range(areas):
        lines += [f"  - id: atgard{i:02d}", f"    name: Åtgärd {i}", f"    addresses: [omrade{i:02d}]",
                  f"    cost: {{polis_timmar: {rng.randint(10, 80)}, kommun_timmar: {rng.randint(10, 120)}}}",
                  f"    effect: {rng.randint(1, 5) / 10}", "    evidence: moderate"]
    lines += ["rules:",
              "  - id: okning", "    when: trend.z >= 2 and concern.raw >= 0.3", "    then: {boost: 0.05}",
              "  - id: fa", "    when: trend.latest < 10", "    then: {scale: 0.95}",
              "  - id: polis", "    when: not (\"kommun\" in area.owners)", "    then: {scale: 0.9}"]
    with open(os.path.join(out, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "data", "brott.csv"), "w", encoding="utf-8") as f:
        f.write("år;kommun;brottskategori;antal\n")
        for i in range(areas):
            for part in "ab":
                level = rng.randint(5, 400)
                for year in range(2019, 2024):
                    f.write(f"{year};Länet;Brott {i}{part};{max(0, int(level * rng.uniform(0.7, 1.4)))}\n")
    with open(os.path.join(out, "data", "enkat.csv"), "w", encoding="utf-8") as f:
        f.write("år;kommun;fråga;andel\n")
        for i in range(areas):
            f.write(f"2023;Länet;Fråga {i};{rng.randint(5, 70)} %\n")
    with open(os.path.join(out, "data", "resurser.csv"), "w", encoding="utf-8") as f:
        f.write("period;scope;resource;available\n2023;Länet;polis_timmar;600\n2023;Länet;kommun_timmar;900\n")


if __name__ == "__main__":
    main()
