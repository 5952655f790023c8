#!/usr/bin/env python3
"""Writes a rule set with a large catalogue of measures and matching data, for the measure-plan benchmark.

Usage: generate_plan.py MEASURES RESOURCES OUTDIR [SEED] [--equal] [--dense]

OUTDIR/rules.yaml gets 10 areas (all selected) and MEASURES measures, each addressing one or two areas and
costing 1-100 of one to three of RESOURCES resources (with --dense: of every resource, the classic hard
multidimensional knapsack); OUTDIR/data/ gets crime counts, a survey and resources of a quarter of the
catalogue's total demand per resource. With --equal every measure has the same effect and evidence, so that many
plans tie in value. Deterministic for a seed.
"""
import os
import random
import sys


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    equal = "--equal" in sys.argv
    dense = "--dense" in sys.argv
    measures, resources, out = int(args[0]), int(args[1]), args[2]
    rng = random.Random(int(args[3]) if len(args) > 3 else 200)
    areas = 10
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    lines = ["fokus: 1", "name: Plan benchmark", "scope: Länet", f"select: {{top: {areas}}}",
             "sensitivity: {samples: 1}", "areas:"]
    for i in range(areas):
        lines += [f"  - id: omrade{i:02d}", f"    name: Område {i}", f"    categories: [Brott {i}]",
                  f"    survey_items: [Fråga {i}]"]
    lines.append("measures:")
    demand = [0] * resources
    grades = ["strong", "moderate", "weak", "untested"]
    for j in range(measures):
        addressed = sorted(rng.sample(range(areas), rng.randint(1, 2)))
        used = range(resources) if dense else sorted(rng.sample(range(resources), rng.randint(1, min(3, resources))))
        costs = {r: rng.randint(1, 100) for r in used}
        for r in used:
            demand[r] += costs[r]
        cost = ", ".join(f"resurs{r:02d}: {costs[r]}" for r in used)
        effect = "0.5" if equal else str(rng.randint(1, 99) / 100)
        grade = "strong" if equal else rng.choice(grades)
        lines += [f"  - id: atgard{j:03d}", f"    name: Åtgärd {j}",
                  "    addresses: [" + ", ".join(f"omrade{a:02d}" for a in addressed[:1 if equal else 2]) + "]",
                  f"    cost: {{{cost}}}", f"    effect: {effect}", f"    evidence: {grade}"]
    with open(os.path.join(out, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "data", "brott.csv"), "w", encoding="utf-8") as f:
        f.write("år;kommun;brottskategori;antal\n")
        for i in range(areas):
            level = 50 if equal else rng.randint(5, 400)
            for year in range(2019, 2024):
                f.write(f"{year};Länet;Brott {i};{level if equal else max(0, int(level * rng.uniform(0.7, 1.4)))}\n")
    with open(os.path.join(out, "data", "enkat.csv"), "w", encoding="utf-8") as f:
        f.write("år;kommun;fråga;andel\n")
        for i in range(areas):
            f.write(f"2023;Länet;Fråga {i};{30 if equal else rng.randint(5, 70)} %\n")
    with open(os.path.join(out, "data", "resurser.csv"), "w", encoding="utf-8") as f:
        f.write("period;scope;resource;available\n")
        for r in range(resources):
            f.write(f"2023;Länet;resurs{r:02d};{demand[r] // 4}\n")


if __name__ == "__main__":
    main()
