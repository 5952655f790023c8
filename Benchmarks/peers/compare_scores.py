#!/usr/bin/env python3
"""Checks that several scores.csv files (scope,area,rank,score; more columns ignored) agree: the same
scope × area pairs, the same ranks, scores within 1e-9. Usage: compare_scores.py A.csv B.csv [C.csv …]"""
import csv
import sys


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["scope"], r["area"]): (int(r["rank"]), float(r["score"])) for r in csv.DictReader(f)}


def main() -> int:
    first, *others = sys.argv[1:]
    base = read(first)
    failed = False
    for other in others:
        rows = read(other)
        problems = [f"missing in {other}: {k}" for k in base if k not in rows]
        problems += [f"extra in {other}: {k}" for k in rows if k not in base]
        for key, (rank, score) in base.items():
            if key in rows:
                r2, s2 = rows[key]
                if r2 != rank or abs(s2 - score) > 1e-9:
                    problems.append(f"{key}: {first} rank {rank} score {score!r}, {other} rank {r2} score {s2!r}")
        if problems:
            failed = True
            print(f"{first} and {other} differ in {len(problems)} place(s):", *problems[:10], sep="\n  ")
        else:
            print(f"{first} and {other} agree: {len(base)} scope × area scores and ranks")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
