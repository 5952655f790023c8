#!/usr/bin/env python3
"""Writes a large crime-events CSV (one row a reported crime) to standard output.

Usage: generate_events.py ROWS

The rows spread over 2019-2023, over several municipalities and over the police's event
types, deterministically (a fixed seed), so that benchmark runs compare like with like.
"""
import random
import sys

TYPES = [
    "Stöld", "Stöld/inbrott", "Inbrott", "Bedrägeri", "Skadegörelse", "Trafikolycka, personskada",
    "Rattfylleri", "Narkotikabrott", "Misshandel", "Olaga hot", "Ofredande/förargelse", "Rån",
    "Brand", "Sammanfattning natt", "Trafikkontroll", "Klotter",
]
SCOPES = ["Kungsör", "Köping", "Arboga", "Västerås", "Eskilstuna", "Örebro", "Malmö", "Göteborg"]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_500_000
    rng = random.Random(2024)
    out = sys.stdout
    out.write("datum;kommun;brottstyp\n")
    buffer = []
    for i in range(rows):
        year = 2019 + rng.randrange(5)
        month = 1 + rng.randrange(12)
        day = 1 + rng.randrange(28)
        hour = rng.randrange(24)
        buffer.append(f"{year}-{month:02d}-{day:02d} {hour:02d}:15;{rng.choice(SCOPES)};{rng.choice(TYPES)}\n")
        if len(buffer) >= 10_000:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


if __name__ == "__main__":
    main()
